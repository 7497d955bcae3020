"""A paginated index and progress page in a real browser: cards past the first page show the
reader's progress, and the pager is accessible."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from ..conftest import build, write_site
from ..test_listing_pages import many_playbooks
from .axe import serious_violations
from .conftest import Server, watch


@pytest.fixture(scope="module")
def paginated_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("paginated-browser")
    site = write_site(root / "src", many_playbooks(), options=":\n      listing_page_size: 10")
    result = build(site, "-d", str(root / "out"))
    assert result.result.returncode == 0, result.result.stderr
    server = Server(root / "out")
    yield server
    server.close()


def test_a_tick_shows_on_the_card_of_a_later_page(browser: Browser,
                                                  paginated_server: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(paginated_server.url + "/playbooks/p12/")
        page.locator('input[data-pb-item="classer"]').check()
        page.goto(paginated_server.url + "/playbooks/")
        page.get_by_role("navigation", name="Pages de cette liste").get_by_role(
            "link", name="Page suivante").click()
        expect(page).to_have_url(paginated_server.url + "/playbooks/page/2/")
        for path in ("/playbooks/page/2/", "/playbooks/progress/page/2/"):
            page.goto(paginated_server.url + path)
            card = page.locator('[data-pb-progress="p12"]')
            expect(card).to_have_attribute("aria-valuenow", "1")
            expect(card).to_contain_text("1 / 2")
            expect(page.locator('[data-pb-progress="p13"]')).to_have_attribute(
                "aria-valuenow", "0")
        page.wait_for_load_state("networkidle")
        assert serious_violations(page) == []
        assert watched.errors == []
    finally:
        context.close()
