"""The demo built by other engines than MkDocs 1.6 works for a reader, in Chromium: ProperDocs
with the plugin, Zensical with the pages of `playbooks export`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from ..test_engines import properdocs_build
from ..test_zensical import demo_copy, export_and_build
from .conftest import Server, watch
from .test_hostile import executed_nothing, hostile_site


def test_a_properdocs_build_keeps_ticks_and_scores(browser: Browser,
                                                   tmp_path_factory: pytest.TempPathFactory
                                                   ) -> None:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = properdocs_build(site)
    assert result.returncode == 0, result.stderr
    server = Server(Path(site))
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(server.url + "/playbooks/ecoute-sociale/")
        page.locator("input.pb-check").first.check()
        page.reload()
        expect(page.locator("input.pb-check").first).to_be_checked()
        page.goto(server.url + "/assessments/maturite-social-media/")
        page.locator('input[name="pb-answer-veille"][value="continu"]').check()
        page.reload()
        expect(page.locator('input[name="pb-answer-veille"][value="continu"]')).to_be_checked()
        assert watched.our_errors() == []
    finally:
        context.close()
        server.close()


@pytest.fixture(scope="module")
def zensical_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The demo written by `playbooks export` and built by Zensical, served on 127.0.0.1."""
    root = demo_copy(tmp_path_factory.mktemp("zensical"))
    server = Server(root / "site")  # first, so the site can be built for its address
    result = export_and_build(root, env={"SITE_URL": server.url + "/"})
    assert result.returncode == 0, result.stderr
    yield server
    server.close()


def test_a_zensical_build_keeps_ticks_and_scores(browser: Browser,
                                                 zensical_server: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(zensical_server.url + "/playbooks/ecoute-sociale/")
        box = page.locator("input.pb-check").first
        box.check()
        expect(page.locator('[data-pb-progress-of="playbook"]')).to_have_attribute(
            "aria-valuenow", "1")
        page.reload()
        expect(page.locator("input.pb-check").first).to_be_checked()
        # from the index, Zensical's instant navigation to the assessment: the script starts
        page.goto(zensical_server.url + "/playbooks/")
        expect(page.locator('[data-pb-progress="ecoute-sociale"]')).to_have_attribute(
            "aria-valuenow", "1")
        page.evaluate("window.__marker = 'same document'")
        page.locator('article a[href$="maturite-social-media/"]').first.click()
        page.wait_for_url("**/assessments/maturite-social-media/")
        # the address changes before the new page is in: `all()` would not wait for its questions
        expect(page.locator("[data-pb-answered]")).to_be_visible()
        for radio in page.locator(".pb-question").all():
            radio.locator("input[type=radio]").nth(1).check()
        page.get_by_role("button", name="Voir mes résultats").click()
        expect(page.locator(".pb-results-body .pb-overall")).to_contain_text("Score global")
        page.get_by_text("Graphique radar").click()
        expect(page.locator("[data-pb-radar] svg.pb-radar")).to_be_visible()
        assert page.evaluate("window.__marker") == "same document"
        page.reload()
        expect(page.locator('input[name="pb-answer-veille"]').nth(1)).to_be_checked()
        page.goto(zensical_server.url + "/playbooks/progress/")
        expect(page.locator("[data-pb-progress]").first).to_be_visible()
        assert watched.our_errors() == []
        assert [url for url in watched.requests
                if not url.startswith(zensical_server.url)] == []  # nothing from outside
    finally:
        context.close()


def test_hostile_text_in_a_zensical_build_executes_nothing(
        browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    root = hostile_site(tmp_path_factory.mktemp("zensical-hostile"))
    result = export_and_build(root)
    assert result.returncode == 0, result.stderr
    server = Server(root / "site")
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    watched = watch(page)
    try:
        for path in ("/playbooks/", "/playbooks/piege/", "/assessments/evaluation/"):
            page.goto(server.url + path)
            for box in page.locator("input.pb-check").all():
                box.check()
            for radio in page.locator(".pb-question input[value=b]").all():
                radio.check()
            page.wait_for_timeout(200)
            executed_nothing(page)
        assert dialogs == []
        assert watched.our_errors() == []
    finally:
        context.close()
        server.close()
