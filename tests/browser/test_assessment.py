"""The self-assessment in a real browser: the same result documents as the Python reference, saved
answers, results, advice, history, share links, exports, print, small screens. (The results view
in detail: tests/browser/test_results_*.py.)"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from mkdocs_playbooks.assessment.results import RESULT_VERSION, result_document
from mkdocs_playbooks.assessment.scoring import results
from mkdocs_playbooks.assessment.share import encode, fingerprint
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.core.model import Assessment
from mkdocs_playbooks.engines.config import read_settings

from ..conftest import REPO, build, write_site
from ..js.scoring_cases import WEIGHTED
from ..test_scoring import WORKED_EXAMPLE
from .axe import serious_violations
from .conftest import Server, Watched, watch

PAGE = "/assessments/maturite-social-media/"
DEMO = load_site(read_settings(REPO / "mkdocs.yml")).assessments["maturite-social-media"].model
KEY_JS = "(typeof __md_scope !== 'undefined' ? __md_scope.pathname : '/') + '.mkdocs-playbooks'"


def sample_answers(assessment: Assessment) -> dict[str, str]:
    """Answers of every kind: one question skipped, N/A where allowed, varied choices."""
    answers = {}
    questions = [q for d in assessment.dimensions for q in d.questions]
    for n, question in enumerate(questions[1:], start=1):
        na = question.allow_na and n % 2 == 0
        answers[question.id] = "na" if na else question.choices[n % len(question.choices)].id
    return answers


def exported(page: Page, button: str, tmp_path: Path) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_text(encoding="utf-8")


def assert_same_document(assessment: Assessment, answers: dict[str, str],
                         document: dict[str, Any]) -> None:
    """The page's export is the reference's `result_document` of the same attempt, key for key."""
    def time(key: str) -> datetime.datetime:
        return datetime.datetime.fromisoformat(document[key])

    expected = result_document(
        assessment, answers, time("taken_at"), attempt=document["attempt"],
        exported_at=time("exported_at"), round=document.get("round"),
        respondent=document.get("respondent"), lang=document.get("lang"),
        evidence=document.get("evidence"))
    assert document == expected
    assert list(document) == list(expected)


@pytest.fixture(scope="module")
def weighted_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("weighted")
    site = write_site(root / "src", {"ponderee.yml": WEIGHTED, "worked.yml": WORKED_EXAMPLE})
    server = Server(root / "out")
    assert build(site, "-d", str(root / "out")).result.returncode == 0
    yield server
    server.close()


@pytest.mark.parametrize("which", ["demo", "weighted", "worked"])
@pytest.mark.parametrize("complete", [False, True])
def test_page_exports_equal_the_python_reference(  # noqa: PLR0917 (fixtures)
    which: str, complete: bool, browser: Browser, demo_server: Server, weighted_server: Server,
    tmp_path: Path,
) -> None:
    if which == "demo":
        server, path, assessment = demo_server, PAGE, DEMO
    else:
        site = load_site(read_settings(weighted_server.root.parent / "src" / "mkdocs.yml"))
        model_id = "ponderee" if which == "weighted" else "worked"
        server, path = weighted_server, f"/assessments/{model_id}/"
        assessment = site.assessments[model_id].model
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    watched = watch(page)
    answers = sample_answers(assessment)  # every answer set: tests/js/parity.test.js
    if complete:
        first = assessment.dimensions[0].questions[0]
        answers[first.id] = first.choices[-1].id
    page.goto(server.url + path + encode(assessment, answers))
    document = json.loads(exported(page, "Exporter (JSON)", tmp_path))
    assert document["format"] == "mkdocs-playbooks/result"
    assert document["version"] == RESULT_VERSION
    assert document["complete"] is complete
    assert_same_document(assessment, answers, document)
    assert watched.errors == []
    context.close()


def answer(page: Page, question: str, choice: str) -> None:
    page.locator(f'input[name="pb-answer-{question}"][value="{choice}"]').check()


def test_answers_are_saved_as_you_go_and_restored(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    total = sum(len(d.questions) for d in DEMO.dimensions)
    expect(page.locator("[data-pb-answered]")).to_have_text(f"0 / {total} réponses")
    answer(page, "veille", "outille")
    answer(page, "delai-validation", "na")
    expect(page.locator("[data-pb-answered]")).to_have_text(f"2 / {total} réponses")
    page.reload()
    expect(page.locator('input[name="pb-answer-veille"][value="outille"]')).to_be_checked()
    expect(page.locator('input[name="pb-answer-delai-validation"][value="na"]')).to_be_checked()
    saved = json.loads(page.evaluate(f"localStorage.getItem({KEY_JS})"))
    answers = saved["assessments"]["maturite-social-media"]["answers"]
    assert answers["veille"]["choice"] == "outille"
    assert answers["delai-validation"]["choice"] == "na"
    assert watched.errors == []


def answer_all(page: Page, pick: int) -> dict[str, str]:
    chosen = {}
    for dimension in DEMO.dimensions:
        for question in dimension.questions:
            choice = question.choices[min(pick, len(question.choices) - 1)].id
            answer(page, question.id, choice)
            chosen[question.id] = choice
    return chosen


def test_results_levels_advice_and_target(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    chosen = answer_all(page, 1)
    page.get_by_role("button", name="Voir mes résultats").click()
    body = page.locator("[data-pb-results-body]")
    shown = results(DEMO, chosen)
    expect(body.locator(".pb-overall")).to_have_text(
        f"Score global : {shown.score} / 100, niveau Présence")
    rows = body.locator(".pb-scores li")
    expect(rows).to_have_count(len(DEMO.dimensions))
    listening = shown.dimensions["ecoute"].score
    expect(rows.filter(has_text="Écoute")).to_contain_text(f"{listening} / 100 · Présence")
    expect(page.locator("[data-pb-radar] svg.pb-radar polygon.pb-series")).to_have_count(1)
    # advice: only the recommendation of each dimension's level, in the action plan
    plan = page.locator("[data-pb-plan]")
    step = plan.locator('[data-pb-dimension="ecoute"]')
    advice = step.locator(".pb-recommendation")
    expect(advice).to_have_count(1)
    expect(advice).to_have_attribute("data-pb-level", "presence")
    link = advice.locator("a[data-pb-items]").first
    expect(link.locator("xpath=following-sibling::span[1]")).to_have_text(
        re.compile(r" \(\d+ / \d+\)"))
    # target level: the points missing per dimension, from the shown score
    page.locator("[data-pb-target]").select_option("engagement")
    expect(step).to_contain_text(f"Niveau visé Engagement : encore {75 - listening} points")
    page.locator("[data-pb-target]").select_option("diffusion")
    expect(step).to_contain_text("Niveau visé Diffusion : atteint")
    # answers change: results follow
    answer(page, "veille", "continu")
    expect(rows.filter(has_text="Écoute")).not_to_contain_text(f"{listening} / 100")
    assert watched.errors == []


def test_history_compares_two_attempts(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    answer_all(page, 0)
    page.get_by_role("button", name="Voir mes résultats").click()
    history = page.locator("[data-pb-history]")
    expect(history).to_contain_text("Une seule tentative pour l'instant")
    expect(history.locator("[data-pb-compare='a']")).to_be_hidden()
    answer_all(page, 3)
    page.get_by_role("button", name="Voir mes résultats").click()
    expect(history.locator("[data-pb-compare='a'] option")).to_have_count(2)
    expect(history.locator("tbody tr").first).to_contain_text("0 Diffusion")
    expect(history.locator("tbody tr").first).to_contain_text("100 Entreprise sociale")
    expect(history.locator("svg polygon.pb-series")).to_have_count(2)
    page.reload()
    expect(page.locator("[data-pb-history] [data-pb-compare='b'] option")).to_have_count(2)


def test_share_link_reopens_the_results_for_anyone(
    browser: Browser, demo_server: Server
) -> None:
    author = browser.new_context()
    page = author.new_page()
    page.goto(demo_server.url + PAGE)
    answers = answer_all(page, 2)
    page.get_by_role("button", name="Voir mes résultats").click()
    page.get_by_role("button", name="Copier le lien de partage").click()
    link = page.locator("[data-pb-share]").input_value()
    assert len(link) < len(demo_server.url + PAGE) + 40  # one character per question
    assert link.endswith(encode(DEMO, answers))
    expected = page.locator("[data-pb-results-body] .pb-overall").inner_text()
    author.close()

    reader = browser.new_context()
    other = reader.new_page()
    other.goto(link)
    expect(other.locator('[data-pb-notice="shared"]')).to_be_visible()
    expect(other.locator("[data-pb-results-body] .pb-overall")).to_have_text(expected)
    assert other.evaluate(f"localStorage.getItem({KEY_JS})") is None  # nothing stored
    reader.close()


@pytest.mark.parametrize("fragment", [
    "#pb1.zzzz.0000", "#pb1.", "#pb1.abc.<img src=x onerror=alert(1)>",
    "#pb1.{fp}.9999999999999999999999", "#pb1.{fp}.000", "#pb1.{fp}." + "0" * 2001,
])
def test_a_bad_share_link_changes_nothing(fragment: str, watched: Watched,
                                          demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    answer(page, "veille", "outille")
    before = page.evaluate(f"localStorage.getItem({KEY_JS})")
    page.goto("about:blank")
    page.goto(demo_server.url + PAGE + fragment.replace("{fp}", fingerprint(DEMO)))
    expect(page.locator('[data-pb-notice="share-invalid"]')).to_be_visible()
    expect(page.locator('input[name="pb-answer-veille"][value="outille"]')).to_be_checked()
    assert page.evaluate(f"localStorage.getItem({KEY_JS})") == before
    assert watched.errors == []


def test_instant_navigation_to_the_assessment(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + "/playbooks/ecoute-sociale/")
    page.evaluate("window.__marker = 'same document'")
    page.locator('.md-nav--primary a[href$="maturite-social-media/"]').first.click()
    page.wait_for_url("**" + PAGE)
    answer(page, "veille", "continu")
    expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
    assert page.evaluate("window.__marker") == "same document"
    page.locator('.md-nav--primary a[href$="ecoute-sociale/"]').first.click()
    page.wait_for_url("**/playbooks/ecoute-sociale/")
    page.locator('.md-nav--primary a[href$="maturite-social-media/"]').first.click()
    page.wait_for_url("**" + PAGE)
    expect(page.locator('input[name="pb-answer-veille"][value="continu"]')).to_be_checked()
    assert watched.errors == []


def test_an_answer_given_before_the_script_starts_on_the_page_is_kept(
        watched: Watched, demo_server: Server) -> None:
    """Instant navigation shows the new page a moment before the script's `start` runs for it
    (seen with Zensical): an answer in that moment belongs to this page's assessment."""
    page = watched.page
    page.goto(demo_server.url + "/playbooks/ecoute-sociale/")
    page.evaluate("""async (url) => {
        const html = await (await fetch(url)).text();
        const next = new DOMParser().parseFromString(html, "text/html");
        document.querySelector("article").replaceWith(next.querySelector("article"));
    }""", demo_server.url + PAGE)  # the content swapped, `start` not run: the gap, held open
    answer(page, "veille", "continu")
    saved = json.loads(page.evaluate(f"localStorage.getItem({KEY_JS})"))
    assert saved["assessments"]["maturite-social-media"]["answers"]["veille"]["choice"] == "continu"
    assert watched.errors == []


def test_works_from_disk(watched: Watched, demo_server: Server) -> None:
    """Opened as files (file://), as a site copied to a shared drive: no server at all."""
    page = watched.page
    page.goto((demo_server.root / PAGE.strip("/") / "index.html").as_uri())
    answer(page, "veille", "continu")
    expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
    page.get_by_role("button", name="Voir mes résultats").click()
    expect(page.locator(".pb-results-body .pb-scores")).to_be_visible()
    page.get_by_text("Graphique radar").click()
    expect(page.locator("[data-pb-radar] svg.pb-radar")).to_be_visible()
    page.reload()
    expect(page.locator('input[name="pb-answer-veille"][value="continu"]')).to_be_checked()
    assert watched.our_errors() == []


def test_csv_export(watched: Watched, demo_server: Server, tmp_path: Path) -> None:
    """In the page's language and the site's spreadsheet dialect (French: `;`), UTF-8 with a
    byte order mark: the titles, the shown whole numbers, the levels' titles, oui or non."""
    page = watched.page
    page.goto(demo_server.url + PAGE)
    answers = answer_all(page, 3)
    page.get_by_role("button", name="Voir mes résultats").click()
    text = exported(page, "Exporter (CSV)", tmp_path)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["Dimension", "Score", "Niveau", "Complet", "Réponses", "Questions"]
    assert rows[2] == ["Conversation et animation", "100", "Entreprise sociale", "oui", "4", "4"]
    shown = results(DEMO, answers)
    title = next(level.title for level in DEMO.levels if level.id == shown.level)
    assert rows[-1] == ["Global", str(shown.score), title, "oui", "23", "23"]
    # a dimension not complete (an answer forgotten): its score so far, no level, "non"
    page.evaluate(f"""() => {{ const key = {KEY_JS};
        const doc = JSON.parse(localStorage.getItem(key));
        delete doc.assessments['maturite-social-media'].answers.veille;
        localStorage.setItem(key, JSON.stringify(doc)); }}""")
    page.reload()
    rows = list(csv.reader(io.StringIO(exported(page, "Exporter (CSV)", tmp_path)
                                       .removeprefix("\ufeff")), delimiter=";"))
    assert rows[1] == ["Écoute", "100", "", "non", "3", "4"]
    assert rows[-1][2:4] == ["", "non"]


def test_keyboard_only(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    page.locator('input[name="pb-answer-veille"]').first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    expect(page.locator('input[name="pb-answer-veille"][value="ponctuel"]')).to_be_checked()
    page.keyboard.press("Tab")  # to the question's evidence, then to the next question
    expect(page.locator("#pb-q-veille .pb-evidence summary")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("[data-pb-answered]")).to_contain_text("2 /")
    button = page.get_by_role("button", name="Voir mes résultats")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".pb-results-body .pb-overall")).to_be_visible()


def test_works_on_a_360_px_screen(browser: Browser, demo_server: Server) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    page.locator('input[name="pb-answer-veille"][value="continu"]').tap()
    page.get_by_role("button", name="Voir mes résultats").tap()
    expect(page.locator(".pb-results-body .pb-overall")).to_be_visible()
    page.get_by_text("Graphique radar").tap()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    radar = page.locator("svg.pb-radar").bounding_box()
    assert radar is not None
    assert radar["width"] <= 360
    context.close()


def test_prints_as_a_paper_questionnaire_with_an_answer_sheet(
    watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    expect(page.locator(".pb-answer-sheet")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".pb-answer-sheet")).to_be_visible()
    expect(page.locator(".pb-results")).to_be_hidden()  # nothing to show yet
    expect(page.locator("fieldset.pb-question").first).to_be_visible()
    for screen_only in (".pb-bar", ".pb-steps", ".pb-moves", ".pb-levels"):  # state, controls
        expect(page.locator(screen_only).first).to_be_hidden()
    rows = page.locator(".pb-answer-sheet .pb-sheet-table:not(.pb-sheet-levels)").first.locator(
        "tbody tr")
    # per dimension: its title, a row per question, its subtotals
    assert rows.count() == 2 * len(DEMO.dimensions) + sum(len(d.questions) for d in DEMO.dimensions)
    assert page.pdf()[:4] == b"%PDF"
    # once taken, the results print only if the reader asks for them, without the buttons; the
    # questionnaire holds no result nor advice, all its dimensions print
    page.emulate_media(media="screen")
    answer_all(page, 1)
    page.get_by_role("button", name="Voir mes résultats").click()
    page.get_by_role("button", name="Une dimension à la fois").click()
    page.emulate_media(media="print")
    expect(page.locator("[data-pb-results]")).to_be_hidden()
    page.emulate_media(media="screen")
    page.get_by_label("Imprimer mes réponses et mes résultats").check()
    page.emulate_media(media="print")
    expect(page.locator("[data-pb-results-body] .pb-scores")).to_be_visible()
    expect(page.locator("[data-pb-radar] svg.pb-radar")).to_be_visible()  # details print open
    expect(page.get_by_role("button", name="Exporter (CSV)")).to_be_hidden()
    questionnaire = page.locator("[data-pb-questionnaire]")
    expect(questionnaire.locator("fieldset.pb-question")).to_have_count(
        sum(len(d.questions) for d in DEMO.dimensions))
    for fieldset in questionnaire.locator("fieldset.pb-question").all()[::5]:
        expect(fieldset).to_be_visible()
    expect(questionnaire.locator(".pb-recommendation, .pb-overall, .pb-radar")).to_have_count(0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessible_before_and_after_answering(scheme: str, browser: Browser,
                                               demo_server: Server) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    page.wait_for_load_state("networkidle")
    assert serious_violations(page) == []
    answer_all(page, 1)
    page.get_by_role("button", name="Voir mes résultats").click()
    answer_all(page, 2)
    page.get_by_role("button", name="Voir mes résultats").click()
    page.get_by_role("button", name="Lien de partage").click()
    assert serious_violations(page) == []
    context.close()


def sheet_yaml(questions: list[str]) -> str:
    lines = "".join(
        f"      - id: {q}\n        text: {q.upper()}\n        choices:\n"
        f"          - {{id: non, text: Non, score: 0}}\n"
        f"          - {{id: oui, text: Oui, score: 1}}\n" for q in questions)
    return ("kind: assessment\ntitle: Évolutive\nlevels:\n  - {id: bas, title: Bas, min: 0}\n"
            "  - {id: haut, title: Haut, min: 50}\ndimensions:\n  - id: dim\n    title: Dim\n"
            "    questions:\n" + lines)


def test_attempts_survive_edits_of_the_assessment(browser: Browser, tmp_path: Path) -> None:
    site = write_site(tmp_path / "src", {"evolutive.yml": sheet_yaml(["a", "b", "c"])})
    output = tmp_path / "out"
    server = Server(output)
    assert build(site, "-d", str(output)).result.returncode == 0
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(server.url + "/assessments/evolutive/")
        for question in ("a", "b", "c"):
            answer(page, question, "oui")
        page.get_by_role("button", name="Voir mes résultats").click()
        (site / "playbooks" / "evolutive.yml").write_text(sheet_yaml(["a", "c", "d"]))
        assert build(site, "-d", str(output)).result.returncode == 0
        page.reload()
        history = page.locator("[data-pb-history]")
        expect(history).to_be_visible()
        expect(history.locator(".pb-notice")).to_have_text(
            "L'autoévaluation a changé depuis cette tentative : 1 réponse ne s'applique plus, "
            "1 nouvelle question compte comme sans réponse.")
        expect(history).to_contain_text(re.compile(r"\d{4}.* : 100 / 100, partiel"))
        expect(page.locator('input[name="pb-answer-d"]:checked')).to_have_count(0)
        expect(page.locator("[data-pb-answered]")).to_have_text("2 / 3 réponses")
        expect(page.locator("[data-pb-results-body] .pb-overall")).to_have_text(
            "2 réponses sur 3 : résultat partiel, pas encore de niveau")
        assert watched.errors == []
    finally:
        context.close()
        server.close()


COUNT_WRITES_JS = """() => {
  window.pbWrites = { checked: 0, nodes: 0 };
  const checked = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "checked");
  Object.defineProperty(HTMLInputElement.prototype, "checked", {
    get() { return checked.get.call(this); },
    set(value) { window.pbWrites.checked += 1; checked.set.call(this, value); },
    configurable: true,
  });
  new MutationObserver((records) => {
    for (const r of records) {
      window.pbWrites.nodes += [...r.addedNodes].filter((node) => node.nodeType === 1).length;
    }
  }).observe(document.body, { childList: true, subtree: true });
}"""


def test_one_answer_redraws_only_what_it_changed(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    first, second = DEMO.dimensions[0].questions[:2]
    answer(page, first.id, first.choices[0].id)
    page.evaluate(COUNT_WRITES_JS)
    answer(page, second.id, second.choices[1].id)
    total = sum(len(d.questions) for d in DEMO.dimensions)
    expect(page.locator("[data-pb-answered]")).to_have_text(f"2 / {total} réponses")
    writes = page.evaluate("window.pbWrites")
    # The answered question's radios only (not every radio of the page), and no part redrawn
    # (the history and hidden results are left as they are).
    assert writes["checked"] <= len(second.choices) + 1
    assert writes["nodes"] == 0
    assert watched.errors == []


def test_a_radio_the_browser_restored_or_an_author_unchecked_is_drawn_again(
    watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    question = DEMO.dimensions[0].questions[0]
    ours = f'input[data-pb-answer="{question.id}"]'
    answer(page, question.id, question.choices[0].id)
    # Another radio of the same name (as an author's could be) unchecks ours: drawn again.
    page.evaluate(f"""() => {{
      const radio = document.querySelector('{ours}');
      const other = Object.assign(document.createElement("input"),
                                  {{ type: "radio", name: radio.name }});
      radio.closest("fieldset").append(other);
      other.click();
    }}""")
    expect(page.locator(f'{ours}[value="{question.choices[0].id}"]')).to_be_checked()
    # A radio checked before the script first draws the page (as a browser restoring a form
    # does) is drawn as the saved answers say.
    unanswered = DEMO.dimensions[0].questions[1]
    restored = f'input[data-pb-answer="{unanswered.id}"][value="{unanswered.choices[1].id}"]'
    page.add_init_script(f"""document.addEventListener("DOMContentLoaded", () => {{
      document.querySelector('{ours}[value="{question.choices[1].id}"]').checked = true;
      document.querySelector('{restored}').checked = true;
    }})""")
    page.reload()
    expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
    expect(page.locator(f'{ours}[value="{question.choices[0].id}"]')).to_be_checked()
    expect(page.locator(restored)).not_to_be_checked()
    assert watched.errors == []
