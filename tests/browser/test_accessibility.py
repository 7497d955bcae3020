"""axe-core finds no serious or critical violation on the plugin's pages, light and dark."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .axe import serious_violations
from .conftest import Server

PAGES = ["/playbooks/", "/playbooks/ecoute-sociale/", "/playbooks/progress/",
         "/playbooks/social-listening/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violation(path: str, scheme: str, browser: Browser,
                              demo_server: Server) -> None:
    context = browser.new_context(color_scheme=scheme)  # the demo's palette follows the system
    page = context.new_page()
    page.goto(demo_server.url + path)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    boxes = page.locator("input.pb-check")
    if boxes.count():  # with state: ticked boxes and filled bars
        boxes.first.check()
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []
    context.close()
