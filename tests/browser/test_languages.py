"""The demo in two languages (mkdocs-static-i18n), in Chromium: from a French page to its
English translation by the page's language links, progress and answers shared across languages,
and English around an English page (Material's words and the plugin's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import Server, Watched

FRENCH = "/playbooks/ecoute-sociale/"
ASSESSMENT = "/assessments/maturite-social-media/"


def test_a_tick_on_the_french_page_is_on_its_english_translation(
        watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + FRENCH)
    first = page.locator('ul[data-pb-play="cartographier-territoires"] input.pb-check').first
    page.locator(f'label[for="{first.get_attribute("id")}"]').click()
    expect(first).to_be_checked()
    page.locator("[data-pb-languages]").get_by_role("link", name="English").click()
    expect(page).to_have_url(demo_server.url + "/en" + FRENCH + "index.html")
    expect(page.locator("h1")).to_contain_text("Listen before you publish")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('input[data-md-component="search-query"]')).to_have_attribute(
        "placeholder", "Search")
    english_first = page.locator(
        'ul[data-pb-play="cartographier-territoires"] input.pb-check').first
    expect(english_first).to_be_checked()
    expect(page.locator('[data-pb-progress-of="playbook"]').first).to_have_attribute(
        "aria-valuenow", "1")
    expect(page.get_by_role("link", name="See my progress")).to_be_visible()
    # and back: unticked in English, unticked in French
    page.locator(f'label[for="{english_first.get_attribute("id")}"]').click()
    page.locator("[data-pb-languages]").get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(first).not_to_be_checked()
    assert watched.errors == []


def test_an_answer_in_english_is_on_the_french_assessment(
        watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + "/en" + ASSESSMENT)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="See my results")).to_be_visible()
    expect(page.locator("[data-pb-answered]")).to_contain_text("answered")
    page.locator('input[name="pb-answer-veille"][value="outille"]').check()
    expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
    page.goto(demo_server.url + ASSESSMENT)
    expect(page.locator('input[name="pb-answer-veille"][value="outille"]')).to_be_checked()
    expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
    expect(page.locator("[data-pb-answered]")).to_contain_text("réponse")
    page.goto(demo_server.url + "/en/playbooks/progress/")
    expect(page.locator('[data-pb-progress-of="assessment"]')).to_have_attribute(
        "aria-valuenow", "1")
    assert watched.errors == []


@pytest.mark.parametrize("width", [390, 1280])
def test_the_language_links_are_in_sight(watched: Watched, demo_server: Server,
                                         width: int, tmp_path: Path) -> None:
    page = watched.page
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    for path, name in ((FRENCH, "English"), ("/en" + FRENCH, "Français")):
        page.goto(demo_server.url + path)
        link = page.locator("[data-pb-languages]").get_by_role("link", name=name)
        expect(link).to_be_in_viewport()
        language = "en" if path.startswith("/en") else "fr"
        page.screenshot(path=tmp_path / f"languages-{language}-{width}.png")
