"""`playbooks csp`: a Content-Security-Policy for a built site, with the hash of every inline
script the theme writes (Material's `__md_scope`, palette and anchor scripts), so that a strict
policy keeps the whole site working: search, palette toggle, instant navigation and the plugin.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_RUNS = {"", "text/javascript", "application/javascript", "module"}
"""Script types a browser runs (and a policy must allow); JSON data is never run."""

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
          "form-action 'self'; frame-ancestors 'self'")


MAX_PAGE_BYTES = 64 * 1024 * 1024
"""A page larger than this is no page a theme wrote: refused rather than read."""


class SiteError(Exception):
    """A page of the site cannot be read; the message names it."""


def html_pages(site: Path) -> tuple[list[Path], list[Path]]:
    """The site's HTML pages, in order: regular files (or links to one) named `*.html`; and what
    is named so but skipped, as a browser is never served it: folders, dangling links, pipes,
    devices. Links to folders are not followed (a loop would never end)."""
    pages: list[Path] = []
    skipped: list[Path] = []
    for folder, folders, names in os.walk(site):
        for name in (*names, *folders):
            path = Path(folder) / name
            if name.endswith(".html"):
                (pages if path.is_file() else skipped).append(path)
    return sorted(pages), sorted(skipped)


def _page_text(page: Path) -> str:
    try:
        if page.stat().st_size > MAX_PAGE_BYTES:
            raise SiteError(f"{page}: larger than 64 MiB, not a page of a built site")
        return page.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise SiteError(f"{page}: cannot read it: {error.strerror}") from None


def inline_script_hashes(site: Path) -> list[str]:
    """The `'sha256-…'` source of every distinct inline script of the site's HTML pages;
    `SiteError` names a page that cannot be read (the policy would block its scripts)."""
    found: set[str] = set()
    for page in html_pages(site)[0]:
        for script in _SCRIPT.finditer(_page_text(page)):
            attributes = script.group("attributes")
            kind = _TYPE.search(attributes)
            if re.search(r"\bsrc\s*=", attributes) or (kind and kind.group(1).lower()
                                                          not in _RUNS):
                continue
            digest = hashlib.sha256(script.group("body").encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(found)


def policy(site: Path) -> str:
    """A strict policy for the built site in `site`: only its own files and its inline scripts."""
    return POLICY.format(hashes=" ".join(inline_script_hashes(site)))
