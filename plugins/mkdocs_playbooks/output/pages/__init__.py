"""The site's generated pages, as Markdown for the site engine to render once.

`site_pages` is the one entry point: the MkDocs plugin, the benchmarks and any other export
(another engine, a docs folder) take the pages from it. Each page kind has its module; `urls`
holds the URL scheme and `markup` the escaping and pieces they share.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ...core.cache import Cache, through
from ...core.settings import PageSettings, Settings
from ...core.site import Site
from ..i18n import strings_for
from .assessment import render_assessment
from .listing import listing_title, render_index, render_progress
from .markup import PAGES, E, listed, page_id
from .playbook import render_playbook
from .urls import (
    INDEX_URI,
    PROGRESS_URI,
    WORKSHOP_URI,
    assessment_uri,
    listing_page_uri,
    playbook_uri,
)
from .workshop import render_workshop

__all__ = ["INDEX_URI", "PROGRESS_URI", "WORKSHOP_URI", "MarkdownPage", "render_assessment",
           "render_index", "render_playbook", "render_progress", "render_workshop", "site_pages"]


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


def site_pages(site: Site, settings: PageSettings, cache: Cache | None = None
               ) -> Iterator[MarkdownPage]:
    """Every page of `site`: the index, the progress page (each in one or more pages), each
    playbook, each assessment, the workshop kit.

    `cache` keeps the pages of the index, of the progress page and of each playbook, each under a
    key derived from what it shows (`core.cache.through`).
    """
    settings = _page_settings(settings)
    t = strings_for(settings)
    for first, title, render in ((INDEX_URI, t("index.title"), render_index),
                                 (PROGRESS_URI, t("progress.title"), render_progress)):
        listing = render(site, settings, cache)
        for number, markdown in enumerate(listing, 1):
            yield MarkdownPage(listing_page_uri(first, number),
                               listing_title(t, title, number, len(listing)), markdown, None,
                               in_nav=number == 1)
    for entry in _built(site, settings, site.playbooks):
        yield MarkdownPage(playbook_uri(page_id(site, settings, entry.id)), entry.model.title,
                           through(cache, PAGES, render_playbook, site.view(entry), settings),
                           entry.path)
    for assessment in _built(site, settings, site.assessments):
        yield MarkdownPage(assessment_uri(page_id(site, settings, assessment.id)),
                           assessment.model.title,
                           render_assessment(assessment, site, settings), assessment.path)
    yield MarkdownPage(WORKSHOP_URI, t("workshop.title"), render_workshop(site, settings), None)


def _page_settings(settings: PageSettings) -> PageSettings:
    """Only the settings pages may depend on, whatever the caller gives: not the folders or the
    day of a site's `Settings` (which the cache's keys refuse)."""
    return settings.for_pages() if isinstance(settings, Settings) else settings


def _built(site: Site, settings: PageSettings, entries: Mapping[str, E]) -> list[E]:
    """The documents that get a page: every one on a site in one language; in a build of one
    language of several, each original's version in that language (at the original's address:
    the theme's language selector goes from one version to the other)."""
    if settings.build_language is None:
        return list(entries.values())
    return listed(site, settings, entries)
