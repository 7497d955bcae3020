"""The README's table of speed and memory ratios, written from what `run.py` recorded.

Run: python benchmarks/readme_table.py SECTION [SECTION ...] [--results benchmarks/RESULTS.md]
     [--readme README.md] [--no-write]

Reads the "Ratios" block of each named section of the results file (as `run.py --section NAME`
wrote it: one line per ratio, in CPU time with the lowest and highest round, then in wall time,
the target and its verdict) and the section's date, load and command; writes a table with a
column per N between `<!-- benchmark-ratios:start -->` and `<!-- benchmark-ratios:end -->` in
the README, replacing what was there. No figure is typed by hand: measure again, then run this.
"""

from __future__ import annotations

import argparse
import math
import re
from dataclasses import dataclass
from pathlib import Path

try:
    from benchmarks import common
except ImportError:  # run as `python benchmarks/readme_table.py`
    import common  # type: ignore[no-redef, import-not-found]

HERE = Path(__file__).resolve().parent
README_SECTION = "benchmark-ratios"

ROWS = [
    ("cold build time plugin / handmade", "Cold build / the same pages written by hand, CPU"),
    ("warm build time plugin / handmade", "Warm build / hand-written pages, CPU"),
    ("warm next day plugin / handmade",
     "Warm build the next day (`today` moved) / hand-written pages, CPU"),
    ("warm next day / warm same day", "Warm build the next day / the same day's, CPU"),
    ("export / the plugin's whole cold build", "`playbooks export` / the plugin's cold build, CPU"),
    ("export / the plugin's added work (cold - handmade)",
     "`playbooks export` / the plugin's added work (cold − hand-written), CPU"),
    ("export again / the plugin's added work (cold - handmade)",
     "`playbooks export` again, playbooks unchanged / the plugin's added work, CPU"),
    ("Zensical time, exported / handmade",
     "Zensical on the exported site / on hand-written pages, CPU"),
    ("Zensical peak memory, exported / handmade",
     "Zensical on the exported site / on hand-written pages, peak memory"),
    ("cold peak memory plugin / handmade", "Cold build / hand-written pages, peak memory"),
]
"""The ratios the README shows, by their name in `run.py`'s lines, with the README's words."""

SAID_INSTEAD = {"export / the plugin's added work: none measured":
                "export / the plugin's added work (cold - handmade)"}
"""`run.py`'s line for a ratio it could not measure, and the ratio's name."""

RATIO_LINE = re.compile(
    r"^(?P<name>.+?), N=(?P<count>\d+)\s+(?P<value>nan|[\d.]+)×"
    r"(?:\s+\((?P<low>[\d.]+)-(?P<high>[\d.]+)\))?"
    r"(?:\s+(?P<wall>nan|[\d.]+)× wall)?"
    r"(?:\s+≤ (?P<target>[\d.]+)×)?"
    r"\s+(?P<verdict>PASS|FAIL|info)$")


@dataclass(frozen=True)
class Ratio:
    name: str
    count: int
    value: float
    low: float | None
    high: float | None
    wall: float | None
    target: float | None
    verdict: str
    recorded: str
    """The value as the line wrote it (three digits where two would hide a miss)."""

    def cell(self) -> str:
        if math.isnan(self.value):
            return "not measurable"
        text = f"{self.recorded}×"  # as recorded: run.py gives a third digit to a hidden miss
        notes = []
        if self.low is not None and self.high is not None and self.low != self.high:
            notes.append(f"rounds {self.low:.2f}–{self.high:.2f}")
        if self.wall is not None and not math.isnan(self.wall):
            notes.append(f"wall {self.wall:.2f}×")
        if notes:
            text += f" ({'; '.join(notes)})"
        if self.verdict != "info":
            text += " ✓" if self.verdict == "PASS" else " ✗"
        return text


@dataclass(frozen=True)
class Section:
    name: str
    ratios: list[Ratio]
    date: str
    command: str
    runs: str
    load: str
    """The 1-minute load average before and after the run."""


def read_section(results: str, name: str) -> Section:
    """The ratios, date, command and number of rounds of section `name` of a results file."""
    found = re.search(rf"<!-- {re.escape(name)}:start -->(.*?)<!-- {re.escape(name)}:end -->",
                      results, re.DOTALL)
    if found is None:
        raise SystemExit(f"no section {name!r} in the results file: run `python benchmarks/"
                         f"run.py --section {name} …` first")
    text = found.group(1)
    ratios = [ratio for line in text.splitlines() if (ratio := parse_ratio(line.strip()))]
    if not ratios:
        raise SystemExit(f"section {name!r} has no ratio lines: was it written by run.py?")
    date = re.search(r"^Date: (.+?);", text, re.MULTILINE)
    load = re.search(r"load average before the run: ([\d.]+) \(1 min\).*?after: ([\d.]+) \(1 min\)",
                     text)
    command = re.search(r"^Command: `(.+?)`", text, re.MULTILINE)
    runs = re.search(r"^Builds \((\d+) of each", text, re.MULTILINE)
    return Section(name, ratios, date.group(1) if date else "?",
                   command.group(1) if command else "?", runs.group(1) if runs else "?",
                   f"{load.group(1)} → {load.group(2)}" if load else "?")


def parse_ratio(line: str) -> Ratio | None:
    match = RATIO_LINE.match(line)
    if match is None:
        return None

    def number(group: str) -> float | None:
        value = match.group(group)
        return None if value is None else float(value)

    value = number("value")
    assert value is not None
    name = SAID_INSTEAD.get(match.group("name"), match.group("name"))
    return Ratio(name, int(match.group("count")), value, number("low"),
                 number("high"), number("wall"), number("target"), match.group("verdict"),
                 match.group("value"))


def table(sections: list[Section]) -> str:
    ratios = {(ratio.name, ratio.count): ratio for section in sections for ratio in section.ratios}
    counts = sorted({ratio.count for section in sections for ratio in section.ratios})
    targets = {ratio.name: ratio.target for ratio in ratios.values() if ratio.target is not None}
    head = ["measured", *(f"N = {count:,}" for count in counts), "target"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for name, words in ROWS:
        cells = [ratios[(name, count)].cell() if (name, count) in ratios else "not measured"
                 for count in counts]
        if all(cell == "not measured" for cell in cells):
            continue
        target = f"≤ {targets[name]:.2f}×" if name in targets else ""
        lines.append("| " + " | ".join([words, *cells, target]) + " |")
    sources = "; ".join(
        f"`{s.name}`: {s.date}, load {s.load}, {s.runs} round{'' if s.runs == '1' else 's'}, "
        f"`{s.command}`"
        for s in sections)
    return ("\n".join(lines) + "\n\nThe median of the rounds' ratios (in each round the two "
            "builds of a ratio run back to back), the lowest and highest round, and the same ratio "
            "in wall time; ✓/✗: the target, on CPU time, met or not. Written by "
            "`python benchmarks/readme_table.py "
            f"{' '.join(s.name for s in sections)}` from benchmarks/RESULTS.md ({sources}).")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sections", nargs="+", help="sections of the results file, by name")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--readme", type=Path, default=HERE.parent / "README.md")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    print(write(args.results, None if args.no_write else args.readme, args.sections))


def write(results: Path, readme: Path | None, names: list[str]) -> str:
    """The table of the sections `names` of `results`, written into `readme` unless None."""
    recorded = results.read_text(encoding="utf-8")
    text = table([read_section(recorded, name) for name in names])
    if readme is not None:
        common.write_section(readme, README_SECTION, text)
    return text


if __name__ == "__main__":
    main()
