"""Links in author text, checked before any page is made: each relative link of a Markdown field
(and of a source's or resource's `url`) must lead to a page of the site (a file of the docs
folder, or a page the plugin generates), and an anchor on a generated page to a play, a
dimension, a heading of the author's text or an anchor of the plugin. A link that leads nowhere
is a warning at the YAML line where it is written, the same from `playbooks validate` and from
the build; MkDocs, which finds it again in the generated page, is kept from warning a second
time about it (`BrokenLink`, `engines.link_warnings`).

Links are resolved as MkDocs resolves them: relative to the page that shows the text,
`playbooks/<id>/index.md` or `assessments/<id>/index.md` (and the index page for a playbook's
summary); absolute paths and addresses with a scheme are left alone, as MkDocs leaves them. Anchors
on pages of the docs folder are MkDocs' to check (its `validation.anchors`).
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel

from ..core.loader import Loaded, Path_, load_file
from ..core.model import Assessment, Link, Playbook
from ..core.problems import ContentError, Problem, Severity
from ..core.settings import Settings
from ..core.site import Entry, Site
from .pages.markup import listed
from .pages.urls import (
    ASSESSMENTS_DIR,
    INDEX_URI,
    PLAYBOOKS_DIR,
    PROGRESS_URI,
    assessment_uri,
    listing_page_uri,
    playbook_uri,
    relative_link,
)

_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*\]"
    r"\(\s*(?:<(?P<angled>[^<>\n]*)>|(?P<bare>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(?:<(?P<angled>[^<>\n]*)>|(?P<bare>\S+))",
                         re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{[^}\n]*#(?P<id>[\w-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"""\sid\s*=\s*["']?(?P<id>[^"'\s>]+)""")
_PLUGIN_ANCHOR = "pb-"
"""Anchors of the plugin's own elements (`checks.PLUGIN_ANCHOR_PREFIX`)."""
_LANGUAGE_FOLDER = re.compile(r"[a-z]{2}(?:[-_][A-Za-z]{2,4})?")
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2,4})?(?=\.[^.]+$)")


@dataclass(frozen=True)
class BrokenLink:
    """A link that leads nowhere, reported at its YAML line: `url` as written in the text shown
    on the generated page `page` (MkDocs' own warning about it names that page)."""

    page: str
    url: str


@dataclass(frozen=True)
class _Text:
    """A Markdown text of a document, where it is in the file and the pages that show it."""

    where: Path_
    text: str
    pages: tuple[str, ...]
    is_url: bool = False


def check_links(site: Site, settings: Settings) -> list[BrokenLink]:
    """Checks the links of every document's text; adds a warning to `site.problems` for each
    link that leads nowhere (after the problems already there) and returns them."""
    pages = _SitePages(site, settings)
    broken: list[BrokenLink] = []
    problems: list[Problem] = []
    entries: list[Entry[Playbook] | Entry[Assessment]] = [
        *site.playbooks.values(), *site.assessments.values()]
    for entry in entries:
        found = list(_broken_in(entry, pages))
        if not found:
            continue
        located = _Locator(entry)
        for text, url, message, hint in found:
            problems.append(located.problem(text.where, url, message, hint))
            broken.extend(BrokenLink(page, url) for page in text.pages)
    site.problems.extend(sorted(problems))
    return broken


def _broken_in(entry: Entry[Playbook] | Entry[Assessment], pages: _SitePages,
               ) -> Iterator[tuple[_Text, str, str, str]]:
    for text in _texts(entry, pages):
        urls = [text.text.strip()] if text.is_url else _links(text.text)
        for url in urls:
            own, *others = text.pages
            wrong = pages.check(url, own)
            if wrong is not None:
                yield text, url, *wrong
                continue
            elsewhere = next((page for page in others if pages.check(url, page)), None)
            if elsewhere is not None:
                yield (text, url, f"link '{url}' leads to no page from {elsewhere}, which "
                       "shows this summary too (one folder up)",
                       "in a summary, link with a full address (https://…)")


def _texts(entry: Entry[Playbook] | Entry[Assessment], pages: _SitePages) -> Iterator[_Text]:
    """Every Markdown text and link address of a document, with the pages that show it."""
    is_playbook = isinstance(entry.model, Playbook)
    own = playbook_uri(entry.id) if is_playbook else assessment_uri(entry.id)
    for where, value, is_url in _markdown_fields(entry.model, ()):
        shown: tuple[str, ...] = (own,)
        if is_playbook and where == ("summary",):
            shown = (own, pages.listing_page_of(entry.id))
        yield _Text(where, value, shown, is_url)


def _markdown_fields(model: BaseModel, where: Path_) -> Iterator[tuple[Path_, str, bool]]:
    """The Markdown fields of `model` and its parts (`core.model.Markdown`, `Text`) that may hold
    a link, and the relative addresses of its links, each with its path in the document."""
    for name, kind in _plan(type(model)):
        value = getattr(model, name)
        if not value:
            continue
        if kind == "markdown":
            if "](" in value or "]:" in value:
                yield (*where, name), value, False
        elif kind == "url":
            if not _ABSOLUTE.match(value):
                yield (*where, name), value, True
        elif kind == "model":
            yield from _markdown_fields(value, (*where, name))
        else:
            for n, item in enumerate(value):
                yield from _markdown_fields(item, (*where, name, n))


_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|/|\\")
"""An address with a scheme, or an absolute path: not the plugin's to check."""
_PLANS: dict[type[BaseModel], tuple[tuple[str, str], ...]] = {}


def _plan(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """The fields of a model class worth visiting, each with what it is: `markdown`, `url` (a
    link's address), `model` or `models` (parts to visit). Made once per class."""
    found = _PLANS.get(model)
    if found is None:
        plan = []
        for name, field in model.model_fields.items():
            inner = _model_in(field.annotation)
            if issubclass(model, Link) and name == "url":
                plan.append((name, "url"))
            elif _is_markdown(field.annotation, list(field.metadata)):
                plan.append((name, "markdown"))
            elif inner is not None:
                is_list = getattr(field.annotation, "__origin__", None) is list
                plan.append((name, "models" if is_list else "model"))
        found = _PLANS[model] = tuple(plan)
    return found


def _is_markdown(annotation: Any, metadata: list[Any]) -> bool:
    """Whether a field's type holds Markdown: it carries the model's Markdown validator."""
    if any(getattr(getattr(found, "func", None), "__name__", "") == "_markdown"
           for found in metadata):
        return True
    return any(_is_markdown(argument, list(getattr(argument, "__metadata__", ())))
               for argument in getattr(annotation, "__args__", ()))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class of a field typed `X`, `list[X]` or `X | None`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for argument in getattr(annotation, "__args__", ())
                 if (found := _model_in(argument)) is not None), None)


def _links(markdown: str) -> list[str]:
    """The link and image addresses of a Markdown text, code left out."""
    if "](" not in markdown and "]:" not in markdown:
        return []  # most texts: no link at all
    text = _CODE_SPAN.sub("", _FENCE.sub("", markdown))
    found = [match.group("angled") if match.group("angled") is not None else match.group("bare")
             for pattern in (_INLINE_LINK, _DEFINITION) for match in pattern.finditer(text)]
    return [url for url in found if url]


class _SitePages:
    """The pages a site will have, their anchors, and what a link resolves to."""

    def __init__(self, site: Site, settings: Settings) -> None:
        self.site = site
        self.settings = settings
        self.generated: dict[str, Entry[Playbook] | Entry[Assessment] | None] = {
            INDEX_URI: None, PROGRESS_URI: None}
        for playbook in site.playbooks.values():
            self.generated[playbook_uri(playbook.id)] = playbook
        for assessment in site.assessments.values():
            self.generated[assessment_uri(assessment.id)] = assessment
        for name, broken in site.broken_names().items():  # their own errors come first
            uri = assessment_uri(name) if broken.kind == "assessment" else playbook_uri(name)
            self.generated.setdefault(uri, None)
        self.docs = _docs_files(settings.docs_dir)
        self.docs_known = settings.docs_dir is not None and settings.docs_dir.is_dir()
        """Whether the docs folder was read: links into it are checked only then."""
        self.docs_folders = {posixpath.dirname(uri) for uri in self.docs}
        self.anchors: dict[str, set[str]] = {}
        self._listing: dict[str, str] | None = None

    def listing_page_of(self, playbook_id: str) -> str:
        """The page of the index that lists a playbook (its card shows the summary)."""
        if self._listing is None:
            size = self.settings.listing_page_size
            self._listing = {
                entry.id: listing_page_uri(INDEX_URI, number // size + 1 if size else 1)
                for number, entry in enumerate(listed(self.site, self.settings,
                                                      self.site.playbooks))}
        return self._listing.get(playbook_id, INDEX_URI)

    def exists(self, uri: str) -> bool:
        if uri in self.generated or uri in self.docs:
            return True
        return bool(re.fullmatch(r"playbooks/(progress/)?page/[0-9]+/index\.md", uri))

    def check(self, url: str, page: str) -> tuple[str, str] | None:
        """What is wrong with `url` written in the text of `page`; None when it leads somewhere
        (or is not the plugin's to check)."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "\\")):
            return None
        path, anchor = unquote(parts.path), unquote(parts.fragment)
        if not path:
            return self._check_anchor(url, page, anchor) if anchor else None
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith("/") or not posixpath.splitext(path)[1]:
            found = next((uri for uri in (f"{target}/index.md", f"{target}.md")
                          if self.exists(uri)), None)
            if found is None and target in self.docs_folders:
                return None  # a folder of the docs: MkDocs leaves such links alone
        else:
            found = target if self.exists(target) else None
        if found is None:
            return self._nowhere(url, target, page)
        return self._check_anchor(url, found, anchor) if anchor else None

    def _nowhere(self, url: str, target: str, page: str) -> tuple[str, str] | None:
        """The message for a link to `target`, which is no page; None when the docs folder,
        where it would be, is unknown."""
        folder, _, rest = target.partition("/")
        document_id = rest.partition("/")[0]
        if folder in (PLAYBOOKS_DIR, ASSESSMENTS_DIR) and document_id not in ("", "index.md",
                                                                             "progress", "page"):
            is_playbook = folder == PLAYBOOKS_DIR
            what = "playbook" if is_playbook else "assessment"
            ids = sorted(self.site.playbooks if is_playbook else self.site.assessments)
            close = difflib.get_close_matches(document_id, ids, n=1, cutoff=0.6)
            uri = playbook_uri if is_playbook else assessment_uri
            hint = (f"did you mean '{relative_link(page, uri(close[0]))}'?" if close
                    else f"the {what}s are: " + ", ".join(f"'{found}'" for found in ids[:10])
                    if ids else f"there is no {what} yet")
            return f"link '{url}' leads to no page: there is no {what} '{document_id}'", hint
        if not self.docs_known:
            return None
        where = "the docs folder" if not target.startswith("../") else "the site"
        return (f"link '{url}' leads to no page: {target} is not in {where}",
                self._near(target, page))

    def _check_anchor(self, url: str, page: str, anchor: str) -> tuple[str, str] | None:
        entry = self.generated.get(page)
        if entry is None or anchor.startswith(_PLUGIN_ANCHOR):
            return None  # a page of the docs folder, or a listing: MkDocs checks its anchors
        anchors = self._anchors(page, entry)
        if anchor in anchors:
            return None
        what = "play" if isinstance(entry.model, Playbook) else "dimension"
        close = difflib.get_close_matches(anchor, sorted(anchors), n=1, cutoff=0.6)
        hint = (f"did you mean '#{close[0]}'?" if close else
                f"link to a {what} by its id: " + ", ".join(
                    f"'#{found}'" for found in self._ids(entry)[:10]))
        return (f"link '{url}' leads to no anchor: {page} has no {what} or heading "
                f"'{anchor}'", hint)

    def _anchors(self, page: str, entry: Entry[Playbook] | Entry[Assessment]) -> set[str]:
        if page not in self.anchors:
            found = set(self._ids(entry)) | {_slug(entry.model.title)}
            for _where, text, is_url in _markdown_fields(entry.model, ()):
                if not is_url:
                    found.update(_authored_anchors(text))
            self.anchors[page] = found
        return self.anchors[page]

    @staticmethod
    def _ids(entry: Entry[Playbook] | Entry[Assessment]) -> list[str]:
        """The ids that are anchors of a document's page: its plays, or its dimensions."""
        model = entry.model
        if isinstance(model, Playbook):
            return [play.id for phase in model.phases for play in phase.plays]
        return [dimension.id for dimension in model.dimensions]

    def _near(self, target: str, page: str) -> str:
        """The page the author may have meant, as they would write it from `page`."""
        known = [uri for uri in (*self.generated, *self.docs) if uri != page]
        folder = posixpath.dirname(target)
        same_folder = [uri for uri in known if posixpath.dirname(uri) == folder]
        close = (difflib.get_close_matches(target, same_folder, n=1, cutoff=0.6)
                 or difflib.get_close_matches(target, known, n=1, cutoff=0.8))
        if close:
            return f"did you mean '{relative_link(page, close[0])}'?"
        return (f"a link in this text is relative to its page, {page}: "
                f"'{relative_link(page, 'index.md')}' is the home page of the docs folder")


def _docs_files(docs_dir: Path | None) -> set[str]:
    """The files of the docs folder, as MkDocs names them (`guide/tutorial.md`), also without
    the language that mkdocs-static-i18n reads in their name or folder (`index.en.md`,
    `en/index.md`); nothing when there is no docs folder to read."""
    if docs_dir is None or not docs_dir.is_dir():
        return set()
    found: set[str] = set()
    for folder, folders, files in os.walk(docs_dir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            uri = Path(folder, name).relative_to(docs_dir).as_posix()
            found.add(uri)
            found.add(_LANGUAGE_SUFFIX.sub("", uri))
            first, _, rest = uri.partition("/")
            if rest and _LANGUAGE_FOLDER.fullmatch(first):
                found.add(rest)
    return found


def _authored_anchors(markdown: str) -> set[str]:
    """The anchors an author's Markdown makes: its headings (as the `toc` extension names them
    by default), `{#id}` attributes and `id="…"` in HTML."""
    found = {_slug(match.group("text")) for match in _HEADING.finditer(markdown)}
    found |= {match.group("id") for match in _ATTR_ID.finditer(markdown)}
    found |= {match.group("id") for match in _HTML_ID.finditer(markdown)}
    return found


def _slug(text: str) -> str:
    """A heading's anchor as Python-Markdown's `toc` extension makes it by default."""
    text = re.sub(r"\{[^}]*\}\s*$", "", text)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"[^\w\s-]", "", plain).strip().lower()
    return re.sub(r"[-\s]+", "-", plain)


class _Locator:
    """Where a link is written in its file: the line and column of its address inside the text
    (a Markdown text spans many lines of a `|` block)."""

    def __init__(self, entry: Entry[Playbook] | Entry[Assessment]) -> None:
        self.entry = entry
        self.loaded: Loaded = entry.loaded
        self.lines: list[str] = []
        try:  # the positions inside the text were not kept in memory: read the file again
            self.loaded = load_file(entry.path, entry.loaded.path)
            self.lines = entry.path.read_text(encoding="utf-8-sig").splitlines()
        except (ContentError, OSError, UnicodeDecodeError):
            pass  # changed since: the nearest position kept

    def problem(self, where: Path_, url: str, message: str, hint: str) -> Problem:
        mark = self.loaded.mark(where)
        line, column = mark.line, mark.column
        # The text ends where the next key of the file starts.
        end = min((key.line for key in self.loaded.keys.values() if key.line > mark.line),
                  default=len(self.lines) + 1)
        for number in range(mark.line - 1, min(end - 1, len(self.lines))):
            start = mark.column - 1 if number == mark.line - 1 else 0
            at = self.lines[number].find(url, start)
            if at >= 0:
                line, column = number + 1, at + 1
                break
        return Problem(self.loaded.path, line, column, Severity.WARNING, message, hint)
