"""`mkdocs serve --dirty`: after an edit, only the pages whose Markdown changed are rebuilt, and
the site equals a full build."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from mkdocs_playbooks.core.loading import _Parsed

from .conftest import playbook, write_site

ASSESSMENT = """\
kind: assessment
title: Maturité
levels:
  - {id: bas, title: Bas, min: 0}
dimensions:
  - id: dim
    title: Dim
    questions:
      - id: q
        text: Q ?
        choices:
          - {id: non, text: Non, score: 0}
          - {id: oui, text: Oui, score: 1}
    recommendations:
      - level: bas
        text: Lisez le jeu.
        plays: [p7/premier]
"""


def pages(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def search_entries(site: Path) -> list[tuple[str, str, str]]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted((doc["location"], doc["title"], doc["text"]) for doc in index["docs"])


def run_build(config_file: Path, site_dir: Path, *, dirty: bool, config: object = None) -> object:
    if config is None:
        config = load_config(str(config_file), site_dir=str(site_dir))
        config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
    mkdocs_build(config, dirty=dirty)
    return config


@pytest.fixture
def site(tmp_path: Path) -> Path:
    playbooks = {f"p{n}.yml": playbook(f"P{n}", f"p{n}") for n in range(35)}  # > nav_limit
    # MkDocs does not read unchanged pages under --dirty: a title given in `nav:` keeps the home
    # page's title right (the plugin's own pages get theirs from the plugin).
    return write_site(tmp_path / "src", {**playbooks, "maturite.yml": ASSESSMENT},
                      extra_config="nav:\n  - Accueil: index.md\n"
                                   "  - Playbooks: playbooks/index.md\n")


def test_dirty_rebuild_rewrites_only_what_changed_and_equals_a_full_build(
    site: Path, tmp_path: Path
) -> None:
    config_file = site / "mkdocs.yml"
    dirty_dir = tmp_path / "dirty"
    config = run_build(config_file, dirty_dir, dirty=True)
    before = pages(dirty_dir)

    edited = site / "playbooks" / "p7.yml"
    edited.write_text(edited.read_text().replace("Premier jeu", "Premier jeu revu")
                      .replace("Classer *vite*", "Classer *très vite*"))
    run_build(config_file, dirty_dir, dirty=True, config=config)
    after = pages(dirty_dir)

    rewritten = {name for name, content in after.items()
                 if name.endswith(".html") and before.get(name) != content}
    # the workshop kit lists every play by its title
    assert rewritten == {"playbooks/p7/index.html", "assessments/maturite/index.html",
                         "playbooks/workshop/index.html", "404.html"} - (
                             {"404.html"} if after["404.html"] == before["404.html"] else set())
    full_dir = tmp_path / "full"
    run_build(config_file, full_dir, dirty=False)
    full = pages(full_dir)
    assert set(full) == set(after)
    # Not compared byte for byte: the search index (same entries, another order), and the tags
    # plugin's tags.json, which Material writes from the rebuilt pages only under --dirty.
    for name, content in full.items():
        if name not in {"search/search_index.json", "tags.json"}:
            assert after[name] == content, name
    # Material's search merges a dirty rebuild into the previous index assuming one page was
    # rebuilt: every entry of the full build is there; an older entry of a second rebuilt page
    # (the assessment here) may stay until the next full build.
    assert set(search_entries(full_dir)) <= set(search_entries(dirty_dir))


def parsed_files(plugin: Any) -> dict[str, _Parsed]:
    """What the plugin's last build made of each file, by file name, as it keeps it in memory
    for the next (the cache's memory layer: `mkdocs serve` only)."""
    return {PurePosixPath(value.loaded.path).name: value
            for value in plugin.memories[None].now.values()
            if isinstance(value, _Parsed) and value.loaded is not None}


def test_unchanged_files_are_not_parsed_again(site: Path, tmp_path: Path) -> None:
    config = run_build(site / "mkdocs.yml", tmp_path / "out", dirty=True)
    plugin = config.plugins["playbooks"]
    first = parsed_files(plugin)
    assert len(first) == 36
    (site / "playbooks" / "p3.yml").write_text(playbook("P3 revu", "p3"))
    run_build(site / "mkdocs.yml", tmp_path / "out", dirty=True, config=config)
    changed = {name for name, parsed in parsed_files(plugin).items()
               if first.get(name) is not parsed}
    assert changed == {"p3.yml"}
