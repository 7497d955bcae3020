"""The nav `playbooks export` prints for engines without the plugin (Zensical) is the nav the
plugin makes under MkDocs: the same items, sections and places, and `not_in_nav` for the rest."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Link, Section, get_navigation
from mkdocs.structure.pages import Page

from mkdocs_playbooks.engines.site_nav import NOT_IN_NAV, arranged, as_toml, not_in_nav

from .conftest import playbook, write_site
from .in_process import Ran, run_command

PLAYBOOKS = {f"{name}.yml": playbook(name.title(), name) for name in ("alpha", "beta", "gamma")}
DOCS = {"index.md": "# Home\n", "guide/a.md": "# A\n", "guide/b.md": "# B\n", "z.md": "# Z\n"}
PAGES = {"playbooks/index.md": "Playbooks", "playbooks/progress/index.md": "Progress",
         "playbooks/alpha/index.md": "Alpha", "playbooks/beta/index.md": "Beta"}


def export(root: Path) -> Ran:
    result = run_command("export", cwd=root)
    assert result.returncode == 0, result.stderr
    return result


def shape(items: list[Any]) -> list[object]:
    """A nav of MkDocs' objects as comparable data: pages by path, sections by title."""
    found: list[object] = []
    for item in items:
        if isinstance(item, Section):
            found.append((item.title, shape(item.children)))
        elif isinstance(item, Page):
            found.append(item.file.src_uri)
        elif isinstance(item, Link):
            found.append(item.url)
    return found


def data_shape(nav: list[Any]) -> list[object]:
    """The same, of a `nav` setting's data."""
    found: list[object] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found.append((next(iter(item)), data_shape(value)) if isinstance(value, list) else value)
    return found


def plugin_nav(root: Path) -> list[object]:
    """The nav of the site's MkDocs build, as the plugin arranges it (its events, in-process)."""
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    return shape(nav.items)


SITES = {
    "no nav, each page listed": ("", ""),
    "no nav, over nav_limit": (":\n      nav_limit: 2", ""),
    "the index named with a title": ("", "nav:\n  - Accueil: index.md\n  - Mes guides: "
                                         "playbooks/index.md\n  - guide/a.md\n"),
    "the index named bare, in a section": ("", "nav:\n  - index.md\n  - Tout:\n"
                                               "      - playbooks/index.md\n      - z.md\n"),
    "a playbook named elsewhere": ("", "nav:\n  - index.md\n  - Alpha: playbooks/alpha/index.md\n"),
    "no index named, over nav_limit": (":\n      nav_limit: 1", "nav:\n  - index.md\n  - z.md\n"),
}


@pytest.mark.parametrize(("options", "nav"), list(SITES.values()), ids=list(SITES))
def test_export_prints_the_nav_the_plugin_makes(options: str, nav: str, tmp_path: Path) -> None:
    mkdocs_site = write_site(tmp_path / "mkdocs", PLAYBOOKS, options=options, extra_config=nav,
                             docs=DOCS)
    expected = plugin_nav(mkdocs_site)
    site = write_site(tmp_path / "export", PLAYBOOKS, options=options, extra_config=nav, docs=DOCS)
    printed = yaml.safe_load(export(site).stdout)
    assert data_shape(printed["nav"]) == expected
    assert printed["not_in_nav"] == "".join(f"{pattern}\n" for pattern in NOT_IN_NAV)
    # Once the settings are in the configuration file, the next export has nothing to add.
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").split("nav:\n")[0]
    config.write_text(text + yaml.safe_dump(printed, allow_unicode=True), encoding="utf-8")
    again = export(site)
    assert again.stdout == ""
    assert "add to" not in again.stderr


def test_the_nav_in_zensical_toml_is_the_same_data(tmp_path: Path) -> None:
    (tmp_path / "contenu").mkdir()
    for name, text in PLAYBOOKS.items():
        (tmp_path / "contenu" / name).write_text(text, encoding="utf-8")
    for name, text in DOCS.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "S"\nnot_in_nav = "/drafts/\\n"\n[project.theme]\n'
        'language = "en"\n[project.plugins.playbooks]\ndir = "contenu"\nnav_limit = 2\n',
        encoding="utf-8")
    printed = tomllib.loads(export(tmp_path).stdout)["project"]
    assert printed["nav"] == ["index.md", "z.md", {"Guide": ["guide/a.md", "guide/b.md"]},
                              {"Playbooks": ["playbooks/index.md"]}]
    assert printed["not_in_nav"] == "/drafts/\n/playbooks/**\n/assessments/**\n"  # kept, added


def test_the_section_replaces_the_index_where_the_nav_names_it() -> None:
    nav = ["index.md", {"Ours": [{"Start": "playbooks/index.md"}, "playbooks/beta/index.md"]}]
    assert arranged(nav, PAGES, "Section", 30) == [
        "index.md", {"Ours": [{"Start": ["playbooks/index.md", "playbooks/progress/index.md",
                                         "playbooks/alpha/index.md"]},
                              "playbooks/beta/index.md"]}]
    assert arranged([], PAGES, "Section", 2) == [{"Section": ["playbooks/index.md"]}]
    printed = arranged(["a.md"], PAGES, "Section", 30)
    assert arranged(printed, PAGES, "Section", 30) == printed  # its own section recognised
    assert arranged(["playbooks/index.md"], PAGES, "Section", 2) == \
        [{"Playbooks": ["playbooks/index.md"]}]  # named bare: the index page's title


def test_settings_are_written_as_valid_toml_whatever_the_titles() -> None:
    nav = [{'Q"uote\\ \x7f \x01 é': ["a.md"]}, "b.md"]
    text = as_toml({"nav": nav, "not_in_nav": "/x/\n"})
    assert tomllib.loads(text) == {"nav": nav, "not_in_nav": "/x/\n"}
    assert not_in_nav("  /playbooks/**\n/assessments/**") is None
