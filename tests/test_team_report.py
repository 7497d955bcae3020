"""The team maturity loop: rounds as a timeline, one identity per attempt, targets and the plan
ranked by need, evidence, and every number checked against an independent computation
(`team_reference`)."""

from __future__ import annotations

import datetime
import html
import json
import random
from pathlib import Path

import pytest

from mkdocs_playbooks.assessment.aggregate import linked_text
from mkdocs_playbooks.assessment.results import ResultError, read_result, result_document
from mkdocs_playbooks.assessment.team import figure
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.cli import main
from mkdocs_playbooks.engines.config import read_settings

from . import team_reference as ref
from .conftest import REPO

SITE = load_site(read_settings(REPO / "mkdocs.yml"))
ASSESSMENT = SITE.assessments["maturite-social-media"].model
REFERENCE = ref.Reference(REPO / "playbooks" / "maturite-social-media.yml")
QUESTIONS = [q for d in ASSESSMENT.dimensions for q in d.questions]
ROUNDS = ("2026-Q1", "2026-Q2", "2026-Q3")


def moment(month: int, day: int, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, tzinfo=datetime.UTC)


def answers_at(rng: random.Random, lift: int) -> dict[str, str]:
    """Answers that lean higher with `lift` (0, 1, 2), a few left out or not applicable."""
    answers = {}
    for question in QUESTIONS:
        if rng.random() < 0.05:
            continue
        if question.allow_na and rng.random() < 0.1:
            answers[question.id] = "na"
            continue
        top = len(question.choices) - 1
        answers[question.id] = question.choices[min(top, rng.randrange(top + 1) + lift // 2
                                                    + (rng.random() < lift / 3))].id
    return answers


def legacy(answers: dict[str, str], taken: datetime.datetime) -> dict[str, object]:
    """A result as version 2 wrote it: no attempt, round or evidence; `taken_at` the export's."""
    document = result_document(ASSESSMENT, answers, taken, attempt="x")
    for key in ("attempt", "exported_at"):
        del document[key]
    return {**document, "version": 2, "taken_at": taken.isoformat().replace("+00:00", "Z")}


def write(path: Path, document: dict[str, object]) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def team(tmp_path: Path) -> list[Path]:
    """Three rounds of six people; one exports twice (the second time later, from the English
    page), one takes the assessment twice in a round, two attach evidence; one older file."""
    rng = random.Random(21)
    folder = tmp_path / "communication"
    folder.mkdir()
    paths = []
    for number, name in enumerate(ROUNDS):
        for person in range(6):
            answers = answers_at(rng, number)
            taken = moment(1 + 3 * number, 10 + person)
            evidence = {}
            if person in (1, 2):
                question = next(q for q in QUESTIONS if q.id in answers)
                evidence[question.id] = f"Compte rendu https://intranet.example/cr-{person} <b>"
            document = result_document(
                ASSESSMENT, answers, taken, attempt=f"a{number}p{person}r{rng.randrange(10**6)}",
                exported_at=taken + datetime.timedelta(minutes=5), round=name,
                respondent=f"who{person}", lang="fr", evidence=evidence)
            paths.append(write(folder / f"p{person}-{name}.json", document))
            if person == 0:  # exported again, later, from the English page
                again = {**document, "lang": "en",
                         "exported_at": "2026-12-01T10:00:00.000Z"}
                paths.append(write(folder / f"p{person}-{name}-en.json", again))
        earlier = result_document(ASSESSMENT, answers_at(rng, 0), moment(1 + 3 * number, 2),
                                  attempt=f"early{number}", round=name, respondent="who3")
        paths.append(write(folder / f"p3-{name}-first-try.json", earlier))
    return paths


def aggregate(*args: str | Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(REPO)
    return main(["aggregate", *map(str, args)])


def test_every_number_of_the_report_is_the_independent_computation(
    team: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (team[0].parent / "targets.yml").write_text(
        "team: Communication\ndefault: conversation\ntargets:\n  ecoute: engagement\n"
        "  mesure: entreprise-sociale\n", encoding="utf-8")
    out = tmp_path / "report"
    assert aggregate(*team, "-o", out, monkeypatch=monkeypatch) == 0
    targets = {d["id"]: "conversation" for d in REFERENCE.dimensions}
    targets |= {"ecoute": "engagement", "mesure": "entreprise-sociale"}
    rounds = ref.assert_report(REFERENCE, out, team, targets)
    assert [r.name for r in rounds] == list(ROUNDS)
    assert [r.participants for r in rounds] == [6, 6, 6]
    text = html.unescape((out / "team-report.html").read_text(encoding="utf-8"))
    assert "Rapport d'équipe : Maturité social media — Communication" in text


def test_one_attempt_exported_twice_counts_once_and_the_report_says_why(
    team: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "report"
    assert aggregate(*team, "-o", out, monkeypatch=monkeypatch) == 0
    err = capsys.readouterr().err
    folder = team[0].parent
    assert (f"note: {folder / 'p0-2026-Q1.json'}: another export of the attempt in "
            f"{folder / 'p0-2026-Q1-en.json'}") in err
    assert (f"note: {folder / 'p3-2026-Q2-first-try.json'}: an earlier attempt of the "
            f"participant of {folder / 'p3-2026-Q2.json'}") in err
    assert f"18 attempt(s) from {len(team)} file(s) in 3 rounds" in err
    text = html.unescape((out / "team-report.html").read_text(encoding="utf-8"))
    assert "24 fichiers lus · 18 tentatives comptées" in text
    assert ("p0-2026-Q3.json : un autre export de la tentative de p0-2026-Q3-en.json "
            "(exportée deux fois, ou depuis la page dans une autre langue)") in text
    assert "p3-2026-Q3-first-try.json : une tentative plus ancienne du participant de " \
           "p3-2026-Q3.json" in text


def test_answers_unchanged_and_exported_again_for_a_new_round_count_in_both_rounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The guide's next quarter: someone whose answers have not changed exports them again under
    the new round's link; the attempt id is the same, the round is not."""
    rng = random.Random(7)
    paths = []
    for person in range(3):
        for number, name in enumerate(ROUNDS[:2]):
            if person == 0 and number == 1:  # the same attempt, now exported for 2026-Q2
                again = {**json.loads(paths[-1].read_text(encoding="utf-8")), "round": name,
                         "exported_at": "2026-04-20T09:00:00.000Z"}
                paths.append(write(tmp_path / f"p{person}-{name}.json", again))
                continue
            taken = moment(1 + 3 * number, 10 + person)
            document = result_document(
                ASSESSMENT, answers_at(rng, number), taken, attempt=f"a{person}{number}",
                exported_at=taken, round=name, respondent=f"who{person}", lang="fr")
            paths.append(write(tmp_path / f"p{person}-{name}.json", document))
    out = tmp_path / "report"
    assert aggregate(*paths, "-o", out, monkeypatch=monkeypatch) == 0
    assert "6 attempt(s) from 6 file(s) in 2 rounds" in capsys.readouterr().err
    rounds = ref.assert_report(REFERENCE, out, paths, {})
    assert [r.participants for r in rounds] == [3, 3]


def test_older_files_with_the_same_answers_may_be_one_attempt_and_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = answers_at(random.Random(1), 1)
    first = write(tmp_path / "a.json", legacy(answers, moment(3, 1)))
    second = write(tmp_path / "b.json", legacy(answers, moment(3, 1, 10)))
    copy = write(tmp_path / "c.json", json.loads(first.read_text()))
    assert aggregate(first, second, copy, "-o", tmp_path / "out", monkeypatch=monkeypatch) == 0
    err = capsys.readouterr().err
    assert f"note: {copy}: a copy of {first}: counted once." in err
    assert f"warning: {second}: the same answers as {first}, both exported by an older " \
           "version" in err
    assert "2 attempt(s) from 3 file(s)" in err


def test_a_median_of_89_5_is_shown_90_and_reads_the_level_from_90(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's « Médiane 89,5 · Entreprise sociale »: whole numbers everywhere."""
    assert figure([89, 90], "median") == 90
    assert figure([88, 89], "median") == 89  # 88.5 → 89
    assert figure([0, 1, 1, 2], "q1") == 1  # 0.75 → 1
    assert figure([0, 1, 2, 3], "q1") == 1  # 0.75 → 1
    assert figure([10, 20, 30, 40, 50], "q3") == 40
    assert figure([1, 2], "mean") == 2  # 1.5 → 2
    assert figure([7], "q1") == 7
    assert figure([], "median") is None


def test_targets_file_errors_are_located_and_nothing_is_written(
    team: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    targets = tmp_path / "targets.yml"
    targets.write_text("targets:\n  ecoute: engagment\n  nowhere: conversation\ncolour: red\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    assert aggregate(*team, "--targets", targets, "-o", out, monkeypatch=monkeypatch) == 2
    err = capsys.readouterr().err
    assert f"{targets}:2:11: error: 'engagment' is not a level of 'maturite-social-media' " \
           "(did you mean 'engagement'?)" in err
    assert f"{targets}:3:3: error: 'nowhere' is not a dimension of 'maturite-social-media'" in err
    assert f"{targets}:4:1: error: unknown key 'colour'" in err
    assert not out.exists()
    assert aggregate(*team, "--target", "nope", "-o", out, monkeypatch=monkeypatch) == 2
    assert "--target: 'nope' is not a level of 'maturite-social-media'" in capsys.readouterr().err


def test_one_target_for_every_dimension_ranks_the_plan_by_gap_times_weight(
    team: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert aggregate(*team, "--target", "entreprise-sociale", "-o", out,
                     monkeypatch=monkeypatch) == 0
    rounds = [ref.round_figures(REFERENCE, name, group)
              for name, group in ref.rounds(ref.counted(team))]
    targets = {d["id"]: "entreprise-sociale" for d in REFERENCE.dimensions}
    expected = ref.plan(REFERENCE, rounds[-1], targets)
    titles = {d["id"]: d["title"] for d in REFERENCE.dimensions}
    rows = ref.read_csv(out / "team-plan.csv")
    assert [r["Dimension"] for r in rows] == [titles[key] for key, _ in expected]
    weights = {d["title"]: d.get("weight", 1) for d in REFERENCE.dimensions}
    needs = [int(r["Points à gagner"] or 0) * weights[r["Dimension"]] for r in rows
             if r["Points à gagner"] not in ("", "0")]
    assert needs == sorted(needs, reverse=True)


def test_without_targets_the_plan_starts_with_the_lowest_median(
    team: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert aggregate(*team, "-o", out, monkeypatch=monkeypatch) == 0
    medians = [int(r["Médiane"]) for r in ref.read_csv(out / "team-plan.csv")]
    assert medians == sorted(medians)
    assert "Cibles :" not in (out / "team-report.html").read_text(encoding="utf-8")


def test_evidence_is_shown_with_its_question_as_text_with_only_http_links(
    team: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert aggregate(*team, "-o", out, monkeypatch=monkeypatch) == 0
    page = (out / "team-report.html").read_text(encoding="utf-8")
    assert "Les preuves données avec les réponses" in page
    assert '<a href="https://intranet.example/cr-1" rel="noopener noreferrer">' in page
    assert "&lt;b&gt;" in page
    assert "<b>" not in page
    question = ASSESSMENT.dimensions[0].questions[0]
    assert html.escape(question.text.split("\n")[0][:30]) in page
    assert linked_text('javascript:alert(1) "x" http://a.example/q?x=1&y=2.') == (
        'javascript:alert(1) &quot;x&quot; <a href="http://a.example/q?x=1&amp;y=2" '
        'rel="noopener noreferrer">http://a.example/q?x=1&amp;y=2</a>.')
    assert "<a" not in linked_text("data:text/html,<script>x</script> ftp://host/file")


def test_a_single_round_has_no_timeline_and_older_versions_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(4)
    paths = []
    for n in range(4):
        document = legacy(answers_at(rng, 1), moment(2, n + 1))
        if n == 0:  # version 1: exact scores, no completeness
            document["version"] = 1
        paths.append(write(tmp_path / f"r{n}.json", document))
    out = tmp_path / "out"
    assert aggregate(*paths, "-o", out, monkeypatch=monkeypatch) == 0
    page = (out / "team-report.html").read_text(encoding="utf-8")
    assert "timeline-table" not in page
    assert "Ce qui a changé" not in page
    rows = ref.read_csv(out / "team-report.csv")
    assert {r["Campagne"] for r in rows} == {"(sans campagne)"}


@pytest.mark.parametrize(("change", "message"), [
    ({"attempt": "has space"}, '"attempt" must be an id'),
    ({"attempt": None}, '"attempt" must be an id'),
    ({"round": "x" * 81}, '"round" must be a name of 1 to 80 characters'),
    ({"round": "a\nb"}, '"round" must be a name'),
    ({"respondent": 12}, '"respondent" must be an id'),
    ({"exported_at": "yesterday"}, '"exported_at" must be a time'),
    ({"evidence": {"veille": "x" * 1001}}, "the evidence of 'veille' is longer than 1000"),
    ({"evidence": {"not-answered": "x"}}, "evidence for 'not-answered', which is not answered"),
    ({"evidence": ["x"]}, '"evidence" must map question ids to short texts'),
    ({"version": True}, "result format version True is not supported"),
])
def test_a_version_3_file_is_read_strictly(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    document = result_document(ASSESSMENT, {"veille": "rien"}, moment(1, 1), attempt="abc",
                               round="R1")
    path = write(tmp_path / "r.json", {**document, **change})
    with pytest.raises(ResultError, match=message.replace("(", r"\(")):
        read_result(path)


def test_round_names_are_compared_as_shown(tmp_path: Path) -> None:
    document = result_document(ASSESSMENT, {"veille": "rien"}, moment(1, 1), attempt="abc",
                               round="  2026 -\u00a0Q1 ")
    assert read_result(write(tmp_path / "r.json", document)).round == "2026 - Q1"


def test_the_plan_weighs_each_gap_by_its_dimension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A heavy dimension with a smaller gap comes before a light one with a larger gap when its
    gap × weight is larger: the plan is ranked by need, not by points alone."""
    heavy = next(d for d in ASSESSMENT.dimensions if d.weight == 2)
    light = next(d for d in ASSESSMENT.dimensions if d.weight == 1)

    def uniform(dimension: object, index: int) -> dict[str, str]:
        return {q.id: q.choices[min(index, len(q.choices) - 1)].id
                for q in dimension.questions}  # type: ignore[attr-defined]

    def scored(dimension: object, index: int) -> int:
        shown = REFERENCE.dimension(next(d for d in REFERENCE.dimensions
                                         if d["id"] == dimension.id),  # type: ignore[attr-defined]
                                    uniform(dimension, index))
        assert shown.score is not None
        return shown.score

    pairs = [(h, li) for h in range(4) for li in range(4)
             if 90 - scored(light, li) > 90 - scored(heavy, h) > 0
             and 2 * (90 - scored(heavy, h)) > 90 - scored(light, li)]
    assert pairs, "no answers give the case"
    h, li = pairs[0]
    others = {q.id: q.choices[-1].id for d in ASSESSMENT.dimensions for q in d.questions}
    answers = {**others, **uniform(heavy, h), **uniform(light, li)}
    paths = [write(tmp_path / f"r{n}.json", result_document(
        ASSESSMENT, answers, moment(5, n + 1), attempt=f"x{n}", round="R")) for n in range(3)]
    out = tmp_path / "out"
    assert aggregate(*paths, "--target", "entreprise-sociale", "-o", out,
                     monkeypatch=monkeypatch) == 0
    order = [r["Dimension"] for r in ref.read_csv(out / "team-plan.csv")]
    assert order.index(heavy.title) < order.index(light.title)
