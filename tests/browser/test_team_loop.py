"""The team maturity loop in Chromium: three teams take the demo's assessment in three rounds set
by a link, some with evidence, one person exporting twice (the second time from the English
page); `playbooks aggregate` makes each team's report, one with targets, and every number of it
is held to the independent computation of tests/team_reference.py. Then the report is read where
it is read: a 390 px phone, a 1280 px screen, A4 paper."""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_playbooks.engines.cli import main

from .. import team_reference as ref
from ..conftest import REPO
from .conftest import Server
from .test_assessment import DEMO, PAGE
from .test_print import assert_no_heading_ends_a_page, headings, pdf_lines

REFERENCE = ref.Reference(REPO / "playbooks" / "maturite-social-media.yml")
ROUNDS = ("2026-T1", "2026-T2", "2026-T3")
TEAMS = ("communication", "marketing", "support")
PEOPLE = 3
QUESTIONS = [q for d in DEMO.dimensions for q in d.questions]
EVIDENCE = "Compte rendu : https://intranet.example/veille <script>alert(1)</script>"
SHOTS = Path(os.environ.get("PLAYBOOKS_SHOTS", "")) if os.environ.get("PLAYBOOKS_SHOTS") else None
"""Where to keep the report's screenshots and PDF to look at them (unset: not kept)."""


@dataclass
class Person:
    team: int
    number: int
    context: BrowserContext
    page: Page

    def choice(self, round_number: int, question: int) -> str:
        """Answers that differ by person and team and rise from round to round."""
        choices = QUESTIONS[question].choices
        rank = (self.team + self.number + question) % 3 + round_number // 2 + self.number % 2 \
            * round_number
        return choices[min(rank, len(choices) - 1)].id


def take(person: Person, url: str, round_number: int, folder: Path) -> list[Path]:
    """One round for one person: the round's link, answers (clearing the last round's), evidence
    for the second person of a team, results, and an export; the first person of the first team
    exports a second time, from the English page, in the second round."""
    page = person.page
    page.goto(f"{url}{PAGE}?round={ROUNDS[round_number]}")
    expect(page.locator('[data-pb-notice="round"]')).to_contain_text(ROUNDS[round_number])
    if round_number:
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Effacer mes réponses").click()
        expect(page.locator("[data-pb-answered]")).to_contain_text("0 /")
    for n, question in enumerate(QUESTIONS):
        page.locator(f'input[name="pb-answer-{question.id}"]'
                     f'[value="{person.choice(round_number, n)}"]').check()
    if person.number == 1:
        if not page.locator(f"#pb-q-{QUESTIONS[0].id} details").evaluate("d => d.open"):
            page.locator(f"#pb-q-{QUESTIONS[0].id} summary").click()
        field = page.locator(f'[data-pb-evidence="{QUESTIONS[0].id}"]')
        field.fill(f"{EVIDENCE} ({TEAMS[person.team]}, {ROUNDS[round_number]})")
        field.blur()
    page.get_by_role("button", name="Voir mes résultats").click()
    expect(page.locator("[data-pb-round]")).to_have_value(ROUNDS[round_number])
    name = f"{ROUNDS[round_number]}-p{person.number}"
    paths = [export(page, "Exporter (JSON)", folder / f"{name}.json")]
    if person.team == 0 and person.number == 0 and round_number == 1:
        page.goto(f"{url}/en{PAGE}")
        paths.append(export(page, "Export (JSON)", folder / f"{name}-en.json"))
    return paths


def export(page: Page, button: str, path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    info.value.save_as(path)
    return path


@pytest.fixture(scope="module")
def played(browser: Browser, demo_server: Server,
           tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every team's exported files, after three rounds."""
    root = tmp_path_factory.mktemp("teams")
    people = []
    for team in range(len(TEAMS)):
        (root / TEAMS[team]).mkdir()
        for number in range(PEOPLE):
            context = browser.new_context(accept_downloads=True)
            people.append(Person(team, number, context, context.new_page()))
    files: dict[str, list[Path]] = {name: [] for name in TEAMS}
    for round_number in range(len(ROUNDS)):
        for person in people:
            folder = root / TEAMS[person.team]
            files[TEAMS[person.team]] += take(person, demo_server.url, round_number, folder)
    for person in people:
        person.context.close()
    (root / "communication" / "targets.yml").write_text(
        "team: Communication\ndefault: conversation\ntargets:\n  ecoute: engagement\n"
        "  mesure: entreprise-sociale\n", encoding="utf-8")
    return files


def aggregate(paths: list[Path], out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(["aggregate", *map(str, paths), "-o", str(out)]) == 0


def test_three_teams_three_rounds_make_reports_whose_every_number_is_the_reference(
    played: dict[str, list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = [json.loads(path.read_text(encoding="utf-8")) for paths in played.values()
                for path in paths]
    assert len({doc["respondent"] for doc in exported}) == len(TEAMS) * PEOPLE
    assert {doc["round"] for doc in exported} == set(ROUNDS)
    by_name = {path.name: json.loads(path.read_text(encoding="utf-8"))
               for path in played["communication"]}
    twice = [by_name["2026-T2-p0.json"], by_name["2026-T2-p0-en.json"]]
    for team, paths in played.items():
        out = tmp_path / team
        aggregate(paths, out, monkeypatch)
        targets: dict[str, str] = {}
        if team == "communication":  # its targets.yml, found beside its results
            targets = {d["id"]: "conversation" for d in REFERENCE.dimensions}
            targets |= {"ecoute": "engagement", "mesure": "entreprise-sociale"}
        rounds = ref.assert_report(REFERENCE, out, paths, targets)
        assert [r.name for r in rounds] == list(ROUNDS)
        assert [r.participants for r in rounds] == [PEOPLE] * len(ROUNDS)
        page = (out / "team-report.html").read_text(encoding="utf-8")
        text = " ".join(html.unescape(page).split())
        assert page.count('<svg class="timeline"') == len(DEMO.dimensions) + 1
        assert "Les preuves données avec les réponses" in text
        assert f"({team}, {ROUNDS[-1]})" in text  # the last round's evidence, with its question
        assert '<a href="https://intranet.example/veille" rel="noopener noreferrer">' in page
        assert "<script" not in page
        if team == "communication":
            assert "Rapport d'équipe : Maturité social media — Communication" in text
            assert "cible Engagement" in text
            assert ("2026-T2-p0.json : un autre export de la tentative de 2026-T2-p0-en.json "
                    "(exportée deux fois, ou depuis la page dans une autre langue)") in text
    assert [doc["lang"] for doc in twice] == ["fr", "en"]  # two pages, one attempt
    assert len({(doc["attempt"], doc["taken_at"], doc["respondent"]) for doc in twice}) == 1
    assert twice[0]["exported_at"] < twice[1]["exported_at"]


def test_the_report_reads_on_a_phone_a_screen_and_paper(
    played: dict[str, list[Path]], browser: Browser, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    aggregate(played["communication"], tmp_path, monkeypatch)
    context = browser.new_context()
    page = context.new_page()
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto((tmp_path / "team-report.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for chart in ("svg.radar", "svg.timeline"):
            sizes = page.locator(f"{chart} text").evaluate_all(
                "texts => texts.map(t => parseFloat(getComputedStyle(t).fontSize)"
                " * t.getScreenCTM().a)")
            assert sizes
            assert min(sizes) >= 11 - 1e-6, (width, chart, min(sizes))
        assert page.evaluate(SMALL_TEXT) == [], width  # nor any other text of the report
        if SHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"team-report-{width}.png"), full_page=True)
    if SHOTS:
        page.pdf(path=str(SHOTS / "team-report.pdf"), format="A4")
    pages = pdf_lines(page)
    assert_no_heading_ends_a_page(pages, headings(page, "h1, h2, h3, figcaption"))
    heads = {" ".join(cells.split()) for cells in page.locator("thead tr").all_inner_texts()}
    for number, sheet in enumerate(pages[:-1], start=1):  # no table's head alone at a foot
        assert " ".join(sheet[-1].split()) not in heads, f"page {number} ends with a table's head"
    assert_rows_under_their_head(page, pages)
    context.close()


SMALL_TEXT = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode, element = text.parentElement;
    if (!text.textContent.trim() || !element.getClientRects().length) continue;
    const scale = element instanceof SVGGraphicsElement ? element.getScreenCTM().a : 1;
    const size = parseFloat(getComputedStyle(element).fontSize) * scale;
    if (size < 11 - 1e-6) small.push([text.textContent.trim().slice(0, 40), size]);
  }
  return small;
}"""
"""Every text of the page drawn smaller than 11 CSS px (an SVG's text at its drawn size)."""


def assert_rows_under_their_head(page: Page, pages: list[list[str]]) -> None:
    """No table split from its head: on each printed page, a row of a table (a line of the PDF
    that is the row's text) comes under a line that starts the table's head on that page."""
    tables = page.locator("table:has(thead)").evaluate_all(
        "tables => tables.map(t => [t.tHead.rows[0].cells[0].innerText,"
        " [...t.tBodies].flatMap(b => [...b.rows]).map(r => r.innerText)])")
    assert tables
    for first_head, rows in tables:
        texts = {" ".join(row.split()) for row in rows}
        for number, sheet in enumerate(pages, start=1):
            lines = [" ".join(line.split()) for line in sheet]
            found = [n for n, line in enumerate(lines) if line in texts]
            if found:
                assert any(line.startswith(first_head.strip()) for line in lines[:found[0]]), (
                    f"page {number}: the row {lines[found[0]]!r} without its table's head")


def test_a_reader_prints_their_evidence_with_their_answers(
    browser: Browser, demo_server: Server
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(demo_server.url + PAGE)
    question = QUESTIONS[0]
    page.locator(f'input[name="pb-answer-{question.id}"]').first.check()
    page.locator(f"#pb-q-{question.id} summary").click()
    page.locator(f'[data-pb-evidence="{question.id}"]').fill("Notre revue <b>hebdo</b>")
    page.locator(f'[data-pb-evidence="{question.id}"]').blur()
    page.get_by_role("button", name="Voir mes résultats").click()
    printed = page.locator(f'[data-pb-evidence-print="{question.id}"]')
    page.emulate_media(media="print")
    expect(printed).to_be_hidden()  # the blank questionnaire never prints it
    page.emulate_media(media="screen")
    expect(printed).to_be_hidden()  # nor does the screen show it twice
    page.get_by_label("Imprimer mes réponses et mes résultats").check()
    page.emulate_media(media="print")
    expect(printed).to_be_visible()
    expect(printed).to_have_text("Notre revue <b>hebdo</b>")  # text, never HTML
    assert printed.locator("b").count() == 0
    assert "Notre revue" in " ".join(" ".join(sheet) for sheet in pdf_lines(page))
    page.reload()
    page.emulate_media(media="screen")
    expect(page.locator(f'[data-pb-evidence="{question.id}"]')).to_have_value(
        "Notre revue <b>hebdo</b>")  # kept with the answer
    context.close()
