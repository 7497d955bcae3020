"""The browser assets: one stylesheet, and one script bundled from small files.

The script's parts (`assets/js/`) are classic scripts that also load in Node for the unit tests:
each ends with `if (typeof module !== "undefined") module.exports = {…}`. For the browser they are
joined, in `SCRIPT_PARTS` order, inside one function whose `module` parameter is undefined, so the
parts share one private scope, set no global and need no build step: the site works from disk.
Lines that hold only a `//` comment are left out of the bundle (they would cost a fifth of the
size budget) and every line is served without its indentation; so no string or template literal
of a part may span lines. The stylesheet is served without its comments and indentation.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

ASSETS_DIR = Path(__file__).parent / "assets"
SCRIPT_DIR = ASSETS_DIR / "js"
STYLESHEET = ASSETS_DIR / "playbooks.css"

CSS_URI = "assets/playbooks/playbooks.css"
JS_URI = "assets/playbooks/playbooks.js"
"""Where the site serves them, relative to its root."""

SCRIPT_PARTS = (
    "dom.js",  # page helpers: find, build (text, never HTML), fill, download, notices
    "progress-doc.js",  # pure: the progress document, read strictly and merged
    "storage.js",  # the only code touching localStorage
    "scoring.js",  # pure: scores and levels, as scoring.py
    "share.js",  # pure: share links, as share.py
    "radar.js",  # pure: the radar's geometry, its SVG built by a given `make`
    "csv.js",  # pure: CSV cells quoted, spreadsheet formulas neutralised
    "checklists.js",  # boxes, progress bars, recommended plays' progress
    "transfer.js",  # the progress page: export, import, reset
    "results.js",  # results, advice, attempts compared, exports of a result
    "assessment.js",  # the assessment page: its data, answers, attempts, target, share link
    "main.js",  # the wiring: listeners, and a start for every page
)
"""The script's files, dependencies first; the parts marked pure load alone in Node."""


@cache
def script_bundle() -> str:
    """The script as served: every part, in order, in one private scope."""
    parts = "\n".join(f"// ---- {name}\n{_without_comment_lines(name)}" for name in SCRIPT_PARTS)
    return (
        "// mkdocs-playbooks: checklists and self-assessments, kept in this browser.\n"
        '(function (module) {\n"use strict";\n' + parts + "\n})();\n"
    )


def _without_comment_lines(name: str) -> str:
    lines = (line.strip() for line in (SCRIPT_DIR / name).read_text(encoding="utf-8").splitlines())
    return "".join(f"{line}\n" for line in lines if not line.startswith("//"))


@cache
def stylesheet() -> str:
    """The stylesheet as served: without its comments and indentation."""
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.DOTALL)
    return "".join(f"{line.strip()}\n" for line in css.splitlines() if line.strip())
