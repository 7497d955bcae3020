"""Problems found in content: where, how bad, what is wrong and how to fix it."""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How bad a problem is: errors fail validation, warnings fail it under `--strict`."""
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, order=True)
class Problem:
    """A finding, printed as `PATH:LINE:COL: SEVERITY: MESSAGE (HINT)`; line, col from 1."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.severity.value}: {self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        return f"{shown_name(self.path)}:{self.line}:{self.column}: {printable(text)}"

    @property
    def is_error(self) -> bool:
        """Whether the problem makes the content invalid."""
        return self.severity is Severity.ERROR


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_MISREAD = re.compile("[:\"\x00-\x1f\x7f-\x9f\u2028\u2029]|^\\s|\\s$|^$")


def printable(text: str) -> str:
    """`text` on one line, with control characters (terminal escapes…) shown as escapes."""
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


def shown_name(path: str) -> str:
    """A file name as messages print it: in quotes, escaped, when it could be misread (a name
    holding `:9:9: error:` would fake a location; a control character would reach the terminal)."""
    return json.dumps(path, ensure_ascii=False) if _MISREAD.search(path) else path


class ContentError(Exception):
    """Raised when content has errors; carries every problem found, not only the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(map(str, self.problems)))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or listing them all when none is close."""
    options = sorted(candidates)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "expected one of: " + ", ".join(f"'{option}'" for option in options)


def shown_path(path: Path, root: Path) -> str:
    """`path` as the user should read it: relative to `root` when inside it."""
    try:
        return Path(os.path.relpath(path.absolute(), root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()
