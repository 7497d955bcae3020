"""Size of the plugin's JS + CSS as shipped, raw and gzipped (budget: 17 KB gzip together).

The script is served as one bundle of the parts in `assets/js/` (see
`mkdocs_playbooks.output.assets`); each part's own size is printed too, to show where the bytes
go (gzip of a part alone compresses less well than within the bundle, so the parts' sum exceeds
the bundle's).

Run: python benchmarks/asset_size.py
"""

from __future__ import annotations

import gzip

from mkdocs_playbooks.output.assets import SCRIPT_DIR, script_bundle, script_parts, stylesheet

BUDGET = 17 * 1024
"""Raised from 10 KB for the results view of the self-assessment (cards, action plan, history,
one dimension at a time, calculation shown), then from 12 KB for a questionnaire that redraws
only what an answer changed, the paper kit's print choices and the language links, then from
13 KB for the header's language selector and each language's plural rule (`Intl`), and the
stylesheet's logical properties for right-to-left pages, then from 13.5 KB for the results at a
glance (every dimension's score on one scale, the plan ranked by need, a result export imported,
each assessment's result on the progress page, the CSV in the page's language), then from 14 KB
for the team loop (attempt ids, rounds, evidence on answers) and print a trainer hands out
(page breaks, 10 pt text, an answer sheet for a pen): see RESULTS.md."""


def gzipped_size(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def shipped() -> dict[str, str]:
    """The assets as served, by name."""
    return {"playbooks.js": script_bundle(), "playbooks.css": stylesheet()}


def shipped_size() -> int:
    """JS + CSS, gzipped: what the budget counts."""
    return sum(gzipped_size(text) for text in shipped().values())


def _line(name: str, text: str) -> str:
    return f"{name:18} {len(text.encode('utf-8')):7,} B raw  {gzipped_size(text):6,} B gzip"


def main() -> None:
    for part in script_parts():
        print("  " + _line(part.name, (SCRIPT_DIR / part.name).read_text(encoding="utf-8")))
    for name, text in shipped().items():
        print(_line(name, text))
    total = shipped_size()
    share = f"{total / BUDGET:.0%} of the {BUDGET / 1024:g} KB budget"
    print(f"{'JS + CSS':18} {'':13}  {total:6,} B gzip  ({share})")


if __name__ == "__main__":
    main()
