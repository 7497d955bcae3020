"""Mobile first: at 390 and 1280 px, light and dark, nothing overflows the page sideways (the
radar and the calculation opened), the radar's labels are at least 12 px as rendered, every
dimension's score is a line with its bar; each state is screenshotted (under pytest's temporary
folder, `results-<width>-<scheme>-<state>.png`) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import Server
from .test_assessment import DEMO, PAGE, answer_all

STATES: dict[str, Callable[[Page], None]] = {}


def state(function: Callable[[Page], None]) -> Callable[[Page], None]:
    STATES[function.__name__] = function
    return function


def see(page: Page) -> None:
    page.get_by_role("button", name="Voir mes résultats").click()


@state
def partial(page: Page) -> None:
    """One dimension answered, a question of another: the rest left to answer."""
    for n, question in enumerate(DEMO.dimensions[0].questions + DEMO.dimensions[2].questions[:1]):
        page.locator(f'input[name="pb-answer-{question.id}"]').nth(n % 3).check()
    see(page)


@state
def complete(page: Page) -> None:
    answer_all(page, 2)
    see(page)
    page.locator("[data-pb-target]").select_option("engagement")


@state
def history(page: Page) -> None:
    answer_all(page, 1)
    see(page)
    page.wait_for_timeout(20)
    answer_all(page, 2)
    see(page)
    page.get_by_role("button", name="Copier le lien de partage").click()
    page.locator("[data-pb-history]").scroll_into_view_if_needed()


@state
def one_at_a_time(page: Page) -> None:
    answer_all(page, 1)
    page.get_by_role("button", name="Une dimension à la fois").click()
    page.locator("[data-pb-questionnaire] a[data-pb-goto]").nth(2).click()


def overflowing(page: Page) -> list[str]:
    """Elements of the page's content that stick out of the window sideways (the insides of a
    scrolling box aside)."""
    return page.evaluate("""() => [...document.querySelectorAll('article *')].filter((e) => {
        const box = e.getBoundingClientRect();
        if (!box.width || box.right <= innerWidth + 0.5) return false;
        for (let p = e.parentElement; p; p = p.parentElement) {
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false;
        }
        return true;
      }).map((e) => e.tagName + '.' + e.className)""")


def label_sizes(page: Page) -> list[float]:
    """The radar labels' font size as rendered, in CSS pixels."""
    return page.evaluate("""() => [...document.querySelectorAll('svg.pb-radar text')]
      .filter((t) => t.getBoundingClientRect().width).map((t) => {
        const svg = t.ownerSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      })""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", list(STATES))
def test_nothing_overflows_and_labels_can_be_read(  # noqa: PLR0917 (fixtures)
    name: str, width: int, scheme: str, browser: Browser, demo_server: Server, tmp_path: Path
) -> None:
    mobile = width < 600
    context = browser.new_context(viewport={"width": width, "height": 844 if mobile else 900},
                                  color_scheme=scheme, is_mobile=mobile, has_touch=mobile)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_server.url)
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    STATES[name](page)
    for summary in page.locator("[data-pb-results] details > summary").all():
        if summary.is_visible():
            summary.click()  # the radar and the calculation opened
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert overflowing(page) == []
    sizes = label_sizes(page)
    if name != "one_at_a_time":
        assert sizes, "a radar is drawn"
    assert all(size >= 12 for size in sizes), sizes
    results = page.locator("[data-pb-results-body]")
    if name != "one_at_a_time":
        scored = 2 if name == "partial" else len(DEMO.dimensions)
        expect(results.locator(".pb-scores li")).to_have_count(scored)
        expect(results.locator("table, .pb-table")).to_have_count(0)
    page.screenshot(path=tmp_path / f"results-{width}-{scheme}-{name}.png", full_page=True)
    context.close()
