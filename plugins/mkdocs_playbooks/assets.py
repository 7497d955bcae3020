"""The browser assets: one stylesheet, and one script bundled from small files.

The script's parts (`assets/js/`) are classic scripts that also load in Node for the unit tests:
each ends with `if (typeof module !== "undefined") module.exports = {…}`. For the browser they are
joined, in `SCRIPT_PARTS` order, inside one function whose `module` parameter is undefined, so the
parts share one private scope, set no global and need no build step: the site works from disk.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

ASSETS_DIR = Path(__file__).parent / "assets"
SCRIPT_DIR = ASSETS_DIR / "js"
STYLESHEET = ASSETS_DIR / "playbooks.css"

CSS_URI = "assets/playbooks/playbooks.css"
JS_URI = "assets/playbooks/playbooks.js"
"""Where the site serves them, relative to its root."""

SCRIPT_PARTS = ("playbooks.js",)
"""The script's files, dependencies first."""


@cache
def script_bundle() -> str:
    """The script as served: every part, in order, in one private scope."""
    parts = "\n".join(
        f"// ---- {name}\n{(SCRIPT_DIR / name).read_text(encoding='utf-8')}"
        for name in SCRIPT_PARTS
    )
    return (
        "// mkdocs-playbooks: checklists and self-assessments, kept in this browser.\n"
        '(function (module) {\n"use strict";\n' + parts + "\n})();\n"
    )


def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")
