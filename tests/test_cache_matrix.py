"""A build from the cache equals, byte for byte, a build without it, whatever changed since the
cache was filled: each plugin option (the list comes from `engines/config.py`: a new option
without a change here fails), each kind of change to the content, the theme's language, a site
built by language, another version of the plugin.

Each case copies a small site whose cache a first build filled (`warm`), makes one change, then
builds it with the cache and without, in process, with a minimal theme (what the plugin makes,
without Material's second of template compilation per build)."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

import mkdocs_playbooks
from mkdocs_playbooks.core import cache as cache_module
from mkdocs_playbooks.engines.config import PlaybooksConfig

from .cache_project import ASSESSMENT, TODAY, Project, files
from .conftest import REPO, playbook

pytestmark = pytest.mark.cache_matrix


@dataclass(frozen=True)
class Change:
    """A change between the build that filled the cache and the builds compared."""

    name: str
    apply: Callable[[Project], None]
    seen: bool
    """Whether the change makes some entry again (else every entry comes from the cache: the
    change is one that no cached value depends on)."""


# Every option of the plugin.

def move_playbooks_folder(project: Project) -> None:
    project.folder.rename(project.root / "contenus")
    project.folder = project.root / "contenus"
    project.options["dir"] = "contenus"


def change_framework(project: Project) -> None:
    project.options["framework"] = [{"id": "listen", "title": "Écouter bien"},
                                    {"id": "engage"}, {"id": "adapt"}]


def change_edition(project: Project) -> None:
    project.options["edition"] = "facilitator"


def allow_html(project: Project) -> None:
    project.options["allow_html"] = True


def strict_reviews(project: Project) -> None:
    project.options["strict_reviews"] = True


def change_nav_limit(project: Project) -> None:
    project.options["nav_limit"] = 1


def change_listing_page_size(project: Project) -> None:
    project.options["listing_page_size"] = 2


def change_strings(project: Project) -> None:
    project.options["strings"] = {"fr": {"play.why": "Enjeux"}}


def build_once_without_cache(project: Project) -> None:
    before = sorted(project.cache_folder.rglob("*"))
    project.build(cache=False, name="off")
    assert sorted(project.cache_folder.rglob("*")) == before  # neither read nor written


def move_cache_folder(project: Project) -> None:
    project.cache_folder.rename(project.root / "autre-cache")
    project.options["cache_dir"] = "autre-cache"


def next_day(project: Project) -> None:
    project.options["today"] = TODAY + datetime.timedelta(days=1)


def review_falls_due(project: Project) -> None:
    project.options["today"] = datetime.date(2026, 8, 1)  # revue.yml is due from 2026-07-10


OPTION_CHANGES = {
    "dir": Change("move_playbooks_folder", move_playbooks_folder, seen=True),
    "framework": Change("change_framework", change_framework, seen=True),
    "edition": Change("change_edition", change_edition, seen=True),
    "allow_html": Change("allow_html", allow_html, seen=True),  # the pages' HTML, unsanitised
    "strict_reviews": Change("strict_reviews", strict_reviews, seen=False),
    "nav_limit": Change("change_nav_limit", change_nav_limit, seen=False),
    "listing_page_size": Change("change_listing_page_size", change_listing_page_size, seen=True),
    "strings": Change("change_strings", change_strings, seen=True),
    "cache": Change("build_once_without_cache", build_once_without_cache, seen=False),
    "cache_dir": Change("move_cache_folder", move_cache_folder, seen=False),
    "today": Change("next_day", next_day, seen=False),
}
"""A change of each option of `PlaybooksConfig`, by option."""


# Every kind of change to the content and around it.

def change_file(project: Project) -> None:
    project.write("alpha.yml", playbook("Alpha revu", "alpha").replace("Classer", "Trier"))


def add_file(project: Project) -> None:
    project.write("delta.yml", playbook("Delta", "delta"))


def remove_file(project: Project) -> None:
    (project.folder / "beta.yml").unlink()


def rename_file(project: Project) -> None:
    # The same bytes under another name: another id, another page.
    (project.folder / "revue.yml").rename(project.folder / "revu.yml")


def change_id(project: Project) -> None:
    project.write("beta.yml", playbook("Beta", "beta") + "id: gamma\n")


def break_reference(project: Project) -> None:
    # Another file changes what this one's page and problems are: checked again, not cached.
    project.write("alpha.yml", playbook("Alpha", "alpha").replace("id: premier", "id: autre"))
    project.write("maturite.yml", ASSESSMENT.replace("alpha/premier", "alpha/autre"))


def change_assessment(project: Project) -> None:
    project.write("maturite.yml", ASSESSMENT.replace("Q ?", "Une autre question ?"))


def change_review_date(project: Project) -> None:
    text = (project.folder / "revue.yml").read_text(encoding="utf-8")
    project.write("revue.yml", text.replace("reviewed: 2026-01-10", "reviewed: 2025-01-10"))


def add_translation(project: Project) -> None:
    # A new file changes an unchanged one's page: alpha now links to its English version.
    project.write("alpha-en.yml", playbook("Alpha in English", "alpha")
                  + "lang: en\ntranslates: alpha\n")


def change_translation_language(project: Project) -> None:
    add_translation(project)
    project.build(cache=True, name="translated")
    project.write("alpha-en.yml", playbook("Alpha auf Deutsch", "alpha")
                  + "lang: de\ntranslates: alpha\n")


def remove_translation(project: Project) -> None:
    add_translation(project)
    project.build(cache=True, name="translated")
    (project.folder / "alpha-en.yml").unlink()


def change_language(project: Project) -> None:
    project.language = "en"


def build_by_language(project: Project) -> None:
    add_translation(project)
    project.plugins = [*project.plugins, {"i18n": {
        "docs_structure": "suffix", "reconfigure_material": False,
        "languages": [{"locale": "fr", "name": "Français", "default": True},
                      {"locale": "en", "name": "English", "theme": {"language": "en"}}],
    }}]


def change_site_url(project: Project) -> None:
    project.config["site_url"] = "https://example.org/guide/"


def change_plugin_version(project: Project) -> None:
    mkdocs_playbooks.__version__ = "99.0.0"
    cache_module.__version__ = "99.0.0"
    cache_module.environment.cache_clear()


CONTENT_CHANGES = [
    Change("change_file", change_file, seen=True),
    Change("add_file", add_file, seen=True),
    Change("remove_file", remove_file, seen=True),
    Change("rename_file", rename_file, seen=True),
    Change("change_id", change_id, seen=True),
    Change("break_reference", break_reference, seen=True),
    Change("change_assessment", change_assessment, seen=True),
    Change("change_review_date", change_review_date, seen=True),
    Change("review_falls_due", review_falls_due, seen=True),
    Change("add_translation", add_translation, seen=True),
    Change("change_translation_language", change_translation_language, seen=True),
    Change("remove_translation", remove_translation, seen=False),  # back to the cached state
    Change("change_language", change_language, seen=True),
    Change("build_by_language", build_by_language, seen=True),
    Change("change_site_url", change_site_url, seen=False),
    Change("change_plugin_version", change_plugin_version, seen=True),
]

CHANGES = [*OPTION_CHANGES.values(), *CONTENT_CHANGES]


def test_every_option_of_the_plugin_has_a_change() -> None:
    options = {name for name, _ in PlaybooksConfig._schema}
    assert set(OPTION_CHANGES) == options


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small site and the cache of a first build of it."""
    project = Project(tmp_path_factory.mktemp("warm") / "site", theme="minimal")
    project.build(cache=True, name="before")
    shutil.rmtree(project.root / "out")
    return project.root


@pytest.mark.parametrize("change", CHANGES, ids=[change.name for change in CHANGES])
def test_a_build_from_the_cache_equals_a_build_without_it_after_any_change(
    warm: Path, tmp_path: Path, change: Change, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mkdocs_playbooks, "__version__", mkdocs_playbooks.__version__)
    monkeypatch.setattr(cache_module, "__version__", cache_module.__version__)
    project = Project(tmp_path / "site", theme="minimal", files_from=warm)
    change.apply(project)
    try:
        cached, store = project.build(cache=True, name="cached")
        uncached, _ = project.build(cache=False, name="uncached")
    finally:
        cache_module.environment.cache_clear()
    assert store is not None
    assert (sum(store.misses.values()) > 0) is change.seen, dict(store.misses)
    assert sum(store.hits.values()) > 0 or change.name == "change_plugin_version"
    assert store.ignored == []
    assert cached.keys() == uncached.keys()
    assert [name for name in cached if cached[name] != uncached[name]] == []


def build_demo(root: Path, *, cache: bool, name: str) -> dict[str, bytes]:
    site_dir = root / "out" / name
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins["playbooks"].config.cache = cache
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    return files(site_dir)


@pytest.mark.cache_demo
def test_the_bilingual_demo_from_the_cache_equals_it_without(tmp_path: Path) -> None:
    """mkdocs-static-i18n builds each language in turn, each with its own pages in the cache
    (Material, every page of the demo: `make test`, not `make check`)."""
    for name in ("docs", "playbooks"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    build_demo(tmp_path, cache=True, name="cold")
    warm = build_demo(tmp_path, cache=True, name="warm")
    uncached = build_demo(tmp_path, cache=False, name="uncached")
    assert any(name.startswith("en/playbooks/") for name in warm)
    assert warm.keys() == uncached.keys()
    assert [name for name in warm if warm[name] != uncached[name]] == []
