"""Build time and memory of the plugin against the same pages written by hand, and more.

Run: python benchmarks/run.py [--sizes 10,100,1000] [--runs 3] [--out benchmarks/RESULTS.md]

For each N, generates the three sites of `generate.py` (plugin, handmade, flat) in a temporary
folder, then builds each of them `--runs` times, in rounds where the builds a ratio compares run
next to each other (the order reversed from one round to the next, see `round_order`), with
`python -m mkdocs build -q` in a child process whose CPU time (user + system),
wall time and peak memory are measured, with the load average at its start. With Zensical
installed it also times `playbooks export` of the plugin's site and `zensical build` of the
exported site and of the handmade pages, in the same rounds. It times `playbooks validate`
against a script that only loads every YAML file with the C loader (both as child processes, so
both pay the interpreter's start-up), and measures the HTML of a playbook page and the plugin's
JS + CSS. Prints medians, every ratio in CPU and in wall time, each target met or missed (on
CPU time), and writes the same into RESULTS.md between `<!-- run:start -->` and
`<!-- run:end -->`.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
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

KINDS = ("plugin", "warm", "next-day", "handmade", "flat", "export", "export-again", "zensical",
         "zensical-hand")
"""The builds measured: `plugin` is the plugin's site built cold (its cache folder removed
first), `warm` the same site built again with the cache of an earlier build, `next-day` the same
with the plugin's `today` one day later than any build before (a daily build restoring the cache
of the day before); `handmade` and
`flat` are the other sites of `generate.py`; `export` is `playbooks export` of the plugin's site
into a docs folder, its cache folder removed first (a first export, filling the cache),
`export-again` the same with the cache of an export before it (unchanged playbooks: what a
second export pays), `zensical` Zensical's build of that folder (the configuration completed with
what `export` says to add, as a user would), `zensical-hand` Zensical's build of the handmade
site. Plugin code runs only in child processes, which import the copy of the plugin taken at the
start (`common.Code`)."""
ROUND = ("export", "export-again", "flat", "plugin", "handmade", "warm", "next-day", "zensical",
         "zensical-hand")
"""The order of a round: each build next to the one its ratio is over (cold `plugin` and `warm`
on either side of `handmade`, `flat` before `plugin`, the exports before `flat` and `plugin`,
`next-day` after `warm`, `zensical` before `zensical-hand`), so that the two builds of a ratio
run one after the other. This machine's CPU time per unit of work is not constant: the same
build's CPU time moved by up to 1.6× within one run at a load of about 1 (other virtual machines
on the host), so builds minutes apart are not a pair."""
ZENSICAL_KINDS = ("export", "export-again", "zensical", "zensical-hand")
SITE_OF = {"plugin": "plugin", "warm": "plugin", "next-day": "plugin", "handmade": "handmade",
           "flat": "flat",
           "export": "zensical", "export-again": "zensical", "zensical": "zensical",
           "zensical-hand": "handmade"}
GENERATED = ("plugin", "handmade", "flat")
"""The sites `generate.py` writes; `zensical` is a copy of `plugin` that `export` writes into."""
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
EXPORT = [sys.executable, "-m", "mkdocs_playbooks.engines.cli", "export"]
ZENSICAL = [sys.executable, "-m", "zensical", "build", "--clean", "-f", "mkdocs.yml"]
"""`--clean`: Zensical keeps a cache in `.cache/` that makes a second build of the same pages
much cheaper; each build here is a first build."""
MIN_VALIDATE_RUNS = 5

TIME_OVERHEAD = 1.05
MEMORY_OVERHEAD = 1.10
WARM_OVER_HANDMADE = 1.0
VERSUS_FLAT = 0.35
GROWTH_SLACK = 1.05
"""Linear growth: time(b) ≤ 1.05 × b/a × time(a) (≤ 10.5× from 1,000 to 10,000 playbooks)."""
VALIDATE_OVER_FLOOR = 1.3
PEAK_MIB_AT_10000 = 1024
EXPORT_OVER_PLUGIN = 1.0
"""`playbooks export`, CPU per page, / what the plugin adds to an MkDocs build per page (cold
build minus the same pages by hand)."""
ZENSICAL_MEMORY = 1.0
"""Zensical's peak memory on the exported site / on the same pages by hand."""


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

    document_pages: int = 0
    """The pages generated from playbooks and assessments (the listing pages left out)."""

    def seconds(self, kind: str) -> float:
        return statistics.median(s.seconds for s in self.builds[kind])

    def cpu(self, kind: str) -> float:
        return statistics.median(s.cpu for s in self.builds[kind])

    def mib(self, kind: str) -> float:
        return statistics.median(s.peak_kib for s in self.builds[kind]) / 1024

    def validate_seconds(self) -> float:
        return statistics.median(s.seconds for s in self.validate)

    def validate_warm_seconds(self) -> float:
        return statistics.median(s.seconds for s in self.validate_warm)

    def floor_seconds(self) -> float:
        return statistics.median(s.seconds for s in self.floor)

    def paired(self, kind: str, over: str, wall: bool = False) -> list[float]:
        """`kind` / `over`, run by run: the two builds of one round ran one after the other,
        under about the same load, so each round's ratio is steadier than a ratio of medians."""
        def value(sample: common.Sample) -> float:
            return sample.seconds if wall else sample.cpu
        return [value(a) / value(b) for a, b in zip(self.builds[kind], self.builds[over],
                                                      strict=False) if value(b) > 0]

    def validate_cpu(self) -> float:
        return statistics.median(s.cpu for s in self.validate)

    def validate_warm_cpu(self) -> float:
        return statistics.median(s.cpu for s in self.validate_warm)

    def floor_cpu(self) -> float:
        return statistics.median(s.cpu for s in self.floor)


@dataclass(frozen=True)
class Check:
    name: str
    value: float
    """The ratio in CPU time (for a time), or of peak memory."""
    target: float | None
    """None: shown for information, no target."""
    wall: float | None = None
    """The same ratio in wall time (None: not a time)."""
    spread: tuple[float, float] | None = None
    """The lowest and highest ratio in CPU time of one round."""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return "info"
        return "PASS" if self.value <= self.target else "FAIL"

    def line(self) -> str:
        target = f"≤ {self.target:.2f}×" if self.target is not None else ""
        digits = 3 if self.verdict == "FAIL" and round(self.value, 2) <= (self.target or 0) else 2
        spread = (f"({self.spread[0]:.2f}-{self.spread[1]:.2f})" if self.spread is not None
                  else "")
        if self.wall is None:
            values = f"{self.value:6.{digits}f}× {spread:11} {'':12}"
        else:
            values = f"{self.value:6.{digits}f}× {spread:11} {self.wall:6.2f}× wall"
        return f"{self.name:58} {values}  {target:8}  {self.verdict}"


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
        sites = sorted({SITE_OF[kind] for kind in kinds} & set(GENERATED) | {"plugin"})
        self.run([*GENERATE, str(count), str(out), "--seed", str(self.seed),
                  "--sites", ",".join(sites)], common.ROOT)
        if "zensical" in {SITE_OF[kind] for kind in kinds}:
            self.prepare_export(out / "plugin", out / "zensical")
        return {kind: out / SITE_OF[kind] for kind in kinds}

    def prepare_export(self, plugin_site: Path, folder: Path) -> None:
        """A copy of the plugin's site, exported once (not timed), its configuration completed
        with the lines `playbooks export` prints, as its message asks a user to."""
        shutil.copytree(plugin_site, folder, ignore=shutil.ignore_patterns(str(CACHE)))
        added = common.output(EXPORT, folder, self.code.env())
        config = folder / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + added, encoding="utf-8")

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
        warm = [kind for kind in ("warm", "next-day") if kind in roots]
        if warm:  # not timed: fills the cache the first warm build reads
            self.run([*BUILD, str(self.work / "site-fill")], roots[warm[0]])
            shutil.rmtree(self.work / "site-fill")
        for run in range(self.runs):
            for kind in round_order(kinds, run):
                sample, site_dir = self.measure_one(kind, roots[kind], run)
                result.builds.setdefault(kind, []).append(sample)
                if site_dir is not None:
                    if kind not in result.pages:
                        result.pages[kind] = built_pages(site_dir)
                        result.page_bytes[kind] = playbook_page_bytes(site_dir)
                    shutil.rmtree(site_dir)
                common.say(f"  N={result.count} run {run + 1}/{self.runs} {kind:13} "
                           f"CPU {sample.cpu:7.2f} s wall {sample.seconds:7.2f} s "
                           f"{sample.peak_kib / 1024:7.1f} MiB load {sample.load:.2f}")

    def measure_one(self, kind: str, root: Path,
                    run: int) -> tuple[common.Sample, Path | None]:
        """One timed build (or export) of `kind` in round `run`, and the folder of the site it
        built."""
        if kind == "export":  # a first export: it fills the cache
            shutil.rmtree(root / CACHE, ignore_errors=True)
            return self.run(EXPORT, root), None
        if kind == "export-again":  # the cache filled by an export before (not timed)
            self.run(EXPORT, root)
            return self.run(EXPORT, root), None
        if kind in ("zensical", "zensical-hand"):
            return self.run(ZENSICAL, root), root / "site"
        site_dir = self.work / f"site-{kind}"
        if kind == "plugin":  # cold: what a first build pays, writing the cache
            shutil.rmtree(root / CACHE, ignore_errors=True)
        if kind == "next-day":
            return self.run([*BUILD[:-1], "-f", next_day_config(root, run), "-d", str(site_dir)],
                            root), site_dir
        return self.run([*BUILD, str(site_dir)], root), site_dir

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
        common.say(f"  N={result.count} validate CPU {result.validate_cpu():.2f} s, "
                   f"with the cache {result.validate_warm_cpu():.2f} s, "
                   f"YAML floor {result.floor_cpu():.2f} s")

    def measure_size(self, count: int, strict: bool, kinds: tuple[str, ...]) -> SizeResult:
        common.say(f"N={count}: generating the sites")
        roots = self.generate(count, kinds)
        if strict:
            self.check_strict(roots)
        plugin_site = self.work / f"n{count}" / "plugin"
        result = SizeResult(count, document_pages=document_pages(plugin_site))
        self.measure_builds(result, roots)
        if self.validate:
            self.measure_validate(result, plugin_site)
        shutil.rmtree(self.work / f"n{count}")
        return result

    def asset_sizes(self) -> str:
        return common.output(ASSET_SIZE, common.ROOT, self.code.env()).rstrip()


def round_order(kinds: tuple[str, ...], run: int) -> tuple[str, ...]:
    """The builds of round `run` in `ROUND`'s order, reversed every other round: each pair of
    compared builds runs back to back, each of the two first in half of the rounds (a drift of
    the machine's speed during a run then weighs on both sides alike)."""
    order = tuple(kind for kind in ROUND if kind in kinds)
    return order if run % 2 == 0 else order[::-1]


def next_day_config(root: Path, run: int) -> str:
    """The plugin site's configuration with `today` set `run + 1` days after the real one: each
    `next-day` build is the first of its day."""
    day = datetime.date.today() + datetime.timedelta(days=run + 1)  # noqa: DTZ011 - the plugin's
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - playbooks\n" in text, "the generated plugin site's configuration changed"
    name = "mkdocs-next-day.yml"
    (root / name).write_text(text.replace("  - playbooks\n",
                                          f"  - playbooks:\n      today: {day.isoformat()}\n"),
                             encoding="utf-8")
    return name


def document_pages(plugin_site: Path) -> int:
    """How many pages the plugin makes from documents: one per YAML file."""
    return sum(1 for _ in (plugin_site / "playbooks").glob("*.yml"))


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


def time_check(name: str, r: SizeResult, kind: str, over: str,
               target: float | None) -> Check:
    """`kind` / `over` at one N, in CPU time (the target's) and in wall time: the median of
    the rounds' ratios (see `SizeResult.paired`)."""
    cpu = r.paired(kind, over)
    return Check(f"{name}, N={r.count}", statistics.median(cpu), target,
                 statistics.median(r.paired(kind, over, wall=True)), (min(cpu), max(cpu)))


def checks(results: list[SizeResult]) -> list[Check]:
    found: list[Check] = []
    kinds = set(results[0].builds)
    for r in results:
        if {"plugin", "handmade"} <= kinds:
            found.append(time_check("cold build time plugin / handmade", r, "plugin",
                                    "handmade", TIME_OVERHEAD))
            found.append(Check(f"cold peak memory plugin / handmade, N={r.count}",
                               r.mib("plugin") / r.mib("handmade"), MEMORY_OVERHEAD))
        found += warm_checks(r, kinds)
    largest = results[-1]
    if {"plugin", "flat"} <= kinds:
        for r in results:
            found.append(time_check("build time plugin / flat nav", r, "plugin", "flat",
                                    VERSUS_FLAT if r is largest else None))
    found += zensical_checks(results, kinds)
    for small, big in itertools.pairwise(results):
        ratio = big.count / small.count
        for kind in ("plugin", "warm", "handmade"):
            if kind not in kinds:
                continue
            target = GROWTH_SLACK * ratio if kind != "handmade" else None
            found.append(Check(f"{kind} time N={big.count} / N={small.count}",
                               big.cpu(kind) / small.cpu(kind), target,
                               big.seconds(kind) / small.seconds(kind)))
            found.append(Check(f"{kind} peak memory N={big.count} / N={small.count}",
                               big.mib(kind) / small.mib(kind), None))
    for r in results:
        if r.validate:
            found.append(Check(f"validate / YAML C-loader floor, N={r.count}",
                               r.validate_cpu() / r.floor_cpu(),
                               VALIDATE_OVER_FLOOR if r is largest else None,
                               r.validate_seconds() / r.floor_seconds()))
            found.append(Check(f"validate, cache read / floor, N={r.count}",
                               r.validate_warm_cpu() / r.floor_cpu(), None,
                               r.validate_warm_seconds() / r.floor_seconds()))
    return found


def warm_checks(r: SizeResult, kinds: set[str]) -> list[Check]:
    """Builds with the cache of the builds before, the same day and the next."""
    found: list[Check] = []
    target = WARM_OVER_HANDMADE if r.count >= 1000 else None
    if {"warm", "handmade"} <= kinds:
        found.append(time_check("warm build time plugin / handmade", r, "warm", "handmade",
                                target))
        found.append(Check(f"warm peak memory plugin / handmade, N={r.count}",
                           r.mib("warm") / r.mib("handmade"), None))
    if {"warm", "plugin"} <= kinds:
        found.append(time_check("warm / cold build time", r, "warm", "plugin", None))
    if {"next-day", "handmade"} <= kinds:
        found.append(time_check("warm next day plugin / handmade", r, "next-day", "handmade",
                                target))
    if {"next-day", "warm"} <= kinds:
        found.append(time_check("warm next day / warm same day", r, "next-day", "warm", None))
    return found


EXPORT_NAMES = {"export": "export", "export-again": "export again"}
"""The exports timed (a first one, and one of unchanged playbooks) as their ratios name them."""


def export_checks(r: SizeResult, kinds: set[str]) -> list[Check]:
    """Each export timed, per page, against the plugin's added work per page (cold minus
    handmade); none when that work is within the noise."""
    if not {"plugin", "handmade"} <= kinds or not kinds & set(EXPORT_NAMES):
        return []
    added_cpu = r.cpu("plugin") - r.cpu("handmade")
    added_wall = r.seconds("plugin") - r.seconds("handmade")
    if added_cpu <= 0 or added_wall <= 0:  # within the noise: no meaningful ratio
        return [Check(f"export / the plugin's added work: none measured, N={r.count}",
                      float("nan"), None, float("nan"))]
    return [Check(f"{name} / the plugin's added work (cold - handmade), N={r.count}",
                  r.cpu(kind) / added_cpu, EXPORT_OVER_PLUGIN, r.seconds(kind) / added_wall)
            for kind, name in EXPORT_NAMES.items() if kind in kinds]


def zensical_checks(results: list[SizeResult], kinds: set[str]) -> list[Check]:
    """`export` per page against the plugin's own work per page in an MkDocs build (cold minus
    handmade); Zensical on the exported site against Zensical on the same pages by hand."""
    found: list[Check] = []
    for r in results:
        found += export_checks(r, kinds)
        if {"export", "plugin"} <= kinds:
            found.append(time_check("export / the plugin's whole cold build", r, "export",
                                    "plugin", None))
        if {"zensical", "zensical-hand"} <= kinds:
            found.append(time_check("Zensical time, exported / handmade", r, "zensical",
                                    "zensical-hand", None))
            found.append(Check(f"Zensical peak memory, exported / handmade, N={r.count}",
                               r.mib("zensical") / r.mib("zensical-hand"), ZENSICAL_MEMORY))
    return found


def memory_lines(results: list[SizeResult]) -> list[str]:
    """Peak memory against the 1 GiB target at 10,000 playbooks."""
    return [f"peak memory {kind}, N={r.count}: {r.mib(kind):.0f} MiB (target < "
            f"{PEAK_MIB_AT_10000} MiB): {'PASS' if r.mib(kind) < PEAK_MIB_AT_10000 else 'FAIL'}"
            for r in results if r.count >= 10000 for kind in ("plugin", "warm")
            if kind in r.builds]


def _spread(values: list[float], digits: int = 2) -> str:
    return (f"{statistics.median(values):7.{digits}f} "
            f"({min(values):.{digits}f}-{max(values):.{digits}f})")


def builds_table(results: list[SizeResult]) -> str:
    lines = [f"{'N':>5}  {'site':13}  {'CPU s: median (min-max)':25}  "
             f"{'wall s: median (min-max)':25}  {'peak MiB':>8}  {'load (min-max)':>14}  "
             f"{'playbook page':>13}"]
    for r in results:
        for kind in r.builds:
            samples = r.builds[kind]
            loads = [s.load for s in samples]
            page = (f"{r.page_bytes[kind] / 1024:10.1f} KB" if kind in r.page_bytes
                    else f"{'':13}")
            lines.append(f"{r.count:>5}  {kind:13}  {_spread([s.cpu for s in samples]):25}  "
                         f"{_spread([s.seconds for s in samples]):25}  {r.mib(kind):8.1f}  "
                         f"{min(loads):6.2f}-{max(loads):<7.2f}  {page}")
    return "\n".join(lines)


def overhead_table(results: list[SizeResult]) -> str:
    """What the plugin adds to the build of its own output, in all and per playbook."""
    lines = [f"{'N':>5}  {'build':8}  {'CPU added s':>11}  {'per page ms':>11}  "
             f"{'wall added s':>12}  {'memory added MiB':>16}"]
    for r in results:
        for kind in ("plugin", "warm", "next-day"):
            if kind not in r.builds or "handmade" not in r.builds:
                continue
            cpu = r.cpu(kind) - r.cpu("handmade")
            name = {"plugin": "cold", "warm": "warm"}.get(kind, kind)
            lines.append(f"{r.count:>5}  {name:8}  {cpu:11.2f}  "
                         f"{1000 * cpu / max(r.document_pages, 1):11.2f}  "
                         f"{r.seconds(kind) - r.seconds('handmade'):12.2f}  "
                         f"{r.mib(kind) - r.mib('handmade'):16.1f}")
    return "\n".join(lines)


def export_table(results: list[SizeResult]) -> str:
    """`playbooks export` per page, against the plugin's added work per page."""
    lines = [f"{'N':>5}  {'pages':>5}  {'export CPU s':>12}  {'per page ms':>11}  "
             f"{'plugin added (cold - handmade) per page ms':>42}"]
    for r in results:
        if "export" not in r.builds:
            continue
        added = (f"{1000 * (r.cpu('plugin') - r.cpu('handmade')) / r.document_pages:42.2f}"
                 if {"plugin", "handmade"} <= set(r.builds) else f"{'':42}")
        lines.append(f"{r.count:>5}  {r.document_pages:5}  {r.cpu('export'):12.2f}  "
                     f"{1000 * r.cpu('export') / r.document_pages:11.2f}  {added}")
    return "\n".join(lines)


def validate_table(results: list[SizeResult]) -> str:
    lines = [f"{'N':>5}  {'':4}  {'playbooks validate s':>20}  {'with the cache s':>16}  "
             f"{'YAML floor s':>12}"]
    for r in results:
        if not r.validate:
            continue
        lines.append(f"{r.count:>5}  {'CPU':4}  {r.validate_cpu():20.2f}  "
                     f"{r.validate_warm_cpu():16.2f}  {r.floor_cpu():12.2f}")
        lines.append(f"{r.count:>5}  {'wall':4}  {r.validate_seconds():20.2f}  "
                     f"{r.validate_warm_seconds():16.2f}  {r.floor_seconds():12.2f}")
    return "\n".join(lines)


def pages_line(results: list[SizeResult]) -> str:
    names = ", ".join(results[0].pages)
    if all(len({r.pages[kind] for kind in r.pages}) == 1 for r in results):
        counts = ", ".join(f"N={r.count}: {len(next(iter(r.pages.values())))}"
                           for r in results)
        return f"Pages built (index.html files) by {names}: the same ({counts})."
    counts = "; ".join(f"N={r.count}: " + ", ".join(f"{kind} {len(pages)}"
                                                     for kind, pages in r.pages.items())
                       for r in results)
    return f"Pages built (index.html files) by {names}: NOT the same ({counts}; see the sites)."


def report(results: list[SizeResult], runs: int, assets: str) -> str:
    found = checks(results)
    parts = [
        f"Builds ({runs} of each, in rounds where each ratio's two builds run back to back, "
        "the order reversed every other round; `python -m mkdocs build -q`; "
        "`plugin` cold, its cache removed first; `warm` with the cache of the build before; "
        "`next-day` the same with the plugin's `today` set to a day no build had seen; "
        "CPU is user + system of the child process; load is the 1-minute load average at "
        "each start):",
        "```text\n" + builds_table(results) + "\n```",
        "The plugin's cost: plugin minus handmade (medians; per page of a playbook or "
        "assessment):",
        "```text\n" + overhead_table(results) + "\n```",
    ]
    if any("export" in r.builds for r in results):
        parts += [
            "`playbooks export` (`python -m mkdocs_playbooks.engines.cli export` in a copy of the "
            "plugin's site) against what the plugin adds to an MkDocs build; `zensical` and "
            "`zensical-hand` above are `python -m zensical build --clean` of the exported site "
            "(its `mkdocs.yml` completed as `export` says) and of the handmade site:",
            "```text\n" + export_table(results) + "\n```",
        ]
    parts += [
        "`playbooks validate --no-cache` (all its work), and `playbooks validate` reading the "
        "cache the builds filled, against loading the same files with `yaml.CSafeLoader` only "
        f"(medians of {max(runs, MIN_VALIDATE_RUNS)} runs, interpreter start-up included):",
        "```text\n" + validate_table(results) + "\n```",
        pages_line(results),
        "The plugin's JS and CSS (`python benchmarks/asset_size.py`):",
        "```text\n" + assets + "\n```",
        "Ratios: the median of the rounds' ratios (in each round the two builds of a ratio "
        "ran back to back, under about the same load) in CPU time, with the lowest and highest "
        "round, then in wall time; the target, if any, is on CPU time:",
        "```text\n" + "\n".join([check.line() for check in found] + memory_lines(results))
        + "\n```",
    ]
    return "\n\n".join(parts)


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
    if importlib.util.find_spec("zensical") is None and set(args.sites) & set(ZENSICAL_KINDS):
        common.say("zensical is not installed (`pip install -e '.[test]'`): "
                   f"{', '.join(ZENSICAL_KINDS)} left out")
        args.sites = tuple(kind for kind in args.sites if kind not in ZENSICAL_KINDS)
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
