"""On paper: the questionnaire and its answer sheet, a playbook as a handout, the facilitator
edition and the team report, printed by Chromium to A4 PDFs whose pages are read back (pypdf)."""

from __future__ import annotations

import datetime
import io
import json
import random
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from mkdocs_playbooks.assessment.results import result_document
from mkdocs_playbooks.engines.cli import main

from ..conftest import REPO
from .conftest import Server, Watched
from .test_assessment import DEMO, PAGE, answer_all
from .test_checklists import FIRST_PLAY, PLAYBOOK_PAGE, boxes, tick_label

COUNT = re.compile(r"\b\d+ / \d+\b")
"""A reader's count: « 2 / 5 » ticks, « 23 / 23 » answers, « 42 / 100 »."""
BANNER = "Édition animateur : ces pages contiennent des notes"
QUESTIONS = [q for d in DEMO.dimensions for q in d.questions]


def pdf_pages(page: Page) -> list[str]:
    """The text of each A4 page of `page` printed, its blanks as single spaces."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [" ".join(sheet.extract_text().split()) for sheet in reader.pages]


def pdf_lines(page: Page) -> list[list[str]]:
    """The lines of each A4 page of `page` printed."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [[line.strip() for line in sheet.extract_text().splitlines() if line.strip()]
            for sheet in reader.pages]


def squeezed(text: str) -> str:
    return "".join(text.split())


def headings(page: Page, selector: str) -> set[str]:
    return {text.replace("¶", "").strip() for text in page.locator(selector).all_inner_texts()}


def assert_no_heading_ends_a_page(lines: list[list[str]], titles: set[str]) -> None:
    for number, sheet in enumerate(lines[:-1], start=1):
        assert sheet[-1] not in titles, f"page {number} ends with the heading {sheet[-1]!r}"


def looks_blank(page: Page, browser: Browser, url: str, selector: str) -> bool:
    """Whether `selector` prints on `page` exactly as on a page nobody touched."""
    page.emulate_media(media="print")
    shown = page.locator(selector).first.screenshot(animations="disabled")
    context = browser.new_context(viewport=page.viewport_size)
    fresh = context.new_page()
    fresh.goto(url)
    fresh.emulate_media(media="print")
    blank = fresh.locator(selector).first.screenshot(animations="disabled")
    context.close()
    page.emulate_media(media="null")
    return shown == blank


def test_the_questionnaire_prints_for_a_workshop(
    watched: Watched, browser: Browser, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + PAGE)
    answer_all(page, 1)  # a reader's answers and results, which must not print
    page.get_by_role("button", name="Voir mes résultats").click()
    expect(page.locator(".pb-results-body .pb-overall")).to_be_visible()

    pages = pdf_pages(page)
    sheet = next(n for n, text in enumerate(pages) if "Feuille de réponses" in text)
    questionnaire, answer_sheet = " ".join(pages[:sheet]), " ".join(pages[sheet:])
    assert sheet <= 6, f"the questionnaire takes {sheet} A4 pages"
    assert len(pages) - sheet <= 3, f"the answer sheet takes {len(pages) - sheet} pages"
    # no advice, no level texts, no results, no counts
    advice = [r.text for d in DEMO.dimensions for r in d.recommendations]
    for text in [*advice, *(level.description or "" for level in DEMO.levels)]:
        assert " ".join(text.split())[:30] not in questionnaire + answer_sheet
    for words in ("Vos résultats", "Plan d'action", "Historique", "Copier le lien"):
        assert words not in questionnaire
    assert not COUNT.findall(questionnaire + answer_sheet)
    # questions numbered as on the answer sheet, choices numbered as its points
    last = QUESTIONS[-1]
    assert f"{len(QUESTIONS)}. {last.text}" in questionnaire
    assert all(f"{n}) {choice.text}" in questionnaire
               for n, choice in enumerate(last.choices, start=1))
    # the answer sheet: every question in full, its points by number, the formula, the levels
    for number, question in enumerate(QUESTIONS, start=1):
        points = " · ".join(f"{n}) {c.score:g}" for n, c in enumerate(question.choices, 1))
        assert squeezed(f"{number} {question.text}") in squeezed(answer_sheet)
        assert squeezed(points) in squeezed(answer_sheet)
    for words in ("A = Σ poids × points ÷ max.", "Score = 100 × A ÷ B, arrondi",
                  "Score global = Σ (poids × score)", "Comment calculer les scores",
                  *(level.title for level in DEMO.levels)):
        assert squeezed(words) in squeezed(answer_sheet)
    # the reader's choices print as empty boxes, as on a page nobody answered
    assert looks_blank(page, browser, demo_server.url + PAGE, "fieldset.pb-question")
    # and no dimension's title is left alone at the bottom of a page of the questionnaire
    lines = pdf_lines(page)
    assert len(lines) == len(pages)
    assert_no_heading_ends_a_page(lines[:sheet + 1], headings(page, ".pb-dimension h2"))


def test_a_handout_prints_without_the_readers_ticks_unless_they_ask(
    watched: Watched, browser: Browser, demo_server: Server
) -> None:
    page = watched.page
    url = demo_server.url + PLAYBOOK_PAGE
    page.goto(url)
    tick_label(page, 0)
    tick_label(page, 1)
    item = f'ul[data-pb-play="{FIRST_PLAY}"] li.pb-item'

    assert not COUNT.findall(" ".join(pdf_pages(page)))
    assert looks_blank(page, browser, url, item)
    assert_no_heading_ends_a_page(pdf_lines(page), headings(page, "article :is(h2, h3)"))

    choice = page.get_by_label("Imprimer mes coches et ma progression")
    expect(choice).to_be_visible()
    choice.check()
    assert f"2 / {boxes(page).count()}" in " ".join(pdf_pages(page))
    assert not looks_blank(page, browser, url, item)


def test_every_printed_page_of_the_facilitator_edition_says_so(
    watched: Watched, editions: Server
) -> None:
    page = watched.page
    page.goto(editions.url + "/facilitator" + PLAYBOOK_PAGE)
    pages = pdf_pages(page)
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert BANNER in text, f"page {number} of the facilitator edition has no banner"
    page.goto(editions.url + "/participant" + PLAYBOOK_PAGE)
    assert all(BANNER not in text for text in pdf_pages(page))


def test_the_team_report_fits_1280_px_reads_and_prints(
    watched: Watched, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(12)
    paths = []
    for n in range(8):
        answers = {q.id: rng.choice(q.choices).id for q in QUESTIONS}
        document = result_document(DEMO, answers, datetime.datetime(2026, 11, n + 1,
                                                                      tzinfo=datetime.UTC),
                                   attempt=f"a{n}")
        paths.append(tmp_path / f"r{n}.json")
        paths[-1].write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.chdir(REPO)
    assert main(["aggregate", *map(str, paths), "-o", str(tmp_path), "--team", "Équipe"]) == 0
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto((tmp_path / "team-report.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    for table in page.locator("table").all():  # no level column cut off
        assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")
    chart = page.locator("svg.radar").bounding_box()
    assert chart is not None
    ring = page.locator("svg.radar polygon.ring").last.bounding_box()  # the 100 ring
    assert ring is not None
    labels = [label.bounding_box() for label in page.locator("svg.radar text").all()]
    assert len(labels) == len(DEMO.dimensions)
    size = page.locator("svg.radar text").first.evaluate(
        "t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a")
    assert size >= 10.5
    for n, box in enumerate(labels):
        assert box is not None
        assert box["height"] < 2 * size  # one line
        assert chart["x"] <= box["x"]  # not cut
        assert box["x"] + box["width"] <= chart["x"] + chart["width"]
        for other in [ring, *labels[n + 1:]]:
            assert other is not None
            apart = (box["x"] + box["width"] <= other["x"] or other["x"] + other["width"]
                     <= box["x"] or box["y"] + box["height"] <= other["y"]
                     or other["y"] + other["height"] <= box["y"])
            assert apart, "a radar label overlaps the chart or another label"
    pages = pdf_lines(page)
    grid = next(" ".join(sheet) for sheet in pages if "Qui a atteint quel niveau" in sheet)
    assert "Mesure" in grid  # the heading on the page of its table
    assert_no_heading_ends_a_page(pages, headings(page, "h2, h3"))
