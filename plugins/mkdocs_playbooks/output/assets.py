"""The browser assets: one stylesheet, and one script bundled from small files.

The script's parts (`assets/js/`) are classic scripts that also load in Node for the unit tests:
each pure part ends with `if (typeof module !== "undefined") module.exports = {…}`. For the
browser they are joined, in `SCRIPT_PARTS` order, inside one function whose `module` parameter is
undefined, so the parts share one private scope, set no global and need no build step: the site
works from disk. The bundle is served compacted (the budget is 10 KB gzip for script and
stylesheet together): each part without its Node export, its comments and the blanks that
JavaScript does not need; line breaks are kept, so automatic semicolon insertion reads the code as
written. The stylesheet is served without its comments and the blanks CSS does not need.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

ASSETS_DIR = Path(__file__).parent.parent / "assets"
SCRIPT_DIR = ASSETS_DIR / "js"
STYLESHEET = ASSETS_DIR / "playbooks.css"

CSS_URI = "assets/playbooks/playbooks.css"
JS_URI = "assets/playbooks/playbooks.js"
"""Where the site serves them, relative to its root."""

SCRIPT_PARTS = (
    "dom.js",  # page helpers: find, build (text, never HTML), download, notices, events
    "words.js",  # pure: templates filled, singular or plural as i18n.py
    "progress-doc.js",  # pure: the progress document, read strictly and merged
    "storage.js",  # the only code touching localStorage
    "scoring.js",  # pure: shown scores and levels, result documents, as scoring.py and results.py
    "share.js",  # pure: share links, as share.py
    "radar.js",  # pure: the radar's geometry, its SVG built by a given `make`
    "csv.js",  # pure: CSV cells quoted, spreadsheet formulas neutralised
    "checklists.js",  # boxes, progress bars, recommended plays' progress
    "transfer.js",  # the progress page: export, import, reset
    "results.js",  # results, cards, action plan, calculation, attempts compared, exports
    "assessment.js",  # the assessment page: data, answers, progress, results asked, share link
    "main.js",  # the wiring: listeners, and a start for every page
)
"""The script's files, dependencies first; the parts marked pure load alone in Node."""

NODE_EXPORT = 'if (typeof module !== "undefined")'
"""How a pure part's last statement starts: its exports for Node, dead code in the browser."""


@cache
def script_bundle() -> str:
    """The script as served: every part, in order, in one private scope, compacted."""
    parts = "".join(f"// ---- {name}\n{_for_the_browser(name)}" for name in SCRIPT_PARTS)
    return (
        "// mkdocs-playbooks: checklists and self-assessments, kept in this browser.\n"
        '(function (module) {\n"use strict";\n' + parts + "})();\n"
    )


def _for_the_browser(name: str) -> str:
    source = (SCRIPT_DIR / name).read_text(encoding="utf-8")
    export = source.find(NODE_EXPORT)
    return compact(source[:export] if export >= 0 else source)


_WORD = re.compile(r"[\w$\u0080-\uffff]")
_WORD_RUN = re.compile(r"[\w$\u0080-\uffff]+")
_REGEX_AFTER_WORD = {"return", "typeof", "case", "do", "else", "in", "of", "void", "delete",
                     "new", "throw", "yield", "await", "instanceof"}
"""Words after which a `/` starts a regular expression rather than a division."""


class _Compactor:
    """A JavaScript reader just good enough for the project's own parts: strings, template
    literals (with `${…}` nested), regular expressions and comments are told apart, so that
    only comments and blanks are dropped. Where a line break or a blank was, one is kept if the
    code needs it: a line break always (for automatic semicolon insertion), a blank between two
    words and between `+ +`, `- -` or `/ /`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.blank = ""  # "", " " or "\n": what separated the last token from the next
        self.last = ""  # the last character written
        self.word = ""  # the last token, when it was a word
        self.templates: list[int] = []  # for each `${` open: the depth of braces within it

    def token(self, text: str, *, word: bool = False) -> None:
        if self.out and self.blank:
            joined = self.last + text[0]
            if self.blank == "\n":
                self.out.append("\n")
            elif (_WORD.match(self.last) and _WORD.match(text[0])) or joined in ("++", "--", "//"):
                self.out.append(" ")
        self.out.append(text)
        self.blank, self.last, self.word = "", text[-1], text if word else ""

    def regex_may_start(self) -> bool:
        if self.word:
            return self.word in _REGEX_AFTER_WORD
        return not self.out or self.last in "(,=:[!&|?{};+-*%<>~^\n"

    def run(self) -> str:
        source, at = self.source, 0
        while at < len(source):
            at = self.step(source, at)
        return "".join(self.out) + "\n"

    def step(self, source: str, at: int) -> int:
        char = source[at]
        if char in " \t\r\n":
            if char == "\n" or not self.blank:
                self.blank = "\n" if char == "\n" else " "
            return at + 1
        if source.startswith("//", at):
            end = source.find("\n", at)
            return len(source) if end < 0 else end
        if source.startswith("/*", at):
            self.blank = self.blank or " "
            return source.index("*/", at) + 2
        if char in "'\"":
            return self.literal(at, self.string_end(source, at))
        if char == "`" or (char == "}" and self.templates and self.templates[-1] == 0):
            if char == "}":
                self.templates.pop()
            return self.literal(at, self.template_end(source, at + 1))
        if char in "{}":
            if self.templates:
                self.templates[-1] += 1 if char == "{" else -1
            self.token(char)
            return at + 1
        if char == "/" and self.regex_may_start():
            return self.literal(at, self.regex_end(source, at))
        word = _WORD_RUN.match(source, at)
        if word:
            self.token(word.group(), word=True)
            return word.end()
        self.token(char)
        return at + 1

    def literal(self, start: int, end: int) -> int:
        self.token(self.source[start:end])
        return end

    @staticmethod
    def string_end(source: str, at: int) -> int:
        quote, at = source[at], at + 1
        while source[at] != quote:
            at += 2 if source[at] == "\\" else 1
        return at + 1

    def template_end(self, source: str, at: int) -> int:
        while True:
            if source[at] == "\\":
                at += 2
            elif source[at] == "`":
                return at + 1
            elif source.startswith("${", at):
                self.templates.append(0)
                return at + 2
            else:
                at += 1

    @staticmethod
    def regex_end(source: str, at: int) -> int:
        at, in_class = at + 1, False
        while source[at] != "/" or in_class:
            if source[at] == "\\":
                at += 1
            elif source[at] in "[]":
                in_class = source[at] == "["
            at += 1
        flags = _WORD_RUN.match(source, at + 1)
        return flags.end() if flags else at + 1


def compact(source: str) -> str:
    """JavaScript without its comments and the blanks it does not need (see `_Compactor`)."""
    return _Compactor(source).run()


@cache
def stylesheet() -> str:
    """The stylesheet as served: without its comments, and without the blanks around `{`, `}`,
    `;`, `,` and `>` or after `:` (so not between a selector's parts, nor within `calc()`)."""
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.DOTALL)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    css = re.sub(r":\s+", ":", css).replace(";}", "}")
    return css.replace("}", "}\n").strip() + "\n"
