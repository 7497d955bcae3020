"""The demo built by other engines than MkDocs 1.6 works for a reader, in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from ..test_engines import properdocs_build
from .conftest import Server, watch


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
