"""The pages that list every playbook: the index, and the reader's progress page; on a large site
each is split into pages of `listing_page_size` documents, linked by a pager."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeVar

from ...core.cache import Cache, through
from ...core.model import Assessment, Playbook
from ...core.settings import PageSettings
from ...core.site import DocumentView, Site, phase_title
from ..contract import score_data
from ..i18n import Strings, strings_for
from .markup import (
    NOTICES,
    PAGES,
    authored,
    esc,
    front_matter,
    heading,
    item_ids,
    lang_attributes,
    language_switch,
    listed,
    notices,
    plain,
    progress_bar,
    progress_link,
    view_page_id,
)
from .urls import (
    INDEX_URI,
    PROGRESS_URI,
    WORKSHOP_URI,
    assessment_uri,
    listing_page_uri,
    playbook_uri,
    relative_link,
)

T = TypeVar("T")


@dataclass(frozen=True)
class ListingPart:
    """One page of a listing: which of how many, and the documents it lists. With the settings,
    all that the page shows: its key in the cache (so an edited playbook makes again the one
    page that lists it, not all of them)."""

    number: int
    count: int
    any_playbook: bool
    """Whether the site has a playbook at all (on any page)."""
    any_assessment: bool
    """Whether the site has an assessment at all (on any page)."""
    playbooks: tuple[DocumentView[Playbook], ...]
    assessments: tuple[DocumentView[Assessment], ...]


def render_index(site: Site, settings: PageSettings, cache: Cache | None = None) -> list[str]:
    """The index of every playbook (cards with summary, phases, tags, progress) and assessment:
    one page, or one per `settings.listing_page_size` documents, each with a pager; each page
    kept in `cache` by what it shows."""
    return [through(cache, PAGES, index_page, part, settings)
            for part in listing_parts(site, settings)]


def render_progress(site: Site, settings: PageSettings, cache: Cache | None = None) -> list[str]:
    """The reader's progress across every playbook, with export, import and reset: one page, or
    one per `settings.listing_page_size` documents, each with the actions and a pager; each page
    kept in `cache` by what it shows."""
    return [through(cache, PAGES, progress_page, part, settings)
            for part in listing_parts(site, settings)]


def listing_parts(site: Site, settings: PageSettings) -> list[ListingPart]:
    """The pages of a listing of every document (playbooks, then assessments)."""
    # Cards do not show reviews: a listing page is not made again the day one falls due.
    playbooks = [site.view(entry, review=False)
                 for entry in listed(site, settings, site.playbooks)]
    assessments = [site.view(entry, review=False)
                   for entry in listed(site, settings, site.assessments)]
    spans = _spans(len(playbooks) + len(assessments), settings.listing_page_size)
    shift = len(playbooks)
    return [ListingPart(number, len(spans), bool(site.playbooks), bool(site.assessments),
                        tuple(_part(playbooks, span)),
                        tuple(_part(assessments, range(span.start - shift, span.stop - shift))))
            for number, span in enumerate(spans, 1)]


def index_page(part: ListingPart, settings: PageSettings) -> str:
    """The Markdown of one page of the index."""
    t = strings_for(settings)
    here = listing_page_uri(INDEX_URI, part.number)
    title = listing_title(t, t("index.title"), part.number, part.count)
    parts = [front_matter(), f"# {plain(title)}\n\n",
             language_switch(settings, None, here, playbook_uri), notices(t),
             f"{esc(t('index.intro'))}\n\n"]
    if not part.any_playbook:
        parts.append(f"{esc(t('index.empty'))}\n\n")
    else:
        parts.append(progress_link(t, relative_link(here, PROGRESS_URI)))
        parts.append(f"[{plain(t('workshop.link'))}]({relative_link(here, WORKSHOP_URI)})"
                     "\n\n")
    parts.extend(_card(view, settings, here) for view in part.playbooks)
    if part.assessments:
        parts.append(heading(2, t("index.assessments"), "pb-assessments"))
        parts.extend(_assessment_item(view, settings, here) for view in part.assessments)
    parts.append(_pager(t, INDEX_URI, part.number, part.count))
    return "".join(parts)


def progress_page(part: ListingPart, settings: PageSettings) -> str:
    """The Markdown of one page of the progress page."""
    t = strings_for(settings)
    here = listing_page_uri(PROGRESS_URI, part.number)
    title = listing_title(t, t("progress.title"), part.number, part.count)
    return "".join([
        # Out of the search index: it holds no content, only the reader's state.
        front_matter(search_exclude=True),
        f"# {plain(title)}\n\n",
        language_switch(settings, None, here, playbook_uri), notices(t, NOTICES),
        f"{esc(t('progress.intro'))}\n\n",
        f"<noscript><p>{esc(t('progress.needs_script'))}</p></noscript>\n\n", _actions(t),
        (f'<p class="pb-next" data-pb-needs-script hidden>{esc(t("progress.import_help"))}'
         "</p>\n\n" if part.any_assessment else ""),
        *(_card(view, settings, here) for view in part.playbooks),
        *(_assessment_card(view, settings, here) for view in part.assessments),
        _pager(t, PROGRESS_URI, part.number, part.count),
    ])


def listing_title(t: Strings, title: str, number: int, count: int) -> str:
    """The title of page `number` of `count` of a listing: its own title on the first page."""
    return title if number == 1 else t("pager.title", title=title, page=number, pages=count)


def _spans(count: int, size: int) -> list[range]:
    """The positions of the documents each page lists: all on one page when `size` is 0."""
    if size <= 0 or count <= size:
        return [range(count)]
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _part(entries: list[T], span: range) -> list[T]:
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


def _assessment_item(view: DocumentView[Assessment], settings: PageSettings, here: str) -> str:
    """An assessment in the index's list: a link, marked with its language when it is not the
    page's."""
    target = relative_link(here, assessment_uri(view_page_id(view, settings)))
    lang = lang_attributes(view.language, settings.page_language)
    marked = f"{{:{lang} }}" if lang else ""
    return f"- [{plain(view.model.title)}]({target}){marked}\n"


def _assessment_card(view: DocumentView[Assessment], settings: PageSettings, here: str) -> str:
    assessment = view.model
    language = view.language
    at = strings_for(settings, language)
    key = view.original_id
    target = relative_link(here, assessment_uri(view_page_id(view, settings)))
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


def _card(view: DocumentView[Playbook], settings: PageSettings, here: str) -> str:
    playbook = view.model
    language = view.language
    t = strings_for(settings, language)  # a card is in its document's language, words too
    key = view.original_id  # progress is kept under the original's id
    target = relative_link(here, playbook_uri(view_page_id(view, settings)))
    lang = lang_attributes(language, settings.page_language)
    phases = " · ".join(esc(phase_title(settings.framework, phase.phase, t))
                        for phase in playbook.phases)
    tags = "".join(f'<span class="pb-tag">{esc(tag)}</span> ' for tag in playbook.tags)
    summary = f"{authored(playbook.summary)}\n\n" if playbook.summary else ""
    return (
        f'<article class="pb-card" data-pb-playbook="{key}"{lang} markdown>\n'
        f'<p class="pb-card-title" id="pb-card-{key}" markdown="span">'
        f"[{plain(playbook.title)}]({target})</p>\n\n{summary}"
        + ("" if settings.build_language  # each language's listing leads to its own pages
           else language_switch(settings, view, here, playbook_uri)) +
        f'<p class="pb-card-phases">{phases}</p>\n\n'
        + (f'<p class="pb-tags">{tags.strip()}</p>\n\n' if tags else "")
        + progress_bar(t("progress.of", title=playbook.title), key, item_ids(playbook),
                       "playbook")
        + "</article>\n\n"
    )
