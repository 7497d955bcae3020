"""The index and progress pages of a large site, split into pages linked by a pager."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from pathlib import Path

import pytest

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.config import ConfigFileError, default_settings, validate_options
from mkdocs_playbooks.output.pages import site_pages
from mkdocs_playbooks.output.pages.markup import unheld

from .conftest import build, playbook, write_site
from .test_build import nav_of

COUNT = 25
IDS = [f"p{n:02}" for n in range(1, COUNT + 1)]


def many_playbooks() -> dict[str, str]:
    return {f"{id_}.yml": playbook(f"Playbook {id_}", id_) for id_ in IDS}


def cards(html: str) -> list[str]:
    return re.findall(r'<article class="pb-card" data-pb-playbook="([^"]+)"', html)


def pager_targets(html: str) -> list[str]:
    pager = re.search(r'<nav ([^>]*pb-pager[^>]*)>(.*?)</nav>', html, re.S)
    assert pager is not None
    assert 'class="pb-pager"' in pager.group(1)
    assert 'aria-label="Pages de cette liste"' in pager.group(1)
    return re.findall(r'href="([^"]+)"', pager.group(2))


@pytest.fixture(scope="module")
def paginated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("paginated"), many_playbooks(),
                      options=":\n      listing_page_size: 10")
    result = build(root)
    assert result.result.returncode == 0, result.result.stderr
    return root / "site"


@pytest.mark.parametrize("first", ["playbooks", "playbooks/progress"])
def test_a_long_listing_is_split_into_pages_linked_by_a_pager(paginated: Path,
                                                               first: str) -> None:
    folders = [first, f"{first}/page/2", f"{first}/page/3"]
    assert not (paginated / first / "page" / "4").exists()
    pages = {folder: (paginated / folder / "index.html").read_text(encoding="utf-8")
             for folder in folders}
    assert [cards(html) for html in pages.values()] == [IDS[:10], IDS[10:20], IDS[20:]]
    for folder, html in pages.items():
        targets = pager_targets(html)
        assert targets
        for target in targets:  # every link of the pager leads to a page of the listing
            reached = posixpath.normpath(posixpath.join(folder, target))
            assert reached in folders, (folder, target)
            assert (paginated / reached / "index.html").is_file()
        assert re.search(r'<strong aria-current="page">\d</strong>', html)
        assert "page/2" not in nav_of(html)  # reached by the pager, not the navigation
    assert "Page suivante" in pages[first]
    assert "Page précédente" not in pages[first]
    assert "Page précédente" in pages[folders[2]]
    assert "Page suivante" not in pages[folders[2]]
    assert re.search(r"<h1[^>]*>[^<]*, page 2 sur 3", pages[folders[1]])


def test_the_progress_pages_stay_out_of_the_search_index(paginated: Path) -> None:
    index = json.loads((paginated / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert "playbooks/page/2/" in locations
    assert not any(location.startswith("playbooks/progress/") for location in locations)


def settings_for(root: Path, size: int) -> tuple[list[str], list[str]]:
    """The paths of the index's pages and of the progress pages with a page size of `size`."""
    settings = dataclasses.replace(default_settings(root), listing_page_size=size)
    uris = [page.uri for page in site_pages(load_site(settings), settings)
            if page.source is None and page.uri != "playbooks/workshop/index.md"]
    return ([uri for uri in uris if not uri.startswith("playbooks/progress/")],
            [uri for uri in uris if uri.startswith("playbooks/progress/")])


def test_a_page_size_of_0_or_more_than_the_documents_keeps_one_page(tmp_path: Path) -> None:
    root = write_site(tmp_path, many_playbooks())
    one = (["playbooks/index.md"], ["playbooks/progress/index.md"])
    assert settings_for(root, 0) == one
    assert settings_for(root, COUNT) == one
    assert settings_for(root, COUNT - 1)[1] == ["playbooks/progress/index.md",
                                                "playbooks/progress/page/2/index.md"]


ASSESSMENT = """\
kind: assessment
title: Maturité
levels:
  - {id: bas, title: Bas, min: 0}
dimensions:
  - id: dim
    phase: listen
    title: Dim
    questions:
      - id: q
        text: Q ?
        choices:
          - {id: non, text: Non, score: 0}
          - {id: oui, text: Oui, score: 1}
"""


def test_assessments_follow_the_playbooks_across_pages(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"a.yml": playbook("A", "a"), "b.yml": playbook("B", "b"),
                                 "c.yml": playbook("C", "c"), "z.yml": ASSESSMENT})
    settings = dataclasses.replace(default_settings(root), listing_page_size=2)
    pages = {page.uri: dataclasses.replace(page, markdown=unheld(page.markdown))
             for page in site_pages(load_site(settings), settings)}
    second = pages["playbooks/page/2/index.md"]
    assert cards(second.markdown) == ["c"]
    assert "[Maturité](../../../assessments/z/index.md)" in second.markdown
    assert "Maturité" not in pages["playbooks/index.md"].markdown
    progress = pages["playbooks/progress/page/2/index.md"].markdown
    assert 'data-pb-assessment="z"' in progress
    assert progress.startswith("---\nsearch:\n  exclude: true\nrender_macros: false\n---")
    assert not second.in_nav
    assert pages["playbooks/index.md"].in_nav


def test_a_negative_page_size_is_refused() -> None:
    with pytest.raises(ConfigFileError, match=r"listing_page_size.*0 or more"):
        validate_options({"listing_page_size": -1}, None)
