"""The results come to the reader, explained: at the top of the page, the overall level and what it
means, every dimension's score on one scale, an action plan with the advice of each level and the
plays' progress, the radar and the calculation with the reader's numbers; shown again on return,
opened at once from a share link, copied with a word of confirmation; history as a story; events
for the site's scripts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from mkdocs_playbooks.assessment.scoring import results
from mkdocs_playbooks.assessment.share import encode

from .conftest import Server, Watched
from .test_assessment import DEMO, KEY_JS, PAGE, answer, answer_all

RESULTS = "[data-pb-results]"
SEE = "Voir mes résultats"


def take(page: Page) -> None:
    page.get_by_role("button", name=SEE).click()


def test_no_advice_between_the_questions_and_none_before_results(
    watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    expect(page.locator(RESULTS)).to_be_hidden()
    questionnaire = page.locator("[data-pb-questionnaire]")
    expect(questionnaire.locator(".pb-recommendation")).to_have_count(0)
    expect(page.locator(".pb-recommendation:visible")).to_have_count(0)
    answer_all(page, 2)
    expect(page.locator(".pb-recommendation:visible")).to_have_count(0)  # still none: not asked
    take(page)
    advice = page.locator(".pb-recommendation:visible")
    expect(advice).to_have_count(len(DEMO.dimensions))  # one per dimension, in the plan
    for item in advice.all():
        assert item.evaluate("e => !!e.closest('[data-pb-plan]')")


def test_results_come_first_and_explain_the_level(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    chosen = answer_all(page, 2)
    take(page)
    heading = page.locator(f"{RESULTS} h2")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    # the results sit above the intro, the levels and the questionnaire
    order = page.evaluate("""() => ['[data-pb-results]', '.pb-intro', '#pb-levels',
        '[data-pb-questionnaire]'].map((s) => document.querySelector(s).getBoundingClientRect().top
        + scrollY)""")
    assert order == sorted(order)
    shown = results(DEMO, chosen)
    level = next(lv for lv in DEMO.levels if lv.id == shown.level)
    body = page.locator("[data-pb-results-body]")
    expect(body.locator(".pb-overall")).to_have_text(
        f"Score global : {shown.score} / 100, niveau {level.title}")
    expect(body.locator(".pb-overall + .pb-level-text")).to_contain_text(
        " ".join(level.description.split())[:40])
    expect(body.locator(".pb-overall ~ .pb-next")).to_contain_text("Niveau suivant : ")
    # every dimension's score and level, one line each with its bar
    rows = body.locator(".pb-scores li")
    expect(rows).to_have_count(len(DEMO.dimensions))
    titles = {d.id: d.title for d in DEMO.dimensions}
    for row in rows.all():
        title = row.locator("span").first.inner_text()
        dimension = shown.dimensions[next(key for key, t in titles.items() if t == title)]
        dimension_level = next(lv.title for lv in DEMO.levels if lv.id == dimension.level)
        expect(row.locator(".pb-next")).to_have_text(f"{dimension.score} / 100 · {dimension_level}")
    # the radar and the calculation, opened on demand; the calculation with the reader's numbers
    expect(page.locator("[data-pb-radar] svg")).to_be_hidden()
    page.get_by_text("Graphique radar").click()
    expect(page.locator("[data-pb-radar] svg")).to_be_visible()
    page.get_by_text("Comment ce résultat est-il calculé ?").click()
    calc = page.locator("[data-pb-calc] tbody tr")
    expect(calc).to_have_count(len(DEMO.dimensions) + 1)
    expect(calc.last).to_contain_text(f"→ {shown.score}")
    expect(calc.last.locator("th")).to_have_text("Global")


def test_the_action_plan_ranks_dimensions_and_links_the_plays_with_their_progress(
    watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + "/playbooks/ecoute-sociale/")
    page.locator('ul[data-pb-play="cartographier-territoires"] input.pb-check').first.check()
    page.goto(demo_server.url + PAGE)
    chosen = answer_all(page, 0)
    take(page)
    items = page.locator("[data-pb-plan] > li")
    expect(items).to_have_count(len(DEMO.dimensions))
    for item in items.all():
        expect(item.locator("h4")).to_be_visible()
        expect(item.locator(".pb-recommendation")).to_have_attribute("data-pb-level", "diffusion")
    # the play ticked on its page: its progress after its link
    link = page.locator('[data-pb-plan] a[href*="cartographier-territoires"]').first
    expect(link.locator("xpath=following-sibling::span[1]")).to_have_text(
        re.compile(r" \(1 / \d+\)"))
    page.locator("[data-pb-target]").select_option("conversation")
    expect(items.first).to_contain_text("Niveau visé Conversation : encore 50 points")
    assert results(DEMO, chosen).complete


def test_results_are_shown_again_on_return_and_hidden_once_cleared(
    watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    answer(page, "veille", "continu")
    take(page)
    expected = page.locator("[data-pb-results-body] .pb-overall").inner_text()
    page.reload()
    expect(page.locator(RESULTS)).to_be_visible()  # without pressing anything
    expect(page.locator("[data-pb-results-body] .pb-overall")).to_have_text(expected)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Effacer mes réponses").click()
    expect(page.locator(RESULTS)).to_be_hidden()
    page.reload()
    expect(page.locator(RESULTS)).to_be_hidden()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_share_link_opens_on_its_results(width: int, browser: Browser,
                                           demo_server: Server) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    answers = {q.id: q.choices[1].id for d in DEMO.dimensions for q in d.questions}
    page.goto(demo_server.url + PAGE + encode(DEMO, answers))
    heading = page.locator(f"{RESULTS} h2")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    expect(page.locator('[data-pb-notice="shared"]')).to_be_in_viewport()
    expect(page.locator("[data-pb-results-body] .pb-overall")).to_contain_text(
        f"{results(DEMO, answers).score} / 100")
    assert page.evaluate(f"localStorage.getItem({KEY_JS})") is None
    context.close()


def test_the_copy_button_copies_the_link_and_says_so(browser: Browser,
                                                     demo_server: Server) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_server.url)
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    answers = answer_all(page, 1)
    take(page)
    page.get_by_role("button", name="Copier le lien de partage").click()
    status = page.locator("[data-pb-share-status]")
    expect(status).to_have_text("Lien copié : qui l'ouvre voit ces résultats.")
    expect(status).to_have_attribute("role", "status")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("[data-pb-share]").input_value()
    assert copied.endswith(encode(DEMO, answers))
    context.close()


def test_where_the_clipboard_is_refused_the_link_is_selected_to_copy(
    browser: Browser, demo_server: Server
) -> None:
    context = browser.new_context()
    context.add_init_script("""
        Object.defineProperty(navigator, 'clipboard', {value: {
          writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))}});
        document.execCommand = () => false;""")
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    answer(page, "veille", "continu")
    take(page)
    page.get_by_role("button", name="Copier le lien de partage").click()
    expect(page.locator("[data-pb-share-status]")).to_contain_text(
        "il est sélectionné ci-dessus, copiez-le vous-même")
    field = page.locator("[data-pb-share]")
    expect(field).to_be_focused()
    selected = field.evaluate("e => [e.selectionStart, e.selectionEnd, e.value.length]")
    assert selected[0] == 0
    assert selected[1] == selected[2] > 0
    context.close()


def history_with(page: Page, picks: list[int]) -> Any:
    for pick in picks:
        answer_all(page, pick)
        take(page)
        page.wait_for_timeout(20)  # attempts are kept by time
    return page.locator("[data-pb-history]")


def test_one_attempt_is_told_not_compared_with_itself(watched: Watched,
                                                      demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    history = history_with(page, [0])
    expect(history).to_contain_text(re.compile(
        r"Une seule tentative pour l'instant \(.*\d{4}.* : 0 / 100, Diffusion\)"))
    expect(history.locator("table, svg")).to_have_count(0)
    expect(history.locator("[data-pb-pickers]")).to_be_hidden()


def test_two_attempts_tell_what_changed(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    history = history_with(page, [1, 3])
    options = history.locator("[data-pb-compare='a'] option")
    expect(options).to_have_count(2)
    for text in options.all_inner_texts():  # date, score and level
        assert re.fullmatch(r".*\d{4}.*\d\d:\d\d : \d+ / 100, [A-Z].*", text), text
    expect(history.locator(".pb-overall")).to_have_text(
        re.compile(r"Score global : \d+ → 100 \(\+\d+\)"))
    rows = history.locator("tbody tr")
    expect(rows).to_have_count(len(DEMO.dimensions))
    expect(rows.first.locator("td").last).to_have_text(re.compile(r"\+\d+"))
    legend = history.locator(".pb-legend li")
    expect(legend).to_have_count(2)
    expect(legend.first).to_contain_text("A — ")
    expect(legend.last).to_contain_text("100 / 100, Entreprise sociale")
    expect(history.locator("svg polygon.pb-series")).to_have_count(2)


EVENTS = """window.__events = [];
for (const name of ['tick', 'answer', 'results']) {
  document.addEventListener('playbooks:' + name, (e) => window.__events.push([name, e.detail]));
}
document.addEventListener('playbooks:results', (e) => {
  window.__once = e.detail === e.detail; });"""


def test_events_tell_the_site_what_the_reader_did(browser: Browser, demo_server: Server) -> None:
    context = browser.new_context()
    context.add_init_script(EVENTS)
    page = context.new_page()
    page.goto(demo_server.url + "/playbooks/ecoute-sociale/")
    box = page.locator("input.pb-check").first
    box.check()
    events = page.evaluate("window.__events")
    assert events == [["tick", {"playbook": "ecoute-sociale", "item": box.get_attribute(
        "data-pb-item"), "done": True}]]
    page.goto(demo_server.url + PAGE)
    answer(page, "veille", "continu")
    take(page)
    events = page.evaluate("window.__events")
    assert events[0] == ["answer", {"assessment": "maturite-social-media", "question": "veille",
                                    "choice": "continu", "shared": False}]
    name, document = events[-1]
    assert name == "results"
    assert document["format"] == "mkdocs-playbooks/result"
    assert document["answers"] == {"veille": "continu"}
    assert document["complete"] is False
    assert len([e for e in events if e[0] == "results"]) == 1  # once per set of answers
    assert page.evaluate("window.__once") is True  # made when first read, then the same
    context.close()


PIECES = {"overall": "[data-pb-results-body] .pb-overall",
          "scores": "[data-pb-results-body] .pb-scores li", "radar": "[data-pb-radar] svg",
          "plan": "[data-pb-plan] > li", "calc": "[data-pb-calc] tbody tr"}
MARK_JS = """(pieces) => Object.values(pieces).forEach((selector) =>
    document.querySelectorAll(selector).forEach((node, k) => { node.dataset.seen = k; }))"""
KEPT_JS = """(pieces) => Object.fromEntries(Object.entries(pieces).map(([name, selector]) =>
    [name, [...document.querySelectorAll(selector)].map((node) => "seen" in node.dataset)]))"""


def test_a_change_draws_again_only_what_it_changed_and_the_same_as_a_fresh_page(
    watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    answer_all(page, 1)
    take(page)
    expect(page.locator(PIECES["scores"]).first).to_be_visible()
    rows = len(DEMO.dimensions)
    page.evaluate(MARK_JS, PIECES)
    # a target changes the goals (the overall's, every step of the plan, the overall gap), not the
    # scores nor the radar
    page.locator("[data-pb-target]").select_option("engagement")
    expect(page.locator("[data-pb-plan] li").first).to_contain_text("Niveau visé Engagement")
    kept = page.evaluate(KEPT_JS, PIECES)
    assert kept["overall"] == [False]
    assert kept["radar"] == [True]
    assert kept["scores"] == [True] * rows
    assert not any(kept["plan"])
    assert kept["calc"][-1] is False
    page.evaluate(MARK_JS, PIECES)
    series = page.locator("[data-pb-radar] svg polygon.pb-series-0")
    before = series.get_attribute("points")
    changed = DEMO.dimensions[0]
    question = changed.questions[0]
    answer(page, question.id, question.choices[-1].id)  # another score in one dimension
    # its line, its step and its row drawn again (with the overall row), the others kept
    line = page.locator(PIECES["scores"]).filter(has_text=changed.title)
    expect(line).not_to_have_attribute("data-seen", re.compile(".*"))
    kept = page.evaluate(KEPT_JS, PIECES)
    titles = page.locator(PIECES["scores"] + " > span:first-child").all_inner_texts()
    assert kept["scores"] == [title != changed.title for title in titles]
    steps = page.locator(PIECES["plan"] + " h4").all_inner_texts()
    assert kept["plan"] == [title != changed.title for title in steps]
    assert kept["calc"] == [k not in (0, rows) for k in range(rows + 1)]
    # the radar is moved in place: its chart kept, the reader's series given its new points
    expect(series).not_to_have_attribute("points", before or "")
    assert kept["radar"] == [True]
    drawn = page.locator(RESULTS).inner_text()
    page.reload()  # the same answers, every part drawn from scratch
    expect(page.locator(RESULTS)).to_be_visible()
    assert page.locator(RESULTS).inner_text() == drawn
