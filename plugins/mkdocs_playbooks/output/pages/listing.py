"""The pages that list every playbook: the index, and the reader's progress page; on a large site
each is split into pages of `listing_page_size` documents, linked by a pager."""

from __future__ import annotations

import json
from collections.abc import Callable

from ...core.cache import DiskCache
from ...core.model import Assessment, Playbook
from ...core.settings import Settings
from ...core.site import Entry, Site
from ..contract import score_data
from ..i18n import Strings, strings_for
from .markup import (
    NOTICES,
    E,
    authored,
    esc,
    front_matter,
    heading,
    item_ids,
    lang_attributes,
    language_switch,
    listed,
    notices,
    page_id,
    plain,
    progress_bar,
    progress_link,
)
from .urls import (
    INDEX_URI,
    PROGRESS_URI,
    assessment_uri,
    listing_page_uri,
    playbook_uri,
    relative_link,
)


def render_index(site: Site, settings: Settings, store: DiskCache | None = None) -> list[str]:
    """The index of every playbook (cards with summary, phases, tags, progress) and assessment:
    one page, or one per `settings.listing_page_size` documents, each with a pager; each page
    kept in `store` by what it shows (see `_paginated`)."""
    t = strings_for(settings)

    def page(here: str, title: str, playbooks: list[Entry[Playbook]],
             assessments: list[Entry[Assessment]]) -> list[str]:
        parts = [front_matter(), f"# {plain(title)}\n\n",
                 language_switch(site, settings, None, here, playbook_uri), notices(t),
                 f"{esc(t('index.intro'))}\n\n"]
        if not site.playbooks:
            parts.append(f"{esc(t('index.empty'))}\n\n")
        else:
            parts.append(progress_link(t, relative_link(here, PROGRESS_URI)))
        parts.extend(_card(entry, site, settings, here) for entry in playbooks)
        if assessments:
            parts.append(heading(2, t("index.assessments"), "pb-assessments"))
            parts.extend(_assessment_item(entry, site, settings, here) for entry in assessments)
        return parts

    return _paginated(site, settings, INDEX_URI, t("index.title"), page, store=store)


def render_progress(site: Site, settings: Settings, store: DiskCache | None = None) -> list[str]:
    """The reader's progress across every playbook, with export, import and reset: one page, or
    one per `settings.listing_page_size` documents, each with the actions and a pager; each page
    kept in `store` by what it shows (see `_paginated`)."""
    t = strings_for(settings)

    def page(here: str, title: str, playbooks: list[Entry[Playbook]],
             assessments: list[Entry[Assessment]]) -> list[str]:
        return [
            # Out of the search index: it holds no content, only the reader's state.
            front_matter(search_exclude=True),
            f"# {plain(title)}\n\n",
            language_switch(site, settings, None, here, playbook_uri), notices(t, NOTICES),
            f"{esc(t('progress.intro'))}\n\n",
            f"<noscript><p>{esc(t('progress.needs_script'))}</p></noscript>\n\n", _actions(t),
            (f'<p class="pb-next" data-pb-needs-script hidden>{esc(t("progress.import_help"))}'
             "</p>\n\n" if site.assessments else ""),
            *(_card(entry, site, settings, here) for entry in playbooks),
            *(_assessment_card(entry, site, settings, here) for entry in assessments),
        ]

    return _paginated(site, settings, PROGRESS_URI, t("progress.title"), page, store=store)


ListingPage = Callable[[str, str, list[Entry[Playbook]], list[Entry[Assessment]]], list[str]]
"""The parts of one page of a listing: its address, its title and the documents it lists."""


def _paginated(site: Site, settings: Settings, first: str, title: str,
               page: ListingPage, *, store: DiskCache | None) -> list[str]:
    """The pages of a listing of every document (playbooks, then assessments), each made by
    `page` and ended by the pager; each kept in `store` (see `_stored`)."""
    t = strings_for(settings)
    playbooks = listed(site, settings, site.playbooks)
    assessments = listed(site, settings, site.assessments)
    spans = _spans(len(playbooks) + len(assessments), settings.listing_page_size)
    pages = []
    for number, span in enumerate(spans, 1):
        here = (_part(playbooks, span),
                _part(assessments, range(span.start - len(playbooks), span.stop - len(playbooks))))

        def made(number: int = number,
                 here: tuple[list[Entry[Playbook]], list[Entry[Assessment]]] = here) -> str:
            parts = page(listing_page_uri(first, number),
                         listing_title(t, title, number, len(spans)), *here)
            parts.append(_pager(t, first, number, len(spans)))
            return "".join(parts)

        place = (first, str(number), str(len(spans)), str(bool(site.playbooks)))
        pages.append(_stored(store, made, site=site, settings=settings, place=place,
                             entries=[*here[0], *here[1]]))
    return pages


def _stored(store: DiskCache | None, made: Callable[[], str], *, site: Site,
            settings: Settings, place: tuple[str, ...],
            entries: list[Entry[Playbook] | Entry[Assessment]]) -> str:
    """A listing page from `store`, else `made()` and stored: named by what it shows (its
    `place`, the settings, each document on it and the versions of it that exist, which its card
    links to), so that an edited playbook makes again the one page that lists it, not all of
    them. Made anew when a document was loaded without the store (no digest to name it by)."""
    if store is None or not all(entry.digest for entry in entries):
        return made()
    key = store.key("listing-page", settings.fingerprint(), *place,
                    *(f"{entry.id} {entry.digest} {site.original_id(entry.id)} "
                      f"{sorted(site.versions(entry.id).items())}" for entry in entries))
    known = store.get("markdown", key)
    if isinstance(known, str):
        return known
    markdown = made()
    store.put("markdown", key, markdown)
    return markdown


def listing_title(t: Strings, title: str, number: int, count: int) -> str:
    """The title of page `number` of `count` of a listing: its own title on the first page."""
    return title if number == 1 else t("pager.title", title=title, page=number, pages=count)


def _spans(count: int, size: int) -> list[range]:
    """The positions of the documents each page lists: all on one page when `size` is 0."""
    if size <= 0 or count <= size:
        return [range(count)]
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _part(entries: list[E], span: range) -> list[E]:
    """The entries at the positions of `span` (which may start before or end after them)."""
    return entries[max(span.start, 0):max(span.stop, 0)]


PAGER_REACH = 2
"""How many page numbers the pager shows on each side of the current one (besides the first and
the last): a page's size does not grow with the number of pages."""


def _pager(t: Strings, first: str, number: int, count: int) -> str:
    """Links to the previous and next pages of a listing and to nearby page numbers; nothing
    for a listing of one page."""
    if count == 1:
        return ""
    here = listing_page_uri(first, number)

    def link(text: str, to: int) -> str:
        return f"[{plain(text)}]({relative_link(here, listing_page_uri(first, to))})"

    shown = sorted({1, count} | set(range(max(1, number - PAGER_REACH),
                                           min(count, number + PAGER_REACH) + 1)))
    items = []
    if number > 1:
        items.append(link(t("pager.previous"), number - 1))
    for n, page in enumerate(shown):
        if n and page != shown[n - 1] + 1:
            items.append("…")
        items.append(f'<strong aria-current="page">{page}</strong>' if page == number
                     else link(str(page), page))
    if number < count:
        items.append(link(t("pager.next"), number + 1))
    return (f'<nav class="pb-pager" aria-label="{esc(t("pager.label"))}" markdown="span">'
            + " ".join(items) + "</nav>\n\n")


def _actions(t: Strings) -> str:
    return (
        f'<div class="pb-actions" data-pb-needs-script hidden>'
        f'<button type="button" class="pb-button" data-pb-action="export">'
        f'{esc(t("progress.export"))}</button> '
        f'<input type="file" id="pb-import" class="pb-visually-hidden" '
        f'accept=".json,application/json" data-pb-import>'
        f'<label for="pb-import" class="pb-button">{esc(t("progress.import"))}</label> '
        f'<button type="button" class="pb-button" data-pb-action="reset" '
        f'data-pb-confirm="{esc(t("progress.reset_confirm"))}">{esc(t("progress.reset"))}'
        f"</button></div>\n\n"
    )


def _assessment_item(entry: Entry[Assessment], site: Site, settings: Settings,
                     here: str) -> str:
    """An assessment in the index's list: a link, marked with its language when it is not the
    page's."""
    target = relative_link(here, assessment_uri(page_id(site, settings, entry.id)))
    lang = lang_attributes(site.lang_of(entry), settings.page_language)
    marked = f"{{:{lang} }}" if lang else ""
    return f"- [{plain(entry.model.title)}]({target}){marked}\n"


def _assessment_card(entry: Entry[Assessment], site: Site, settings: Settings,
                     here: str) -> str:
    assessment = entry.model
    language = site.lang_of(entry)
    at = strings_for(settings, language)
    key = site.original_id(entry.id)
    target = relative_link(here, assessment_uri(page_id(site, settings, entry.id)))
    ids = [q.id for d in assessment.dimensions for q in d.questions]
    # what the script needs to write the overall result of the reader's answers
    data = json.dumps({**score_data(assessment, at), "id": key}, ensure_ascii=False,
                      separators=(",", ":"))
    return (
        f'<article class="pb-card" data-pb-assessment="{key}"'
        f'{lang_attributes(language, settings.page_language)} markdown>\n'
        f'<p class="pb-card-title" id="pb-card-{key}" markdown="span">'
        f"[{plain(assessment.title)}]({target})</p>\n\n"
        + progress_bar(at("progress.of", title=assessment.title), key, ids, "assessment")
        + f'<p class="pb-score" data-pb-score-spec="{esc(data)}" data-pb-needs-script hidden>'
        "</p>\n\n</article>\n\n")


def _card(entry: Entry[Playbook], site: Site, settings: Settings, here: str) -> str:
    playbook = entry.model
    language = site.lang_of(entry)
    t = strings_for(settings, language)  # a card is in its document's language, words too
    key = site.original_id(entry.id)  # progress is kept under the original's id
    target = relative_link(here, playbook_uri(page_id(site, settings, entry.id)))
    lang = lang_attributes(language, settings.page_language)
    phases = " · ".join(esc(site.phase_title(phase.phase, t)) for phase in playbook.phases)
    tags = "".join(f'<span class="pb-tag">{esc(tag)}</span> ' for tag in playbook.tags)
    summary = f"{authored(playbook.summary)}\n\n" if playbook.summary else ""
    return (
        f'<article class="pb-card" data-pb-playbook="{key}"{lang} markdown>\n'
        f'<p class="pb-card-title" id="pb-card-{key}" markdown="span">'
        f"[{plain(playbook.title)}]({target})</p>\n\n{summary}"
        + ("" if settings.build_language  # each language's listing leads to its own pages
           else language_switch(site, settings, entry.id, here, playbook_uri)) +
        f'<p class="pb-card-phases">{phases}</p>\n\n'
        + (f'<p class="pb-tags">{tags.strip()}</p>\n\n' if tags else "")
        + progress_bar(t("progress.of", title=playbook.title), key, item_ids(playbook),
                       "playbook")
        + "</article>\n\n"
    )
