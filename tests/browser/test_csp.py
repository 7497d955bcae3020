"""Strict Content-Security-Policy: what the bare `script-src 'self'` breaks (Material's inline
scripts), and that the policy of `playbooks csp` keeps the whole site working with no violation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_playbooks.engines.csp import policy

from .conftest import Server, watch

BARE = "script-src 'self'; object-src 'none'; base-uri 'none'"
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  {source: e.sourceFile, blocked: e.blockedURI, directive: e.violatedDirective}));"""


@dataclass
class Visit:
    page: Page
    url: str
    errors: list[str]

    def violations(self) -> list[dict[str, str]]:
        return list(self.page.evaluate("window.__violations"))


Opener = Callable[[str], Visit]


@pytest.fixture
def visit(browser: Browser, demo_server: Server) -> Iterator[Opener]:
    """Opens the demo site served with a given policy."""
    opened: list[tuple[Server, BrowserContext]] = []

    def open_with(header: str) -> Visit:
        server = Server(demo_server.root, headers={"Content-Security-Policy": header})
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        watched = watch(page)
        opened.append((server, context))
        page.goto(server.url + "/playbooks/ecoute-sociale/")
        return Visit(page, server.url, watched.errors)

    yield open_with
    for server, context in opened:
        context.close()
        server.close()


def search_works(page: Page, *, patience: int = 5) -> bool:
    """Whether Material's search opens and finds a word; waits on states, up to `patience` tries
    (of a second each) to open it and `patience` × 3 s for the results: the index is built in a
    worker, slowly on a loaded machine. A test that expects the search to work is patient."""
    field = page.locator("input.md-search__input")
    for _ in range(patience):  # the shortcut again if it came before Material listened to keys
        page.keyboard.press("s")  # Material's shortcut opens the search
        try:
            expect(field).to_be_visible(timeout=1000)
            break
        except AssertionError:
            continue
    else:
        return False
    field.fill("territoires")
    try:
        expect(page.locator(".md-search-result__item").first).to_be_visible(
            timeout=patience * 3000)
    except AssertionError:
        return False
    return True


def palette_toggles(page: Page) -> bool:
    before = page.locator("body").get_attribute("data-md-color-scheme")
    toggle = page.locator("form[data-md-component='palette'] label:visible").first
    if toggle.count() == 0:
        return False
    toggle.click()
    try:  # a wait on the state, not a time: a loaded machine runs Material's script slowly
        expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before or "",
                                                          timeout=5000)
    except AssertionError:
        return False
    return True


def ticks_survive_a_reload(page: Page) -> bool:
    box = page.locator("input.pb-check").first
    box.check()
    page.reload()
    return box.is_checked()


def test_bare_script_src_self_breaks_material_but_not_the_plugin(visit: Opener) -> None:
    site = visit(BARE)
    assert ticks_survive_a_reload(site.page)
    blocked = [v for v in site.violations() if v["blocked"] == "inline"]
    assert blocked, "Material's inline scripts are blocked"
    assert not palette_toggles(site.page)
    assert not search_works(site.page)


def test_the_policy_of_playbooks_csp_keeps_everything_working(
    visit: Opener, demo_server: Server
) -> None:
    site = visit(policy(Path(demo_server.root)))
    assert ticks_survive_a_reload(site.page)
    assert search_works(site.page, patience=20)
    site.page.keyboard.press("Escape")
    assert palette_toggles(site.page)
    site.page.goto(site.url + "/assessments/maturite-social-media/")
    site.page.locator('input[name="pb-answer-veille"][value="continu"]').check()
    site.page.get_by_role("button", name="Voir mes résultats").click()
    site.page.get_by_text("Graphique radar").click()
    expect(site.page.locator("svg.pb-radar").first).to_be_visible()
    bar = site.page.locator(".pb-scores .pb-meter span").first  # its length set under the policy
    share = bar.evaluate("e => e.getBoundingClientRect().width / e.parentNode.clientWidth")
    assert abs(share - 1) < 0.01  # veille's best answer: 100 / 100 so far
    assert site.violations() == []
    assert site.errors == []
