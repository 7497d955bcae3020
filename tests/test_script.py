"""The browser script's own tests (tests/js, Node's built-in runner): its pure parts, and their
parity with the Python reference, run with this Python; each part's header against its code; and
the share of the logic that needs no page under those tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_playbooks.output.assets import script_parts

from .js.script_logic import read_code, report, run_node_tests, shadowing, shares, undeclared

LOGIC_UNDER_NODE = 0.59
"""The least share of the script's logic that needs no page to run under Node's tests."""


def test_node_tests_of_the_script_pass_and_cover_the_logic_that_needs_no_page(
    tmp_path: Path,
) -> None:
    assert shutil.which("node"), "no `node` on PATH: the script's tests need Node 20 or later"
    run = run_node_tests(tmp_path)
    assert run.returncode == 0, run.stdout[-20_000:] + run.stderr[-5_000:]
    rows = shares(tmp_path)
    tested, logic = sum(row.tested for row in rows), sum(row.logic for row in rows)
    assert tested >= LOGIC_UNDER_NODE * logic, report(rows)


@pytest.mark.parametrize("part", script_parts(), ids=lambda part: part.name)
def test_a_part_uses_what_its_header_declares_and_nothing_else(part: object) -> None:
    assert undeclared(read_code(part)) == []  # type: ignore[arg-type]


def test_no_part_declares_a_name_that_another_declares_at_its_top_level() -> None:
    assert shadowing([read_code(part) for part in script_parts()]) == []
