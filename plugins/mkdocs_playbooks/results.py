"""The public result format: one completed self-assessment, as readers export it.

```json
{"format": "mkdocs-playbooks/result", "version": 1, "assessment": "ID",
 "taken_at": "2026-11-22T09:15:02Z", "answers": {"QUESTION_ID": "CHOICE_ID or na"},
 "dimensions": {"DIMENSION_ID": {"score": 61.1, "level": "LEVEL_ID"}},
 "overall": {"score": 58.3, "level": "LEVEL_ID"}}
```

Scores are unrounded; a dimension without answers has `"score": null, "level": null`. Readers of
results (the team report) recompute every score from `answers` and never trust the numbers.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Assessment
from .scoring import Result, Score, score

RESULT_FORMAT = "mkdocs-playbooks/result"
RESULT_VERSION = 1
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
    """A result export of `answers`, with every score computed by the reference."""
    result = score(assessment, answers)
    return {
        "format": RESULT_FORMAT, "version": RESULT_VERSION, "assessment": assessment.id,
        "taken_at": taken_at.isoformat().replace("+00:00", "Z"), "answers": dict(answers),
        "dimensions": {key: _score(value) for key, value in result.dimensions.items()},
        "overall": _score(result.overall),
    }


def _score(value: Score) -> dict[str, Any]:
    return {"score": value.value, "level": value.level}


def read_result(path: Path) -> TakenResult:
    """A result file's answers; `ResultError` says what is wrong, naming the file."""
    try:
        if path.stat().st_size > MAX_RESULT_BYTES:
            raise ResultError(f"{path}: larger than 1 MiB, not a result export")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ResultError(f"{path}: cannot read it: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ResultError(f"{path}: not JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
        raise ResultError(f"{path}: not a result export (its \"format\" is not "
                          f"\"{RESULT_FORMAT}\")")
    if data.get("version") != RESULT_VERSION:
        raise ResultError(f"{path}: result format version {data.get('version')!r} is not "
                          f"supported (this version reads {RESULT_VERSION})")
    answers, assessment = data.get("answers"), data.get("assessment")
    taken_at = data.get("taken_at")
    if not isinstance(assessment, str) or not isinstance(taken_at, str):
        raise ResultError(f"{path}: \"assessment\" and \"taken_at\" must be text")
    if not isinstance(answers, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in answers.items()
    ):
        raise ResultError(f"{path}: \"answers\" must map question ids to choice ids")
    return TakenResult(str(path), assessment, taken_at, answers)


def rescore(assessment: Assessment, taken: TakenResult) -> Result:
    """The scores of a result, recomputed from its answers."""
    return score(assessment, taken.answers)
