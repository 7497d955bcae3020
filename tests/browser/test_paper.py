"""A workshop on paper: the demo's pages printed by Chromium on A4 and US Letter, in both
editions, and read back from the PDF (`printed`: where each line and box sits on each sheet):
nothing that introduces what follows ends a sheet, split tables repeat their header, notes,
questions, cards, score lines and rows stay whole, text is 10 pt at least, and the answer sheet's
boxes are made for a pen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from mkdocs_playbooks.assessment.paper import numbered_questions
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.core.model import Assessment
from mkdocs_playbooks.engines.cli import main
from mkdocs_playbooks.engines.config import read_settings

from ..conftest import REPO
from .conftest import Server, Watched
from .printed import (
    Layout,
    Sheet,
    broken_boxes,
    headless_tables,
    layout,
    lonely_feet,
    printed,
    small_text,
)
from .test_assessment import answer_all, exported

PAPERS = ("A4", "Letter")
EDITIONS = ("participant", "facilitator")
SITE = load_site(read_settings(REPO / "mkdocs.yml"))
PLAYBOOKS = [entry_id for entry_id in SITE.playbooks if not SITE.is_translation(entry_id)]
LANGUAGES = {"fr": "", "en": "/en"}
"""The demo's languages and the folder of each one's pages."""
ASSESSMENTS = {"fr": SITE.assessments["maturite-social-media"].model,
               "en": SITE.assessments["social-media-maturity"].model}
BANNER = ("Édition animateur : ces pages contiennent des notes",
          "Facilitator edition: these pages hold notes")
SHEET_TITLE = {"fr": "Feuille de réponses", "en": "Answer sheet"}
LEVEL = {"fr": "Niveau", "en": "Level"}
WRITING_BOX = 8.0
"""The least height of a box to write in, in mm."""


def trouble(page: Page, paper: str) -> tuple[list[str], list[Sheet], Layout]:
    """What is wrong with `page` printed on `paper`, its sheets and what it asked of print."""
    shown = layout(page)
    sheets = printed(page, paper)
    problems = [*lonely_feet(sheets, shown), *broken_boxes(sheets, shown),
                *headless_tables(sheets, shown), *small_text(sheets)]
    return problems, sheets, shown


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_printed_playbooks_and_the_kit_keep_titles_with_their_text_and_boxes_whole(
    watched: Watched, editions: Server, edition: str, paper: str
) -> None:
    page = watched.page
    problems, notes, tables = [], 0, 0
    for folder in LANGUAGES.values():
        addresses = [f"{folder}/playbooks/{key}/" for key in PLAYBOOKS]
        for address in [*addresses, f"{folder}/playbooks/", f"{folder}/playbooks/workshop/"]:
            page.goto(f"{editions.url}/{edition}{address}")
            wrong, sheets, shown = trouble(page, paper)
            problems += [f"{address} {problem}" for problem in wrong]
            held = sum(kind == ".pb-facilitator" for *_, kind in shown.whole)
            notes += held
            tables += len(shown.tables)
            banner = [sheet.number for sheet in sheets
                      if any(_squeezed(b) in sheet.text() for b in BANNER)]
            holds_notes = held > 0
            expected = [sheet.number for sheet in sheets] if holds_notes else []
            assert banner == expected, f"{address}: the banner is on sheets {banner}"
    assert problems == [], '\n'.join(problems)
    assert tables >= len(PLAYBOOKS)  # indicators, checked in each language
    assert (notes > 0) == (edition == "facilitator")


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_questionnaire_and_its_answer_sheet_print_for_a_pen(
    watched: Watched, editions: Server, edition: str, paper: str
) -> None:
    page = watched.page
    for language, folder in LANGUAGES.items():
        assessment = ASSESSMENTS[language]
        page.goto(f"{editions.url}/{edition}{folder}/assessments/maturite-social-media/")
        problems, sheets, _ = trouble(page, paper)
        assert problems == [], language
        # no banner: these pages hold no facilitator notes, and print as the participants' do
        assert not any(_squeezed(b) in sheet.text() for sheet in sheets for b in BANNER)
        first = next(sheet.number for sheet in sheets
                     if _squeezed(SHEET_TITLE[language]) in sheet.text())
        answer_sheet = sheets[first - 1:]
        # Letter is 18 mm shorter: the last lines of how to compute go on a fourth sheet
        most = 3 if paper == "A4" else 4
        assert len(answer_sheet) <= most, f"the answer sheet takes {len(answer_sheet)} sheets"
        _check_boxes(answer_sheet, assessment, language)


def _check_boxes(sheets: list[Sheet], assessment: Assessment, language: str) -> None:
    """Every box to write in is 8 mm high at least; each level box is wider than the widest
    level title printed, by a quarter for a hand's writing."""
    questions = sum(len(d.questions) for d in assessment.dimensions)
    dimensions = len(assessment.dimensions)
    boxes = [box for sheet in sheets for box in sheet.boxes(min_width=5)]
    # an answer and its points per question; A, B, score and level per dimension; name and
    # date; a score and a weighted score per dimension; the overall score and level
    assert len(boxes) == 2 * questions + 4 * dimensions + 2 + 2 * dimensions + 2
    low = [f"{box.width:.1f} × {box.height:.1f} mm" for box in boxes if box.height < WRITING_BOX]
    assert low == [], f"boxes lower than {WRITING_BOX} mm"
    titles = {level.title for level in assessment.levels}
    widest = max(run.width for sheet in sheets for run in sheet.runs if run.text in titles)
    assert widest > 15  # the levels' titles printed as text (so measured), "Entreprise sociale"
    level_boxes = []
    for sheet in sheets:
        for run in sheet.runs:
            if run.text == LEVEL[language]:
                right = [box for box in sheet.boxes(min_width=5) if box.x > run.x
                         and box.y <= run.y <= box.y + box.height]
                if right:
                    level_boxes.append(min(right, key=lambda box: box.x))
    assert len(level_boxes) == dimensions + 1
    narrow = [f"{box.width:.1f} mm" for box in level_boxes if box.width < 1.25 * widest]
    assert narrow == [], f"level boxes narrower than 1.25 × {widest:.1f} mm"


@pytest.mark.parametrize("paper", PAPERS)
def test_ones_own_results_print_with_whole_score_lines_and_steps(
    watched: Watched, demo_server: Server, paper: str
) -> None:
    page = watched.page
    page.goto(demo_server.url + "/assessments/maturite-social-media/")
    answer_all(page, 2)
    page.get_by_role("button", name="Voir mes résultats").click()
    page.locator("[data-pb-print-mine]").check()
    problems, _, shown = trouble(page, paper)
    lines = [kind for *_, kind in shown.whole if kind == ".pb-scores li"]
    assert len(lines) == len(ASSESSMENTS["fr"].dimensions)
    assert any(kind == ".pb-plan > li" for *_, kind in shown.whole)
    assert problems == []


def test_a_typed_answer_sheet_meets_the_pages_results_in_one_team_report(
    watched: Watched, demo_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = watched.page
    page.goto(demo_server.url + "/assessments/maturite-social-media/")
    chosen = answer_all(page, 1)
    page.get_by_role("button", name="Voir mes résultats").click()
    results = tmp_path / "results"
    results.mkdir()
    on_screen = json.loads(exported(page, "Exporter (JSON)", results))
    # two sheets typed from paper: the same answers as on screen, and the best answers
    best = {q.id: q.choices[-1].id for q in numbered_questions(ASSESSMENTS["fr"])}
    sheets = tmp_path / "sheets.csv"
    sheets.write_text("sheet;date;" + ";".join(map(str, range(1, 24))) + "\n"
                      + f"A;2026-12-03;{';'.join(numbers(chosen))}\n"
                      + f"B;2026-12-03;{';'.join(numbers(best))}\n", encoding="utf-8")
    monkeypatch.chdir(REPO)
    assert main(["paper", str(sheets), "-o", str(results)]) == 0
    files = sorted(results.glob("*.json"))
    assert len(files) == 3
    typed = [json.loads(file.read_text()) for file in files if "-paper-" in file.name]
    same = [document for document in typed if document["answers"] == on_screen["answers"]]
    assert len(typed) == 2
    assert len(same) == 1
    # the same answers give the same document but for when, which attempt and who
    attempt = {"taken_at", "exported_at", "attempt", "respondent", "round"}
    assert {k: v for k, v in same[0].items() if k not in attempt} == {
        k: v for k, v in on_screen.items() if k not in attempt}
    assert same[0]["attempt"] != on_screen["attempt"]
    assert main(["aggregate", *map(str, files), "-o", str(tmp_path / "report")]) == 0
    report = (tmp_path / "report" / "team-report.csv").read_text(encoding="utf-8-sig")
    overall = report.splitlines()[-1].split(";")
    assert overall[2] == "3"  # the overall row: screen and paper, one report
    page.goto((tmp_path / "report" / "team-report.html").as_uri())
    expect(page.locator("body")).to_contain_text("3 participants")


def numbers(answers: dict[str, str]) -> list[str]:
    """The answer numbers a facilitator types for `answers`, as printed on the sheet."""
    cells = []
    for question in numbered_questions(ASSESSMENTS["fr"]):
        ids = [choice.id for choice in question.choices]
        chosen = answers.get(question.id, "")
        cells.append("NA" if chosen == "na" else str(ids.index(chosen) + 1) if chosen else "")
    return cells
