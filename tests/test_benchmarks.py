"""The README's table of ratios is written from the lines `benchmarks/run.py` records, never typed:
the two agree on the lines' form."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import common, readme_table, run
from benchmarks.run import Check


def recorded(name: str, checks: list[Check], rounds: int = 3) -> str:
    """A section of the results file as `run.py` writes it, with these ratio lines."""
    lines = "\n".join(check.line() for check in checks)
    return (f"<!-- {name}:start -->\n## Build benchmarks\n\n"
            "Date: 2026-12-03 17:03 UTC; load average before the run: 1.5 (1 min) / 2.0 (5 min), "
            "after: 3.25 (1 min) / 2.5 (5 min).\n"
            f"Command: `python benchmarks/run.py --sizes 1000 --runs {rounds} --section {name}`\n\n"
            f"Builds ({rounds} of each, alternating in a rotating order):\n\n"
            f"Ratios: the median of the rounds' ratios:\n\n```text\n{lines}\n```\n"
            f"<!-- {name}:end -->\n")


COLD_1000 = Check("cold build time plugin / handmade, N=1000", 1.16, 1.05, 1.31, (1.12, 1.18))
WARM_1000 = Check("warm build time plugin / handmade, N=1000", 0.41, 1.0, 0.33, (0.40, 0.44))
COLD_3000 = Check("cold build time plugin / handmade, N=3000", 1.04, 1.05, 0.98, (1.03, 1.04))
MEMORY_1000 = Check("Zensical peak memory, exported / handmade, N=1000", 1.003, 1.0)
NONE_MEASURED = Check("export / the plugin's added work: none measured, N=3000", float("nan"),
                      None, float("nan"))


def test_every_ratio_line_run_py_writes_is_read_back() -> None:
    for check in (COLD_1000, WARM_1000, MEMORY_1000, NONE_MEASURED):
        ratio = readme_table.parse_ratio(check.line())
        assert ratio is not None, check.line()
        assert (ratio.count, ratio.target) == (int(check.name.rsplit("=", 1)[1]), check.target)
        assert ratio.verdict == check.verdict
    cold = readme_table.parse_ratio(COLD_1000.line())
    assert cold is not None
    assert (cold.value, cold.low, cold.high, cold.wall) == (1.16, 1.12, 1.18, 1.31)


def test_the_table_has_a_column_per_n_and_the_sections_sources() -> None:
    results = recorded("run-1000", [COLD_1000, WARM_1000, MEMORY_1000]) + recorded(
        "run-3000", [COLD_3000, NONE_MEASURED], rounds=2)
    table = readme_table.table([readme_table.read_section(results, name)
                                for name in ("run-1000", "run-3000")])
    rows = table.splitlines()
    assert rows[0] == "| measured | N = 1,000 | N = 3,000 | target |"
    assert ("| Cold build / the same pages written by hand, CPU | 1.16× (rounds 1.12–1.18; "
            "wall 1.31×) ✗ | 1.04× (rounds 1.03–1.04; wall 0.98×) ✓ | ≤ 1.05× |") in rows
    assert ("| Warm build / hand-written pages, CPU | 0.41× (rounds 0.40–0.44; wall 0.33×) ✓ "
            "| not measured | ≤ 1.00× |") in rows
    assert ("| `playbooks export` / the plugin's added work (cold − hand-written), CPU "
            "| not measured | not measurable |  |") in rows
    assert not any(row.startswith("| Zensical on the exported site / on hand-written pages, CPU")
                   for row in rows)  # measured in neither section
    assert ("`run-3000`: 2026-12-03 17:03 UTC, load 1.5 → 3.25, 2 rounds, "
            "`python benchmarks/run.py --sizes 1000 --runs 2") in table


def test_a_miss_hidden_by_rounding_is_shown_as_a_miss() -> None:
    assert "1.003×" in MEMORY_1000.line()
    table = readme_table.table([readme_table.read_section(recorded("m", [MEMORY_1000]), "m")])
    assert "| 1.00× " not in table
    assert "1.003× ✗ | ≤ 1.00× |" in table


def test_the_readme_section_is_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n\n<!-- benchmark-ratios:start -->\nOLD-TABLE\n"
                      "<!-- benchmark-ratios:end -->\n\nAfter.\n", encoding="utf-8")
    results = tmp_path / "RESULTS.md"
    results.write_text(recorded("run-1000", [COLD_1000]), encoding="utf-8")
    readme_table.write(results, readme, ["run-1000"])
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\n<!-- benchmark-ratios:start -->\n| measured |")
    assert "OLD-TABLE" not in text
    assert text.endswith("<!-- benchmark-ratios:end -->\n\nAfter.\n")


def test_a_section_that_is_not_there_is_named() -> None:
    with pytest.raises(SystemExit, match=r"no section 'run-3000'.*--section run-3000"):
        readme_table.read_section(recorded("run-1000", [COLD_1000]), "run-3000")


COMPARED = [("plugin", "handmade"), ("warm", "handmade"), ("plugin", "flat"),
            ("zensical", "zensical-hand"), ("next-day", "warm")]
"""The builds of a ratio `run.py` judges or shows, by pairs."""


@pytest.mark.parametrize("kinds", [run.KINDS, ("plugin", "handmade"),
                                   ("plugin", "warm", "next-day", "handmade")])
def test_a_round_runs_the_two_builds_of_a_ratio_back_to_back_each_first_in_turn(
        kinds: tuple[str, ...]) -> None:
    rounds = [run.round_order(kinds, number) for number in range(4)]
    for order in rounds:
        assert sorted(order) == sorted(kinds)
    for a, b in COMPARED:
        if not {a, b} <= set(kinds):
            continue
        gaps = [order.index(a) - order.index(b) for order in rounds]
        assert {abs(gap) for gap in gaps} == {1}, (a, b, rounds)
        assert sum(gap > 0 for gap in gaps) == len(rounds) // 2, (a, b, rounds)


def test_each_export_timed_is_set_against_the_plugins_added_work() -> None:
    def sized(plugin: float, **others: float) -> run.SizeResult:
        result = run.SizeResult(1000)
        for kind, cpu in {"plugin": plugin, "handmade": 20.0, **others}.items():
            result.builds[kind.replace("_", "-")] = [common.Sample(cpu, 0, cpu)]
        return result

    timed = sized(24.0, export=20.0, export_again=2.0)
    checks = run.export_checks(timed, {"plugin", "handmade", "export", "export-again"})
    assert [(check.name, check.value) for check in checks] == [
        ("export / the plugin's added work (cold - handmade), N=1000", 5.0),
        ("export again / the plugin's added work (cold - handmade), N=1000", 0.5)]
    again_only = run.export_checks(timed, {"plugin", "handmade", "export-again"})
    assert [check.name for check in again_only] == [
        "export again / the plugin's added work (cold - handmade), N=1000"]
    assert run.export_checks(timed, {"plugin", "handmade"}) == []
    none = run.export_checks(sized(19.0, export=20.0), {"plugin", "handmade", "export"})
    assert [check.name for check in none] == [
        "export / the plugin's added work: none measured, N=1000"]
