"""The browser assets: one stylesheet, and one script bundled from small files.

The script's parts (`assets/js/`) are classic scripts. Each opens with a header that says what it
takes from which other part and what it gives the others (`ScriptPart`); the bundle joins them,
each after the parts it uses (the order is derived from the headers, which must form no cycle),
inside one function, so the parts share one private scope, set no global and need no build step:
the site works from disk. Node's tests load a part alone with just what its header says it uses
(`tests/js/fixtures.js`), and `tests/test_script.py` checks that a part's code uses nothing
else. The bundle is served compacted (the budget of `benchmarks/asset_size.py` counts script
and stylesheet gzipped together): the parts without their comments and the blanks that
JavaScript does not need; line breaks are kept where automatic semicolon insertion could read
them. The stylesheet is served without its comments and the blanks CSS does not need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ASSETS_DIR = Path(__file__).parent.parent / "assets"
SCRIPT_DIR = ASSETS_DIR / "js"
STYLESHEET = ASSETS_DIR / "playbooks.css"

CSS_URI = "assets/playbooks/playbooks.css"
JS_URI = "assets/playbooks/playbooks.js"
"""Where the site serves them, relative to its root."""

ENTRY = "main.js"
"""The part that starts the script: the bundle ends with it, and every other part is used."""


@dataclass(frozen=True)
class ScriptPart:
    """A file of the script, as its header declares it:

    ```js
    // plan.js: the action plan and the targets (its one job, first)
    // uses words.js: t, number
    // uses scoring.js: pointsMissing, levelAt
    // gives: goal, planOrder
    ```

    `uses` maps another part to the names it takes from it; `gives` are the top-level names that
    other parts may use (any other name of the part is its own)."""

    name: str
    uses: tuple[tuple[str, tuple[str, ...]], ...]
    gives: tuple[str, ...]

    def used_names(self) -> set[str]:
        """Every name this part takes from another."""
        return {name for _, names in self.uses for name in names}


class ScriptPartError(ValueError):
    """A header that does not hold together: `path:line: what (how to fix)`."""


_USES = re.compile(r"// uses ([\w.-]+\.js): (.+)")
_GIVES = re.compile(r"// gives: (.+)")
_NAMES = re.compile(r"[\w$]+(?:, [\w$]+)*")


def _names(path: Path, line: int, text: str) -> tuple[str, ...]:
    if not _NAMES.fullmatch(text):
        raise ScriptPartError(f"{path}:{line}: {text!r} is not a list of names "
                              f"(write them separated by a comma and a space)")
    return tuple(text.split(", "))


def read_part(path: Path) -> ScriptPart:
    """A part's header: the comment lines it opens with."""
    uses: dict[str, tuple[str, ...]] = {}
    gives: tuple[str, ...] = ()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("//"):
            break
        if used := _USES.fullmatch(line):
            uses[used[1]] = uses.get(used[1], ()) + _names(path, number, used[2])
        elif given := _GIVES.fullmatch(line):
            gives += _names(path, number, given[1])
    return ScriptPart(path.name, tuple(uses.items()), gives)


def _check_uses(parts: dict[str, ScriptPart], folder: Path) -> None:
    givers: dict[str, str] = {}
    for part in parts.values():
        for name in part.gives:
            if name in givers:
                raise ScriptPartError(f"{folder / part.name}: gives {name}, as {givers[name]} does "
                                      f"(the parts share one scope: rename one)")
            givers[name] = part.name
    for part in parts.values():
        for source, names in part.uses:
            if source not in parts or source == part.name:
                raise ScriptPartError(f"{folder / part.name}: uses {source}, which is no other "
                                      f"part of {folder} (name a file of that folder)")
            for name in names:
                if name not in parts[source].gives:
                    where = f"given by {givers[name]}" if name in givers else "given by no part"
                    raise ScriptPartError(f"{folder / part.name}: uses {name} from {source}, which "
                                          f"does not give it ({where})")


def _in_order(parts: dict[str, ScriptPart], folder: Path) -> tuple[str, ...]:
    """Each part after the parts it uses (visited in the order its header names them), the entry
    last; refused on a cycle or a part unused."""
    order: list[str] = []
    path: list[str] = []

    def visit(name: str) -> None:
        if name in path:
            cycle = " → ".join([*path[path.index(name):], name])
            raise ScriptPartError(f"{folder / name}: the parts use each other in a circle: {cycle} "
                                  f"(move what both need into a part of its own)")
        if name in order:
            return
        path.append(name)
        for source, _ in parts[name].uses:
            visit(source)
        order.append(path.pop())

    if ENTRY not in parts:
        raise ScriptPartError(f"{folder}: no {ENTRY}, the part that starts the script")
    visit(ENTRY)
    unused = sorted(set(parts) - set(order))
    if unused:
        raise ScriptPartError(f"{folder / unused[0]}: no part uses it, so the script never runs it "
                              f"(use it from the part that needs it, or remove it)")
    return tuple(order)


@cache
def script_parts(folder: Path = SCRIPT_DIR) -> tuple[ScriptPart, ...]:
    """The script's parts, each after those it uses (see `ScriptPart`)."""
    parts = {path.name: read_part(path) for path in sorted(folder.glob("*.js"))}
    _check_uses(parts, folder)
    return tuple(parts[name] for name in _in_order(parts, folder))


@cache
def script_bundle() -> str:
    """The script as served: every part, in order, in one private scope, compacted; no comment
    names each part (the names are most of what such comments weigh: 110 B gzipped)."""
    parts = "".join(served_part(part.name) for part in script_parts())
    return (
        "// mkdocs-playbooks\n"
        '(function () {\n"use strict";\n' + parts + "})();\n"
    )


def served_part(name: str) -> str:
    """A part as the bundle holds it."""
    return compact((SCRIPT_DIR / name).read_text(encoding="utf-8"))


_WORD = re.compile(r"[\w$\u0080-\uffff]")
_WORD_RUN = re.compile(r"[\w$\u0080-\uffff]+")
_REGEX_AFTER_WORD = {"return", "typeof", "case", "do", "else", "in", "of", "void", "delete",
                     "new", "throw", "yield", "await", "instanceof"}
"""Words after which a `/` starts a regular expression rather than a division."""


_CONTINUES = "{([,;=:?&|"
"""Characters after which a line break changes nothing: no statement ends there, or one just did."""
_CONTINUED = ".)]}:?"
"""Characters before which a line break changes nothing: the statement goes on, or ends anyway."""


class _Compactor:
    """A JavaScript reader just good enough for the project's own parts: strings, template
    literals (with `${…}` nested), regular expressions and comments are told apart, so that
    only comments and blanks are dropped. Where a line break or a blank was, one is kept if the
    code needs it: a line break unless after one of `_CONTINUES` or before one of `_CONTINUED`
    (elsewhere automatic semicolon insertion may read it), a blank between two words and between
    `+ +`, `- -` or `/ /`; and no `;` just before a `}`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.blank = ""  # "", " " or "\n": what separated the last token from the next
        self.last = ""  # the last character written
        self.word = ""  # the last token, when it was a word
        self.templates: list[int] = []  # for each `${` open: the depth of braces within it

    def token(self, text: str, *, word: bool = False) -> None:
        if text == "}" and self.out[-1:] == [";"] and self.out[-2:-1] != [")"]:
            self.out.pop()  # a block's last `;`; not that of an empty statement, as in `while (x);`
        if self.out and self.blank:
            joined = self.last + text[0]
            if self.blank == "\n" and self.last not in _CONTINUES and text[0] not in _CONTINUED:
                self.out.append("\n")
            elif (_WORD.match(self.last) and _WORD.match(text[0])) or joined in ("++", "--", "//"):
                self.out.append(" ")
        self.out.append(text)
        self.blank, self.last, self.word = "", text[-1], text if word else ""

    def regex_may_start(self) -> bool:
        if self.word:
            return self.word in _REGEX_AFTER_WORD
        return not self.out or self.last in "(,=:[!&|?{};+-*%<>~^\n"

    def run(self) -> str:
        source, at = self.source, 0
        while at < len(source):
            at = self.step(source, at)
        return "".join(self.out) + "\n"

    def step(self, source: str, at: int) -> int:
        char = source[at]
        if char in " \t\r\n":
            if char == "\n" or not self.blank:
                self.blank = "\n" if char == "\n" else " "
            return at + 1
        if source.startswith("//", at):
            end = source.find("\n", at)
            return len(source) if end < 0 else end
        if source.startswith("/*", at):
            self.blank = self.blank or " "
            return source.index("*/", at) + 2
        if char in "'\"":
            return self.literal(at, self.string_end(source, at))
        if char == "`" or (char == "}" and self.templates and self.templates[-1] == 0):
            if char == "}":
                self.templates.pop()
            return self.literal(at, self.template_end(source, at + 1))
        if char in "{}":
            if self.templates:
                self.templates[-1] += 1 if char == "{" else -1
            self.token(char)
            return at + 1
        if char == "/" and self.regex_may_start():
            return self.literal(at, self.regex_end(source, at))
        word = _WORD_RUN.match(source, at)
        if word:
            self.token(word.group(), word=True)
            return word.end()
        self.token(char)
        return at + 1

    def literal(self, start: int, end: int) -> int:
        self.token(self.source[start:end])
        return end

    @staticmethod
    def string_end(source: str, at: int) -> int:
        quote, at = source[at], at + 1
        while source[at] != quote:
            at += 2 if source[at] == "\\" else 1
        return at + 1

    def template_end(self, source: str, at: int) -> int:
        while True:
            if source[at] == "\\":
                at += 2
            elif source[at] == "`":
                return at + 1
            elif source.startswith("${", at):
                self.templates.append(0)
                return at + 2
            else:
                at += 1

    @staticmethod
    def regex_end(source: str, at: int) -> int:
        at, in_class = at + 1, False
        while source[at] != "/" or in_class:
            if source[at] == "\\":
                at += 1
            elif source[at] in "[]":
                in_class = source[at] == "["
            at += 1
        flags = _WORD_RUN.match(source, at + 1)
        return flags.end() if flags else at + 1


def compact(source: str) -> str:
    """JavaScript without its comments and the blanks it does not need (see `_Compactor`)."""
    return _Compactor(source).run()


@cache
def stylesheet() -> str:
    """The stylesheet as served: without its comments, and without the blanks around `{`, `}`,
    `;`, `,` and `>` or after `:` (so not between a selector's parts, nor within `calc()`)."""
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.DOTALL)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css).replace(";}", "}")
    return css.replace("}", "}\n").strip() + "\n"
