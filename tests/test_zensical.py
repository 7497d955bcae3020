"""Zensical (the `test` extra pins a release) builds what `playbooks export` writes: every page,
the same controls for the script as the plugin's MkDocs build, the same table of contents,
searchable sections, and hostile text as harmless as under the plugin."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .browser.test_hostile import hostile_site
from .conftest import ENV, REPO, build, playbook, write_site
from .test_export import assert_harmless

PAGES = ["playbooks", "playbooks/progress", "playbooks/ecoute-sociale",
         "playbooks/social-listening", "assessments/maturite-social-media"]


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env={**ENV, **(env or {})}, capture_output=True,
                          text=True, timeout=300, check=False)


def export_and_build(root: Path, config: str = "mkdocs.yml",
                     env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`playbooks export`, its settings added to the configuration, then `zensical build`."""
    exported = run([sys.executable, "-m", "mkdocs_playbooks.engines.cli", "export"], root, env)
    assert exported.returncode == 0, exported.stderr
    text = (root / config).read_text(encoding="utf-8")
    if config.endswith(".toml"):  # its lines go under [project], as the command says
        assert exported.stdout.startswith("[project]\n")
        text = text.replace("[project]\n", exported.stdout, 1)
    else:
        text += exported.stdout
    (root / config).write_text(text, encoding="utf-8")
    return run([sys.executable, "-m", "zensical", "build", "--clean", "-f", config], root, env)


def in_one_language(config: Path) -> None:
    """The demo's configuration without mkdocs-static-i18n: the site in one language, as
    Zensical builds it (each translation its own page)."""
    text = config.read_text(encoding="utf-8")
    start = text.index("  - i18n:")
    config.write_text(text[:start] + text[text.index("  - playbooks:", start):],
                      encoding="utf-8")


def demo_copy(root: Path) -> Path:
    for name in ("docs", "playbooks"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


class Article(HTMLParser):
    """A built page: the elements of its article, and the anchors of its table of contents."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.inside = 0
        self.toc_depth = 0
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.toc: list[str] = []
        self.html = path.read_text(encoding="utf-8")
        self.feed(self.html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self.inside += 1
        if tag == "nav" and "md-nav--secondary" in (attributes.get("class") or ""):
            self.toc_depth += 1
        if self.toc_depth and tag == "a" and (attributes.get("href") or "").startswith("#"):
            self.toc.append(str(attributes["href"]))
        if self.inside:
            self.elements.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.inside -= 1

    @property
    def article_html(self) -> str:
        return self.html[self.html.index("<article"):self.html.rindex("</article>")]

    def controls(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The elements the script acts on, with what it reads from them."""
        return [(tag, sorted((k, v or "") for k, v in attributes.items()
                             if k.startswith(("data-pb-", "aria-", "role", "name", "value",
                                              "type"))))
                for tag, attributes in self.elements
                if any(k.startswith("data-pb-") for k in attributes)]


@pytest.mark.engine_demo
def test_zensical_builds_the_demo_as_the_plugin_does(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "zensical")
    result = export_and_build(root)
    assert result.returncode == 0, result.stderr
    one_language = demo_copy(tmp_path / "one-language")
    in_one_language(one_language / "mkdocs.yml")
    mkdocs = build(one_language, "-d", str(tmp_path / "mkdocs"))
    assert mkdocs.result.returncode == 0, mkdocs.result.stderr
    for page in PAGES:
        ours = Article(root / "site" / page / "index.html")
        theirs = Article(tmp_path / "mkdocs" / page / "index.html")
        assert ours.controls() == theirs.controls(), page
        assert set(theirs.toc) <= set(ours.toc), page  # Zensical adds the page's own h1
        assert_harmless(ours.article_html)
    page = (root / "site" / "playbooks" / "ecoute-sociale" / "index.html").read_text()
    assert 'href="../../assets/playbooks/playbooks.css"' in page
    assert 'src="../../assets/playbooks/playbooks.js"' in page
    assert 'href="../progress/"' in page  # links between pages resolved by Zensical
    assert not list((root / "site").rglob(".playbooks-export"))  # markers are not published
    search = json.loads((root / "site" / "search.json").read_text(encoding="utf-8"))
    sections = {item["location"]: item["title"] for item in search["items"]}
    assert sections["playbooks/ecoute-sociale/#cartographier-territoires"] == \
        "Cartographier les territoires conversationnels"
    assert sections["assessments/maturite-social-media/#ecoute"] == "Écoute"
    assert "playbooks/progress/" not in sections  # `search: exclude` kept


def test_hostile_text_built_by_zensical_is_harmless(tmp_path: Path) -> None:
    root = hostile_site(tmp_path / "zensical")
    reference = build(root, "-d", str(tmp_path / "mkdocs"))  # first: the plugin refuses docs/
    assert reference.result.returncode == 0, reference.result.stderr  # files in its pages' place
    result = export_and_build(root)
    assert result.returncode == 0, result.stderr
    for page in ("playbooks", "playbooks/progress", "playbooks/piege", "assessments/evaluation"):
        ours = Article(root / "site" / page / "index.html")
        assert_harmless(ours.article_html)
        assert ours.controls() == Article(tmp_path / "mkdocs" / page / "index.html").controls()
        assert "<script" not in ours.article_html


def test_the_options_in_zensical_toml_are_read_and_ignored_by_zensical(tmp_path: Path) -> None:
    (tmp_path / "contenu").mkdir()
    (tmp_path / "contenu" / "a.yml").write_text(playbook("Alpha", "a"), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[Alpha](playbooks/a/index.md)\n")
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "S"\n[project.theme]\nlanguage = "en"\n'
        '[project.plugins.playbooks]\ndir = "contenu"\n', encoding="utf-8")
    result = export_and_build(tmp_path, "zensical.toml")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "playbooks" / "a" / "index.html").read_text(encoding="utf-8")
    assert 'data-pb-item="lister-a"' in page
    assert "Checklist" in page  # the site's language


def test_the_exported_pages_carry_the_plugins_nav_not_every_page(tmp_path: Path) -> None:
    """Zensical lists every page of the docs folder in every page without a `nav`: the export
    prints the plugin's, which lists only the index beyond `nav_limit`."""
    site = write_site(tmp_path, {f"{name}.yml": playbook(name.title(), name)
                                 for name in ("alpha", "beta", "gamma")},
                      options=":\n      nav_limit: 2", docs={"index.md": "# Home\n"})
    result = export_and_build(site)
    assert result.returncode == 0, result.stderr
    page = (site / "site" / "playbooks" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert 'href="../"' in page  # the index, in the nav
    assert 'href="../beta/"' not in page
    assert 'href="../../assessments/' not in page


def test_the_workshop_kits_lists_are_left_out_of_the_search_index(tmp_path: Path) -> None:
    """The kit names every playbook and every play, which their own pages hold: in the search
    index they only repeated them, and at 3,000 playbooks made one section longer than
    Zensical's index takes (32,768 token positions: the build failed). Its own text stays."""
    site = write_site(tmp_path, {f"{name}.yml": playbook(name.title(), name)
                                 for name in ("alpha", "beta")}, docs={"index.md": "# Home\n"})
    mkdocs = build(site, "-d", str(tmp_path / "mkdocs"))  # first: the plugin refuses docs/
    assert mkdocs.result.returncode == 0, mkdocs.result.stderr
    material = indexed(json.loads((tmp_path / "mkdocs" / "search" / "search_index.json")
                                  .read_text(encoding="utf-8")))
    result = export_and_build(site)
    assert result.returncode == 0, result.stderr
    zensical = indexed(json.loads((site / "site" / "search.json").read_text(encoding="utf-8")))
    for index in (material, zensical):
        assert "Imprimez une page depuis le navigateur" in index  # the kit's own text
        assert "Premier jeu" not in index
        assert "Alpha" not in index


def indexed(index: dict[str, list[dict[str, str]]]) -> str:
    """The text of the kit's sections in a search index (Zensical's `items`, Material's
    `docs`)."""
    entries = index.get("items") or index.get("docs") or []
    return "\n".join(entry["title"] + " " + entry["text"] for entry in entries
                     if entry["location"].startswith("playbooks/workshop/"))
