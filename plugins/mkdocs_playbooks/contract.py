"""The contract between the generated pages and the browser script, written once.

The script (`assets/js/`) reads everything below from the page's data: it holds no copy of these
constants, so the Python side (the team report's radar, share links made by tests or tools) and
the browser cannot drift apart.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .i18n import Strings
    from .model import Assessment

NOT_APPLICABLE = "na"
"""The answer value of "not applicable"; no choice may use it as its id."""

SHARE_VERSION = "pb1"
SHARE_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
"""One character per question: the index of the chosen choice (so at most 36 choices)."""
SHARE_NOT_APPLICABLE = "_"
SHARE_UNANSWERED = "-"
SHARE_MAX_QUESTIONS = 2000
"""The longest answer code a share link may hold (and so the most questions an assessment has)."""

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

    @property
    def view_box(self) -> str:
        """The SVG `viewBox` of the chart, margins included."""
        return (f"{-self.margin_x} {-self.margin_y} {self.size + 2 * self.margin_x} "
                f"{self.size + 2 * self.margin_y}")


RADAR = RadarGeometry()


SCRIPT_STRINGS = (
    "assessment.answered", "assessment.dimension", "assessment.score", "assessment.level",
    "assessment.gap", "assessment.how", "assessment.explain", "assessment.overall",
    "assessment.no_answer", "assessment.reached", "assessment.radar", "assessment.attempt",
    "assessment.changed",
)
"""The words the assessment script writes, by key (`assessment.` dropped in the data)."""

_PLACEHOLDERS = ("count", "total", "answered", "na", "score", "level", "date", "gone", "new")


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
    }


def assessment_data(assessment: Assessment, t: Strings) -> dict[str, Any]:
    """What the script needs to score, share and chart answers to `assessment`."""
    return {
        "id": assessment.id,
        "levels": [{"id": lv.id, "title": lv.title, "min": lv.min} for lv in assessment.levels],
        "dimensions": [{
            "id": d.id, "title": d.title, "weight": d.weight,
            "questions": [{
                "id": q.id, "weight": q.weight, "na": q.allow_na,
                "choices": [{"id": c.id, "score": c.score} for c in q.choices],
            } for q in d.questions],
        } for d in assessment.dimensions],
        "strings": {key.split(".", 1)[1]: _template(t, key) for key in SCRIPT_STRINGS},
        "constants": constants(),
    }


def _template(t: Strings, key: str) -> str:
    """A string with its `{placeholders}` left for the script to fill."""
    return t(key, **{name: "{" + name + "}" for name in _PLACEHOLDERS})
