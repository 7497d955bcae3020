"""`playbooks aggregate`: a team report from exported results, with no server.

The figures come from `team` (every score recomputed from the answers, every figure a whole
number). This module writes them: `team-report.csv` (per round and dimension), `team-plan.csv`
(the plan ranked by need, with room for an owner and a due date) and `team-report.html`, one
self-contained page (no script, no outside request) that reads on a phone, on a screen and on
paper: the timeline of the rounds, what changed since the last round, the spread and levels of
the last round, the plan, the evidence given with the answers and which files were counted.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import markdown
from babel.dates import format_date

from ..core.model import NOT_APPLICABLE, Question
from ..core.site import LinkedRecommendation
from ..output.i18n import Strings, csv_dialect
from ..output.sanitize import sanitize
from .radar import radar_svg
from .scoring import level_of
from .team import (
    STATS,
    Changes,
    FileNote,
    Move,
    RoundFigures,
    Spread,
    Standing,
    Step,
    TeamReport,
)
from .timeline import Point, timeline_svg

REPORT_FILES = ("team-report.csv", "team-plan.csv", "team-report.html")
"""What `aggregate` writes into its output folder."""


# ---------------------------------------------------------------------------------------------
# CSV


def spreadsheet_safe(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula (OWASP's advice on CSV
    injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'`)."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@contextmanager
def _rows(path: Path, language: str) -> Iterator[Any]:
    """A CSV writer of `path` in the dialect of `language`'s spreadsheets."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        yield csv.writer(stream, delimiter=csv_dialect(language)[0])


def write_csv(path: Path, report: TeamReport, t: Strings) -> None:
    """One row per round and dimension (then the round's overall row), headed and filled in
    the assessment's language (titles, not ids) and its spreadsheets' dialect: `;` where they
    use the decimal comma, else `,`; UTF-8 with a byte order mark, so spreadsheets do not guess
    another encoding. Every score is a whole number."""
    levels = report.assessment.levels
    with _rows(path, t.language) as writer:
        writer.writerow([t(key) for key in (
            "report.round", "report.dimension", "report.participants_column", "report.scored",
            "report.partial", *(f"report.{name}" for name in STATS), "report.team_level",
            "report.target")] + [spreadsheet_safe(level.title) for level in levels])
        for figures in report.rounds:
            for spread in [*figures.dimensions, figures.overall]:
                writer.writerow([
                    spreadsheet_safe(_round_name(figures, t)),
                    spreadsheet_safe(spread.title or t("report.overall")),
                    figures.participants, len(spread.scores), spread.partial,
                    *(_cell(spread.stat(name)) for name in STATS),
                    spreadsheet_safe(_level_title(report, report.team_level(spread), "")),
                    spreadsheet_safe(_level_title(report, report.targets.of(spread.id), "")),
                    *(spread.levels.get(level.id, 0) for level in levels)])


def write_plan_csv(path: Path, report: TeamReport, t: Strings, site_url: str | None) -> None:
    """The plan, ranked by need, one row per dimension, with empty owner and due-date columns
    for the team to fill (same dialect as `write_csv`)."""
    with _rows(path, t.language) as writer:
        writer.writerow([t(key) for key in (
            "report.rank", "report.dimension", "report.median", "report.team_level",
            "report.target", "report.gap", "report.weight", "report.plays", "report.owner",
            "report.due")])
        for rank, step in enumerate(report.plan, start=1):
            plays = [f"{play.play.title} ({_play_url(play.playbook_id, play.play.id, site_url)})"
                     for linked in step.advice for play in linked.plays]
            writer.writerow([
                rank, spreadsheet_safe(step.dimension.title), _cell(step.median),
                spreadsheet_safe(_level_title(report, step.level, "")),
                spreadsheet_safe(step.target.title if step.target else ""),
                _cell(step.gap),
                f"{step.dimension.weight:g}".replace(".", csv_dialect(t.language)[1]),
                spreadsheet_safe(" · ".join(plays)), "", ""])


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)


# ---------------------------------------------------------------------------------------------
# HTML


def write_html(path: Path, report: TeamReport, t: Strings, site_url: str | None) -> None:
    """The report as one self-contained page (no script, no outside request) that reads from a
    390 px phone to a 1280 px screen and prints."""
    title = t("report.title", title=report.assessment.title)
    heading = f"{title} — {report.label}" if report.label else title
    latest = report.latest
    body = "".join([
        f"<header><h1>{_e(heading)}</h1><p>{_e(_about(report, t))}</p>{_targets_line(report, t)}"
        "</header>",
        _overall(report, t),
        _timeline(report, t),
        _changes(report, t),
        _section(t("report.spread_of", round=_round_name(latest, t))
                 if len(report.rounds) > 1 else t("report.spread"),
                 _radar(report, t) + _spread_table(report, t)),
        _level_grid(report, t),
        _plan(report, t, site_url),
        _evidence(report, t),
        _files(report, t),
        f'<p class="note">{_e(t("report.recomputed"))}</p>',
    ])
    path.write_text(
        f'<!doctype html>\n<html lang="{_e(t.language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(heading)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n", encoding="utf-8")


def _e(text: object) -> str:
    return html.escape(str(text))


def _section(title: str, content: str, *, level: int = 2, help_text: str = "") -> str:
    extra = f'<p class="help">{_e(help_text)}</p>' if help_text else ""
    return f"<section><h{level}>{_e(title)}</h{level}>{extra}{content}</section>"


def _round_name(figures: RoundFigures, t: Strings) -> str:
    return figures.name if figures.name is not None else t("report.no_round")


def _about(report: TeamReport, t: Strings) -> str:
    latest = report.latest
    parts = []
    if latest.name is not None:
        parts.append(t("report.round_named", round=latest.name))
    parts.append(t.plural("report.participants", latest.participants))
    if latest.complete < latest.participants:
        parts.append(t.plural("report.partial_participants",
                              latest.participants - latest.complete))
    days = latest.days
    if days:
        first = format_date(days[0], "long", locale=_locale(t.language))
        last = format_date(days[-1], "long", locale=_locale(t.language))
        parts.append(t("report.dates", first=first, last=last) if first != last
                     else t("report.date", date=first))
    if len(report.rounds) > 1:
        parts.append(t.plural("report.rounds", len(report.rounds)))
    return " · ".join(parts)


def _targets_line(report: TeamReport, t: Strings) -> str:
    if not report.targets.levels:
        return ""
    source = report.file_name(report.targets.path) if report.targets.path else ""
    source = ", ".join(part for part in (source, report.targets.option) if part)
    return f'<p class="help">{_e(t("report.targets_from", source=source))}</p>'


def _overall(report: TeamReport, t: Strings) -> str:
    spread = report.latest.overall
    median = spread.stat("median")
    if median is None:
        return f"<p>{_e(t('report.no_answer'))}</p>"
    level = _level_title(report, report.team_level(spread))
    text = t("report.overall_median", score=median, level=level)
    return f'<p class="overall">{_e(text)}</p>'


# Timeline and changes ------------------------------------------------------------------------


def _timeline(report: TeamReport, t: Strings) -> str:
    if len(report.rounds) < 2:
        return ""
    assessment = report.assessment
    rows = [(d.id, d.title) for d in assessment.dimensions] + [("overall", t("report.overall"))]
    levels = {level.id: level for level in assessment.levels}
    charts = []
    for key, title in rows:
        points = [_point(figures, key, t) for figures in report.rounds]
        target = levels.get(report.targets.of(key) or "")
        said = t("report.timeline_label", title=title, points=", ".join(
            f"{p.round} {p.median if p.median is not None else '–'}" for p in points))
        caption = title + (f" · {t('report.target')} {target.title} ({target.min:g})"
                           if target else "")
        charts.append(f'<figure class="timeline-figure"><figcaption>{_e(caption)}</figcaption>'
                      f"{timeline_svg(points, assessment.levels, target, said)}</figure>")
    heads = [t("report.dimension"), *(_round_name(f, t) for f in report.rounds),
             t("report.change")]
    body = []
    for key, title in rows:
        cells = [_median_cell(figures.spread(key)) for figures in report.rounds]
        move = Move(key, title, report.rounds[-2].spread(key).stat("median"),
                    report.rounds[-1].spread(key).stat("median"))
        body.append([title, *cells, _signed(move.change)])
    return _section(t("report.timeline"), f'<div class="charts">{"".join(charts)}</div>'
                    + _table(heads, body, "timeline-table"), help_text=t("report.timeline_help"))


def _point(figures: RoundFigures, key: str, t: Strings) -> Point:
    spread = figures.spread(key)
    return Point(_round_name(figures, t), spread.stat("median"), spread.stat("q1"),
                 spread.stat("q3"))


def _median_cell(spread: Spread) -> str:
    median = spread.stat("median")
    if median is None:
        return "–"
    return f"{median} ({spread.stat('q1')}–{spread.stat('q3')})"


def _signed(change: int | None) -> str:
    if change is None:
        return "–"
    return f"+{change}" if change > 0 else f"−{-change}" if change < 0 else "="


def _changes(report: TeamReport, t: Strings) -> str:
    moved = report.changes
    if moved is None:
        return ""
    overall = t("report.changes_overall", before=_shown(moved.overall.before),
                after=_shown(moved.overall.after), change=_signed(moved.overall.change))
    heads = [t("report.dimension"), _round_name(moved.before, t), _round_name(moved.after, t),
             t("report.change")]
    rows = [[m.title, _with_level(report, m.before), _with_level(report, m.after),
             _signed(m.change)] for m in moved.dimensions]
    content = (f'<p class="overall">{_e(overall)}</p>'
               f"<h3>{_e(t('report.moved'))}</h3>{_table(heads, rows, 'moves')}"
               + _people(report, moved, t))
    title = t("report.changes", before=_round_name(moved.before, t),
              after=_round_name(moved.after, t))
    return _section(title, content)


def _with_level(report: TeamReport, score: int | None) -> str:
    if score is None:
        return "–"
    return f"{score} · {_level_title(report, level_of(report.assessment.levels, score))}"


def _shown(value: int | None) -> str:
    return "–" if value is None else str(value)


def _people(report: TeamReport, moved: Changes, t: Strings) -> str:
    title = f"<h3>{_e(t('report.people'))}</h3>"
    if not moved.people:
        return title + f'<p class="help">{_e(t("report.people_none"))}</p>'
    counts = " · ".join(t.plural(key, moved.count(sign)) for key, sign in (
        ("report.improved", 1), ("report.unchanged", 0), ("report.declined", -1)))
    summary = t.plural("report.people_both", len(moved.people), counts=counts)
    heads = [t("report.participant"), t("report.overall"), t("report.change"),
             t("report.largest_move")]
    rows = []
    for person in sorted(moved.people, key=lambda p: -(p.overall.change or 0)):
        largest = person.largest
        rows.append([
            f"{report.file_name(person.before.source)} → {report.file_name(person.after.source)}",
            f"{_shown(person.overall.before)} → {_shown(person.overall.after)}",
            _signed(person.overall.change),
            f"{largest.title} {_signed(largest.change)}" if largest else "–"])
    return (title + f"<p>{_e(summary)}</p>" + _table(heads, rows, "people")
            + f'<p class="help">{_e(t("report.people_help"))}</p>')


# The last round ------------------------------------------------------------------------------


def _radar(report: TeamReport, t: Strings) -> str:
    spreads = report.latest.dimensions
    series = [(t("report.max"), [s.stat("max") for s in spreads]),
              (t("report.median"), [s.stat("median") for s in spreads]),
              (t("report.min"), [s.stat("min") for s in spreads])]
    numbers = [str(n) for n in range(1, len(spreads) + 1)]
    svg = radar_svg(numbers, series, t("report.radar"), label_room=RADAR_LABEL_ROOM)
    legend = "".join(f'<li class="series-{n}">{_e(name)}</li>'
                     for n, (name, _) in enumerate(series))
    axes = "".join(f"<li>{_e(s.title)}</li>" for s in spreads)
    return (f'<figure class="radar-figure">{svg}<figcaption>{_e(t("report.radar"))}'
            f'<ul class="legend">{legend}</ul><ol class="axes">{axes}</ol></figcaption></figure>')


RADAR_FONT = 11
"""The radar labels' size in px, as drawn: the chart is shown at its own size (one unit, one
px), which fits a 390 px phone because its axes are numbered (the dimensions are listed beside
it): a title on the chart would make it wider than a phone, and its text smaller than 11 px."""
RADAR_LABEL_ROOM = 12
"""Units left and right of the radar's square for its numbers."""


def _spread_table(report: TeamReport, t: Strings) -> str:
    heads = [t("report.dimension"), t("report.scored"), t("report.partial"),
             *(t(f"report.{name}") for name in STATS), t("report.team_level")]
    rows = [[s.title or t("report.overall"), str(len(s.scores)), str(s.partial),
             *(_shown(s.stat(name)) for name in STATS),
             _level_title(report, report.team_level(s))]
            for s in [*report.latest.dimensions, report.latest.overall]]
    return (f'<p class="help">{_e(t("report.stats_help"))}</p>'
            + _table(heads, rows, "spread"))


def _level_grid(report: TeamReport, t: Strings) -> str:
    levels = report.assessment.levels
    heads = [t("report.dimension"), *(level.title for level in levels), t("report.partial"),
             t("report.no_answer")]
    rows = [[s.title or t("report.overall"),
             *(str(s.levels.get(level.id, 0) or "") for level in levels),
             str(s.partial or ""), str(s.unanswered or "")]
            for s in [*report.latest.dimensions, report.latest.overall]]
    return _section(t("report.levels"), _table(heads, rows, "grid"),
                    help_text=t("report.levels_help"))


def _plan(report: TeamReport, t: Strings, site_url: str | None) -> str:
    steps = "".join(_step(report, step, t, site_url) for step in report.plan)
    return _section(t("report.next_steps"), f'<ol class="plan">{steps}</ol>'
                    f'<p class="help">{_e(t("report.plan_csv", file="team-plan.csv"))}</p>',
                    help_text=t("report.plan_help"))


def _step(report: TeamReport, step: Step, t: Strings, site_url: str | None) -> str:
    if step.standing is Standing.NO_SCORE:
        where = t("report.no_answer")
    else:
        where = t("report.step", median=step.median, level=_level_title(report, step.level))
    line = " · ".join(part for part in (where, _aim(step, t)) if part)
    advice = "".join(_advice(linked, site_url) for linked in step.advice)
    return (f'<li class="step step-{step.standing.value}"><h3>{_e(step.dimension.title)}</h3>'
            f'<p class="where">{_e(line)}</p>{advice}</li>')


def _aim(step: Step, t: Strings) -> str:
    """How the step stands against its target."""
    target = step.target.title if step.target else ""
    if step.standing is Standing.GAP:
        return t.plural("report.target_gap", step.gap or 0, level=target)
    if step.standing is Standing.REACHED:
        return t("report.target_reached", level=target)
    return t("report.no_target") if step.standing is Standing.NO_TARGET else ""


def _advice(linked: LinkedRecommendation, site_url: str | None) -> str:
    text = sanitize(markdown.markdown(linked.recommendation.text))
    plays = "".join(
        f'<li><a href="{_e(_play_url(play.playbook_id, play.play.id, site_url))}">'
        f"{_e(play.play.title)}</a></li>" if site_url else
        f"<li>{_e(play.play.title)} <code>{_e(_play_url(play.playbook_id, play.play.id, None))}"
        "</code></li>"
        for play in linked.plays)
    return f'<div class="advice">{text}' + (f"<ul>{plays}</ul>" if plays else "") + "</div>"


def _play_url(playbook: str, play: str, site_url: str | None) -> str:
    path = f"playbooks/{playbook}/#{play}"
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


# Evidence and files ---------------------------------------------------------------------------


def _evidence(report: TeamReport, t: Strings) -> str:
    latest = report.latest
    if not any(result.evidence for result in latest.taken):
        return ""
    parts = []
    for dimension in report.assessment.dimensions:
        questions = "".join(_question_evidence(question, latest, t)
                            for question in dimension.questions)
        if questions:
            parts.append(f"<h3>{_e(dimension.title)}</h3>{questions}")
    return _section(t("report.evidence"), "".join(parts), help_text=t("report.evidence_help"))


def _question_evidence(question: Question, figures: RoundFigures, t: Strings) -> str:
    choices = {choice.id: choice.text for choice in question.choices}
    choices[NOT_APPLICABLE] = t("assessment.not_applicable")
    notes = sorted(((choices.get(result.answers.get(question.id, ""), "–"), text)
                    for result in figures.taken
                    if (text := result.evidence.get(question.id))), key=lambda pair: pair[0])
    if not notes:
        return ""
    items = "".join(f'<li><span class="answer">{_e(_plain(answer))}</span> '
                    f'<span class="note-text">{linked_text(text)}</span></li>'
                    for answer, text in notes)
    return (f'<div class="question"><p class="question-text">{_e(_plain(question.text))}</p>'
            f"<ul>{items}</ul></div>")


def _plain(markdown_text: str) -> str:
    """A question's or choice's inline Markdown as plain text (its marks dropped)."""
    return " ".join(re.sub(r"[*_`]+", "", markdown_text).split())


_LINK = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def linked_text(text: str) -> str:
    """A reader's note as HTML: its text escaped, each http(s) address in it a link (and no
    other scheme: a `javascript:` address stays text)."""
    parts: list[str] = []
    end = 0
    for found in _LINK.finditer(text):
        address = found.group().rstrip(".,;:!?)")
        parts.append(_e(text[end:found.start()]))
        parts.append(f'<a href="{_e(address)}" rel="noopener noreferrer">{_e(address)}</a>')
        end = found.start() + len(address)
    parts.append(_e(text[end:]))
    return "".join(parts)


def _files(report: TeamReport, t: Strings) -> str:
    counted = sum(figures.participants for figures in report.rounds)
    summary = (t.plural("report.files_read", report.read) + " · "
               + t.plural("report.files_counted", counted))
    notes = "".join(f"<li>{_e(_note(note, t, report.file_name))}</li>" for note in report.notes)
    return _section(t("report.files"), f"<p>{_e(summary)}</p>"
                    + (f'<ul class="notes">{notes}</ul>' if notes else ""))


def _note(note: FileNote, t: Strings, name: Callable[[str], str] = str) -> str:
    return t(f"report.why_{note.why.value}", file=name(note.source), kept=name(note.kept))


def file_notes(notes: Iterable[FileNote], t: Strings) -> list[str]:
    """What the report says of each file that did not count on its own, for the terminal too."""
    return [_note(note, t) for note in notes]


# Shared --------------------------------------------------------------------------------------


def _table(heads: Sequence[str], rows: Sequence[Sequence[str]], kind: str) -> str:
    """A table whose first column heads its rows; on a phone each row is a block whose cells
    are labelled by their column's head (`data-label`), so nothing scrolls sideways."""
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
    body = "".join(
        f'<tr><th scope="row">{_e(row[0])}</th>'
        + "".join(f'<td data-label="{_e(label)}">{_e(cell)}</td>'
                  for label, cell in zip(heads[1:], row[1:], strict=True))
        + "</tr>" for row in rows)
    return (f'<table class="{kind}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
            "</table>")


def _level_title(report: TeamReport, level_id: str | None, none: str = "–") -> str:
    return next((level.title for level in report.assessment.levels if level.id == level_id),
                none)


def _locale(language: str) -> str:
    return language.replace("-", "_")


_STYLE = (
    "*,*::before,*::after{box-sizing:border-box}"
    "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;"
    "color:#222;line-height:1.4;overflow-wrap:break-word}h1{font-size:1.6rem}"
    "h2{margin-top:2rem;font-size:1.25rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}"
    "table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #ccc;"
    "padding:.3rem .5rem;text-align:right;font-variant-numeric:tabular-nums}"
    "th[scope=row],thead th:first-child{text-align:left}thead th{background:#f4f4f8}"
    ".overall{font-size:1.2rem;font-weight:600}.help,.note{color:#555;font-size:.9rem}"
    "figure{margin:1rem 0}"
    ".radar-figure{display:flex;flex-wrap:wrap;align-items:center;gap:1rem}"
    ".radar{max-width:100%;height:auto;overflow:visible}.radar .ring{fill:none;stroke:#ccc}"
    f".radar .axis{{stroke:#ccc}}.radar text{{font-size:{RADAR_FONT}px;fill:#333;"
    "font-weight:600}.radar .series{fill:none;stroke-width:2}.radar .series-0{stroke:#4051b5;"
    "stroke-dasharray:6 4}.radar .series-1{fill:rgba(64,81,181,.2);stroke:#4051b5}"
    ".radar .series-2{stroke:#c2185b;stroke-dasharray:2 3}"
    ".legend{list-style:none;padding:0}.legend li::before{content:'';display:inline-block;"
    "width:2rem;margin-right:.5rem;vertical-align:middle;border-top:2px solid #4051b5}"
    ".legend .series-0::before{border-top-style:dashed}.legend .series-2::before{"
    "border-top:2px dotted #c2185b}.axes{padding-left:1.5rem}"
    ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1rem}"
    ".timeline-figure{margin:0}.timeline-figure figcaption{font-weight:600}"
    ".timeline{max-width:100%;height:auto;display:block}"
    f".timeline text{{font-size:{RADAR_FONT}px;fill:#333}}.timeline .value{{font-weight:600}}"
    ".timeline .frame{stroke:#999}.timeline .level{stroke:#ddd}"
    ".timeline .target{stroke:#c2185b;stroke-dasharray:5 4;stroke-width:1.5}"
    ".timeline .band{fill:rgba(64,81,181,.18);stroke:none}"
    ".timeline polyline.median{fill:none;stroke:#4051b5;stroke-width:2}"
    ".timeline circle.median{fill:#4051b5}"
    ".grid td{text-align:center}"
    ".plan{padding-left:1.5rem}.plan h3{margin-bottom:.2rem}.where{margin:.2rem 0;font-weight:600}"
    ".step-reached .where,.step-no_score .where{font-weight:400;color:#555}"
    ".advice{border-left:3px solid #4051b5;padding-left:1rem;margin:.5rem 0}"
    ".question{margin:.6rem 0}.question-text{font-weight:600;margin:.2rem 0}"
    ".answer{font-style:italic}.answer::after{content:' —'}"
    ".note-text{white-space:pre-line}"
    "@media (max-width:40rem){body{margin:1rem auto}"
    "table,tbody,tr,th,td{display:block;width:100%}thead{position:absolute;width:1px;"
    "height:1px;overflow:hidden;clip:rect(0 0 0 0)}tr{margin:0 0 .8rem;border:1px solid #ccc}"
    "th[scope=row]{background:#f4f4f8;border:0}td{border:0;border-top:1px solid #eee;"
    "display:flex;justify-content:space-between;gap:1rem;text-align:right}"
    "td::before{content:attr(data-label);text-align:left;color:#555}"
    ".grid td{text-align:right}}"
    "@media print{body{margin:0;max-width:none}thead{display:table-header-group}"
    "table,tr,figure,.question,.step,.advice{break-inside:avoid}"
    "h1,h2,h3,figcaption,.help{break-after:avoid}table{break-before:avoid}"
    # Two charts a line on paper; a page may end after any line of charts (not only before
    # the last two, as the default widows of 2 would have it, leaving half a page blank).
    ".charts{display:block;widows:1;orphans:1}"
    ".timeline-figure{display:inline-block;width:48%;"
    "vertical-align:top}}"
)
