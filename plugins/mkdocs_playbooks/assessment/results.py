"""The public result format: one self-assessment, as readers export it (version 2).

```json
{"format": "mkdocs-playbooks/result", "version": 2, "assessment": "ID",
 "taken_at": "2026-11-22T09:15:02Z", "answers": {"QUESTION_ID": "CHOICE_ID or na"},
 "complete": true, "answered": 23, "questions": 23,
 "dimensions": {"DIMENSION_ID": {"score": 61, "level": "LEVEL_ID", "complete": true,
                                 "answered": 4, "questions": 4}},
 "overall": {"score": 58, "level": "LEVEL_ID"}}
```

Scores are the shown ones (whole numbers, see `scoring`); a level is given only where the answers
are complete, so a partial result carries `"complete": false` and `"level": null`. Version 1
files (exact scores, no completeness) are still read. Readers of results (the team report)
recompute every score from `answers` and never trust the numbers.
"""

from __future__ import annotations

import datetime
import json
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.model import Assessment
from .scoring import results

RESULT_FORMAT = "mkdocs-playbooks/result"
PROGRESS_FORMAT = "mkdocs-playbooks/progress"
"""A reader's whole progress (the progress page's export, assets/js/progress-doc.js): no result."""
RESULT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_RESULT_BYTES = 1024 * 1024


class ResultError(Exception):
    """A result file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class TakenResult:
    """The answers of one exported result, and where they came from."""
    source: str
    assessment: str
    taken_at: str
    answers: dict[str, str]


def result_document(assessment: Assessment, answers: dict[str, str],
                    taken_at: datetime.datetime) -> dict[str, Any]:
    """A result export of `answers`, with what the reader is shown of them."""
    shown = results(assessment, answers)
    return {
        "format": RESULT_FORMAT, "version": RESULT_VERSION, "assessment": assessment.id,
        "taken_at": taken_at.isoformat().replace("+00:00", "Z"), "answers": dict(answers),
        "complete": shown.complete, "answered": shown.answered, "questions": shown.questions,
        "dimensions": {key: {"score": value.score, "level": value.level,
                             "complete": value.complete, "answered": value.answered,
                             "questions": value.questions}
                       for key, value in shown.dimensions.items()},
        "overall": {"score": shown.score, "level": shown.level},
    }


def result_text(document: dict[str, Any]) -> str:
    """A result document as its file holds it: JSON, indented by two spaces, as the page's
    export writes it."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read_result(path: Path) -> TakenResult:
    """A result file's answers; `ResultError` says what is wrong, naming the file."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would be read forever
            raise ResultError(f"{path}: not a regular file, not a result export")
        if status.st_size > MAX_RESULT_BYTES:
            raise ResultError(f"{path}: larger than 1 MiB, not a result export")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ResultError(f"{path}: cannot read it: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        spreadsheet = path.suffix.lower() == ".csv"
        hint = " (a spreadsheet: give the result's JSON, Export (JSON))" if spreadsheet else ""
        raise ResultError(f"{path}: not JSON ({error}){hint}") from None
    except RecursionError:  # Python's JSON reader recurses once per level of nesting
        raise ResultError(f"{path}: nested too deep to be a result export") from None
    if isinstance(data, dict) and data.get("format") == PROGRESS_FORMAT:
        raise ResultError(f"{path}: a progress export (Export, on the progress page): the progress "
                          "page's Import takes it; `playbooks aggregate` takes result exports "
                          "(Export (JSON), under an assessment's results)")
    if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
        raise ResultError(f"{path}: not a result export (its \"format\" is not "
                          f"\"{RESULT_FORMAT}\")")
    if data.get("version") not in READABLE_VERSIONS:
        raise ResultError(f"{path}: result format version {data.get('version')!r} is not "
                          f"supported (this version reads 1 and 2)")
    answers, assessment = data.get("answers"), data.get("assessment")
    taken_at = data.get("taken_at")
    if not isinstance(assessment, str) or not isinstance(taken_at, str):
        raise ResultError(f"{path}: \"assessment\" and \"taken_at\" must be text")
    if not isinstance(answers, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in answers.items()
    ):
        raise ResultError(f"{path}: \"answers\" must map question ids to choice ids")
    return TakenResult(str(path), assessment, taken_at, answers)
