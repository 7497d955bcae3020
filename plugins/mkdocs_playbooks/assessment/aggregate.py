"""`playbooks aggregate`: a team report from exported results, with no server.

Every score is recomputed from the answers by the reference scoring (`scoring.results`): the
numbers stored in the files are never used. The report shows the spread of the team, not only its
mean: per dimension the minimum, median and maximum, how many people reached each level, and the
advice of the level the team's median reaches, with links to the plays.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import html
import json
import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from babel.dates import format_date
from babel.numbers import format_decimal

from ..core.model import NOT_APPLICABLE, Assessment, Dimension
from ..core.site import Entry, LinkedRecommendation
from ..output.contract import RADAR
from ..output.i18n import Strings, csv_dialect
from ..output.sanitize import sanitize
from .radar import radar_svg
from .results import ResultError, TakenResult, read_result
from .scoring import Results, level_of, results, shown


@dataclass(frozen=True)
class Collected:
    """The results a team report can use, and what was said of the others."""

    taken: list[TakenResult]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def collect(paths: Sequence[Path], assessment: Assessment) -> Collected:
    """Read every result; refuse those of another assessment or with answers it does not know;
    count a result given twice once, with a warning."""
    known = {q.id: {c.id for c in q.choices} | ({NOT_APPLICABLE} if q.allow_na else set())
             for d in assessment.dimensions for q in d.questions}
    taken: list[TakenResult] = []
    errors: list[str] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            result = read_result(path)
        except ResultError as error:
            errors.append(str(error))
            continue
        if result.assessment != assessment.id:
            errors.append(f"{result.source}: a result of assessment '{result.assessment}', "
                          f"not '{assessment.id}'")
            continue
        unknown = _unknown_answers(result, known)
        if unknown:
            errors.append(f"{result.source}: answers that the assessment does not have: "
                          f"{', '.join(unknown)} (an export of another version of it?)")
            continue
        fingerprint = _fingerprint(result)
        if fingerprint in seen:
            warnings.append(f"{result.source}: the same result as {seen[fingerprint]}: "
                            "counted once")
            continue
        seen[fingerprint] = result.source
        taken.append(result)
    return Collected(taken, errors, warnings)


def _unknown_answers(result: TakenResult, known: dict[str, set[str]]) -> list[str]:
    return [f"{question}: {choice}" if question in known else question
            for question, choice in sorted(result.answers.items())
            if question not in known or choice not in known[question]]


def _fingerprint(result: TakenResult) -> str:
    text = json.dumps([result.taken_at, sorted(result.answers.items())])
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Spread:
    """One dimension (or the overall score) across the team, in shown (whole) scores."""

    id: str
    title: str
    scores: list[int]
    """Of the participants who have a score here, complete or not."""
    levels: Counter[str]
    """How many participants reached each level (complete answers only)."""
    partial: int
    """Participants whose answers here are not complete: no level counted for them."""
    unanswered: int

    def stat(self, name: str) -> float | None:
        """The statistic `name` (min, median, max, mean) of the scores; None without any."""
        if not self.scores:
            return None
        if name == "min":
            return min(self.scores)
        if name == "max":
            return max(self.scores)
        if name == "median":
            return statistics.median(self.scores)
        return statistics.fmean(self.scores)


STATS = ("min", "median", "max", "mean")


@dataclass(frozen=True)
class TeamReport:
    """Everything the CSV and the HTML report show."""

    entry: Entry[Assessment]
    label: str
    participants: int
    complete: int
    first: datetime.date | None
    last: datetime.date | None
    dimensions: list[Spread]
    overall: Spread

    @property
    def assessment(self) -> Assessment:
        """The assessment of the results."""
        return self.entry.model

    def team_level(self, spread: Spread) -> str | None:
        """The level the team's median score reaches."""
        median = spread.stat("median")
        return None if median is None else level_of(self.assessment.levels, shown(median))


def summarise(
    entry: Entry[Assessment], taken: Sequence[TakenResult], label: str = ""
) -> TeamReport:
    """The team report of `taken`, every score recomputed from the answers."""
    assessment = entry.model
    computed: list[Results] = [results(assessment, result.answers) for result in taken]
    dimensions = [_spread(dimension, computed) for dimension in assessment.dimensions]
    overall = Spread(
        "overall", "", [r.score for r in computed if r.score is not None],
        Counter(r.level for r in computed if r.level is not None),
        sum(not r.complete and r.score is not None for r in computed),
        sum(r.score is None for r in computed))
    days = sorted(day for result in taken if (day := _day(result.taken_at)) is not None)
    return TeamReport(entry, label, len(taken), sum(r.complete for r in computed),
                      days[0] if days else None, days[-1] if days else None, dimensions, overall)


def _spread(dimension: Dimension, computed: list[Results]) -> Spread:
    shown_here = [r.dimensions[dimension.id] for r in computed]
    return Spread(
        dimension.id, dimension.title, [d.score for d in shown_here if d.score is not None],
        Counter(d.level for d in shown_here if d.level is not None),
        sum(not d.complete and d.score is not None for d in shown_here),
        sum(d.score is None for d in shown_here))


def _day(taken_at: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(taken_at[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# CSV


def spreadsheet_safe(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula (OWASP's advice on CSV
    injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'`)."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(path: Path, report: TeamReport, language: str) -> None:
    """One row per dimension, then the overall row, in the site language's spreadsheet dialect:
    `;` and a decimal comma where spreadsheets use the comma, else `,` and a point; UTF-8 with a
    byte order mark, so spreadsheets do not guess another encoding."""
    separator, decimal = csv_dialect(language)
    levels = [level.id for level in report.assessment.levels]
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=separator)
        writer.writerow(["dimension", "title", "participants", "scored", "partial", *STATS,
                         "team_level", *(f"level:{level}" for level in levels)])
        for spread in [*report.dimensions, report.overall]:
            writer.writerow([
                spread.id, spreadsheet_safe(spread.title), report.participants,
                len(spread.scores), spread.partial,
                *(_csv_number(spread.stat(name), decimal) for name in STATS),
                report.team_level(spread) or "",
                *(spread.levels.get(level, 0) for level in levels)])


def _csv_number(value: float | None, decimal: str) -> str:
    if value is None:
        return ""
    return f"{value:.1f}".removesuffix(".0").replace(".", decimal)


# ---------------------------------------------------------------------------------------------
# HTML


def write_html(path: Path, report: TeamReport, t: Strings, site_url: str | None) -> None:
    """The report as one self-contained page (no script, no outside request) that fits 1280 px
    and prints."""
    language = t.language
    title = t("report.title", title=report.assessment.title)
    heading = f"{title} — {report.label}" if report.label else title
    body = "".join([
        f"<header><h1>{html.escape(heading)}</h1><p>{html.escape(_about(report, t))}</p>"
        "</header>",
        _overall(report, t),
        _radar(report, t),
        _spread_table(report, t),
        _level_grid(report, t),
        _next_steps(report, t, site_url),
        f'<p class="note">{html.escape(t("report.recomputed"))}</p>',
    ])
    path.write_text(
        f'<!doctype html>\n<html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(heading)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}</body></html>\n", encoding="utf-8")


def _about(report: TeamReport, t: Strings) -> str:
    parts = [t.plural("report.participants", report.participants)]
    if report.complete < report.participants:
        parts.append(t.plural("report.partial_participants",
                              report.participants - report.complete))
    if report.first and report.last:
        first = format_date(report.first, "long", locale=_locale(t.language))
        last = format_date(report.last, "long", locale=_locale(t.language))
        parts.append(t("report.dates", first=first, last=last) if first != last
                     else t("report.date", date=first))
    return " · ".join(parts)


def _overall(report: TeamReport, t: Strings) -> str:
    spread = report.overall
    median = spread.stat("median")
    if median is None:
        return f"<p>{html.escape(t('report.no_answer'))}</p>"
    level = _level_title(report, report.team_level(spread))
    text = t("report.overall_median", score=_number(median, t), level=level)
    return f'<p class="overall">{html.escape(text)}</p>'


def _radar(report: TeamReport, t: Strings) -> str:
    spreads = report.dimensions
    series = [(t("report.max"), [s.stat("max") for s in spreads]),
              (t("report.median"), [s.stat("median") for s in spreads]),
              (t("report.min"), [s.stat("min") for s in spreads])]
    titles = [s.title for s in spreads]
    svg = radar_svg(titles, series, t("report.radar"), label_room=_label_room(titles))
    legend = "".join(f'<li class="series-{n}">{html.escape(name)}</li>'
                     for n, (name, _) in enumerate(series))
    return (f'<figure class="radar-figure">{svg}<figcaption>{html.escape(t("report.radar"))}'
            f'<ul class="legend">{legend}</ul></figcaption></figure>')


RADAR_FONT = 11
"""The radar labels' size in px, as drawn: the chart is shown at its own size (one unit, one px)
while the page is wider than the chart."""


def _label_room(titles: Sequence[str]) -> int:
    """Units left and right of the radar for its labels on one line: the longest at an average
    character width of 0.6 em (generous for the system font), so that none is cut or crosses
    the chart."""
    longest = max((len(title) for title in titles), default=0)
    return max(RADAR.margin_x, math.ceil(longest * 0.6 * RADAR_FONT) + 4)


def _spread_table(report: TeamReport, t: Strings) -> str:
    head = "".join(f'<th scope="col">{html.escape(t(f"report.{name}"))}</th>' for name in STATS)
    rows = "".join(
        f'<tr><th scope="row">{html.escape(s.title or t("report.overall"))}</th>'
        f"<td>{len(s.scores)}</td><td>{s.partial}</td>"
        + "".join(f"<td>{_number(s.stat(name), t)}</td>" for name in STATS)
        + f"<td>{html.escape(_level_title(report, report.team_level(s)))}</td></tr>"
        for s in [*report.dimensions, report.overall])
    return (f'<section><h2>{html.escape(t("report.spread"))}</h2><table class="spread"><thead><tr>'
            f'<th scope="col">{html.escape(t("report.dimension"))}</th>'
            f'<th scope="col">{html.escape(t("report.scored"))}</th>'
            f'<th scope="col">{html.escape(t("report.partial"))}</th>{head}'
            f'<th scope="col">{html.escape(t("report.team_level"))}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></section>")


def _level_grid(report: TeamReport, t: Strings) -> str:
    levels = report.assessment.levels
    head = "".join(f'<th scope="col">{html.escape(level.title)}</th>' for level in levels)
    rows = "".join(
        f'<tr><th scope="row">{html.escape(s.title or t("report.overall"))}</th>'
        + "".join(f'<td class="count count-{min(s.levels.get(level.id, 0), 9)}">'
                  f"{s.levels.get(level.id, 0) or ''}</td>" for level in levels)
        + f"<td>{s.partial or ''}</td><td>{s.unanswered or ''}</td></tr>"
        for s in [*report.dimensions, report.overall])
    return (f'<section><h2>{html.escape(t("report.levels"))}</h2>'
            f'<p>{html.escape(t("report.levels_help"))}'
            f'</p><table class="grid"><thead><tr><th scope="col">'
            f'{html.escape(t("report.dimension"))}</th>{head}'
            f'<th scope="col">{html.escape(t("report.partial"))}</th>'
            f'<th scope="col">{html.escape(t("report.no_answer"))}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></section>")


def _next_steps(report: TeamReport, t: Strings, site_url: str | None) -> str:
    parts = []
    for spread in report.dimensions:
        level = report.team_level(spread)
        advice = [linked for linked in report.entry.recommendations.get(spread.id, ())
                  if linked.recommendation.level == level]
        if not advice:
            continue
        items = "".join(_advice(linked, site_url) for linked in advice)
        parts.append(f"<section><h3>{html.escape(spread.title)} — "
                     f"{html.escape(_level_title(report, level))}</h3>{items}</section>")
    if not parts:
        return ""
    return f'<h2>{html.escape(t("report.next_steps"))}</h2>' + "".join(parts)


def _advice(linked: LinkedRecommendation, site_url: str | None) -> str:
    text = sanitize(markdown.markdown(linked.recommendation.text))
    plays = "".join(
        f'<li><a href="{html.escape(site_url.rstrip("/"))}/playbooks/{play.playbook_id}/'
        f'#{play.play.id}">{html.escape(play.play.title)}</a></li>' if site_url else
        f"<li>{html.escape(play.play.title)} <code>playbooks/{play.playbook_id}/"
        f"#{play.play.id}</code></li>"
        for play in linked.plays)
    return f'<div class="advice">{text}' + (f"<ul>{plays}</ul>" if plays else "") + "</div>"


def _level_title(report: TeamReport, level_id: str | None) -> str:
    return next((level.title for level in report.assessment.levels if level.id == level_id), "–")


def _number(value: float | None, t: Strings) -> str:
    if value is None:
        return "–"
    return format_decimal(round(value, 1), format="#,##0.#", locale=_locale(t.language))


def _locale(language: str) -> str:
    return language.replace("-", "_")


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;"
    "color:#222;line-height:1.4}h1{font-size:1.6rem}h2{margin-top:2rem;font-size:1.25rem}"
    "table{border-collapse:collapse;margin:1rem 0;width:100%}th,td{border:1px solid #ccc;"
    "padding:.3rem .5rem;text-align:right;font-variant-numeric:tabular-nums}"
    "th[scope=row],thead th:first-child{text-align:left}thead th{background:#f4f4f8}"
    ".overall{font-size:1.2rem;font-weight:600}"
    ".radar-figure{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;margin:1rem 0}"
    ".radar{max-width:100%;height:auto;overflow:visible}.radar .ring{fill:none;stroke:#ccc}"
    f".radar .axis{{stroke:#ccc}}.radar text{{font-size:{RADAR_FONT}px;fill:#333}}"
    ".radar .series{fill:none;stroke-width:2}.radar .series-0{stroke:#4051b5;"
    "stroke-dasharray:6 4}.radar .series-1{fill:rgba(64,81,181,.2);stroke:#4051b5}"
    ".radar .series-2{stroke:#c2185b;stroke-dasharray:2 3}"
    ".legend{list-style:none;padding:0}.legend li::before{content:'';display:inline-block;"
    "width:2rem;margin-right:.5rem;vertical-align:middle;border-top:2px solid #4051b5}"
    ".legend .series-0::before{border-top-style:dashed}.legend .series-2::before{"
    "border-top:2px dotted #c2185b}"
    ".grid td{text-align:center}.count-1,.count-2{background:#e8eaf6}.count-3,.count-4{"
    "background:#c5cae9}.count-5,.count-6,.count-7,.count-8,.count-9{background:#9fa8da}"
    ".advice{border-left:3px solid #4051b5;padding-left:1rem;margin:.5rem 0}"
    ".note{color:#555;font-size:.9rem}"
    "@media print{body{margin:0;max-width:none}section,tr,figure{break-inside:avoid}"
    "h2,h3{break-after:avoid}}"
)
