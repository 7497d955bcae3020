"""Results a reader can trust, at 390 and 1280 px: a partial answer set never shows a level as if
complete (page, export, share link, history), the level shown is always the one the shown number
reaches, gaps are counted from the shown numbers, and exports hold the shown numbers."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from mkdocs_playbooks.assessment.scoring import level_of, points_missing, results
from mkdocs_playbooks.assessment.share import encode
from mkdocs_playbooks.core.model import Assessment

from ..conftest import REPO, build, write_site
from .conftest import Server, watch
from .test_assessment import DEMO, PAGE, answer, answer_all, exported

WIDTHS = [390, 1280]
LEVEL_TITLES = {level.title: level.id for level in DEMO.levels}
FIRST_THREE = [q for d in DEMO.dimensions for q in d.questions][:3]


def open_page(browser: Browser, width: int) -> tuple[Any, Page]:
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True,
                                  is_mobile=width < 600, has_touch=width < 600)
    return context, context.new_page()


def answer_three(page: Page) -> dict[str, str]:
    """The issue's case: 3 answers out of 23, each the best choice (100 / 100 so far)."""
    chosen = {q.id: q.choices[-1].id for q in FIRST_THREE}
    for question, choice in chosen.items():
        answer(page, question, choice)
    return chosen


def level_words(text: str) -> list[str]:
    """The level titles a text names."""
    return [title for title in LEVEL_TITLES if title in text]


@pytest.mark.parametrize("width", WIDTHS)
def test_three_answers_out_of_23_show_a_partial_result_and_what_is_left(
    width: int, browser: Browser, demo_server: Server, tmp_path: Path
) -> None:
    context, page = open_page(browser, width)
    watched = watch(page)
    page.goto(demo_server.url + PAGE)
    chosen = answer_three(page)
    page.get_by_role("button", name="Voir mes résultats").click()
    body = page.locator("[data-pb-results-body]")
    overall = body.locator(".pb-overall")
    expect(overall).to_have_text("3 réponses sur 23 : résultat partiel, pas encore de niveau")
    assert level_words(overall.inner_text()) == []
    assert "100" not in overall.inner_text()  # the partial score is no headline...
    expect(body.locator("p.pb-next")).to_have_text(  # ...but said, as partial, after the rest
        "Score provisoire, d'après ces 3 seules réponses : 100 / 100")
    expect(body).to_contain_text("Les niveaux sont donnés quand toutes les questions ont une "
                                 "réponse")
    left = body.locator("ul.pb-left li")  # what is left, per dimension
    expect(left).to_have_count(len(DEMO.dimensions))
    expect(left.first).to_have_text("Écoute : 1 question")
    expect(left.nth(1)).to_have_text("Conversation et animation : 4 questions")
    # the one dimension with a score shows it as partial, with no level; no plan, no advice
    rows = body.locator(".pb-scores li")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_text(re.compile(r"Écoute\s*Partiel : 100 / 100"))
    expect(rows.first).to_have_class("pb-partial")
    expect(page.locator("[data-pb-plan-box]")).to_be_hidden()
    expect(page.locator("[data-pb-plan] .pb-recommendation")).to_have_count(0)
    for row in page.locator("[data-pb-calc] tbody tr").all():
        expect(row.locator("td").nth(1)).to_have_text(re.compile("partiel|–"))
    expect(page.locator("[data-pb-results]")).to_have_class(re.compile("pb-partial"))
    # the export says so: no level, not complete
    document = json.loads(exported(page, "Exporter (JSON)", tmp_path))
    assert (document["complete"], document["answered"], document["questions"]) == (False, 3, 23)
    assert document["overall"] == {"score": 100, "level": None}
    assert all(d["level"] is None for d in document["dimensions"].values())
    # no attempt is kept from a partial answer set: history stays empty
    expect(page.locator("[data-pb-history]")).to_be_hidden()
    # the share link carries the partial answers: whoever opens it sees a partial result
    page.get_by_role("button", name="Copier le lien de partage").click()
    link = page.locator("[data-pb-share]").input_value()
    assert link.endswith(encode(DEMO, chosen))
    other = context.new_page()
    other.goto(link)
    expect(other.locator("[data-pb-results-body] .pb-overall")).to_have_text(overall.inner_text())
    assert watched.errors == []
    context.close()


def complete_at_site(root: Path, percent: int) -> Path:
    """The demo's playbooks, its assessment with `complete_at: percent` (and its translation,
    which keeps the original's `complete_at`)."""
    files = {path.name: path.read_text(encoding="utf-8")
             for path in (REPO / "playbooks").glob("*.yml")}
    for name in ("maturite-social-media.yml", "social-media-maturity.yml"):
        files[name] = files[name].replace("\nlevels:\n", f"\ncomplete_at: {percent}\nlevels:\n", 1)
    return write_site(root, files)


@pytest.fixture(scope="module")
def lenient_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The demo assessment with `complete_at: 75`: three answers of four make a dimension."""
    root = tmp_path_factory.mktemp("lenient")
    result = build(complete_at_site(root / "src", 75), "-d", str(root / "out"))
    assert result.result.returncode == 0, result.result.stderr
    server = Server(root / "out")
    yield server
    server.close()


def test_complete_at_gives_levels_with_fewer_answers_and_says_its_rule(
    browser: Browser, lenient_server: Server
) -> None:
    context, page = open_page(browser, 390)
    page.goto(lenient_server.url + PAGE)
    answer_three(page)
    page.get_by_role("button", name="Voir mes résultats").click()
    body = page.locator("[data-pb-results-body]")
    expect(body).to_contain_text("au moins 75 % des questions de chaque dimension")
    listening = body.locator(".pb-scores li").filter(has_text="Écoute")  # 3 of 4: complete at 75 %
    expect(listening.locator(".pb-next")).to_have_text("100 / 100 · Entreprise sociale")
    expect(page.locator("[data-pb-plan] [data-pb-dimension='ecoute'] .pb-recommendation")
           ).to_have_attribute("data-pb-level", "entreprise-sociale")
    expect(body.locator(".pb-overall")).to_contain_text("résultat partiel")
    context.close()


def card_numbers(page: Page) -> list[tuple[int, str]]:
    """Each dimension's shown score and level id, in the assessment's order."""
    found = {}
    for row in page.locator("[data-pb-results-body] .pb-scores li").all():
        match = re.fullmatch(r"(\d+) / 100 · (.+)", row.locator(".pb-next").inner_text().strip())
        assert match, row.inner_text()
        found[row.locator("span").first.inner_text()] = (int(match[1]), LEVEL_TITLES[match[2]])
    return [found[d.title] for d in DEMO.dimensions]


def near_thresholds(assessment: Assessment) -> list[dict[str, str]]:
    """Answer sets whose exact scores fall just under a level's minimum (89.86 for 90, …), so
    that rounding decides the level."""
    questions = [q for d in assessment.dimensions for q in d.questions]
    sets = []
    for pick in range(4):
        sets.append({q.id: q.choices[min(len(q.choices) - 1, pick + (n % 2))].id
                     for n, q in enumerate(questions)})
    sets.append({q.id: q.choices[-1 if n % 7 else -2].id for n, q in enumerate(questions)})
    return sets


@pytest.mark.parametrize("width", WIDTHS)
def test_the_level_shown_is_the_one_the_shown_number_reaches(
    width: int, browser: Browser, demo_server: Server
) -> None:
    context, page = open_page(browser, width)
    for answers in near_thresholds(DEMO):
        page.goto("about:blank")
        page.goto(demo_server.url + PAGE + encode(DEMO, answers))
        shown = results(DEMO, answers)
        numbers = card_numbers(page)
        assert numbers == [(d.score, d.level) for d in shown.dimensions.values()]
        for score, level in numbers:
            assert level_of(DEMO.levels, score) == level
        title = next(lv.title for lv in DEMO.levels if lv.id == shown.level)
        expect(page.locator("[data-pb-results-body] .pb-overall")).to_have_text(
            f"Score global : {shown.score} / 100, niveau {title}")
        # the calculation shows the exact value and the number it rounds to
        first = page.locator("[data-pb-calc] tbody tr").first.locator("td").first
        exact = shown.dimensions["ecoute"].exact
        assert exact is not None
        expect(first).to_contain_text(f"→ {shown.dimensions['ecoute'].score}")
        expect(first).to_contain_text(f"{exact:.2f}".rstrip("0").rstrip(".").replace(".", ","))
    context.close()


def test_gaps_to_the_target_are_counted_from_the_shown_numbers(
    browser: Browser, demo_server: Server
) -> None:
    context, page = open_page(browser, 390)
    answers = near_thresholds(DEMO)[1]
    page.goto(demo_server.url + PAGE + encode(DEMO, answers))
    page.locator("[data-pb-target]").select_option("entreprise-sociale")
    shown = results(DEMO, answers)
    target = DEMO.levels[-1]
    rows = page.locator("[data-pb-calc] tbody tr")
    for n, (key, dimension) in enumerate(shown.dimensions.items()):
        assert dimension.score is not None
        gap = points_missing(target, dimension.score)
        text = "atteint" if gap == 0 else f"encore {gap} point"
        expect(page.locator(f'[data-pb-plan] [data-pb-dimension="{key}"]')).to_contain_text(
            f"Niveau visé Entreprise sociale : {text}")
        expect(rows.nth(n).locator("td").last).to_have_text(
            "atteint" if gap == 0 else f"90 − {dimension.score} = {gap}")
    # the action plan: the dimensions farthest from the target first
    order = page.locator("[data-pb-plan] > li").evaluate_all(
        "items => items.map((li) => li.dataset.pbDimension)")
    gaps = {key: points_missing(target, d.score or 0) for key, d in shown.dimensions.items()}
    assert [gaps[key] for key in order] == sorted(gaps.values(), reverse=True)
    context.close()


def test_exports_hold_the_shown_numbers_in_the_sites_dialect(
    browser: Browser, demo_server: Server, tmp_path: Path
) -> None:
    context, page = open_page(browser, 1280)
    page.goto(demo_server.url + PAGE)
    chosen = answer_all(page, 1)
    page.get_by_role("button", name="Voir mes résultats").click()
    names = set()
    for _ in range(2):
        with page.expect_download() as info:
            page.get_by_role("button", name="Exporter (CSV)").click()
        names.add(info.value.suggested_filename)
    assert len(names) == 2  # never the same name twice
    for name in names:
        assert re.fullmatch(r"maturite-social-media-\d{4}-\d\d-\d\d-\d{4}-[a-z0-9]{4}\.csv", name)
    text = exported(page, "Exporter (CSV)", tmp_path)
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    shown = results(DEMO, chosen)
    assert [row[1] for row in rows[1:]] == [
        *(str(d.score) for d in shown.dimensions.values()), str(shown.score)]
    assert all(re.fullmatch(r"\d+", row[1]) for row in rows[1:])  # as written: whole numbers
    context.close()
