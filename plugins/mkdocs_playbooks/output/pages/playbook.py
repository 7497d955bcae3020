"""A playbook's page: phases → plays → why, how, checklist, metrics, resources; sources."""

from __future__ import annotations

from ...core.model import Play, Playbook
from ...core.settings import PageSettings
from ...core.site import DocumentView, phase_title
from ..i18n import Strings, strings_for
from .markup import (
    FACILITATOR_NOTES,
    Words,
    block,
    esc,
    facts,
    front_matter,
    heading,
    in_language,
    inline,
    item_ids,
    language_switch,
    links_list,
    notices,
    plain,
    print_choice,
    progress_bar,
    progress_link,
    sources,
    untranslated_note,
    view_page_id,
)
from .urls import PROGRESS_URI, playbook_uri, relative_link


def render_playbook(view: DocumentView[Playbook], settings: PageSettings) -> str:
    """The Markdown of a playbook's page: made from `view` and `settings` alone, so that it is
    kept in the cache under a key derived from them (see `core.cache`)."""
    playbook = view.model
    language = view.language
    t = strings_for(settings, language)  # the document's words are in its language
    key = view.original_id  # a translation's readers tick the original's items
    here = playbook_uri(view_page_id(view, settings))
    parts = [f"# {plain(playbook.title)}\n\n",
             language_switch(settings, view, here, playbook_uri), notices(t)]
    if playbook.summary:
        parts.append(block("pb-summary", playbook.summary))
    parts.append(facts(playbook, t, view.review_due))
    parts.append(progress_bar(t("progress.of", title=playbook.title), key,
                              item_ids(playbook), "playbook"))
    if item_ids(playbook):
        parts.append(progress_link(t, relative_link(here, PROGRESS_URI)))
        parts.append(print_choice(t("print.ticks")) + "\n\n")
    for phase in playbook.phases:
        title = phase_title(settings.framework, phase.phase, t)
        parts.append(heading(2, title, f"pb-phase-{phase.phase}"))
        parts.append(progress_bar(t("progress.of", title=title), key,
                                  item_ids(playbook, phase.phase), "phase"))
        if phase.intro:
            parts.append(block("pb-phase-intro", phase.intro))
        parts.extend(_play(key, play, t, settings.facilitator) for play in phase.plays)
    parts.append(sources(playbook, t))
    return (front_matter(playbook.title, playbook.tags) + untranslated_note(settings, language)
            + in_language("".join(parts), language, settings.page_language))


def _play(playbook_id: str, play: Play, t: Strings, facilitator: bool) -> str:
    parts = [heading(3, play.title, play.id)]
    if play.duration:
        parts.append(f'<p class="pb-duration"><span class="pb-label">'
                     f'{esc(t("play.duration"))}</span> {esc(play.duration)}</p>\n\n')
    if play.why:
        parts.append(block("pb-why", play.why, t("play.why")))
    if play.how:
        parts.append(block("pb-how", play.how, t("play.how")))
    if facilitator and play.facilitator:
        note = block("pb-facilitator", play.facilitator, t("play.facilitator"))
        parts.append(note.replace('class="pb-facilitator"',
                                  f'class="pb-facilitator" {FACILITATOR_NOTES}', 1))
    if play.checklist:
        parts.append(_checklist(playbook_id, play, t))
    if play.metrics:
        parts.append(_metrics(play, t))
    if play.resources:
        parts.append(f'<p class="pb-label">{esc(t("play.resources"))}</p>\n\n')
        parts.append(links_list(play.resources) + "\n")
    return "".join(parts)


def _checklist(playbook_id: str, play: Play, t: Words) -> str:
    items = []
    for item in play.checklist:
        control = f"pb-item-{item.id}"
        help_text = f"\n{block('pb-help', item.help)}" if item.help else ""
        items.append(
            f'<li class="pb-item" markdown="block">\n'
            f'<input type="checkbox" class="pb-check" id="{control}" name="{control}" '
            f'data-pb-item="{item.id}"> <label for="{control}">{inline(item.text)}</label>\n'
            f"{help_text}\n</li>\n"
        )
    bar = progress_bar(t("progress.of", title=play.title), playbook_id,
                       [item.id for item in play.checklist], "play", play.id)
    return (
        f'<p class="pb-label">{esc(t("play.checklist"))}</p>\n\n{bar}'
        f'<ul class="pb-checklist" data-pb-playbook="{playbook_id}" data-pb-play="{play.id}" '
        f'markdown>\n{"".join(items)}</ul>\n\n'
    )


def _metrics(play: Play, t: Words) -> str:
    head = "".join(f"<th>{esc(t(key))}</th>" for key in
                   ("metric.name", "metric.formula", "metric.target"))
    rows = "".join(
        f"<tr><td>{esc(metric.name)}</td><td>{esc(metric.formula or '')}</td>"
        f"<td>{esc(metric.target or '')}</td></tr>"
        for metric in play.metrics
    )
    return (f'<div class="pb-metrics"><table><caption>{esc(t("play.metrics"))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>\n\n")
