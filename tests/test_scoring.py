"""The reference scoring: the documented worked example and properties over generated answers."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_playbooks.loader import load_text
from mkdocs_playbooks.model import Assessment
from mkdocs_playbooks.scoring import level_of, score
from mkdocs_playbooks.validate import to_model

WORKED_EXAMPLE = """\
kind: assessment
id: worked
title: Worked example
levels:
  - {id: silent, title: Silent, min: 0}
  - {id: responsive, title: Responsive, min: 50}
  - {id: reliable, title: Reliable, min: 80}
dimensions:
  - id: listening
    title: Listening
    weight: 1
    questions:
      - id: where-asked
        text: Where are you asked?
        choices:
          - {id: no-idea, text: No idea, score: 0}
          - {id: roughly, text: Roughly, score: 1}
          - {id: everywhere, text: Everywhere, score: 2}
  - id: answering
    title: Answering
    weight: 2
    questions:
      - id: delay
        text: How fast?
        choices:
          - {id: week, text: A week, score: 0}
          - {id: day, text: About a day, score: 1}
          - {id: hour, text: An hour, score: 2}
      - id: tone
        text: Tone?
        weight: 0.5
        allow_na: true
        choices:
          - {id: none, text: Nothing shared, score: 0}
          - {id: models, text: We share model answers, score: 1}
"""


def assessment_of(text: str) -> Assessment:
    model, problems = to_model(load_text(text, "a.yml"))
    assert not problems
    assert isinstance(model, Assessment)
    return model


def test_the_documented_worked_example() -> None:
    worked = assessment_of(WORKED_EXAMPLE)
    result = score(worked, {"where-asked": "roughly", "delay": "day", "tone": "models"})
    assert result.dimensions["listening"].value == 50
    assert result.dimensions["listening"].level == "responsive"
    assert math.isclose(result.dimensions["answering"].value or 0, 200 / 3)
    assert math.isclose(result.overall.value or 0, 550 / 9)  # 61.1
    assert result.overall.level == "responsive"


def test_not_applicable_and_unanswered_are_left_out() -> None:
    worked = assessment_of(WORKED_EXAMPLE)
    with_na = score(worked, {"where-asked": "roughly", "delay": "day", "tone": "na"})
    assert with_na.dimensions["answering"].value == 50
    assert with_na.overall.value == 50
    alone = score(worked, {"delay": "hour"})
    assert alone.dimensions["listening"].value is None
    assert alone.dimensions["listening"].level is None
    assert alone.overall.value == 100
    nothing = score(worked, {"where-asked": "unknown-choice"})
    assert nothing.overall.value is None
    assert nothing.overall.level is None


def test_a_score_equal_to_a_minimum_reaches_the_level() -> None:
    levels = assessment_of(WORKED_EXAMPLE).levels
    assert level_of(levels, 0) == "silent"
    assert level_of(levels, 49.999) == "silent"
    assert level_of(levels, 50) == "responsive"
    assert level_of(levels, 100) == "reliable"
    assert level_of(levels, None) is None


ANSWERS = st.dictionaries(
    st.sampled_from(["where-asked", "delay", "tone", "removed-question"]),
    st.sampled_from(["no-idea", "roughly", "everywhere", "week", "day", "hour", "none", "models",
                     "na", "bogus"]),
)


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_scores_stay_in_range_and_overall_between_dimensions(answers: dict[str, str]) -> None:
    result = score(assessment_of(WORKED_EXAMPLE), answers)
    values = [d.value for d in result.dimensions.values() if d.value is not None]
    for value in values:
        assert 0 <= value <= 100
    if values:
        assert result.overall.value is not None
        assert min(values) - 1e-9 <= result.overall.value <= max(values) + 1e-9
    else:
        assert result.overall.value is None
