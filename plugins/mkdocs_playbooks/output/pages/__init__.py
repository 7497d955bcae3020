"""The site's generated pages, as Markdown for the site engine to render once.

`site_pages` is the one entry point: the MkDocs plugin, the benchmarks and any other export
(another engine, a docs folder) take the pages from it. Each page kind has its module; `urls`
holds the URL scheme and `markup` the escaping and pieces they share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ...core.cache import DiskCache
from ...core.model import Playbook
from ...core.settings import Settings
from ...core.site import Entry, Site
from ..i18n import strings_for
from .assessment import render_assessment
from .listing import listing_title, render_index, render_progress
from .markup import E, listed, page_id
from .playbook import render_playbook
from .urls import INDEX_URI, PROGRESS_URI, assessment_uri, listing_page_uri, playbook_uri

__all__ = ["INDEX_URI", "PROGRESS_URI", "MarkdownPage", "render_assessment", "render_index",
           "render_playbook", "render_progress", "site_pages", "stored_renderer"]


@dataclass(frozen=True)
class MarkdownPage:
    """One generated page, as Markdown for the site engine (not yet a page of MkDocs)."""

    uri: str
    """Its source path in the docs, e.g. `playbooks/ecoute-sociale/index.md`."""
    title: str
    """Its title as plain text (escape it for where it goes)."""
    markdown: str
    source: Path | None
    """The YAML file it comes from (None for the index and progress pages)."""
    in_nav: bool = True
    """False for the second and later pages of a paginated listing: reached by its pager."""


PlaybookRenderer = Callable[[Entry[Playbook], Site, Settings], str]


def site_pages(
    site: Site, settings: Settings, render_playbook_page: PlaybookRenderer = render_playbook,
    store: DiskCache | None = None,
) -> Iterator[MarkdownPage]:
    """Every page of `site`: the index, the progress page (each in one or more pages), each
    playbook, each assessment.

    `render_playbook_page` lets a caller reuse playbooks rendered by an earlier build; `store`
    keeps each page of the index and of the progress page, named by what it shows.
    """
    t = strings_for(settings)
    for first, title, render in ((INDEX_URI, t("index.title"), render_index),
                                 (PROGRESS_URI, t("progress.title"), render_progress)):
        listing = render(site, settings, store)
        for number, markdown in enumerate(listing, 1):
            yield MarkdownPage(listing_page_uri(first, number),
                       listing_title(t, title, number, len(listing)), markdown, None,
                       in_nav=number == 1)
    for entry in _built(site, settings, site.playbooks):
        yield MarkdownPage(playbook_uri(page_id(site, settings, entry.id)), entry.model.title,
                   render_playbook_page(entry, site, settings), entry.path)
    for assessment in _built(site, settings, site.assessments):
        yield MarkdownPage(assessment_uri(page_id(site, settings, assessment.id)),
                   assessment.model.title,
                   render_assessment(assessment, site, settings), assessment.path)


def _built(site: Site, settings: Settings, entries: Mapping[str, E]) -> list[E]:
    """The documents that get a page: every one on a site in one language; in a build of one
    language of several, each original's version in that language (at the original's address:
    the theme's language selector goes from one version to the other)."""
    if settings.build_language is None:
        return list(entries.values())
    return listed(site, settings, entries)


def stored_renderer(store: DiskCache,
                    render: PlaybookRenderer = render_playbook) -> PlaybookRenderer:
    """`render`, its pages kept in `store`: a playbook's page depends on its file (its bytes and
    id), the settings (the framework's titles are in them) and, of other files, only on which
    versions of it exist in which languages (its language links, the id its progress is under)."""
    def render_stored(entry: Entry[Playbook], site: Site, settings: Settings) -> str:
        if not entry.digest:  # loaded without the store: nothing to name the file by
            return render(entry, site, settings)
        versions = repr(sorted(site.versions(entry.id).items()))
        key = store.key("markdown", entry.digest, entry.id, settings.fingerprint(),
                        site.original_id(entry.id), versions)
        known = store.get("markdown", key)
        if isinstance(known, str):
            return known
        markdown = render(entry, site, settings)
        store.put("markdown", key, markdown)
        return markdown
    return render_stored

