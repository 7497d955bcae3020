"""How long `mkdocs serve` takes to show an edited playbook, at N playbooks.

Run: python benchmarks/serve_edit.py [--count 1000] [--edits 3] [--what item,title]
[--out benchmarks/RESULTS.md]

Generates the plugin site of `generate.py`, starts `python -m mkdocs serve --dirty` on
127.0.0.1, waits until it serves, then appends a character to one checklist item of one playbook
and measures the time until the served page of that playbook holds the new text (and, as the
server logs it, until the rebuild is over). Then the same with the playbook's title, which is
also on a page of the index (its card) and in the nav: the time runs until both the playbook's
page and that index page show the new title. Repeats with `mkdocs serve` without `--dirty`.
Writes the results into RESULTS.md between `<!-- serve:start -->` and `<!-- serve:end -->`.
"""

from __future__ import annotations

import argparse
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import yaml

try:
    from benchmarks import common
except ImportError:  # run as `python benchmarks/serve_edit.py`
    import common  # type: ignore[no-redef, import-not-found]

TARGET_SECONDS = 1.5
POLL_SECONDS = 0.05
EDIT_TIMEOUT = 120.0
START_TIMEOUT = 600.0
"""The first build of a large site takes a while before the server answers."""
MARKER = "z"
RELOADED = "Reloading browsers"
"""What the server logs when a rebuild is over."""
ITEM = re.compile(r"^(?P<indent> *)- id: (?P<id>\S+)\n(?P=indent)  text: (?P<text>[^'\"\n]+)$",
                  re.MULTILINE)
"""A checklist item as `generate.py` writes it: `- id:` then a plain (unquoted) `text:`."""
TITLE = re.compile(r"^title: (?P<text>[^'\"\n]+)$", re.MULTILINE)
"""A playbook's title as `generate.py` writes it: a plain (unquoted) top-level `title:`."""
WHAT = ("item", "title")
PAGER_LINK = re.compile(r'href="(?P<href>[^"]*page/\d+/)"')


@dataclass
class ServerLog:
    """The server's messages, with the time each arrived, read on a thread."""

    lines: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def read(self, stream: IO[bytes]) -> None:
        for raw in stream:
            with self.lock:
                self.lines.append((time.perf_counter(), raw.decode("utf-8", "replace")))

    def first_after(self, since: float, text: str) -> float | None:
        with self.lock:
            return next((at for at, line in self.lines if at >= since and text in line), None)

    def tail(self) -> str:
        with self.lock:
            return "".join(line for _, line in self.lines[-20:])


@dataclass
class Edit:
    page_seconds: float
    """From the file's change to the served page holding the new text."""
    rebuild_seconds: float | None
    """From the file's change to the server's `Reloading browsers` (rebuild over)."""


@dataclass(frozen=True)
class Target:
    path: Path
    url_path: str
    item_id: str
    last_word: str
    """The last word of the item's text."""
    title: str


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def choose_target(root: Path) -> Target:
    """The first checklist item of the first playbook."""
    for path in sorted((root / "playbooks").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        found = ITEM.search(text)
        if found and "kind: assessment" not in text:
            title = TITLE.search(text)
            if title is None:
                continue
            return Target(path, f"playbooks/{path.stem}/", found["id"],
                          found["text"].split()[-1], title["text"])
    raise SystemExit("no checklist item found in the generated playbooks")


def append_marker(target: Target, what: str) -> None:
    """Append `MARKER` to the item's text or to the title, checking that the YAML says what we
    meant."""
    text = target.path.read_text(encoding="utf-8")
    if what == "title":
        found = TITLE.search(text)
        assert found is not None  # `choose_target` saw it
    else:
        found = next(m for m in ITEM.finditer(text) if m["id"] == target.item_id)
    edited = text[:found.end("text")] + MARKER + text[found.end("text"):]
    data = yaml.safe_load(edited)
    items = [item for phase in data["phases"] for play in phase["plays"]
             for item in play.get("checklist", []) if item["id"] == target.item_id]
    value = data["title"] if what == "title" else items[0]["text"] if items else None
    if value != found["text"] + MARKER:
        raise SystemExit(f"{target.path}: could not edit the {what}")
    target.path.write_text(edited, encoding="utf-8")


def listing_page_of(base: str, target: Target) -> str:
    """The address of the index page that lists the target (its card links to it)."""
    url = f"{base}/playbooks/"
    seen = set()
    while url not in seen:
        seen.add(url)
        page = fetch(url) or ""
        if f'href="{target.path.stem}/"' in page or f'/{target.path.stem}/"' in page:
            return url
        pagers = [m["href"] for m in PAGER_LINK.finditer(page)]
        following = [urllib.parse.urljoin(url, href) for href in pagers]
        url = next((link for link in following if link not in seen), url)
    raise SystemExit(f"no index page lists {target.path.stem}")


def start_server(root: Path, port: int, dirty: bool,
                 env: dict[str, str]) -> tuple[subprocess.Popen[bytes], ServerLog]:
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
               *(["--dirty"] if dirty else [])]
    process = subprocess.Popen(command, cwd=root, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    log = ServerLog()
    threading.Thread(target=log.read, args=(process.stderr,), daemon=True).start()
    return process, log


def wait_until(check: Callable[[], object], timeout: float) -> float | None:
    """Poll `check()` every `POLL_SECONDS` until true; the time it took, or None."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    return None


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C first (the server removes its temporary site), then terminate, then kill."""
    stops: tuple[Callable[[], None], ...] = (
        lambda: process.send_signal(signal.SIGINT), process.terminate, process.kill)
    for stop in stops:
        if process.poll() is not None:
            return
        stop()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            continue
        return


@dataclass
class Session:
    """Servers started one after the other on the same site, editing the same item."""

    root: Path
    target: Target
    edits: int
    code: common.Code
    what: str = "item"
    done: dict[str, int] = field(default_factory=dict)
    """Edits made so far of each kind: the text ends with as many `MARKER`s."""

    def measure(self, dirty: bool) -> list[Edit]:
        port = free_port()
        url = f"http://127.0.0.1:{port}/{self.target.url_path}"
        process, log = start_server(self.root, port, dirty, self.code.env())
        try:
            started = wait_until(lambda: process.poll() is not None or fetch(url) is not None,
                                 START_TIMEOUT)
            if started is None or process.poll() is not None:
                raise SystemExit(f"the server did not start:\n{log.tail()}")
            common.say(f"  serving after {started:.1f} s")
            urls = [url]
            if self.what == "title":
                urls.append(listing_page_of(f"http://127.0.0.1:{port}", self.target))
            return [self.edit(urls, log) for _ in range(self.edits)]
        finally:
            stop_server(process)

    def edit(self, urls: list[str], log: ServerLog) -> Edit:
        time.sleep(1.0)  # the server is idle; the file's mtime moves on
        done = self.done[self.what] = self.done.get(self.what, 0) + 1
        if self.what == "title":
            expected = f"{self.target.title}{MARKER * done}<"
        else:
            expected = f"{self.target.last_word}{MARKER * done}</label>"
        append_marker(self.target, self.what)
        changed = time.perf_counter()
        page = wait_until(lambda: all(expected in (fetch(url) or "") for url in urls),
                          EDIT_TIMEOUT)
        if page is None:
            raise SystemExit(f"the page did not change within {EDIT_TIMEOUT:.0f} s:\n"
                             f"{log.tail()}")
        wait_until(lambda: log.first_after(changed, RELOADED) is not None, EDIT_TIMEOUT)
        over = log.first_after(changed, RELOADED)
        edit = Edit(page, None if over is None else over - changed)
        common.say(f"  edit {done}: page updated after {page:.2f} s, rebuild over after "
                   f"{edit.rebuild_seconds or float('nan'):.2f} s")
        return edit


def mode_line(mode: str, edits: list[Edit]) -> str:
    pages = [edit.page_seconds for edit in edits]
    each = ", ".join(f"{seconds:.2f}" for seconds in pages)
    rebuilt = [edit.rebuild_seconds for edit in edits if edit.rebuild_seconds is not None]
    over = f"{statistics.median(rebuilt):.2f}" if rebuilt else "?"
    verdict = ""
    if "--dirty" in mode:
        met = statistics.median(pages) <= TARGET_SECONDS
        verdict = f"≤ {TARGET_SECONDS} s {'PASS' if met else 'FAIL'}"
    page = f"{statistics.median(pages):.2f} ({each})"
    return f"{mode:28}  {page:32}  {over:>22}  {verdict}"


def report(count: int, modes: dict[str, list[Edit]], started: str, load_before: str,
           code: common.Code) -> str:
    head = (f"{'server, edit':28}  {'page updated s: median (each)':32}  "
            f"{'rebuild over s: median':>22}")
    lines = [head + "  target", *(mode_line(mode, edits) for mode, edits in modes.items())]
    return (
        "## Edit and rebuild under `mkdocs serve`\n\n"
        f"{count} generated playbooks (`generate.py`, plugin site); one checklist item "
        "(`item`), or the title (`title`), of one playbook gets one more character, and the time "
        "runs from the file's change until the served page of that playbook holds the new text "
        "(for a title, that page and the index page that lists it; polled every 50 ms), and "
        "until the server logs `Reloading browsers` (rebuild over). It includes the server's file "
        "polling (every 0.5 s) and its 0.1 s wait for more changes, as a writer lives it.\n\n"
        f"Machine: {common.machine()}.\n"
        f"{code.line()}\n"
        f"Date: {started}; load average before: {load_before}, after: {common.load()}.\n"
        f"Command: `{common.command_line()}`\n\n"
        "```text\n" + "\n".join(lines) + "\n```\n"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="playbooks (default: 1000)")
    parser.add_argument("--edits", type=int, default=3, help="edits per server (default: 3)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: 0)")
    parser.add_argument("--what", default="item,title",
                        help="what to edit, comma-separated: item, title (default: both)")
    parser.add_argument("--out", type=Path, default=common.RESULTS,
                        help="results file to update (default: benchmarks/RESULTS.md)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    started, load_before = common.today(), common.load()
    modes: dict[str, list[Edit]] = {}
    with tempfile.TemporaryDirectory(prefix="playbooks-serve-") as folder:
        code = common.Code.snapshot(Path(folder) / "code")
        root = Path(folder) / "plugin"
        common.say(f"generating {args.count} playbooks")
        common.output([sys.executable, str(common.ROOT / "benchmarks" / "generate.py"),
                       str(args.count), folder, "--seed", str(args.seed), "--sites", "plugin"],
                      common.ROOT, code.env())
        session = Session(root, choose_target(root), args.edits, code)
        for dirty in (True, False):
            for what in args.what.split(","):
                if what not in WHAT:
                    raise SystemExit(f"--what: {what!r} is not one of {', '.join(WHAT)}")
                mode = f"mkdocs serve{' --dirty' if dirty else ''}, {what}"
                common.say(mode)
                session.what = what
                modes[mode] = session.measure(dirty)
        text = report(args.count, modes, started, load_before, code)
    print(text)
    if not args.no_write:
        common.write_section(args.out, "serve", text)
        common.say(f"written to {args.out}")


if __name__ == "__main__":
    main()
