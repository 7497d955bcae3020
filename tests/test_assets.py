"""The browser assets stay within their size budget and follow the project's rules."""

from __future__ import annotations

import re

import pytest

from benchmarks.asset_size import BUDGET, shipped_size
from mkdocs_playbooks.output.assets import (
    SCRIPT_DIR,
    SCRIPT_PARTS,
    compact,
    script_bundle,
    stylesheet,
)


def test_js_and_css_fit_in_their_gzip_budget() -> None:
    assert shipped_size() <= BUDGET


PARTS = sorted({*SCRIPT_PARTS, *(path.name for path in SCRIPT_DIR.glob("*.js"))})


@pytest.mark.parametrize("name", PARTS)
def test_the_script_never_inserts_html(name: str) -> None:
    script = (SCRIPT_DIR / name).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "createContextualFragment", "DOMParser", "srcdoc"):
        assert sink not in script, f"{name}: {sink}"


@pytest.mark.parametrize(("source", "served"), [
    ("const a = 1; // a comment\nconst b = 2;\n", "const a=1;\nconst b=2;\n"),
    ("/* a block\n comment */ f(x);", "f(x);\n"),
    ('const url = "http://example.org/*x*/ // y";', 'const url="http://example.org/*x*/ // y";\n'),
    ("const t = `a // b ${ {c: 1}.c } /* d */ ${`e ${f}`}`;",
     "const t=`a // b ${{c:1}.c} /* d */ ${`e ${f}`}`;\n"),
    ("x = text.replace(/\\{(\\w+)\\}/g, f);", "x=text.replace(/\\{(\\w+)\\}/g,f);\n"),
    ("y = /[/]\\/ /.test(z) ? a / b : c / d;", "y=/[/]\\/ /.test(z)?a/b:c/d;\n"),
    ("return /x/.test(y);", "return/x/.test(y);\n"),  # still a regular expression
    ("a = b - -c + +d; e = f / /g/.source.length;", "a=b- -c+ +d;e=f/ /g/.source.length;\n"),
    ("if (a) return\nb()", "if(a)return\nb()\n"),  # line breaks kept: no semicolon inserted
    ("const  été = typeof  x;", "const été=typeof x;\n"),
])
def test_the_script_is_served_without_comments_and_blanks_it_does_not_need(
    source: str, served: str
) -> None:
    assert compact(source) == served


def test_the_bundle_keeps_every_part_but_its_exports_for_node() -> None:
    bundle = script_bundle()
    assert "module.exports" not in bundle
    for name in SCRIPT_PARTS:
        source = (SCRIPT_DIR / name).read_text(encoding="utf-8")
        for declared in re.findall(r"^(?:async )?(?:function|const|let) (\w+)", source, re.M):
            assert re.search(rf"\b(?:function|const|let) {declared}\b", bundle), declared


def test_the_stylesheet_is_served_without_comments_or_blanks() -> None:
    css = stylesheet()
    assert "/*" not in css
    assert all(line == line.strip() and line for line in css.splitlines())
    assert css.count("{") == css.count("}") > 50
    assert not re.search(r"\s[{};,]|[{};,:]\s(?![^()]*\))", css.replace("\n", ""))
    assert ".md-typeset ul.pb-checklist>li.pb-item{" in css  # a selector's blanks kept
    assert "calc(var(--pb-done,0) * 100%)" in css  # and those calc() needs


def test_the_bundle_is_its_parts_in_one_private_scope() -> None:
    bundle = script_bundle()
    assert bundle.count("(function (module) {") == 1
    assert bundle.rstrip().endswith("})();")
    positions = [bundle.index(f"// ---- {name}\n") for name in SCRIPT_PARTS]
    assert positions == sorted(positions)


def test_the_stylesheet_uses_material_colours_with_fallbacks() -> None:
    css = stylesheet()
    colours = re.findall(r"#[0-9a-fA-F]{3,6}\b", css)
    uses = re.findall(r"var\(--md-[a-z-]+, ?#[0-9a-fA-F]{3,6}\)", css)
    assert len(colours) == len(uses)  # every literal colour is a fallback of a --md-* variable
