"""A questionnaire pleasant to fill in before any result: progress in sight while answering (in all
and per dimension), one dimension at a time with the keyboard alone, and the whole form working
without JavaScript, as a page and on paper."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from .conftest import Server, Watched
from .test_assessment import DEMO, PAGE, answer

TOTAL = sum(len(d.questions) for d in DEMO.dimensions)


def test_progress_stays_in_sight_in_all_and_per_dimension(watched: Watched,
                                                          demo_server: Server) -> None:
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_server.url + PAGE)
    bar = page.locator(".pb-bar")
    expect(page.locator("[data-pb-answered]")).to_have_text(f"0 / {TOTAL} réponses")
    conversation = DEMO.dimensions[1]
    answer(page, conversation.questions[0].id, conversation.questions[0].choices[0].id)
    answer(page, conversation.questions[2].id, conversation.questions[2].choices[1].id)
    expect(page.locator("[data-pb-answered]")).to_have_text(f"2 / {TOTAL} réponses")
    expect(page.locator("[data-pb-current]")).to_have_text(
        f"{conversation.title} : 2 / {len(conversation.questions)}")
    expect(page.locator(f'[data-pb-count-of="{conversation.id}"]')).to_have_text(
        f"2 / {len(conversation.questions)}")
    expect(page.locator('[data-pb-count-of="ecoute"]')).to_have_text("0 / 4")
    # the bar stays on screen while the reader answers, far down the questionnaire
    last = DEMO.dimensions[-1].questions[-1]
    page.locator(f"#pb-q-{last.id}").scroll_into_view_if_needed()
    expect(bar).to_be_in_viewport()
    page.locator(f"#pb-q-{DEMO.dimensions[2].questions[0].id}").scroll_into_view_if_needed()
    expect(bar).to_be_in_viewport()
    box = bar.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= 844 + 1  # at the bottom, all of it
    assert watched.errors == []


def test_one_dimension_at_a_time_with_the_keyboard(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    toggle = page.get_by_role("button", name="Une dimension à la fois")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    parts = page.locator("[data-pb-part]")
    expect(parts.locator("visible=true")).to_have_count(1)
    expect(parts.first).to_be_visible()
    # answer the first dimension with the keyboard: Tab to a question, arrows to choose
    page.locator('input[name="pb-answer-veille"]').first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(page.locator('input[name="pb-answer-veille"][value="ponctuel"]')).to_be_checked()
    following = page.get_by_role("button", name=f"Suivante : {DEMO.dimensions[1].title}")
    following.focus()
    page.keyboard.press("Enter")
    expect(parts.nth(1)).to_be_visible()
    expect(parts.first).to_be_hidden()
    expect(page.locator(f"#{DEMO.dimensions[1].id}")).to_be_focused()  # its title, to read on
    expect(page.locator(f'[data-pb-questionnaire] a[data-pb-goto="{DEMO.dimensions[1].id}"]')
           ).to_have_attribute("aria-current", "step")
    previous = page.get_by_role("button", name=f"Précédente : {DEMO.dimensions[0].title}")
    previous.focus()
    page.keyboard.press("Enter")
    expect(parts.first).to_be_visible()
    # from the list of dimensions, straight to the last one, then back to all of them
    last = DEMO.dimensions[-1]
    page.locator(f'[data-pb-questionnaire] a[data-pb-goto="{last.id}"]').focus()
    page.keyboard.press("Enter")
    expect(parts.last).to_be_visible()
    expect(parts.locator("visible=true")).to_have_count(1)
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(parts.locator("visible=true")).to_have_count(len(DEMO.dimensions))
    assert watched.errors == []


def test_without_javascript_the_questionnaire_and_every_levels_advice_remain(
    browser: Browser, demo_server: Server
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    expect(page.locator("[data-pb-results]")).to_be_hidden()
    for control in (".pb-bar", ".pb-steps", ".pb-moves"):
        expect(page.locator(control).first).to_be_hidden()
    expect(page.locator("fieldset.pb-question")).to_have_count(TOTAL)
    page.locator('input[name="pb-answer-veille"][value="outille"]').check()
    expect(page.locator('input[name="pb-answer-veille"][value="outille"]')).to_be_checked()
    library = page.locator(".pb-library")
    expect(library).to_be_visible()  # after the questionnaire, every level's advice
    expect(library.locator(".pb-recommendation")).to_have_count(
        sum(len(d.recommendations) for d in DEMO.dimensions))
    assert page.evaluate("""() => document.querySelector('[data-pb-questionnaire]')
        .compareDocumentPosition(document.querySelector('.pb-library'))
        & Node.DOCUMENT_POSITION_FOLLOWING""")
    page.emulate_media(media="print")
    expect(page.locator(".pb-answer-sheet")).to_be_visible()
    context.close()


def test_weights_are_not_shown_to_respondents(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    questionnaire = page.locator("[data-pb-questionnaire]")
    expect(questionnaire).not_to_contain_text("Poids")
    expect(questionnaire.locator(".pb-dimension-meta").first).to_have_text("Écouter")
