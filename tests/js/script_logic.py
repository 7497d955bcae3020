"""The script's parts read as code: the names each uses without declaring them (what
`tests/test_script.py` holds against each part's header), and how much of the logic that needs
no page runs under Node's tests.

    python -m tests.js.script_logic     # the share of the no-page logic under Node's tests

The reading is lexical, with the bundler's own tokenizer (`assets._Compactor`): a part's names
are those it declares anywhere (a `const`, `let`, `function`, `class`, parameter or `catch`);
every other word in the place of a value (not after a `.`, not an object's key) is a name it
uses, so it must be a global or come from a part its header names.

**The measure.** A line of code (one with a word or a literal) *draws or listens* when it names
something of the page: a browser global (`PAGE_GLOBALS`), a name given by a part that draws or
listens (one that uses such a global or such a part), or an element's member (`DOM_MEMBERS`).
Every other line is logic that needs no page. It is *under Node's tests* when V8's coverage of
`node --test tests/js/` saw it run. The share is the second count over the first; a line that
draws and computes at once counts as drawing.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mkdocs_playbooks.output.assets import SCRIPT_DIR, ScriptPart, _Compactor, script_parts

REPO = Path(__file__).resolve().parents[2]

KEYWORDS = frozenset((
    "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
    "default", "delete", "do", "else", "export", "extends", "false", "finally", "for", "function",
    "if", "import", "in", "instanceof", "let", "new", "null", "of", "return", "static", "super",
    "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield"
))

JS_GLOBALS = frozenset((
    "Array", "Boolean", "Date", "Error", "Infinity", "Intl", "JSON", "Map", "Math", "NaN",
    "Number", "Object", "Promise", "RegExp", "Set", "String", "Symbol", "TextEncoder",
    "TypeError", "URL", "URLSearchParams", "Uint8Array", "globalThis", "undefined"
))
"""What ECMAScript (and `URL`, `URLSearchParams`, `TextEncoder`, which Node and browsers both
have) gives a part."""

PAGE_GLOBALS = frozenset((
    "Blob", "CustomEvent", "Element", "HTMLElement", "HTMLScriptElement", "__md_scope", "crypto",
    "document", "document$", "localStorage", "location", "navigator", "setTimeout", "window"
))
"""What only a browser's page gives: a part that names one draws or listens."""

DOM_MEMBERS = frozenset((
    "append", "before", "checked", "classList", "click", "closest", "cloneNode", "dataset",
    "files", "firstChild", "focus", "hidden", "open", "value", "insertAdjacentElement", "matches",
    "nextElementSibling", "parentNode", "preventDefault", "remove", "replaceChildren", "select",
    "setAttribute", "getAttribute", "style", "tabIndex", "textContent"
))
"""An element's members: a line that reads or sets one draws."""


@dataclass(frozen=True)
class Token:
    """A word, a punctuation mark or a literal (string, template piece, regular expression)."""

    text: str
    word: bool
    at: int


class _Tokenizer(_Compactor):
    """The bundler's compactor, keeping each token and where it starts instead of the text."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.found: list[Token] = []
        self.at = 0

    def step(self, source: str, at: int) -> int:
        self.at = at
        return super().step(source, at)

    def token(self, text: str, *, word: bool = False) -> None:
        super().token(text, word=word)
        self.found.append(Token(text, word, self.at))


def tokens(source: str) -> list[Token]:
    """The tokens of JavaScript `source`, comments and blanks left out."""
    tokenizer = _Tokenizer(source)
    tokenizer.run()
    return tokenizer.found


def _is_name(token: Token) -> bool:
    return token.word and token.text not in KEYWORDS and not token.text[0].isdigit()


_OPEN, _CLOSE = "([{", ")]}"


def _closing(found: list[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(found)):
        text = found[index].text
        depth += (text in _OPEN) - (text in _CLOSE)
        if depth == 0:
            return index
    return len(found) - 1


def _opening(found: list[Token], end: int) -> int:
    depth = 0
    for index in range(end, -1, -1):
        text = found[index].text
        depth += (text in _CLOSE) - (text in _OPEN)
        if depth == 0:
            return index
    return 0


def _after_dot(found: list[Token], index: int) -> bool:
    """Whether the token is a member (`a.b`, `a?.b`), not a spread (`...b`)."""
    before = [token.text for token in found[max(0, index - 3):index]]
    return before[-1:] == ["."] and before != [".", ".", "."]


def _pattern(found: list[Token], start: int) -> set[str]:
    """The names bound by the pattern or parameters opening at `start`: not keys, not defaults."""
    names: set[str] = set()
    depth, default_at = 0, None
    for index in range(start + 1, _closing(found, start)):
        token = found[index]
        if token.text in _OPEN or token.text in _CLOSE:
            depth += 1 if token.text in _OPEN else -1
            if default_at is not None and depth < default_at:
                default_at = None
        elif default_at is not None:
            if token.text == "," and depth == default_at:
                default_at = None
        elif token.text == "=":
            default_at = depth
        elif _is_name(token) and not _after_dot(found, index) and found[index + 1].text != ":":
            names.add(token.text)
    return names


def _declarators(found: list[Token], index: int) -> set[str]:
    """The names a `const`, `let` or `var` whose first target is at `index` declares."""
    names: set[str] = set()
    while index < len(found):
        target = found[index]
        if target.text in "{[":
            names |= _pattern(found, index)
            index = _closing(found, index) + 1
        else:
            names.add(target.text)
            index += 1
        depth = 0
        while index < len(found):
            token = found[index]
            if token.text in _CLOSE and depth == 0:
                return names
            depth += (token.text in _OPEN) - (token.text in _CLOSE)
            if depth == 0 and (token.text == ";" or (token.word and token.text in ("of", "in"))):
                return names
            index += 1
            if depth == 0 and token.text == ",":
                break
    return names


def _arrow(found: list[Token], index: int) -> bool:
    after = found[index + 1] if index + 1 < len(found) else None
    return found[index].text == "=" and after is not None and after.text == ">" \
        and after.at == found[index].at + 1


def bound_names(found: list[Token]) -> set[str]:
    """Every name the code declares, at any depth."""
    names: set[str] = set()
    for index, token in enumerate(found):
        after = found[index + 1] if index + 1 < len(found) else token
        if token.text in ("const", "let", "var") and token.word:
            names |= _declarators(found, index + 1)
        elif token.text in ("function", "class") and token.word:
            params = index + 1 + _is_name(after)
            if _is_name(after):
                names.add(after.text)
            if token.text == "function" and found[params].text == "(":
                names |= _pattern(found, params)
        elif token.text == "catch" and after.text == "(":
            names |= _pattern(found, index + 1)
        elif _arrow(found, index):
            before = found[index - 1]
            if _is_name(before):
                names.add(before.text)
            elif before.text == ")":
                names |= _pattern(found, _opening(found, index - 1))
    return names


def used_names(found: list[Token]) -> Iterator[tuple[str, int]]:
    """Each word in the place of a value, with where it is: not a member, not an object's key."""
    for index, token in enumerate(found):
        if not _is_name(token) or _after_dot(found, index):
            continue
        before = found[index - 1].text if index else ""
        after = found[index + 1].text if index + 1 < len(found) else ""
        if after == ":" and before in ("{", ","):
            continue
        yield token.text, token.at


def top_level_names(source: str) -> list[str]:
    """The names a part declares at its top level (at the start of a line, as the style has it)."""
    return re.findall(r"^(?:async )?(?:function|const|let|class) ([\w$]+)", source, re.MULTILINE)


@dataclass(frozen=True)
class PartCode:
    """A part's header and what its code names."""

    part: ScriptPart
    source: str
    found: list[Token]
    free: dict[str, int]
    """Each name the part uses but does not declare, with the line it first does so."""

    def line_of(self, at: int) -> int:
        return self.source.count("\n", 0, at) + 1


def read_code(part: ScriptPart, folder: Path = SCRIPT_DIR) -> PartCode:
    source = (folder / part.name).read_text(encoding="utf-8")
    found = tokens(source)
    bound = bound_names(found)
    free: dict[str, int] = {}
    for name, at in used_names(found):
        if name not in bound:
            free.setdefault(name, source.count("\n", 0, at) + 1)
    return PartCode(part, source, found, free)


def undeclared(code: PartCode) -> list[str]:
    """What a part's header fails to say: names used but not declared, declared but not used,
    given but not its own: each as `file:line: what (how to fix)`."""
    name, used = code.part.name, code.part.used_names()
    problems = [f"{name}:{line}: uses {word}, which is no global and which its header does not "
                f"declare (add it to a `// uses PART.js:` line, or declare it in {name})"
                for word, line in code.free.items()
                if word not in used | JS_GLOBALS | PAGE_GLOBALS]
    problems += [f"{name}:1: its header says it uses {word}, which its code does not "
                 f"(remove it from the `// uses` line)" for word in sorted(used - set(code.free))]
    own = set(top_level_names(code.source))
    problems += [f"{name}:1: its header gives {word}, which it does not declare at its top level "
                 f"(declare it, or remove it from `// gives`)"
                 for word in code.part.gives if word not in own]
    return problems


def _assigned(found: list[Token], index: int) -> bool:
    """Whether the token at `index` is assigned to (`=`, `+=`, `??=`…), not compared (`==`)."""
    rest = [token.text for token in found[index + 1:index + 4]]
    while rest and rest[0] in "+-*/%&|?":
        rest = rest[1:]
    return rest[:1] == ["="] and rest[1:2] not in (["="], [">"])


def writes_to_others(code: PartCode) -> list[str]:
    """Where a part changes an object another part gives: a member set (`assessment.one = …`) or
    fields added (`Object.assign(assessment, …)`). Only the part that declares an object changes
    it; another asks it to (a function it gives)."""
    others, found = code.part.used_names(), code.found
    problems = []
    for index, token in enumerate(found[:-2]):
        if token.text not in others or _after_dot(found, index):
            continue
        member = found[index + 1].text == "." and _assigned(found, index + 2)
        assign = [t.text for t in found[max(0, index - 4):index]] == ["Object", ".", "assign", "("]
        if member or assign:
            problems.append(f"{code.part.name}:{code.line_of(token.at)}: changes {token.text}, "
                            f"which another part gives (give a function that changes it there)")
    return problems


def shadowing(codes: list[PartCode]) -> list[str]:
    """The names a part declares (at any depth) that another part declares at its top level: the
    parts share one scope, so such a name would mean two things and hide a use from `undeclared`."""
    owner = {word: code.part.name for code in codes for word in top_level_names(code.source)}
    return [f"{code.part.name}: declares {word}, which {owner[word]} declares at its top level "
            f"(the parts share one scope: rename one)"
            for code in codes for word in sorted(bound_names(code.found))
            if owner.get(word, code.part.name) != code.part.name]


def page_parts(codes: Iterable[PartCode]) -> set[str]:
    """The parts that draw or listen: those naming a page global, or using such a part."""
    page: set[str] = set()
    for code in codes:  # in the bundle's order: a part's sources come before it
        if PAGE_GLOBALS & set(code.free) or any(source in page for source, _ in code.part.uses):
            page.add(code.part.name)
    return page


def _declarations(code: PartCode) -> dict[str, range]:
    """Each top-level declaration's lines: from its own to the next line that starts a statement."""
    lines = code.source.splitlines()
    spans: dict[str, range] = {}
    for number, line in enumerate(lines, start=1):
        declared = re.match(r"(?:async )?(?:function|const|let|class) ([\w$]+)", line)
        if not declared:
            continue
        end = next((n for n in range(number + 1, len(lines) + 1)
                    if lines[n - 1][:1] not in ("", " ", "}", ")", "]")), len(lines) + 1)
        spans[declared[1]] = range(number, end)
    return spans


def _page_lines(code: PartCode, page: set[str]) -> set[int]:
    """The lines that name something of the page: a page name in the place of a value, or an
    element's member."""
    lines = {code.line_of(at) for word, at in used_names(code.found) if word in page}
    return lines | {code.line_of(token.at) for index, token in enumerate(code.found)
                    if token.text in DOM_MEMBERS and _after_dot(code.found, index)}


def page_names(codes: list[PartCode]) -> set[str]:
    """The page's globals, and every top-level name whose declaration names one of them (or an
    element's member, or another such name): what draws or listens."""
    page, grown = set(PAGE_GLOBALS), True
    while grown:
        grown = False
        for code in codes:
            drawing = _page_lines(code, page)
            for name, span in _declarations(code).items():
                if name not in page and drawing.intersection(span):
                    page.add(name)
                    grown = True
    return page


@dataclass(frozen=True)
class Lines:
    """A part's lines of code by kind: line numbers."""

    code: set[int]
    logic: set[int]
    """The lines of code that need no page."""


def classify(code: PartCode, page: set[str]) -> Lines:
    """A line of code draws when it names something of the page, or declares what draws."""
    all_lines = {code.line_of(token.at) for token in code.found
                 if token.word or token.text[0] in "'\"`/"}
    drawing = _page_lines(code, page)
    drawing |= {span.start for name, span in _declarations(code).items() if name in page}
    return Lines(all_lines, all_lines - drawing)


COVERAGE_PREFIX = len('"use strict";')
"""What `tests/js/fixtures.js` puts before a part's source when it loads it."""


def node_coverage(folder: Path) -> dict[str, set[int]]:
    """For each part, the lines V8 saw run in `node --test tests/js/` (coverage in `folder`)."""
    ran: dict[str, list[tuple[int, int, int]]] = {}
    for file in folder.glob("*.json"):
        for script in json.loads(file.read_text(encoding="utf-8"))["result"]:
            url = script["url"]
            if not url.startswith(SCRIPT_DIR.as_uri() + "/"):
                continue
            ranges = ran.setdefault(url.rsplit("/", 1)[1], [])
            for function in script["functions"]:
                ranges.extend((r["startOffset"], r["endOffset"], r["count"])
                              for r in function["ranges"])
    return {name: _lines_run(name, ranges) for name, ranges in ran.items()}


def _lines_run(name: str, ranges: list[tuple[int, int, int]]) -> set[int]:
    """The lines whose first character's innermost range ran (in any of the test processes)."""
    source = (SCRIPT_DIR / name).read_text(encoding="utf-8")
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    lines: set[int] = set()
    for number, start in enumerate(starts, start=1):
        text = source[start:starts[number]] if number < len(starts) else source[start:]
        at = start + len(text) - len(text.lstrip()) + COVERAGE_PREFIX
        if _runs(at, ranges):
            lines.add(number)
    return lines


def _runs(at: int, ranges: list[tuple[int, int, int]]) -> bool:
    inner = [(end - start, count) for start, end, count in ranges if start <= at < end]
    return any(count > 0 for size, count in inner if size == min(size for size, _ in inner))


def run_node_tests(coverage: Path, answers: Path) -> subprocess.CompletedProcess[str]:
    """`node --test tests/js/`, with V8's coverage written into `coverage` and what the tests ask
    Python kept in `answers` for the run (fixtures.js's `python`)."""
    env = {**os.environ, "PYTHON": sys.executable, "NODE_V8_COVERAGE": str(coverage),
           "PYTHON_ANSWERS": str(answers)}
    return subprocess.run(["node", "--test", "--test-reporter=spec", "tests/js/"], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=300, check=False)


@dataclass(frozen=True)
class Share:
    """A part's lines: of code, of logic needing no page, of those run by Node's tests."""

    name: str
    code: int
    logic: int
    tested: int
    run: int
    """Lines of code (of any kind) that Node's tests run."""


def shares(coverage: Path) -> list[Share]:
    codes = [read_code(part) for part in script_parts()]
    page, ran = page_names(codes), node_coverage(coverage)
    rows = []
    for code in codes:
        lines, run = classify(code, page), ran.get(code.part.name, set())
        rows.append(Share(code.part.name, len(lines.code), len(lines.logic),
                          len(lines.logic & run), len(lines.code & run)))
    return rows


def report(rows: list[Share]) -> str:
    out = [f"{'part':20} {'code':>5} {'logic':>6} {'tested':>7}"]
    out += [f"{row.name:20} {row.code:5} {row.logic:6} {row.tested:7}" for row in rows]
    code, logic = sum(row.code for row in rows), sum(row.logic for row in rows)
    tested, run = sum(row.tested for row in rows), sum(row.run for row in rows)
    out.append(f"{'all':20} {code:5} {logic:6} {tested:7}")
    out.append(f"logic that needs no page, under Node's tests: {tested}/{logic} lines "
               f"({tested / logic:.0%}); lines of code run only in a browser: "
               f"{code - run}/{code} ({(code - run) / code:.0%})")
    return "\n".join(out)


def main() -> None:
    with tempfile.TemporaryDirectory() as coverage, tempfile.TemporaryDirectory() as answers:
        run = run_node_tests(Path(coverage), Path(answers))
        if run.returncode != 0:
            sys.exit(run.stdout[-5000:] + run.stderr[-5000:])
        print(report(shares(Path(coverage))))


if __name__ == "__main__":
    main()
