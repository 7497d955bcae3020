"""Author text is data for every neighbour: built beside mkdocs-macros-plugin, pymdownx.snippets,
markdown-exec and a hook that includes files (as mkdocs-include-markdown-plugin does), a
playbook's text in every field is never rendered as Jinja, included, or run; each generated page
renders as it does without the neighbour; the neighbours still do their work on the site's own
pages. The same for `playbooks export`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from mkdocs_playbooks.engines.cli import main
from mkdocs_playbooks.engines.neighbours import put_back, snippet_proof, take_out
from mkdocs_playbooks.output.pages.markup import HELD_END, HELD_START, held, unheld

from .conftest import build, mkdocs

PAGES = ("playbooks/piege", "assessments/evaluation", "playbooks")
LEAKS = ("SNIPLEAK", "DOCSLEAK", "HOOKLEAK", "1337", "JBRAN", "EXECRAN", "Macro Syntax Error",
         "Macro Rendering Error", "hidden-by-jinja-gone")


def jinja(field: str, pwned: Path, *, start: str = "{{", end: str = "}}", block: str = "{%",
          block_end: str = "%}", comment: str = "{#", comment_end: str = "#}") -> list[str]:
    return [f"J1 {start} 7*191 {end} J1",
            f"J2 {block} set x = 'JB' ~ 'RAN' {block_end}{start} x {end} J2",
            f"J3 {comment} hidden-by-jinja {comment_end} hidden-by-jinja-kept",
            f"J4 {start} cycler.__init__.__globals__.os.system('touch {pwned}/{field}') {end}"]


SNIPPETS = ['--8<-- ".env"', "--8<-- '.env'", '-8<- ".env"', ';--8<-- ".env"',
            "a --8<-- [start:sec] b", "--8<-- \"docs/inc/secret.md\""]


def includes(secret: Path) -> list[str]:
    return [f'{{% include-markdown "{secret}" %}}', f'{{% include "{secret}" %}}',
            '{% include "inc/secret.md" %}']


def block(field: str, pwned: Path, secret: Path) -> str:
    """A Markdown field: every payload in a paragraph, a list, fences, code spans, indented code,
    an HTML block and, for snippets, the block form; Jinja with the default delimiters and with
    those a site may choose."""
    custom = jinja(field, pwned, start="[[", end="]]", block="[%", block_end="%]", comment="[#",
                   comment_end="#]")
    lines = [*jinja(field, pwned), *custom, *SNIPPETS, *includes(secret)]
    return "\n\n".join([
        field, "\n".join(lines), "- item\n  " + "\n  ".join(lines),
        "```text\n" + "\n".join(lines) + "\n```", "~~~\n" + "\n".join(lines) + "\n~~~",
        " ".join(f"`{line}`" for line in lines), "`code\n" + SNIPPETS[0] + "\nspan`",
        "    " + "\n    ".join(lines), "<div>\n" + "\n".join(lines) + "\n</div>",
        "--8<--\n.env\n--8<--",
        f"```python exec=\"on\"\nprint('EXEC' + 'RAN')\nopen('{pwned}/exec-{field}', 'w')\n```",
        # Superfences takes a fence with options it does not know for no fence: its closing line
        # opens one, closed here, lest it swallow the rest of the page.
        "```",
    ]) + "\n"


def inline(field: str, pwned: Path, secret: Path) -> str:
    return " ".join([field, *jinja(field, pwned), *includes(secret), *SNIPPETS])


def plain(field: str, pwned: Path) -> str:
    """A one-line field; in titles, Jinja that needs no quote (`dict(x=1)|first` is "x")."""
    return (f"{field} {{{{ cycler.__init__.__globals__.os.mkdir('{pwned}/' ~ "
            f"dict({field.replace('-', '')}=1)|first) }}}} {{{{ 7*191 }}}} " + SNIPPETS[0])


def hostile_documents(pwned: Path, secret: Path) -> dict[str, str]:
    def b(field: str) -> str:
        return block(field, pwned, secret)

    def i(field: str) -> str:
        return inline(field, pwned, secret)

    def p(field: str) -> str:
        return plain(field, pwned)

    playbook = {
        "title": p("pbtitle"), "summary": b("summary"), "tags": [p("tag")],
        "owner": p("owner"), "audience": [p("audience")],
        "sources": [{"title": p("source"), "url": "https://example.org/{{7*191}}"}],
        "phases": [{"phase": "listen", "intro": b("intro"), "plays": [{
            "id": "jeu", "title": p("playtitle"), "why": b("why"), "how": b("how"),
            "facilitator": b("facilitator"), "duration": p("duration"),
            "checklist": [{"id": "item", "text": i("itemtext"), "help": b("help")}],
            "metrics": [{"id": "m", "name": p("mname"), "formula": p("mformula"),
                         "target": p("mtarget")}],
            "resources": [{"title": p("resource"), "url": "https://example.org/r"}],
        }]}],
    }
    assessment = {
        "kind": "assessment", "title": p("atitle"), "intro": b("aintro"),
        "levels": [{"id": "bas", "title": p("level1"), "min": 0, "description": b("leveldesc")},
                   {"id": "haut", "title": p("level2"), "min": 50}],
        "dimensions": [{"id": "dim", "title": p("dimtitle"), "questions": [
            {"id": "q", "text": i("qtext"), "help": b("qhelp"),
             "choices": [{"id": "a", "text": i("choice1"), "score": 0},
                         {"id": "b", "text": i("choice2"), "score": 1}]}],
            "recommendations": [{"level": "bas", "text": b("reco"), "plays": ["piege/jeu"]}]}],
    }
    return {"piege.yml": yaml.safe_dump(playbook, allow_unicode=True, width=1000),
            "evaluation.yml": yaml.safe_dump(assessment, allow_unicode=True, width=1000)}


HOOK = '''\
"""A neighbour that includes the files that pages name, as mkdocs-include-markdown-plugin does."""
import re
from pathlib import Path

def on_page_markdown(markdown, page, config, files):
    def read(found):
        path = Path(found.group(2))
        path = path if path.is_absolute() else Path(config.docs_dir) / path
        return path.read_text() if path.is_file() else found.group()
    return re.sub(r'\\{%\\s*include(-markdown)?\\s+"([^"]+)"\\s*%\\}', read, markdown)
'''

MACROS_CUSTOM = """  - macros:
      j2_variable_start_string: '[['
      j2_variable_end_string: ']]'
      j2_block_start_string: '[%'
      j2_block_end_string: '%]'
      j2_comment_start_string: '[#'
      j2_comment_end_string: '#]'
"""
SNIPPETS_COMMON = """  - pymdownx.snippets:
      check_paths: true
      base_path: ['.', docs]
      restrict_base_path: false
"""

VARIANTS = {
    # name: (markdown extensions, plugins before playbooks, plugins after, hooks)
    "reference": ("  - pymdownx.superfences\n", "", "", False),
    "macros defaults, snippets, markdown-exec, an including hook, all at once": (
        "  - pymdownx.superfences\n  - pymdownx.snippets\n", "", "  - macros\n  - markdown-exec\n",
        True),
    "macros first": ("  - pymdownx.superfences\n", "  - macros\n", "", False),
    "macros forced on every page, failing on errors": (
        "  - pymdownx.superfences\n", "",
        "  - macros:\n      render_by_default: false\n      force_render_paths: '**'\n"
        "      on_error_fail: true\n", False),
    "macros with other delimiters": ("  - pymdownx.superfences\n", "", MACROS_CUSTOM, False),
    "snippets with common settings": ("  - pymdownx.superfences\n" + SNIPPETS_COMMON, "", "",
                                      False),
}
QUICK = ("reference", "macros defaults, snippets, markdown-exec, an including hook, all at once")
"""The variants `make check` builds; the others are built by `make test` (`corpus_build`)."""


def neighbour_site(root: Path, variant: str, *, facilitator: bool = False) -> Path:
    extensions, before, after, hook = VARIANTS[variant]
    pwned, secret = root / "pwned", root / "secret-abs.md"
    (root / "docs" / "inc").mkdir(parents=True)
    (root / "playbooks").mkdir()
    pwned.mkdir()
    secret.write_text("HOOKLEAK absolute file\n", encoding="utf-8")
    (root / ".env").write_text("SNIPLEAK CI_TOKEN=ghp_example\n", encoding="utf-8")
    (root / "docs" / ".env").write_text("SNIPLEAK docs/.env\n", encoding="utf-8")
    (root / "docs" / "inc" / "secret.md").write_text("DOCSLEAK\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text(
        "# Accueil\n\nMacros on the own page: {{ 6*7 }}.\n\n--8<-- \"docs/inc/secret.md\"\n\n"
        '{% raw %}{% include "../secret-abs.md" %}{% endraw %}\n\n'
        '```python exec="on"\nprint("USER" + "EXEC")\n```\n', encoding="utf-8")
    options = ":\n      edition: facilitator" if facilitator else ""
    hooks = "hooks:\n  - include_hook.py\n" if hook else ""
    if hook:
        (root / "include_hook.py").write_text(HOOK, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Voisins\ntheme:\n  name: material\n  language: fr\n  font: false\n"
        f"markdown_extensions:\n  - toc\n{extensions}{hooks}"
        f"plugins:\n  - search\n  - tags\n{before}  - playbooks{options}\n{after}",
        encoding="utf-8")
    # Paths from the folder where MkDocs runs (and `docs/`, for includes): the same text in
    # every variant's site, which each renders exactly as the reference does.
    for name, text in hostile_documents(Path("pwned"), Path("../secret-abs.md")).items():
        (root / "playbooks" / name).write_text(text, encoding="utf-8")
    return root


def article(page_html: str) -> str:
    found = re.search(r"<article\b.*?</article>", page_html, re.DOTALL)
    assert found is not None
    return found.group()


def searched(site: Path, root: Path) -> dict[str, str]:
    """The search index's entries of the generated pages, the site's folder named ROOT."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return {doc["location"]: (doc["title"] + "\n" + doc["text"]).replace(str(root), "ROOT")
            for doc in docs if doc["location"].startswith(("playbooks/", "assessments/"))}


def built(root: Path, variant: str, *, facilitator: bool = False) -> tuple[Path, str]:
    site = neighbour_site(root, variant, facilitator=facilitator)
    result = build(site).result
    assert result.returncode == 0, result.stderr
    return site, result.stderr


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory.mktemp("reference"), "reference")[0]


def check_variant(variant: str, tmp_path: Path, reference: Path) -> Path:
    site, log = built(tmp_path, variant)
    assert "Macro" not in log
    assert sorted(path.name for path in (site / "pwned").iterdir()) == []  # nothing ran
    for path in PAGES:
        page = (site / "site" / path / "index.html").read_text(encoding="utf-8")
        for leak in LEAKS:
            assert leak not in page, (path, leak)
        assert "hidden-by-jinja-kept" in page or path == "playbooks"
        # Rendered as without any neighbour: the author's text exactly as written.
        expected = (reference / "site" / path / "index.html").read_text(encoding="utf-8")
        assert article(page).replace(str(site), "ROOT") == \
            article(expected).replace(str(reference), "ROOT"), path
    for page in (site / "site").rglob("*.html"):
        assert not {"\x02", "\x03"} & set(page.read_text(encoding="utf-8")), page
    index = searched(site / "site", site)
    for text in index.values():
        for leak in LEAKS:
            assert leak not in text
    assert index == searched(reference / "site", reference)
    return site


@pytest.mark.parametrize("variant", [
    pytest.param(name, marks=() if name in QUICK else pytest.mark.corpus_build)
    for name in VARIANTS if name != "reference"])
def test_author_text_is_data_for_every_neighbour(variant: str, tmp_path: Path,
                                                 reference: Path) -> None:
    site = check_variant(variant, tmp_path, reference)
    home = (site / "site" / "index.html").read_text(encoding="utf-8")
    if "macros" in variant and "delimiters" not in variant:
        assert "own page: 42." in home  # the site's own pages: rendered
    if "snippets" in variant:
        assert "DOCSLEAK" in home  # the site's own snippets: included
    if "hook" in variant:
        assert "HOOKLEAK" in home
    if "markdown-exec" in variant:
        assert "USEREXEC" in home


@pytest.mark.corpus_build
def test_the_facilitator_notes_are_data_too(tmp_path: Path) -> None:
    site, _ = built(tmp_path, "macros defaults, snippets, markdown-exec, an including hook, "
                              "all at once", facilitator=True)
    page = (site / "site" / "playbooks" / "piege" / "index.html").read_text(encoding="utf-8")
    assert "exec-facilitator" in page  # shown as code
    assert not list((site / "pwned").iterdir())
    for leak in LEAKS:
        assert leak not in page


@pytest.mark.corpus_build
def test_exported_pages_are_data_for_the_neighbours_of_another_engine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`playbooks export`, then a build of the exported docs by MkDocs with the neighbours and
    without the playbooks plugin, as a site moved to another engine that still runs them."""
    site = neighbour_site(tmp_path, "reference")
    monkeypatch.chdir(site)
    assert main(["export", "-x", "pymdownx.snippets"]) == 0, capsys.readouterr().err
    for page in (site / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert HELD_START not in text
        assert HELD_END not in text
        if page.relative_to(site / "docs").parts[0] in ("playbooks", "assessments"):
            assert "render_macros: false" in text
    (site / "mkdocs.yml").write_text(
        "site_name: Exporté\ntheme:\n  name: material\n  font: false\nmarkdown_extensions:\n"
        "  - toc\n  - attr_list\n  - md_in_html\n  - pymdownx.superfences\n"
        "  - pymdownx.snippets\nplugins:\n  - search\n  - macros\n  - markdown-exec\n",
        encoding="utf-8")
    result = mkdocs(site, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert not list((site / "pwned").iterdir())
    for path in PAGES:
        page = (site / "site" / path / "index.html").read_text(encoding="utf-8")
        for leak in LEAKS:
            assert leak not in page, (path, leak)


def test_allow_html_exports_no_hold_marks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    site = neighbour_site(tmp_path, "reference")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - playbooks", "  - playbooks:\n      allow_html: true"), encoding="utf-8")
    monkeypatch.chdir(site)
    assert main(["export"]) == 0, capsys.readouterr().err
    for page in (site / "docs").rglob("*.md"):
        assert HELD_START not in page.read_text(encoding="utf-8")


def test_author_text_is_taken_out_only_when_another_plugin_reads_the_markdown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Taking the text out and putting it back is for the other readers of `on_page_markdown`:
    without one it is skipped (a tenth of a second per 300 pages), and the pages are the same."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from mkdocs_playbooks.engines import neighbours

    from .conftest import playbook, write_site

    taken: list[str] = []

    def counted(markdown: str) -> tuple[str, list[str]]:
        taken.append(markdown)
        return take_out(markdown)

    monkeypatch.setattr(neighbours, "take_out", counted)
    text = playbook("Piège", "piege").replace("why: Parce que **ça compte**.",
                                                       'why: "{{ 6*7 }} --8<-- .env"')
    pages = {}
    for name, extra in (("alone", ""), ("hooked", "hooks:\n  - hook.py\n")):
        site = write_site(tmp_path / name, {"piege.yml": text}, extra_config=extra)
        config = site / "mkdocs.yml"  # without Material's tags, which reads the Markdown
        config.write_text(config.read_text(encoding="utf-8").replace("  - tags\n", ""),
                          encoding="utf-8")
        (site / "hook.py").write_text("def on_page_markdown(markdown, **kwargs):\n"
                                      "    return markdown\n", encoding="utf-8")
        taken.clear()
        mkdocs_build(load_config(str(site / "mkdocs.yml"), site_dir=str(site / "site")))
        pages[name] = (site / "site" / "playbooks" / "piege" / "index.html").read_text(
            encoding="utf-8")
        assert bool(taken) == (name == "hooked")
    assert pages["alone"] == pages["hooked"]
    assert "{{ 6*7 }}" in pages["alone"]
    assert not {HELD_START, HELD_END} & set(pages["alone"])


# ---- the pieces --------------------------------------------------------------------------------

def test_held_text_is_out_while_other_plugins_read_and_back_after() -> None:
    page = f"# {held('{{ x }}')}\n\nours {held('--8<-- a')} and {held(held('b'))}\n"
    out, texts = take_out(page)
    assert "{{" not in out
    assert "8<-" not in out
    assert texts == ["{{ x }}", "--8<-- a", "b"]
    assert put_back(out, texts) == (unheld(page), 0)
    assert put_back(out.replace(f"{HELD_START}1{HELD_END}", ""), texts)[1] == 1


def test_snippets_escape_is_added_only_to_lines_snippets_reads() -> None:
    from pymdownx.snippets import SnippetPreprocessor

    text = '--8<-- ".env"\n;--8<-- ".env"\nsee --8<-- ".env"\nx --8<-- [start:a] y\nplain'
    assert snippet_proof(text, SnippetPreprocessor) == (
        ';--8<-- ".env"\n;;--8<-- ".env"\nsee --8<-- ".env"\nx ;--8<-- [start:a] y\nplain')


def test_every_generated_page_tells_mkdocs_macros_to_leave_it_alone(tmp_path: Path) -> None:
    """Every page kind, and under `serve` the pages showing a file's errors (a page that last
    built, a page for a file that never did)."""
    import datetime

    from mkdocs_playbooks.core.loading import load_site
    from mkdocs_playbooks.core.settings import PhaseDef, Settings
    from mkdocs_playbooks.output.i18n import Strings
    from mkdocs_playbooks.output.pages import site_pages
    from mkdocs_playbooks.output.problem_pages import pages_with_problems

    site_dir = neighbour_site(tmp_path, "reference")
    (site_dir / "playbooks" / "casse.yml").write_text("title: [\n", encoding="utf-8")
    (site_dir / "playbooks" / "abimee.yml").write_text("title: A\nphases: 3\n", encoding="utf-8")
    settings = Settings(root=site_dir, dir=site_dir / "playbooks",
                        framework=(PhaseDef("listen"), PhaseDef("engage"), PhaseDef("adapt")),
                        today=datetime.date(2026, 11, 27), language="fr")
    site = load_site(settings)
    pages = list(site_pages(site, settings))
    shown = pages_with_problems(site, pages, {}, Strings("fr"))
    assert {page.uri for page in shown} > {page.uri for page in pages}
    for page in shown:
        front = page.markdown.split("\n---\n", 1)[0]
        assert page.markdown.startswith("---\n"), page.uri
        assert "\nrender_macros: false" in front, page.uri
