"""Read one YAML file into plain data plus the line and column of every key and value.

The file is read as a stream of parser events (the C parser when available) and assembled here
with an explicit stack, which gives in one pass: positions for error messages, duplicate keys,
refused anchors/aliases/tags (no exponential blow-up, no arbitrary objects) and a nesting limit
(libyaml's own composer recurses in C and crashes on very deep input).

Scalars are read as editors read them, by YAML 1.2's core schema: `true`/`false`, `null`/`~`,
and numbers; `yes`, `No`, `on`, `2026-09-30`, `1:30` are text. A number is kept as the author
wrote it (`Number`, a `str`): text where the model expects text (`0755` stays `0755`), its value
where it expects a number.
"""

from __future__ import annotations

import logging
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .problems import ContentError, Problem, Severity
from .yaml_errors import explain

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32

try:
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
    log.warning(
        "PyYAML has no C loader (libyaml) here: playbooks load 8-10x slower; "
        "reinstall PyYAML with libyaml to fix it"
    )

Path_ = tuple[str | int, ...]
"""Where a value sits in a document: keys and list indexes from the top."""


class Number(str):
    """A plain scalar that YAML 1.2's core schema reads as a number, as the author wrote it."""

    __slots__ = ()

    @property
    def value(self) -> int | float:
        """The number; `ValueError` when it has too many digits to be one."""
        text = str(self)
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        if _CORE_INT.fullmatch(text):
            return int(text)
        if text[-1] in "fFnN":  # .inf, -.Inf, .nan…: Python spells them without the dot
            return float(text.replace(".", ""))
        return float(text)


_CORE_INT = re.compile(r"[-+]?[0-9]+")
_CORE_NUMBER = re.compile(
    r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
_CORE_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_CORE_BOOL = {"true": True, "True": True, "TRUE": True,
              "false": False, "False": False, "FALSE": False}
_MAYBE_NOT_TEXT = frozenset("-+.0123456789~nNtTfF")
"""First characters of the plain scalars that may be something else than text."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Characters never wanted in text: C0 and C1 controls but tab and line feed."""


class Mark(NamedTuple):
    """A position in a file, line and column from 1."""
    line: int
    column: int


@dataclass
class Loaded:
    """A document's data with the position of each value (`values`) and each key (`keys`)."""

    path: str
    data: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)

    def keep(self, wanted: Callable[[Path_], bool]) -> Loaded:
        """A copy holding only the positions `wanted` (and not the data): to keep in memory."""
        return Loaded(self.path, None,
                      {where: mark for where, mark in self.values.items() if wanted(where)},
                      {where: mark for where, mark in self.keys.items() if wanted(where)})

    def mark(self, where: Path_) -> Mark:
        """The position of the value at `where`, or of its nearest enclosing value."""
        for end in range(len(where), -1, -1):
            found = self.values.get(where[:end])
            if found is not None:
                return found
        return Mark(1, 1)

    def key_mark(self, where: Path_) -> Mark:
        """The position of the key naming `where`, falling back to the value's position."""
        return self.keys.get(where) or self.mark(where)

    def problem(
        self, where: Path_, message: str, hint: str = "", *, at_key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> Problem:
        """A problem located at the value (or, with `at_key`, the key) at `where`."""
        mark = self.key_mark(where) if at_key else self.mark(where)
        return Problem(self.path, mark.line, mark.column, severity, message, hint)


def load_file(path: Path, display_path: str | None = None) -> Loaded:
    """Load `path`; raise `ContentError` naming every problem that stops it from being read."""
    shown = display_path or str(path)
    return load_bytes(read_bytes(path, shown), shown)


def load_bytes(raw: bytes, shown: str) -> Loaded:
    """Load the bytes of a file already read (at most `MAX_FILE_BYTES`) shown as `shown`."""
    return load_text(_decode(raw, shown), shown)


_AMBIGUOUS_BREAKS = re.compile("[\x85\u2028\u2029]")
"""Line breaks to YAML 1.1 (and libyaml), ordinary characters to YAML 1.2 and editors."""


def load_text(text: str, shown: str) -> Loaded:
    """Load YAML `text` shown in messages as `shown`; raise `ContentError` when it is not a file
    of ours."""
    ambiguous = _AMBIGUOUS_BREAKS.search(text)
    if ambiguous is not None:
        raise ContentError([_ambiguous_break(ambiguous.start(), text, shown)])
    builder = _Builder(shown)
    parser = _Loader(text)
    try:
        feed, next_event = builder.feed, parser.get_event
        while (event := next_event()) is not None and type(event) is not yaml.StreamEndEvent:
            feed(event)
    except yaml.MarkedYAMLError as error:
        raise ContentError([_syntax_problem(error, shown, text)]) from None
    except yaml.reader.ReaderError as error:
        raise ContentError([_character_problem(error, shown, text)]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(shown, 1, 1, Severity.ERROR, str(error))]) from None
    finally:
        parser.dispose()
    return builder.finish()


def _ambiguous_break(position: int, text: str, shown: str) -> Problem:
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    return Problem(shown, line, column, Severity.ERROR,
                   f"character U+{ord(text[position]):04X} is a line break to some YAML readers "
                   "and a character to others (editors)",
                   "write a real line break, or a space")


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of the file `path` (shown as `shown`); `ContentError` when it is not a regular
    file, is over `MAX_FILE_BYTES` or cannot be read."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise ContentError([Problem(shown, 1, 1, Severity.ERROR,
                                        "not a regular file (a device, a pipe or a folder)",
                                        "name a YAML file")])
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise ContentError([Problem(
                shown, 1, 1, Severity.ERROR,
                f"file is {size / 1024 / 1024:.1f} MiB, over the "
                f"{MAX_FILE_BYTES // 1024 // 1024} MiB limit for one playbook",
                "split it into several playbooks",
            )])
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)  # never more, should the file grow meanwhile
    except OSError as error:
        raise ContentError([Problem(shown, 1, 1, Severity.ERROR,
                                    f"cannot read the file: {error.strerror}")]) from None


def _decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise ContentError([Problem(
            shown, line, column, Severity.ERROR,
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
            "save the file as UTF-8",
        )]) from None


def _syntax_problem(error: yaml.MarkedYAMLError, shown: str, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "maximum nesting depth" in str(error.problem):  # libyaml's own limit, for flow collections
        return Problem(shown, line, column, Severity.ERROR, *_TOO_DEEP)
    context = error.context_mark
    explained = explain(str(error.problem or ""), str(error.context or ""), line, column,
                        lines=text.splitlines(),
                        context_at=(context.line + 1, context.column + 1) if context else None)
    return Problem(shown, explained.line, explained.column, Severity.ERROR, explained.message,
                   explained.hint)


def _character_problem(error: yaml.reader.ReaderError, shown: str, text: str) -> Problem:
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, str) else "\0"
    return Problem(shown, line, column, Severity.ERROR,
                   f"character U+{ord(character):04X} is not allowed in YAML",
                   "remove it, or write it as an escape in a double-quoted text")


_TOO_DEEP = (f"nesting deeper than {MAX_DEPTH} levels",
             "playbooks are only a few levels deep; check the indentation")

_TAG = "tag:yaml.org,2002:"
_STANDARD_TAGS = {
    f"{_TAG}str", f"{_TAG}int", f"{_TAG}float", f"{_TAG}bool", f"{_TAG}null",
    f"{_TAG}timestamp", f"{_TAG}map", f"{_TAG}seq",
}


class _Open:
    """A mapping or sequence being filled."""

    __slots__ = ("is_mapping", "pending_key", "value", "where")

    def __init__(self, where: Path_, value: dict[str, Any] | list[Any]) -> None:
        self.where = where
        self.value = value
        self.is_mapping = isinstance(value, dict)
        self.pending_key: str | None = None


_DUPLICATE = "\0duplicate:"


class _Builder:
    """Turns parser events into data and marks, refusing what playbooks must not contain.

    This runs once per event of every file: it is written for speed (dispatch on the event's
    type, marks as tuples, plain scalars resolved by their first character).
    """

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.stack: list[_Open] = []
        self.result: Loaded = Loaded(shown, None)
        self.documents = 0
        self.problems: list[Problem] = []

    def feed(self, event: yaml.Event) -> None:
        # Functions looked up on the class: bound methods kept on `self` would make a reference
        # cycle, left for the cycle collector, which loading pauses.
        handler = _HANDLERS.get(type(event))
        if handler is not None:
            handler(self, event)

    def finish(self) -> Loaded:
        if self.problems:
            raise ContentError(self.problems)
        return self.result

    def _fail(self, event: yaml.Event, message: str, hint: str = "") -> None:
        mark = _mark_of(event)
        raise ContentError([Problem(self.shown, mark.line, mark.column,
                                    Severity.ERROR, message, hint)])

    def _document(self, event: yaml.Event) -> None:
        self.documents += 1
        if self.documents > 1:
            self._fail(event, "a file holds one document, this one has several",
                       "remove the '---' line or split the file")

    def _alias(self, event: yaml.AliasEvent) -> None:
        self._fail(event, f"YAML aliases ('*{event.anchor}') are not supported",
                   "write the value out in full")

    def _node(self, event: yaml.NodeEvent) -> None:
        if event.anchor is not None:
            self._fail(event, f"YAML anchors ('&{event.anchor}') are not supported",
                       "write each value out in full")
        tag = event.tag  # type: ignore[attr-defined]
        if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
            self._fail(event, f"YAML tag '{tag}' is not supported", "remove the tag")
        start = event.start_mark
        assert start is not None  # the parser marks every event
        mark = Mark(start.line + 1, start.column + 1)
        stack = self.stack
        if not stack:
            where: Path_ = ()
            parent = None
        else:
            parent = stack[-1]
            if parent.is_mapping:
                if parent.pending_key is None:
                    self._key(parent, event, mark)
                    return
                where = (*parent.where, parent.pending_key)
            else:
                where = (*parent.where, len(parent.value))
        self.result.values[where] = mark
        if type(event) is yaml.ScalarEvent:
            self._attach(parent, self._scalar(event))
            return
        if len(stack) >= MAX_DEPTH:
            self._fail(event, *_TOO_DEEP)
        container: dict[str, Any] | list[Any] = (
            {} if type(event) is yaml.MappingStartEvent else []
        )
        self._attach(parent, container)
        stack.append(_Open(where, container))

    def _key(self, parent: _Open, event: yaml.NodeEvent, mark: Mark) -> None:
        if type(event) is not yaml.ScalarEvent:
            self._fail(event, "a key must be a plain name, not a list or a mapping")
        key = event.value  # type: ignore[attr-defined]
        where = (*parent.where, key)
        if key in parent.value:
            first = self.result.keys[where]
            self.problems.append(Problem(
                self.shown, mark.line, mark.column, Severity.ERROR,
                f"duplicate key '{key}' (first at line {first.line})",
                "keep only one of them",
            ))
            key = f"{_DUPLICATE}{mark.line}:{mark.column}"
            where = (*parent.where, key)
        self.result.keys[where] = mark
        parent.pending_key = key

    def _attach(self, parent: _Open | None, value: Any) -> None:
        if parent is None:
            self.result.data = value
        elif parent.is_mapping:
            key = parent.pending_key
            assert key is not None
            if not key.startswith(_DUPLICATE):
                parent.value[key] = value  # type: ignore[call-overload]
            parent.pending_key = None
        else:
            parent.value.append(value)  # type: ignore[union-attr]

    def _close(self, _event: yaml.Event) -> None:
        self.stack.pop()

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        tag, value = event.tag, event.value
        if tag is None:
            if not event.implicit[0] or (value and value[0] not in _MAYBE_NOT_TEXT):
                return self._text(event, value)  # quoted, or cannot be anything but text
            return self._plain(event, value)
        kind = tag.removeprefix(_TAG)
        if tag == "!" or kind in ("str", "timestamp"):  # YAML 1.2 has no dates: text
            return self._text(event, value)
        if kind == "int" and _CORE_NUMBER.fullmatch(value) and "." not in value:
            return Number(value)
        if kind == "float" and _CORE_NUMBER.fullmatch(value):
            return Number(value)
        if kind == "bool" and value in _CORE_BOOL:
            return _CORE_BOOL[value]
        if kind == "null" and value in _CORE_NULL:
            return None
        self._fail(event, f"'{value}' is not a valid {kind}", "remove the tag to keep it as text")
        return None  # pragma: no cover - _fail raises

    def _plain(self, event: yaml.ScalarEvent, value: str) -> Any:
        if value in _CORE_NULL:
            return None
        if value in _CORE_BOOL:
            return _CORE_BOOL[value]
        if _CORE_NUMBER.fullmatch(value):
            return Number(value)
        return self._text(event, value)

    def _text(self, event: yaml.ScalarEvent, value: str) -> str:
        if value.isprintable():  # no control character: most values, checked at C speed
            return value
        control = _CONTROL.search(value)
        if control is not None:
            self._fail(event, f"control character U+{ord(control.group()):04X} in the text",
                       "remove it; write a line break as a new line")
        return value


_HANDLERS: dict[type, Callable[[_Builder, Any], None]] = {
    yaml.ScalarEvent: _Builder._node, yaml.MappingStartEvent: _Builder._node,
    yaml.SequenceStartEvent: _Builder._node, yaml.MappingEndEvent: _Builder._close,
    yaml.SequenceEndEvent: _Builder._close, yaml.AliasEvent: _Builder._alias,
    yaml.DocumentStartEvent: _Builder._document,
}


def _mark_of(event: yaml.Event) -> Mark:
    mark = event.start_mark
    return Mark(mark.line + 1, mark.column + 1) if mark is not None else Mark(1, 1)
