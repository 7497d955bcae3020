"""Small fixture sites built by the real MkDocs: options, nav, failures, themes. What a page's
content says under an option is read in process (`in_process.rendered_pages`), without a build."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from .conftest import build, playbook, write_site
from .in_process import rendered_pages

BROKEN = """\
titel: Cassé
phases:
  - phase: lisen
    plays: []
"""


def nav_of(html: str) -> str:
    start = html.index("md-nav--primary")
    return html[start:html.index('class="md-content"', start)]


def test_pages_are_generated_in_memory(simple_site: Path) -> None:
    result = build(simple_site)
    assert result.result.returncode == 0, result.result.stderr
    assert (result.site / "playbooks" / "alpha" / "index.html").is_file()
    assert (result.site / "playbooks" / "index.html").is_file()
    assert not (simple_site / "docs" / "playbooks").exists()
    assert (result.site / "assets" / "playbooks" / "playbooks.css").is_file()


def test_invalid_content_fails_the_build_with_located_messages(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"casse.yml": BROKEN})
    result = build(site)
    assert result.result.returncode == 1
    stderr = result.result.stderr
    assert "playbooks/casse.yml:1:1: error: unknown key 'titel' in the playbook " \
           "(did you mean 'title'?)" in stderr
    assert "Traceback" not in stderr
    assert not (site / "site").exists()


def test_a_failed_build_leaves_the_previous_site_untouched(simple_site: Path) -> None:
    assert build(simple_site).result.returncode == 0
    before = (simple_site / "site" / "playbooks" / "alpha" / "index.html").read_text()
    (simple_site / "playbooks" / "alpha.yml").write_text(BROKEN, encoding="utf-8")
    assert build(simple_site).result.returncode == 1
    after = (simple_site / "site" / "playbooks" / "alpha" / "index.html").read_text()
    assert after == before


def test_a_docs_file_in_the_way_of_a_generated_page_is_an_error(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"alpha.yml": playbook("Alpha", "alpha")}, docs={
        "index.md": "# Accueil\n", "playbooks/alpha/index.md": "# Mine\n"})
    result = build(site)
    assert result.result.returncode == 1
    assert "playbooks/alpha/index.md" in result.result.stderr
    assert "rename or move it" in result.result.stderr
    assert "Traceback" not in result.result.stderr


def test_a_docs_page_with_the_url_of_a_generated_page_is_an_error(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"alpha.yml": playbook("Alpha", "alpha")}, docs={
        "index.md": "# Accueil\n", "playbooks/alpha.md": "# Mine\n"})
    result = build(site)
    assert result.result.returncode == 1
    assert "docs/playbooks/alpha.md: this file takes the place of a page" in result.result.stderr


def test_facilitator_edition_shows_the_notes(tmp_path: Path) -> None:
    options = ":\n      edition: facilitator"
    site = write_site(tmp_path, {"alpha.yml": playbook("Alpha", "alpha")}, options=options)
    html = rendered_pages(site)["playbooks/alpha"]
    assert "Note secrète pour l'animateur." in html
    assert "<p class=\"pb-label\">Notes pour l'animateur</p>" in html


def test_participant_edition_hides_the_notes(simple_site: Path) -> None:
    html = rendered_pages(simple_site)["playbooks/alpha"]
    assert "Note secrète" not in html
    assert 'class="pb-checklist"' in html  # the page is there, without the notes


def test_auto_nav_gets_one_section_listing_the_playbooks(simple_site: Path) -> None:
    nav = nav_of(build(simple_site).page(""))
    assert nav.count('href="playbooks/"') == 1
    assert 'href="playbooks/alpha/"' in nav
    assert 'href="playbooks/beta/"' in nav


def test_nav_limit_keeps_only_the_index_in_the_nav(tmp_path: Path) -> None:
    playbooks = {f"p{n}.yml": playbook(f"P{n}", f"p{n}") for n in range(5)}
    site = write_site(tmp_path, playbooks, options=":\n      nav_limit: 3")
    result = build(site)
    assert result.result.returncode == 0, result.result.stderr
    for page in ("", "playbooks/p0"):
        nav = nav_of(result.page(page))
        assert not re.search(r'href="[./]*(playbooks/)?p\d/"', nav), page
    assert 'href="p3/"' in result.page("playbooks")


def test_explicit_nav_places_the_section_where_the_index_is(simple_site: Path) -> None:
    config = simple_site / "mkdocs.yml"
    config.write_text(config.read_text() + "nav:\n  - Mes guides: playbooks/index.md\n"
                      "  - Accueil: index.md\n", encoding="utf-8")
    result = build(simple_site)
    assert result.result.returncode == 0, result.result.stderr
    nav = nav_of(result.page(""))
    assert nav.index("Mes guides") < nav.index('href="playbooks/alpha/"') < nav.index("Accueil")
    assert "not included in the" not in result.result.stderr


def test_plain_mkdocs_theme_builds(simple_site: Path) -> None:
    config = simple_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("name: material", "name: mkdocs")
                      .replace("  - tags\n", ""), encoding="utf-8")
    result = build(simple_site)
    assert result.result.returncode == 0, result.result.stderr
    assert 'type="checkbox"' in result.page("playbooks/alpha")


def test_default_framework_titles_follow_the_site_language(tmp_path: Path) -> None:
    english = write_site(tmp_path / "en", {"a.yml": playbook("A", "a")}, language="en")
    french = write_site(tmp_path / "fr", {"a.yml": playbook("A", "a")}, language="fr")
    assert ">Listen</h2>" in re.sub(r"<a[^>]*>.*?</a>", "", rendered_pages(english)["playbooks/a"])
    assert ">Écouter</h2>" in re.sub(r"<a[^>]*>.*?</a>", "", rendered_pages(french)["playbooks/a"])


def test_custom_framework_and_strings(tmp_path: Path) -> None:
    options = """:
      framework:
        - {id: discover, title: Découvrir}
        - {id: listen}
      strings:
        fr: {"play.why": "Enjeux"}"""
    site = write_site(tmp_path, {"a.yml": playbook("A", "a")}, options=options)
    html = rendered_pages(site)["playbooks/a"]
    assert ">Enjeux</p>" in html
    assert ">Écouter" in html  # a default phase keeps its built-in title


def test_unknown_phase_of_a_custom_framework_is_reported(tmp_path: Path) -> None:
    options = ":\n      framework:\n        - {id: discover}"
    site = write_site(tmp_path, {"a.yml": playbook("A", "a")}, options=options)
    result = build(site)
    assert result.result.returncode == 1
    expected = "playbooks/a.yml:5:12: error: unknown phase 'listen' (expected one of: 'discover')"
    assert expected in result.result.stderr


def test_overdue_review_is_a_note_unless_strict_reviews(tmp_path: Path) -> None:
    old = playbook("A", "a") + "reviewed: 2020-01-31\nreview_months: 6\n"
    relaxed = build(write_site(tmp_path / "relaxed", {"a.yml": old}))
    assert relaxed.result.returncode == 0, relaxed.result.stderr
    assert "note: review due since 2020-07-31" in relaxed.result.stderr
    assert 'class="pb-review-due"' in relaxed.page("playbooks/a")
    strict = build(write_site(tmp_path / "strict", {"a.yml": old},
                              options=":\n      strict_reviews: true"))
    assert strict.result.returncode == 1
    assert "warning: review due since 2020-07-31" in strict.result.stderr


def test_text_fields_cannot_inject_markup(tmp_path: Path) -> None:
    hostile = """\
    title: "<script>alert(1)</script> & co"
    tags: ["<b>x</b>"]
    phases:
      - phase: listen
        plays:
          - id: a
            title: "<img src=x onerror=alert(1)>"
            duration: "<i>5</i> min"
            metrics:
              - {id: m, name: "<u>m</u>", formula: "a | b", target: "<2"}
    """
    result = build(write_site(tmp_path, {"a.yml": hostile}))
    assert result.result.returncode == 0, result.result.stderr
    for page in ("playbooks/a", "playbooks", ""):  # title and nav of every page, not only text
        html = result.page(page)
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b>x</b>" not in html
    html = result.page("playbooks/a")
    assert "<i>5</i>" not in html
    assert "&lt;u&gt;m&lt;/u&gt;" in html
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_init_site_builds_strictly(tmp_path: Path) -> None:
    from mkdocs_playbooks.engines.cli import main

    assert main(["init", str(tmp_path / "new")]) == 0
    result = build(tmp_path / "new")
    assert result.result.returncode == 0, result.result.stderr
    assert (result.site / "playbooks" / "first-playbook" / "index.html").is_file()
    assert (result.site / "assessments" / "self-assessment" / "index.html").is_file()
    # What the build made (the site, the plugin's cache) is kept out of version control:
    assert (tmp_path / "new" / ".cache" / "playbooks").is_dir()
    ignored = (tmp_path / "new" / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"site/", ".cache/"} <= set(ignored)


def test_a_docs_file_in_the_way_keeps_the_previous_site(simple_site: Path) -> None:
    assert build(simple_site).result.returncode == 0
    before = (simple_site / "site" / "playbooks" / "alpha" / "index.html").read_text()
    (simple_site / "docs" / "playbooks").mkdir()
    (simple_site / "docs" / "playbooks" / "beta.md").write_text("# Mine\n")
    result = build(simple_site)
    assert result.result.returncode == 1
    assert "docs/playbooks/beta.md: this file takes the place of a page" in result.result.stderr
    assert (simple_site / "site" / "playbooks" / "alpha" / "index.html").read_text() == before


def test_a_missing_playbooks_folder_is_named(tmp_path: Path) -> None:
    site = write_site(tmp_path, {}, options=":\n      dir: contenu")
    result = build(site)
    assert result.result.returncode == 1
    assert f"no playbooks folder at {tmp_path / 'contenu'}" in result.result.stderr
    assert "Traceback" not in result.result.stderr
    assert "contenu:1:1" not in result.result.stderr


def test_a_file_name_cannot_put_markup_in_the_edit_link(tmp_path: Path) -> None:
    name = 'x" onmouseover="alert(1) é.yml'
    site = write_site(tmp_path, {name: "id: x\n" + playbook("X", "x")},
                      extra_config="repo_url: https://example.org/r\nedit_uri: edit/main/docs/\n")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "font: false", "font: false\n  features: [content.action.edit]"))
    result = build(site)
    assert result.result.returncode == 0, result.result.stderr
    html = result.page("playbooks/x")
    assert "onmouseover" not in html.replace("%22%20onmouseover", "")
    quoted = "x%22%20onmouseover%3D%22alert%281%29%20%C3%A9.yml"
    assert f'href="https://example.org/r/edit/main/playbooks/{quoted}"' in html


def test_both_editions_in_one_go_and_the_facilitator_one_cannot_be_mistaken(
    simple_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_playbooks.engines.cli import main

    monkeypatch.chdir(simple_site)
    assert main(["editions", "-d", "out"]) == 0
    participant = (simple_site / "out" / "participant" / "playbooks" / "alpha" / "index.html")
    facilitator = (simple_site / "out" / "facilitator" / "playbooks" / "alpha" / "index.html")
    assert "Note secrète" not in participant.read_text()
    assert "pb-edition-banner" not in participant.read_text()
    assert "Note secrète pour l'animateur." in facilitator.read_text()
    # the warning on the pages with notes; on every other page (docs pages and the 404 page
    # too), a line that says it is the participants' page, shown on screen only
    warning = "Édition animateur : ces pages contiennent des notes"
    same = "identique dans l'édition"
    for page in (simple_site / "out" / "facilitator").rglob("*.html"):
        text = page.read_text()
        notes = "data-pb-facilitator" in text
        assert (warning in text) == notes, page
        assert (same in html.unescape(text)) == (not notes), page
    assert warning in facilitator.read_text()
    assert "edition: participant" not in (simple_site / "mkdocs.yml").read_text()  # untouched
