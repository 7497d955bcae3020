"""axe-core finds no serious or critical violation on the plugin's pages, light and dark, and in
every state of a self-assessment (answering, one dimension at a time, partial and complete
results, history and share link)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page

from .axe import serious_violations
from .conftest import Server
from .test_assessment import DEMO

PAGES = ["/playbooks/", "/playbooks/ecoute-sociale/", "/playbooks/progress/",
         "/en/playbooks/ecoute-sociale/", "/en/playbooks/animer-et-repondre/",
         "/en/assessments/maturite-social-media/"]


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


ASSESSMENT = "/assessments/maturite-social-media/"


def _answer(page: Page, pick: int, dimensions: slice = slice(None)) -> None:
    for dimension in DEMO.dimensions[dimensions]:
        for question in dimension.questions:
            page.locator(f'input[name="pb-answer-{question.id}"]').nth(
                min(pick, len(question.choices) - 1)).check()


def _see(page: Page) -> None:
    page.get_by_role("button", name="Voir mes résultats").click()


ASSESSMENT_STATES: dict[str, Callable[[Page], None]] = {
    "questionnaire": lambda page: _answer(page, 1, slice(0, 1)),
    "partial": lambda page: (_answer(page, 1, slice(0, 2)), _see(page)),
    "complete": lambda page: (_answer(page, 2), _see(page),
                              page.locator("[data-pb-target]").select_option("engagement"),
                              page.get_by_text("Comment ce résultat est-il calculé ?").click(),
                              page.get_by_text("Graphique radar").click()),
    "history": lambda page: (_answer(page, 0), _see(page), page.wait_for_timeout(20),
                             _answer(page, 3), _see(page),
                             page.get_by_role("button", name="Copier le lien de partage").click()),
    "one_at_a_time": lambda page: (
        _answer(page, 1, slice(0, 1)),
        page.get_by_role("button", name="Une dimension à la fois").click()),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(ASSESSMENT_STATES))
def test_no_serious_violation_in_any_state_of_the_assessment(
    name: str, scheme: str, browser: Browser, demo_server: Server
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(demo_server.url + ASSESSMENT)
    ASSESSMENT_STATES[name](page)
    page.wait_for_timeout(100)
    assert serious_violations(page) == []
    context.close()
