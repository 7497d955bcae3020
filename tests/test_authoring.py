"""Every mistake named where it was made: one message, at the line the author must edit, in the
author's words. The golden corpus (`golden/errors/`) holds one case of each kind; these tests
replay a mistake on every line where an author could make it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from mkdocs_playbooks.core.loader import load_text
from mkdocs_playbooks.core.loading import discover, load_site
from mkdocs_playbooks.core.model import SLUG_PATTERN
from mkdocs_playbooks.core.problems import ContentError, Problem, shown_name
from mkdocs_playbooks.core.settings import Settings
from mkdocs_playbooks.core.site import Site
from mkdocs_playbooks.core.validate import to_model
from mkdocs_playbooks.engines.config import default_settings
from mkdocs_playbooks.engines.skeletons import new_site
from mkdocs_playbooks.output.i18n import strings_for
from mkdocs_playbooks.output.links import check_links
from mkdocs_playbooks.output.pages.urls import assessment_uri, playbook_uri
from mkdocs_playbooks.output.problem_pages import pages_with_problems

from .conftest import REPO
from .test_golden_errors import CASES, CASES_DIR, is_site

_KEY_LINE = re.compile(r"^(?P<lead> *(?:- +)?)(?P<key>[a-z_]+):(?: +|$)")


def first_problem(text: str) -> Problem | None:
    """The first problem of a file on its own: its YAML, then its shape."""
    try:
        loaded = load_text(text, "x.yml")
    except ContentError as error:
        return error.problems[0]
    _model, problems = to_model(loaded)
    return problems[0] if problems else None


def without_colon(line: str) -> str | None:
    """`line` with the ': ' after its key left out (`title Écouter`), None if it has no key."""
    found = _KEY_LINE.match(line)
    if found is None:
        return None
    value = line[found.end():]
    return line[:found.end("key")] + (" " + value if value.strip() else "\n")


@pytest.fixture(scope="module")
def skeletons(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    site = tmp_path_factory.mktemp("init") / "site"
    new_site(site)
    return sorted((site / "playbooks").glob("*.yml"))


def test_a_key_without_its_colon_is_named_at_its_own_line(skeletons: list[Path]) -> None:
    """Whichever key of the skeletons `playbooks init` writes, and of a demo playbook, loses its
    ': ', the first message is at that line and says so."""
    files = [*skeletons, REPO / "playbooks" / "ecoute-sociale.yml"]
    wrong = []
    tried = 0
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for number, line in enumerate(lines, start=1):
            broken = without_colon(line)
            if broken is None:
                continue
            tried += 1
            problem = first_problem("".join([*lines[:number - 1], broken, *lines[number:]]))
            if problem is None or problem.line != number or "no ': ' after" not in problem.message:
                wrong.append(f"{path.name}:{number}: {broken.strip()!r} -> {problem}")
    assert tried > 150
    assert wrong == []


MISTAKES = {
    "one space less": lambda line: line[1:] if line.startswith(" ") else None,
    "two spaces more": lambda line: "  " + line,
    "no space after '-'": lambda line: re.sub(r"^( *)- ", r"\1-", line),
    "`]` left out": lambda line: line.replace("]", "", 1),
    "`}` left out": lambda line: line.replace("}", "", 1),
    "a quote opened": lambda line: re.sub(r": (?=\S)", ': "', line, count=1),
}
"""Typical slips of the hand, each on one line."""


def test_every_yaml_slip_is_told_in_the_authors_words_where_it_was_made(
        skeletons: list[Path]) -> None:
    """Each slip of `MISTAKES` on each line of the skeletons and of a demo playbook: when YAML
    cannot read the file, the first message is never libyaml's own words, and it is on the line
    of the slip or the next one (a first line of text indented deeper than the lines after it
    is told at the first of them that breaks the block, with the line to match)."""
    demo = REPO / "playbooks" / "ecoute-sociale.yml"  # its first plays: Markdown lists in text
    texts = {path.name: path.read_text(encoding="utf-8") for path in skeletons}
    texts[demo.name] = "".join(demo.read_text(encoding="utf-8").splitlines(keepends=True)[:90])
    wrong, tried = [], 0
    for name_of_file, text in texts.items():
        lines = text.splitlines(keepends=True)
        load_text(text, name_of_file)  # reads as it is
        for number, line in enumerate(lines, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            for name, slip in MISTAKES.items():
                changed = slip(line)
                if changed is None or changed == line:
                    continue
                try:
                    load_text("".join([*lines[:number - 1], changed, *lines[number:]]), "x.yml")
                except ContentError as error:
                    tried += 1
                    problem = error.problems[0]
                    far = not number <= problem.line <= number + 1
                    if "YAML syntax error" in problem.message or (
                            far and name != "two spaces more"):
                        wrong.append(f"{name_of_file}:{number} {name}: {changed.strip()!r} -> "
                                     f"{problem}")
    assert tried > 250
    assert wrong == []


# --- links in author text ------------------------------------------------------------------


def link_warnings(tmp_path: Path, why: str, docs: dict[str, str] | None = None) -> list[str]:
    """The link warnings of a playbook whose play's `why` is `why`, in a site with `docs`."""
    site_dir = tmp_path / "site"
    (site_dir / "playbooks").mkdir(parents=True)
    for name, text in ({"index.md": "# Home\n"} if docs is None else docs).items():
        (site_dir / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / "docs" / name).write_text(text, encoding="utf-8")
    block = "".join(f"          {line}\n" for line in why.splitlines())
    (site_dir / "playbooks" / "ecoute.yml").write_text(
        "title: Écouter\nphases:\n  - phase: listen\n    plays:\n      - id: carte\n"
        f"        title: Carte\n        why: |\n{block}", encoding="utf-8")
    settings = default_settings(site_dir)
    site = load_site(settings)
    check_links(site, settings)
    return [f"{problem.line}:{problem.column} {problem.message}" for problem in site.problems]


def test_links_that_lead_somewhere_are_quiet(tmp_path: Path) -> None:
    assert link_warnings(tmp_path, "\n".join([
        "[home](../../index.md), [guide](../../guide/tutorial.md#install), ![logo](../../logo.png)",
        "[this play](#carte), [its heading](#a-heading), [an attribute](#mine),",
        "[plugin](#pb-sources)",
        "[index](../index.md), [progress](../progress/index.md), [folder](../../guide/)",
        "[web](https://example.org/nowhere.md), [mail](mailto:a@b.c), [root](/nowhere.md)",
        "`[code](nowhere.md)`, [by reference][ref]",
        "",
        "```",
        "[in a fence](nowhere.md)",
        "```",
        "",
        "### A heading",
        "",
        "Some text {#mine}",
        "",
        "[ref]: ../../guide/tutorial.md",
    ]), {"index.md": "# Home\n", "logo.png": "", "guide/tutorial.en.md": "# Tutorial\n"}) == []


def test_a_link_that_leads_nowhere_is_named_at_its_line(tmp_path: Path) -> None:
    assert link_warnings(tmp_path, "First line.\nSee [the guide](../../guide/tutorial.md).\n"
                         "[ref]: ../../guide/missing.md\n![logo](../../logo.png)") == [
        "9:27 link '../../guide/tutorial.md' leads to no page: guide/tutorial.md is not in "
        "the docs folder",
        "10:18 link '../../guide/missing.md' leads to no page: guide/missing.md is not in the "
        "docs folder",
        "11:19 link '../../logo.png' leads to no page: logo.png is not in the docs folder",
    ]


def test_links_to_the_plugins_pages_are_checked_without_a_docs_folder(tmp_path: Path) -> None:
    docs_less = link_warnings(tmp_path, "[guide](../../guide.md) [play](#cart)", {})
    assert docs_less == ["8:42 link '#cart' leads to no anchor: playbooks/ecoute/index.md has "
                         "no play or heading 'cart'"]


# --- serve: a file that never built ------------------------------------------------------------


def golden_site(case: Path) -> tuple[Settings, Site]:
    """The site of a golden case, as `playbooks validate CASE` loads it from the corpus."""
    settings = default_settings(CASES_DIR)
    return settings, load_site(settings, discover([case]))


NEVER_BUILT = [case for case in CASES if not is_site(case) and golden_site(case)[1].broken]
"""The golden cases with a file that cannot be read."""


@pytest.mark.parametrize("case", NEVER_BUILT, ids=lambda case: case.stem)
def test_a_file_that_never_built_gets_its_messages_and_no_promise(
        case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under `mkdocs serve`, each file of the golden corpus that cannot be read gets a page with
    exactly the messages `playbooks validate` gives for it (`.expected`), first line first, and
    no promise of a page below them: it never built."""
    monkeypatch.chdir(CASES_DIR)
    settings, site = golden_site(Path(case.name))
    expected = case.with_name(case.stem + ".expected").read_text(encoding="utf-8").splitlines()
    t = strings_for(settings)
    pages = {page.uri: page for page in pages_with_problems(site, [], {}, t)}
    for document_id, broken in site.broken.items():
        page = pages.get(playbook_uri(document_id) if broken.kind == "playbook"
                         else assessment_uri(document_id))
        if page is None:  # no address for an id that is not one: the messages are in the log
            assert not re.fullmatch(SLUG_PATTERN, document_id)
            continue
        wanted = [line for line in expected[1:-1]
                  if line.startswith(f"{shown_name(broken.path)}:")]
        items = re.findall(r"<li>(.*?)</li>", page.markdown)
        shown = [html.unescape(re.sub(r"<[^>]+>", "", item.replace("</code> ", ": ")))
                 for item in items]
        assert shown == wanted
        assert t("problems.never_built") in page.markdown
        assert t("problems.explanation") not in page.markdown
        assert "\n# " not in page.markdown
