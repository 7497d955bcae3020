"""The browser assets stay within their size budget and follow the project's rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.asset_size import BUDGET, shipped_size
from mkdocs_playbooks.output.assets import (
    SCRIPT_DIR,
    ScriptPartError,
    compact,
    script_bundle,
    script_parts,
    served_part,
    stylesheet,
)


def test_js_and_css_fit_in_their_gzip_budget() -> None:
    assert shipped_size() <= BUDGET


PARTS = sorted(path.name for path in SCRIPT_DIR.glob("*.js"))


@pytest.mark.parametrize("name", PARTS)
def test_the_script_never_inserts_html(name: str) -> None:
    script = (SCRIPT_DIR / name).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "createContextualFragment", "DOMParser", "srcdoc"):
        assert sink not in script, f"{name}: {sink}"


@pytest.mark.parametrize(("source", "served"), [
    ("const a = 1; // a comment\nconst b = 2;\n", "const a=1;const b=2;\n"),
    ("const f = () => {\n  g(1,\n    2)\n}\nconst x = y\n  .map(f)\n  ? 1\n  : 2\n",
     "const f=()=>{g(1,2)}\nconst x=y.map(f)?1:2\n"),  # kept where a semicolon may be inserted
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


def test_the_bundle_keeps_every_part() -> None:
    bundle = script_bundle()
    for part in script_parts():
        source = (SCRIPT_DIR / part.name).read_text(encoding="utf-8")
        assert "module.exports" not in source, part.name  # a header says what a part gives
        for declared in re.findall(r"^(?:async )?(?:function|const|let) ([\w$]+)", source, re.M):
            declaration = rf"(?:function|const|let) {re.escape(declared)}(?![\w$])"
            assert re.search(declaration, bundle), declared


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
    assert bundle.count("(function () {") == 1
    assert bundle.rstrip().endswith("})();")
    positions = [bundle.index(served_part(part.name)) for part in script_parts()]
    assert positions == sorted(positions)


def test_each_part_comes_after_the_parts_it_uses_and_the_entry_last() -> None:
    order = [part.name for part in script_parts()]
    assert order[-1] == "main.js"
    for part in script_parts():
        assert all(order.index(source) < order.index(part.name) for source, _ in part.uses)
        assert part.gives or part.name == "main.js", part.name


def _parts(folder: Path, **headers: str) -> Path:
    for name, header in headers.items():
        source = f"// {name}.js: a part.\n{header}\nconst x_{name} = 1;\n"
        (folder / f"{name}.js").write_text(source, encoding="utf-8")
    return folder


def test_the_order_follows_the_headers_not_the_names(tmp_path: Path) -> None:
    folder = _parts(tmp_path, main="// uses b.js: b", b="// uses a.js: a\n// gives: b",
                    a="// uses c.js: c\n// gives: a", c="// gives: c")
    assert [part.name for part in script_parts(folder)] == ["c.js", "a.js", "b.js", "main.js"]
    assert script_parts(folder)[1].uses == (("c.js", ("c",)),)


def test_parts_that_do_not_use_each_other_come_in_the_order_the_header_names_them(
    tmp_path: Path
) -> None:
    folder = _parts(tmp_path, main="// uses b.js: b\n// uses a.js: a", b="// gives: b",
                    a="// gives: a")
    assert [part.name for part in script_parts(folder)] == ["b.js", "a.js", "main.js"]


@pytest.mark.parametrize(("headers", "error"), [
    ({"main": "// uses a.js: a", "a": "// uses b.js: b\n// gives: a",
      "b": "// uses a.js: a\n// gives: b"},
     r"a\.js: the parts use each other in a circle: a\.js → b\.js → a\.js \(move what both"),
    ({"main": "// uses a.js: x", "a": "// gives: a"},
     r"main\.js: uses x from a\.js, which does not give it \(given by no part\)"),
    ({"main": "// uses a.js: b", "a": "// gives: a", "b": "// gives: b"},
     r"main\.js: uses b from a\.js, which does not give it \(given by b\.js\)"),
    ({"main": "// uses z.js: a", "a": "// gives: a"},
     r"main\.js: uses z\.js, which is no other part"),
    ({"main": "// uses a.js: a, b", "a": "// gives: a, b", "b": "// gives: b"},
     r"b\.js: gives b, as a\.js does \(the parts share one scope"),
    ({"main": "// uses a.js: a", "a": "// gives: a", "b": "// gives: b"},
     r"b\.js: no part uses it, so the script never runs it"),
    ({"a": "// gives: a"}, r"no main\.js, the part that starts the script"),
    ({"main": "// uses a.js: a,b", "a": "// gives: a, b"},
     r"main\.js:2: 'a,b' is not a list of names"),
])
def test_a_header_that_does_not_hold_together_is_refused_with_where_and_why(
    tmp_path: Path, headers: dict[str, str], error: str
) -> None:
    with pytest.raises(ScriptPartError, match=error):
        script_parts(_parts(tmp_path, **headers))


def test_the_stylesheet_uses_material_colours_with_fallbacks() -> None:
    css = stylesheet()
    colours = re.findall(r"#[0-9a-fA-F]{3,6}\b", css)
    uses = re.findall(r"var\(--md-[a-z-]+, ?#[0-9a-fA-F]{3,6}\)", css)
    assert len(colours) == len(uses)  # every literal colour is a fallback of a --md-* variable
