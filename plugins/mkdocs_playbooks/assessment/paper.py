"""Answer sheets filled on paper, typed back as a CSV file, turned into result files.

The file is what a facilitator types into a spreadsheet, one row per answer sheet:

```text
sheet;date;1;2;3;…;23
Équipe A;2026-12-03;2;3;NA;…;1
```

- `sheet`: a label to find the sheet again (a name, a number); it is only used in messages and
  is never written into a result.
- `date` (optional column, `YYYY-MM-DD`): the day of the workshop; else the day given to
  `playbooks paper --date`, else today.
- one column per question, headed by its number as printed on the questionnaire and the answer
  sheet; each cell holds the number of the answer ticked as printed (1 for the first), `NA`
  (any case, or the language's own mark) for "not applicable" where the question offers it, or
  nothing for a question without answer.

The separator is the comma, the semicolon (spreadsheets in French) or a tab, found in the header
row; a byte order mark is allowed. Every problem is told at its line and column, with how to fix
it; a file with any problem makes no result at all. Each sheet becomes the document the page's
Export button writes (`results.result_document`), so paper and screen meet in one team report.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.model import NOT_APPLICABLE, Assessment, Question
from ..output.i18n import csv_dialect
from .results import result_document

MAX_SHEETS_BYTES = 4 * 1024 * 1024
NA_MARKS = ("na", "n/a")
"""What a cell may hold for "not applicable", besides the language's own mark (any case)."""
SHEET, DATE = "sheet", "date"


class SheetsError(Exception):
    """A sheets file that cannot be read at all (the message names the file)."""


@dataclass(frozen=True)
class Sheet:
    """One typed answer sheet: where it is in the file, its label, its day and its answers."""

    line: int
    label: str
    day: datetime.date
    answers: dict[str, str]

    def attempt(self, assessment: Assessment) -> str:
        """The sheet's attempt id: the same for the same assessment, day and label, so that a
        sheet typed again (a mistake corrected) replaces its earlier result in a team report
        instead of counting twice. The label itself is not written into the result."""
        key = "\n".join((assessment.id or "", self.day.isoformat(), self.label.casefold()))
        return "paper-" + hashlib.sha256(key.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Typed:
    """What a sheets file holds: its sheets, or the problems that keep it from making any."""

    sheets: list[Sheet]
    problems: list[str]


def numbered_questions(assessment: Assessment) -> list[Question]:
    """The questions in the order they are numbered on paper (the first is 1)."""
    return [question for dimension in assessment.dimensions for question in dimension.questions]


def template(assessment: Assessment, language: str) -> str:
    """A sheets file with its header row only, in the language's spreadsheet dialect."""
    separator, _ = csv_dialect(language)
    numbers = [str(n) for n in range(1, len(numbered_questions(assessment)) + 1)]
    stream = io.StringIO()
    csv.writer(stream, delimiter=separator, lineterminator="\r\n").writerow(
        [SHEET, DATE, *numbers])
    return stream.getvalue()


def read_sheets(path: Path, assessment: Assessment, *, day: datetime.date,
                na_mark: str = "") -> Typed:
    """The sheets typed in `path` for `assessment`; `day` for rows without a date. `SheetsError`
    when the file cannot be read as text at all."""
    shown = str(path)
    try:
        if path.stat().st_size > MAX_SHEETS_BYTES:
            raise SheetsError(f"{shown}: larger than 4 MiB, not a file of answer sheets")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise SheetsError(f"{shown}: cannot read it: {error.strerror}") from None
    except UnicodeDecodeError:
        raise SheetsError(f"{shown}: not UTF-8 text; save the spreadsheet as CSV UTF-8") from None
    rows = list(_rows(text))
    if not rows:
        return Typed([], [f"{shown}:1:1: error: no header row (start with: "
                          f"{SHEET}, {DATE}, 1, 2, …; `playbooks paper --template` writes it)"])
    reader = _Reader(shown, assessment, day, {mark.casefold() for mark in (*NA_MARKS, na_mark)
                                               if mark})
    columns = reader.header(rows[0][1])
    sheets = [sheet for line, cells in rows[1:] if any(cell.strip() for cell in cells)
              for sheet in [reader.sheet(line, cells, columns)] if sheet is not None]
    reader.same_sheets(sheets, columns.get(SHEET))
    if not reader.problems and not sheets:
        reader.problems.append(f"{shown}:2:1: error: no answer sheet below the header row "
                               "(one row per sheet)")
    return Typed(sheets if not reader.problems else [], reader.problems)


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """The rows of the file with the line each starts on, split by the separator its header
    row uses."""
    first = text.split("\n", 1)[0]
    separator = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    line = 1
    for cells in reader:
        yield line, cells
        line = reader.line_num + 1


class _Reader:
    """Reads rows, collecting every problem at its line and column."""

    def __init__(self, shown: str, assessment: Assessment, day: datetime.date,
                 na_marks: set[str]) -> None:
        self.shown, self.assessment, self.day, self.na_marks = shown, assessment, day, na_marks
        self.questions = numbered_questions(assessment)
        self.problems: list[str] = []

    def problem(self, line: int, column: int, what: str, fix: str) -> None:
        self.problems.append(f"{self.shown}:{line}:{column}: error: {what} ({fix})")

    def header(self, cells: list[str]) -> dict[str, int]:
        """The column of `sheet`, `date` and each question number."""
        columns: dict[str, int] = {}
        count = len(self.questions)
        for index, cell in enumerate(cells):
            name = cell.strip().casefold()
            known = name in (SHEET, DATE) or (name.isdigit() and 1 <= int(name) <= count)
            if not known:
                self.problem(1, index + 1, f"unknown column {cell.strip()!r}",
                             f"the columns are {SHEET}, {DATE} and the question numbers 1 "
                             f"to {count}")
            elif name in columns:
                self.problem(1, index + 1, f"column {cell.strip()!r} given twice",
                             "keep one")
            else:
                columns[name] = index
        missing = [str(n) for n in range(1, count + 1) if str(n) not in columns]
        if missing:
            self.problem(1, 1, f"no column for question(s) {', '.join(missing)}",
                         "add one column per question, headed by its number")
        return columns

    def sheet(self, line: int, cells: list[str], columns: dict[str, int]) -> Sheet | None:
        found = len(self.problems)
        label = self.cell(cells, columns.get(SHEET)) or f"line {line}"
        day = self.date(line, cells, columns.get(DATE))
        answers = {}
        for number, question in enumerate(self.questions, start=1):
            index = columns.get(str(number))
            choice = self.choice(line, index, self.cell(cells, index), number, question)
            if choice:
                answers[question.id] = choice
        if len(self.problems) > found:
            return None
        return Sheet(line, label, day, answers)

    def same_sheets(self, sheets: list[Sheet], column: int | None) -> None:
        """Two rows of one label and day would be one attempt: the second is refused."""
        first: dict[tuple[str, datetime.date], int] = {}
        for sheet in sheets:
            key = (sheet.label.casefold(), sheet.day)
            if key in first:
                self.problem(sheet.line, (column or 0) + 1,
                             f"the sheet {sheet.label!r} of {sheet.day} is on line "
                             f"{first[key]} already",
                             "give each sheet of a day its own label, e.g. a name or a number")
            first.setdefault(key, sheet.line)

    @staticmethod
    def cell(cells: list[str], index: int | None) -> str:
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def date(self, line: int, cells: list[str], index: int | None) -> datetime.date:
        text = self.cell(cells, index)
        if not text:
            return self.day
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            assert index is not None
            self.problem(line, index + 1, f"the date {text!r} is not a day",
                         "write it YYYY-MM-DD, e.g. 2026-12-03, or leave it empty")
            return self.day

    def choice(self, line: int, index: int | None, text: str, number: int,
               question: Question) -> str:
        """The id of the choice a cell names ("" for no answer)."""
        if not text or index is None:
            return ""
        column = index + 1
        if text.casefold() in self.na_marks:
            if question.allow_na:
                return NOT_APPLICABLE
            self.problem(line, column, f"question {number} offers no 'not applicable'",
                         f"write the number of an answer, 1 to {len(question.choices)}, or "
                         "leave it empty")
            return ""
        if text.isdigit() and 1 <= int(text) <= len(question.choices):
            return question.choices[int(text) - 1].id
        offer = " or NA" if question.allow_na else ""
        self.problem(line, column, f"{text!r} is no answer to question {number}",
                     f"write the number of the answer ticked, 1 to {len(question.choices)}"
                     f"{offer}, or leave it empty")
        return ""


def sheet_result(assessment: Assessment, sheet: Sheet, *, round: str | None = None
                 ) -> dict[str, Any]:
    """The result file of a typed sheet: the document the page's export writes, taken at noon
    (UTC) of the sheet's day and exported then (the same sheet typed again makes the same file), in
    `round` if given, in the assessment's language. No respondent: a sheet's label is not a
    person's identity from one round to the next."""
    taken_at = datetime.datetime.combine(sheet.day, datetime.time(12), tzinfo=datetime.UTC)
    return result_document(assessment, sheet.answers, taken_at,
                           attempt=sheet.attempt(assessment), round=round, lang=assessment.lang)
