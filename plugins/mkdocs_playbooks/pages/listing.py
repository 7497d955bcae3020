"""The pages that list every playbook: the index, and the reader's progress page."""

from __future__ import annotations

from ..model import Playbook
from ..settings import Settings
from ..site import Entry, Site
from .markup import (
    NOTICES,
    authored,
    esc,
    heading,
    item_ids,
    language_switch,
    listed,
    notices,
    page_id,
    plain,
    progress_bar,
    progress_link,
)
from .urls import INDEX_URI, PROGRESS_URI, assessment_uri, playbook_uri, relative_link


def render_index(site: Site, settings: Settings) -> str:
    """The index of every playbook (cards with summary, phases, tags, progress) and assessment."""
    t = settings.strings_for(None)
    parts = [f"# {plain(t('index.title'))}\n\n",
             language_switch(site, settings, None, INDEX_URI, playbook_uri), notices(t),
             f"{esc(t('index.intro'))}\n\n"]
    if not site.playbooks:
        parts.append(f"{esc(t('index.empty'))}\n\n")
    else:
        parts.append(progress_link(t, relative_link(INDEX_URI, PROGRESS_URI)))
    parts.extend(_card(entry, site, settings, INDEX_URI)
                 for entry in listed(site, settings, site.playbooks))
    if site.assessments:
        parts.append(heading(2, t("index.assessments"), "pb-assessments"))
        parts.extend(
            f"- [{plain(entry.model.title)}]"
            f"({relative_link(INDEX_URI, assessment_uri(page_id(site, settings, entry.id)))})\n"
            for entry in listed(site, settings, site.assessments)
        )
    return "".join(parts)


def render_progress(site: Site, settings: Settings) -> str:
    """The reader's progress across every playbook, with export, import and reset."""
    t = settings.strings_for(None)
    actions = (
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
    parts = [
        # Out of the search index: it holds no content, only the reader's state.
        "---\nsearch:\n  exclude: true\n---\n\n",
        f"# {plain(t('progress.title'))}\n\n",
        language_switch(site, settings, None, PROGRESS_URI, playbook_uri), notices(t, NOTICES),
        f"{esc(t('progress.intro'))}\n\n",
        f"<noscript><p>{esc(t('progress.needs_script'))}</p></noscript>\n\n", actions,
    ]
    parts.extend(_card(entry, site, settings, PROGRESS_URI)
                 for entry in listed(site, settings, site.playbooks))
    for entry in listed(site, settings, site.assessments):
        assessment = entry.model
        at = settings.words_for(site.lang_of(entry))
        key = site.original_id(entry.id)
        target = relative_link(PROGRESS_URI, assessment_uri(page_id(site, settings, entry.id)))
        ids = [q.id for d in assessment.dimensions for q in d.questions]
        parts.append(
            f'<article class="pb-card" data-pb-assessment="{key}" markdown>\n'
            f'<p class="pb-card-title" id="pb-card-{key}" markdown="span">'
            f"[{plain(assessment.title)}]({target})</p>\n\n"
            + progress_bar(at("progress.of", title=assessment.title), key, ids,
                           "assessment")
            + "</article>\n\n")
    return "".join(parts)


def _card(entry: Entry[Playbook], site: Site, settings: Settings, here: str) -> str:
    playbook = entry.model
    language = site.lang_of(entry)
    t = settings.words_for(language)
    key = site.original_id(entry.id)  # progress is kept under the original's id
    target = relative_link(here, playbook_uri(page_id(site, settings, entry.id)))
    marked = playbook.lang or language != settings.page_language
    lang = f' lang="{esc(language)}"' if marked else ""
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
