"""The workshop kit: made from the site's own assessments and playbooks, in each language built,
the same in both editions."""

from __future__ import annotations

import dataclasses
import html
import posixpath
import re
import shlex
from pathlib import Path

import pytest

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.core.settings import Settings
from mkdocs_playbooks.engines.cli import main
from mkdocs_playbooks.engines.config import read_settings
from mkdocs_playbooks.output.pages import WORKSHOP_URI, site_pages
from mkdocs_playbooks.output.pages.markup import unheld

from .conftest import REPO

SETTINGS = read_settings(REPO / "mkdocs.yml")
SITE = load_site(SETTINGS)


def kit(settings: Settings) -> str:
    pages = {page.uri: page for page in site_pages(SITE, settings)}
    return unheld(pages[WORKSHOP_URI].markdown)


def in_language(language: str, *, facilitator: bool = False) -> Settings:
    return dataclasses.replace(SETTINGS, build_language=language, facilitator=facilitator,
                               built_languages=("fr", "en"))


@pytest.mark.parametrize(("language", "assessment", "words"), [
    ("fr", "maturite-social-media", ("Kit d'atelier", "23 questions, 6 dimensions",
                                     "5 fiches annotées", "un par participant")),
    ("en", "social-media-maturity", ("Workshop kit", "23 questions, 6 dimensions",
                                     "5 plays with notes", "one each")),
])
def test_the_kit_counts_the_sites_own_questions_plays_and_notes(
    language: str, assessment: str, words: tuple[str, ...]
) -> None:
    text = html.unescape(kit(in_language(language)))
    for word in words:
        assert word in text
    assert SITE.assessments[assessment].model.title in text
    playbooks = [entry for key, entry in SITE.playbooks.items()
                 if SITE.lang_of(entry) == language]
    assert len(playbooks) == 5
    for entry in playbooks:
        assert entry.model.title in text
        for phase in entry.model.phases:
            for play in phase.plays:
                # each play, with its duration as its author wrote it, linked to its place
                row = re.search(rf'#{play.id}">{re.escape(html.escape(play.title))}</a></td>'
                                r"<td>([^<]*)</td>", kit(in_language(language)))
                assert row is not None, play.id
                assert html.unescape(row.group(1)) == play.duration


def test_the_kits_links_lead_to_generated_pages() -> None:
    pages = {page.uri for page in site_pages(SITE, in_language("fr"))}
    links = re.findall(r'<a href="([^"#]+)[^"]*"([^>]*)>', kit(in_language("fr")))
    targets = {target for target, rest in links if "hreflang" not in rest}
    assert len(targets) == 6  # the five playbooks and the self-assessment
    for target in targets:
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(WORKSHOP_URI), target))
        assert uri.removesuffix(".html") + ".md" in pages, target


def test_the_kit_is_the_same_in_both_editions() -> None:
    """It holds no note: the facilitator edition prints it as the participants' does."""
    assert kit(in_language("fr", facilitator=True)) == kit(in_language("fr"))
    assert "data-pb-facilitator" not in kit(in_language("fr", facilitator=True))


def test_the_kits_commands_run_as_written_on_the_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The team results' commands, template to team report, with one typed sheet between."""
    page = html.unescape(kit(in_language("fr")))
    block = re.search(r"<pre><code>(.*?)</code></pre>", page, re.DOTALL)
    assert block is not None
    commands = [shlex.split(line.replace("…", "Équipe")) for line in block.group(1).splitlines()]
    assert [command[:2] for command in commands] == [["playbooks", "paper"]] * 2 + [
        ["playbooks", "aggregate"]]
    monkeypatch.chdir(REPO)
    for n, command in enumerate(commands):
        arguments = [str(tmp_path / a) if a.startswith(("sheets", "results", "report")) else a
                     for a in command[1:]]
        if n == 2:  # the shell's glob
            arguments[1:2] = map(str, (tmp_path / "results").glob("*.json"))
        assert main(arguments) == 0, command
        if n == 0:
            with (tmp_path / "sheets.csv").open("a", encoding="utf-8") as sheets:
                sheets.write("A;2026-12-03;" + ";".join(["1"] * 23) + "\n")
    assert (tmp_path / "report" / "team-report.html").is_file()
