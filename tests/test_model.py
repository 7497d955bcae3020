"""Model, checks and rendering units."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from mkdocs_playbooks.core.checks import _add_months
from mkdocs_playbooks.core.loader import load_text
from mkdocs_playbooks.core.loading import build_site, load_site
from mkdocs_playbooks.core.model import Assessment, Playbook
from mkdocs_playbooks.core.settings import PhaseDef, Settings, framework_problems
from mkdocs_playbooks.core.validate import slugify, to_model
from mkdocs_playbooks.engines.config import read_settings
from mkdocs_playbooks.output.i18n import STRINGS, Strings, unknown_keys
from mkdocs_playbooks.output.pages import render_playbook
from mkdocs_playbooks.output.pages.markup import plain, unheld

from .conftest import REPO

FRAMEWORK = [PhaseDef("listen", "Écouter"), PhaseDef("engage", "Engager")]
TODAY = datetime.date(2026, 11, 27)


def model_of(text: str) -> Playbook | Assessment:
    model, problems = to_model(load_text(text, "f.yml"))
    assert not problems, problems
    assert model is not None
    return model


def test_defaults_are_filled() -> None:
    model = model_of("title: A\nphases:\n  - phase: listen\n    plays:\n"
                     "      - {id: a, title: A}\n")
    assert isinstance(model, Playbook)
    assert model.kind == "playbook"
    assert model.tags == []
    assert model.phases[0].plays[0].checklist == []


def test_text_is_kept_as_typed_and_true_false_are_not_text() -> None:
    model = model_of("title: 0755\nowner: 1.10\ntags: [0x1F, yes, No, on]\nphases:\n"
                     "  - phase: listen\n    plays:\n      - {id: a, title: A, duration: 1:30}\n")
    assert isinstance(model, Playbook)
    assert (model.title, model.owner, model.tags) == ("0755", "1.10", ["0x1F", "yes", "No", "on"])
    assert model.phases[0].plays[0].duration == "1:30"
    _, problems = to_model(load_text("title: false\nphases: []\n", "f.yml"))
    assert any("must be text, found false" in problem.message for problem in problems)


def test_id_defaults_to_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "mon-guide.yml"
    path.write_text("title: A\nphases:\n  - phase: listen\n    plays:\n"
                    "      - {id: a, title: A}\n")
    site = build_site([path], FRAMEWORK, root=tmp_path, today=TODAY)
    assert list(site.playbooks) == ["mon-guide"]
    assert site.problems == []


def test_find_play() -> None:
    site = load_site(read_settings(REPO / "mkdocs.yml"))
    found = site.find_play("ecoute-sociale/cartographier-territoires")
    assert found is not None
    assert found.play.id == "cartographier-territoires"
    assert found.playbook_id == "ecoute-sociale"
    assert site.find_play("ecoute-sociale/nothing") is None
    assert site.find_play("nothing/cartographier-territoires") is None


@pytest.mark.parametrize(("day", "months", "due"), [
    (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
    (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
    (datetime.date(2026, 9, 30), 12, datetime.date(2027, 9, 30)),
    (datetime.date(2026, 11, 15), 3, datetime.date(2027, 2, 15)),
])
def test_review_due_dates(day: datetime.date, months: int, due: datetime.date) -> None:
    assert _add_months(day, months) == due


def test_review_is_due_only_after_the_due_date(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: A\nreviewed: 2026-01-31\nreview_months: 1\nphases:\n"
                    "  - phase: listen\n    plays:\n      - {id: a, title: A}\n")
    on_time = build_site([path], FRAMEWORK, root=tmp_path, today=datetime.date(2026, 2, 28))
    late = build_site([path], FRAMEWORK, root=tmp_path, today=datetime.date(2026, 3, 1))
    assert on_time.problems == []
    assert [p.severity.value for p in late.problems] == ["note"]


@pytest.mark.parametrize(("text", "slug"), [
    ("Écoute Sociale", "ecoute-sociale"),
    ("Cartographier_Territoires", "cartographier-territoires"),
    ("  --A  b--", "a-b"), ("???", ""),
])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_framework_problems() -> None:
    assert framework_problems([PhaseDef("listen", "L")]) == []
    assert len(framework_problems([PhaseDef("Listen", "L"), PhaseDef("Listen", "L")])) == 3
    assert framework_problems([]) == ["the framework needs at least one phase"]


def test_strings_fall_back_to_english_and_accept_overrides() -> None:
    assert Strings("fr")("play.why") == "Pourquoi"
    assert Strings("fr-CA")("play.why") == "Pourquoi"
    assert Strings("ja")("play.why") == "Why"  # no words file for Japanese: English
    assert Strings("fr", {"fr": {"play.why": "Enjeux"}})("play.why") == "Enjeux"
    assert unknown_keys({"fr": {"play.wy": "x", "play.why": "y"}}) == ["play.wy"]


def test_every_language_has_every_string() -> None:
    for table in STRINGS.values():
        assert set(table) == set(STRINGS["en"])


def test_plain_text_is_escaped_for_markdown_and_html() -> None:
    assert unheld(plain("<b>*x*</b> [a](b) #1 {#id}")) == (
        "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\](b) \\#1 \\{\\#id\\}")


def test_render_uses_the_playbook_language_and_stable_anchors(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_text("title: A\nlang: en\nphases:\n  - phase: listen\n    plays:\n"
                    "      - id: first\n        title: First\n        why: Because.\n"
                    "        checklist:\n          - {id: step, text: Do **it**}\n")
    settings = Settings(root=tmp_path, dir=tmp_path, framework=(PhaseDef("listen"),),
                        today=TODAY, language="fr")
    site = load_site(settings, [path])
    markdown = unheld(render_playbook(site.view(site.playbooks["a"]), settings.for_pages()))
    assert '<div lang="en" markdown>' in markdown
    assert "### First {: #first }" in markdown
    assert '<p class="pb-label">Why</p>' in markdown
    assert '<label for="pb-item-step">Do **it**</label>' in markdown
    assert "## Listen {: #pb-phase-listen }" in markdown  # built-in title, in the page's language


def test_an_assessment_holds_no_more_questions_than_a_share_link(tmp_path: Path) -> None:
    questions = "".join(
        f"      - {{id: q{n}, text: Q{n}, choices: [{{id: a, text: A, score: 0}}, "
        f"{{id: b, text: B, score: 1}}]}}\n" for n in range(2001))
    path = tmp_path / "long.yml"
    path.write_text("kind: assessment\ntitle: Long\nlevels:\n  - {id: l, title: L, min: 0}\n"
                    "dimensions:\n  - id: d\n    title: D\n    questions:\n" + questions)
    site = build_site([path], FRAMEWORK, root=tmp_path, today=TODAY)
    assert [str(problem) for problem in site.problems] == [
        "long.yml:5:1: error: 2,001 questions, over the limit of 2,000 (a share link holds one "
        "character a question) (split it into several assessments)"]
