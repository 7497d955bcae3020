"""The reference scoring: the documented worked example and properties over generated answers."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_playbooks.assessment import scoring
from mkdocs_playbooks.assessment.scoring import level_of, results, score
from mkdocs_playbooks.core.loader import load_text
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.core.model import Assessment
from mkdocs_playbooks.core.validate import to_model

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


def test_shown_numbers_are_whole_and_the_level_follows_the_shown_number() -> None:
    worked = assessment_of(WORKED_EXAMPLE.replace("min: 80", "min: 61"))
    shown = results(worked, {"where-asked": "roughly", "delay": "day", "tone": "models"})
    assert shown.dimensions["answering"].exact == pytest.approx(200 / 3)
    assert shown.dimensions["answering"].score == 67
    assert shown.dimensions["listening"].score == 50
    assert shown.score == 61  # (1 × 50 + 2 × 67) / 3 = 61.33, from the shown dimension scores
    assert shown.level == "reliable"  # 61 reaches min 61
    assert shown.complete


def test_rounding_is_half_up_and_ignores_float_noise() -> None:
    assert [scoring.rounded(v) for v in (39.99999999999999, 89.5, 89.49999999999, 0.49, 100.0)] \
        == [40, 90, 90, 0, 100]


def test_a_partial_answer_set_has_no_level() -> None:
    worked = assessment_of(WORKED_EXAMPLE)
    partial = results(worked, {"delay": "hour"})
    assert partial.score == 100
    assert partial.level is None
    assert not partial.complete
    assert (partial.answered, partial.questions) == (1, 3)
    answering = partial.dimensions["answering"]
    assert (answering.score, answering.level, answering.complete) == (100, None, False)
    listening = partial.dimensions["listening"]
    assert (listening.score, listening.answered, listening.complete) == (None, 0, False)


def test_complete_at_lets_an_author_accept_fewer_answers() -> None:
    lenient = assessment_of(WORKED_EXAMPLE.replace("dimensions:\n",
                                                   "complete_at: 50\ndimensions:\n", 1))
    shown = results(lenient, {"where-asked": "everywhere", "delay": "hour"})
    assert shown.complete
    assert shown.level == "reliable"


def test_not_applicable_counts_as_answered_and_unknown_choices_do_not() -> None:
    worked = assessment_of(WORKED_EXAMPLE)
    shown = results(worked, {"where-asked": "roughly", "delay": "day", "tone": "na"})
    assert shown.complete
    assert shown.dimensions["answering"].not_applicable == 1
    bogus = results(worked, {"where-asked": "roughly", "delay": "day", "tone": "bogus"})
    assert not bogus.complete


def test_points_missing_are_counted_from_the_shown_score() -> None:
    level = assessment_of(WORKED_EXAMPLE).levels[1].model_copy(update={"min": 33.3})
    assert scoring.points_missing(level, 33) == 1
    assert scoring.points_missing(level, 34) == 0


def _demo() -> Assessment:
    from mkdocs_playbooks.engines.config import read_settings

    from .conftest import REPO

    demo = load_site(read_settings(REPO / "mkdocs.yml")).assessments["maturite-social-media"].model
    assert isinstance(demo, Assessment)
    return demo


def test_the_demo_with_three_answers_out_of_23_has_no_level() -> None:
    """The issue's case: three best answers once gave « 100 / 100, niveau Entreprise sociale »."""
    demo = _demo()
    questions = [q for d in demo.dimensions for q in d.questions][:3]
    shown = results(demo, {q.id: q.choices[-1].id for q in questions})
    assert (shown.score, shown.level, shown.complete) == (100, None, False)
    assert (shown.answered, shown.questions) == (3, 23)
    assert all(d.level is None for d in shown.dimensions.values())


ISSUE_ANSWERS = {
    "veille": "continu", "territoires": "plusieurs", "attentes": "souvent",
    "exploitation": "organisation", "rythme": "calendrier", "reponses": "systematique",
    "messages-negatifs": "apprentissage", "piliers": "quatre",
    "planification": "calendrier-temps-reel", "territoire-expression": "ecrit",
    "delai-validation": "moins-une-heure", "indicateur": "taux-engagement",
    "revue-resultats": "mensuelle", "dark-social": "ponctuel",
    "regles-plateformes": "anticipation", "critere-choix": "audience",
    "ouvert-ferme": "explicite", "reseau-interne": "peu-anime", "migrations": "teste",
    "strategie-propre": "propre", "fonctions": "toutes", "marque-employeur": "temoignages",
    "gouvernance": "direction",
}
"""Answers whose exact overall is 89.86: once shown as « 90 / 100, niveau Engagement »."""


def test_the_level_is_read_from_the_number_shown() -> None:
    demo = _demo()
    assert math.isclose(score(demo, ISSUE_ANSWERS).overall.value or 0, 89.861, abs_tol=1e-3)
    assert score(demo, ISSUE_ANSWERS).overall.level == "engagement"  # the exact number's level
    shown = results(demo, ISSUE_ANSWERS)
    assert (shown.score, shown.level) == (90, "entreprise-sociale")
    for dimension in shown.dimensions.values():
        assert dimension.level == level_of(demo.levels, dimension.score)
