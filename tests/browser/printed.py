"""A printed page read back from its PDF: where each line of text sits on each sheet, at what
size and how wide, and the rectangles drawn there (boxes to write in, borders).

Chromium (Skia) writes text as Type0 fonts (Identity-H, two bytes a glyph, a ToUnicode map and
glyph widths in /W) and a box's border as a stroked `re`; this reads just that much of a content
stream (`q`/`Q`/`cm`, `BT`…`ET` with `Tf`/`Tm`/`Td`/`Tj`/`TJ`, `re` then `S` or `f`), enough to
check print on what was printed rather than on the style sheet that asked for it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page
from pypdf import PdfReader
from pypdf.generic import ContentStream

MM = 72 / 25.4
"""PDF points in a millimetre."""


@dataclass(frozen=True)
class Run:
    """A piece of text drawn in one go (one font, one line): its left and baseline from the
    sheet's top left, in mm; its size in pt; its width in mm."""

    text: str
    x: float
    y: float
    size: float
    width: float


@dataclass(frozen=True)
class Rect:
    """A drawn rectangle, from the sheet's top left, in mm; `stroked` for a box's outline, else
    filled (a table's collapsed border, a background)."""

    x: float
    y: float
    width: float
    height: float
    stroked: bool


@dataclass
class Sheet:
    """One printed page."""

    number: int
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The text, line by line from the top (runs whose baselines are within 1 mm)."""
        rows: list[list[Run]] = []
        for run in sorted(self.runs, key=lambda r: (r.y, r.x)):
            if rows and abs(rows[-1][0].y - run.y) < 1:
                rows[-1].append(run)
            else:
                rows.append([run])
        return [" ".join(r.text for r in sorted(row, key=lambda r: r.x)) for row in rows]

    def text(self) -> str:
        """The sheet's text with no blanks at all (for finding a passage, however it wraps)."""
        return squeezed("".join(self.lines()))

    def plain(self) -> str:
        """`text` without the markers print adds before a line ("12.", "3)", "•")."""
        return squeezed("".join(" ".join(_unmarked(line.split())) for line in self.lines()))

    def boxes(self, *, min_width: float = 3) -> list[Rect]:
        """The stroked rectangles wider than `min_width` mm: outlines of boxes."""
        return [rect for rect in self.rects if rect.stroked and rect.width >= min_width]


def squeezed(text: str) -> str:
    """`text` without any blank."""
    return "".join(text.split())


def printed(page: Page, paper: str) -> list[Sheet]:
    """`page` printed by Chromium on `paper` ("A4", "Letter"), read back sheet by sheet."""
    return read_pdf(page.pdf(format=paper))


def read_pdf(data: bytes) -> list[Sheet]:
    reader = PdfReader(io.BytesIO(data))
    sheets = []
    for number, pdf_page in enumerate(reader.pages, start=1):
        box = pdf_page.mediabox
        sheet = Sheet(number, float(box.width) / MM, float(box.height) / MM)
        fonts = {str(name): _Font(font.get_object())
                 for name, font in pdf_page["/Resources"].get("/Font", {}).items()}
        _Painter(sheet, fonts, float(box.height)).paint(
            ContentStream(pdf_page.get_contents(), reader).operations)
        sheets.append(sheet)
    return sheets


class _Font:
    """A Type0 font as Skia writes it: two-byte glyph codes, their text and widths."""

    def __init__(self, font: Any) -> None:
        self.unicode: dict[int, str] = {}
        self.widths: dict[int, float] = {}
        self.default_width = 1000.0
        if "/ToUnicode" in font:
            self.unicode = _to_unicode(font["/ToUnicode"].get_object().get_data().decode("latin-1"))
        if "/DescendantFonts" in font:
            descendant = font["/DescendantFonts"][0].get_object()
            self.default_width = float(descendant.get("/DW", 1000))
            self.widths = _widths(descendant.get("/W", []))

    def decode(self, data: bytes) -> tuple[str, float]:
        """The text of `data` and its width in thousandths of the font size."""
        codes = [int.from_bytes(data[n:n + 2], "big") for n in range(0, len(data) - 1, 2)]
        text = "".join(self.unicode.get(code, "\ufffd") for code in codes)
        return text, sum(self.widths.get(code, self.default_width) for code in codes)


def _to_unicode(cmap: str) -> dict[int, str]:
    table: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for start, end, text in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int.from_bytes(bytes.fromhex(text), "big")
            for offset in range(int(end, 16) - int(start, 16) + 1):
                table[int(start, 16) + offset] = chr(first + offset)
    return table


def _widths(array: Any) -> dict[int, float]:
    widths: dict[int, float] = {}
    items = list(array)
    n = 0
    while n < len(items):
        first = int(items[n])
        following = items[n + 1]
        if isinstance(following, list):
            for offset, width in enumerate(following):
                widths[first + offset] = float(width)
            n += 2
        else:
            for code in range(first, int(following) + 1):
                widths[code] = float(items[n + 2])
            n += 3
    return widths


Matrix = tuple[float, float, float, float, float, float]


def _times(m: Matrix, n: Matrix) -> Matrix:
    """m × n, as PDF matrices compose (m applied first)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


class _Painter:
    def __init__(self, sheet: Sheet, fonts: dict[str, _Font], height: float) -> None:
        self.sheet, self.fonts, self.height = sheet, fonts, height
        self.ctm: Matrix = (1, 0, 0, 1, 0, 0)
        self.stack: list[Matrix] = []
        self.text_matrix: Matrix = (1, 0, 0, 1, 0, 0)
        self.line_matrix: Matrix = (1, 0, 0, 1, 0, 0)
        self.font: _Font | None = None
        self.size = 0.0
        self.path: list[tuple[float, float, float, float]] = []
        self.pending: Run | None = None

    def paint(self, operations: list[tuple[Any, bytes]]) -> None:
        for operands, operator in operations:
            handler = getattr(self, "op_" + operator.decode("latin-1").replace("*", "_star"),
                              None)
            if handler is not None:
                handler(*operands)
        self.flush()

    def point(self, x: float, y: float, m: Matrix) -> tuple[float, float]:
        """A point in user space under `m`, as mm from the sheet's top left."""
        a, b, c, d, e, f = m
        return (a * x + c * y + e) / MM, (self.height - (b * x + d * y + f)) / MM

    def op_q(self) -> None:
        self.stack.append(self.ctm)

    def op_Q(self) -> None:  # noqa: N802 (the operator's name)
        self.ctm = self.stack.pop() if self.stack else (1, 0, 0, 1, 0, 0)

    def op_cm(self, *m: float) -> None:
        self.ctm = _times(tuple(map(float, m)), self.ctm)  # type: ignore[arg-type]

    def op_BT(self) -> None:  # noqa: N802
        self.text_matrix = self.line_matrix = (1, 0, 0, 1, 0, 0)

    def op_Tf(self, name: Any, size: float) -> None:  # noqa: N802
        self.font, self.size = self.fonts.get(str(name)), float(size)

    def op_Tm(self, *m: float) -> None:  # noqa: N802
        self.text_matrix = self.line_matrix = tuple(map(float, m))  # type: ignore[assignment]

    def op_Td(self, x: float, y: float) -> None:  # noqa: N802
        self.line_matrix = _times((1, 0, 0, 1, float(x), float(y)), self.line_matrix)
        self.text_matrix = self.line_matrix

    def op_Tj(self, data: Any) -> None:  # noqa: N802
        self.show([data])

    def op_TJ(self, items: Any) -> None:  # noqa: N802
        self.show(list(items))

    def show(self, items: list[Any]) -> None:
        if self.font is None:
            return
        m = _times(self.text_matrix, self.ctm)
        scale = (m[0] ** 2 + m[1] ** 2) ** 0.5
        text, advance = "", 0.0
        for item in items:
            if isinstance(item, (int, float)):
                advance -= float(item)
                continue
            raw = item.original_bytes if hasattr(item, "original_bytes") else bytes(item)
            piece, width = self.font.decode(raw)
            text += piece
            advance += width
        x, y = self.point(0, 0, m)
        self.add(text, x, y, self.size * scale, advance / 1000 * self.size * scale / MM)
        self.text_matrix = _times((1, 0, 0, 1, advance / 1000 * self.size, 0), self.text_matrix)

    def add(self, text: str, x: float, y: float, size: float, width: float) -> None:
        """Glyphs drawn one by one (as Skia does) joined into runs: the next glyph on the same
        baseline, at the same size, where the last one ended."""
        last = self.pending
        if (last is not None and abs(last.y - y) < 0.1 and abs(last.size - size) < 0.01
                and abs(last.x + last.width - x) < 0.5):
            self.pending = Run(last.text + text, last.x, last.y, size, x + width - last.x)
            return
        self.flush()
        self.pending = Run(text, x, y, size, width)

    def flush(self) -> None:
        run = self.pending
        self.pending = None
        if run is not None and run.text.strip():
            self.sheet.runs.append(Run(run.text.strip(), run.x, run.y, run.size, run.width))

    def op_re(self, x: float, y: float, w: float, h: float) -> None:
        self.path.append((float(x), float(y), float(w), float(h)))

    def op_S(self) -> None:  # noqa: N802
        self.draw(stroked=True)

    def op_f(self) -> None:
        self.draw(stroked=False)

    def op_n(self) -> None:
        self.path = []

    def draw(self, *, stroked: bool) -> None:
        for x, y, w, h in self.path:
            (x1, y1), (x2, y2) = self.point(x, y, self.ctm), self.point(x + w, y + h, self.ctm)
            self.sheet.rects.append(Rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1),
                                         stroked))
        self.path = []


def sheets_holding(sheets: list[Sheet], passage: str) -> Iterator[Sheet]:
    """The sheets whose text holds `passage` (blanks aside)."""
    wanted = squeezed(passage)
    return (sheet for sheet in sheets if wanted in sheet.text())


# What a trainer checks on a printed page, each returning what is wrong (empty: nothing).

INTRODUCERS = ("h1, h2, h3, h4, h5, h6, .pb-label, .pb-duration, .pb-dimension-meta, caption, "
               "thead tr, legend, th[scope=rowgroup]")
"""What introduces what follows it: a sheet must not end with one."""
WHOLE = (".pb-facilitator, .pb-question, .pb-sums, .pb-card, .pb-item, "
         ".pb-scores li, .pb-plan > li, .pb-recommendation, .md-typeset tr, .admonition")
"""What must stay on one sheet: notes, questions, a dimension's boxes, cards, one's score
lines and plan steps, rows."""
_MARKER = re.compile(r"^(\d+[.)]|[•◦▪])$")
"""A list's or counter's marker that print adds before a line ("12.", "3)", "•")."""

_LAYOUT_JS = """([introducers, whole]) => {
  const visible = (el) => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden'
    && !el.closest('details:not([open]) > :not(summary)');
  const texts = (el) => { const out = []; const walk = document.createTreeWalker(el, 4);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const p = n.parentElement;
      if (n.data.trim() && p && visible(p) && !p.closest('[aria-hidden=true], .headerlink'))
        out.push(n.data); }
    return out; };
  const pick = (sel) => [...document.querySelectorAll(sel)]
    .filter((el) => el.closest('article') && visible(el));
  return {
    introducers: pick(introducers).map((el) => texts(el).join(' ')),
    whole: pick(whole).map((el) => { if (el.tagName === 'TR') {  // cells' tops: the row's top
        const starts = [...el.cells].map((c) => texts(c)[0] || '').filter((t) => t.trim());
        return [starts[0] || '', starts[starts.length - 1] || '', 'row']; }
      const t = texts(el).join(' '); const kind = whole.split(', ').find((s) => el.matches(s));
      return [t, t, kind]; }),
    tables: pick('table').map((t) => ({
      head: t.tHead ? texts(t.tHead).join(' ') : '',
      rows: [...t.tBodies].flatMap((b) => [...b.rows])
        .filter((r) => r.cells[0] && r.cells[0].tagName === 'TD')
        .map((r) => [...r.cells].map((c) => texts(c).join(' ')))
    })).filter((t) => t.head),
  }; }"""


@dataclass
class Layout:
    """What the page asks of print, read from its elements (not its style sheet)."""

    introducers: list[str]
    whole: list[tuple[str, str, str]]
    tables: list[tuple[str, list[list[str]]]]


def layout(page: Page) -> Layout:
    """The texts of `page`'s introducers, its boxes to keep whole and its tables, as printed."""
    page.emulate_media(media="print")
    data = page.evaluate(_LAYOUT_JS, [INTRODUCERS, WHOLE])
    page.emulate_media(media="null")
    return Layout([t for t in data["introducers"] if t.strip()],
                  [tuple(w) for w in data["whole"] if w[0].strip()],
                  [(t["head"], t["rows"]) for t in data["tables"] if t["rows"]])


def _unmarked(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and _MARKER.match(tokens[0]):
        tokens = tokens[1:]
    return tokens


def lonely_feet(sheets: list[Sheet], shown: Layout, *, located: float = 0.9) -> list[str]:
    """The sheets (but the last) that end with an introducer: a title, a label, a duration, a
    table's caption or header, alone at the foot. Each is found in print order from where the
    one before it was (its start; its length is its text's, however its cells interleave); a
    page whose introducers cannot be found (fewer than `located`) is a problem too."""
    cursor, problems, found = _Cursor(sheets), [], 0
    for text in shown.introducers:
        at = cursor.find(_start(text))
        if at is None:
            continue
        found += 1
        sheet, offset = at
        if sheet + 1 < len(sheets) and offset + len(squeezed(text)) >= len(cursor.texts[sheet]):
            problems.append(f"sheet {sheet + 1} ends with {text!r}")
    if found < located * len(shown.introducers):
        problems.append(f"only {found} of {len(shown.introducers)} titles found in print")
    return problems


class _Cursor:
    """Finds passages in print order: sheet by sheet, from where the last one was found."""

    def __init__(self, sheets: list[Sheet]) -> None:
        self.texts = [sheet.plain() for sheet in sheets]
        self.sheet, self.offset = 0, 0

    def find(self, passage: str, *, move: bool = True) -> tuple[int, int] | None:
        wanted = squeezed(passage)
        for number in range(self.sheet, len(self.texts)):
            start = self.offset if number == self.sheet else 0
            at = self.texts[number].find(wanted, start)
            if at >= 0:
                if move:
                    self.sheet, self.offset = number, at
                return number, at
        return None


def _start(text: str, size: int = 24) -> str:
    return squeezed(text)[:size]


def _end(text: str, size: int = 24) -> str:
    return squeezed(text)[-size:]


def broken_boxes(sheets: list[Sheet], shown: Layout) -> list[str]:
    """The boxes (notes, questions, cards, rows…) printed across two sheets, or not found."""
    cursor, problems = _Cursor(sheets), []
    for first, last, kind in shown.whole:
        if kind == "row":  # a cell's first word: its first line shares the row's top with others
            # (the cursor moves on to the last cell: a word of the row's other cells, such as a
            # playbook named like the next row's phase, is not taken for the next row's start)
            start = cursor.find(first.split()[0])
            end = cursor.find(last.split()[0], move=start is not None)
        else:
            start, end = cursor.find(_start(first)), cursor.find(_end(last), move=False)
        if start is None or end is None:
            problems.append(f"{kind} {first[:40]!r}…{last[-30:]!r} is not on one sheet")
        elif start[0] != end[0]:
            problems.append(f"{kind} {first[:40]!r} runs from sheet {start[0] + 1} to "
                            f"{end[0] + 1}")
    return problems


def headless_tables(sheets: list[Sheet], shown: Layout) -> list[str]:
    """The tables split across sheets whose continuation does not repeat their header."""
    cursor, problems = _Cursor(sheets), []
    for head, rows in shown.tables:
        cursor.find(_start(head.split()[0]))  # the rows after the header, not a like text before
        where = []
        for cells in rows:
            longest = max(cells, key=len)
            found = cursor.find(_start(longest, 12))
            if found is not None:
                where.append(found)
        held = sorted({sheet for sheet, _ in where})
        for sheet in held[1:]:
            offset = min(at for number, at in where if number == sheet)
            before = cursor.texts[sheet][:offset]
            missing = [word for word in head.split() if squeezed(word) not in before]
            if missing:
                problems.append(f"the table {head[:40]!r} goes on at sheet {sheet + 1} "
                                f"without its header ({', '.join(missing)})")
    return problems


def small_text(sheets: list[Sheet], smallest: float = 10) -> list[str]:
    """The runs printed smaller than `smallest` pt."""
    return [f"sheet {sheet.number}: {run.text[:40]!r} at {run.size:.1f} pt"
            for sheet in sheets for run in sheet.runs if run.size < smallest - 0.05]
