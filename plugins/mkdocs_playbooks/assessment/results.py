"""The public result format: one attempt at a self-assessment, as readers export it.

This module is the one place of the format in the code (the page's script writes the same
document, `assets/js/scoring.js`'s `resultDocument`; `docs/guide/assessments.md` documents it).
Version 3:

```json
{"format": "mkdocs-playbooks/result", "version": 3, "assessment": "ID",
 "attempt": "ATTEMPT_ID", "respondent": "RESPONDENT_ID", "round": "2026-Q1",
 "taken_at": "2026-11-22T09:15:02Z", "exported_at": "2026-11-22T09:20:40Z", "lang": "fr",
 "answers": {"QUESTION_ID": "CHOICE_ID or na"},
 "evidence": {"QUESTION_ID": "a short note or an https:// link"},
 "complete": true, "answered": 23, "questions": 23,
 "dimensions": {"DIMENSION_ID": {"score": 61, "level": "LEVEL_ID", "complete": true,
                                 "answered": 4, "questions": 4}},
 "overall": {"score": 58, "level": "LEVEL_ID"}}
```

- `attempt` names the attempt, made when it was taken: every export of it, from any page
  language, carries the same id, so a team report counts it once. `taken_at` is when it was
  taken, `exported_at` when this file was written (the later export of one attempt wins).
- `respondent` (optional) is a random id of the browser that took it: it follows one reader's
  attempts from one round to the next and names no one. `round` (optional) is the round, or
  campaign, the facilitator set (text). `lang` (optional) is the language of the page.
- `evidence` (optional) is the reader's note or link per answered question: plain text, at most
  `MAX_EVIDENCE_CHARS` characters, never HTML.
- Scores are the shown ones (whole numbers, see `scoring`); a level is given only where the
  answers are complete, so a partial result carries `"complete": false` and `"level": null`.

Versions 1 (exact scores, no completeness) and 2 (no attempt, round or evidence; `taken_at` was
the export's time) are still read: such a file's attempt id is derived from its time and answers,
so only an exact copy of it is the same attempt. Readers of results (the team report) recompute
every score from `answers` and never trust the numbers.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import stat
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.model import MAX_EVIDENCE_CHARS, MAX_ROUND_CHARS, Assessment
from .scoring import Results, results

RESULT_FORMAT = "mkdocs-playbooks/result"
PROGRESS_FORMAT = "mkdocs-playbooks/progress"
"""A reader's whole progress (the progress page's export, assets/js/progress-doc.js): no result."""
RESULT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
MAX_RESULT_BYTES = 1024 * 1024

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
"""What an attempt or respondent id looks like (the page makes 20 random characters)."""
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters dropped from a note (it may hold line breaks and tabs): controls and direction
overrides, which could make a note read otherwise than it is written."""
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ResultError(Exception):
    """A result file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class TakenResult:
    """One exported attempt, and where it came from."""

    source: str
    assessment: str
    taken_at: str
    answers: dict[str, str]
    attempt: str = ""
    """The attempt's id; for files of versions 1 and 2, one derived from the time and answers."""
    version: int = RESULT_VERSION
    round: str | None = None
    respondent: str | None = None
    exported_at: str | None = None
    lang: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def when(self) -> datetime.datetime | None:
        """When the attempt was taken, in UTC; None when `taken_at` is not a time."""
        return parse_time(self.taken_at)

    @property
    def exported(self) -> datetime.datetime | None:
        """When this file was written (for older versions, when it was taken)."""
        return parse_time(self.exported_at) if self.exported_at else self.when


def parse_time(text: str) -> datetime.datetime | None:
    """An ISO 8601 time as an aware UTC datetime (a time without a zone is taken as UTC)."""
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC)


def iso(moment: datetime.datetime) -> str:
    """A time as the page's script writes one (`Date.toISOString`, to the millisecond)."""
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


def result_document(assessment: Assessment, answers: Mapping[str, str],
                    taken_at: datetime.datetime, *, attempt: str,
                    exported_at: datetime.datetime | None = None, round: str | None = None,
                    respondent: str | None = None, lang: str | None = None,
                    evidence: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A result export of `answers`, with what the reader is shown of them. Optional fields
    without a value are left out, as the page's script leaves them out."""
    shown = results(assessment, answers)
    optional = {"respondent": respondent, "round": round}
    document: dict[str, Any] = {
        "format": RESULT_FORMAT, "version": RESULT_VERSION, "assessment": assessment.id,
        "attempt": attempt, **{key: value for key, value in optional.items() if value},
        "taken_at": iso(taken_at), "exported_at": iso(exported_at or taken_at),
    }
    if lang:
        document["lang"] = lang
    document["answers"] = dict(answers)
    notes = {question: text for question, text in (evidence or {}).items()
             if question in answers and text}
    if notes:
        document["evidence"] = notes
    document.update(_shown(shown))
    return document


def _shown(shown: Results) -> dict[str, Any]:
    """What the reader is shown, as the document holds it."""
    return {
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
    """A result file's attempt; `ResultError` says what is wrong, naming the file."""
    data = _read_json(path)
    if isinstance(data, dict) and data.get("format") == PROGRESS_FORMAT:
        raise ResultError(f"{path}: a progress export (Export, on the progress page): the progress "
                          "page's Import takes it; `playbooks aggregate` takes result exports "
                          "(Export (JSON), under an assessment's results)")
    if not isinstance(data, dict) or data.get("format") != RESULT_FORMAT:
        raise ResultError(f"{path}: not a result export (its \"format\" is not "
                          f"\"{RESULT_FORMAT}\")")
    version = data.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise ResultError(f"{path}: result format version {version!r} is not supported (this "
                          f"version reads {', '.join(map(str, READABLE_VERSIONS))})")
    answers, assessment = data.get("answers"), data.get("assessment")
    taken_at = data.get("taken_at")
    if not isinstance(assessment, str) or not isinstance(taken_at, str):
        raise ResultError(f"{path}: \"assessment\" and \"taken_at\" must be text")
    if not isinstance(answers, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in answers.items()
    ):
        raise ResultError(f"{path}: \"answers\" must map question ids to choice ids")
    if version < 3:
        return TakenResult(str(path), assessment, taken_at, answers,
                           _legacy_attempt(taken_at, answers), version)
    return TakenResult(
        str(path), assessment, taken_at, answers, _id(path, data, "attempt", required=True) or "",
        version, _round(path, data.get("round")), _id(path, data, "respondent"),
        _time(path, data, "exported_at"), _text(path, data, "lang", 35),
        _evidence(path, data.get("evidence"), answers))


def _read_json(path: Path) -> Any:
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe or a device would be read forever
            raise ResultError(f"{path}: not a regular file, not a result export")
        if status.st_size > MAX_RESULT_BYTES:
            raise ResultError(f"{path}: larger than 1 MiB, not a result export")
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ResultError(f"{path}: cannot read it: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        spreadsheet = path.suffix.lower() == ".csv"
        hint = " (a spreadsheet: give the result's JSON, Export (JSON))" if spreadsheet else ""
        raise ResultError(f"{path}: not JSON ({error}){hint}") from None
    except RecursionError:  # Python's JSON reader recurses once per level of nesting
        raise ResultError(f"{path}: nested too deep to be a result export") from None


def _legacy_attempt(taken_at: str, answers: Mapping[str, str]) -> str:
    """The attempt id of a file written before attempts had one: its time and answers, so that
    only an exact copy is the same attempt."""
    text = json.dumps([taken_at, sorted(answers.items())], ensure_ascii=False)
    return "v2-" + hashlib.sha256(text.encode()).hexdigest()[:20]


def _id(path: Path, data: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise ResultError(f"{path}: \"{key}\" must be an id of letters, digits, '-' and '_' "
                          "(at most 64), as the page writes it")
    return value


def _time(path: Path, data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or parse_time(value) is None:
        raise ResultError(f"{path}: \"{key}\" must be a time such as "
                          "\"2026-11-22T09:15:02.117Z\"")
    return value


def _text(path: Path, data: dict[str, Any], key: str, longest: int) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > longest or _NOT_ONE_LINE.search(value):
        raise ResultError(f"{path}: \"{key}\" must be text of at most {longest} characters")
    return value


def clean_round(text: str) -> str:
    """A round's name as it is compared and shown: NFC, spaces trimmed and single."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def round_name(value: object) -> str | None:
    """`value` as a round's name (`clean_round`), or None when it cannot name one: text of 1 to
    `MAX_ROUND_CHARS` characters on one line. The one rule of result files and of the commands."""
    if not isinstance(value, str) or _NOT_ONE_LINE.search(value):
        return None
    name = clean_round(value)
    return name if 0 < len(name) <= MAX_ROUND_CHARS else None


def _round(path: Path, value: Any) -> str | None:
    if value is None:
        return None
    name = round_name(value)
    if name is None:
        raise ResultError(f"{path}: \"round\" must be a name of 1 to {MAX_ROUND_CHARS} "
                          "characters on one line, e.g. \"2026-Q1\"")
    return name


def _evidence(path: Path, value: Any, answers: Mapping[str, str]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(key, str) and isinstance(text, str) for key, text in value.items()
    ):
        raise ResultError(f"{path}: \"evidence\" must map question ids to short texts")
    for question, text in value.items():
        if len(text) > MAX_EVIDENCE_CHARS:
            raise ResultError(f"{path}: the evidence of '{question}' is longer than "
                              f"{MAX_EVIDENCE_CHARS} characters")
        if question not in answers:
            raise ResultError(f"{path}: evidence for '{question}', which is not answered")
    return {question: _CONTROL.sub("", text).strip() for question, text in value.items()
            if text.strip()}
