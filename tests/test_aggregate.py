"""`playbooks aggregate`: recomputed scores, statistics, refusals, a self-contained report."""

from __future__ import annotations

import csv
import datetime
import html
import json
import math
import random
import re
import statistics
from pathlib import Path

import pytest

from mkdocs_playbooks.assessment.results import result_document
from mkdocs_playbooks.assessment.scoring import results
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.cli import main
from mkdocs_playbooks.engines.config import read_settings

from .conftest import REPO

DEMO_SITE = load_site(read_settings(REPO / "mkdocs.yml"))
ASSESSMENT = DEMO_SITE.assessments["maturite-social-media"].model


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
                                   datetime.datetime(2026, 11, n + 1, tzinfo=datetime.UTC),
                                   attempt=f"a{n}")
        path = tmp_path / f"result-{n:02}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(path)
    return paths


def aggregate(*args: str | Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(REPO)
    return main(["aggregate", *map(str, args)])


def read_csv(path: Path) -> dict[str, dict[str, str]]:
    """The rows of a report of one round, by dimension id ("overall" for the overall row)."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark, for spreadsheets
    rows = csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";")
    ids = {d.title: d.id for d in ASSESSMENT.dimensions} | {"Global": "overall"}
    return {ids[row["Dimension"]]: row for row in rows}


def half_up(value: float) -> str:
    return str(math.floor(value + 0.5 + 1e-9))


def test_report_statistics_are_recomputed_from_the_answers(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tampered = json.loads(twenty[0].read_text())
    for dimension in tampered["dimensions"].values():
        dimension["score"], dimension["level"] = 999, "entreprise-sociale"
    twenty[0].write_text(json.dumps(tampered))
    out = tmp_path / "report"
    assert aggregate(*twenty, "-o", out, monkeypatch=monkeypatch) == 0

    computed = [results(ASSESSMENT, json.loads(path.read_text())["answers"]) for path in twenty]
    rows = read_csv(out / "team-report.csv")
    for dimension in ASSESSMENT.dimensions:
        shown = [r.dimensions[dimension.id] for r in computed]
        scores = [d.score for d in shown if d.score is not None]
        row = rows[dimension.id]
        assert row["Participants"] == "20"
        assert row["Scores"] == str(len(scores))
        assert row["Partiels"] == str(sum(not d.complete and d.score is not None for d in shown))
        assert row["Moyenne"] == half_up(statistics.fmean(scores))
        assert row["Médiane"] == half_up(statistics.median(scores))
        assert row["Min"] == str(min(scores))
        assert row["Max"] == str(max(scores))
        for level in ASSESSMENT.levels:
            assert row[level.title] == str(sum(d.level == level.id for d in shown))
    overall = [r.score for r in computed if r.score is not None]
    assert rows["overall"]["Médiane"] == half_up(statistics.median(overall))


def test_html_report_shows_the_spread_and_what_to_do_next(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert aggregate(*twenty, "-o", tmp_path, "--team", "Équipe com",
                     monkeypatch=monkeypatch) == 0
    page = (tmp_path / "team-report.html").read_text(encoding="utf-8")
    assert "<script" not in page
    for fetched in ('src="', "url(", "@import", "<link"):
        assert fetched not in page  # nothing fetched from anywhere
    text = html.unescape(page)
    assert "Rapport d'équipe : Maturité social media — Équipe com" in text
    assert "20 participants" in text
    assert "novembre 2026" in text  # dates in the site's language
    assert page.count('class="series ') == 3  # min, median, max on the radar
    assert "Que faire ensuite" in text
    assert 'href="https://mkdocs-playbooks.github.io/mkdocs-playbooks/playbooks/' in page


def test_a_result_given_twice_is_counted_once_with_a_warning(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    copy = tmp_path / "copy.json"
    copy.write_text(twenty[3].read_text())
    assert aggregate(*twenty, copy, "-o", tmp_path / "out", monkeypatch=monkeypatch) == 0
    err = capsys.readouterr().err
    assert f"note: {copy}: a copy of {twenty[3]}: counted once" in err
    assert "20 attempt(s) from 21 file(s)" in err
    assert read_csv(tmp_path / "out" / "team-report.csv")["overall"]["Participants"] == "20"


def test_results_of_another_assessment_or_version_are_refused(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = json.loads(twenty[1].read_text())
    other["assessment"] = "another-one"
    (tmp_path / "other.json").write_text(json.dumps(other))
    future = json.loads(twenty[2].read_text())
    future["version"] = 4
    (tmp_path / "future.json").write_text(json.dumps(future))
    (tmp_path / "broken.json").write_text("{")
    progress = {"format": "mkdocs-playbooks/progress", "version": 1, "playbooks": {}}
    (tmp_path / "progress.json").write_text(json.dumps(progress))
    (tmp_path / "result.csv").write_text('\ufeff"Dimension";"Score"\r\n', encoding="utf-8")
    status = aggregate(twenty[0], tmp_path / "other.json", tmp_path / "future.json",
                       tmp_path / "broken.json", tmp_path / "progress.json",
                       tmp_path / "result.csv", "-o", tmp_path / "out", monkeypatch=monkeypatch)
    assert status == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'other.json'}: a result of assessment 'another-one', not " \
           "'maturite-social-media'" in err
    assert f"{tmp_path / 'future.json'}: result format version 4 is not supported" in err
    assert f"{tmp_path / 'broken.json'}: not JSON" in err
    # each export that is not a result says which import takes it
    assert f"{tmp_path / 'progress.json'}: a progress export (Export, on the progress page): the " \
           "progress page's Import takes it" in err
    assert re.search(re.escape(f"{tmp_path / 'result.csv'}: not JSON (") + r".*\) \(a spreadsheet: "
                     r"give the result's JSON, Export \(JSON\)\)", err)
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


def test_answers_the_assessment_does_not_have_are_errors_naming_the_file(
    twenty: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = json.loads(twenty[0].read_text())
    data["answers"]["question-retiree"] = "oui"
    data["answers"]["veille"] = "choix-inconnu"
    twenty[0].write_text(json.dumps(data))
    assert aggregate(*twenty, "-o", tmp_path / "out", monkeypatch=monkeypatch) == 1
    assert f"{twenty[0]}: answers that the assessment does not have: question-retiree, " \
           "veille: choix-inconnu" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_titles_cannot_become_spreadsheet_formulas() -> None:
    from mkdocs_playbooks.assessment.aggregate import spreadsheet_safe

    for dangerous in ('=HYPERLINK("http://x","y")', "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_safe(dangerous) == "'" + dangerous
    assert spreadsheet_safe("Écoute") == "Écoute"
