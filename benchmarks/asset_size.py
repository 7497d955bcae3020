"""Size of the plugin's JS + CSS as shipped, raw and gzipped (budget: 10 KB gzip together).

Run: python benchmarks/asset_size.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

import mkdocs_playbooks

ASSETS = Path(mkdocs_playbooks.__file__).parent / "assets"
BUDGET = 10 * 1024


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def main() -> None:
    total = 0
    for path in sorted(ASSETS.iterdir()):
        size = gzipped_size(path)
        total += size
        print(f"{path.name:16} {path.stat().st_size:7,} B raw  {size:6,} B gzip")
    print(f"{'JS + CSS':16} {'':13}  {total:6,} B gzip  ({total / BUDGET:.0%} of the 10 KB budget)")


if __name__ == "__main__":
    main()
