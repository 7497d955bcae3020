"""The scoring specification, as the reference implementation.

- A question's score = the chosen choice's `score` / the question's highest `score`;
  "not applicable" and unanswered questions are left out.
- A dimension's score (0-100) = 100 × Σ(weight × question score) / Σ(weight) over its answered
  questions; none when no question is answered.
- The overall score = Σ(dimension weight × dimension score) / Σ(dimension weight) over the
  dimensions that have a score.
- A level is the last level whose `min` ≤ the score.

`assets/js/scoring.js` implements the same, summing in the same order; `tests/js/parity.test.js`
compares both on generated answer sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .contract import NOT_APPLICABLE
from .model import Assessment, Level, Question

Answers = Mapping[str, str]
"""Question id → choice id, or `na`."""


@dataclass(frozen=True)
class Score:
    """A score (0-100) and the level it reaches; both None without any answer."""
    value: float | None
    level: str | None


@dataclass(frozen=True)
class Result:
    """The score of every dimension, by id, and the overall score."""
    dimensions: dict[str, Score]
    overall: Score


def question_score(question: Question, answer: str | None) -> float | None:
    """0-1, or None when unanswered, not applicable or not one of the choices."""
    if answer is None or answer == NOT_APPLICABLE:
        return None
    best = max(choice.score for choice in question.choices)
    chosen = next((choice for choice in question.choices if choice.id == answer), None)
    return None if chosen is None else chosen.score / best


def level_of(levels: list[Level], value: float | None) -> str | None:
    """The id of the last level whose `min` is at most `value`."""
    if value is None:
        return None
    reached = [level.id for level in levels if level.min <= value]
    return reached[-1] if reached else None


def score(assessment: Assessment, answers: Answers) -> Result:
    """The reference scoring of `answers` (see the module's docstring)."""
    dimensions: dict[str, Score] = {}
    weighted_total = weight_total = 0.0
    for dimension in assessment.dimensions:
        points = weights = 0.0
        for question in dimension.questions:
            value = question_score(question, answers.get(question.id))
            if value is not None:
                points += question.weight * value
                weights += question.weight
        dimension_value = 100 * points / weights if weights else None
        dimensions[dimension.id] = Score(dimension_value,
                                         level_of(assessment.levels, dimension_value))
        if dimension_value is not None:
            weighted_total += dimension.weight * dimension_value
            weight_total += dimension.weight
    overall = weighted_total / weight_total if weight_total else None
    return Result(dimensions, Score(overall, level_of(assessment.levels, overall)))
