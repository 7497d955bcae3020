"""`playbooks export`: the pages and assets written into a docs folder for engines that run no
MkDocs plugin (Zensical), sanitised as the plugin sanitises, written whole or not at all."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.export import (
    MARKER,
    VOID,
    ExportError,
    export,
    split_front_matter,
)
from mkdocs_playbooks.output.assets import CSS_URI, JS_URI, script_bundle
from mkdocs_playbooks.output.pages import site_pages

from .browser.test_hostile import PAYLOADS, hostile_site
from .conftest import REPO, playbook, write_site
from .in_process import run_command as run
from .test_golden_pages import CASES, generated

# What an engine such as Zensical renders the exported Markdown with (its defaults include these).
ENGINE_EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "def_list"]


def engine_html(text: str) -> str:
    """The exported page as an engine renders it: Python-Markdown, nothing sanitised."""
    _front, body = split_front_matter(text)
    return markdown.markdown(body, extensions=ENGINE_EXTENSIONS)


class Elements(HTMLParser):
    """Every element's tag and attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def assert_harmless(html: str) -> None:
    for tag, attributes in Elements(html).found:
        assert tag not in {"script", "iframe", "style", "object", "embed", "svg", "math"}, tag
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            assert not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I), value
            assert name != "markdown", tag


def plugin_controls(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The elements the script acts on, with what it reads from them."""
    return [(tag, sorted((k, v or "") for k, v in attributes.items()
                         if k.startswith(("data-pb-", "aria-", "role", "name", "value", "type"))))
            for tag, attributes in Elements(html).found
            if any(k.startswith("data-pb-") for k in attributes)]


def mkdocs_like_html(page_markdown: str) -> str:
    """A generated page as the plugin's MkDocs build renders it, before sanitising."""
    _front, body = split_front_matter(page_markdown)
    return markdown.markdown(body, extensions=["toc", "tables", "fenced_code", "attr_list",
                                               "md_in_html"])


def write_demo(root: Path) -> Path:
    for name in ("docs", "playbooks"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_export_writes_every_page_and_the_assets(tmp_path: Path) -> None:
    site = write_demo(tmp_path)
    result = run("export", cwd=site)
    assert result.returncode == 0, result.stderr
    docs = site / "docs"
    for uri in ("playbooks/index.md", "playbooks/progress/index.md",
                "playbooks/ecoute-sociale/index.md", "assessments/maturite-social-media/index.md"):
        assert (docs / uri).is_file(), uri
    assert (docs / JS_URI).read_text(encoding="utf-8") == script_bundle()
    assert (docs / CSS_URI).is_file()
    for folder in ("playbooks", "assessments", "assets/playbooks"):
        assert (docs / folder / MARKER).is_file()
    assert (docs / "index.md").read_text() == (REPO / "docs" / "index.md").read_text()
    assert "12 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr
    # one language (Zensical builds one): each translation has its page, as under one language
    assert "wrote 15 page(s) and 2 asset(s) into docs" in result.stderr
    assert (docs / "playbooks/real-time/index.md").is_file()
    # mkdocs.yml lacks them: the command prints them in its own format, on stdout alone, with
    # the nav the plugin makes (its pages listed: at most `nav_limit`), which replaces the site's
    assert result.stdout.startswith(f"extra_css:\n  - {CSS_URI}\nextra_javascript:\n  - {JS_URI}\n")
    printed = yaml.safe_load(result.stdout)
    section = printed["nav"][1]["Playbooks"]
    assert printed["nav"][0] == {"Accueil": "index.md"}
    assert section[:3] == ["playbooks/index.md", "playbooks/progress/index.md",
                           "playbooks/animer-et-repondre/index.md"]
    assert len(section) == 15
    assert section[-1] == "playbooks/workshop/index.md"  # the kit, after the playbooks
    assert "add to mkdocs.yml (its nav replaced):" in result.stderr
    page = (docs / "playbooks" / "ecoute-sociale" / "index.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "Écouter avant de publier"\n')
    assert "\n## Écouter {: #pb-phase-listen }\n" in page
    assert ("\n### Cartographier les territoires conversationnels "
            "{: #cartographier-territoires }\n") in page
    assessment = (docs / "assessments" / "maturite-social-media" / "index.md").read_text()
    assert '<section class="pb-dimension" data-pb-part="ecoute" markdown="1">\n\n## Écoute' \
        in assessment


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_engines_render_the_same_controls_as_the_plugin(case: Path, tmp_path: Path) -> None:
    """What the script reads, element by element, and the table of contents, as under MkDocs."""
    pages = generated(case)
    from mkdocs_playbooks.engines.config import make_settings, validate_options

    spec = yaml.safe_load((case / "options.yml").read_text(encoding="utf-8"))
    settings = make_settings(validate_options(spec.get("options") or {}, None), root=case,
                             language=spec["language"])
    export(site_pages(load_site(settings), settings), tmp_path / "docs")
    for uri, page_markdown in pages.items():
        from mkdocs_playbooks.output.sanitize import sanitize

        exported = (tmp_path / "docs" / uri).read_text(encoding="utf-8")
        assert split_front_matter(exported)[0] == split_front_matter(page_markdown)[0]
        reference = sanitize(mkdocs_like_html(page_markdown))
        rendered = engine_html(exported)
        assert plugin_controls(rendered) == plugin_controls(reference), uri
        assert_harmless(rendered)
        headings = [(tag, attributes.get("id")) for tag, attributes in Elements(rendered).found
                    if re.fullmatch("h[1-6]", tag)]
        expected = [(tag, attributes.get("id")) for tag, attributes in Elements(reference).found
                    if re.fullmatch("h[1-6]", tag)]
        assert headings == expected, uri
        toc = markdown.Markdown(extensions=ENGINE_EXTENSIONS)
        toc.convert(split_front_matter(exported)[1])
        mkdocs_toc = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html", "tables"])
        mkdocs_toc.convert(split_front_matter(page_markdown)[1])
        assert ids(toc.toc_tokens) == ids(mkdocs_toc.toc_tokens), uri  # type: ignore[attr-defined]


def ids(tokens: list[dict[str, object]]) -> list[object]:
    return [(token["id"], ids(token["children"])) for token in tokens]  # type: ignore[arg-type]


def test_hostile_text_stays_harmless_whatever_the_engine_does(tmp_path: Path) -> None:
    site = hostile_site(tmp_path / "site")
    result = run("export", cwd=site)
    assert result.returncode == 0, result.stderr
    pages = sorted((site / "docs").rglob("*.md"))
    assert len(pages) == 6  # index, progress, playbook, assessment, kit, the site's own index
    for path in pages:
        if path.parent == site / "docs":
            continue
        rendered = engine_html(path.read_text(encoding="utf-8"))
        assert_harmless(rendered)
        for tag, attributes in Elements(rendered).found:  # forged controls mean nothing
            if tag == "button":
                assert attributes.get("data-pb-action") in {None, "export", "reset", "results",
                                                            "export-json", "export-csv",
                                                            "share", "clear", "one", "goto"}
    text = (site / "docs" / "playbooks" / "piege" / "index.md").read_text(encoding="utf-8")
    assert "<script" not in text
    assert "&lt;script&gt;" in text  # shown as text
    for path in pages:  # nothing for an engine's Jinja macros (Zensical runs them) to evaluate
        exported = split_front_matter(path.read_text(encoding="utf-8"))[1]
        assert not re.search(r"\{[{%#]", exported), path


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_hostile_title_is_a_plain_heading(payload: str, tmp_path: Path) -> None:
    site = write_site(tmp_path, {"a.yml": f"title: {json.dumps(payload)}\n"
                                 "phases:\n  - phase: listen\n    plays:\n      - id: p\n"
                                 f"        title: {json.dumps(payload)}\n"})
    assert run("export", cwd=site).returncode == 0
    rendered = engine_html((site / "docs" / "playbooks" / "a" / "index.md").read_text())
    assert_harmless(rendered)
    headings = [tag for tag, _ in Elements(rendered).found if re.fullmatch("h[1-6]", tag)]
    assert headings[:2] == ["h1", "h2"]
    assert not [tag for tag, _ in Elements(rendered).found if tag in {"a", "img", "em", "b"}]


def test_allow_html_writes_the_markdown_as_it_is(tmp_path: Path) -> None:
    raw = "'<details open ontoggle=alert(1)><summary>s</summary></details>'"
    site = write_site(tmp_path, {"a.yml": "title: Brut\nphases:\n  - phase: listen\n    plays:\n"
                                 f"      - id: a\n        title: A\n        why: {raw}\n"},
                      options=":\n      allow_html: true")
    assert run("export", cwd=site).returncode == 0
    text = (site / "docs" / "playbooks" / "a" / "index.md").read_text()
    assert "ontoggle=alert(1)" in text


def test_content_errors_are_reported_as_validate_reports_them_and_nothing_is_written(
        tmp_path: Path) -> None:
    site = write_site(tmp_path, {"a.yml": playbook("A", "a"), "b.yml": "title: [\n"})
    validate = run("validate", cwd=site)
    result = run("export", cwd=site)
    assert validate.returncode == result.returncode == 1
    assert result.stderr == validate.stderr + "playbooks: nothing written\n"
    assert sorted(p.name for p in (site / "docs").iterdir()) == ["index.md"]
    assert not list(tmp_path.glob(".playbooks-export-*"))
    # the folders made beside a docs folder named under new folders are removed again
    assert run("export", "new/docs", cwd=site).returncode == 1
    assert not (site / "new").exists()


def test_strict_makes_warnings_fail(tmp_path: Path) -> None:
    due = playbook("A", "a").replace("tags:", "reviewed: 2020-01-01\nreview_months: 6\ntags:")
    site = write_site(tmp_path, {"a.yml": due}, options=":\n      strict_reviews: true")
    assert run("export", cwd=site).returncode == 0
    shutil.rmtree(site / "docs" / "playbooks")
    result = run("export", "--strict", cwd=site)
    assert result.returncode == 1
    assert "warning: review due" in result.stderr
    assert not (site / "docs" / "playbooks").exists()


def test_a_new_export_replaces_the_last_one_and_nothing_else(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"alpha.yml": playbook("Alpha", "alpha"),
                                 "beta.yml": playbook("Beta", "beta")},
                      docs={"index.md": "# Home\n", "assets/logo.svg": "<svg/>"})
    assert run("export", cwd=site).returncode == 0
    assert (site / "docs" / "playbooks" / "beta" / "index.md").is_file()
    (site / "playbooks" / "beta.yml").unlink()
    result = run("export", cwd=site)
    assert result.returncode == 0, result.stderr
    assert not (site / "docs" / "playbooks" / "beta").exists()  # removed with its playbook
    assert (site / "docs" / "playbooks" / "alpha" / "index.md").is_file()
    assert (site / "docs" / "assets" / "logo.svg").read_text() == "<svg/>"
    assert (site / "docs" / "index.md").read_text() == "# Home\n"
    assert not list(tmp_path.glob(".playbooks-export-*"))


def test_a_folder_it_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"alpha.yml": playbook("Alpha", "alpha")},
                      docs={"index.md": "# Home\n", "playbooks/mine.md": "# Mine\n"})
    result = run("export", cwd=site)
    assert result.returncode == 2
    assert "docs/playbooks: this folder was not written by `playbooks export`" in result.stderr
    assert sorted(p.name for p in (site / "docs" / "playbooks").iterdir()) == ["mine.md"]
    assert not (site / "docs" / "assets").exists()
    with pytest.raises(ExportError):
        export([], site / "docs")


def test_zensical_toml_gives_the_options_the_folder_and_the_settings_to_add(
        tmp_path: Path) -> None:
    (tmp_path / "contenu").mkdir()
    (tmp_path / "contenu" / "a.yml").write_text(playbook("A", "a"), encoding="utf-8")
    (tmp_path / "pages").mkdir()
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "S"\ndocs_dir = "pages"\n[project.theme]\nlanguage = "en"\n'
        '[project.plugins.playbooks]\ndir = "contenu"\nedition = "facilitator"\n',
        encoding="utf-8")
    result = run("export", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "pages" / "playbooks" / "a" / "index.md").read_text(encoding="utf-8")
    assert "Note secrète pour l" in page  # the facilitator edition
    assert "Facilitator notes" in page  # the site's language
    assert result.stdout.startswith(f'[project]\nextra_css = ["{CSS_URI}"]\n'
                                    f'extra_javascript = ["{JS_URI}"]\nnav = ')
    nav = [{"Playbooks": ["playbooks/index.md", "playbooks/progress/index.md",
                          "playbooks/a/index.md", "playbooks/workshop/index.md"]}]
    assert tomllib.loads(result.stdout)["project"]["nav"] == nav
    (tmp_path / "zensical.toml").write_text(
        f'[project]\nsite_name = "S"\ndocs_dir = "pages"\nextra_css = ["{CSS_URI}"]\n'
        f'extra_javascript = ["{JS_URI}"]\nnot_in_nav = "/playbooks/**\\n/assessments/**"\n'
        'nav = [{ "Playbooks" = ["playbooks/index.md", "playbooks/progress/index.md", '
        '"playbooks/a/index.md", "playbooks/workshop/index.md"] }]\n'
        '[project.markdown_extensions.toc]\n'
        '[project.plugins.playbooks]\ndir = "contenu"\n', encoding="utf-8")
    result = run("export", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "lists Markdown extensions without `attr_list`" in result.stderr
    assert "lists Markdown extensions without `md_in_html`" in result.stderr


def test_bad_options_in_zensical_toml_are_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "S"\n[project.plugins.playbooks]\nedition = "trainer"\n')
    result = run("export", cwd=tmp_path)
    assert result.returncode == 2
    assert "zensical.toml: plugin 'playbooks', option 'edition'" in result.stderr


def test_an_unknown_markdown_extension_is_a_usage_error(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"a.yml": playbook("A", "a")})
    result = run("export", "-x", "no_such_extension", cwd=site)
    assert result.returncode == 2
    assert "no_such_extension" in result.stderr
    assert not (site / "docs" / "playbooks").exists()


def test_an_extension_named_renders_the_authors_markdown(tmp_path: Path) -> None:
    note = "|\n          !!! note\n\n              Attention\n"
    site = write_site(tmp_path, {"a.yml": "title: A\nphases:\n  - phase: listen\n    plays:\n"
                                 f"      - id: a\n        title: A\n        why: {note}"})
    assert run("export", "-x", "admonition", cwd=site).returncode == 0
    assert '<div class="admonition note">' in (site / "docs/playbooks/a/index.md").read_text()


class ReferenceTree(HTMLParser):
    """The elements of sanitised HTML by Python's `HTMLParser`: what the export's own tag reader
    (`_parse`) must find, element by element, with the same places and attributes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.roots: list[tuple[object, ...]] = []
        self.stack: list[list[object]] = []
        self.feed(html)
        self.close()

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position()
        node: list[object] = [tag, attrs, start, start + len(self.get_starttag_text() or ""),
                              None, None, []]
        parent = self.stack[-1][6] if self.stack else self.roots
        parent.append(node)  # type: ignore[attr-defined]
        if tag in VOID:
            node[4] = node[5] = node[3]
        else:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        start = self.position()
        while self.stack:
            node = self.stack.pop()
            node[4], node[5] = start, self.html.index(">", start) + 1
            if node[0] == tag:
                break


def tree(nodes: list[Any]) -> list[object]:
    return [(n.tag, n.attributes, n.start, n.inner_start, n.inner_end, n.end, tree(n.children))
            for n in nodes]


def reference(nodes: list[Any]) -> list[object]:
    return [(tag, attrs, start, inner_start, inner_end, end, reference(children))
            for tag, attrs, start, inner_start, inner_end, end, children in nodes]


ODD_MARKUP = [
    '<p title="a > b < c" class=\'x\'>t</p>',
    '<a href="/x?a=1&amp;b=2" title="&quot;&lt;h2&gt;">a</a>',
    '<h2 id="x" lang="fr">T <em>i</em></h2>',
    '<div><h3 id="y">Y</h3><br><input type=checkbox></div>',
    '<p title="<h2 id=z>">&lt;h2 id=z&gt;</p>', "<details><summary>s</summary><hr>x</details>",
    '<p data-pb-x="{&quot;a&quot;: [1]}">&#123;&#123; x }}</p>',
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_export_reads_sanitised_html_as_pythons_parser_does(case: Path) -> None:
    from mkdocs_playbooks.engines.export import _parse
    from mkdocs_playbooks.output.sanitize import sanitize

    texts = [mkdocs_like_html(page) for page in generated(case).values()]
    for html in [*texts, *PAYLOADS, *ODD_MARKUP, "\n".join(PAYLOADS + ODD_MARKUP)]:
        clean = sanitize(html)
        assert tree(_parse(clean)) == reference(ReferenceTree(clean).roots), clean[:200]
