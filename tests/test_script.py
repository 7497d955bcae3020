"""The browser script's own tests (tests/js, Node's built-in runner): its pure parts, and their
parity with the Python reference, run with this Python; each part's header against its code; and
the share of the logic that needs no page under those tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_playbooks.output.assets import read_part, script_parts

from .js.script_logic import (
    read_code,
    report,
    run_node_tests,
    shadowing,
    shares,
    undeclared,
    writes_to_others,
)

LOGIC_UNDER_NODE = 0.80
"""The least share of the script's logic that needs no page to run under Node's tests."""


def test_node_tests_of_the_script_pass_and_cover_the_logic_that_needs_no_page(
    tmp_path: Path,
) -> None:
    assert shutil.which("node"), "no `node` on PATH: the script's tests need Node 20 or later"
    coverage, answers = tmp_path / "coverage", tmp_path / "answers"
    answers.mkdir()
    run = run_node_tests(coverage, answers)
    assert run.returncode == 0, run.stdout[-20_000:] + run.stderr[-5_000:]
    rows = shares(coverage)
    tested, logic = sum(row.tested for row in rows), sum(row.logic for row in rows)
    assert tested >= LOGIC_UNDER_NODE * logic, report(rows)


@pytest.mark.parametrize("part", script_parts(), ids=lambda part: part.name)
def test_a_part_uses_what_its_header_declares_and_nothing_else(part: object) -> None:
    assert undeclared(read_code(part)) == []  # type: ignore[arg-type]


def test_no_part_declares_a_name_that_another_declares_at_its_top_level() -> None:
    assert shadowing([read_code(part) for part in script_parts()]) == []


@pytest.mark.parametrize("part", script_parts(), ids=lambda part: part.name)
def test_a_part_changes_no_object_another_part_gives(part: object) -> None:
    assert writes_to_others(read_code(part)) == []  # type: ignore[arg-type]


def test_a_change_to_another_part_s_object_is_found(tmp_path: Path) -> None:
    source = ("// main.js: a part.\n// uses a.js: state, other\n"
              "state.one = !state.one;\nstate.two += 1;\nObject.assign(other, { x: 1 });\n"
              "if (state.one == other.x) state.three ??= 2;\nconst own = { state: 1 };\n")
    (tmp_path / "main.js").write_text(source, encoding="utf-8")
    (tmp_path / "a.js").write_text("// a.js: a part.\n// gives: state, other\n", encoding="utf-8")
    code = read_code(read_part(tmp_path / "main.js"), tmp_path)
    assert [problem.split(": changes ")[0] for problem in writes_to_others(code)] == [
        "main.js:3", "main.js:4", "main.js:5", "main.js:6"]
