"""Answer sheets filled on paper, typed as CSV, back to result files (`playbooks paper`)."""

from __future__ import annotations

import csv
import datetime
import json
from pathlib import Path

import pytest

from mkdocs_playbooks.assessment.paper import numbered_questions, read_sheets, template
from mkdocs_playbooks.assessment.results import read_result, result_document
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.cli import main
from mkdocs_playbooks.engines.config import read_settings

from .conftest import REPO

DEMO = load_site(read_settings(REPO / "mkdocs.yml")).assessments["maturite-social-media"].model
QUESTIONS = numbered_questions(DEMO)
DAY = datetime.date(2026, 12, 3)


def sheets_file(path: Path, rows: list[list[str]], separator: str = ";") -> Path:
    header = template(DEMO, "fr").lstrip("\ufeff").strip().split(";")
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=separator)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def numbers(answers: dict[str, str]) -> list[str]:
    """The cells a facilitator types for `answers`: each answer's number as printed."""
    cells = []
    for question in QUESTIONS:
        chosen = answers.get(question.id, "")
        ids = [choice.id for choice in question.choices]
        cells.append("NA" if chosen == "na" else str(ids.index(chosen) + 1) if chosen else "")
    return cells


def test_the_template_heads_a_column_per_question_as_numbered_on_paper() -> None:
    french, english = template(DEMO, "fr"), template(DEMO, "en")
    assert french == "sheet;date;" + ";".join(map(str, range(1, 24))) + "\r\n"
    assert english == french.replace(";", ",")  # spreadsheets' own separator
    assert len(QUESTIONS) == 23


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_a_typed_sheet_is_the_result_the_page_exports(tmp_path: Path, separator: str) -> None:
    answers = {q.id: q.choices[n % len(q.choices)].id for n, q in enumerate(QUESTIONS)}
    answers[QUESTIONS[10].id] = "na"  # question 11 offers "not applicable"
    del answers[QUESTIONS[3].id]  # question 4 without answer
    path = sheets_file(tmp_path / "sheets.csv", [["Équipe A", "2026-11-20", *numbers(answers)],
                                                 ["", "", *numbers(answers)], [""] * 3],
                       separator)
    typed = read_sheets(path, DEMO, day=DAY)
    assert typed.problems == []
    first, second = typed.sheets  # the blank row is no sheet
    assert (first.line, first.label, first.day) == (2, "Équipe A", datetime.date(2026, 11, 20))
    assert (second.label, second.day) == ("line 3", DAY)  # the day given for rows without one
    assert first.answers == answers


def test_the_command_writes_result_files_the_team_report_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    low = {q.id: q.choices[0].id for q in QUESTIONS}
    high = {q.id: q.choices[-1].id for q in QUESTIONS}
    sheets = sheets_file(tmp_path / "sheets.csv", [["A", "2026-12-03", *numbers(low)],
                                                   ["B", "2026-12-03", *numbers(high)]])
    assert main(["paper", str(sheets), "-o", str(tmp_path / "results"),
                 "--round", "2026-Q4"]) == 0
    typed = read_sheets(sheets, DEMO, day=DAY).sheets
    files = [tmp_path / "results" / f"maturite-social-media-{sheet.attempt(DEMO)}.json"
             for sheet in typed]
    assert sorted(files) == sorted((tmp_path / "results").glob("*.json"))
    noon = datetime.datetime(2026, 12, 3, 12, tzinfo=datetime.UTC)
    assert json.loads(files[0].read_text()) == result_document(
        DEMO, low, noon, attempt=typed[0].attempt(DEMO), round="2026-Q4", lang=DEMO.lang)
    assert read_result(files[0]).round == "2026-Q4"
    assert read_result(files[1]).answers == high
    assert '"A"' not in files[0].read_text()  # the label is not kept
    assert main(["aggregate", *map(str, files), "-o", str(tmp_path / "report")]) == 0
    report = (tmp_path / "report" / "team-report.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(report.splitlines(), delimiter=";"))
    overall = rows[-1]  # the round, "Overall" in the demo's language, then the participants
    assert (overall[0], overall[2]) == ("2026-Q4", "2")  # both sheets in the report
    assert "2 attempt(s) from 2 file(s)" in capsys.readouterr().err


# what a result file may not hold as its round (aggregate refuses it there), refused at once
@pytest.mark.parametrize("name", ["x" * 81, "   ", "2026\u2028Q1", "\x1b[31mQ1", "Q1\tQ2"])
def test_a_round_that_cannot_name_one_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    monkeypatch.chdir(REPO)
    low = {q.id: q.choices[0].id for q in QUESTIONS}
    sheets = sheets_file(tmp_path / "sheets.csv", [["A", "2026-12-03", *numbers(low)]])
    assert main(["paper", str(sheets), "-o", str(tmp_path / "results"),
                 "--round", name]) == 2
    assert "--round must be a name of 1 to 80 characters" in capsys.readouterr().err
    assert not (tmp_path / "results").exists()


@pytest.mark.parametrize(("rows", "message"), [
    ([["A", "", "5"]], "sheets.csv:3:3: error: '5' is no answer to question 1 (write the "
                       "number of the answer ticked, 1 to 4, or leave it empty)"),
    ([["A", "", "1", "NA"]], "sheets.csv:3:4: error: question 2 offers no 'not applicable'"),
    ([["A", "03/12/2026"]], "sheets.csv:3:2: error: the date '03/12/2026' is not a day (write "
                            "it YYYY-MM-DD"),
    ([], "sheets.csv:2:1: error: no answer sheet below the header row"),
])
def test_every_mistake_is_told_where_it_is_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    rows: list[list[str]], message: str
) -> None:
    monkeypatch.chdir(REPO)
    path = sheets_file(tmp_path / "sheets.csv", [["B", "", *["1"] * 23], *rows])
    if not rows:
        path.write_text(template(DEMO, "fr"), encoding="utf-8")
    assert main(["paper", str(path), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert message in err.replace(str(tmp_path) + "/", "")
    assert "nothing written" in err
    assert not (tmp_path / "out").exists()


def test_a_header_that_is_not_the_sheets_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sheets.csv"
    path.write_text("sheet,date,1,2,2,question 4\nA,,1,1,1,1\n", encoding="utf-8")
    problems = read_sheets(path, DEMO, day=DAY).problems
    assert f"{path}:1:5: error: column '2' given twice (keep one)" in problems
    assert any(p.startswith(f"{path}:1:6: error: unknown column 'question 4'") for p in problems)
    assert any("no column for question(s) 3, 4, 5" in p for p in problems)


def test_the_template_is_written_for_the_sites_assessment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "blank.csv"
    assert main(["paper", "--template", str(target)]) == 0
    assert target.read_bytes().decode("utf-8-sig") == template(DEMO, "fr")
    assert main(["paper"]) == 2  # neither sheets nor --template
    assert main(["paper", "--assessment", "nope", "--template", str(target)]) == 2


def test_a_sheet_typed_again_replaces_its_own_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    low = {q.id: q.choices[0].id for q in QUESTIONS}
    first = sheets_file(tmp_path / "monday.csv", [["Équipe A", "2026-12-03", *numbers(low)],
                                                  ["Équipe B", "2026-12-03", *numbers(low)]])
    assert main(["paper", str(first), "-o", str(tmp_path / "results")]) == 0
    fixed = dict(low, **{QUESTIONS[0].id: QUESTIONS[0].choices[1].id})
    again = sheets_file(tmp_path / "fixed.csv", [["équipe a", "2026-12-03", *numbers(fixed)]])
    assert main(["paper", str(again), "-o", str(tmp_path / "results")]) == 0
    files = list((tmp_path / "results").glob("*.json"))
    assert len(files) == 2  # A corrected in place, B kept
    assert sorted(read_result(file).answers == fixed for file in files) == [False, True]
    other_day = sheets_file(tmp_path / "later.csv", [["Équipe A", "2027-03-01", *numbers(low)]])
    assert main(["paper", str(other_day), "-o", str(tmp_path / "results")]) == 0
    assert len(list((tmp_path / "results").glob("*.json"))) == 3  # another attempt


def test_two_rows_of_one_label_and_day_are_refused(tmp_path: Path) -> None:
    path = sheets_file(tmp_path / "sheets.csv", [["A", "2026-12-03", *["1"] * 23],
                                                 ["B", "", *["1"] * 23],
                                                 ["a", "2026-12-03", *["2"] * 23]])
    typed = read_sheets(path, DEMO, day=DAY)
    assert typed.sheets == []
    assert typed.problems == [f"{path}:4:1: error: the sheet 'a' of 2026-12-03 is on line 2 "
                              "already (give each sheet of a day its own label, e.g. a name or "
                              "a number)"]


def test_output_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    sheets = sheets_file(tmp_path / "sheets.csv", [["A", "", *["1"] * 23]])
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    assert main(["paper", str(sheets), "-o", str(a_file / "results")]) == 2
    assert f"{a_file}: not a folder" in capsys.readouterr().err
    assert main(["paper", "--template", str(tmp_path)]) == 2  # a folder, not a file
    assert "cannot write it" in capsys.readouterr().err
