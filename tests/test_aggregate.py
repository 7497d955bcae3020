"""`playbooks aggregate`: recomputed scores, statistics, refusals, a self-contained report."""

from __future__ import annotations

import csv
import datetime
import json
import random
import statistics
from pathlib import Path

import pytest

from mkdocs_playbooks.cli import main
from mkdocs_playbooks.config import read_settings
from mkdocs_playbooks.results import result_document
from mkdocs_playbooks.scoring import score

from .conftest import REPO

ASSESSMENT = read_settings(REPO / "mkdocs.yml").load().assessments["maturite-social-media"].model


def random_answers(rng: random.Random) -> dict[str, str]:
    answers = {}
    for dimension in ASSESSMENT.dimensions:
        for question in dimension.questions:
            pick = rng.random()
            if pick < 0.1:
                continue
            if pick < 0.2 and question.allow_na:
                answers[question.id] = "na"
            else:
                answers[question.id] = rng.choice(question.choices).id
    return answers


@pytest.fixture
def twenty(tmp_path: Path) -> list[Path]:
    rng = random.Random(20)
    paths = []
    for n in range(20):
        document = result_document(ASSESSMENT, random_answers(rng),
                                   datetime.datetime(2026, 11, n + 1, tzinfo=datetime.UTC))
        path = tmp_path / f"result-{n:02}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(path)
    return paths


def aggregate(*args: str | Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(REPO)
    return main(["aggregate", *map(str, args)])


def test_report_statistics_are_recomputed_from_the_answers(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tampered = json.loads(twenty[0].read_text())
    for dimension in tampered["dimensions"].values():
        dimension["score"], dimension["level"] = 999, "entreprise-sociale"
    twenty[0].write_text(json.dumps(tampered))
    out = tmp_path / "report"
    assert aggregate(*twenty, "-o", out, monkeypatch=monkeypatch) == 0

    results = [score(ASSESSMENT, json.loads(path.read_text())["answers"]) for path in twenty]
    with (out / "team-report.csv").open(encoding="utf-8") as stream:
        rows = {row["dimension"]: row for row in csv.DictReader(stream)}
    for dimension in ASSESSMENT.dimensions:
        values = [r.dimensions[dimension.id].value for r in results]
        known = [v for v in values if v is not None]
        row = rows[dimension.id]
        assert row["participants"] == "20"
        assert row["answered"] == str(len(known))
        assert float(row["mean"]) == pytest.approx(statistics.fmean(known), abs=0.005)
        assert float(row["median"]) == pytest.approx(statistics.median(known), abs=0.005)
        assert float(row["min"]) == pytest.approx(min(known), abs=0.005)
        assert float(row["max"]) == pytest.approx(max(known), abs=0.005)
        levels = [r.dimensions[dimension.id].level for r in results]
        for level in ASSESSMENT.levels:
            assert row[f"level:{level.id}"] == str(levels.count(level.id))
    assert float(rows["overall"]["mean"]) == pytest.approx(
        statistics.fmean(r.overall.value for r in results if r.overall.value is not None),
        abs=0.005)


def test_html_report_is_self_contained(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert aggregate(*twenty, "-o", tmp_path, monkeypatch=monkeypatch) == 0
    html = (tmp_path / "team-report.html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "<svg" in html
    assert "20 participant(s)." in html
    assert "Maturité social media" in html
    for attribute in ('src="', 'href="', "url(", "@import"):
        assert attribute not in html  # nothing fetched from anywhere


def test_results_of_another_assessment_or_version_are_refused(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = json.loads(twenty[1].read_text())
    other["assessment"] = "another-one"
    (tmp_path / "other.json").write_text(json.dumps(other))
    future = json.loads(twenty[2].read_text())
    future["version"] = 2
    (tmp_path / "future.json").write_text(json.dumps(future))
    (tmp_path / "broken.json").write_text("{")
    status = aggregate(twenty[0], tmp_path / "other.json", tmp_path / "future.json",
                       tmp_path / "broken.json", "-o", tmp_path / "out",
                       monkeypatch=monkeypatch)
    assert status == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'other.json'}: a result of assessment 'another-one', not " \
           "'maturite-social-media'" in err
    assert f"{tmp_path / 'future.json'}: result format version 2 is not supported" in err
    assert f"{tmp_path / 'broken.json'}: not JSON" in err
    assert not (tmp_path / "out").exists()


def test_unknown_assessment_is_a_usage_error(
    twenty: list[Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in twenty:
        data = json.loads(path.read_text())
        data["assessment"] = "nowhere"
        path.write_text(json.dumps(data))
    assert aggregate(*twenty, monkeypatch=monkeypatch) == 2
    assert "no assessment 'nowhere'" in capsys.readouterr().err


def test_answers_to_removed_questions_are_ignored_with_a_note(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = json.loads(twenty[0].read_text())
    data["answers"]["question-retiree"] = "oui"
    twenty[0].write_text(json.dumps(data))
    assert aggregate(*twenty, "-o", tmp_path, monkeypatch=monkeypatch) == 0
    assert "1 answer(s) to questions the assessment no longer has were ignored: " \
           "question-retiree" in capsys.readouterr().err


def test_titles_cannot_become_spreadsheet_formulas() -> None:
    from mkdocs_playbooks.aggregate import spreadsheet_safe

    for dangerous in ('=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_safe(dangerous) == "'" + dangerous
    assert spreadsheet_safe("Écoute") == "Écoute"
