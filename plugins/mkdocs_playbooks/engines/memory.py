"""How the plugin's pages are held while MkDocs builds: as little memory as the build allows.

MkDocs keeps every page's Markdown and HTML from the moment it reads the page until every page is
written: at 10,000 pages, about 400 MiB of HTML alone. For its own pages the plugin frees the
Markdown once it is HTML and the HTML once the page is written; from `PACK_FROM_DOCUMENTS`
documents it also keeps both compressed while MkDocs holds them (about 1 ms a page, for 70 % less
memory). The plugin's events call the functions below; nothing else here knows MkDocs' events.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from ..output.pages import MarkdownPage

PACK_FROM_DOCUMENTS = 2000
"""From this many playbooks and assessments, the generated pages' Markdown and HTML are kept
compressed while MkDocs holds them: a site of 10,000 playbooks would otherwise need over 1 GiB.
Smaller sites keep them as MkDocs does, and save the time."""
PACKED_HTML = ("<!-- playbooks: this page's HTML is packed until the page is made; read it "
               "in on_page_context or later -->")
"""What a generated page's `content` holds between `on_page_content` and `on_page_context`."""


@dataclass(frozen=True)
class HeldPage:
    """A generated page as the plugin holds it from the time it is made until MkDocs reads it:
    its Markdown compressed on a large site (Markdown shrinks about six times)."""

    uri: str
    title: str
    markdown: str | None
    """The page's Markdown, unless `packed`."""
    packed: bytes | None
    digest: bytes
    """A digest of the Markdown: under `--dirty`, a page is rebuilt only when it changed."""
    source: Path | None
    in_nav: bool

    @classmethod
    def of(cls, page: MarkdownPage, *, pack: bool) -> HeldPage:
        """`page`, its Markdown compressed if `pack` (level 1: fast, and most of the gain)."""
        encoded = page.markdown.encode()
        packed = zlib.compress(encoded, 1) if pack else None
        return cls(page.uri, page.title, None if pack else page.markdown, packed,
                   hashlib.blake2b(encoded, digest_size=16).digest(), page.source, page.in_nav)


class GeneratedFile(File):
    """The file of a generated page. Under `--dirty` it is rebuilt only when its Markdown differs
    from the last build's (MkDocs would otherwise rebuild every in-memory page each time). On a
    large site, its Markdown stays compressed until MkDocs reads it (`content_string`)."""

    changed = True
    packed: bytes | None = None
    packed_html: bytes | None = None
    """The page's HTML, from the end of `on_page_content` to the start of `on_page_context`."""

    @classmethod
    def of(cls, page: HeldPage, config: MkDocsConfig, *, changed: bool) -> GeneratedFile:
        """The file MkDocs builds `page` from."""
        file = cls.generated(config, page.uri, content=page.markdown or "",
                             inclusion=InclusionLevel.NOT_IN_NAV)
        if not isinstance(file, GeneratedFile):  # pragma: no cover - MkDocs' contract
            raise PluginError(f"playbooks: MkDocs made no generated page for {page.uri}")
        file.packed = page.packed
        file.changed = changed
        return file

    def is_modified(self) -> bool:
        """Whether MkDocs must rebuild the page: its Markdown changed, or its HTML is missing."""
        return self.changed or not Path(self.abs_dest_path).is_file()

    @property
    def content_string(self) -> str:
        """The page's Markdown (see `File.content_string`)."""
        if self.packed is not None:
            return zlib.decompress(self.packed).decode()
        return str(File.content_string.fget(self))  # type: ignore[attr-defined]

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.packed = None
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    @property
    def content_bytes(self) -> bytes:
        """The page's Markdown as UTF-8 (see `File.content_bytes`)."""
        if self.packed is not None:
            return zlib.decompress(self.packed)
        return bytes(File.content_bytes.fget(self))  # type: ignore[attr-defined]

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.packed = None
        File.content_bytes.fset(self, value)  # type: ignore[attr-defined]


def should_pack(documents: int) -> bool:
    """Whether a site of this many playbooks and assessments keeps its pages compressed."""
    return documents >= PACK_FROM_DOCUMENTS


def free_markdown(page: Page) -> None:
    """Once every plugin has read a generated page's Markdown: drop the file's copy of it."""
    if isinstance(page.file, GeneratedFile):
        page.file.content_string = ""


def hold_html(page: Page, html: str, *, pack: bool) -> str:
    """A generated page's HTML once every plugin has had it: the page's Markdown dropped (MkDocs
    keeps every page's Markdown to the end), the HTML packed if `pack` until `unpack_html`."""
    if not isinstance(page.file, GeneratedFile):
        return html
    page.markdown = None
    if not pack:
        return html
    page.file.packed_html = zlib.compress(html.encode(), 1)
    return PACKED_HTML


def unpack_html(page: Page) -> None:
    """A generated page's HTML back in the page, just before it is made."""
    if isinstance(page.file, GeneratedFile) and page.file.packed_html is not None:
        page.content = zlib.decompress(page.file.packed_html).decode()
        page.file.packed_html = None


def free_html(page: Page) -> None:
    """Once a generated page is made, drop its HTML (the search index has its own copy)."""
    if isinstance(page.file, GeneratedFile):
        page.content = None
