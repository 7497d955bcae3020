"""Hostile text, links, files and policies in a real browser: nothing executes, leaks or breaks."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from mkdocs_playbooks.assessment.share import fingerprint
from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.config import read_settings

from ..conftest import REPO, build, write_site
from .conftest import Server, watch

DEMO = load_site(read_settings(REPO / "mkdocs.yml")).assessments["maturite-social-media"].model

PAYLOADS = [
    '<script>alert("script")</script>',
    '<img src=x onerror=alert("img")>',
    '<svg onload=alert("svg")>',
    '"><script>alert("attribute")</script>',
    "'><img src=x onerror=alert('quote')>",
    '[lien](javascript:alert("markdown-link"))',
    '<a href="javascript:alert(\'a\')">a</a>',
    '<iframe src="javascript:alert(\'iframe\')"></iframe>',
    '<details open ontoggle=alert("details")>x</details>',
    "</label></li></ul><script>alert('close')</script>",
    '<style>body{display:none}</style>',
    # Template, include and snippet syntax too (beside those plugins: tests/test_neighbours.py).
    "{{ 7*7 }} ${alert('template')} <%= 7 %> {% include \"mkdocs.yml\" %} {# c #} --8<-- \"a\"",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")>',
    "javascript:alert('plain')",
]


def hostile_site(root: Path, allow_html: bool = False) -> Path:
    texts = iter(PAYLOADS * 20)
    text = lambda: next(texts)  # noqa: E731 - one payload per field, in turn
    playbook = {
        "title": text(), "summary": text(), "tags": [text(), text()], "audience": [text()],
        "owner": text(),
        "sources": [{"title": text(), "url": "https://example.org/?q=\"><script>alert(1)</script>"}],
        "phases": [{"phase": "listen", "intro": text(), "plays": [{
            "id": "jeu", "title": text(), "why": text(), "how": text(), "duration": text(),
            "facilitator": text(),
            "checklist": [{"id": f"item-{n}", "text": text(), "help": text()} for n in range(3)],
            "metrics": [{"id": "m", "name": text(), "formula": text(), "target": text()}],
            "resources": [{"title": text(), "url": "https://example.org/<script>"}],
        }]}],
    }
    assessment = {
        "kind": "assessment", "title": text(), "intro": text(), "tags": [text()],
        "levels": [{"id": "bas", "title": text(), "min": 0, "description": text()},
                   {"id": "haut", "title": text(), "min": 50, "description": text()}],
        "dimensions": [{"id": "dim", "title": text(), "questions": [
            {"id": f"q{n}", "text": text(), "help": text(), "allow_na": True,
             "choices": [{"id": "a", "text": text(), "score": 0},
                         {"id": "b", "text": text(), "score": 1}]} for n in range(3)],
            "recommendations": [{"level": level, "text": text(), "plays": ["piege/jeu"]}
                                for level in ("bas", "haut")]}],
    }
    options = ":\n      edition: facilitator" + ("\n      allow_html: true" if allow_html else "")
    return write_site(root, {
        "piege.yml": yaml.safe_dump(playbook, allow_unicode=True),
        "evaluation.yml": yaml.safe_dump(assessment, allow_unicode=True),
    }, options=options)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("hostile")
    site = hostile_site(root / "src")
    result = build(site, "-d", str(root / "out"))
    assert result.result.returncode == 0, result.result.stderr
    server = Server(root / "out")
    yield server
    server.close()


def executed_nothing(page: Page) -> None:
    article = page.locator("article")
    assert article.locator("script, iframe, style, svg[onload]").count() == 0
    assert page.evaluate("""() => [...document.querySelectorAll('article *')].filter(element =>
        [...element.attributes].some(a => a.name.startsWith('on')
          || /^\\s*javascript:/i.test(a.value))).length""") == 0


@pytest.mark.parametrize("path", ["/playbooks/", "/playbooks/piege/", "/playbooks/progress/",
                                  "/assessments/evaluation/"])
def test_hostile_text_executes_nothing(path: str, browser: Browser,
                                       hostile_server: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    watched = watch(page)
    page.goto(hostile_server.url + path)
    page.wait_for_load_state("networkidle")
    for box in page.locator("input.pb-check").all():
        box.check()
    for radio in page.locator(".pb-question input[value=b]").all():
        radio.check()
    if page.get_by_role("button", name="Voir mes résultats").count():
        page.get_by_role("button", name="Voir mes résultats").click()
        page.get_by_role("button", name="Lien de partage").click()
        page.goto(page.locator("[data-pb-share]").input_value())
        page.reload()
    page.wait_for_timeout(300)
    assert dialogs == []
    executed_nothing(page)
    assert watched.our_errors() == []
    context.close()


def test_allow_html_keeps_raw_html(tmp_path: Path) -> None:
    raw = ("title: Brut\nphases:\n  - phase: listen\n    plays:\n      - id: a\n"
           "        title: A\n        why: '<details open ontoggle=alert(1)><summary>s</summary>"
           "<kbd>K</kbd></details>'\n")
    allowed = build(write_site(tmp_path / "allowed", {"a.yml": raw},
                               options=":\n      allow_html: true"))
    assert allowed.result.returncode == 0
    assert 'ontoggle="alert(1)"' in allowed.page("playbooks/a")
    default = build(write_site(tmp_path / "default", {"a.yml": raw}))
    html = default.page("playbooks/a")
    assert "ontoggle" not in html
    assert "<details" in html  # formatting kept, handler gone
    assert "<kbd>K</kbd>" in html


def garbage(rng: random.Random) -> str:
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz_-.%#&=<>\"'/\\ éあ😀\u202e\0"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))


def stored(page: Page) -> Any:
    return page.evaluate("localStorage.getItem(__md_scope.pathname + '.mkdocs-playbooks')")


def test_fuzzed_share_links_change_nothing(browser: Browser, demo_server: Server) -> None:
    """A few links prove the page refuses and keeps everything; the decoder itself is fuzzed on
    thousands of links in tests/js/share.test.js."""
    rng = random.Random("share")
    questions = sum(len(dimension.questions) for dimension in DEMO.dimensions)
    fragments = [f"pb1.{garbage(rng)}", f"pb1.x.{PAYLOADS[1]}",
                 f"pb1.{garbage(rng)}.{garbage(rng)}", f"pb1.{fingerprint(DEMO)}.{PAYLOADS[0]}",
                 f"pb1.{fingerprint(DEMO)}.{'z' * questions}"]  # right length, no such choice
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    watched = watch(page)
    page.goto(demo_server.url + "/assessments/maturite-social-media/")
    page.locator('input[name="pb-answer-veille"][value="outille"]').check()
    before = stored(page)
    for fragment in fragments:
        page.goto("about:blank")
        page.goto(demo_server.url + "/assessments/maturite-social-media/#" + fragment)
        expect(page.locator('[data-pb-notice="share-invalid"]')).to_be_visible()
        assert stored(page) == before
    assert dialogs == []
    assert watched.errors == []
    context.close()


def test_fuzzed_imports_change_nothing(browser: Browser, demo_server: Server) -> None:
    rng = random.Random("import")
    valid = {"format": "mkdocs-playbooks/progress", "version": 1, "playbooks": {}}
    files: list[bytes] = [garbage(rng).encode("utf-8", "surrogatepass") for _ in range(30)]
    files += [json.dumps({**valid, "playbooks": payload}).encode() for payload in PAYLOADS]
    files += [json.dumps({**valid, "playbooks": {p: {"items": {"x": {"done": p, "at": p}}}}})
              .encode() for p in PAYLOADS]
    files += [json.dumps({**valid, "assessments": {"a": {"answers": {"q": {"choice": 1}},
                                                         "attempts": []}}}).encode(),
              json.dumps({**valid, "version": 2}).encode(), b"\xff\xfe\x00", b"null", b"[]"]
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    watched = watch(page)
    page.goto(demo_server.url + "/playbooks/ecoute-sociale/")
    page.locator("input.pb-check").first.check()
    page.goto(demo_server.url + "/playbooks/progress/")
    before = stored(page)
    for content in files:
        page.locator("[data-pb-import]").set_input_files(
            files=[{"name": "import.json", "mimeType": "application/json", "buffer": content}])
        expect(page.locator('[data-pb-notice="import-failed"]')).to_be_visible()
        assert stored(page) == before
        page.evaluate("document.querySelector('[data-pb-notice=\"import-failed\"]').hidden = true")
    assert dialogs == []
    assert watched.errors == []
    context.close()


def test_no_cookie_is_set(browser: Browser, demo_server: Server) -> None:
    context = browser.new_context()
    page = context.new_page()
    for path in ("/", "/playbooks/", "/playbooks/ecoute-sociale/", "/playbooks/progress/",
                 "/assessments/maturite-social-media/"):
        page.goto(demo_server.url + path)
        for box in page.locator("input.pb-check").all()[:2]:
            box.check()
    page.locator('input[name="pb-answer-veille"]').first.check()
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    context.close()


CSP = "script-src 'self'; object-src 'none'; base-uri 'none'"


def test_our_script_works_under_script_src_self(browser: Browser,
                                                tmp_path_factory: pytest.TempPathFactory,
                                                demo_server: Server) -> None:
    server = Server(demo_server.root, headers={"Content-Security-Policy": CSP})
    context = browser.new_context()
    context.add_init_script("""window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(
          {source: e.sourceFile, blocked: e.blockedURI, directive: e.violatedDirective}));""")
    page = context.new_page()
    watched = watch(page)
    try:
        page.goto(server.url + "/playbooks/ecoute-sociale/")
        page.locator("input.pb-check").first.check()
        page.reload()
        expect(page.locator("input.pb-check").first).to_be_checked()
        expect(page.locator('[data-pb-progress-of="playbook"]')).to_contain_text("1 /")
        page.goto(server.url + "/assessments/maturite-social-media/")
        page.locator('input[name="pb-answer-veille"][value="continu"]').check()
        page.get_by_role("button", name="Voir mes résultats").click()
        page.get_by_text("Graphique radar").click()
        expect(page.locator("[data-pb-radar] svg.pb-radar")).to_be_visible()
        violations = page.evaluate("window.__violations")
        ours = [v for v in violations if "playbooks.js" in (v["source"] or "")
                or v["blocked"] == "eval"]
        assert ours == []
        assert watched.our_errors() == []
    finally:
        context.close()
        server.close()


def test_an_import_that_brings_nothing_writes_nothing(browser: Browser,
                                                      demo_server: Server) -> None:
    """A progress file naming an assessment (and a playbook) this site does not have, with
    nothing in them: "nothing imported", and nothing written, not even an empty entry."""
    content = json.dumps({"format": "mkdocs-playbooks/progress", "version": 1,
                          "playbooks": {"absent": {"items": {}}},
                          "assessments": {"not-on-this-site": {"answers": {}, "attempts": []}}})
    context = browser.new_context()
    page = context.new_page()
    watched = watch(page)
    page.goto(demo_server.url + "/playbooks/progress/")
    page.locator("[data-pb-import]").set_input_files(files=[
        {"name": "import.json", "mimeType": "application/json", "buffer": content.encode()}])
    expect(page.locator('[data-pb-notice="import-nothing"]')).to_be_visible()
    assert stored(page) is None
    page.goto(demo_server.url + "/playbooks/ecoute-sociale/")
    page.locator("input.pb-check").first.check()
    page.goto(demo_server.url + "/playbooks/progress/")
    assert "not-on-this-site" not in stored(page)  # not kept in memory for the next write either
    page.locator("[data-pb-import]").set_input_files(files=[
        {"name": "import.json", "mimeType": "application/json", "buffer": content.encode()}])
    expect(page.locator('[data-pb-notice="import-nothing"]')).to_be_visible()
    assert "not-on-this-site" not in stored(page)
    assert watched.errors == []
    context.close()
