"""Material's offline plugin (a site opened from disk, `file://`, with `navigation.instant` still
on): ticks and answers are kept across reloads and pages, and the assessment computes results."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from ..conftest import REPO, build
from .conftest import watch

PLAYBOOK = "playbooks/ecoute-sociale/index.html"
ASSESSMENT = "assessments/maturite-social-media/index.html"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("offline")
    for name in ("docs", "playbooks"):
        shutil.copytree(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    - navigation.instant\n" in config  # kept: the offline plugin must cope with it
    assert config.count("\n  - tags\n") == 1
    (root / "mkdocs.yml").write_text(config.replace("\n  - tags\n", "\n  - tags\n  - offline\n"),
                                     encoding="utf-8")
    result = build(root)
    assert result.result.returncode == 0, result.result.stderr
    return root / "site"


def test_ticks_are_kept_on_a_site_opened_from_disk(browser: Browser, offline_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto((offline_site / PLAYBOOK).as_uri())
        assert page.evaluate("location.protocol") == "file:"
        page.locator("input.pb-check").first.check()
        progress = page.locator('[data-pb-progress-of="playbook"]')
        expect(progress).to_have_attribute("aria-valuenow", "1")
        page.reload()
        expect(page.locator("input.pb-check").first).to_be_checked()
        expect(progress).to_have_attribute("aria-valuenow", "1")
        # a link to another page of the site (the offline plugin writes …/index.html links)
        page.locator('article a[href$="progress/index.html"]').first.click()
        page.wait_for_url("**/playbooks/progress/index.html")
        expect(page.locator('[data-pb-progress="ecoute-sociale"]').first).to_have_attribute(
            "aria-valuenow", "1")
        assert watched.our_errors() == []
    finally:
        context.close()


def test_the_assessment_runs_on_a_site_opened_from_disk(browser: Browser,
                                                        offline_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto((offline_site / ASSESSMENT).as_uri())
        page.locator('input[name="pb-answer-veille"][value="continu"]').check()
        expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
        page.reload()
        expect(page.locator('input[name="pb-answer-veille"][value="continu"]')).to_be_checked()
        for question in page.locator(".pb-question").all():
            question.locator("input[type=radio]").nth(1).check()
        page.get_by_role("button", name="Voir mes résultats").click()
        body = page.locator(".pb-results-body")
        expect(body.locator(".pb-overall")).to_contain_text("Score global")
        page.get_by_text("Graphique radar").click()
        expect(page.locator("[data-pb-radar] svg.pb-radar")).to_be_visible()
        page.reload()  # the attempt is kept, and shown again
        expect(page.locator("[data-pb-results]")).to_be_visible()
        expect(page.locator(".pb-results-body .pb-overall")).to_contain_text("Score global")
        assert watched.our_errors() == []
        assert [error for error in watched.errors if "ERR_NAME_NOT_RESOLVED" not in error] == []
    finally:
        context.close()
