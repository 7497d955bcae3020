"""Inputs that used to take minutes: `playbooks validate` of an assessment with 4,000 dangling
play references ("did you mean" was quadratic: 209 s), and Python-Markdown on the worst Markdown
field the limits let through (the field most full of `[` allowed), against plain text of the same
size. Prints the times; writes them into RESULTS.md unless `--no-write`.

Run: python benchmarks/slow_paths.py
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

from mkdocs_playbooks.core.model import MAX_MARKDOWN_BRACKETS, MAX_MARKDOWN_CHARS

try:
    from benchmarks import common
except ImportError:  # run as `python benchmarks/slow_paths.py`
    import common  # type: ignore[no-redef, import-not-found]

REFERENCES = 4000
PLAYBOOKS = 400


def dangling_site(root: Path) -> Path:
    """A folder of 400 playbooks and one assessment citing 4,000 plays that do not exist."""
    folder = root / "playbooks"
    folder.mkdir(parents=True)
    for n in range(PLAYBOOKS):
        (folder / f"guide-{n}.yml").write_text(
            f"title: Guide {n}\nphases:\n  - phase: listen\n    plays:\n"
            f"      - {{id: jeu-{n}, title: Jeu}}\n", encoding="utf-8")
    references = "".join(f"          - guide-{n % PLAYBOOKS}x/jeu-{n}\n"
                         for n in range(REFERENCES))
    (folder / "maturite.yml").write_text(
        "kind: assessment\ntitle: M\nlevels:\n  - {id: l, title: L, min: 0}\ndimensions:\n"
        "  - id: d\n    title: D\n    questions:\n      - id: q\n        text: Q\n"
        "        choices:\n          - {id: a, text: A, score: 0}\n"
        "          - {id: b, text: B, score: 1}\n    recommendations:\n"
        "      - level: l\n        text: T\n        plays:\n" + references, encoding="utf-8")
    return root


def markdown_seconds(text: str) -> float:
    converter = markdown.Markdown(extensions=["attr_list", "md_in_html"])
    start = time.perf_counter()
    converter.convert(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    load = common.load()
    with tempfile.TemporaryDirectory() as folder:
        code = common.Code.snapshot(Path(folder) / "code")
        code_line = code.line()
        site = dangling_site(Path(folder) / "site")
        validate = _validate(site, code)
    brackets = "[" * MAX_MARKDOWN_BRACKETS + "a" * (MAX_MARKDOWN_CHARS - MAX_MARKDOWN_BRACKETS)
    prose = ("mot " * MAX_MARKDOWN_CHARS)[:MAX_MARKDOWN_CHARS]
    lines = [
        f"validate, {REFERENCES:,} dangling references over {PLAYBOOKS} playbooks: "
        f"{validate:.2f} s (was 209 s)",
        f"Markdown, {MAX_MARKDOWN_CHARS:,} characters with {MAX_MARKDOWN_BRACKETS} '[' "
        f"(the worst allowed): {markdown_seconds(brackets):.2f} s",
        f"Markdown, {MAX_MARKDOWN_CHARS:,} characters of prose: {markdown_seconds(prose):.2f} s",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        common.write_section(common.RESULTS, "slow-paths", (
            "## Slow paths: inputs that used to take minutes\n\n"
            f"Machine: {common.machine()}.\n{code_line}\nDate: {common.today()}; load "
            f"before: {load}.\nCommand: `{common.command_line()}`\n\n```text\n{text}\n```\n"))


def _validate(site: Path, code: common.Code) -> float:
    """Seconds of `playbooks validate` in a child process (exit 1: the references dangle)."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs_playbooks.engines.cli", "validate"]
    done = subprocess.run(command, cwd=site,
                          env=code.env(), capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 1 or f"{REFERENCES} error(s)" not in done.stderr:
        raise SystemExit(f"unexpected result of validate:\n{done.stderr[-2000:]}")
    return seconds


if __name__ == "__main__":
    main()
