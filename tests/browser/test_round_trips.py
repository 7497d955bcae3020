"""Round trips: every file the product exports comes back. A result (JSON, complete or partial) and
the whole progress, exported in one browser, imported on the progress page of another, restore
what they hold; a spreadsheet (CSV) is refused with a notice that names the import that takes its
JSON. The progress page shows each assessment's result: score and level, or partial."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, expect

from mkdocs_playbooks.assessment.scoring import results

from .conftest import Server
from .test_assessment import DEMO, PAGE, answer, answer_all, exported
from .test_checklists import stored

PROGRESS = "/playbooks/progress/"
SEE = "Voir mes résultats"
PARTS = ("[data-pb-results-body]", "[data-pb-plan]")
"""The results as shown: the overall, the scores, the plan."""


def fresh(browser: Browser) -> tuple[Any, Page]:
    """A browser that holds nothing: another computer, or this one after its storage was erased."""
    context = browser.new_context(accept_downloads=True)
    return context, context.new_page()


def import_file(page: Page, path: Path) -> None:
    page.locator("[data-pb-import]").set_input_files(str(path))


def test_a_complete_result_comes_back_answers_attempt_and_results(
    browser: Browser, demo_server: Server, tmp_path: Path
) -> None:
    context, page = fresh(browser)
    page.goto(demo_server.url + PAGE)
    chosen = answer_all(page, 2)
    page.get_by_role("button", name=SEE).click()
    shown = [page.locator(part).inner_text() for part in PARTS]
    path = tmp_path / "result.json"
    path.write_text(exported(page, "Exporter (JSON)", tmp_path), encoding="utf-8")
    context.close()

    context, page = fresh(browser)
    page.goto(demo_server.url + PROGRESS)
    import_file(page, path)
    notice = page.locator('[data-pb-notice="imported"]')
    expect(notice).to_have_text("Progression importée : 0 coche(s), 23 réponse(s) et 1 "
                                "tentative(s) plus récentes que celles de ce navigateur ont été "
                                "gardées.")
    score = results(DEMO, chosen)
    level = next(lv.title for lv in DEMO.levels if lv.id == score.level)
    expect(page.locator("[data-pb-score-spec]")).to_have_text(
        f"Score global : {score.score} / 100, niveau {level}")
    page.goto(demo_server.url + PAGE)
    expect(page.locator("[data-pb-results]")).to_be_visible()  # shown, as it was when exported
    for question, choice in chosen.items():
        expect(page.locator(f'input[name="pb-answer-{question}"][value="{choice}"]')
               ).to_be_checked()
    expect(page.locator("[data-pb-history]")).to_contain_text("Une seule tentative")
    assert [page.locator(part).inner_text() for part in PARTS] == shown  # the same results
    context.close()


def test_a_partial_result_comes_back_as_partial_answers(
    browser: Browser, demo_server: Server, tmp_path: Path
) -> None:
    context, page = fresh(browser)
    page.goto(demo_server.url + PAGE)
    answer(page, "veille", "continu")
    answer(page, "delai-validation", "na")
    page.get_by_role("button", name=SEE).click()
    path = tmp_path / "partial.json"
    path.write_text(exported(page, "Exporter (JSON)", tmp_path), encoding="utf-8")
    context.close()

    context, page = fresh(browser)
    page.goto(demo_server.url + PROGRESS)
    import_file(page, path)
    expect(page.locator('[data-pb-notice="imported"]')).to_contain_text(
        "2 réponse(s) et 0 tentative(s)")
    expect(page.locator("[data-pb-score-spec]")).to_have_text(
        "2 réponses sur 23 : résultat partiel, pas encore de niveau")
    page.goto(demo_server.url + PAGE)
    expect(page.locator('input[name="pb-answer-veille"][value="continu"]')).to_be_checked()
    expect(page.locator('input[name="pb-answer-delai-validation"][value="na"]')).to_be_checked()
    expect(page.locator("[data-pb-answered]")).to_have_text("2 / 23 réponses")
    expect(page.locator("[data-pb-results-body] .pb-overall")).to_have_text(
        "2 réponses sur 23 : résultat partiel, pas encore de niveau")
    expect(page.locator("[data-pb-history]")).to_be_hidden()  # a partial result is no attempt
    context.close()


def test_the_whole_progress_comes_back_as_it_was(
    browser: Browser, demo_server: Server, tmp_path: Path
) -> None:
    context, page = fresh(browser)
    page.goto(demo_server.url + "/playbooks/ecoute-sociale/")
    page.locator("input.pb-check").first.check()
    page.goto(demo_server.url + PAGE)
    answer_all(page, 1)
    page.get_by_role("button", name=SEE).click()
    page.locator("[data-pb-target]").select_option("engagement")
    answer(page, "veille", "continu")  # an answer after the attempt
    before = stored(page)
    page.goto(demo_server.url + PROGRESS)
    with page.expect_download() as info:
        page.get_by_role("button", name="Exporter").click()
    path = tmp_path / "progress.json"
    info.value.save_as(path)
    context.close()

    context, page = fresh(browser)
    page.goto(demo_server.url + PROGRESS)
    import_file(page, path)
    expect(page.locator('[data-pb-notice="imported"]')).to_be_visible()
    assert stored(page) == before
    page.goto(demo_server.url + PAGE)
    expect(page.locator("[data-pb-target]")).to_have_value("engagement")
    expect(page.locator("[data-pb-history]")).to_contain_text("Une seule tentative")
    context.close()


def test_a_spreadsheet_is_refused_with_the_import_that_takes_its_json(
    browser: Browser, demo_server: Server, tmp_path: Path
) -> None:
    context, page = fresh(browser)
    page.goto(demo_server.url + PAGE)
    answer_all(page, 1)
    page.get_by_role("button", name=SEE).click()
    path = tmp_path / "result.csv"
    path.write_text(exported(page, "Exporter (CSV)", tmp_path), encoding="utf-8")
    before = stored(page)
    page.goto(demo_server.url + PROGRESS)
    import_file(page, path)
    expect(page.locator('[data-pb-notice="import-csv"]')).to_have_text(
        "Ce fichier est un tableur (CSV) : aucun import ne le lit. Importez plutôt l'export JSON "
        "(Exporter, sur cette page, ou Exporter (JSON), sous les résultats d'une autoévaluation) "
        ": rien n'a été modifié.")
    expect(page.locator("[data-pb-notice]:visible")).to_have_count(1)
    assert stored(page) == before
    garbage = tmp_path / "notes.json"
    garbage.write_text(json.dumps({"format": "something else"}))
    import_file(page, garbage)
    expect(page.locator('[data-pb-notice="import-failed"]')).to_have_text(
        "Ce fichier n'est ni un export de progression ni un export de résultat (JSON) de ce site "
        ": rien n'a été modifié.")
    context.close()


def test_the_progress_page_shows_each_assessments_result(
    browser: Browser, demo_server: Server
) -> None:
    context, page = fresh(browser)
    page.goto(demo_server.url + PROGRESS)
    line = page.locator('[data-pb-assessment="maturite-social-media"] [data-pb-score-spec]')
    expect(line).to_have_text("Pas encore de réponse.")
    page.goto(demo_server.url + PAGE)
    answer(page, "veille", "continu")
    page.goto(demo_server.url + PROGRESS)
    expect(line).to_have_text("1 réponse sur 23 : résultat partiel, pas encore de niveau")
    page.goto(demo_server.url + PAGE)
    chosen = answer_all(page, 3)
    page.goto(demo_server.url + PROGRESS)
    shown = results(DEMO, chosen)
    expect(line).to_have_text(f"Score global : {shown.score} / 100, niveau Entreprise sociale")
    expect(page.locator('[data-pb-progress="maturite-social-media"]')).to_have_attribute(
        "aria-valuenow", "23")
    context.close()
