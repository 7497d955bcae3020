"""The scoring specification, as the reference implementation.

- A question's score = the chosen choice's `score` / the question's highest `score`;
  "not applicable" and unanswered questions are left out.
- A dimension's score (0-100) = 100 × Σ(weight × question score) / Σ(weight) over its answered
  questions; none when no question is answered.
- The overall score = Σ(dimension weight × dimension score) / Σ(dimension weight) over the
  dimensions that have a score.
- A level is the last level whose `min` ≤ the score.

What a reader is shown (`results`) follows from that, by one rule, so that the number shown and
the level agree everywhere (page, exports, share links, history, team report):

- A dimension's shown score is its score rounded half up to a whole number (the exact score plus
  a billionth, so that float noise such as 39.99999999999999 rounds as the 40 it stands for).
- A dimension is *complete* when at least `complete_at` % of its questions are answered
  (*not applicable* counts as answered; default 100 %). Only a complete dimension has a level,
  read from its shown score; an incomplete one has a partial score and no level.
- The overall score is the mean of the shown dimension scores weighted by the dimensions'
  weights, over the dimensions with a score, rounded the same way; it has a level, read from the
  shown overall score, only when every dimension is complete. A dimension whose answers are all
  *not applicable* has no score and does not count.
- The points missing to reach a level are that level's `min`, rounded up, minus the shown score.

`assets/js/scoring.js` implements the same, summing in the same order; `tests/js/parity.test.js`
compares both on generated answer sets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from ..core.model import NOT_APPLICABLE, Assessment, Level, Question

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


@dataclass(frozen=True)
class DimensionResult:
    """What a reader is shown of one dimension."""

    score: int | None
    """The shown score, 0-100; None when no answer counts (none yet, or all not applicable)."""
    level: str | None
    """Only when the dimension is complete."""
    answered: int
    """Questions answered, not applicable included."""
    not_applicable: int
    questions: int
    complete: bool
    exact: float | None
    """The score before rounding (for the "how is it calculated" explanation)."""


@dataclass(frozen=True)
class Results:
    """What a reader is shown of a set of answers."""

    dimensions: dict[str, DimensionResult]
    score: int | None
    """The shown overall score; partial unless `complete`."""
    level: str | None
    """Only when every dimension is complete."""
    complete: bool
    answered: int
    questions: int


def rounded(value: float) -> int:
    """The rounding rule: half up to a whole number, float noise aside (the script's `rounded`)."""
    return math.floor(value + 0.5 + 1e-9)


def points_missing(level: Level, score: int) -> int:
    """How many points `score` lacks to reach `level` (0 when reached)."""
    return max(0, math.ceil(level.min - 1e-9) - score)


def results(assessment: Assessment, answers: Answers) -> Results:
    """What a reader is shown of `answers` (see the module's docstring)."""
    exact = score(assessment, answers)
    dimensions: dict[str, DimensionResult] = {}
    weighted_total = weight_total = 0.0
    for dimension in assessment.dimensions:
        value = exact.dimensions[dimension.id].value
        answered = sum(answers.get(q.id) is not None and _counts(q, answers[q.id])
                       for q in dimension.questions)
        na = sum(answers.get(q.id) == NOT_APPLICABLE and q.allow_na
                 for q in dimension.questions)
        complete = 100 * answered >= assessment.complete_at * len(dimension.questions)
        whole = None if value is None else rounded(value)
        dimensions[dimension.id] = DimensionResult(
            whole, level_of(assessment.levels, whole) if complete else None,
            answered, na, len(dimension.questions), complete, value)
        if whole is not None:
            weighted_total += dimension.weight * whole
            weight_total += dimension.weight
    complete = all(d.complete for d in dimensions.values())
    overall = rounded(weighted_total / weight_total) if weight_total else None
    return Results(
        dimensions, overall, level_of(assessment.levels, overall) if complete else None,
        complete, sum(d.answered for d in dimensions.values()),
        sum(d.questions for d in dimensions.values()))


def _counts(question: Question, answer: str) -> bool:
    """Whether `answer` answers `question`: one of its choices, or N/A where allowed."""
    if answer == NOT_APPLICABLE:
        return question.allow_na
    return any(choice.id == answer for choice in question.choices)


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
