"""An assessment's page: the results view the script fills (first, so results come to the
reader), levels, the questionnaire (one section per dimension, one fieldset per question, a bar
that keeps progress in sight), the recommendations by level, the paper answer sheet, and the data
the script reads.

Without JavaScript, the page is a questionnaire followed by every level's advice; the script hides
that advice and shows each dimension's in the action plan of the results. On paper (the print
styles), it is a numbered questionnaire without advice or reader state, then the answer sheet."""

from __future__ import annotations

import json
from collections.abc import Callable

from ...core.model import (
    MAX_EVIDENCE_CHARS,
    MAX_ROUND_CHARS,
    NOT_APPLICABLE,
    Assessment,
    Dimension,
    Question,
)
from ...core.settings import PageSettings
from ...core.site import Entry, LinkedRecommendation, PlayLink, Site
from ..contract import assessment_data
from ..i18n import Strings, strings_for
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
    lang_attributes,
    language_switch,
    link_id,
    notices,
    page_id,
    plain,
    print_choice,
    sources,
    untranslated_note,
)
from .urls import assessment_uri, playbook_uri, relative_link


def render_assessment(entry: Entry[Assessment], site: Site, settings: PageSettings) -> str:
    """The Markdown of an assessment's page."""
    assessment = entry.model
    language = site.lang_of(entry)
    t = strings_for(settings, language)  # the document's words are in its language
    here = assessment_uri(page_id(site, settings, entry.id))

    def version(link: PlayLink) -> str:
        """A link to the play as its page shows it (in the page's language, if translated),
        with its progress read under the original's id."""
        read = site.version_in(link.playbook_id, settings.build_language or language)
        found = site.find_play(f"{read}/{link.play.id}")
        play = found or link
        shown = PlayLink(link_id(site, settings, link.playbook_id, language), play.play)
        written = site.lang_of_id(read if found else link.playbook_id)
        return _play_link(shown, here, site.original_id(link.playbook_id),
                          lang_attributes(written, language))

    parts = [f"# {plain(assessment.title)}\n\n",
             language_switch(settings, site.view(entry), here, assessment_uri),
             notices(t, ("unavailable", "unreadable", "shared", "share_invalid", "round")),
             _results(assessment, t)]
    if assessment.intro:
        parts.append(block("pb-intro", assessment.intro))
    parts.append(facts(assessment, t, entry.review_due))
    parts.append(_levels(assessment, t))
    parts.append(_questionnaire(assessment, site, t))
    parts.append(_library(entry, t, version))
    parts.append(sources(assessment, t))
    parts.append(_answer_sheet(assessment, t))
    return (front_matter(assessment.title, assessment.tags) + untranslated_note(settings, language)
            + in_language("".join(parts), language, settings.page_language)
            + _script_data(assessment, t, settings.page_language, site.original_id(entry.id)))


def _script_data(assessment: Assessment, t: Strings, page_language: str, key: str) -> str:
    """What the script needs, as JSON in an attribute: a `<script>` of JSON would not do, as
    Material's instant navigation runs every script of a new page. A translation's answers are
    kept under its original's id (`key`)."""
    data = {**assessment_data(assessment, t, page_language), "id": key}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'\n<div class="pb-assessment-data" data-pb-spec="{esc(text)}" hidden></div>\n'


def _button(t: Words, action: str, label: str, confirm: str = "") -> str:
    extra = f' data-pb-confirm="{esc(t(confirm))}"' if confirm else ""
    return (f'<button type="button" class="pb-button" data-pb-action="{action}"{extra}>'
            f"{esc(t(label))}</button>")


def _results(assessment: Assessment, t: Words) -> str:
    """The results view, hidden until the reader has results (or opens a share link), filled by
    the script. First what a phone's first screen holds: the overall result (or how much is
    answered, and what is left), every dimension's score on one scale, the weakest first
    (`data-pb-results-body`), and the action plan; then what can be opened: the radar and the
    calculation; the actions; the history. Its titles are Markdown headings, so that the table of
    contents lists them; the stylesheet hides their entries while they are hidden."""
    options = "".join(f'<option value="{level.id}">{esc(level.title)}</option>'
                      for level in assessment.levels)
    return (
        '<section class="pb-results" data-pb-results hidden aria-labelledby="pb-results-heading"'
        ' markdown>\n'
        + heading(2, t("assessment.results"), "pb-results-heading")
        + '<div class="pb-results-body" data-pb-results-body></div>\n\n'
        '<div class="pb-plan-box" data-pb-plan-box markdown>\n'
        + heading(3, t("assessment.plan"), "pb-plan-heading")
        + f'<p class="pb-actions"><label>{esc(t("assessment.target"))} <select data-pb-target>'
        f'<option value="">{esc(t("assessment.no_target"))}</option>{options}</select></label>'
        '</p>\n<ol class="pb-plan" data-pb-plan aria-labelledby="pb-plan-heading"></ol>\n'
        f'<p class="pb-next">{esc(t("assessment.plan_help"))}</p>\n\n</div>\n\n'
        f'<details class="pb-more"><summary>{esc(t("assessment.radar_title"))}</summary>'
        "<div data-pb-radar></div></details>\n"
        f'<details class="pb-more pb-calc"><summary>{esc(t("assessment.calc"))}</summary>'
        f'<p>{esc(t("assessment.calc_help"))}</p><div data-pb-calc></div></details>\n'
        f'{_round_field(t)}<div class="pb-actions">{_button(t, "share", "assessment.share")}'
        f'{_button(t, "export-json", "assessment.export_json")}'
        f'{_button(t, "export-csv", "assessment.export_csv")}'
        f'{_button(t, "clear", "assessment.clear", "assessment.clear_confirm")}</div>\n'
        f'{print_choice(t("print.answers"))}\n'
        f'<div class="pb-share" data-pb-share-box hidden><label>{esc(t("assessment.share_label"))}'
        ' <input type="text" readonly data-pb-share></label>'
        '<p role="status" data-pb-share-status></p></div>\n\n'
        '<div class="pb-history" data-pb-history hidden markdown>\n'
        + heading(3, t("assessment.history"), "pb-history-heading")
        + f'<p class="pb-actions" data-pb-pickers><label>{esc(t("assessment.compare"))} A '
        '<select data-pb-compare="a"></select></label>'
        '<label>B <select data-pb-compare="b"></select></label></p>\n'
        '<div class="pb-compare-body" data-pb-compare-body></div>\n\n</div>\n\n'
        "</section>\n\n"
    )


def _round_field(t: Words) -> str:
    """The round (campaign) the reader's exports carry: set by a facilitator's link
    (`?round=2026-Q1`) or typed here."""
    return (f'<p class="pb-round"><label>{esc(t("assessment.round"))} '
            f'<input type="text" data-pb-round maxlength="{MAX_ROUND_CHARS}" autocomplete="off" '
            f'spellcheck="false" placeholder="{esc(t("assessment.round_example"))}"></label> '
            f'<span class="pb-next">{esc(t("assessment.round_help"))}</span></p>')


def _evidence(question: Question, t: Words) -> str:
    """A field for the reader's evidence (a note or a link) on the answer to `question`, kept
    with the answer and exported with it; and where it prints when they print their answers."""
    return (
        f'<details class="pb-evidence" data-pb-needs-script hidden><summary>'
        f'{esc(t("assessment.evidence"))}</summary><label><span class="pb-next">'
        f'{esc(t("assessment.evidence_help"))}</span><textarea data-pb-evidence="{question.id}" '
        f'rows="2" maxlength="{MAX_EVIDENCE_CHARS}"></textarea></label></details>\n'
        f'<p class="pb-evidence-print" data-pb-evidence-print="{question.id}" hidden></p>\n\n'
    )


def _questionnaire(assessment: Assessment, site: Site, t: Strings) -> str:
    """The questions, by dimension; with the script, a list of the dimensions with their counts
    (and a way to go one at a time) and a bar that keeps the progress and the results button in
    sight. The questionnaire holds no results, advice or reader state of its own: it prints."""
    dimensions = assessment.dimensions
    steps = "".join(
        f'<li><a href="#{d.id}" data-pb-action="goto" data-pb-goto="{d.id}">{esc(d.title)}</a> '
        f'<span class="pb-count" data-pb-count-of="{d.id}">0 / {len(d.questions)}</span></li>'
        for d in dimensions)
    nav = (f'<div class="pb-steps" role="navigation" aria-label="{esc(t("assessment.dimensions"))}"'
           f' data-pb-needs-script hidden><ol>{steps}</ol>'
           f'<button type="button" class="pb-button" data-pb-action="one" aria-pressed="false">'
           f'{esc(t("assessment.one_at_a_time"))}</button></div>\n\n')
    show_weights = bool(getattr(assessment, "show_weights", False))  # once the model has it
    sections = "".join(
        _dimension(dimension, site, t, show_weights=show_weights,
                   previous=dimensions[n - 1] if n else None,
                   following=dimensions[n + 1] if n + 1 < len(dimensions) else None)
        for n, dimension in enumerate(dimensions))
    total = sum(len(d.questions) for d in dimensions)
    bar = (
        '<div class="pb-bar" data-pb-needs-script hidden><p class="pb-progress">'
        f'<span data-pb-answered>{esc(t.plural("assessment.answered", total, answered=0))}</span>'
        ' <span class="pb-count" data-pb-current></span></p>'
        f'{_button(t, "results", "assessment.see_results")}</div>\n\n'
    )
    return (f'<div class="pb-questionnaire" data-pb-questionnaire markdown>\n{nav}{sections}{bar}'
            "</div>\n\n")


def _answer_sheet(assessment: Assessment, t: Strings) -> str:
    """The paper answer sheet, printed after the questionnaire (never shown on screen), read in
    the order it is filled: who and when, the steps, then for each question a box for the
    number of the answer ticked and one for its points, each dimension's subtotals, the overall
    score and the levels (`scoring.results`, by hand). Questions are numbered as printed; the
    boxes are for a pen, the level's as wide as the longest level's title. The answer numbers
    are what `playbooks paper` reads back."""
    number = 0
    sections = []
    level_box = _level_box(assessment)
    for dimension in assessment.dimensions:
        rows = []
        for question in dimension.questions:
            number += 1
            rows.append(_sheet_row(number, question, t))
        sections.append(
            f'<tbody><tr><th colspan="7" scope="rowgroup">{esc(dimension.title)} · '
            f'{esc(t("assessment.weight"))} {t.number(dimension.weight)}</th></tr>{"".join(rows)}'
            f'<tr><td class="pb-text" colspan="7">{_subtotals(t, level_box)}</td></tr></tbody>')
    head = "".join(f"<th>{esc(t(key))}</th>" for key in (
        "assessment.number", "assessment.question", "assessment.sheet_answer",
        "assessment.points", "assessment.best", "assessment.weight", "assessment.your_points"))
    table = (f'<table class="pb-sheet-table"><thead><tr>{head}</tr></thead>'
             f'{"".join(sections)}</table>')
    fill = {"na": t("assessment.na_mark"), "a": t("assessment.sum_points"),
            "b": t("assessment.sum_weights"), "score": t("assessment.dimension_score")}
    steps = "".join(f"<li>{esc(t(key, **fill))}</li>" for key in (
        "assessment.sheet_step_tick", "assessment.sheet_step_write",
        "assessment.sheet_step_dimension", "assessment.sheet_step_overall"))
    return (
        f'<section class="pb-answer-sheet">'
        f'<p class="pb-label">{esc(t("assessment.sheet"))} · {esc(assessment.title)}</p>'
        f'<p class="pb-sums">{_box(t("assessment.sheet_name"), "pb-box-name")}'
        f'{_box(t("assessment.sheet_date"), "pb-box-date")}</p>'
        f'<ol class="pb-sheet-steps">{steps}</ol>{_levels_sheet(assessment, t)}{table}'
        f'{_overall_sheet(assessment, t, level_box)}{_how_sheet(assessment, t)}</section>\n\n'
    )


def _sheet_row(number: int, question: Question, t: Strings) -> str:
    points = " · ".join(f"{n})&nbsp;{t.number(choice.score)}" for n, choice
                        in enumerate(question.choices, start=1))
    best = max(choice.score for choice in question.choices)
    text = esc(" ".join(question.text.split()))
    return (f'<tr><td>{number}</td><td class="pb-text">{text}</td>'
            f'<td><span class="pb-box"></span></td><td class="pb-points">{points}</td>'
            f"<td>{t.number(best)}</td><td>{t.number(question.weight)}</td>"
            '<td><span class="pb-box"></span></td></tr>')


def _level_box(assessment: Assessment) -> str:
    """A box to write a level in, as wide as the widest level title (every title laid in the
    same place, unseen: the box takes the width of the widest, at a hand's size)."""
    titles = "".join(f"<span>{esc(level.title)}</span>" for level in assessment.levels)
    return f'<span class="pb-box pb-box-level"><span class="pb-sizer" aria-hidden="true">' \
           f"{titles}</span></span>"


def _box(label: str, kind: str = "", box: str = "") -> str:
    """A labelled box to write in (`box`: its HTML, when it is not a plain box)."""
    shown = box or f'<span class="pb-box {kind}"></span>'
    return f'<span class="pb-sum"><span class="pb-sum-label">{esc(label)}</span> {shown}</span>'


def _subtotals(t: Strings, level_box: str) -> str:
    """A dimension's boxes, in the order they are computed (the steps give the formulas)."""
    keys = ("assessment.a", "assessment.b", "assessment.score")
    return (f'<span class="pb-sums">{"".join(_box(t(key)) for key in keys)}'
            f'{_box(t("assessment.level"), box=level_box)}</span>')


def _overall_sheet(assessment: Assessment, t: Strings, level_box: str) -> str:
    rows = "".join(f'<tr><td class="pb-text">{esc(d.title)}</td><td>{t.number(d.weight)}</td>'
                   '<td><span class="pb-box"></span></td>'
                   '<td><span class="pb-box"></span></td></tr>' for d in assessment.dimensions)
    return (
        f'<div class="pb-sheet-overall">'
        f'<p class="pb-label">{esc(t("assessment.overall_row"))}</p><table class="pb-sheet-table">'
        f'<thead><tr><th>{esc(t("assessment.dimension"))}</th>'
        f'<th>{esc(t("assessment.weight"))}</th><th>{esc(t("assessment.score"))}</th>'
        f'<th>{esc(t("assessment.weighted_score"))}</th></tr></thead><tbody>{rows}</tbody>'
        f'</table><p class="pb-sums">{_box(t("assessment.overall_score"))}'
        f'{_box(t("assessment.level"), box=level_box)}</p></div>'
    )


def _levels_sheet(assessment: Assessment, t: Strings) -> str:
    """The levels, one column each, above the questions: where each score's level is read."""
    titles = "".join(f"<th>{esc(level.title)}</th>" for level in assessment.levels)
    minimums = "".join(f'<td>{esc(t("assessment.level_from", min=t.number(level.min)))}</td>'
                       for level in assessment.levels)
    return (f'<table class="pb-sheet-table pb-sheet-levels"><caption class="pb-label">'
            f'{esc(t("assessment.levels"))}</caption><thead><tr>{titles}</tr></thead>'
            f"<tbody><tr>{minimums}</tr></tbody></table>")


def _how_sheet(assessment: Assessment, t: Strings) -> str:
    """The rule, in full, for whoever checks the sums."""
    complete = t("assessment.sheet_complete", percent=t.number(assessment.complete_at))
    return (f'<div class="pb-sheet-how"><p class="pb-label">{esc(t("assessment.grid"))}</p>'
            f'<p>{esc(t("assessment.grid_help"))} {esc(complete)}</p></div>')


def _levels(assessment: Assessment, t: Strings) -> str:
    items = "".join(
        f'<li class="pb-level" id="pb-level-{level.id}" markdown="block">\n'
        f'<p class="pb-label">{esc(level.title)} '
        f'<span class="pb-level-min">({esc(t("assessment.level_from", min=t.number(level.min)))})'
        f"</span></p>\n\n"
        + (f'<div class="pb-level-text" data-pb-describes="{level.id}" markdown>\n'
           f"{authored(level.description)}\n\n</div>\n" if level.description else "")
        + "</li>\n"
        for level in assessment.levels
    )
    return (f"\n## {esc(t('assessment.levels'))} {{: #pb-levels }}\n\n"
            f'<ol class="pb-levels" markdown>\n{items}</ol>\n\n')


def _dimension(dimension: Dimension, site: Site, t: Strings, *, show_weights: bool,
               previous: Dimension | None, following: Dimension | None) -> str:
    details = []
    if dimension.phase:
        details.append(esc(site.phase_title(dimension.phase, t)))
    if show_weights:  # weights sway answers: respondents see them only when the author says so
        details.append(esc(t("assessment.dimension_weight", weight=t.number(dimension.weight))))
    meta = f'<p class="pb-dimension-meta">{" · ".join(details)}</p>\n\n' if details else ""
    moves = "".join(
        f'<button type="button" class="pb-button" data-pb-action="goto" '
        f'data-pb-goto="{other.id}">{esc(t(key, title=other.title))}</button>'
        for key, other in (("assessment.previous", previous),
                           ("assessment.next_dimension", following)) if other)
    return (f'<section class="pb-dimension" data-pb-part="{dimension.id}" markdown>\n'
            + heading(2, dimension.title, dimension.id) + meta
            + "".join(_question(question, t) for question in dimension.questions)
            + f'<p class="pb-moves" data-pb-needs-script hidden>{moves}</p>\n\n</section>\n\n')


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
        f'<div class="pb-choices" markdown>\n{labels}\n\n</div>\n{_evidence(question, t)}'
        "</fieldset>\n\n"
    )


def _library(entry: Entry[Assessment], t: Words,
             version: Callable[[PlayLink], str]) -> str:
    """Every dimension's advice by level, after the questionnaire: read as is without the script
    (and on paper); with it, each dimension's advice for its level moves to the action plan."""
    assessment = entry.model
    titles = {level.id: level.title for level in assessment.levels}
    parts = []
    for dimension in assessment.dimensions:
        recommendations = entry.recommendations[dimension.id]
        if recommendations:
            parts.append(_recommendations(dimension, recommendations, titles, version))
    if not parts:
        return ""
    return (f'<div class="pb-library" data-pb-without-script markdown>\n'
            f'<p class="pb-label">{esc(t("assessment.recommendations"))}</p>\n\n'
            + "".join(parts) + "</div>\n\n")


def _recommendations(dimension: Dimension, recommendations: tuple[LinkedRecommendation, ...],
                     titles: dict[str, str],
                     version: Callable[[PlayLink], str]) -> str:
    parts = [f'<div class="pb-recommendations" data-pb-dimension="{dimension.id}" markdown>\n'
             f'<p class="pb-label">{esc(dimension.title)}</p>\n\n']
    for linked in recommendations:
        advice = linked.recommendation
        links = ", ".join(version(play) for play in linked.plays)
        parts.append(
            f'<div class="pb-recommendation" data-pb-level="{advice.level}" markdown>\n'
            f'<p class="pb-label">{esc(titles.get(advice.level, advice.level))}'
            f"</p>\n\n{authored(advice.text)}\n\n"
            + (f"→ {links}\n\n" if links else "") + "</div>\n"
        )
    parts.append("</div>\n\n")
    return "".join(parts)


def _play_link(link: PlayLink, here: str, key: str, lang: str = "") -> str:
    """A link to a play, its progress read under `key`; `lang`: the attributes that mark the
    play's title when it is in another language than the advice around it."""
    target = relative_link(here, playbook_uri(link.playbook_id))
    items = " ".join(link.item_ids)
    return (f"[{plain(link.play.title)}]({target}#{link.play.id})"
            f'{{: data-pb-playbook="{key}" data-pb-items="{items}"{lang} }}')
