"""The contract between the generated pages and the browser script, written once.

The script (`assets/js/`) reads everything below from the page's data: it holds no copy of these
constants, so the Python side (the team report's radar, share links made by tests or tools) and
the browser cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.model import (
    MAX_EVIDENCE_CHARS,
    MAX_ROUND_CHARS,
    NOT_APPLICABLE,
    SHARE_ALPHABET,
    SHARE_MAX_QUESTIONS,
)
from .i18n import PLURAL_FORMS, csv_dialect

if TYPE_CHECKING:
    from ..core.model import Assessment
    from .i18n import Strings

SHARE_VERSION = "pb1"
SHARE_NOT_APPLICABLE = "_"
SHARE_UNANSWERED = "-"

@dataclass(frozen=True)
class RadarGeometry:
    """The radar chart's geometry, for the page's script and the team report alike."""

    size: int = 320
    """The chart's square, in SVG units; the centre is at size / 2."""
    radius: int = 110
    """The distance of the 100 ring from the centre."""
    label_radius: int = 122
    """Where the axis labels sit."""
    margin_x: int = 60
    """Room left and right of the square for labels."""
    margin_y: int = 24
    """Room above and below the square for labels."""
    rings: tuple[int, ...] = (25, 50, 75, 100)
    label_width: int = 12
    """The most characters on a line of an axis label: longer titles take several lines."""

    @property
    def view_box(self) -> str:
        """The SVG `viewBox` of the chart, margins included."""
        return (f"{-self.margin_x} {-self.margin_y} {self.size + 2 * self.margin_x} "
                f"{self.size + 2 * self.margin_y}")


RADAR = RadarGeometry()


SCORE_STRINGS = ("assessment.overall", "assessment.overall_partial", "assessment.no_answer")
"""The words of an assessment's overall result, which the progress page writes too."""

SCRIPT_STRINGS = (
    *SCORE_STRINGS, "assessment.answered", "assessment.left", "assessment.so_far",
    "assessment.scores", "assessment.card", "assessment.card_partial",
    "assessment.left_in", "assessment.next", "assessment.top",
    "assessment.target_gap", "assessment.target_reached",
    "assessment.no_advice", "assessment.dimension", "assessment.calculation",
    "assessment.score", "assessment.level", "assessment.gap", "assessment.reached",
    "assessment.partial", "assessment.overall_row", "assessment.radar", "assessment.attempt",
    "assessment.history_one", "assessment.history_overall", "assessment.change",
    "assessment.changed", "assessment.gone", "assessment.new", "assessment.copied",
    "assessment.copy_refused", "assessment.complete_column", "assessment.answers_column",
    "assessment.questions_column", "assessment.yes", "assessment.no",
)
"""The words the assessment script writes, by key (`assessment.` dropped in the data)."""

_PLACEHOLDERS = ("count", "total", "answered", "na", "score", "level", "date", "gone", "new",
                 "min", "answers", "left", "title", "a", "b", "change")


def constants() -> dict[str, Any]:
    """The constants the script needs, as written into each assessment page."""
    return {
        "na": NOT_APPLICABLE,
        "share": {
            "version": SHARE_VERSION, "alphabet": SHARE_ALPHABET,
            "not_applicable": SHARE_NOT_APPLICABLE, "unanswered": SHARE_UNANSWERED,
            "max_questions": SHARE_MAX_QUESTIONS,
        },
        "radar": dataclasses.asdict(RADAR),
        "result": {"evidence_chars": MAX_EVIDENCE_CHARS, "round_chars": MAX_ROUND_CHARS},
    }


def score_data(assessment: Assessment, t: Strings) -> dict[str, Any]:
    """What the script needs to score answers to `assessment` and write its overall result (the
    progress page's line for it): scoring.js's `results` and results-view.js's `overallText`.

    `words` tells how to write: the page's language (numbers, dates and the plural rule, from
    the browser's `Intl`, as Babel's on this side). A counted string is its forms by plural
    category (`{"one": …, "other": …}`), another a template.
    """
    return {
        "id": assessment.id,
        "complete_at": assessment.complete_at,
        "levels": [{"id": lv.id, "title": lv.title, "min": lv.min} for lv in assessment.levels],
        "dimensions": [{
            "id": d.id, "weight": d.weight,
            "questions": [{
                "id": q.id, "weight": q.weight, "na": q.allow_na,
                "choices": [{"id": c.id, "score": c.score} for c in q.choices],
            } for q in d.questions],
        } for d in assessment.dimensions],
        "strings": {key.split(".", 1)[1]: _template(t, key) for key in SCORE_STRINGS},
        "words": {"lang": t.language},
        "constants": {"na": NOT_APPLICABLE},
    }


def assessment_data(assessment: Assessment, t: Strings,
                    site_language: str | None = None) -> dict[str, Any]:
    """What the script needs to score, share, chart and export answers to `assessment`: its
    `score_data`, with each dimension's title and radar label, all the words of the results, the
    CSV dialect of the site's language (as the team report's, `aggregate.write_csv`) and the
    constants of share links and the radar.
    """
    data = score_data(assessment, t)
    spreadsheet = (site_language or t.language).split("-", maxsplit=1)[0].lower()
    for dimension, shown in zip(assessment.dimensions, data["dimensions"], strict=True):
        shown.update(title=dimension.title, label=textwrap.wrap(
            dimension.title, RADAR.label_width, break_long_words=False))
    data["strings"] = {
        **{key.split(".", 1)[1]: _template(t, key) for key in SCRIPT_STRINGS},
        "rule": t("assessment.rule_all") if assessment.complete_at >= 100
        else t("assessment.rule_percent", percent=t.number(assessment.complete_at)),
    }
    data["words"]["csv"] = csv_dialect(spreadsheet)[0]
    data["constants"] = constants()
    return data


def _template(t: Strings, key: str) -> str | dict[str, str]:
    """A string with its `{placeholders}` left for the script to fill; a counted string's forms
    by plural category."""
    left = {name: "{" + name + "}" for name in _PLACEHOLDERS}
    if PLURAL_FORMS not in t(key, **left):
        return t(key, **left)
    return {category: form.format(**left) for category, form in t.forms(key).items()}
