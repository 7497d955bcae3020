"""`playbooks aggregate`: a team report from exported results, with no server.

Every score is recomputed from the answers with the reference scoring; the numbers stored in the
files are never used.
"""

from __future__ import annotations

import csv
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .i18n import Strings
from .model import Assessment
from .radar import radar_svg
from .results import TakenResult, rescore
from .scoring import Result


@dataclass(frozen=True)
class Summary:
    """One dimension (or the overall score) across participants."""

    id: str
    title: str
    scores: list[float]
    levels: Counter[str]

    def stat(self, name: str) -> float | None:
        """The statistic `name` (mean, median, min, max) of the scores; None without any."""
        if not self.scores:
            return None
        functions: dict[str, Callable[[list[float]], float]] = {
            "mean": statistics.fmean, "median": statistics.median, "min": min, "max": max,
        }
        return functions[name](self.scores)


STATS = ("mean", "median", "min", "max")


def summarise(assessment: Assessment, taken: Sequence[TakenResult]) -> list[Summary]:
    """One summary per dimension, then the overall one (id `overall`)."""
    results: list[Result] = [rescore(assessment, result) for result in taken]
    summaries = []
    for dimension in assessment.dimensions:
        scores = [r.dimensions[dimension.id] for r in results]
        summaries.append(Summary(
            dimension.id, dimension.title,
            [s.value for s in scores if s.value is not None],
            Counter(s.level or "" for s in scores),
        ))
    summaries.append(Summary(
        "overall", "", [r.overall.value for r in results if r.overall.value is not None],
        Counter(r.overall.level or "" for r in results),
    ))
    return summaries


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula (OWASP's advice on CSV
    injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'`)."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def write_csv(path: Path, assessment: Assessment, summaries: list[Summary],
              participants: int) -> None:
    """The team report as CSV: one row per dimension and one for the overall score."""
    level_ids = [level.id for level in assessment.levels]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["dimension", "title", "participants", "answered", *STATS,
                         *(f"level:{level}" for level in level_ids), "level:none"])
        for summary in summaries:
            writer.writerow([
                summary.id, spreadsheet_safe(summary.title), participants, len(summary.scores),
                *("" if summary.stat(name) is None else f"{summary.stat(name):.2f}"
                  for name in STATS),
                *(summary.levels.get(level, 0) for level in level_ids),
                summary.levels.get("", 0),
            ])


def write_html(path: Path, assessment: Assessment, summaries: list[Summary],
               participants: int, t: Strings) -> None:
    """The team report as one self-contained HTML page (no script, no outside request)."""
    dimensions = summaries[:-1]
    radar = radar_svg([s.title for s in dimensions],
                      [(t("report.mean"), [s.stat("mean") for s in dimensions])],
                      t("report.radar"))
    head = "".join(f"<th>{escape(t(f'report.{name}'))}</th>" for name in STATS)
    levels = "".join(f"<th>{escape(level.title)}</th>" for level in assessment.levels)
    rows = "".join(
        f"<tr><th scope=\"row\">{escape(s.title or t('report.overall'))}</th>"
        f"<td>{len(s.scores)}</td>"
        + "".join(f"<td>{_number(s.stat(name))}</td>" for name in STATS)
        + "".join(f"<td>{s.levels.get(level.id, 0)}</td>" for level in assessment.levels)
        + f"<td>{s.levels.get('', 0)}</td></tr>"
        for s in summaries
    )
    title = t("report.title", title=assessment.title)
    path.write_text(
        f'<!doctype html>\n<html lang="{escape(t.language)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f"<p>{escape(t('report.participants', count=participants))}</p>"
        f"<figure>{radar}<figcaption>{escape(t('report.radar'))}</figcaption></figure>"
        f"<div class=\"wide\"><table><thead><tr><th>{escape(t('report.dimension'))}</th>"
        f"<th>{escape(t('report.answered'))}</th>{head}{levels}"
        f"<th>{escape(t('report.no_answer'))}</th></tr></thead><tbody>{rows}</tbody></table></div>"
        f"<p class=\"note\">{escape(t('report.recomputed'))}</p></body></html>\n",
        encoding="utf-8",
    )


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "color:#222}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;"
    "padding:.3rem .6rem;text-align:right}th[scope=row],thead th:first-child{text-align:left}"
    ".radar{max-width:26rem}.radar .ring{fill:none;stroke:#ccc}.radar .axis{stroke:#ccc}"
    ".radar text{font-size:11px;fill:#333}.radar .series{fill:rgba(64,81,181,.25);"
    "stroke:#4051b5;stroke-width:2}.note{color:#555;font-size:.9rem}.wide{overflow-x:auto}"
)
