"""Build time and memory of the plugin against the same pages written by hand, and more.

Run: python benchmarks/run.py [--sizes 10,100,1000] [--runs 3] [--out benchmarks/RESULTS.md]

For each N, generates the three sites of `generate.py` (plugin, handmade, flat) in a temporary
folder, then builds each of them `--runs` times, alternating (the order rotates from one run to
the next), with `python -m mkdocs build -q` in a child process whose wall time and peak memory are
measured. It also times `playbooks validate` against a script that only loads every YAML file
with the C loader (both as child processes, so both pay the interpreter's start-up), and measures
the HTML of a playbook page and the plugin's JS + CSS. Prints medians, ratios and each target
met or missed, and writes the same into RESULTS.md between `<!-- run:start -->` and
`<!-- run:end -->`.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

try:
    from benchmarks import common
except ImportError:  # run as `python benchmarks/run.py`
    import common  # type: ignore[no-redef, import-not-found]

KINDS = ("plugin", "warm", "handmade", "flat")
"""The builds measured: `plugin` is the plugin's site built cold (its cache folder removed
first), `warm` the same site built again with the cache of an earlier build; `handmade` and
`flat` are the other sites of `generate.py`. Plugin code runs only in child processes, which
import the copy of the plugin taken at the start (`common.Code`)."""
SITE_OF = {"plugin": "plugin", "warm": "plugin", "handmade": "handmade", "flat": "flat"}
CACHE = Path(".cache")
"""The plugin's cache folder in its site (the default `cache_dir` is inside it)."""
GENERATE = [sys.executable, str(common.ROOT / "benchmarks" / "generate.py")]
ASSET_SIZE = [sys.executable, str(common.ROOT / "benchmarks" / "asset_size.py")]
BUILD = [sys.executable, "-m", "mkdocs", "build", "-q", "-d"]
VALIDATE = [sys.executable, "-m", "mkdocs_playbooks.engines.cli", "validate", "--no-cache"]
"""`playbooks validate` doing all its work: without the cache it shares with the builds."""
VALIDATE_WARM = [sys.executable, "-m", "mkdocs_playbooks.engines.cli", "validate"]
"""`playbooks validate` reading the cache of the builds before (what a second check pays)."""
FLOOR = [sys.executable, "-c", (
    "import pathlib, sys, yaml\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.yml')):\n"
    "    yaml.load(path.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
), "playbooks"]
MIN_VALIDATE_RUNS = 5

TIME_OVERHEAD = 1.05
MEMORY_OVERHEAD = 1.10
WARM_OVER_HANDMADE = 1.0
VERSUS_FLAT = 0.35
GROWTH_SLACK = 1.05
"""Linear growth: time(b) ≤ 1.05 × b/a × time(a) (≤ 10.5× from 1,000 to 10,000 playbooks)."""
VALIDATE_OVER_FLOOR = 1.3
PEAK_MIB_AT_10000 = 1024


@dataclass
class SizeResult:
    count: int
    builds: dict[str, list[common.Sample]] = field(default_factory=dict)
    validate: list[common.Sample] = field(default_factory=list)
    validate_warm: list[common.Sample] = field(default_factory=list)
    floor: list[common.Sample] = field(default_factory=list)
    page_bytes: dict[str, float] = field(default_factory=dict)
    """Average size of the HTML of a playbook page, by kind of site."""
    pages: dict[str, frozenset[str]] = field(default_factory=dict)
    """The `index.html` files each kind of site built."""

    def seconds(self, kind: str) -> float:
        return statistics.median(s.seconds for s in self.builds[kind])

    def mib(self, kind: str) -> float:
        return statistics.median(s.peak_kib for s in self.builds[kind]) / 1024

    def validate_seconds(self) -> float:
        return statistics.median(s.seconds for s in self.validate)

    def validate_warm_seconds(self) -> float:
        return statistics.median(s.seconds for s in self.validate_warm)

    def floor_seconds(self) -> float:
        return statistics.median(s.seconds for s in self.floor)


@dataclass(frozen=True)
class Check:
    name: str
    value: float
    target: float | None
    """None: shown for information, no target."""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "info"
        return "PASS" if self.value <= self.target else "FAIL"

    def line(self) -> str:
        target = f"≤ {self.target:.2f}×" if self.target is not None else ""
        return f"{self.name:46} {self.value:6.2f}×  {target:8}  {self.verdict}"


# ---------------------------------------------------------------------------------------------
# Measuring


@dataclass(frozen=True)
class Bench:
    code: common.Code
    work: Path
    runs: int
    seed: int
    validate: bool = True

    def run(self, command: list[str], cwd: Path) -> common.Sample:
        return common.measure(command, cwd, self.code.env())

    def generate(self, count: int, kinds: tuple[str, ...]) -> dict[str, Path]:
        out = self.work / f"n{count}"
        sites = sorted({SITE_OF[kind] for kind in kinds})
        self.run([*GENERATE, str(count), str(out), "--seed", str(self.seed),
                  "--sites", ",".join(sites)], common.ROOT)
        return {kind: out / SITE_OF[kind] for kind in kinds}

    def check_strict(self, roots: dict[str, Path]) -> None:
        """The plugin and handmade sites build with `--strict` (not timed; it also compiles
        the modules every build imports, see `common.PYCACHE`)."""
        for kind in ("plugin", "handmade"):
            if kind not in roots:
                continue
            site_dir = self.work / f"strict-{kind}"
            self.run([*BUILD[:-1], "--strict", "-d", str(site_dir)], roots[kind])
            shutil.rmtree(site_dir)
            common.say(f"  {kind} site builds with --strict")

    def measure_builds(self, result: SizeResult, roots: dict[str, Path]) -> None:
        kinds = tuple(roots)
        if "warm" in roots:  # not timed: fills the cache the first warm build reads
            self.run([*BUILD, str(self.work / "site-fill")], roots["warm"])
            shutil.rmtree(self.work / "site-fill")
        for run in range(self.runs):
            order = kinds[run % len(kinds):] + kinds[:run % len(kinds)]
            for kind in order:
                site_dir = self.work / f"site-{kind}"
                if kind == "plugin":  # cold: what a first build pays, writing the cache
                    shutil.rmtree(roots[kind] / CACHE, ignore_errors=True)
                sample = self.run([*BUILD, str(site_dir)], roots[kind])
                result.builds.setdefault(kind, []).append(sample)
                if kind not in result.pages:
                    result.pages[kind] = built_pages(site_dir)
                    result.page_bytes[kind] = playbook_page_bytes(site_dir)
                shutil.rmtree(site_dir)
                common.say(f"  N={result.count} run {run + 1}/{self.runs} {kind:8} "
                           f"{sample.seconds:7.2f} s {sample.peak_kib / 1024:7.1f} MiB")

    def measure_validate(self, result: SizeResult, root: Path) -> None:
        # Not timed: modules the builds did not import; the cache the warm runs read.
        for command in (VALIDATE, FLOOR, VALIDATE_WARM):
            self.run(command, root)
        samples = {id(VALIDATE): result.validate, id(FLOOR): result.floor,
                   id(VALIDATE_WARM): result.validate_warm}
        commands = (VALIDATE, FLOOR, VALIDATE_WARM)
        for run in range(max(self.runs, MIN_VALIDATE_RUNS)):
            for command in commands[run % 3:] + commands[:run % 3]:
                samples[id(command)].append(self.run(command, root))
        common.say(f"  N={result.count} validate {result.validate_seconds():.2f} s, "
                   f"with the cache {result.validate_warm_seconds():.2f} s, "
                   f"YAML floor {result.floor_seconds():.2f} s")

    def measure_size(self, count: int, strict: bool, kinds: tuple[str, ...]) -> SizeResult:
        common.say(f"N={count}: generating the sites")
        roots = self.generate(count, kinds)
        if strict:
            self.check_strict(roots)
        result = SizeResult(count)
        self.measure_builds(result, roots)
        if self.validate:
            self.measure_validate(result, roots["plugin"])
        shutil.rmtree(self.work / f"n{count}")
        return result

    def asset_sizes(self) -> str:
        return common.output(ASSET_SIZE, common.ROOT, self.code.env()).rstrip()


def built_pages(site_dir: Path) -> frozenset[str]:
    return frozenset(path.relative_to(site_dir).as_posix()
                     for path in site_dir.rglob("index.html"))


def playbook_page_bytes(site_dir: Path) -> float:
    """Average size of `playbooks/<id>/index.html` (the index and progress pages left out)."""
    sizes = [path.stat().st_size for path in (site_dir / "playbooks").glob("*/index.html")
             if path.parent.name != "progress"]
    return sum(sizes) / len(sizes) if sizes else 0.0


# ---------------------------------------------------------------------------------------------
# Reporting


def checks(results: list[SizeResult]) -> list[Check]:
    found: list[Check] = []
    kinds = set(results[0].builds)
    for r in results:
        if {"plugin", "handmade"} <= kinds:
            found.append(Check(f"cold build time plugin / handmade, N={r.count}",
                               r.seconds("plugin") / r.seconds("handmade"), TIME_OVERHEAD))
            found.append(Check(f"cold peak memory plugin / handmade, N={r.count}",
                               r.mib("plugin") / r.mib("handmade"), MEMORY_OVERHEAD))
        if {"warm", "handmade"} <= kinds:
            found.append(Check(f"warm build time plugin / handmade, N={r.count}",
                               r.seconds("warm") / r.seconds("handmade"),
                               WARM_OVER_HANDMADE if r.count == 1000 else None))
            found.append(Check(f"warm peak memory plugin / handmade, N={r.count}",
                               r.mib("warm") / r.mib("handmade"), None))
    largest = results[-1]
    if {"plugin", "flat"} <= kinds:
        for r in results:
            found.append(Check(f"build time plugin / flat nav, N={r.count}",
                               r.seconds("plugin") / r.seconds("flat"),
                               VERSUS_FLAT if r is largest else None))
    for small, big in itertools.pairwise(results):
        ratio = big.count / small.count
        for kind in ("plugin", "warm", "handmade"):
            if kind not in kinds:
                continue
            target = GROWTH_SLACK * ratio if kind != "handmade" else None
            found.append(Check(f"{kind} time N={big.count} / N={small.count}",
                               big.seconds(kind) / small.seconds(kind), target))
            found.append(Check(f"{kind} peak memory N={big.count} / N={small.count}",
                               big.mib(kind) / small.mib(kind), None))
    for r in results:
        if r.validate:
            found.append(Check(f"validate / YAML C-loader floor, N={r.count}",
                               r.validate_seconds() / r.floor_seconds(),
                               VALIDATE_OVER_FLOOR if r is largest else None))
            found.append(Check(f"validate, cache read / floor, N={r.count}",
                               r.validate_warm_seconds() / r.floor_seconds(), None))
    return found


def memory_lines(results: list[SizeResult]) -> list[str]:
    """Peak memory against the 1 GiB target at 10,000 playbooks."""
    return [f"peak memory {kind}, N={r.count}: {r.mib(kind):.0f} MiB (target < "
            f"{PEAK_MIB_AT_10000} MiB): {'PASS' if r.mib(kind) < PEAK_MIB_AT_10000 else 'FAIL'}"
            for r in results if r.count >= 10000 for kind in ("plugin", "warm")
            if kind in r.builds]


def builds_table(results: list[SizeResult]) -> str:
    lines = [f"{'N':>5}  {'site':8}  {'build s: median (min-max)':27}  {'peak MiB':>8}  "
             f"{'playbook page':>13}"]
    for r in results:
        for kind in r.builds:
            times = [s.seconds for s in r.builds[kind]]
            spread = f"{r.seconds(kind):7.2f} ({min(times):.2f}-{max(times):.2f})"
            lines.append(f"{r.count:>5}  {kind:8}  {spread:27}  {r.mib(kind):8.1f}  "
                         f"{r.page_bytes[kind] / 1024:10.1f} KB")
    return "\n".join(lines)


def overhead_table(results: list[SizeResult]) -> str:
    """What the plugin adds to the build of its own output, in all and per playbook."""
    lines = [f"{'N':>5}  {'time added s':>12}  {'per playbook ms':>15}  {'memory added MiB':>16}"]
    for r in results:
        if "plugin" not in r.builds or "handmade" not in r.builds:
            continue
        added = r.seconds("plugin") - r.seconds("handmade")
        lines.append(f"{r.count:>5}  {added:12.2f}  {1000 * added / r.count:15.2f}  "
                     f"{r.mib('plugin') - r.mib('handmade'):16.1f}")
    return "\n".join(lines)


def validate_table(results: list[SizeResult]) -> str:
    lines = [f"{'N':>5}  {'playbooks validate s':>20}  {'with the cache s':>16}  "
             f"{'YAML floor s':>12}"]
    lines += [f"{r.count:>5}  {r.validate_seconds():20.2f}  {r.validate_warm_seconds():16.2f}  "
              f"{r.floor_seconds():12.2f}" for r in results if r.validate]
    return "\n".join(lines)


def pages_line(results: list[SizeResult]) -> str:
    same = all(len({r.pages[kind] for kind in r.pages}) == 1 for r in results)
    counts = ", ".join(f"N={r.count}: {len(next(iter(r.pages.values())))}" for r in results)
    verdict = "the same" if same else "NOT the same (see the sites)"
    names = ", ".join(results[0].pages)
    return f"Pages built (index.html files) by {names}: {verdict} ({counts})."


def report(results: list[SizeResult], runs: int, assets: str) -> str:
    found = checks(results)
    return "\n\n".join([
        f"Builds ({runs} of each site, alternating in a rotating order; "
        "`python -m mkdocs build -q`; `plugin` cold, its cache removed first; `warm` with the "
        "cache of the build before):",
        "```text\n" + builds_table(results) + "\n```",
        "The plugin's cost: plugin minus handmade (medians):",
        "```text\n" + overhead_table(results) + "\n```",
        f"`playbooks validate --no-cache` (all its work), and `playbooks validate` reading the "
        "cache the builds filled, against loading the same files with `yaml.CSafeLoader` only "
        f"(medians of {max(runs, MIN_VALIDATE_RUNS)} runs, interpreter start-up included):",
        "```text\n" + validate_table(results) + "\n```",
        pages_line(results),
        "The plugin's JS and CSS (`python benchmarks/asset_size.py`):",
        "```text\n" + assets + "\n```",
        "Targets:",
        "```text\n" + "\n".join([check.line() for check in found] + memory_lines(results))
        + "\n```",
    ])


def section(body: str, started: str, load_before: str, code: common.Code,
            sizes: list[int]) -> str:
    counts = ", ".join(f"{size:,}" for size in sizes)
    return (
        f"## Build benchmarks: the plugin against the same pages written by hand (N = {counts})"
        "\n\n"
        "`plugin` builds the YAML playbooks with the plugin; `handmade` builds the Markdown the "
        "plugin generates, written as files, with the same nav (what the plugin's output costs "
        "without the plugin); `flat` builds the same files with MkDocs' automatic nav, every page "
        "in every page's nav. See `benchmarks/README.md`.\n\n"
        f"Machine: {common.machine()}.\n"
        f"{code.line()}\n"
        f"Date: {started}; load average before the run: {load_before}, after: "
        f"{common.load()}.\n"
        f"Command: `{common.command_line()}`\n\n{body}\n"
    )


# ---------------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000",
                        help="numbers of playbooks, comma-separated (default: 10,100,1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each site (default: 3)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: 0)")
    parser.add_argument("--out", type=Path, default=common.RESULTS,
                        help="results file to update (default: benchmarks/RESULTS.md)")
    parser.add_argument("--sites", default=",".join(KINDS),
                        help="builds to measure, comma-separated (default: "
                             f"{','.join(KINDS)}; `flat` takes most of the time at N = 1000)")
    parser.add_argument("--no-validate", action="store_true",
                        help="do not time `playbooks validate`")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--section", default="run",
                        help="the section of the results file to write, between "
                        "`<!-- SECTION:start -->` and `<!-- SECTION:end -->` (default: run; "
                        "another name keeps the `run` section, e.g. for a run at 10,000)")
    args = parser.parse_args()
    args.sizes = sorted({int(size) for size in args.sizes.split(",")})
    args.sites = tuple(kind for kind in KINDS if kind in args.sites.split(","))
    if not args.sites:
        parser.error(f"--sites: choose among {', '.join(KINDS)}")
    if args.runs < 1 or min(args.sizes) < 1:
        parser.error("--runs and --sizes must be positive")
    return args


def main() -> None:
    args = parse_args()
    started, load_before = common.today(), common.load()
    with tempfile.TemporaryDirectory(prefix="playbooks-bench-") as folder:
        try:
            code = common.Code.snapshot(Path(folder) / "code")
            bench = Bench(code, Path(folder), args.runs, args.seed, not args.no_validate)
            results = [bench.measure_size(count, count == args.sizes[0], args.sites)
                       for count in args.sizes]
            assets = bench.asset_sizes()
        except common.ChildError as error:
            sys.exit(f"benchmark stopped: {error}")
        text = section(report(results, args.runs, assets), started, load_before, code,
                       args.sizes)
    print(text)
    if not args.no_write:
        common.write_section(args.out, args.section, text)
        common.say(f"written to {args.out}")


if __name__ == "__main__":
    main()
