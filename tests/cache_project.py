"""A small site built in process, again and again, by the cache's tests: its options and files
change between builds."""

from __future__ import annotations

import datetime
import logging
import shutil
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from mkdocs_playbooks.core.cache import Cache

from .conftest import playbook

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

TODAY = datetime.date(2026, 3, 1)
"""The day of the builds: revue.yml is due from 2026-07-10."""

MINIMAL_THEME = """\
<!doctype html><html lang="{{ config.theme.language }}"><title>{{ page.title }}</title>
<nav>{% for item in nav %}{{ item.title }} {% for child in item.children or [] %}\
{{ child.title }} {% endfor %}{% endfor %}</nav>
<main>{{ page.content }}</main>
"""
"""A theme with nothing but the page and the nav: what the plugin makes, built quickly (Material
compiles its templates at every build, a second of each small build)."""

CACHE_LOGGER = "mkdocs.plugins.mkdocs_playbooks.core.cache"


class Project:
    """A small site (Material, or the minimal theme) whose options and files a test changes
    between builds."""

    def __init__(self, root: Path, *, theme: str = "material",
                 files_from: Path | None = None) -> None:
        """A new site in `root`; or, with `files_from`, a copy of that site (the same
        options), its cache included."""
        self.root = root
        self.theme = theme
        self.language = "fr"
        self.options: dict[str, object] = {"today": TODAY}
        self.config: dict[str, object] = {}
        """Other keys of `mkdocs.yml` (site_url, plugins' options…)."""
        self.plugins: list[object] = ["search"] if theme == "minimal" else ["search", "tags"]
        self.folder = root / "playbooks"
        if files_from is not None:
            shutil.copytree(files_from, root)
            return
        (root / "docs").mkdir(parents=True)
        (root / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
        self.folder.mkdir()
        if theme == "minimal":
            (root / "theme").mkdir()
            (root / "theme" / "main.html").write_text(MINIMAL_THEME, encoding="utf-8")
        self.write("alpha.yml", playbook("Alpha", "alpha"))
        self.write("beta.yml", playbook("Beta", "beta"))
        self.write("revue.yml", REVIEWED)
        self.write("maturite.yml", ASSESSMENT)

    @property
    def cache_folder(self) -> Path:
        """Where the plugin keeps its cache."""
        return self.root / str(self.options.get("cache_dir", ".cache/playbooks"))

    def write(self, name: str, text: str) -> None:
        """Write the playbook file `name`."""
        (self.folder / name).write_text(textwrap.dedent(text), encoding="utf-8")

    def write_config(self, *, cache: bool) -> Path:
        """Write `mkdocs.yml`; its path."""
        theme: dict[str, object] = {"name": "material", "font": False}
        if self.theme == "minimal":
            theme = {"name": None, "custom_dir": "theme"}
        config = {
            "site_name": "Test site",
            "theme": {**theme, "language": self.language},
            "plugins": [*self.plugins,
                        {"playbooks": {**self.options, "cache": cache}}],
            **self.config,
        }
        path = self.root / "mkdocs.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        return path

    def build(self, *, cache: bool, name: str, strict: bool = False
              ) -> tuple[dict[str, bytes], Cache | None]:
        """Build into `out/name`; the site's files by path, and the plugin's cache."""
        config_file = self.write_config(cache=cache)
        site_dir = self.root / "out" / name
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        plugin = config.plugins["playbooks"]
        return files(site_dir), plugin.cache


def files(site: Path) -> dict[str, bytes]:
    """The files of a built site by path."""
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def entries(folder: Path, kind: str = "*") -> list[Path]:
    """The cache's entry files of `kind` in `folder`."""
    return sorted(path for path in folder.glob(f"{kind}/*") if path.is_file())


@contextmanager
def cache_messages() -> Iterator[list[logging.LogRecord]]:
    """The records the cache logs meanwhile (at any level)."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger(CACHE_LOGGER)
    handler = Keep(logging.DEBUG)
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
