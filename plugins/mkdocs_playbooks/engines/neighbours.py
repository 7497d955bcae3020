"""Author text is data for every other plugin and Markdown extension of the build.

A site runs other plugins beside this one, and some of them read every page's Markdown as a
program: mkdocs-macros renders it as a Jinja template, mkdocs-include-markdown-plugin includes the
files it names, pymdownx.snippets includes the files named by `--8<--` lines, markdown-exec runs
its code blocks. Playbook text comes from many authors, so none of that may happen to it. The
rule, one for every page the plugin generates and for `playbooks export`:

1. each page's front matter says `render_macros: false`, mkdocs-macros' own opt-out, stronger
   than any of its settings (`markup.front_matter`), and the titles have `{` as `&#123;`;
2. every text the plugin did not write is held (`markup.held`): while the other plugins read the
   page's Markdown (`on_page_markdown`), each held text is out of it, a numbered token in its
   place (`take_out`), and it is put back after them (`put_back`), before Markdown renders;
3. the Markdown extensions that read the page while it renders, after every plugin: each line
   that pymdownx.snippets would read gets its own escape, one more `;`, which it removes
   (`snippet_proof`); markdown-exec's fences run nothing on a generated page (`FenceGuard`).

Free of MkDocs: the plugin and the export call it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import markdown as markdown_module

from ..output.pages.markup import HELD_END, HELD_START

_HELD = re.compile(f"{HELD_START}([^{HELD_START}{HELD_END}]*){HELD_END}")
_TOKEN = re.compile(f"{HELD_START}([0-9]+){HELD_END}")


def take_out(markdown: str) -> tuple[str, list[str]]:
    """`markdown` with each held text replaced by a numbered token; and those texts, in order."""
    held: list[str] = []

    def token(found: re.Match[str]) -> str:
        held.append(found.group(1))
        return f"{HELD_START}{len(held) - 1}{HELD_END}"

    return _HELD.sub(token, markdown), held


def put_back(markdown: str, held: Sequence[str]) -> tuple[str, int]:
    """`markdown` with each token of `take_out` replaced by its text again; and how many tokens
    are missing (another plugin removed them, with the text they stood for)."""
    seen: set[int] = set()

    def text(found: re.Match[str]) -> str:
        number = int(found.group(1))
        if number >= len(held):
            return ""
        seen.add(number)
        return held[number]

    return _TOKEN.sub(text, markdown), len(held) - len(seen)


SnippetReader = Any
"""pymdownx.snippets' preprocessor class: its `RE_ALL_SNIPPETS` and `RE_SNIPPET_SECTION` say
which lines it reads, whatever its version."""


def snippet_reader(extensions: Sequence[Any],
                   configs: Mapping[str, Any] | None = None) -> SnippetReader | None:
    """The preprocessor class of pymdownx.snippets if Markdown with `extensions` has one (named
    in any way, or a subclass); None if not."""
    md = markdown_module.Markdown(extensions=list(extensions),
                                  extension_configs=dict(configs or {}))
    for processor in md.preprocessors:
        for cls in type(processor).__mro__:
            if cls.__module__ == "pymdownx.snippets" and cls.__name__ == "SnippetPreprocessor":
                return cls
    return None


def snippet_proof(markdown: str, reader: SnippetReader) -> str:
    """`markdown` with one more `;` before each line that pymdownx.snippets would read as an
    include or a section mark: its own escape, which it removes, so the line shows as written
    (in code too, where no character reference would). The plugin's own markup never holds
    `8<-`: every such line is an author's."""
    lines = markdown.split("\n")
    for n, line in enumerate(lines):
        if "8<-" not in line:
            continue
        found = reader.RE_ALL_SNIPPETS.match(line) or reader.RE_SNIPPET_SECTION.match(line)
        if found is not None:
            at = found.start("escape")
            lines[n] = line[:at] + ";" + line[at:]
    return "\n".join(lines)


class FenceGuard:
    """Code blocks that run at build time (markdown-exec's custom fences of
    pymdownx.superfences) refused on generated pages: while one renders (`active`), their
    validator says no, and the block is shown as code. MkDocs renders one page at a time, between
    its `on_page_markdown` and its `on_page_content`."""

    def __init__(self) -> None:
        self.active = False

    def wrap(self, configs: Mapping[str, Any]) -> int:
        """Guards each fence of `configs` (MkDocs' `mdx_configs`) whose validator is
        markdown-exec's; how many it guarded now."""
        fences = configs.get("pymdownx.superfences", {}).get("custom_fences", [])
        wrapped = 0
        for fence in fences:
            validator = fence.get("validator")
            module = getattr(validator, "__module__", "") or ""
            if module.startswith("markdown_exec") and not getattr(validator, "pb_guarded", False):
                fence["validator"] = self._guarded(validator)
                wrapped += 1
        return wrapped

    def _guarded(self, validator: Callable[..., Any]) -> Callable[..., bool]:
        def guarded(*args: Any, **kwargs: Any) -> bool:
            return False if self.active else bool(validator(*args, **kwargs))

        guarded.pb_guarded = True  # type: ignore[attr-defined]
        return guarded
