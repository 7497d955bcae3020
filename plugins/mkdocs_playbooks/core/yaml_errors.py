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
    quote = _closed_too_early(line, column, text, lines)
    if quote is not None:
        return quote
    dash = _dash_without_space(line, lines)
    if dash is not None:
        return dash
    if "flow mapping" in said or "flow sequence" in said:
        if context_at is not None and context_at[0] < line:  # opened on a line above
            closer = "}" if "mapping" in said else "]"
            return Explained(*context_at, f"this `{'{' if closer == '}' else '['}` is not "
                             f"closed with `{closer}` on its line",
                             f"close it at the end of the line with `{closer}`")
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
    return _missing_colon(said, line, lines, context_at) or _structure(said, line, column, lines)


def _cannot_start(line: int, column: int, text: str) -> Explained:
    character = text[column - 1] if 0 < column <= len(text) else "?"
    before, value = text[:column - 1].strip(), text[column - 1:].strip()
    return Explained(line, column, f"a YAML value cannot start with '{character}'",
                     f'put it in quotes, as in: {before} "{value}"')


_QUOTE_INSIDE = {
    "'": "inside single quotes, write an apostrophe twice (`{word}`), or put the text in "
         "double quotes",
    '"': 'inside double quotes, write a quote as `\\"` (`{word}`), or put the text in single '
         "quotes",
}
_WORD_AROUND = re.compile(r"[^\s'\"]*")


_DASH_WITHOUT_SPACE = re.compile(r"^ *-(?=[A-Za-z_][\w-]*:(\s|$)|[{\[\"'])")
"""`-id: x`, `-{id: x}`: a key or a value right after a '-', where a list item was meant."""


def _closed_too_early(line: int, column: int, text: str, lines: list[str]) -> Explained | None:
    """Text right after the quote that closes a quoted value: the quote (an apostrophe, a
    quotation mark) was meant to be part of the text, or the value's own quote was left open on
    a line above and this is the next quote of the file."""
    at = column - 2  # the character before the one libyaml stopped at, 0-based
    if not 0 <= at < len(text) or text[at] not in _QUOTE_INSIDE:
        return None
    quote = text[at]
    opening = text.rfind(quote, 0, at)
    if opening < 0:
        return _opened_above(line, quote, lines)
    before = text[:opening].rstrip()
    if at == len(text) - 1 or not before.endswith((":", "-", "[", "{", ",")):
        return None
    left = _WORD_AROUND.fullmatch(text[opening + 1:at].rsplit(" ", 1)[-1])
    right = _WORD_AROUND.match(text, at + 1)
    escaped = "''" if quote == "'" else '\\"'
    word = (left.group() if left else "") + escaped + (right.group() if right else "")
    return Explained(line, at + 1, f"the quote that opens this value at column {opening + 1} "
                     "closes here, before the end of the text",
                     _QUOTE_INSIDE[quote].format(word=word))


def _dash_without_space(line: int, lines: list[str]) -> Explained | None:
    """`-id: x` on this line or the one above: a list item without the space after its '-'
    (YAML reads `-id` as a key, and stops at the line after)."""
    numbered = _significant([_Line(n, text) for n, text in enumerate(lines[:line], start=1)])
    for candidate in reversed(numbered[-2:]):
        dash = _DASH_WITHOUT_SPACE.match(candidate.text)
        if dash is not None:
            at = dash.end() - 1
            item = f"- {candidate.text[at + 1:].strip()}"
            return Explained(candidate.number, at + 1, "a list item needs a space after its '-'",
                             f"write `{item}`")
    return None


def _opened_above(line: int, quote: str, lines: list[str]) -> Explained | None:
    """The quote left open on the nearest line above `line` whose quotes do not pair up: the
    value it opens runs on to the quote that libyaml took for its end, on `line`."""
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        plain = text.replace("''", "") if quote == "'" else text.replace('\\"', "")
        if plain.lstrip().startswith("#") or plain.count(quote) % 2 == 0:
            continue
        column = text.rfind(quote) + 1
        return Explained(number, column, f"a quote is opened here and not closed on its line: "
                         f"the text runs on to the next {quote} on line {line}",
                         "close it with the same quote mark at the end of the value")
    return None


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


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_COMMENT = re.compile(r"(^|\s+)#.*$")


def _missing_colon(said: str, line: int, lines: list[str],
                   context_at: tuple[int, int] | None) -> Explained | None:
    """A key written without its ': ', told at its own line. libyaml only notices it on a later
    line (where a key or an item follows), in its words: "could not find expected ':'" (its
    context marks the key), "did not find expected '-' indicator" or "mapping values are not
    allowed" (after `- key value`), "did not find expected <document start>" (after a first key
    without ': ')."""
    numbered = [_Line(n, text) for n, text in enumerate(lines[:line], start=1)]
    before = _significant(numbered[:-1])
    suspect: _Line | None = None
    if "could not find expected ':'" in said and "simple key" in said and context_at:
        at = context_at[0]
        suspect = numbered[at - 1] if 0 < at <= len(numbered) else None
        others = _significant(numbered[:at - 1]) if suspect is not None else []
        if suspect is not None and not _aligned_with_a_key(suspect, others):
            return None  # a line of text out of place: the indentation is the mistake
    elif ("expected '-' indicator" in said or "mapping values are not allowed" in said) \
            and before and numbered:
        here, previous = numbered[-1], before[-1]
        own = here.key
        if previous.is_item and own is not None and own[1] == _content_column(previous):
            suspect = previous
    elif "expected <document start>" in said and before and before[-1].indent == 0 \
            and not before[-1].is_item:
        suspect = before[-1]
    if suspect is None or suspect.key is not None:
        return None
    return _no_colon(suspect)


def _significant(lines: list[_Line]) -> list[_Line]:
    """The lines that hold something: not blank, not a comment."""
    return [ln for ln in lines if ln.text.strip() and not ln.text.lstrip().startswith("#")]


def _content_column(line: _Line) -> int:
    """Where the content of a line starts (after `- ` on an item line), 1-based."""
    found = _ITEM_LINE.match(line.text)
    stripped = line.text[found.end():] if found else line.text.lstrip(" ")
    return len(line.text) - len(stripped) + 1


def _aligned_with_a_key(line: _Line, before: list[_Line]) -> bool:
    """Whether `line` starts where the keys of its mapping start: the nearest line above that
    starts no further right is a key at the same column (at the top, there may be none)."""
    column = _content_column(line)
    for candidate in reversed(before):
        found = candidate.key
        start = found[1] if found is not None else _content_column(candidate)
        if start <= column:
            return start == column and found is not None
    return column == 1


def _no_colon(line: _Line) -> Explained | None:
    """`line` read as `key value`: a key followed by its value, the ': ' between them missing."""
    column = _content_column(line)
    content = line.text[column - 1:].strip()
    word = _WORD.match(content)
    if word is None:
        return None
    key, rest = word.group(), content[word.end():]
    if rest and not rest[0].isspace() and rest[0] != ":":
        return None  # not a key followed by a space: something else is wrong
    value = _COMMENT.sub("", rest[1:] if rest.startswith(":") else rest).strip()
    return Explained(line.number, column, f"no ': ' after the key `{key}`",
                     f"write `{key}: {value}`" if value else f"write `{key}:`")


def _structure(said: str, line: int, column: int, lines: list[str]) -> Explained:
    """Indentation, missing ': ' and unquoted ': ' — told apart by the lines around."""
    numbered = [_Line(n, text) for n, text in enumerate(lines[:line], start=1)]
    here = numbered[-1] if numbered else _Line(line, "")
    before = [ln for ln in numbered[:-1] if ln.text.strip() and not ln.text.lstrip()
              .startswith("#")]
    previous = before[-1] if before else None
    if previous is not None and previous.key is None and not previous.is_item \
            and "mapping values are not allowed" in said:
        return _no_colon(previous) or Explained(
            previous.number, previous.indent + 1, "no ': ' after the key on this line",
            "write `key: value`")
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
        return _line_up_text(here, before)
    own = here.key
    if own is None:
        return _line_up_text(here, before)
    for candidate in reversed(before):
        found = candidate.key
        if found is None:
            continue
        if found[1] != own[1]:
            return (f"line up `{own[0]}:` with `{found[0]}:` on line {candidate.number} "
                    f"(column {found[1]})")
        return None
    return None


_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*(\s+#.*)?$")


def _line_up_text(here: _Line, before: list[_Line]) -> str | None:
    """How to indent a line of text that ends a block of text too early (less indented than
    the text above it, and not a key): a line of a `|` or `>` block (even one that reads as a
    list item or a key, `- point` or `mot : suite`), or of a text that goes on over lines."""
    first = _block_text_start(here, before)
    if first is None:
        previous = before[-1] if before else None
        if previous is None or previous.is_item or previous.indent <= here.indent:
            return None
        first = previous
    return (f"a text that goes on over several lines keeps the indentation of its first line: "
            f"indent this one like line {first.number} (column {first.indent + 1})")


def _block_text_start(here: _Line, before: list[_Line]) -> _Line | None:
    """The first line of the `|` or `>` block whose text `here` seems to belong to: the lines
    above it up to the block's header are all indented more than `here`."""
    for at in range(len(before) - 1, -1, -1):
        line = before[at]
        if line.indent > here.indent:
            continue
        if _BLOCK_HEADER.search(line.text.rstrip()) and at + 1 < len(before):
            return before[at + 1]
        return None
    return None
