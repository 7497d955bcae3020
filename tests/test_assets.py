"""The browser assets stay within their size budget and follow the project's rules."""

from __future__ import annotations

import re

from benchmarks.asset_size import ASSETS, BUDGET, gzipped_size


def test_js_and_css_fit_in_10_kb_gzip() -> None:
    assert sum(gzipped_size(path) for path in ASSETS.iterdir()) <= BUDGET


def test_the_script_never_inserts_html() -> None:
    script = (ASSETS / "playbooks.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):
        assert sink not in script


def test_the_stylesheet_uses_material_colours_with_fallbacks() -> None:
    css = (ASSETS / "playbooks.css").read_text(encoding="utf-8")
    colours = re.findall(r"#[0-9a-fA-F]{3,6}\b", css)
    uses = re.findall(r"var\(--md-[a-z-]+, #[0-9a-fA-F]{3,6}\)", css)
    assert len(colours) == len(uses)  # every literal colour is a fallback of a --md-* variable
