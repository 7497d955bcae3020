"""Cases for the script's parity tests (tests/js/parity.test.js), computed by the Python reference.

Prints JSON: for each assessment, the page data the script receives (`assessment_data`) and
generated answer sets, each with what the reader is shown of them (`scoring.results`: shown scores,
levels, completeness, counts), the result document an export holds (`results.result_document`,
of the answers that count), and the share link (`share.encode`, `share.decode`); and hostile
fragments with what `share.decode` makes of them. Each assessment is scored with `complete_at` at
100 % (its own) and at a lower threshold, so that partial results with levels are covered too.
Run from the repository's root: python -m tests.js.scoring_cases
"""

from __future__ import annotations

import datetime
import json
import random
import sys
from typing import Any

from mkdocs_playbooks.assessment import share
from mkdocs_playbooks.assessment.results import iso, result_document
from mkdocs_playbooks.assessment.scoring import Results, results
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.core.model import NOT_APPLICABLE, Assessment
from mkdocs_playbooks.engines.config import read_settings
from mkdocs_playbooks.output.contract import assessment_data
from mkdocs_playbooks.output.i18n import Strings

from ..conftest import REPO
from ..test_scoring import WORKED_EXAMPLE, assessment_of

ANSWER_SETS = 100

WEIGHTED = """\
kind: assessment
id: ponderee
title: Pondérée
levels:
  - {id: a, title: A, min: 0}
  - {id: b, title: B, min: 33.3}
  - {id: c, title: C, min: 66.7}
dimensions:
  - id: un
    title: Un
    weight: 0.3
    questions:
      - id: q1
        text: Q1
        weight: 2.5
        allow_na: true
        choices:
          - {id: x, text: X, score: 0}
          - {id: y, text: Y, score: 0.7}
          - {id: z, text: Z, score: 7}
      - id: q2
        text: Q2
        weight: 0.1
        choices:
          - {id: y, text: Y, score: 1}
          - {id: x, text: X, score: 3}
  - id: deux
    title: Deux
    weight: 3
    questions:
      - id: q3
        text: Q3
        allow_na: true
        choices:
          - {id: t, text: T, score: 0}
          - {id: x, text: X, score: 1}
          - {id: y, text: Y, score: 2}
          - {id: z, text: Z, score: 3}
"""
"""Fractional weights and scores, `allow_na`; choices lowest score first, as valid content."""

STRANGE_IDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "removed-question"]
"""Answers to questions the assessment does not have: ignored by both implementations."""


TAKEN_AT = datetime.datetime(2026, 11, 22, 9, 15, 2, tzinfo=datetime.UTC)


def assessments() -> dict[str, Assessment]:
    demo = load_site(read_settings(REPO / "mkdocs.yml")).assessments["maturite-social-media"].model
    assert isinstance(demo, Assessment)
    weighted = assessment_of(WEIGHTED)
    return {"demo": demo, "worked": assessment_of(WORKED_EXAMPLE), "weighted": weighted,
            "demo-at-60": demo.model_copy(update={"complete_at": 60}),
            "weighted-at-33.3": weighted.model_copy(update={"complete_at": 33.3})}


def random_answer(question_choices: list[str], allow_na: bool, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return NOT_APPLICABLE if allow_na or rng.random() < 0.3 else rng.choice(question_choices)
    if roll < 0.2:
        return rng.choice(["bogus", "", "NA", "constructor", question_choices[0].upper()])
    return rng.choice(question_choices)


def answer_sets(assessment: Assessment, rng: random.Random) -> list[dict[str, str]]:
    questions = [q for d in assessment.dimensions for q in d.questions]
    sets: list[dict[str, str]] = [{}, {q.id: q.choices[-1].id for q in questions},
                                  {q.id: q.choices[0].id for q in questions}]
    while len(sets) < ANSWER_SETS:
        skip = rng.choice([0.0, 0.0, 0.2, 0.6, 0.95])
        answers = {q.id: random_answer([c.id for c in q.choices], q.allow_na, rng)
                   for q in questions if rng.random() >= skip}
        if rng.random() < 0.2:
            answers[rng.choice(STRANGE_IDS)] = rng.choice(["bogus", NOT_APPLICABLE])
        sets.append(answers)
    return sets


def as_json(shown: Results) -> dict[str, Any]:
    return {
        "dimensions": {key: {"score": d.score, "level": d.level, "complete": d.complete,
                             "answered": d.answered, "not_applicable": d.not_applicable,
                             "questions": d.questions, "exact": d.exact}
                       for key, d in shown.dimensions.items()},
        "score": shown.score, "level": shown.level, "complete": shown.complete,
        "answered": shown.answered, "questions": shown.questions,
    }


def counting(assessment: Assessment, answers: dict[str, str]) -> dict[str, str]:
    """The answers an export holds: to the assessment's questions, a choice or allowed N/A."""
    questions = {q.id: q for d in assessment.dimensions for q in d.questions}
    return {key: value for key, value in answers.items() if key in questions and (
        (value == NOT_APPLICABLE and questions[key].allow_na)
        or any(c.id == value for c in questions[key].choices))}


def exported(assessment: Assessment, answers: dict[str, str], n: int) -> dict[str, Any]:
    """What an export says of its attempt: every other case has a round, a participant and
    evidence (on an answer, on a question not answered, and an empty one, which are left out)."""
    attempt: dict[str, Any] = {"id": f"a{n}x", "taken_at": iso(TAKEN_AT),
                               "exported_at": iso(TAKEN_AT + datetime.timedelta(minutes=n))}
    if n % 2:
        questions = [q.id for d in assessment.dimensions for q in d.questions]
        attempt |= {"round": f"Q{n % 4}", "respondent": "r1", "evidence": {
            question: f"note {k} <b>https://x.example/{k}</b>" if k % 3 else ""
            for k, question in enumerate(questions[: n % 5 + 1])}}
    return attempt


def case(assessment: Assessment, answers: dict[str, str], n: int, lang: str) -> dict[str, Any]:
    fragment = share.encode(assessment, answers)
    attempt = exported(assessment, answers, n)
    return {
        "answers": answers,
        "attempt": attempt,
        "expected": as_json(results(assessment, answers)),
        "document": result_document(
            assessment, counting(assessment, answers), TAKEN_AT, attempt=attempt["id"],
            exported_at=datetime.datetime.fromisoformat(attempt["exported_at"]),
            round=attempt.get("round"), respondent=attempt.get("respondent"), lang=lang,
            evidence=attempt.get("evidence")),
        "share": fragment,
        "decoded": share.decode(assessment, fragment),
    }


def garbage(rng: random.Random) -> str:
    """As the hostile browser tests' fuzzed links."""
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz_-.%#&=<>\"'/\\ éあ😀\u202e\0"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))


def hostile_fragments(assessment: Assessment, rng: random.Random) -> list[str]:
    valid = share.encode(assessment, {})
    prefix, code = valid.rsplit(".", 1)
    return ([f"#pb1.{garbage(rng)}" for _ in range(20)]
            + [f"#pb1.{garbage(rng)}.{garbage(rng)}" for _ in range(10)]
            + [f"{prefix}.{garbage(rng)}" for _ in range(10)]
            + [valid + "0", valid[:-1], f"{prefix}.{'z' * len(code)}",
               f"{prefix}.{'_' * len(code)}", valid.upper(), valid.replace("#pb1.", "#pb2."),
               valid + "\n", " " + valid])


def main() -> None:
    out = []
    for name, assessment in assessments().items():
        rng = random.Random(f"parity-{name}")
        fragments = hostile_fragments(assessment, rng)
        out.append({
            "name": name,
            "spec": assessment_data(assessment, Strings(assessment.lang or "en")),
            "cases": [case(assessment, answers, n, Strings(assessment.lang or "en").language)
                      for n, answers in enumerate(answer_sets(assessment, rng))],
            "hostile": [{"fragment": f, "decoded": share.decode(assessment, f)}
                        for f in fragments],
        })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
