"""The size of the listing pages (the index and the progress page) as the site grows: the
biggest page's Markdown with the default `listing_page_size` and with every playbook on one page
(`0`, the former layout), at each count of playbooks given. Linear means the biggest page stays
the same size. With `--build`, also a cold `mkdocs build` of the site (no cache) with each page
size: its wall time and peak memory, the biggest listing page's HTML and the search index.

Run: python benchmarks/listing_size.py [N ...] [--build] (default: 1000 10000)
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from pathlib import Path

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.config import default_settings
from mkdocs_playbooks.output.pages import site_pages

try:
    from benchmarks import common
    from benchmarks.generate import config_text, generate
except ImportError:  # run as `python benchmarks/listing_size.py`
    import common  # type: ignore[no-redef, import-not-found]
    from generate import config_text, generate  # type: ignore[no-redef, import-not-found]

MIB = 1024 * 1024


def listing_sizes(root: Path, page_size: int) -> tuple[int, int, int]:
    """The number of listing pages, the biggest one's size and their total size, in bytes of
    UTF-8 Markdown, for the site in `root` with `page_size`."""
    settings = dataclasses.replace(default_settings(root), listing_page_size=page_size)
    sizes = [len(page.markdown.encode()) for page in site_pages(load_site(settings), settings)
             if page.source is None]
    return len(sizes), max(sizes), sum(sizes)


def build_sizes(root: Path, count: int, page_size: int) -> str:
    """A cold build of the site of `count` playbooks in `root` with `page_size`: what it cost
    and what it made."""
    config = root / "mkdocs.yml"
    text = config_text(count, playbooks=True).replace(
        "  - playbooks\n", f"  - playbooks:\n      listing_page_size: {page_size}\n      "
        "cache: false\n")
    config.write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    sample = common.measure([sys.executable, "-m", "mkdocs", "build", "-q"], root, env)
    site = root / "site" / "playbooks"
    listings = [site / "index.html", site / "progress" / "index.html",
                *site.glob("page/*/index.html"), *site.glob("progress/page/*/index.html")]
    biggest = max(path.stat().st_size for path in listings)
    search = (root / "site" / "search" / "search_index.json").stat().st_size
    return (f"build {sample.seconds:6.1f} s, peak {sample.peak_kib / 1024:6.0f} MiB, biggest "
            f"listing page {biggest / MIB:6.3f} MiB of HTML, search index {search / MIB:5.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("counts", type=int, nargs="*", default=[1000, 10000], metavar="N")
    parser.add_argument("--build", action="store_true",
                        help="also build each site with MkDocs (minutes at 10,000)")
    args = parser.parse_args()
    default = default_settings(Path()).listing_page_size
    biggest: dict[tuple[int, int], int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in args.counts:
            root = generate(count, Path(folder) / str(count), sites=("plugin",))["plugin"]
            for page_size in (default, 0):
                pages, largest, total = listing_sizes(root, page_size)
                biggest[count, page_size] = largest
                print(f"{count:>6} playbooks, listing_page_size {page_size:>3}: {pages:>4} "
                      f"listing pages, biggest {largest / MIB:7.3f} MiB, "
                      f"all {total / MIB:7.2f} MiB", flush=True)
                if args.build:
                    print(f"        {build_sizes(root, count, page_size)}", flush=True)
    first, last = args.counts[0], args.counts[-1]
    for page_size in (default, 0):
        print(f"growth of the biggest listing page from {first} to {last} playbooks, "
              f"listing_page_size {page_size}: "
              f"{biggest[last, page_size] / biggest[first, page_size]:.2f}×")


if __name__ == "__main__":
    main()
