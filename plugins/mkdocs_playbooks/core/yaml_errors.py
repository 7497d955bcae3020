"""libyaml's syntax errors told as the author's mistake: where, what, and the fix in the author's
own words (their line, quoted; the key to line up with).

libyaml says what its parser expected ("did not find expected key"); authors made a mistake of
indentation, quoting or punctuation. Each known message is matched to that mistake; any other
keeps libyaml's words with a general hint, so no message reaches a user without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s#'\"\[\]{}:-][^:#]*?):(?:\s|$)")
_ITEM_LINE = re.compile(r"^(?P<indent> *)- ")


@dataclass(frozen=True)
class Explained:
    """Where the mistake is (1-based), what it is, and how to fix it."""

    line: int
    column: int
    message: str
    hint: str


@dataclass(frozen=True)
class _Line:
    number: int
    text: str

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def key(self) -> tuple[str, int] | None:
        """The key of this line and its column (1-based), for `key:` and `- key:` lines."""
        found = _KEY_LINE.match(self.text)
        if found is None:
            return None
        column = len(found.group("indent")) + len(found.group("dash") or "") + 1
        return found.group("key").strip(), column

    @property
    def is_item(self) -> bool:
        return _ITEM_LINE.match(self.text) is not None


def explain(problem: str, context: str, line: int, column: int, *, lines: list[str],
            context_at: tuple[int, int] | None = None) -> Explained:
    """The author's mistake behind libyaml's `context` + `problem` at `line`, `column`."""
    said = f"{context} {problem}".strip()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in said or "\t" in text[:column]:
        return Explained(line, column, "a tab in the indentation",
                         "indent with spaces: YAML does not allow tabs there")
    if "quoted scalar" in said and "end of stream" in said and context_at:
        return Explained(*context_at, "a quote is opened and never closed",
                         "close it with the same quote mark at the end of the value")
    if "unknown escape character" in said:
        return Explained(line, column, "a backslash in double quotes starts an escape",
                         "write \\\\ for a backslash, or use single quotes: 'C:\\dossier'")
    if "cannot start any token" in said:
        return _cannot_start(line, column, text)
    if "flow mapping" in said or "flow sequence" in said:
        return _flow(line, column, text, said)
    if "block sequence entries are not allowed" in said:
        return Explained(line, column, "a list item '- ' must start its own line",
                         "write the key alone, then each item on the next lines as `  - …`")
    if "anchor" in said or "alias" in said:
        return Explained(line, column, "'&' and '*' start YAML anchors and aliases",
                         "put the text in quotes")
    if "block scalar" in said:
        return Explained(line, column, "after '|' or '>' only '-', '+' or a digit may follow",
                         "start the text on the next line, indented")
    return _structure(said, line, column, lines)


def _cannot_start(line: int, column: int, text: str) -> Explained:
    character = text[column - 1] if 0 < column <= len(text) else "?"
    before, value = text[:column - 1].strip(), text[column - 1:].strip()
    return Explained(line, column, f"a YAML value cannot start with '{character}'",
                     f'put it in quotes, as in: {before} "{value}"')


def _flow(line: int, column: int, text: str, said: str) -> Explained:
    closer = "}" if "mapping" in said else "]"
    opener = "{" if closer == "}" else "["
    start = max(text.rfind(opener, 0, column), text.rfind(",", 0, column - 1))
    end = min((at for at in (text.find(",", column - 1), text.find(closer, column - 1))
               if at >= 0), default=len(text))
    key, sep, value = text[start + 1:end].strip().partition(": ")
    if sep and value:
        return Explained(line, column, f"inside `{opener} {closer}`, this value holds ': ' or ','",
                         f'put it in quotes, as in: {key}: "{value}"')
    return Explained(line, column, f"a `{opener}` is not closed with `{closer}`, or an item holds "
                     "': ' or ','", f"close it with `{closer}`, or put the item in quotes")


def _structure(said: str, line: int, column: int, lines: list[str]) -> Explained:
    """Indentation, missing ': ' and unquoted ': ' — told apart by the lines around."""
    numbered = [_Line(n, text) for n, text in enumerate(lines[:line], start=1)]
    here = numbered[-1] if numbered else _Line(line, "")
    before = [ln for ln in numbered[:-1] if ln.text.strip() and not ln.text.lstrip()
              .startswith("#")]
    previous = before[-1] if before else None
    if previous is not None and previous.key is None and not previous.is_item \
            and "mapping values are not allowed" in said:
        key, _, value = previous.text.strip().partition(" ")
        return Explained(previous.number, previous.indent + 1,
                         f"line {previous.number} has no ': ' after its key",
                         f"write `{key}: {value}`" if value else "write `key: value`")
    aligned = _line_up(here, before)
    if aligned is not None:
        return Explained(line, here.indent + 1, "the indentation does not match the lines above",
                         aligned)
    if "mapping values are not allowed" in said:
        key, _, value = here.text.strip().partition(": ")
        return Explained(line, column, "text that contains ': ' must be in quotes",
                         f'write `{key}: "{value.strip()}"`')
    return Explained(line, column, f"YAML syntax error: {said}",
                     "check the indentation and the quotes of this line and the one before")


def _line_up(here: _Line, before: list[_Line]) -> str | None:
    """How to indent `here` to match the line it belongs with; None when it already does."""
    if here.is_item:
        item = next((ln for ln in reversed(before) if ln.is_item), None)
        if item is not None and item.indent != here.indent:
            return (f"line up this '- ' with the one on line {item.number} "
                    f"(column {item.indent + 1})")
        return None
    own = here.key
    if own is None:
        return None
    for candidate in reversed(before):
        found = candidate.key
        if found is None:
            continue
        if found[1] != own[1]:
            return (f"line up `{own[0]}:` with `{found[0]}:` on line {candidate.number} "
                    f"(column {found[1]})")
        return None
    return None
