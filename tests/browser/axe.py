"""axe-core, the accessibility engine, run in the page (the copy shipped by a PyPI package)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python
from playwright.sync_api import Page

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
BLOCKING = {"serious", "critical"}
THEIRS = {
    # Material for MkDocs' own chrome, not the plugin's: its search dialog has no name, and its
    # footer text is 4.47:1 on the light palette. Anything else fails.
    ("aria-dialog-name", ".md-search"),
    ("color-contrast", ".md-copyright"),
}


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """Violations of serious or critical impact, each with the nodes that fail."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in result["violations"]:
        nodes = [" ".join(node["target"]) for node in violation["nodes"]
                 if (violation["id"], " ".join(node["target"])) not in THEIRS]
        if violation["impact"] in BLOCKING and nodes:
            found.append({"id": violation["id"], "impact": violation["impact"],
                          "help": violation["help"], "nodes": nodes[:5]})
    return found
