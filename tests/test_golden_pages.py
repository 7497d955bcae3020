"""Golden pages: each folder under golden/pages holds playbooks (and the plugin options in
`options.yml`); `expected/` holds the Markdown of every page generated from them, the texts held
from other plugins between ⟦ and ⟧. A change to a
page's shape shows as a diff of these files: review it, then `pytest --update-golden` rewrites them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.config import make_settings, validate_options
from mkdocs_playbooks.output.pages import site_pages
from mkdocs_playbooks.output.pages.markup import HELD_END, HELD_START

CASES_DIR = Path(__file__).parent / "golden" / "pages"
CASES = sorted(path for path in CASES_DIR.iterdir() if path.is_dir())


def generated(case: Path) -> dict[str, str]:
    settings_file = case / "options.yml"
    spec = yaml.safe_load(settings_file.read_text(encoding="utf-8"))
    options = validate_options(spec.get("options") or {}, settings_file)
    settings = make_settings(options, root=case, language=spec["language"])
    site = load_site(settings)
    assert site.errors == [], site.errors
    return {page.uri: page.markdown for page in site_pages(site, settings)}


def shown(markdown: str) -> str:
    """The held texts (`markup.held`) between visible marks: what other plugins never read."""
    return markdown.replace(HELD_START, "⟦").replace(HELD_END, "⟧")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_generated_pages_equal_the_expected_ones(case: Path, update_golden: bool) -> None:
    pages = {uri: shown(markdown) for uri, markdown in generated(case).items()}
    expected_dir = case / "expected"
    if update_golden:
        for old in expected_dir.rglob("*.md"):
            old.unlink()
        for uri, markdown in pages.items():
            (expected_dir / uri).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / uri).write_text(markdown, encoding="utf-8")
    expected = {path.relative_to(expected_dir).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(expected_dir.rglob("*.md"))}
    assert sorted(pages) == sorted(expected)
    for uri, markdown in pages.items():
        assert markdown == expected[uri], f"{case.name}/expected/{uri} differs"


def test_the_cases_cover_every_page_kind() -> None:
    seen = {uri.split("/")[0] + ("/progress" if "progress" in uri else "")
            for case in CASES for uri in generated(case)}
    assert seen == {"playbooks", "playbooks/progress", "assessments"}
