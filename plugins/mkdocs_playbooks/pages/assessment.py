"""An assessment's page: levels, the questionnaire (one fieldset per question), the results
area the script fills, the paper scoring grid, and the data the script reads."""

from __future__ import annotations

import json

from ..contract import NOT_APPLICABLE, assessment_data
from ..i18n import Strings
from ..model import Assessment, Dimension, Question
from ..settings import Settings
from ..site import Entry, LinkedRecommendation, PlayLink, Site
from .markup import (
    Words,
    authored,
    block,
    esc,
    facts,
    front_matter,
    heading,
    in_language,
    inline,
    notices,
    plain,
    sources,
)
from .urls import assessment_uri, playbook_uri, relative_link


def render_assessment(entry: Entry[Assessment], site: Site, settings: Settings) -> str:
    """The Markdown of an assessment's page."""
    assessment = entry.model
    t = settings.strings_for(assessment.lang)
    here = assessment_uri(entry.id)
    questions = [q for d in assessment.dimensions for q in d.questions]
    parts = [f"# {plain(assessment.title)}\n\n",
             notices(t, ("unavailable", "unreadable", "shared", "share_invalid"))]
    if assessment.intro:
        parts.append(block("pb-intro", assessment.intro))
    parts.append(facts(assessment, t, settings.today))
    parts.append(_levels(assessment, t))
    parts.append(f'<p class="pb-answered" data-pb-answered data-pb-needs-script hidden>'
                 f'{esc(t("assessment.answered", count=0, total=len(questions)))}</p>\n\n')
    for dimension in assessment.dimensions:
        parts.append(_dimension(entry, dimension, site, t, here))
    parts.append(_results(assessment, t))
    parts.append(_scoring_grid(assessment, t))
    parts.append(sources(assessment, t))
    return (front_matter(assessment.title, assessment.tags)
            + in_language("".join(parts), assessment.lang, settings.language)
            + _script_data(assessment, t))


def _script_data(assessment: Assessment, t: Strings) -> str:
    """What the script needs, as JSON in an attribute: a `<script>` of JSON would not do, as
    Material's instant navigation runs every script of a new page."""
    text = json.dumps(assessment_data(assessment, t), ensure_ascii=False, separators=(",", ":"))
    return f'\n<div class="pb-assessment-data" data-pb-spec="{esc(text)}" hidden></div>\n'


def _results(assessment: Assessment, t: Words) -> str:
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
        '<div class="pb-results-body" aria-live="polite" data-pb-results-body></div>'
        f'<div class="pb-actions">{button("export-json", "assessment.export_json")}'
        f'{button("export-csv", "assessment.export_csv")}{button("share", "assessment.share")}'
        f'{button("clear", "assessment.clear", "assessment.clear_confirm")}</div>'
        f'<p class="pb-share" data-pb-share-box hidden><label>{esc(t("assessment.share_label"))} '
        '<input type="text" readonly data-pb-share></label></p>'
        '<div class="pb-history" data-pb-history hidden>'
        f'<h3 id="pb-history-heading">{esc(t("assessment.history"))}</h3>'
        f'<div class="pb-actions"><label>{esc(t("assessment.compare"))} A '
        '<select data-pb-compare="a"></select></label>'
        '<label>B <select data-pb-compare="b"></select></label></div>'
        '<div class="pb-compare-body" aria-live="polite" data-pb-compare-body></div></div>'
        "</section>\n\n"
    )


def _scoring_grid(assessment: Assessment, t: Words) -> str:
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


def _levels(assessment: Assessment, t: Words) -> str:
    items = "".join(
        f'<li class="pb-level" id="pb-level-{level.id}" markdown="block">\n'
        f'<p class="pb-label">{esc(level.title)} '
        f'<span class="pb-level-min">({esc(t("assessment.level_from", min=f"{level.min:g}"))})'
        f"</span></p>\n\n{authored(level.description)}\n\n</li>\n"
        for level in assessment.levels
    )
    return (f"\n## {esc(t('assessment.levels'))} {{#pb-levels}}\n\n"
            f'<ol class="pb-levels" markdown>\n{items}</ol>\n\n')


def _dimension(
    entry: Entry[Assessment], dimension: Dimension, site: Site, t: Words, here: str
) -> str:
    parts = [heading(2, dimension.title, dimension.id)]
    details = []
    if dimension.phase:
        details.append(esc(site.phase_title(dimension.phase, t)))
    details.append(esc(t("assessment.dimension_weight", weight=f"{dimension.weight:g}")))
    parts.append(f'<p class="pb-dimension-meta">{" · ".join(details)}</p>\n\n')
    parts.extend(_question(question, t) for question in dimension.questions)
    recommendations = entry.recommendations[dimension.id]
    if recommendations:
        parts.append(_recommendations(entry.model, dimension, recommendations, t, here))
    return "".join(parts)


def _question(question: Question, t: Words) -> str:
    name = f"pb-answer-{question.id}"
    choices = [(choice.id, inline(choice.text)) for choice in question.choices]
    if question.allow_na:
        choices.append((NOT_APPLICABLE, esc(t("assessment.not_applicable"))))
    labels = "\n\n".join(
        f'<label><input type="radio" name="{name}" value="{choice_id}" '
        f'data-pb-answer="{question.id}"> {text}</label>'
        for choice_id, text in choices
    )
    help_text = block("pb-help", question.help) + "\n" if question.help else ""
    return (
        f'<fieldset class="pb-question" id="pb-q-{question.id}" data-pb-question="{question.id}" '
        f'markdown>\n<legend markdown="span">{inline(question.text)}</legend>\n\n{help_text}'
        f'<div class="pb-choices" markdown>\n{labels}\n\n</div>\n</fieldset>\n\n'
    )


def _recommendations(
    assessment: Assessment, dimension: Dimension,
    recommendations: tuple[LinkedRecommendation, ...], t: Words, here: str,
) -> str:
    titles = {level.id: level.title for level in assessment.levels}
    parts = [f'<div class="pb-recommendations" data-pb-dimension="{dimension.id}" markdown>\n'
             f'<p class="pb-label">{esc(t("assessment.recommendations"))}</p>\n\n']
    for linked in recommendations:
        advice = linked.recommendation
        links = ", ".join(_play_link(play, here) for play in linked.plays)
        parts.append(
            f'<div class="pb-recommendation" data-pb-level="{advice.level}" markdown>\n'
            f'<p class="pb-label">{esc(titles.get(advice.level, advice.level))}'
            f"</p>\n\n{authored(advice.text)}\n\n"
            + (f"→ {links}\n\n" if links else "") + "</div>\n"
        )
    parts.append("</div>\n\n")
    return "".join(parts)


def _play_link(link: PlayLink, here: str) -> str:
    target = relative_link(here, playbook_uri(link.playbook_id))
    items = " ".join(link.item_ids)
    return (f"[{plain(link.play.title)}]({target}#{link.play.id})"
            f'{{: data-pb-playbook="{link.playbook_id}" data-pb-items="{items}" }}')
