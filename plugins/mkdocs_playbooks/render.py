"""Pages as Markdown (with `md_in_html` blocks), handed to the site engine to render once.

Plain-text fields are escaped; Markdown fields are passed through for the engine to render.
Checklists and questions are real form controls so a page works printed and without JavaScript.
"""

from __future__ import annotations

import datetime
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .checks import review_due_date
from .contract import assessment_data
from .model import Assessment, Dimension, Link, Play, Playbook, Question
from .site import Entry, Site

PLAYBOOKS_DIR = "playbooks"
ASSESSMENTS_DIR = "assessments"
INDEX_URI = f"{PLAYBOOKS_DIR}/index.md"
PROGRESS_URI = f"{PLAYBOOKS_DIR}/progress/index.md"


def playbook_uri(playbook_id: str) -> str:
    return f"{PLAYBOOKS_DIR}/{playbook_id}/index.md"


def assessment_uri(assessment_id: str) -> str:
    return f"{ASSESSMENTS_DIR}/{assessment_id}/index.md"


def relative_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one page source to another, as MkDocs resolves them."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri))


@dataclass(frozen=True)
class RenderOptions:
    strings: Callable[[str], Callable[..., str]]
    """Language code → the string table of that language."""
    site_language: str
    facilitator: bool = False
    today: datetime.date | None = None


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#|])")


def plain(text: str) -> str:
    """Plain text made safe to place in Markdown: no markup, no HTML."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def inline(text: str) -> str:
    """Inline Markdown kept on one line so it stays inside its HTML element."""
    return " ".join(text.split())


def block(css_class: str, markdown: str, label: str = "") -> str:
    heading = f'<p class="pb-label">{esc(label)}</p>\n\n' if label else ""
    return f'<div class="{css_class}" markdown>\n{heading}{markdown.strip()}\n\n</div>\n'


def front_matter(title: str, tags: list[str]) -> str:
    """The page's title and tags, HTML-escaped: themes print them as they are."""
    lines = "".join(f"  - {_yaml_string(esc(tag))}\n" for tag in tags)
    tag_block = f"tags:\n{lines}" if tags else ""
    return f"---\ntitle: {_yaml_string(esc(title))}\n{tag_block}---\n\n"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def links_list(links: list[Link]) -> str:
    return "".join(
        f"- [{plain(link.title)}](<{link.url}>)\n" if link.url else f"- {plain(link.title)}\n"
        for link in links
    )


def progress_bar(
    label: str, playbook_id: str, items: list[str], of: str, play_id: str = ""
) -> str:
    """A bar the script fills from the reader's saved ticks; hidden until it does."""
    if not items:
        return ""
    play = f' data-pb-play="{play_id}"' if play_id else ""
    return (
        f'<div class="pb-progress" role="progressbar" aria-label="{esc(label)}" '
        f'aria-valuemin="0" aria-valuemax="{len(items)}" aria-valuenow="0" '
        f'data-pb-progress="{playbook_id}" data-pb-progress-of="{of}"{play} '
        f'data-pb-items="{" ".join(items)}" hidden>'
        f'<span class="pb-progress-text">0 / {len(items)}</span></div>\n\n'
    )


NOTICES = ("unavailable", "unreadable", "import_failed", "imported", "reset")


def notices(t: Callable[..., str], names: tuple[str, ...] = NOTICES[:2]) -> str:
    """Messages the script shows when saving is impossible or data cannot be read."""
    lines = "".join(
        f'<p class="pb-notice" role="status" data-pb-notice="{name.replace("_", "-")}" hidden>'
        f'{esc(t(f"notice.{name}"))}</p>'
        for name in names
    )
    return (f'<div class="pb-notices">{lines}</div>\n'
            f'<div class="pb-live pb-visually-hidden" aria-live="polite"></div>\n\n')


def item_ids(playbook: Playbook, phase_id: str | None = None) -> list[str]:
    return [item.id for phase in playbook.phases if phase_id in (None, phase.phase)
            for play in phase.plays for item in play.checklist]


# ---------------------------------------------------------------------------------------------
# Playbook page


def render_playbook(entry: Entry[Playbook], site: Site, options: RenderOptions) -> str:
    playbook = entry.model
    t = options.strings(playbook.lang or options.site_language)
    assert playbook.id is not None
    parts = [f"# {plain(playbook.title)}\n\n", notices(t)]
    if playbook.summary:
        parts.append(block("pb-summary", playbook.summary))
    parts.append(_facts(playbook, t, options.today))
    parts.append(progress_bar(t("progress.of", title=playbook.title), playbook.id,
                              item_ids(playbook), "playbook"))
    if item_ids(playbook):
        link = relative_link(playbook_uri(playbook.id), PROGRESS_URI)
        parts.append(f'<p class="pb-progress-link" data-pb-needs-script hidden markdown="span">'
                     f"[{plain(t('progress.link'))}]({link})</p>\n\n")
    for phase in playbook.phases:
        title = site.phase_title(phase.phase, t)
        parts.append(f"\n## {plain(title)} {{#pb-phase-{phase.phase}}}\n\n")
        parts.append(progress_bar(t("progress.of", title=title), playbook.id,
                                  item_ids(playbook, phase.phase), "phase"))
        if phase.intro:
            parts.append(block("pb-phase-intro", phase.intro))
        parts.extend(_play(playbook, play, t, options.facilitator) for play in phase.plays)
    if playbook.sources:
        parts.append(f"\n## {esc(t('playbook.sources'))} {{#pb-sources}}\n\n")
        parts.append(links_list(playbook.sources))
    return front_matter(playbook.title, playbook.tags) + _in_language(
        "".join(parts), playbook.lang, options.site_language)


def _in_language(body: str, lang: str | None, site_language: str) -> str:
    """Marks content written in another language than the site's, for screen readers."""
    if lang is None or lang == site_language:
        return body
    return f'<div lang="{esc(lang)}" markdown>\n\n{body}\n</div>\n'


def _facts(
    document: Playbook | Assessment, t: Callable[..., str], today: datetime.date | None
) -> str:
    rows: list[tuple[str, str]] = []
    if document.owner:
        rows.append((t("playbook.owner"), esc(document.owner)))
    if document.reviewed:
        day = document.reviewed.isoformat()
        rows.append((t("playbook.reviewed"), f'<time datetime="{day}">{day}</time>'))
    if isinstance(document, Playbook) and document.audience:
        rows.append((t("playbook.audience"), esc(", ".join(document.audience))))
    facts = "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in rows)
    text = f'<dl class="pb-facts">{facts}</dl>\n\n' if rows else ""
    due = review_due_date(document)
    if due is not None and due < (today or datetime.date.today()):
        notice = esc(t("playbook.review_due", date=due.isoformat()))
        text += f'<p class="pb-review-due" role="note">{notice}</p>\n\n'
    return text


def _play(playbook: Playbook, play: Play, t: Callable[..., str], facilitator: bool) -> str:
    parts = [f"\n### {plain(play.title)} {{#{play.id}}}\n\n"]
    if play.duration:
        parts.append(f'<p class="pb-duration"><span class="pb-label">'
                     f'{esc(t("play.duration"))}</span> {esc(play.duration)}</p>\n\n')
    if play.why:
        parts.append(block("pb-why", play.why, t("play.why")))
    if play.how:
        parts.append(block("pb-how", play.how, t("play.how")))
    if facilitator and play.facilitator:
        parts.append(block("pb-facilitator", play.facilitator, t("play.facilitator")))
    if play.checklist:
        parts.append(_checklist(playbook, play, t))
    if play.metrics:
        parts.append(_metrics(play, t))
    if play.resources:
        parts.append(f'<p class="pb-label">{esc(t("play.resources"))}</p>\n\n')
        parts.append(links_list(play.resources) + "\n")
    return "".join(parts)


def _checklist(playbook: Playbook, play: Play, t: Callable[..., str]) -> str:
    assert playbook.id is not None
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
    bar = progress_bar(t("progress.of", title=play.title), playbook.id,
                       [item.id for item in play.checklist], "play", play.id)
    return (
        f'<p class="pb-label">{esc(t("play.checklist"))}</p>\n\n{bar}'
        f'<ul class="pb-checklist" data-pb-playbook="{playbook.id}" data-pb-play="{play.id}" '
        f'markdown>\n{"".join(items)}</ul>\n\n'
    )


def _metrics(play: Play, t: Callable[..., str]) -> str:
    head = "".join(f"<th>{esc(t(key))}</th>" for key in
                   ("metric.name", "metric.formula", "metric.target"))
    rows = "".join(
        f"<tr><td>{esc(metric.name)}</td><td>{esc(metric.formula or '')}</td>"
        f"<td>{esc(metric.target or '')}</td></tr>"
        for metric in play.metrics
    )
    return (f'<div class="pb-metrics"><table><caption>{esc(t("play.metrics"))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>\n\n")


# ---------------------------------------------------------------------------------------------
# Assessment page


def render_assessment(entry: Entry[Assessment], site: Site, options: RenderOptions) -> str:
    assessment = entry.model
    assert assessment.id is not None
    t = options.strings(assessment.lang or options.site_language)
    here = assessment_uri(assessment.id)
    questions = [q for d in assessment.dimensions for q in d.questions]
    parts = [f"# {plain(assessment.title)}\n\n",
             notices(t, ("unavailable", "unreadable", "shared", "share_invalid"))]
    if assessment.intro:
        parts.append(block("pb-intro", assessment.intro))
    parts.append(_facts(assessment, t, options.today))
    parts.append(_levels(assessment, t))
    parts.append(f'<p class="pb-answered" data-pb-answered data-pb-needs-script hidden>'
                 f'{esc(t("assessment.answered", count=0, total=len(questions)))}</p>\n\n')
    for dimension in assessment.dimensions:
        parts.append(_dimension(assessment, dimension, site, t, here))
    parts.append(_results(assessment, t))
    parts.append(_scoring_grid(assessment, t))
    if assessment.sources:
        parts.append(f"\n## {esc(t('playbook.sources'))} {{#pb-sources}}\n\n")
        parts.append(links_list(assessment.sources))
    return (front_matter(assessment.title, assessment.tags)
            + _in_language("".join(parts), assessment.lang, options.site_language)
            + _assessment_data(assessment, t))


def _assessment_data(assessment: Assessment, t: Callable[..., str]) -> str:
    """What the script needs, as JSON in an attribute: a `<script>` of JSON would not do, as
    Material's instant navigation runs every script of a new page."""
    data = assessment_data(assessment, t)  # type: ignore[arg-type]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'\n<div class="pb-assessment-data" data-pb-spec="{esc(text)}" hidden></div>\n'


def _results(assessment: Assessment, t: Callable[..., str]) -> str:
    options = "".join(f'<option value="{level.id}">{esc(level.title)}</option>'
                      for level in assessment.levels)

    def button(action: str, label: str, confirm: str = "") -> str:
        extra = f' data-pb-confirm="{esc(t(confirm))}"' if confirm else ""
        return (f'<button type="button" class="pb-button" data-pb-action="{action}"{extra}>'
                f"{esc(t(label))}</button>")

    return (
        '<section class="pb-results" data-pb-results data-pb-needs-script hidden '
        'aria-labelledby="pb-results-heading">'
        f'<h2 id="pb-results-heading">{esc(t("assessment.results"))}</h2>'
        f'<div class="pb-actions">{button("results", "assessment.see_results")}'
        f'<label>{esc(t("assessment.target"))} <select data-pb-target>'
        f'<option value="">{esc(t("assessment.no_target"))}</option>{options}</select></label>'
        "</div>"
        '<div class="pb-results-body" aria-live="polite"></div>'
        f'<div class="pb-actions">{button("export-json", "assessment.export_json")}'
        f'{button("export-csv", "assessment.export_csv")}{button("share", "assessment.share")}'
        f'{button("clear", "assessment.clear", "assessment.clear_confirm")}</div>'
        f'<p class="pb-share" hidden><label>{esc(t("assessment.share_label"))} '
        '<input type="text" readonly data-pb-share></label></p>'
        '<div class="pb-history" hidden>'
        f'<h3 id="pb-history-heading">{esc(t("assessment.history"))}</h3>'
        f'<div class="pb-actions"><label>{esc(t("assessment.compare"))} A '
        '<select data-pb-compare="a"></select></label>'
        '<label>B <select data-pb-compare="b"></select></label></div>'
        '<div class="pb-compare-body" aria-live="polite"></div></div>'
        "</section>\n\n"
    )


def _scoring_grid(assessment: Assessment, t: Callable[..., str]) -> str:
    """The paper version's scoring grid, printed after the questionnaire."""
    rows = []
    for dimension in assessment.dimensions:
        rows.append(f'<tr><th colspan="3" scope="colgroup">{esc(dimension.title)} '
                    f'({esc(t("assessment.weight"))} {dimension.weight:g})</th></tr>')
        for question in dimension.questions:
            points = " · ".join(f"{n}) {choice.score:g}" for n, choice
                                in enumerate(question.choices, start=1))
            rows.append(f"<tr><td>{esc(' '.join(question.text.split())[:90])}</td>"
                        f"<td>{points}</td><td>{question.weight:g}</td></tr>")
    levels = " · ".join(f"{esc(level.title)} ≥ {level.min:g}" for level in assessment.levels)
    return (
        f'<div class="pb-scoring-grid"><p class="pb-label">{esc(t("assessment.grid"))}</p>'
        f"<p>{esc(t('assessment.grid_help'))}</p><p>{levels}</p>"
        f'<table><thead><tr><th>{esc(t("assessment.question"))}</th>'
        f'<th>{esc(t("assessment.points"))}</th><th>{esc(t("assessment.weight"))}</th></tr>'
        f'</thead><tbody>{"".join(rows)}</tbody></table></div>\n\n'
    )


def _levels(assessment: Assessment, t: Callable[..., str]) -> str:
    items = "".join(
        f'<li class="pb-level" id="pb-level-{level.id}" markdown="block">\n'
        f'<p class="pb-label">{esc(level.title)} '
        f'<span class="pb-level-min">({esc(t("assessment.level_from", min=f"{level.min:g}"))})'
        f"</span></p>\n\n{level.description.strip()}\n\n</li>\n"
        for level in assessment.levels
    )
    return (f"\n## {esc(t('assessment.levels'))} {{#pb-levels}}\n\n"
            f'<ol class="pb-levels" markdown>\n{items}</ol>\n\n')


def _dimension(
    assessment: Assessment, dimension: Dimension, site: Site, t: Callable[..., str], here: str
) -> str:
    parts = [f"\n## {plain(dimension.title)} {{#{dimension.id}}}\n\n"]
    details = []
    if dimension.phase:
        details.append(esc(site.phase_title(dimension.phase, t)))
    details.append(esc(t("assessment.dimension_weight", weight=f"{dimension.weight:g}")))
    parts.append(f'<p class="pb-dimension-meta">{" · ".join(details)}</p>\n\n')
    parts.extend(_question(question, t) for question in dimension.questions)
    if dimension.recommendations:
        parts.append(_recommendations(assessment, dimension, site, t, here))
    return "".join(parts)


def _question(question: Question, t: Callable[..., str]) -> str:
    name = f"pb-answer-{question.id}"
    choices = [(choice.id, inline(choice.text)) for choice in question.choices]
    if question.allow_na:
        choices.append(("na", esc(t("assessment.not_applicable"))))
    labels = "\n\n".join(
        f'<label><input type="radio" name="{name}" value="{choice_id}"> {text}</label>'
        for choice_id, text in choices
    )
    help_text = block("pb-help", question.help) + "\n" if question.help else ""
    return (
        f'<fieldset class="pb-question" id="pb-q-{question.id}" data-pb-question="{question.id}" '
        f'markdown>\n<legend markdown="span">{inline(question.text)}</legend>\n\n{help_text}'
        f'<div class="pb-choices" markdown>\n{labels}\n\n</div>\n</fieldset>\n\n'
    )


def _recommendations(
    assessment: Assessment, dimension: Dimension, site: Site, t: Callable[..., str], here: str
) -> str:
    titles = {level.id: level.title for level in assessment.levels}
    parts = [f'<div class="pb-recommendations" data-pb-dimension="{dimension.id}" markdown>\n'
             f'<p class="pb-label">{esc(t("assessment.recommendations"))}</p>\n\n']
    for recommendation in dimension.recommendations:
        links = ", ".join(_play_links(site, recommendation.plays, here))
        parts.append(
            f'<div class="pb-recommendation" data-pb-level="{recommendation.level}" markdown>\n'
            f'<p class="pb-label">{esc(titles.get(recommendation.level, recommendation.level))}'
            f"</p>\n\n{recommendation.text.strip()}\n\n"
            + (f"→ {links}\n\n" if links else "") + "</div>\n"
        )
    parts.append("</div>\n\n")
    return "".join(parts)


def _play_links(site: Site, references: list[str], here: str) -> Iterator[str]:
    for reference in references:
        found = site.find_play(reference)
        if found is None:
            continue
        entry, play = found
        target = relative_link(here, playbook_uri(entry.id))
        items = " ".join(item.id for item in play.checklist)
        yield (f"[{plain(play.title)}]({target}#{play.id})"
               f'{{: data-pb-playbook="{entry.id}" data-pb-items="{items}" }}')


# ---------------------------------------------------------------------------------------------
# Index page


def render_index(site: Site, options: RenderOptions) -> str:
    t = options.strings(options.site_language)
    parts = [f"# {plain(t('index.title'))}\n\n", notices(t), f"{esc(t('index.intro'))}\n\n"]
    if not site.playbooks:
        parts.append(f"{esc(t('index.empty'))}\n\n")
    else:
        link = relative_link(INDEX_URI, PROGRESS_URI)
        parts.append(f'<p class="pb-progress-link" data-pb-needs-script hidden markdown="span">'
                     f"[{plain(t('progress.link'))}]({link})</p>\n\n")
    parts.extend(_card(entry, site, options, INDEX_URI) for entry in site.playbooks.values())
    if site.assessments:
        parts.append(f"\n## {esc(t('index.assessments'))} {{#pb-assessments}}\n\n")
        parts.extend(
            f"- [{plain(entry.model.title)}]"
            f"({relative_link(INDEX_URI, assessment_uri(entry.id))})\n"
            for entry in site.assessments.values()
        )
    return "".join(parts)


def render_progress(site: Site, options: RenderOptions) -> str:
    """The reader's progress across every playbook, with export, import and reset."""
    t = options.strings(options.site_language)
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
        f"# {plain(t('progress.title'))}\n\n", notices(t, NOTICES),
        f"{esc(t('progress.intro'))}\n\n",
        f"<noscript><p>{esc(t('progress.needs_script'))}</p></noscript>\n\n", actions,
    ]
    parts.extend(_card(entry, site, options, PROGRESS_URI) for entry in site.playbooks.values())
    for entry in site.assessments.values():
        assessment = entry.model
        at = options.strings(assessment.lang or options.site_language)
        target = relative_link(PROGRESS_URI, assessment_uri(entry.id))
        ids = [q.id for d in assessment.dimensions for q in d.questions]
        parts.append(
            f'<article class="pb-card" data-pb-assessment="{entry.id}" markdown>\n'
            f'<h2 class="pb-card-title" id="pb-card-{entry.id}" markdown="span">'
            f"[{plain(assessment.title)}]({target})</h2>\n\n"
            + progress_bar(at("progress.of", title=assessment.title), entry.id, ids,
                           "assessment")
            + "</article>\n\n")
    return "".join(parts)


def _card(entry: Entry[Playbook], site: Site, options: RenderOptions, here: str) -> str:
    playbook = entry.model
    t = options.strings(playbook.lang or options.site_language)
    target = relative_link(here, playbook_uri(entry.id))
    lang = f' lang="{esc(playbook.lang)}"' if playbook.lang else ""
    phases = " · ".join(esc(site.phase_title(phase.phase, t)) for phase in playbook.phases)
    tags = "".join(f'<span class="pb-tag">{esc(tag)}</span> ' for tag in playbook.tags)
    summary = f"{playbook.summary.strip()}\n\n" if playbook.summary else ""
    return (
        f'<article class="pb-card" data-pb-playbook="{entry.id}"{lang} markdown>\n'
        f'<h2 class="pb-card-title" id="pb-card-{entry.id}" markdown="span">'
        f"[{plain(playbook.title)}]({target})</h2>\n\n{summary}"
        f'<p class="pb-card-phases">{phases}</p>\n\n'
        + (f'<p class="pb-tags">{tags.strip()}</p>\n\n' if tags else "")
        + progress_bar(t("progress.of", title=playbook.title), entry.id, item_ids(playbook),
                       "playbook")
        + "</article>\n\n"
    )
