"""Every mistake named where it was made: one message, at the line the author must edit, in the
author's words. The golden corpus (`golden/errors/`) holds one case of each kind; these tests
replay a mistake on every line where an author could make it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_playbooks.core.loader import load_text
from mkdocs_playbooks.core.problems import ContentError, Problem
from mkdocs_playbooks.core.validate import to_model
from mkdocs_playbooks.engines.skeletons import new_site

from .conftest import REPO

_KEY_LINE = re.compile(r"^(?P<lead> *(?:- +)?)(?P<key>[a-z_]+):(?: +|$)")


def first_problem(text: str) -> Problem | None:
    """The first problem of a file on its own: its YAML, then its shape."""
    try:
        loaded = load_text(text, "x.yml")
    except ContentError as error:
        return error.problems[0]
    _model, problems = to_model(loaded)
    return problems[0] if problems else None


def without_colon(line: str) -> str | None:
    """`line` with the ': ' after its key left out (`title Écouter`), None if it has no key."""
    found = _KEY_LINE.match(line)
    if found is None:
        return None
    value = line[found.end():]
    return line[:found.end("key")] + (" " + value if value.strip() else "\n")


@pytest.fixture(scope="module")
def skeletons(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    site = tmp_path_factory.mktemp("init") / "site"
    new_site(site)
    return sorted((site / "playbooks").glob("*.yml"))


def test_a_key_without_its_colon_is_named_at_its_own_line(skeletons: list[Path]) -> None:
    """Whichever key of the skeletons `playbooks init` writes, and of a demo playbook, loses its
    ': ', the first message is at that line and says so."""
    files = [*skeletons, REPO / "playbooks" / "ecoute-sociale.yml"]
    wrong = []
    tried = 0
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for number, line in enumerate(lines, start=1):
            broken = without_colon(line)
            if broken is None:
                continue
            tried += 1
            problem = first_problem("".join([*lines[:number - 1], broken, *lines[number:]]))
            if problem is None or problem.line != number or "no ': ' after" not in problem.message:
                wrong.append(f"{path.name}:{number}: {broken.strip()!r} -> {problem}")
    assert tried > 150
    assert wrong == []
