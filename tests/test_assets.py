"""The browser assets stay within their size budget and follow the project's rules."""

from __future__ import annotations

import re

import pytest

from benchmarks.asset_size import BUDGET, shipped_size
from mkdocs_playbooks.assets import SCRIPT_DIR, SCRIPT_PARTS, script_bundle, stylesheet


def test_js_and_css_fit_in_10_kb_gzip() -> None:
    assert shipped_size() <= BUDGET


PARTS = sorted({*SCRIPT_PARTS, *(path.name for path in SCRIPT_DIR.glob("*.js"))})


@pytest.mark.parametrize("name", PARTS)
def test_the_script_never_inserts_html(name: str) -> None:
    script = (SCRIPT_DIR / name).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "createContextualFragment", "DOMParser", "srcdoc"):
        assert sink not in script, f"{name}: {sink}"


@pytest.mark.parametrize("name", PARTS)
def test_no_literal_spans_lines(name: str) -> None:
    """The bundle leaves out lines that start with `//` and serves each line without its
    indentation: no template literal, nor string continued with a backslash, may span lines."""
    for number, line in enumerate((SCRIPT_DIR / name).read_text(encoding="utf-8").splitlines()):
        assert line.count("`") % 2 == 0, f"{name}:{number + 1}"
        assert not line.endswith("\\"), f"{name}:{number + 1}"


def test_the_stylesheet_is_served_without_comments_or_indentation() -> None:
    css = stylesheet()
    assert "/*" not in css
    assert all(line == line.strip() and line for line in css.splitlines())
    assert css.count("{") == css.count("}") > 50


def test_the_bundle_is_its_parts_in_one_private_scope() -> None:
    bundle = script_bundle()
    assert bundle.count("(function (module) {") == 1
    assert bundle.rstrip().endswith("})();")
    positions = [bundle.index(f"// ---- {name}\n") for name in SCRIPT_PARTS]
    assert positions == sorted(positions)


def test_the_stylesheet_uses_material_colours_with_fallbacks() -> None:
    css = stylesheet()
    colours = re.findall(r"#[0-9a-fA-F]{3,6}\b", css)
    uses = re.findall(r"var\(--md-[a-z-]+, #[0-9a-fA-F]{3,6}\)", css)
    assert len(colours) == len(uses)  # every literal colour is a fallback of a --md-* variable
