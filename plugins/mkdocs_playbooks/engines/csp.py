"""`playbooks csp`: a Content-Security-Policy for a built site, with the hash of every inline
script the theme writes (Material's `__md_scope`, palette and anchor scripts), so that a strict
policy keeps the whole site working: search, palette toggle, instant navigation and the plugin.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_RUNS = {"", "text/javascript", "application/javascript", "module"}
"""Script types a browser runs (and a policy must allow); JSON data is never run."""

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
          "form-action 'self'; frame-ancestors 'self'")


def inline_script_hashes(site: Path) -> list[str]:
    """The `'sha256-…'` source of every distinct inline script of the site's HTML pages."""
    found: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        for script in _SCRIPT.finditer(page.read_text(encoding="utf-8", errors="replace")):
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
