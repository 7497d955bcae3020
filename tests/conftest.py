"""Shared helpers: small fixture sites built by the real MkDocs, in process or in a process of
its own."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .in_process import Ran, run_mkdocs

REPO = Path(__file__).resolve().parent.parent
# The cache signs its pages with a secret of the user's (`core.cache.secret_file`): the tests,
# and the builds they run, use one of their own, never the user's; and no shared secret.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="playbooks-tests-data-")
os.environ.pop("PLAYBOOKS_CACHE_KEY", None)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

BASE_CONFIG = """\
site_name: Test site
theme:
  name: material
  language: {language}
  font: false
plugins:
  - search
  - tags
  - playbooks{options}
"""

PLAYBOOK = """\
title: {title}
summary: Résumé de {title}.
tags: [écoute]
phases:
  - phase: listen
    plays:
      - id: premier
        title: Premier jeu
        why: Parce que **ça compte**.
        facilitator: Note secrète pour l'animateur.
        checklist:
          - {{id: lister-{id}, text: Lister les relations de {title}}}
          - {{id: classer, text: Classer *vite*, help: Par ordre d'importance.}}
"""


@dataclass
class Build:
    root: Path
    result: Ran | subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, path: str) -> str:
        return (self.site / path / "index.html").read_text(encoding="utf-8")


def write_site(
    root: Path,
    playbooks: dict[str, str],
    *,
    options: str = "",
    language: str = "fr",
    extra_config: str = "",
    docs: dict[str, str] | None = None,
) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "playbooks").mkdir(exist_ok=True)
    config = BASE_CONFIG.format(language=language, options=options) + extra_config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in (docs or {"index.md": "# Accueil\n"}).items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in playbooks.items():
        (root / "playbooks" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def mkdocs(
    root: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs ARGS` in a process of its own: for a test whose subject is the process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=root, env={**ENV, **(env or {})},
        capture_output=True, text=True, timeout=300, check=False,
    )


def build(root: Path, *args: str, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build --strict ARGS` of the site at `root`, in process, with the variables `env`
    added to the environment (`mkdocs` runs it in a process of its own, for the tests whose
    subject is the process)."""
    return Build(root, run_mkdocs("build", "--strict", *args, cwd=root, env=env))


def playbook(title: str, playbook_id: str) -> str:
    return PLAYBOOK.format(title=title, id=playbook_id)


BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks every test under tests/browser `browser`: `make check` leaves them out."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected files of the golden tests from the code")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def simple_site(tmp_path: Path) -> Path:
    return write_site(tmp_path, {
        "alpha.yml": playbook("Alpha", "alpha"),
        "beta.yml": playbook("Beta", "beta"),
    })


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    """Whether `condition` came true within `seconds`, asked again until then: a state waited
    on (a server up, a rebuild done), never a fixed pause."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False
