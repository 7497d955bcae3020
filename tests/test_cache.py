"""The cache on disk: a second build of unchanged playbooks skips the work, and a build from the
cache equals, byte for byte, a build without it, whatever input changed in between."""

from __future__ import annotations

import logging
import shutil
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import mkdocs_playbooks
from mkdocs_playbooks.core import cache as cache_module
from mkdocs_playbooks.core.cache import MAGIC, DiskCache

from .conftest import BASE_CONFIG, REPO, playbook

REVIEWED = """\
title: Revue
reviewed: 2026-01-10
review_months: 6
phases:
  - phase: listen
    plays:
      - id: seul
        title: Seul jeu
        why: Pour voir.
        facilitator: Secret.
        checklist:
          - {id: un, text: Un}
"""

ASSESSMENT = """\
kind: assessment
title: Maturité
levels:
  - {id: bas, title: Bas, min: 0}
dimensions:
  - id: dim
    phase: listen
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
        plays: [alpha/premier]
"""

DEFAULT_OPTIONS = {"today": "2026-03-01"}


class Project:
    """A small site whose options and files a test changes between builds."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.language = "fr"
        self.options: dict[str, str] = dict(DEFAULT_OPTIONS)
        self.extra = ""
        (root / "docs").mkdir(parents=True)
        (root / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
        (root / "playbooks").mkdir()
        self.write("alpha.yml", playbook("Alpha", "alpha"))
        self.write("beta.yml", playbook("Beta", "beta"))
        self.write("revue.yml", REVIEWED)
        self.write("maturite.yml", ASSESSMENT)

    def write(self, name: str, text: str) -> None:
        (self.root / "playbooks" / name).write_text(textwrap.dedent(text), encoding="utf-8")

    def build(self, *, cache: bool, name: str) -> tuple[dict[str, bytes], DiskCache | None]:
        """Build into `name`; the pages by path, and the plugin's cache."""
        options = {**self.options, "cache": "true" if cache else "false"}
        lines = "".join(f"\n      {key}: {value}" for key, value in options.items())
        config_text = BASE_CONFIG.format(language=self.language, options=":" + lines)
        (self.root / "mkdocs.yml").write_text(config_text + self.extra, encoding="utf-8")
        site_dir = self.root / "out" / name
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(site_dir))
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        plugin = config.plugins["playbooks"]
        store = getattr(plugin, "store", None)
        return pages(site_dir), store


def pages(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


def test_second_build_of_unchanged_playbooks_takes_everything_from_the_cache(
    project: Project,
) -> None:
    first, store = project.build(cache=True, name="first")
    assert store is not None
    assert store.misses > 0
    assert (project.root / ".cache" / "playbooks").is_dir()
    second, store = project.build(cache=True, name="second")
    assert store is not None
    assert store.misses == 0
    # Each file parsed, each playbook's Markdown, the index and progress pages, each page's HTML:
    assert store.hits >= 4 + 3 + 2 + 6
    assert second == first


def test_no_cache_option_neither_reads_nor_writes_it(project: Project) -> None:
    _, store = project.build(cache=False, name="off")
    assert store is None
    assert not (project.root / ".cache").exists()


def change_file(project: Project) -> None:
    project.write("alpha.yml", playbook("Alpha revu", "alpha").replace("Classer", "Trier"))


def add_file(project: Project) -> None:
    project.write("delta.yml", playbook("Delta", "delta"))


def remove_file(project: Project) -> None:
    (project.root / "playbooks" / "beta.yml").unlink()


def rename_file(project: Project) -> None:
    # The same bytes under another name: another id, another page.
    (project.root / "playbooks" / "revue.yml").rename(project.root / "playbooks" / "revu.yml")


def change_id(project: Project) -> None:
    project.write("beta.yml", playbook("Beta", "beta") + "id: gamma\n")


def break_reference(project: Project) -> None:
    # Another file changes what this one's page and problems are: checked again, not cached.
    project.write("alpha.yml", playbook("Alpha", "alpha").replace("id: premier", "id: autre"))
    project.write("maturite.yml", ASSESSMENT.replace("alpha/premier", "alpha/autre"))


def add_translation(project: Project) -> None:
    # A new file changes an unchanged one's page: alpha now links to its English version.
    project.write("alpha-en.yml", playbook("Alpha in English", "alpha")
                  + "lang: en\ntranslates: alpha\n")


def change_translation_language(project: Project) -> None:
    add_translation(project)
    project.build(cache=True, name="translated")
    project.write("alpha-en.yml", playbook("Alpha auf Deutsch", "alpha")
                  + "lang: de\ntranslates: alpha\n")


def change_edition(project: Project) -> None:
    project.options["edition"] = "facilitator"


def change_strings(project: Project) -> None:
    project.options["strings"] = "{fr: {play.why: Enjeux}}"


def change_framework(project: Project) -> None:
    project.options["framework"] = "[{id: listen, title: Écouter bien}, {id: engage}]"


def change_language(project: Project) -> None:
    project.language = "en"


def change_today(project: Project) -> None:
    project.options["today"] = "2026-08-01"  # the review of revue.yml falls due


def change_site_url(project: Project) -> None:
    project.extra = "site_url: https://example.org/guide/\n"


def change_plugin_version(project: Project) -> None:
    mkdocs_playbooks.__version__ = "99.0.0"
    cache_module.__version__ = "99.0.0"
    cache_module.environment.cache_clear()


CHANGES: list[Callable[[Project], None]] = [
    change_file, add_file, remove_file, rename_file, change_id, break_reference,
    add_translation, change_translation_language, change_edition,
    change_strings, change_framework, change_language, change_today, change_site_url,
    change_plugin_version,
]


@pytest.mark.cache_matrix
@pytest.mark.parametrize("change", CHANGES, ids=[change.__name__ for change in CHANGES])
def test_a_build_from_the_cache_equals_a_build_without_it_after_any_change(
    project: Project, change: Callable[[Project], None], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mkdocs_playbooks, "__version__", mkdocs_playbooks.__version__)
    monkeypatch.setattr(cache_module, "__version__", cache_module.__version__)
    project.build(cache=True, name="before")  # the cache holds the inputs before the change
    change(project)
    cached, store = project.build(cache=True, name="cached")
    uncached, _ = project.build(cache=False, name="uncached")
    cache_module.environment.cache_clear()
    assert store is not None
    assert store.misses > 0  # the change was seen
    assert cached.keys() == uncached.keys()
    different = [name for name in cached if cached[name] != uncached[name]]
    assert different == []


def build_demo(root: Path, *, cache: bool, name: str) -> dict[str, bytes]:
    site_dir = root / "out" / name
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins["playbooks"].config.cache = cache
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    return pages(site_dir)


@pytest.mark.cache_matrix
def test_the_bilingual_demo_from_the_cache_equals_it_without(tmp_path: Path) -> None:
    """mkdocs-static-i18n builds each language in turn, each with its own pages in the cache."""
    for name in ("docs", "playbooks"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    build_demo(tmp_path, cache=True, name="cold")
    warm = build_demo(tmp_path, cache=True, name="warm")
    uncached = build_demo(tmp_path, cache=False, name="uncached")
    assert any(name.startswith("en/playbooks/") for name in warm)
    assert warm.keys() == uncached.keys()
    assert [name for name in warm if warm[name] != uncached[name]] == []


def test_what_depends_on_other_files_is_checked_again(
    project: Project, caplog: pytest.LogCaptureFixture,
) -> None:
    project.build(cache=True, name="before")
    project.write("alpha.yml", playbook("Alpha", "alpha").replace("id: premier", "id: autre"))
    config_file = project.root / "mkdocs.yml"
    config = load_config(str(config_file), site_dir=str(project.root / "out" / "broken"))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(Abort):
        mkdocs_build(config)
    # The unchanged assessment, read from the cache, names a play that is gone:
    assert "maturite.yml:18:17: error: no play 'alpha/premier'" in caplog.text


@pytest.fixture
def store(tmp_path: Path) -> DiskCache:
    return DiskCache(tmp_path / "cache")


def test_entries_round_trip_and_leave_no_temporary_file(store: DiskCache) -> None:
    key = store.key("a", b"b")
    store.put("parse", key, {"value": [1, 2]})
    store.flush()
    assert DiskCache(store.folder).get("parse", key) == {"value": [1, 2]}
    assert store.get("parse", store.key("a", b"c")) is None
    assert [path.name for path in (store.folder / "parse").iterdir()] == [key]


def damage_end(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1
    path.write_bytes(bytes(raw))


def cut_short(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:len(MAGIC) + 5])


def empty(path: Path) -> None:
    path.write_bytes(b"")


def not_an_entry(path: Path) -> None:
    path.write_bytes(b"\x80\x05garbage")


def unreadable(path: Path) -> None:
    path.unlink()
    path.mkdir()  # reading a folder fails with an OSError other than "not found"


@pytest.mark.parametrize("damage", [damage_end, cut_short, empty, not_an_entry, unreadable])
def test_a_damaged_entry_is_ignored_with_a_warning(
    store: DiskCache, damage: Callable[[Path], None], caplog: pytest.LogCaptureFixture,
) -> None:
    key = store.key("x")
    store.put("parse", key, "a value")
    store.flush()
    store = DiskCache(store.folder)
    damage(store.folder / "parse" / key)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.mkdocs_playbooks.core.cache"):
        assert store.get("parse", key) is None
    assert "ignored" in caplog.text
    assert caplog.records[0].levelno == logging.WARNING


def test_a_damaged_entry_in_a_build_is_made_again(
    project: Project, caplog: pytest.LogCaptureFixture,
) -> None:
    uncached, _ = project.build(cache=False, name="uncached")
    project.build(cache=True, name="first")
    for entry in (project.root / ".cache" / "playbooks").rglob("*"):
        if entry.is_file():
            damage_end(entry)
    with caplog.at_level(logging.WARNING):
        cached, store = project.build(cache=True, name="damaged")
    assert cached == uncached
    assert "cache entry" in caplog.text
    again, store = project.build(cache=True, name="repaired")
    assert store is not None
    assert store.misses == 0
    assert again == uncached


def test_a_cache_that_cannot_be_written_warns_once_and_builds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = DiskCache(blocker / "cache")
    with caplog.at_level(logging.WARNING):
        store.put("parse", store.key("a"), 1)
        store.put("parse", store.key("b"), 2)
        store.flush()
    assert len(caplog.records) == 1
    assert "cannot write the cache" in caplog.text


def test_prune_removes_old_unused_entries_only(store: DiskCache) -> None:
    used, old = store.key("used"), store.key("old")
    store.put("html", used, "kept")
    store.flush()
    other = DiskCache(store.folder)
    other.put("html", old, "old")
    other.flush()
    fresh = DiskCache(store.folder)
    fresh.get("html", used)
    later = 10 * 24 * 3600.0
    assert fresh.prune(["html"], now=time.time() + later) == 1
    assert [path.name for path in (store.folder / "html").iterdir()] == [used]


def test_a_playbook_added_to_a_paginated_listing_moves_the_later_cards(
    project: Project,
) -> None:
    project.options["listing_page_size"] = "2"
    before, _ = project.build(cache=True, name="before")
    assert "playbooks/page/2/index.html" in before
    assert "playbooks/page/3/index.html" not in before
    add_file(project)  # delta: after beta, before revue
    cached, store = project.build(cache=True, name="cached")
    uncached, _ = project.build(cache=False, name="uncached")
    assert store is not None
    assert store.misses > 0
    assert cached == uncached
    for folder in ("playbooks/page", "playbooks/progress/page"):
        second = cached[f"{folder}/2/index.html"].decode()
        assert 'data-pb-playbook="delta"' in second
        assert 'data-pb-playbook="revue"' in second
        assert "maturite" in cached[f"{folder}/3/index.html"].decode()


def test_an_edited_playbook_makes_again_only_the_listing_pages_that_show_it(
    project: Project,
) -> None:
    project.options["listing_page_size"] = "2"  # alpha, beta | revue, maturite
    project.build(cache=True, name="before")
    folder = project.root / ".cache" / "playbooks" / "markdown"
    before = {path.name for path in folder.iterdir()}
    project.write("alpha.yml", playbook("Alpha revu", "alpha"))
    cached, _ = project.build(cache=True, name="cached")
    uncached, _ = project.build(cache=False, name="uncached")
    assert cached == uncached
    reader = DiskCache(project.root / ".cache" / "playbooks")
    made = [str(reader.get("markdown", name)) for name in
            sorted({path.name for path in folder.iterdir()} - before)]
    assert any("Alpha revu" in text and "pb-pager" in text for text in made)  # page 1, anew
    assert not any('data-pb-playbook="revue"' in text for text in made)  # page 2 kept
