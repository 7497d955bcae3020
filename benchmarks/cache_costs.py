"""What each kind of cache entry saves, and what reading one back costs: CPU time per playbook
of the work an entry replaces (parsing a file; rendering a page's Markdown; sanitising its HTML)
against keying and reading the entry (a parsed file is read back through the content model and
the file checks; a page is checked against its signature). The numbers behind what the cache
keeps, and how it trusts it (`core/cache.py`, `docs/guide/security.md`).

Run: python benchmarks/cache_costs.py [--count 300] [--seed 0] [--no-write]

In this process, on a site of `generate.py` (best of 5 rounds, CPU time of this process; Python-
Markdown's conversion of the same pages, which MkDocs does at every build, for scale).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import markdown

from mkdocs_playbooks.core.cache import MAGIC, TAG_SIZE, KeyEncoder, _tag
from mkdocs_playbooks.core.loader import read_bytes
from mkdocs_playbooks.core.loading import PARSED, discover, load_site, parse_bytes
from mkdocs_playbooks.engines.config import default_settings
from mkdocs_playbooks.output.pages import render_playbook
from mkdocs_playbooks.output.sanitize import SANITISED, sanitize

try:
    from benchmarks import common
    from benchmarks.generate import generate
except ImportError:  # run as `python benchmarks/cache_costs.py`
    import common  # type: ignore[no-redef, import-not-found]
    from generate import generate  # type: ignore[no-redef, import-not-found]

ROUNDS = 5


def best_ms(work: Callable[[], object], count: int, rounds: int = ROUNDS) -> float:
    """The least CPU time of `rounds` runs of `work`, in ms per item of `count`."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times) * 1000 / count


def measure(root: Path) -> list[tuple[str, float]]:
    """The rows of the table: what, ms of CPU per playbook."""
    settings = dataclasses.replace(default_settings(root), dir=root / "playbooks")
    phases = tuple(phase.id for phase in settings.framework)
    files = [(read_bytes(path, path.name), f"playbooks/{path.name}")
             for path in discover([settings.dir])]
    parsed = [parse_bytes(raw, shown, phases) for raw, shown in files]
    payloads = [PARSED.encode(result) for result in parsed]
    site = load_site(settings)
    pages = settings.for_pages()
    views = [site.view(entry) for entry in site.playbooks.values()]
    texts = [render_playbook(view, pages) for view in views]
    converter = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"])
    htmls = [converter.reset().convert(text) for text in texts]
    secret = b"k" * 32
    entries = [MAGIC + _tag(SANITISED, "0" * 64, html.encode(), secret) + html.encode()
               for html in htmls]

    def read_signed() -> None:
        for entry in entries:
            head = len(MAGIC) + TAG_SIZE
            if entry[len(MAGIC):head] != _tag(SANITISED, "0" * 64, entry[head:], secret):
                raise AssertionError("a signature that does not match")
            entry[head:].decode()

    n, m = len(files), len(views)
    return [
        ("parse a file (YAML, model, checks)",
         best_ms(lambda: [parse_bytes(raw, shown, phases) for raw, shown in files], n)),
        ("read its entry back (JSON through the model, checks)",
         best_ms(lambda: [PARSED.decode(payload, (raw, shown, phases))
                          for payload, (raw, shown) in zip(payloads, files, strict=True)], n)),
        ("render a playbook page's Markdown",
         best_ms(lambda: [render_playbook(view, pages) for view in views], m)),
        ("key of a playbook page (its document digested)",
         best_ms(lambda: [KeyEncoder().key("f", (view, pages), {}) for view in views], m)),
        ("sanitise a page's HTML (nh3)", best_ms(lambda: [sanitize(html) for html in htmls], m)),
        ("key of an HTML entry (its input digested)",
         best_ms(lambda: [KeyEncoder().key("f", (html,), {}) for html in htmls], m)),
        ("check and read a signed entry (HTML)", best_ms(read_signed, m)),
        ("for scale: Markdown to HTML (Python-Markdown)",
         best_ms(lambda: [converter.reset().convert(text) for text in texts], m, rounds=1)),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=300, help="playbooks (default: 300)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: 0)")
    parser.add_argument("--out", type=Path, default=common.RESULTS,
                        help="results file to update (default: benchmarks/RESULTS.md)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = generate(args.count, Path(folder), args.seed, sites=("plugin",))["plugin"]
        rows = measure(root)
    table = "\n".join(f"| {what} | {ms:.2f} |" for what, ms in rows)
    text = (
        "## What the cache's entries save, and what reading one costs\n\n"
        f"`{common.command_line()}` on {common.today()}, load {common.load()}; "
        f"{common.machine()}. CPU time per playbook, best of {ROUNDS} rounds, in one process, "
        f"{args.count} generated playbooks.\n\n"
        "| work | ms of CPU per playbook |\n| --- | --- |\n" + table + "\n"
    )
    print(text)
    if not args.no_write:
        common.write_section(args.out, "cache-costs", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
