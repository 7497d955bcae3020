"""The demo site at the repository root: a strict build and what its pages contain."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.config import read_settings

from .conftest import REPO, Build, build


class Elements(HTMLParser):
    """Collects start tags with their attributes, and the text of each label/legend by id."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self.texts: list[tuple[str, dict[str, str], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        self.tags.append((tag, attributes))
        if tag in ("label", "legend"):
            self._open.append((tag, attributes, []))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            name, attributes, parts = self._open.pop()
            self.texts.append((name, attributes, " ".join("".join(parts).split())))

    def handle_data(self, data: str) -> None:
        for _, _, parts in self._open:
            parts.append(data)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [attributes for name, attributes in self.tags if name == tag
                and all(attributes.get(key.rstrip("_")) == value
                        for key, value in wanted.items())]


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site_dir = tmp_path_factory.mktemp("demo") / "site"
    result = build(REPO, "-d", str(site_dir))
    assert result.result.returncode == 0, result.result.stderr
    return Build(site_dir.parent, result.result)


@pytest.fixture(scope="module")
def content() -> dict[str, object]:
    site = load_site(read_settings(REPO / "mkdocs.yml"))
    assert not site.errors
    originals = {key: entry for key, entry in site.playbooks.items()
                 if not site.is_translation(key)}
    assessments = {key: entry for key, entry in site.assessments.items()
                   if not site.is_translation(key)}
    return {"playbooks": originals, "assessments": assessments,
            "translations": dict(site.translation_of)}


def test_demo_builds_without_warning(demo: Build) -> None:
    assert "WARNING" not in demo.result.stderr
    assert "Traceback" not in demo.result.stderr


def test_no_mark_of_held_text_reaches_a_page(demo: Build) -> None:
    """The marks around the authors' text (`markup.held`) are gone from every page written,
    the plugin's and those of `docs/` it marks with their language."""
    pages = list(demo.site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "\x02" not in text, page
        assert "\x03" not in text, page


def test_demo_content_covers_the_framework(content: dict[str, object]) -> None:
    playbooks = content["playbooks"]
    assert isinstance(playbooks, dict)
    french = [e for e in playbooks.values() if e.model.lang == "fr"]
    assert len(french) >= 4
    # the demo is whole in both languages: every original has its English translation
    translated = {original for translation, original
                  in content["translations"].items()}  # type: ignore[attr-defined]
    assert translated == set(playbooks) | set(content["assessments"])  # type: ignore[arg-type]
    phases = {phase.phase for e in french for phase in e.model.phases}
    assert phases == {"listen", "engage", "adapt"}
    assert all(e.model.sources for e in playbooks.values())
    (assessment,) = content["assessments"].values()  # type: ignore[attr-defined]
    model = assessment.model
    assert len(model.dimensions) >= 5
    assert len(model.levels) == 5
    assert sum(len(d.questions) for d in model.dimensions) >= 15
    levels = {level.id for level in model.levels}
    for dimension in model.dimensions:
        assert {r.level for r in dimension.recommendations} == levels
        assert all(r.plays for r in dimension.recommendations)


def test_every_checklist_item_is_a_labelled_checkbox(
    demo: Build, content: dict[str, object]
) -> None:
    for playbook_id, entry in content["playbooks"].items():  # type: ignore[attr-defined]
        page = parse(demo.page(f"playbooks/{playbook_id}"))
        items = [item for phase in entry.model.phases for play in phase.plays
                 for item in play.checklist]
        boxes = page.find("input", type="checkbox", class_="pb-check")
        assert [box["data-pb-item"] for box in boxes] == [item.id for item in items]
        labels = {attrs["for"]: text for tag, attrs, text in page.texts if tag == "label"}
        for box, item in zip(boxes, items, strict=True):
            assert labels[box["id"]], f"no label for {item.id}"
        checklists = page.find("ul", class_="pb-checklist")
        assert {c["data-pb-playbook"] for c in checklists} == {playbook_id}


def test_every_question_is_a_fieldset_with_one_radio_per_choice(
    demo: Build, content: dict[str, object]
) -> None:
    for assessment_id, entry in content["assessments"].items():  # type: ignore[attr-defined]
        html = demo.page(f"assessments/{assessment_id}")
        page = parse(html)
        questions = [q for d in entry.model.dimensions for q in d.questions]
        fieldsets = page.find("fieldset", class_="pb-question")
        assert [f["data-pb-question"] for f in fieldsets] == [q.id for q in questions]
        legends = [text for tag, _, text in page.texts if tag == "legend"]
        assert len(legends) == len(questions)
        assert all(legends)
        for question in questions:
            radios = page.find("input", type="radio", name=f"pb-answer-{question.id}")
            expected = [c.id for c in question.choices] + (["na"] if question.allow_na else [])
            assert [radio["value"] for radio in radios] == expected
        # every radio sits inside a label: its text labels it
        assert html.count('<label><input type="radio"') == sum(
            len(q.choices) + q.allow_na for q in questions)


def test_recommendations_link_to_existing_play_anchors(demo: Build) -> None:
    html = demo.page("assessments/maturite-social-media")
    links = set(re.findall(r'href="\.\./\.\./playbooks/([a-z0-9-]+)/#([a-z0-9-]+)"', html))
    assert len(links) >= 5
    for playbook_id, anchor in links:
        assert f'id="{anchor}"' in demo.page(f"playbooks/{playbook_id}")


def test_index_lists_every_playbook_with_summary_tags_and_phases(
    demo: Build, content: dict[str, object]
) -> None:
    html = demo.page("playbooks")
    for playbook_id, entry in content["playbooks"].items():  # type: ignore[attr-defined]
        assert f'href="{playbook_id}/"' in html
        assert f'data-pb-playbook="{playbook_id}"' in html
        for tag in entry.model.tags:
            assert f'<span class="pb-tag">{tag}</span>' in html
    assert 'href="../assessments/maturite-social-media/"' in html
    assert "Écouter" in html
    assert "Adapter" in html


def test_nav_has_one_playbooks_section(demo: Build) -> None:
    html = demo.page("")
    start = html.index("md-nav--primary")
    nav = html[start:html.index('class="md-content"', start)]
    assert 'href="playbooks/"' in nav
    assert 'href="playbooks/ecoute-sociale/"' in nav
    assert 'href="assessments/maturite-social-media/"' in nav


def test_search_index_holds_checklist_item_text(demo: Build) -> None:
    index = json.loads((demo.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    site = load_site(read_settings(REPO / "mkdocs.yml"))
    entry = site.playbooks["ecoute-sociale"]
    item = entry.model.phases[0].plays[0].checklist[0]
    words = " ".join(re.sub(r"[*_`]", "", item.text).split()[:4])
    assert words in text


def test_edit_button_points_at_the_yaml_source(demo: Build) -> None:
    html = demo.page("playbooks/ecoute-sociale")
    assert "edit/main/playbooks/ecoute-sociale.yml" in html


def test_pages_in_another_language_keep_their_title(demo: Build) -> None:
    html = demo.page("en/playbooks/ecoute-sociale")
    assert "<title>Listen before you publish - mkdocs-playbooks</title>" in html


def test_the_english_site_is_english_around_each_page(demo: Build) -> None:
    english = demo.page("en/playbooks/ecoute-sociale")
    assert '<html lang="en"' in english
    assert 'placeholder="Search"' in english  # Material's words
    assert '<h2 id="pb-phase-listen">Listen' in english  # built-in phase title in English
    assert "See my progress" in english  # the plugin's words
    assert '<div lang="en">' not in english  # the page is English: nothing to mark
    assert '<div lang=' not in demo.page("playbooks/ecoute-sociale")
    assessment = demo.page("en/assessments/maturite-social-media")
    assert "See my results" in assessment
    assert '<html lang="en"' in assessment
    assert "<h1 id=\"social-media-maturity\">Social media maturity" in assessment
    # every document is translated: no English page holds text marked as French
    for name in ("playbooks/animer-et-repondre", "playbooks/espaces-ouverts-fermes",
                 "playbooks/mesurer-et-adapter", "assessments/maturite-social-media", ""):
        assert '<div lang="fr">' not in demo.page(f"en/{name}".rstrip("/")), name


def test_translations_share_the_originals_ids_and_link_each_other(
        demo: Build, content: dict[str, object]) -> None:
    playbooks = content["playbooks"]
    assert isinstance(playbooks, dict)
    for translation, original in content["translations"].items():  # type: ignore[attr-defined]
        if original not in playbooks:
            continue  # the assessment: below
        french, english = demo.page(f"playbooks/{original}"), demo.page(f"en/playbooks/{original}")
        assert not (demo.site / "playbooks" / translation).exists()
        ids = re.compile(r'data-pb-(?:playbook|progress)="([a-z-]+)"')
        assert set(ids.findall(english)) == set(ids.findall(french)) == {original}
        assert (re.findall(r'data-pb-item="([a-z-]+)"', english)
                == re.findall(r'data-pb-item="([a-z-]+)"', french))
        # each leads to the other by the header's selector (see below), not links of its own
        assert "data-pb-languages" not in french + english
    uri = "assessments/maturite-social-media"
    french, english = demo.page(uri), demo.page(f"en/{uri}")
    for shared in (r'data-pb-question="([a-z-]+)"', r'<input type="radio"[^>]* value="([a-z-]+)"',
                   r'data-pb-level="([a-z-]+)"'):
        assert re.findall(shared, english) == re.findall(shared, french) != []
    assert "data-pb-languages" not in french + english
    index = demo.page("en/playbooks")
    assert index.count('class="pb-card"') == demo.page("playbooks").count('class="pb-card"')
    assert "Listen before you publish" in index
    assert "Écouter avant de publier" not in index


def test_participant_edition_hides_facilitator_notes(demo: Build) -> None:
    assert "pb-facilitator" not in demo.page("playbooks/ecoute-sociale")


def test_generated_pages_are_not_written_into_docs() -> None:
    assert not (REPO / "docs" / "playbooks").exists()
    assert not (REPO / "docs" / "assessments").exists()


def test_sources_are_cited(demo: Build) -> None:
    assert 'id="pb-sources"' in demo.page("playbooks/ecoute-sociale")


def test_tags_plugin_sees_the_tags(demo: Build) -> None:
    assert 'class="md-tag">stratégie</span>' in demo.page("playbooks/ecoute-sociale")
    assert "ecoute-sociale" in (demo.site / "tags.json").read_text(encoding="utf-8")


STOP_WORDS = {
    "fr": frozenset({
        "le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "que", "qui",
        "pas", "sur", "avec", "vous", "nous", "votre", "vos", "cette", "ces", "aux", "sont",
        "ses", "leur", "leurs", "mais", "ou", "elle", "ils", "ne", "se", "être", "chaque"}),
    "en": frozenset({
        "the", "and", "of", "to", "is", "are", "for", "that", "with", "you", "your", "it",
        "this", "these", "by", "be", "not", "or", "from", "what", "which", "each", "their",
        "they", "we", "our", "has", "have", "was", "will", "can"}),
}
"""Short words frequent in one language and not words of the other: enough to tell which
language a block of text is written in."""


class LanguageBlocks(HTMLParser):
    """The text of a page's article, by block: each element with a `lang` starts a block of that
    language; the text of code, scripts and styles is left out."""

    SKIPPED = frozenset({"code", "pre", "script", "style", "svg"})
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.page_language = ""
        self.blocks: list[tuple[str, list[str]]] = []
        self._stack: list[tuple[str, int | None, bool]] = []  # tag, its block, skipped
        self._in_article = 0

    def _block(self) -> int | None:
        return next((block for _, block, _ in reversed(self._stack) if block is not None), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.page_language = attributes.get("lang") or ""
            return
        if tag in self.VOID:
            return
        if tag == "article":
            self._in_article += 1
        block = None
        lang = attributes.get("lang")
        if self._in_article and (tag == "article" or lang):
            self.blocks.append((lang or self.page_language, []))
            block = len(self.blocks) - 1
        self._stack.append((tag, block, tag in self.SKIPPED))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self._stack:
            name, _, _ = self._stack.pop()
            if name == "article":
                self._in_article -= 1
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        block = self._block()
        if block is not None and not any(skipped for _, _, skipped in self._stack):
            self.blocks[block][1].append(data)


def stop_words(text: str) -> dict[str, int]:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    return {language: sum(word in listed for word in words)
            for language, listed in STOP_WORDS.items()}


def test_every_page_is_written_in_the_language_it_declares_block_by_block(demo: Build) -> None:
    checked = 0
    for path in sorted(demo.site.rglob("*.html")):
        parser = LanguageBlocks()
        parser.feed(path.read_text(encoding="utf-8"))
        page = path.relative_to(demo.site).as_posix()
        if page != "404.html":  # the theme's, written by the last language built (English)
            assert parser.page_language == ("en" if page.startswith("en/") else "fr"), page
        for declared, parts in parser.blocks:
            if declared not in STOP_WORDS:  # a language the test has no words of (German)
                continue
            counts = stop_words(" ".join(parts))
            if sum(counts.values()) < 5:  # a few words: a title, a label
                continue
            other = max(count for language, count in counts.items() if language != declared)
            assert counts[declared] >= 4 * other, (page, declared, counts, " ".join(parts)[:300])
            checked += 1
    assert checked >= 40


def test_every_page_leads_to_its_counterpart_in_the_other_language(demo: Build) -> None:
    """The header's selector on every page, and where the script points it: the same page in
    the other language (every page of the demo has one)."""
    meta = re.compile(r'<meta name="mkdocs-playbooks:alternate" data-hreflang="([^"]+)" '
                      r'content="([^"]*)">')
    pages = sorted(path for path in demo.site.rglob("index.html"))
    assert len(pages) >= 2 * 17
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = path.relative_to(demo.site).as_posix()
        language, other = ("en", "fr") if page.startswith("en/") else ("fr", "en")
        assert re.findall(r'hreflang="([a-z]+)" class="md-select__link"', html) == ["fr", "en"]
        found = dict(meta.findall(html))
        assert found[language] == "./", page
        counterpart = (path.parent / found[other] / "index.html").resolve()
        expected = page.removeprefix("en/") if language == "en" else f"en/{page}"
        assert counterpart == (demo.site / expected).resolve(), page
