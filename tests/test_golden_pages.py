"""Golden pages: each folder under golden/pages holds playbooks (and the plugin options in
`options.yml`); `expected/` holds the Markdown of every page generated from them, the texts held
from other plugins between ⟦ and ⟧; `expected-html/` holds the HTML content of each page as a
build makes it (the demo's Markdown extensions, the plugin's events, sanitising; `in_process`),
made in process. A change to a page's shape shows as a diff of these files: review it, then
`make golden` (`pytest --update-golden`) rewrites them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.config import make_settings, validate_options
from mkdocs_playbooks.output.pages import site_pages
from mkdocs_playbooks.output.pages.markup import HELD_END, HELD_START

from .in_process import demo_extensions, rendered, site_config

CASES_DIR = Path(__file__).parent / "golden" / "pages"
CASES = sorted(path for path in CASES_DIR.iterdir() if path.is_dir())


def case_spec(case: Path) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((case / "options.yml").read_text(encoding="utf-8"))
    return spec


def generated(case: Path) -> dict[str, str]:
    settings_file = case / "options.yml"
    spec = case_spec(case)
    options = validate_options(spec.get("options") or {}, settings_file)
    settings = make_settings(options, root=case, language=spec["language"])
    site = load_site(settings)
    assert site.errors == [], site.errors
    return {page.uri: page.markdown for page in site_pages(site, settings)}


def shown(markdown: str) -> str:
    """The held texts (`markup.held`) between visible marks: what other plugins never read."""
    return markdown.replace(HELD_START, "⟦").replace(HELD_END, "⟧")


def html_pages(case: Path) -> dict[str, str]:
    """The HTML content of each generated page, by the path of its expected file."""
    spec = case_spec(case)
    options = {**(spec.get("options") or {}), "cache": False}  # nothing written in the case
    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder) / "docs"
        docs.mkdir()
        config = site_config(case, docs, options=options, language=spec["language"],
                             extensions=demo_extensions())
        pages = rendered(config)
    return {uri.removesuffix(".md") + ".html": html + "\n" for uri, html in pages.items()}


def check_golden(pages: dict[str, str], expected_dir: Path, suffix: str, update: bool) -> None:
    """`pages` (by path under `expected_dir`) equal its files, or written there if `update`."""
    if update:
        for old in expected_dir.rglob(f"*{suffix}"):
            old.unlink()
        for path, text in pages.items():
            (expected_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / path).write_text(text, encoding="utf-8")
    expected = {path.relative_to(expected_dir).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(expected_dir.rglob(f"*{suffix}"))}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], f"{expected_dir}/{path} differs"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_generated_pages_equal_the_expected_ones(case: Path, update_golden: bool) -> None:
    pages = {uri: shown(markdown) for uri, markdown in generated(case).items()}
    check_golden(pages, case / "expected", ".md", update_golden)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_html_of_generated_pages_equals_the_expected_one(case: Path,
                                                             update_golden: bool) -> None:
    check_golden(html_pages(case), case / "expected-html", ".html", update_golden)


def test_the_cases_cover_every_page_kind() -> None:
    seen = {uri.split("/")[0] + ("/progress" if "progress" in uri else "")
            for case in CASES for uri in generated(case)}
    assert seen == {"playbooks", "playbooks/progress", "assessments"}
