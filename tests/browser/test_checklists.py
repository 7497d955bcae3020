"""Checklists in a real browser: ticks saved, restored, counted, exported, never lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from ..conftest import build, write_site
from .conftest import Server, Watched, watch

PLAYBOOK_PAGE = "/playbooks/ecoute-sociale/"
FIRST_PLAY = "cartographier-territoires"
KEY_JS = "(typeof __md_scope !== 'undefined' ? __md_scope.pathname : '/') + '.mkdocs-playbooks'"


def stored(page: Page) -> Any:
    text = page.evaluate(f"localStorage.getItem({KEY_JS})")
    return None if text is None else json.loads(text)


def boxes(page: Page, play: str = FIRST_PLAY) -> Any:
    return page.locator(f'ul[data-pb-play="{play}"] input.pb-check')


def bar(page: Page, of: str, play: str = "") -> Any:
    selector = f'[data-pb-progress-of="{of}"]'
    if play:
        selector += f'[data-pb-play="{play}"]'
    return page.locator(selector).first


def tick_label(page: Page, index: int, play: str = FIRST_PLAY) -> None:
    """Clicks the item's label, as a reader does."""
    box = boxes(page, play).nth(index)
    page.locator(f'label[for="{box.get_attribute("id")}"]').click()


def test_tick_reload_still_ticked(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    tick_label(page, 0)
    expect(boxes(page).nth(0)).to_be_checked()
    page.reload()
    expect(boxes(page).nth(0)).to_be_checked()
    expect(boxes(page).nth(1)).not_to_be_checked()
    doc = stored(page)
    assert doc["format"] == "mkdocs-playbooks/progress"
    assert doc["version"] == 1
    item = boxes(page).nth(0).get_attribute("data-pb-item")
    tick = doc["playbooks"]["ecoute-sociale"]["items"][item]
    assert tick["done"] is True
    assert tick["at"].endswith("Z")
    assert watched.errors == []


def test_progress_numbers_everywhere(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    total_play = boxes(page).count()
    total = page.locator("input.pb-check").count()
    tick_label(page, 0)
    tick_label(page, 2)
    play_bar = bar(page, "play", FIRST_PLAY)
    expect(play_bar).to_be_visible()
    expect(play_bar).to_have_attribute("aria-valuenow", "2")
    expect(play_bar).to_have_attribute("aria-valuemax", str(total_play))
    expect(play_bar).to_contain_text(f"2 / {total_play}")
    expect(bar(page, "playbook")).to_contain_text(f"2 / {total}")
    expect(bar(page, "phase")).to_have_attribute("aria-valuenow", "2")
    tick_label(page, 2)  # untick
    expect(play_bar).to_have_attribute("aria-valuenow", "1")
    expect(page.locator(".pb-live")).to_contain_text(f"1 / {total_play}")
    for path in ("/playbooks/", "/playbooks/progress/"):
        page.goto(demo_server.url + path)
        card = page.locator('[data-pb-progress="ecoute-sociale"]').first
        expect(card).to_have_attribute("aria-valuenow", "1")
        expect(card).to_contain_text(f"1 / {total}")
        other = page.locator('[data-pb-progress="temps-reel"]').first
        expect(other).to_have_attribute("aria-valuenow", "0")


def test_instant_navigation_away_and_back_binds_once(browser: Browser,
                                                     demo_server: Server) -> None:
    context = browser.new_context()
    context.add_init_script("""
        window.__writes = 0;
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key.endsWith('.mkdocs-playbooks')) window.__writes += 1;
          return setItem.call(this, key, value);
        };
    """)
    page = context.new_page()
    watched = watch(page)
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    tick_label(page, 0)
    page.evaluate("window.__marker = 'same document'")
    page.locator('.md-nav--primary a[href$="temps-reel/"]').first.click()
    page.wait_for_url("**/playbooks/temps-reel/")
    page.locator('.md-nav--primary a[href$="ecoute-sociale/"]').first.click()
    page.wait_for_url("**" + PLAYBOOK_PAGE)
    assert page.evaluate("window.__marker") == "same document"  # no full page load
    expect(boxes(page).nth(0)).to_be_checked()
    writes = page.evaluate("window.__writes")
    tick_label(page, 1)
    expect(bar(page, "play", FIRST_PLAY)).to_have_attribute("aria-valuenow", "2")
    assert page.evaluate("window.__writes") == writes + 1
    assert watched.errors == []
    context.close()


def test_two_tabs_see_each_other(browser: Browser, demo_server: Server) -> None:
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    first.goto(demo_server.url + PLAYBOOK_PAGE)
    second.goto(demo_server.url + PLAYBOOK_PAGE)
    tick_label(first, 0)
    expect(boxes(second).nth(0)).to_be_checked()
    expect(bar(second, "play", FIRST_PLAY)).to_have_attribute("aria-valuenow", "1")
    tick_label(second, 1)
    expect(boxes(first).nth(1)).to_be_checked()
    first.reload()
    expect(bar(first, "play", FIRST_PLAY)).to_have_attribute("aria-valuenow", "2")
    context.close()


@pytest.mark.parametrize("bad", [
    "{not json", "[]", json.dumps({"format": "other-tool", "version": 1, "playbooks": {}}),
    json.dumps({"format": "mkdocs-playbooks/progress", "version": 2, "playbooks": {}}),
    json.dumps({"format": "mkdocs-playbooks/progress", "version": 1,
                "playbooks": {"x": {"items": {"a": {"done": "yes", "at": "now"}}}}}),
])
def test_unreadable_storage_is_left_untouched_with_a_notice(
    bad: str, watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    page.evaluate(f"localStorage.setItem({KEY_JS}, {json.dumps(bad)})")
    page.reload()
    expect(page.locator('[data-pb-notice="unreadable"]')).to_be_visible()
    tick_label(page, 0)
    expect(boxes(page).nth(0)).to_be_checked()
    expect(bar(page, "play", FIRST_PLAY)).to_have_attribute("aria-valuenow", "1")
    assert page.evaluate(f"localStorage.getItem({KEY_JS})") == bad
    assert watched.errors == []


@pytest.mark.parametrize("failure", ["SecurityError", "QuotaExceededError"])
def test_storage_that_cannot_be_used_still_leaves_a_working_page(
    failure: str, browser: Browser, demo_server: Server
) -> None:
    context = browser.new_context()
    if failure == "SecurityError":  # as in some private modes: no storage at all
        context.add_init_script("""Object.defineProperty(window, 'localStorage', {
            get() { throw new DOMException('denied', 'SecurityError'); } });""")
    else:  # storage full
        context.add_init_script("""Storage.prototype.setItem = function () {
            throw new DOMException('full', 'QuotaExceededError'); };""")
    page = context.new_page()
    watched = watch(page)
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    tick_label(page, 0)
    tick_label(page, 1)
    expect(bar(page, "play", FIRST_PLAY)).to_have_attribute("aria-valuenow", "2")
    expect(page.locator('[data-pb-notice="unavailable"]')).to_be_visible()
    # Material's own inline scripts read localStorage unguarded and may throw; ours never does.
    assert watched.our_errors() == []
    if failure == "QuotaExceededError":
        assert watched.errors == []
    context.close()


def test_export_reset_import_restores_everything(
    watched: Watched, demo_server: Server, tmp_path: Path
) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    for index in range(3):
        tick_label(page, index)
    page.goto(demo_server.url + "/playbooks/temps-reel/")
    page.locator("input.pb-check").first.check()
    before = stored(page)
    page.goto(demo_server.url + "/playbooks/progress/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Exporter").click()
    exported = tmp_path / "export.json"
    download_info.value.save_as(exported)
    assert json.loads(exported.read_text()) == before

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Tout effacer").click()
    expect(page.locator('[data-pb-notice="reset"]')).to_be_visible()
    expect(page.locator('[data-pb-progress="ecoute-sociale"]')).to_have_attribute(
        "aria-valuenow", "0")
    assert stored(page) is None

    page.locator("[data-pb-import]").set_input_files(str(exported))
    expect(page.locator('[data-pb-notice="imported"]')).to_be_visible()
    expect(page.locator('[data-pb-progress="ecoute-sociale"]')).to_have_attribute(
        "aria-valuenow", "3")
    assert stored(page) == before
    assert watched.errors == []


def test_reset_needs_confirmation(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    tick_label(page, 0)
    page.goto(demo_server.url + "/playbooks/progress/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Tout effacer").click()
    assert stored(page) is not None
    expect(page.locator('[data-pb-progress="ecoute-sociale"]')).to_have_attribute(
        "aria-valuenow", "1")


def test_import_keeps_the_newest_tick_and_refuses_garbage(
    watched: Watched, demo_server: Server, tmp_path: Path
) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    first, second = (boxes(page).nth(n).get_attribute("data-pb-item") for n in (0, 1))
    tick_label(page, 0)  # ticked now: newer than the file's "not done" of 2020
    incoming = {"format": "mkdocs-playbooks/progress", "version": 1, "playbooks": {
        "ecoute-sociale": {"items": {
            first: {"done": False, "at": "2020-01-01T00:00:00.000Z"},
            second: {"done": True, "at": "2020-01-01T00:00:00.000Z"},
        }},
        "retired-playbook": {"items": {"old": {"done": True, "at": "2020-01-01T00:00:00Z"}}},
    }}
    good = tmp_path / "good.json"
    good.write_text(json.dumps(incoming))
    garbage = tmp_path / "garbage.json"
    garbage.write_text('{"format": "mkdocs-playbooks/progress", "version": 1, "playbooks": 3}')
    page.goto(demo_server.url + "/playbooks/progress/")
    page.locator("[data-pb-import]").set_input_files(str(good))
    expect(page.locator('[data-pb-notice="imported"]')).to_be_visible()
    items = stored(page)["playbooks"]["ecoute-sociale"]["items"]
    assert items[first]["done"] is True
    assert items[second]["done"] is True
    assert "retired-playbook" in stored(page)["playbooks"]  # unknown ids are kept
    before = stored(page)
    page.locator("[data-pb-import]").set_input_files(str(garbage))
    expect(page.locator('[data-pb-notice="import-failed"]')).to_be_visible()
    assert stored(page) == before


def test_keyboard_only(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    first = boxes(page).nth(0)
    first.focus()
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(boxes(page).nth(1)).to_be_checked()
    expect(bar(page, "play", FIRST_PLAY)).to_have_attribute("aria-valuenow", "2")
    assert outline != "none"


def test_print_leaves_ticks_and_bars_out_unless_asked(
    watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    tick_label(page, 0)
    page.emulate_media(media="print")
    expect(bar(page, "play", FIRST_PLAY)).to_be_hidden()
    expect(page.locator(".pb-progress-link")).to_be_hidden()
    assert boxes(page).nth(0).evaluate("box => getComputedStyle(box).appearance") == "none"
    page.emulate_media(media="screen")
    page.get_by_label("Imprimer mes coches et ma progression").check()
    page.emulate_media(media="print")
    expect(bar(page, "play", FIRST_PLAY)).to_be_visible()
    assert boxes(page).nth(0).evaluate("box => getComputedStyle(box).appearance") != "none"
    expect(page.locator(".pb-print-choice")).to_be_hidden()  # the choice itself never prints
    assert page.pdf()[:4] == b"%PDF"


def test_ui_strings_follow_the_page_language(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + "/en" + PLAYBOOK_PAGE)  # the English translation
    assert "Progress:" in (bar(page, "playbook").get_attribute("aria-label") or "")
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    assert "Progression :" in (bar(page, "playbook").get_attribute("aria-label") or "")


def test_no_console_error_and_no_outside_request_on_any_page(
    watched: Watched, demo_server: Server
) -> None:
    page = watched.page
    pages = sorted(demo_server.root.rglob("index.html"))
    assert len(pages) > 10
    for html in pages:
        path = "/" + html.parent.relative_to(demo_server.root).as_posix() + "/"
        page.goto(demo_server.url + path.replace("//", "/"))
        page.wait_for_load_state("networkidle")
    outside = [url for url in watched.requests
               if not url.startswith((demo_server.url, "data:", "blob:"))]
    assert outside == []
    assert watched.errors == []


# ---- a fixture site edited between two builds -----------------------------------------------

def edited_playbook(items: list[tuple[str, str]]) -> str:
    lines = "".join(f"          - {{id: {item}, text: {text}}}\n" for item, text in items)
    return ("title: Évolutif\nphases:\n  - phase: listen\n    plays:\n"
            "      - id: jeu\n        title: Jeu\n        checklist:\n" + lines)


def test_edits_between_builds_keep_surviving_ticks(
    browser: Browser, tmp_path: Path
) -> None:
    site = write_site(tmp_path / "src", {"evolutif.yml": edited_playbook(
        [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")])})
    output = tmp_path / "out"
    assert build(site, "-d", str(output)).result.returncode == 0
    server = Server(output)
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + "/playbooks/evolutif/")
        for item in ("a", "b", "c"):
            page.locator(f'input[data-pb-item="{item}"]').check()

        # b removed, order changed, e added, a retitled
        (site / "playbooks" / "evolutif.yml").write_text(edited_playbook(
            [("d", "D"), ("e", "E"), ("c", "C"), ("a", "A (retitled)")]))
        assert build(site, "-d", str(output)).result.returncode == 0
        page.reload()
        checked = page.locator("input.pb-check:checked")
        assert [checked.nth(n).get_attribute("data-pb-item")
                for n in range(checked.count())] == ["c", "a"]
        expect(bar(page, "playbook")).to_have_attribute("aria-valuenow", "2")
        expect(bar(page, "playbook")).to_contain_text("2 / 4")
        assert stored(page)["playbooks"]["evolutif"]["items"]["b"]["done"] is True

        # rolled back: b is ticked again
        (site / "playbooks" / "evolutif.yml").write_text(edited_playbook(
            [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]))
        assert build(site, "-d", str(output)).result.returncode == 0
        page.reload()
        expect(bar(page, "playbook")).to_contain_text("3 / 4")
    finally:
        context.close()
        server.close()


def test_plain_mkdocs_theme(browser: Browser, tmp_path: Path) -> None:
    site = write_site(tmp_path / "src", {"a.yml": edited_playbook([("a", "A"), ("b", "B")])})
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("name: material", "name: mkdocs")
                      .replace("  - tags\n", ""), encoding="utf-8")
    output = tmp_path / "out"
    assert build(site, "-d", str(output)).result.returncode == 0
    server = Server(output)
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(server.url + "/playbooks/a/")
        page.locator('input[data-pb-item="a"]').check()
        page.reload()
        expect(page.locator('input[data-pb-item="a"]')).to_be_checked()
        expect(bar(page, "playbook")).to_contain_text("1 / 2")
        assert "/.mkdocs-playbooks" in page.evaluate("Object.keys(localStorage).join(' ')")
        # the mkdocs theme's own scripts come from a CDN, unreachable here; ours is local
        assert watched.our_errors() == []
    finally:
        context.close()
        server.close()


# ---- tabs writing at once -------------------------------------------------------------------

MANY = [f"item-{n}" for n in range(48)]

TICK_FAST = """([items, start]) => { window.__ticked = false; (async () => {
  while (Date.now() < start) await new Promise((resolve) => setTimeout(resolve, 1));
  for (const item of items) {
    document.querySelector(`input[data-pb-item="${item}"]`).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  window.__ticked = true; })(); }"""


@pytest.fixture(scope="module")
def many_items_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("many")
    site = write_site(root / "src", {"longue.yml": edited_playbook([(i, i) for i in MANY])})
    assert build(site, "-d", str(root / "out")).result.returncode == 0
    server = Server(root / "out")
    yield server
    server.close()


@pytest.mark.parametrize("round_", range(2))
def test_two_tabs_ticking_at_once_keep_every_tick(round_: int, browser: Browser,
                                                  many_items_server: Server) -> None:
    """Each tab has its own copy of localStorage, which learns of the other's writes a little
    later: both tick 24 items as fast as they can, interleaved, and no tick is lost."""
    context = browser.new_context()
    pages = [context.new_page(), context.new_page()]
    watched = [watch(page) for page in pages]
    for page in pages:
        page.goto(many_items_server.url + "/playbooks/longue/")
    start = pages[0].evaluate("Date.now()") + 300
    pages[0].evaluate(TICK_FAST, [MANY[0::2], start])
    pages[1].evaluate(TICK_FAST, [MANY[1::2], start])
    for page in pages:
        page.wait_for_function("window.__ticked")
    for page in pages:  # once both settle
        expect(page.locator("input[data-pb-item]:checked")).to_have_count(len(MANY))
        expect(bar(page, "playbook")).to_contain_text(f"{len(MANY)} / {len(MANY)}")
    for page in pages:
        items = stored(page)["playbooks"]["longue"]["items"]
        assert sorted(item for item, tick in items.items() if tick["done"]) == sorted(MANY)
    pages[0].reload()
    expect(pages[0].locator("input[data-pb-item]:checked")).to_have_count(len(MANY))
    assert [w.errors for w in watched] == [[], []]
    context.close()


# ---- imports that say what they did -----------------------------------------------------------

def progress_file(**fields: Any) -> dict[str, Any]:
    return {"name": "progress.json", "mimeType": "application/json", "buffer": json.dumps(
        {"format": "mkdocs-playbooks/progress", "version": 1, "playbooks": {}, **fields}).encode()}


def imported(page: Page, file: dict[str, Any], notice: str) -> Any:
    page.locator("[data-pb-import]").set_input_files(files=[file])
    shown = page.locator(f'[data-pb-notice="{notice}"]')
    expect(shown).to_be_visible()
    expect(page.locator("[data-pb-notice]:visible")).to_have_count(1)
    return shown


def test_an_import_says_what_it_imported(watched: Watched, demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    first = boxes(page).nth(0).get_attribute("data-pb-item")
    tick_label(page, 0)
    page.goto(demo_server.url + "/playbooks/progress/")
    old = {"done": False, "at": "2020-01-01T00:00:00.000Z"}
    new = {"done": True, "at": "2020-01-01T00:00:00.000Z"}
    notice = imported(page, progress_file(
        playbooks={"ecoute-sociale": {"items": {first: old, "constructor": new, "__proto__": new}}},
        assessments={"maturite-social-media": {
            "answers": {"veille": {"choice": "outille", "at": "2020-01-01T00:00:00Z"}},
            "attempts": [{"taken_at": "2020-01-01T00:00:00Z", "answers": {"veille": "outille"}}]}},
    ), "imported")
    expect(notice).to_have_text("Progression importée : 2 coche(s), 1 réponse(s) et 1 tentative(s) "
                                "plus récentes que celles de ce navigateur ont été gardées.")
    items = stored(page)["playbooks"]["ecoute-sociale"]["items"]
    assert items[first]["done"] is True  # newer here: kept
    assert items["constructor"] == new
    assert items["__proto__"] == new
    assert page.evaluate("({}).constructor === Object")
    assert watched.errors == []


@pytest.mark.parametrize("fields", [
    {},  # an export of nothing
    {"playbooks": {"__proto__": {"items": {}}, "constructor": {"items": {}},
                   "toString": {"items": {}}}},  # ids, and nothing under them
    {"playbooks": {"ecoute-sociale": {"items": {"lister-relations": {
        "done": False, "at": "2001-01-01T00:00:00Z"}}}}},  # older than what is here
])
def test_an_import_of_nothing_newer_says_so(fields: dict[str, Any], watched: Watched,
                                           demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    page.locator('input[data-pb-item="lister-relations"]').check()
    page.goto(demo_server.url + "/playbooks/progress/")
    before = stored(page)
    imported(page, progress_file(**fields), "import-nothing")
    assert stored(page)["playbooks"]["ecoute-sociale"] == before["playbooks"]["ecoute-sociale"]
    assert watched.errors == []


def test_an_oversize_file_is_refused_with_its_own_notice(watched: Watched,
                                                       demo_server: Server) -> None:
    page = watched.page
    page.goto(demo_server.url + PLAYBOOK_PAGE)
    tick_label(page, 0)
    page.goto(demo_server.url + "/playbooks/progress/")
    before = stored(page)
    big = {"name": "big.json", "mimeType": "application/json", "buffer": b" " * 5_000_001}
    imported(page, big, "import-too-big")
    assert stored(page) == before
    assert watched.errors == []


def test_an_import_storage_cannot_hold_is_not_called_saved(browser: Browser,
                                                           demo_server: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    page.goto(demo_server.url + "/playbooks/progress/")
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); }; }""")
    tick = {"done": True, "at": "2020-01-01T00:00:00.000Z"}
    page.locator("[data-pb-import]").set_input_files(files=[progress_file(
        playbooks={"ecoute-sociale": {"items": {"lister-relations": tick}}})])
    expect(page.locator('[data-pb-notice="import-unsaved"]')).to_be_visible()
    expect(page.locator('[data-pb-notice="imported"]')).to_be_hidden()
    expect(page.locator('[data-pb-notice="unavailable"]')).to_be_visible()
    expect(page.locator('[data-pb-progress="ecoute-sociale"]')).to_have_attribute(
        "aria-valuenow", "1")  # shown on this page
    assert stored(page) is None
    assert watched.errors == []
    context.close()


def test_an_import_of_many_attempts_is_counted_and_the_pages_still_work(
    watched: Watched, demo_server: Server
) -> None:
    count = 20_000  # hundreds of thousands: tests/js/progress-doc.test.js
    attempts = [{"taken_at": f"2020-01-01T{n // 3600:02}:{n // 60 % 60:02}:{n % 60:02}.{n % 7}Z",
                 "answers": {"veille": "outille"}} for n in range(count)]
    assert len({a["taken_at"] for a in attempts}) == count
    page = watched.page
    page.goto(demo_server.url + "/playbooks/progress/")
    notice = imported(page, progress_file(assessments={"maturite-social-media": {
        "answers": {}, "attempts": attempts}}), "imported")
    expect(notice).to_contain_text(f"0 coche(s), 0 réponse(s) et {count} tentative(s)")
    assert len(stored(page)["assessments"]["maturite-social-media"]["attempts"]) == count
    page.goto(demo_server.url + "/assessments/maturite-social-media/")
    expect(page.locator("[data-pb-history] [data-pb-compare='a'] option")).to_have_count(count)
    page.locator('input[name="pb-answer-veille"][value="continu"]').check()
    expect(page.locator("[data-pb-answered]")).to_contain_text("1 /")
    assert watched.errors == []
