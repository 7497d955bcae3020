"""The generated pages and the assets written into a docs folder, for site engines that run no
MkDocs plugin: Zensical today. Its own third-party packages work this way (a command writes their
pages and assets into the docs folder, then the engine builds), and its documentation says the
same of MkDocs' `gen-files` scripts: run them apart from the build.

The plugin's guarantee holds without the plugin. Under MkDocs, each generated page is rendered by
MkDocs, then sanitised (`sanitize.py`). Here each page's Markdown is rendered with Python-Markdown
(the extensions MkDocs always uses and those the plugin requires), sanitised by the same cleaner,
and written back as raw HTML blocks, which Python-Markdown (Zensical's renderer) passes through
untouched. Text that an engine's own preprocessors could still read as syntax is written as
character references (`<` already is; `{` too, for Jinja macros), so they find nothing in it.
Only the headings (those MkDocs lists in the table of contents) are written as Markdown headings,
their text and markup escaped character by character, with their ids, so that the engine's table
of contents and search sections find them as they find the plugin's; the elements around a heading
(a dimension's `section`, a `lang` wrapper) get `markdown="1"`, for `md_in_html` to read the
heading inside. With `allow_html: true` the Markdown is written as it is, as the plugin hands it
over. Either way the front matter keeps mkdocs-macros off the page, and with `-x pymdownx.snippets`
the authors' text gets snippets' own escape: the plugin's rule for neighbours (`neighbours`).

What a page's body becomes depends only on its Markdown, the extensions and the libraries'
versions (`exported_body`): it is kept in the site's cache, signed as the plugin's pages are, so
that a page whose Markdown has not changed is not rendered again (the banner and the front matter
are put around it at each export).

Free of MkDocs: the command line reads the site's options and hands them over.
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown

from ..core.cache import Cache, text_kind, through
from ..output.assets import CSS_URI, JS_URI, script_bundle, stylesheet
from ..output.pages import MarkdownPage
from ..output.pages.markup import unheld
from ..output.pages.urls import ASSESSMENTS_DIR, PLAYBOOKS_DIR
from ..output.sanitize import sanitize
from .extensions import libraries, reads_files
from .neighbours import snippet_proof, snippet_reader
from .owned import ForeignFolderError, put_mark, refuse_foreign
from .site_nav import Nav, as_toml, as_yaml

EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html")
"""Those MkDocs always renders pages with, and those the plugin adds (`attr_list`, `md_in_html`)."""

ASSETS_DIR = CSS_URI.rpartition("/")[0]
OWNED = (PLAYBOOKS_DIR, ASSESSMENTS_DIR, ASSETS_DIR)
"""The folders of the docs folder that the export writes, whole: each is replaced at once."""

MARKER = ".playbooks-export"
"""A file in each folder written by the export: only such folders are ever replaced. Engines
skip files whose name starts with a dot, so it is not published."""

MARKER_TEXT = ("Written by `playbooks export`: this folder is replaced, whole, on the next "
               "export. Edit the YAML playbooks instead.\n")


class ExportError(Exception):
    """The docs folder holds something the export would overwrite, cannot be written, or an
    extension cannot be used; nothing was written."""


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    docs_dir: Path
    pages: list[str] = field(default_factory=list)
    """The source paths of the pages, relative to the docs folder."""
    nav_pages: dict[str, str] = field(default_factory=dict)
    """The titles of those a nav may list (not the later pages of a listing, reached by its
    pager), by source path."""
    assets: tuple[str, ...] = (CSS_URI, JS_URI)


def export(pages: Iterable[MarkdownPage], docs_dir: Path, *, allow_html: bool = False,
           extensions: Sequence[str] = (), banner: Callable[[str], str] | None = None,
           cache: Cache | None = None) -> Exported:
    """Write `pages` and the assets into `docs_dir`, replacing what an earlier export wrote (see
    `Export`)."""
    with Export(docs_dir, allow_html=allow_html, extensions=extensions, banner=banner,
                cache=cache) as target:
        return target.write(pages)


class Export:
    """An export into `docs_dir`, checked before anything is written, even the cache: an
    extension that cannot be used, a folder of `OWNED` that an export did not write (no `MARKER`
    in it, never touched), a docs folder that cannot be written are an `ExportError` when it is
    made. Leaving it (a context manager) removes what `write` did not use.

    `write` writes everything into a temporary folder beside `docs_dir` first, then moves each
    folder of `OWNED` into place: a failure leaves the docs folder as it was. `banner` gives the
    HTML that goes first on a page from its Markdown, as the plugin puts the facilitator edition's
    (`edition_banner`). `cache` keeps each page's exported body (`exported_body`): a page whose
    Markdown is unchanged is not rendered again.
    """

    def __init__(self, docs_dir: Path, *, allow_html: bool = False,
                 extensions: Sequence[str] = (), banner: Callable[[str], str] | None = None,
                 cache: Cache | None = None) -> None:
        self.docs_dir = docs_dir
        self.allow_html = allow_html
        self.renderer = _Renderer(extensions, banner, cache)
        try:
            for folder in OWNED:
                refuse_foreign(docs_dir / folder, MARKER, "export", verb="replace",
                               elsewhere="export into another docs folder")
        except ForeignFolderError as error:
            raise ExportError(str(error)) from None
        self.made = _missing(docs_dir.parent)
        """The folders made for the temporary one: removed again if nothing is written."""
        try:
            docs_dir.parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=".playbooks-export-",
                                                 dir=docs_dir.parent))
        except OSError as error:
            raise ExportError(f"{error.filename or docs_dir}: cannot write there: "
                              f"{error.strerror}") from None
        self.done = False

    def write(self, pages: Iterable[MarkdownPage]) -> Exported:
        """Write `pages` and the assets, replacing what an earlier export wrote."""
        try:
            written, nav_pages = _write_all(pages, self.staging / "new", self.renderer,
                                            self.allow_html)
            self.docs_dir.mkdir(exist_ok=True)
            _move_into_place(self.staging, self.docs_dir)
        except OSError as error:
            raise ExportError(f"{error.filename or self.docs_dir}: cannot write there: "
                              f"{error.strerror}; the docs folder is as it was") from None
        self.done = True
        return Exported(self.docs_dir, written, nav_pages)

    def __enter__(self) -> Export:
        return self

    def __exit__(self, *_exc: object) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        if not self.done:
            for folder in self.made:  # the deepest first; only if still empty
                try:
                    folder.rmdir()
                except OSError:
                    break


def _missing(folder: Path) -> list[Path]:
    """`folder` and the folders above it that do not exist, the deepest first."""
    missing: list[Path] = []
    for path in (folder, *folder.parents):
        if path.exists() or path.is_symlink():
            break
        missing.append(path)
    return missing


def _write_all(pages: Iterable[MarkdownPage], root: Path, renderer: _Renderer,
               allow_html: bool) -> tuple[list[str], dict[str, str]]:
    """Every file into `root`; with `allow_html`, pages as the plugin hands them to MkDocs. The
    pages written, and those a nav may list."""
    written: list[str] = []
    nav_pages: dict[str, str] = {}
    for page in pages:
        text = renderer.as_is(page.markdown) if allow_html else renderer.page(page.markdown)
        _write(root / page.uri, text)
        written.append(page.uri)
        if page.in_nav:
            nav_pages[page.uri] = page.title
    _write(root / CSS_URI, stylesheet())
    _write(root / JS_URI, script_bundle())
    for folder in OWNED:
        if (root / folder).is_dir():
            put_mark(root / folder, MARKER, MARKER_TEXT)
    return written, nav_pages


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _move_into_place(staging: Path, docs_dir: Path) -> None:
    old = staging / "old"
    for n, folder in enumerate(OWNED):
        target, new = docs_dir / folder, staging / "new" / folder
        if target.exists():
            old.mkdir(exist_ok=True)
            target.rename(old / str(n))
        if new.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(new, target)


class _Renderer:
    """Renders pages as the plugin's build does (Markdown, then sanitising), into Markdown that an
    engine passes through: raw HTML blocks, and the top headings as Markdown headings."""

    def __init__(self, extensions: Sequence[str],
                 banner: Callable[[str], str] | None = None, cache: Cache | None = None) -> None:
        self.banner = banner
        for name in extensions:
            _check_extension(name)
        names = tuple(dict.fromkeys([*EXTENSIONS, *extensions]))
        _converter(names)  # extensions that fail together fail here, before any writing
        self.snippets = snippet_reader(names)
        """pymdownx.snippets' reader when `-x` names it: the plugin's rule (`neighbours`)."""
        self.inputs = ExportInputs(names, libraries(names))
        self.cache = None if reads_files(names) else cache
        """What they read is in no key (as for the plugin's pages, `rendered`)."""

    def page(self, text: str) -> str:
        """A generated page's Markdown, rendered, sanitised and written back for an engine."""
        front, body = split_front_matter(unheld(text))
        if self.snippets is not None:
            body = snippet_proof(body, self.snippets)
        blocks = through(self.cache, EXPORTED, exported_body, body, self.inputs)
        parts = [*self._banner(body), blocks] if blocks else self._banner(body)
        return front + "\n\n".join(parts) + "\n"

    def as_is(self, text: str) -> str:
        """A page's Markdown as the plugin hands it over (`allow_html`), with the banner. The
        engine reads the author's Markdown itself then: only the front matter keeps mkdocs-macros
        off it (`allow_html` trusts every author with scripts anyway)."""
        front, body = split_front_matter(unheld(text))
        return front + "\n\n".join([*self._banner(body), body])

    def _banner(self, body: str) -> list[str]:
        return [self.banner(body)] if self.banner is not None else []


@dataclass(frozen=True)
class ExportInputs:
    """What a page's exported body depends on besides its Markdown."""

    extensions: tuple[str, ...]
    """Those it is rendered with (`EXTENSIONS`, then those named with `-x`), in order."""
    libraries: tuple[tuple[str, str], ...]
    """The versions of Markdown and of the distributions the extensions come from."""


EXPORTED = text_kind("exported")
"""Pages' exported bodies: signed, since they are published as they are (a forged entry would
bypass sanitising)."""


def exported_body(body: str, inputs: ExportInputs) -> str:
    """A page's body (its Markdown after the front matter) rendered with `inputs.extensions`,
    sanitised, and written back as blocks an engine passes through (see the module's docstring);
    made through the cache (`EXPORTED`)."""
    converter = _converter(inputs.extensions)
    converter.reset()
    clean = sanitize(converter.convert(body)).replace("{", "&#123;")
    listed = set(_toc_ids(getattr(converter, "toc_tokens", [])))
    blocks = _Blocks(listed, frozenset(converter.block_level_elements))
    return "\n\n".join(blocks.of(clean, _parse(clean), 0, len(clean)))


@functools.lru_cache(maxsize=4)
def _converter(extensions: tuple[str, ...]) -> markdown.Markdown:
    """A Markdown converter with `extensions`: one for every page of an export, reset before
    each (as `markdown.Markdown.reset` allows)."""
    return markdown.Markdown(extensions=list(extensions))


@dataclass(frozen=True)
class _Blocks:
    """Sanitised HTML as blocks: the headings of the table of contents (`listed`) as Markdown
    headings, the rest as raw HTML blocks."""

    listed: set[str]
    """The ids of the headings that MkDocs lists in the page's table of contents."""
    block_level: frozenset[str]

    def of(self, html: str, nodes: list[_Node], start: int, end: int) -> list[str]:
        """The blocks of `html[start:end]`, whose elements are `nodes`."""
        blocks: list[str] = []
        position = start
        for node in nodes:
            blocks.extend(self._raw(html[position:node.start]))
            blocks.extend(self._node(html, node))
            position = node.end
        blocks.extend(self._raw(html[position:end]))
        return blocks

    def _node(self, html: str, node: _Node) -> list[str]:
        line = heading_line(html, node) if self._is_listed(node) else None
        if line is not None:
            return [line]
        if node.tag in CONTAINERS and any(map(self._is_listed, node.descendants())):
            # `markdown="1"` (md_in_html): the engine reads the headings inside as Markdown and
            # passes every other child through as raw HTML.
            opening = html[node.start:node.inner_start - 1] + ' markdown="1">'
            inner = self.of(html, node.children, node.inner_start, node.inner_end)
            return [opening, *inner, f"</{node.tag}>"]
        return self._raw(html[node.start:node.end], node.tag)

    def _is_listed(self, node: _Node) -> bool:
        return node.is_heading and dict(node.attributes).get("id") in self.listed

    def _raw(self, html: str, tag: str | None = None) -> list[str]:
        """`html` as a raw block: as it is when it starts with a block-level element, else in a
        `div` (text or inline elements would be read as Markdown)."""
        if not html.strip():
            return []
        if tag is not None and tag in self.block_level:
            return [html]
        return [f"<div>{html.strip()}</div>"]


_EXTENSION_NAME = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*(:[A-Za-z_]\w*)?")
"""A module (`admonition`, `pymdownx.details`), optionally with its class (`module:Class`)."""


def _check_extension(name: str) -> None:
    """`ExportError` unless `name` loads as a Python-Markdown extension on its own."""
    if not _EXTENSION_NAME.fullmatch(name):
        raise ExportError(f"-x {name!r}: not the name of a Python-Markdown extension (a module "
                          "such as `admonition` or `pymdownx.details`)")
    try:
        markdown.Markdown(extensions=[name])
    except ImportError as error:
        raise ExportError(f"-x {name}: no such module ({error}); install the package that "
                          "provides it, or check its name") from None
    except Exception as error:  # the module's own code: anything may fail in it
        raise ExportError(f"-x {name}: not a Python-Markdown extension, or it fails to load "
                          f"({type(error).__name__}: {error})") from None


def _toc_ids(tokens: list[dict[str, Any]]) -> Iterator[str]:
    for token in tokens:
        yield str(token["id"])
        yield from _toc_ids(token["children"])


def split_front_matter(text: str) -> tuple[str, str]:
    """The page's front matter (with its closing line and a blank line) and its body."""
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 3)
    if end < 0:
        return "", text
    return text[:end + 5] + "\n", text[end + 5:]


_HEADING = re.compile(r"h[1-6]")
_ID = re.compile(r"[\w-]+")
_LANG = re.compile(r"[A-Za-z0-9-]+")
_TEXT_SPECIALS = re.compile(r"[!-/:-@\[-`{-~]")  # every ASCII punctuation character
_ATTRIBUTE_SPECIALS = re.compile(r"[\\`*_{}\[\]()!<>&\"']")


def heading_line(html: str, node: _Node) -> str | None:
    """A sanitised `<hN id>` as a Markdown heading with the same id (and `lang`), its text and
    markup escaped so that Markdown finds nothing in it; None if it cannot be one."""
    if not node.is_heading:
        return None
    attributes = dict(node.attributes)
    heading_id = attributes.pop("id", None)
    lang = attributes.pop("lang", None)
    if attributes or heading_id is None or not _ID.fullmatch(heading_id):
        return None
    if lang is not None and not _LANG.fullmatch(lang):
        return None
    inner = _escaped_markup(html[node.inner_start:node.inner_end]).strip()
    if not inner or "\n" in inner:
        return None
    extra = f' lang="{lang}"' if lang else ""
    return f"{'#' * int(node.tag[1])} {inner} {{: #{heading_id}{extra} }}"


class _Escaper(HTMLParser):
    """Sanitised inline HTML written again with every character that Markdown could read as
    syntax (in text and in attribute values) as a character reference."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(f"<{tag}{_attributes(attrs)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(_TEXT_SPECIALS.sub(_reference, data))


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(
        f" {name}" if value is None else f' {name}="{_ATTRIBUTE_SPECIALS.sub(_reference, value)}"'
        for name, value in attrs)


def _reference(found: re.Match[str]) -> str:
    return f"&#{ord(found.group())};"


def _escaped_markup(inner_html: str) -> str:
    escaper = _Escaper()
    escaper.feed(inner_html)
    escaper.close()
    return "".join(escaper.out)


@dataclass
class _Node:
    """An element of sanitised HTML, by its place in the text."""

    tag: str
    attribute_text: str
    """Its attributes as written in its start tag."""
    start: int
    inner_start: int
    inner_end: int = -1
    end: int = -1
    children: list[_Node] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        """Whether it is `h1`…`h6`."""
        return bool(_HEADING.fullmatch(self.tag))

    @property
    def attributes(self) -> list[tuple[str, str | None]]:
        """Its attributes, their values unescaped (as Python's `HTMLParser` gives them)."""
        return [(name.lower(), None if not equals else _attribute_value(value))
                for name, equals, value in _ATTRIBUTE.findall(self.attribute_text)]

    def descendants(self) -> Iterator[_Node]:
        """Every element inside it, depth first."""
        for child in self.children:
            yield child
            yield from child.descendants()


CONTAINERS = frozenset({"div", "section", "article", "aside", "header", "footer", "main", "nav"})
"""Elements whose headings are written as Markdown (the rest keep theirs as raw HTML)."""

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})

_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
"""A start or end tag: its slash, its name, its attributes (a quoted value read whole). nh3 writes
`<` and `>` as `&lt;` and `&gt;` in text and in attribute values, and no comments: in its output,
every `<` opens a tag."""
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*(=)\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def _attribute_value(written: str) -> str:
    """An attribute's value as written (quoted or not), unquoted and unescaped."""
    if written[:1] in {'"', "'"}:
        written = written[1:-1]
    return unescape(written)


def _parse(text: str) -> list[_Node]:
    """The elements of HTML as nh3 writes it (every element closed, but void ones), found by their
    tags alone: Python's `HTMLParser` over the whole page cost more than rendering it."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for tag in _TAG.finditer(text):
        closing, name, attributes = tag.groups()
        name = name.lower()
        if closing:
            while stack:  # unclosed elements end with their parent (never with nh3's output)
                node = stack.pop()
                node.inner_end, node.end = tag.start(), tag.end()
                if node.tag == name:
                    break
            continue
        node = _Node(name, attributes, tag.start(), tag.end())
        (stack[-1].children if stack else roots).append(node)
        if name in VOID or attributes.endswith("/"):  # `<x/>`: nothing inside
            node.inner_end = node.end = node.inner_start
        else:
            stack.append(node)
    for node in stack:  # never with nh3's output; closed at the end if it happens
        node.inner_end = node.end = len(text)
    return roots


def settings_to_add(present_css: Iterable[str] = (), present_js: Iterable[str] = (), *,
                    nav: Nav | None = None, not_in_nav: str | None = None) -> dict[str, Any]:
    """The settings the exported pages need that the configuration file does not have yet: the
    assets, and the `nav` and `not_in_nav` to set (`site_nav`), when given."""
    settings: dict[str, Any] = {}
    if CSS_URI not in set(present_css):
        settings["extra_css"] = [CSS_URI]
    if JS_URI not in set(present_js):
        settings["extra_javascript"] = [JS_URI]
    if nav is not None:
        settings["nav"] = nav
    if not_in_nav is not None:
        settings["not_in_nav"] = not_in_nav
    return settings


def zensical_settings(settings: dict[str, Any]) -> str:
    """`settings` as lines of `zensical.toml` (its `[project]` table)."""
    return "[project]\n" + as_toml(settings) if settings else ""


def mkdocs_settings(settings: dict[str, Any]) -> str:
    """`settings` as lines of an `mkdocs.yml` that Zensical reads."""
    return as_yaml(settings) if settings else ""
