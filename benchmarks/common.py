"""What the benchmark scripts share: running a child process, describing the machine, and
writing a section of RESULTS.md."""

from __future__ import annotations

import datetime
import hashlib
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "PyYAML", "pydantic", "nh3",
            "mkdocs-playbooks")


PACKAGE = ROOT / "plugins" / "mkdocs_playbooks"
PYCACHE = Path(tempfile.gettempdir()) / "playbooks-bench-pycache"
"""Where the children keep compiled modules: outside the repository, and kept even where
PYTHONDONTWRITEBYTECODE is set, so that no build pays for compiling the code it imports (an
installed package has its modules compiled; this one, installed in editable mode, would not)."""


@dataclass(frozen=True)
class Code:
    """A copy of the plugin's package taken when a benchmark starts; every child process imports
    it (through PYTHONPATH) rather than the working tree, so that all the measurements of a run
    are of the same code even while someone edits the plugin."""

    folder: Path
    """Holds the copy, `mkdocs_playbooks/`."""
    revision: str
    digest: str

    @classmethod
    def snapshot(cls, folder: Path) -> Code:
        revision = _revision()
        copy = folder / PACKAGE.name
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        code = cls(folder, revision, sources_digest(copy))
        code.check()
        return code

    def env(self) -> dict[str, str]:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPYCACHEPREFIX": str(PYCACHE),
               "PYTHONPATH": os.pathsep.join(
                   [str(self.folder), *filter(None, [os.environ.get("PYTHONPATH")])])}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        return env

    def check(self) -> None:
        """Children import the copy, not the working tree."""
        found = output([sys.executable, "-c", "import mkdocs_playbooks as m; print(m.__file__)"],
                       ROOT, self.env()).strip()
        if not Path(found).is_relative_to(self.folder):
            raise ChildError(f"children import {found}, not the copy in {self.folder}")

    def line(self) -> str:
        """Which code was measured, and whether the working tree has changed since."""
        text = (f"Code: the plugin as it was at the start ({self.revision}; a copy of "
                f"`plugins/mkdocs_playbooks`, sources sha256 {self.digest}).")
        now = sources_digest(PACKAGE)
        if now != self.digest:
            text += (f" The working tree changed during the run (now {_revision()}, sources "
                     f"sha256 {now}): these results are of the copy.")
        return text


def sources_digest(package: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Sample:
    seconds: float
    """Wall time."""
    peak_kib: int
    """The child's peak resident memory (`ru_maxrss`, KiB on Linux)."""
    cpu: float = 0.0
    """The child's CPU time, user + system (`ru_utime + ru_stime` from `os.wait4`: its own and
    that of the processes it waited for; every thread counted). Steadier than wall time on a
    shared machine: another process's load slows the wall clock much more than it adds CPU."""
    load: float = 0.0
    """The 1-minute load average when the child started."""


class ChildError(Exception):
    """A measured command exited with an error."""


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run `command` in `cwd`; its wall time, CPU time and peak memory. Raise `ChildError` on
    error."""
    with tempfile.TemporaryFile() as errors:
        load_at_start = os.getloadavg()[0]
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env,
                                   stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            text = errors.read().decode("utf-8", "replace")[-4000:]
            raise ChildError(f"`{shlex.join(command)}` in {cwd} exited with "
                              f"{process.returncode}:\n{text}")
    return Sample(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, load_at_start)


def output(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run `command` in `cwd`; its standard output. Raise `ChildError` on error."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise ChildError(f"`{shlex.join(command)}` in {cwd} exited with {done.returncode}:\n"
                         f"{done.stderr[-4000:]}")
    return done.stdout


def machine() -> str:
    """The machine and software that made a result, on one line."""
    cpu = _cpu_model()
    memory = _memory_gib()
    versions = ", ".join(f"{name} {version}" for name in PACKAGES
                         if (version := _version(name)) is not None)
    return (f"{os.cpu_count()} CPUs ({cpu}), {memory} GiB RAM, {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; {versions}")


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown CPU"
    found = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return found.group(1).strip() if found else "unknown CPU"


def _memory_gib() -> str:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return "?"
    found = re.search(r"^MemTotal:\s*(\d+) kB", text, re.MULTILINE)
    return f"{int(found.group(1)) / 1024 / 1024:.0f}" if found else "?"


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _revision() -> str:
    """The commit, and whether the working tree differs from it (read-only git commands)."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=True,
                                capture_output=True, text=True).stdout.strip()
        changes = subprocess.run(["git", "status", "--porcelain", "--", "plugins"], cwd=ROOT,
                                 check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "an unknown commit"
    return f"commit {commit}" + (" with uncommitted changes to plugins/" if changes else "")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min) / {five:.2f} (5 min)"


def today() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")


def command_line() -> str:
    """The command that is running, as the user would type it."""
    return shlex.join(["python", *sys.argv])


def write_section(path: Path, name: str, text: str) -> None:
    """Put `text` between `<!-- NAME:start -->` and `<!-- NAME:end -->` in `path`, replacing
    what was there, or at the end of the file; the rest of the file is kept."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text.strip()}\n{end}"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(old):
        new = pattern.sub(lambda _: block, old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")



def say(text: str) -> None:
    """Progress, on standard error."""
    print(text, file=sys.stderr, flush=True)
