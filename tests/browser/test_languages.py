"""The demo in two languages (mkdocs-static-i18n), in Chromium, served under a sub-path as on
GitHub Pages: the header's language selector leads from every kind of page to the same page in
the other language, with Material's instant navigation; progress and answers are shared across
languages, and each language's page is that language around it (Material's words, the
plugin's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Response, expect

from ..conftest import REPO, build, write_site
from ..test_languages import i18n_site
from ..test_translations import ASSESSMENT, ORIGINAL
from .conftest import Server, Watched, watch

SHOTS = Path("/work/notes/shots/languages")
BASE = "/mkdocs-playbooks"
FRENCH = "/playbooks/ecoute-sociale/"
ASSESSMENT_PAGE = "/assessments/maturite-social-media/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo served at http://127.0.0.1:PORT/mkdocs-playbooks/."""
    root = tmp_path_factory.mktemp("languages-browser")
    server = Server(root)
    result = build(REPO, "-d", str(root / BASE.strip("/")),
                   env={"SITE_URL": f"{server.url}{BASE}/"})
    assert result.result.returncode == 0, result.result.stderr
    yield server.url + BASE
    server.close()


@pytest.fixture
def failures(watched: Watched) -> list[str]:
    """Responses of 400 and more, besides the console errors `watched` keeps."""
    found: list[str] = []

    def on_response(response: Response) -> None:
        if response.status >= 400:
            found.append(f"{response.status} {response.url}")

    watched.page.on("response", on_response)
    return found


def mark(page: Page) -> None:
    """A mark that instant navigation keeps and a whole page load forgets."""
    page.evaluate("window.pbLanguagesMark = true")


def marked(page: Page) -> bool:
    return bool(page.evaluate("window.pbLanguagesMark === true"))


def follow(page: Page, address: str) -> None:
    """Click a link to `address` in the page's article, as a reader does (instant navigation
    takes it)."""
    page.evaluate("""(address) => { const link = document.createElement('a');
        link.href = address; link.textContent = 'link'; link.id = 'pb-test-link';
        document.querySelector('article').append(link); }""", address)
    page.locator("#pb-test-link").click()


def choose(page: Page, language: str, width: int, shot: str = "") -> None:
    """Open the header's language selector as a reader does at this width, pick `language`."""
    button = page.locator(".md-header__option .md-select > button")
    expect(button).to_be_in_viewport()
    if width >= 1220:
        button.hover()
    else:
        button.click()
    link = page.locator(f'.md-select__link[hreflang="{language}"]')
    expect(link).to_be_in_viewport()
    expect(page.locator(".md-select__inner")).to_have_css("opacity", "1")
    if shot:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"{shot}.png")
    link.click()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_selector_leads_to_the_same_page_in_the_other_language(
        watched: Watched, failures: list[str], site: str, width: int) -> None:
    page = watched.page
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    # a generated page reached by instant navigation
    page.goto(site + "/playbooks/")
    mark(page)
    page.locator('article a[href$="/playbooks/ecoute-sociale/"]').first.click()
    expect(page.locator("article h1")).to_contain_text("Écouter avant de publier")
    assert marked(page)  # instant navigation drew it: the header is the listing's
    expect(page.locator('.md-select__link[hreflang="en"]')).to_have_js_property(
        "href", f"{site}/en{FRENCH}")
    choose(page, "en", width, f"fr-playbook-selector-{width}")
    expect(page).to_have_url(f"{site}/en{FRENCH}")
    expect(page.locator("article h1")).to_contain_text("Listen before you publish")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('input[data-md-component="search-query"]')).to_have_attribute(
        "placeholder", "Search")
    assert not marked(page)  # loaded whole: its header is English
    page.go_back()
    expect(page).to_have_url(f"{site}{FRENCH}")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.go_back()
    expect(page).to_have_url(f"{site}/playbooks/")
    expect(page.locator('.md-select__link[hreflang="en"]')).to_have_js_property(
        "href", f"{site}/en/playbooks/")
    # a page of docs/, from the English home by instant navigation
    page.goto(site + "/en/")
    mark(page)
    follow(page, f"{site}/en/guide/cli/")
    expect(page.locator("article h1")).to_contain_text("Command line and plugin reference")
    assert marked(page)
    choose(page, "fr", width)
    expect(page).to_have_url(f"{site}/guide/cli/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    # in English, and marked so
    expect(page.locator('article [lang="en"] h1')).to_contain_text(
        "Command line and plugin reference")
    # the home
    choose(page, "en", width)
    expect(page).to_have_url(f"{site}/en/guide/cli/")
    page.goto(site + "/")
    choose(page, "en", width)
    expect(page).to_have_url(f"{site}/en/")
    expect(page.locator("article h1")).to_contain_text("mkdocs-playbooks")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert watched.errors == []
    assert failures == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_selector_is_in_sight(browser: Browser, site: str, width: int, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme,  # type: ignore[arg-type]
                                  viewport={"width": width, "height": 844 if width < 600 else 900})
    page = context.new_page()
    watched = watch(page)
    for path, language, other in ((FRENCH, "fr", "en"), (f"/en{ASSESSMENT_PAGE}", "en", "fr")):
        page.goto(site + path)
        choose(page, other, width, shot=f"selector-{language}-{width}-{scheme}")
    assert watched.errors == []
    context.close()


def test_a_page_without_a_version_leads_to_the_other_language_home(
        watched: Watched, tmp_path: Path) -> None:
    docs = {"index.md": "# Accueil\n", "index.en.md": "# Home\n",
            "equipe.md": "# L'équipe\n\nEn français seulement.\n"}
    languages = """
  - i18n:
      docs_structure: suffix
      reconfigure_material: false
      fallback_to_default: false
      languages:
        - {locale: fr, name: Français, default: true}
        - {locale: en, name: English, theme: {language: en}}
"""
    server = Server(tmp_path / "serve")
    try:
        root = i18n_site(tmp_path / "project", languages, docs,
                         {"ecoute.yml": ORIGINAL, "maturite.yml": ASSESSMENT})
        config = root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "https://example.org/docs/", server.url + "/"), encoding="utf-8")
        result = build(root, "-d", str(server.root))
        assert result.result.returncode == 0, result.result.stderr
        page = watched.page
        page.goto(server.url + "/")
        mark(page)
        follow(page, server.url + "/equipe/")
        expect(page.locator("article h1")).to_contain_text("L'équipe")
        assert marked(page)
        expect(page.locator('.md-select__link[hreflang="en"]')).to_have_js_property(
            "href", server.url + "/en/")
        choose(page, "en", 1280)
        expect(page).to_have_url(server.url + "/en/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert watched.errors == []
    finally:
        server.close()


def test_a_tick_on_the_french_page_is_on_its_english_translation(
        watched: Watched, site: str) -> None:
    page = watched.page
    page.goto(site + FRENCH)
    first = page.locator('ul[data-pb-play="cartographier-territoires"] input.pb-check').first
    page.locator(f'label[for="{first.get_attribute("id")}"]').click()
    expect(first).to_be_checked()
    choose(page, "en", 1280)
    expect(page).to_have_url(f"{site}/en{FRENCH}")
    english_first = page.locator(
        'ul[data-pb-play="cartographier-territoires"] input.pb-check').first
    expect(english_first).to_be_checked()
    expect(page.locator('[data-pb-progress-of="playbook"]').first).to_have_attribute(
        "aria-valuenow", "1")
    expect(page.get_by_role("link", name="See my progress")).to_be_visible()
    # and back: unticked in English, unticked in French
    page.locator(f'label[for="{english_first.get_attribute("id")}"]').click()
    choose(page, "fr", 1280)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(first).not_to_be_checked()
    assert watched.errors == []


def test_an_answer_in_english_is_on_the_french_assessment(watched: Watched, site: str) -> None:
    page = watched.page
    page.goto(site + "/en" + ASSESSMENT_PAGE)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="See my results")).to_be_visible()
    expect(page.locator("[data-pb-answered]")).to_contain_text("answered")
    page.locator('input[name="pb-answer-veille"][value="outille"]').check()
    expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
    page.goto(site + ASSESSMENT_PAGE)
    expect(page.locator('input[name="pb-answer-veille"][value="outille"]')).to_be_checked()
    expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
    expect(page.locator("[data-pb-answered]")).to_contain_text("réponse")
    page.goto(site + "/en/playbooks/progress/")
    expect(page.locator('[data-pb-progress-of="assessment"]')).to_have_attribute(
        "aria-valuenow", "1")
    assert watched.errors == []


def test_a_right_to_left_document_is_laid_out_right_to_left(
        watched: Watched, tmp_path: Path) -> None:
    from ..test_languages import ARABIC

    server = Server(tmp_path / "serve")
    try:
        root = write_site(tmp_path / "project", {"ecoute.yml": ORIGINAL, "istima.yml": ARABIC})
        result = build(root, "-d", str(server.root))
        assert result.result.returncode == 0, result.result.stderr
        page = watched.page
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(server.url + "/playbooks/istima/")
        heading = page.locator("article h1")
        expect(heading).to_have_css("direction", "rtl")
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        # the title's text is on the right of its line, each box on the right of its label
        text, line = page.evaluate("""() => {
            const h1 = document.querySelector('article h1'), range = document.createRange();
            range.selectNodeContents(h1.firstChild);
            const text = range.getBoundingClientRect(), line = h1.getBoundingClientRect();
            return [[text.left, text.right], [line.left, line.right]]; }""")
        assert text[1] > line[1] - 40
        assert text[0] > line[0] + 200
        box = page.locator("li.pb-item input").first.bounding_box()
        label = page.locator("li.pb-item label").first.bounding_box()
        assert box is not None
        assert label is not None
        assert box["x"] > label["x"] + label["width"] - 1
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.locator("article").screenshot(path=SHOTS / "rtl-playbook-1280.png")
        assert watched.errors == []
    finally:
        server.close()
