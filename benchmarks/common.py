"""What the benchmark scripts share: running a child process, describing the machine, and
writing a section of RESULTS.md."""

from __future__ import annotations

import datetime
import hashlib
import os
import platform
import re
import shlex
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


PYCACHE = Path(tempfile.gettempdir()) / "playbooks-bench-pycache"
"""Where the children keep compiled modules: outside the repository, and kept even where
PYTHONDONTWRITEBYTECODE is set, so that no build pays for compiling the code it imports (an
installed package has its modules compiled; this one, installed in editable mode, would not)."""


def child_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_kib: int
    """The child's peak resident memory (`ru_maxrss`, KiB on Linux)."""


class ChildError(Exception):
    """A measured command exited with an error."""


def measure(command: list[str], cwd: Path) -> Sample:
    """Run `command` in `cwd`; its wall time and peak memory. Raise `ChildError` on error."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=child_env(),
                                   stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            text = errors.read().decode("utf-8", "replace")[-4000:]
            raise ChildError(f"`{shlex.join(command)}` in {cwd} exited with "
                              f"{process.returncode}:\n{text}")
    return Sample(seconds, usage.ru_maxrss)


def machine() -> str:
    """The machine and software that made a result, on one line."""
    cpu = _cpu_model()
    memory = _memory_gib()
    versions = ", ".join(f"{name} {version}" for name in PACKAGES
                         if (version := _version(name)) is not None)
    return (f"{os.cpu_count()} CPUs ({cpu}), {memory} GiB RAM, {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; {versions}")


def code_state() -> str:
    """The commit, and a digest of the plugin's sources as they are on disk."""
    digest = hashlib.sha256()
    package = ROOT / "plugins" / "mkdocs_playbooks"
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return f"{_revision()}, plugin sources sha256 {digest.hexdigest()[:12]}"


def code_line(before: str, after: str) -> str:
    """Which code was measured; a warning if it changed while it was being measured."""
    if before == after:
        return f"Code: {after}."
    return (f"Code: **changed during the run**: {before} at the start, {after} at the end; "
            "the measurements may not all be of the same code.")


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
