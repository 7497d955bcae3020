"""A reader's results at a glance, on a phone first (issue 22): after "See my results", the first
screen at 390 × 844 holds the overall result (or how much is answered and what is left), the
weakest dimensions and the first step of the plan, each said once; every bar is its score on a
track of one length, and the radar agrees; the plan is ranked by need; the table of contents
lists the results, the plan and the history once they are shown, in both languages."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from mkdocs_playbooks.assessment.scoring import points_missing, results

from .conftest import Server
from .test_assessment import DEMO, PAGE, answer

EN_PAGE = "/en" + PAGE

MIXED = {"ecoute": [2, 2, 2, 1], "conversation": [3, 3, 2, 3], "reactivite-temps-reel": [1, 0, 1],
         "mesure": [0, 1, 0, 1], "choix-des-espaces": [3, 2, 2, 3], "organisation": [2, 2, 1, 2]}
"""The issue's kind of answers: scores from 13 to 93, two dimensions level at 60, the weakest far
from its next level's minimum and so ranked low by the points it lacks to it."""


def mixed() -> dict[str, str]:
    """The answers of `MIXED` (choice positions), by question id."""
    chosen = {}
    for dimension in DEMO.dimensions:
        for question, pick in zip(dimension.questions, MIXED[dimension.id], strict=True):
            chosen[question.id] = question.choices[pick].id
    return chosen


def answered(page: Page, chosen: dict[str, str], button: str = "Voir mes résultats") -> None:
    for question, choice in chosen.items():
        answer(page, question, choice)
    page.get_by_role("button", name=button).click()
    expect(page.locator("[data-pb-results-body] .pb-overall")).to_be_visible()


def phone(browser: Browser) -> tuple[Any, Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True)
    return context, context.new_page()


ON_SCREEN = """(selectors) => {
  const header = document.querySelector('.md-header')?.getBoundingClientRect().bottom ?? 0;
  return selectors.map((selector) => {
    const e = document.querySelector(selector);
    if (!e) return [selector, 'missing'];
    const box = e.getBoundingClientRect();
    return [selector, box.height > 0 && box.top >= header - 0.5 && box.bottom <= innerHeight + 0.5];
  });
}"""


def off_screen(page: Page, selectors: list[str]) -> list[Any]:
    """The selectors whose first element is not wholly on the first screen (below the header)."""
    return [found for found in page.evaluate(ON_SCREEN, selectors) if found[1] is not True]


def test_the_first_screen_holds_the_result_the_weakest_and_the_first_step(
    browser: Browser, demo_server: Server
) -> None:
    context, page = phone(browser)
    page.goto(demo_server.url + PAGE)
    answered(page, mixed())
    shown = results(DEMO, mixed())
    body = "[data-pb-results-body]"
    assert off_screen(page, [
        "#pb-results-heading", f"{body} .pb-overall", f"{body} .pb-overall + .pb-level-text",
        f"{body} .pb-overall ~ .pb-next",  # how far the next level is
        f"{body} .pb-scores li:nth-child(1)", f"{body} .pb-scores li:nth-child(2)",
        f"{body} .pb-scores li:nth-child(3)",  # the weakest dimensions, with their bars
        "[data-pb-plan] > li:first-child h4", "[data-pb-plan] > li:first-child > .pb-next",
    ]) == []
    # the first step's advice starts on the first screen too
    top = page.locator("[data-pb-plan] > li:first-child .pb-recommendation p:not(.pb-label)")
    box = top.first.bounding_box()
    assert box is not None
    assert box["y"] + 16 <= 844
    # Material's "Back to top", shown as the page scrolls up to the results, leaves their title
    expect(page.locator(".md-top")).to_have_attribute("hidden", "")
    weakest = min(shown.dimensions, key=lambda key: shown.dimensions[key].score or 0)
    first = page.locator("[data-pb-plan] > li").first
    expect(first).to_have_attribute("data-pb-dimension", weakest)
    expect(page.locator(f"{body} .pb-scores li").first).to_contain_text(
        next(d.title for d in DEMO.dimensions if d.id == weakest))
    context.close()


def test_a_partial_result_leads_with_how_much_is_answered_and_what_is_missing(
    browser: Browser, demo_server: Server
) -> None:
    context, page = phone(browser)
    page.goto(demo_server.url + PAGE)
    three = [q for d in DEMO.dimensions for q in d.questions][:3]
    answered(page, {q.id: q.choices[-1].id for q in three})
    body = "[data-pb-results-body]"
    overall = page.locator(f"{body} .pb-overall")
    expect(overall).to_have_text("3 réponses sur 23 : résultat partiel, pas encore de niveau")
    assert off_screen(page, [f"{body} .pb-overall", f"{body} ul.pb-left", f"{body} p.pb-next",
                             f"{body} .pb-scores"]) == []
    # the headline is the count; the partial score comes after what is missing, in small print
    weights = page.evaluate("""() => ['.pb-overall', 'p.pb-next'].map((s) => {
        const e = document.querySelector('[data-pb-results-body] ' + s);
        return [getComputedStyle(e).fontWeight, parseFloat(getComputedStyle(e).fontSize)]; })""")
    assert int(weights[0][0]) >= 700 > int(weights[1][0])
    assert weights[1][1] < weights[0][1]
    order = page.evaluate("""() => ['.pb-overall', 'ul.pb-left', 'p.pb-next'].map((s) =>
        document.querySelector('[data-pb-results-body] ' + s).getBoundingClientRect().top)""")
    assert order == sorted(order)
    context.close()


VISIBLE_TEXTS = """(selector) => [...document.querySelectorAll('[data-pb-results] ' + selector)]
  .filter((e) => e.getClientRects().length && !e.closest('details:not([open])'))
  .map((e) => e.textContent.replace(/\\s+/g, ' ').trim())"""


def test_nothing_is_said_twice(browser: Browser, demo_server: Server) -> None:
    context, page = phone(browser)
    page.goto(demo_server.url + PAGE)
    answered(page, mixed())
    texts = page.evaluate(VISIBLE_TEXTS, "p")
    for level in DEMO.levels:  # each level's description, at most once (it was five times)
        description = " ".join((level.description or "").split())
        assert sum(text == description for text in texts) <= 1, level.id
    # what the level means and each step's advice: each its own
    paragraphs = page.evaluate(VISIBLE_TEXTS, ":is(.pb-level-text, .pb-recommendation) p")
    assert len(paragraphs) > len(DEMO.dimensions)
    assert len(paragraphs) == len(set(paragraphs)), paragraphs
    context.close()


METER_JS = """() => [...document.querySelectorAll('[data-pb-results-body] .pb-scores li')]
.map((li) => {
  const track = li.querySelector('.pb-meter').getBoundingClientRect();
  const bar = li.querySelector('.pb-meter span').getBoundingClientRect();
  return [li.querySelector('span').textContent, track.width, bar.width, track.left, bar.left];
})"""

RADAR_POINTS_JS = """() => document.querySelector('[data-pb-radar] polygon.pb-series')
.getAttribute('points')"""

RADAR_JS = """() => {
  const svg = document.querySelector('[data-pb-radar] svg.pb-radar');
  const points = svg.querySelector('polygon.pb-series').getAttribute('points').trim().split(' ');
  return points.map((p) => p.split(',').map(Number));
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_every_bar_is_its_score_on_one_scale_and_the_radar_agrees(
    width: int, browser: Browser, demo_server: Server
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    answered(page, mixed())
    shown = results(DEMO, mixed())
    score_of = {d.title: shown.dimensions[d.id].score for d in DEMO.dimensions}
    bars = page.evaluate(METER_JS)
    assert len(bars) == len(DEMO.dimensions)
    tracks = {round(track, 1) for _, track, _, _, _ in bars}
    assert len(tracks) == 1, tracks  # one length of track for every bar
    assert abs(bars[0][1] - page.locator(".pb-scores").bounding_box()["width"]) <= 0.5  # its width
    for title, length, bar, left, start in bars:
        score = score_of[title]
        assert score is not None
        assert abs(bar - length * score / 100) <= 1, (title, score, bar, length)
        assert abs(start - left) <= 0.5  # from the track's start
    longer = sorted(bars, key=lambda b: b[2])
    assert [score_of[b[0]] for b in longer] == sorted(score_of.values())
    # the radar: each axis's point as far from the centre, of the 100 ring, as the bar of its track
    page.get_by_text("Graphique radar").click()
    radar = page.evaluate(RADAR_JS)
    geometry = page.evaluate("JSON.parse(document.querySelector('[data-pb-spec]').dataset.pbSpec)"
                             ".constants.radar")
    centre = geometry["size"] / 2
    for dimension, (x, y) in zip(DEMO.dimensions, radar, strict=True):
        reach = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 / geometry["radius"]
        bar = next(b for b in bars if b[0] == dimension.title)
        assert abs(reach - bar[2] / bar[1]) <= 0.01, (dimension.id, reach, bar)
    # answers changed with the radar open: the same chart, its series where the new scores are
    page.evaluate("document.querySelector('[data-pb-radar] svg.pb-radar').dataset.seen = 'yes'")
    before = page.evaluate(RADAR_POINTS_JS)
    chosen = mixed()
    for question in DEMO.dimensions[0].questions:
        chosen[question.id] = question.choices[-1].id
        answer(page, question.id, question.choices[-1].id)
    page.wait_for_function("(before) => document.querySelector('[data-pb-radar] polygon.pb-series')"
                           ".getAttribute('points') !== before",
                           arg=before)
    moved = results(DEMO, chosen)
    for dimension, (x, y) in zip(DEMO.dimensions, page.evaluate(RADAR_JS), strict=True):
        reach = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 / geometry["radius"]
        assert abs(reach - (moved.dimensions[dimension.id].score or 0) / 100) <= 0.01, dimension.id
    expect(page.locator("[data-pb-radar] svg.pb-radar[data-seen='yes']")).to_have_count(1)
    context.close()


def need(key: str, target_min: float | None) -> tuple[float, float, float]:
    """A dimension's rank in the plan, as the issue asks: the gap to the target when one is set,
    the largest first; then the lowest score; then the heaviest weight."""
    shown = results(DEMO, mixed()).dimensions[key]
    score = shown.score or 0
    weight = next(d.weight for d in DEMO.dimensions if d.id == key)
    gap = 0 if target_min is None else max(0, target_min - score)
    return (-gap, score, -weight)


def to_next_level(key: str) -> int:
    """The points a dimension of `mixed()` lacks to its next level (0 at the top): how the plan
    was ranked before, which put the weakest dimension fourth."""
    score = results(DEMO, mixed()).dimensions[key].score or 0
    return next((points_missing(level, score) for level in DEMO.levels if level.min > score), 0)


def test_the_plan_is_ranked_by_need_each_step_naming_its_dimension_and_plays(
    browser: Browser, demo_server: Server
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    answered(page, mixed())
    shown = results(DEMO, mixed())
    steps = page.locator("[data-pb-plan] > li")
    expect(steps).to_have_count(len(DEMO.dimensions))

    def order() -> list[str]:
        return steps.evaluate_all("items => items.map((li) => li.dataset.pbDimension)")

    expected = sorted((d.id for d in DEMO.dimensions), key=lambda key: need(key, None))
    assert order() == expected
    assert shown.dimensions[expected[0]].score == min(d.score or 0 for d in
                                                      shown.dimensions.values())
    assert sorted(expected, key=to_next_level, reverse=True) != expected  # the old order
    target = DEMO.levels[-1]
    page.locator("[data-pb-target]").select_option(target.id)
    expect(steps.first).to_contain_text(f"Niveau visé {target.title}")
    assert order() == sorted(expected, key=lambda key: need(key, target.min))
    for step in steps.all():
        key = step.get_attribute("data-pb-dimension")
        title = next(d.title for d in DEMO.dimensions if d.id == key)
        expect(step.locator("h4")).to_have_text(title)
        expect(step.locator(".pb-recommendation a[data-pb-items]").first).to_be_visible()
    context.close()


TOC = ".md-sidebar--secondary .md-nav__link[href$='#{}']"


@pytest.mark.parametrize(("path", "button"), [(PAGE, "Voir mes résultats"),
                                              (EN_PAGE, "See my results")])
def test_the_table_of_contents_lists_results_plan_and_history_once_shown(
    path: str, button: str, browser: Browser, demo_server: Server
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(demo_server.url + path)
    entries = {name: page.locator(TOC.format(f"pb-{name}-heading"))
               for name in ("results", "plan", "history")}
    for entry in entries.values():
        expect(entry).to_have_count(1)
        expect(entry).to_be_hidden()  # nothing to lead to yet
    three = [q for d in DEMO.dimensions for q in d.questions][:3]
    answered(page, {q.id: q.choices[-1].id for q in three}, button)
    expect(entries["results"]).to_be_visible()
    expect(entries["plan"]).to_be_hidden()  # a partial result: no plan yet
    expect(entries["history"]).to_be_hidden()  # no attempt
    answered(page, mixed(), button)
    for name, entry in entries.items():
        expect(entry).to_be_visible()
        entry.click()
        expect(page.locator(f"#pb-{name}-heading")).to_be_in_viewport()
    context.close()
