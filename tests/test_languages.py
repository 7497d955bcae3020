"""Sites in several languages, built: a third language from its words file alone, the header's
language selector on every page (its `<meta>` tags and each language's sitemap), the language
(`lang`, `dir`) each page and block says it is written in, right to left included."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from .conftest import Build, build, write_site
from .test_translations import ASSESSMENT, ORIGINAL, TRANSLATION

SITE_URL = "https://example.org/docs/"
META = re.compile(r'<meta name="mkdocs-playbooks:alternate" data-hreflang="([^"]+)" '
                  r'content="([^"]*)">')

GERMAN = (TRANSLATION.replace("lang: en", "lang: de").replace("title: Listen", "title: Zuhören")
          .replace("title: Map", "title: Kartieren")
          .replace("List the relations", "Die Beziehungen auflisten")
          .replace("Prioritise", "Priorisieren"))

THREE_LANGUAGES = """
  - i18n:
      docs_structure: suffix
      reconfigure_material: false
      languages:
        - {locale: fr, name: Français, default: true}
        - {locale: en, name: English, theme: {language: en}}
        - {locale: de, name: Deutsch, theme: {language: de}}
"""

DOCS = {
    "index.md": "# Accueil\n\nBienvenue sur le site de l'équipe.\n",
    "index.en.md": "# Home\n\nWelcome to the team's site.\n",
    "index.de.md": "# Startseite\n\nWillkommen auf der Website des Teams.\n",
    # French only: shown from the French file in the other builds
    "equipe.md": "# L'équipe\n\nNous sommes une petite équipe.\n",
    # written in English, on a French site: its front matter says so
    "guide.md": "---\nlang: en\n---\n\n# Guide\n\nThis guide is in English only.\n",
}


def i18n_site(root: Path, languages: str = THREE_LANGUAGES,
              docs: dict[str, str] | None = None, files: dict[str, str] | None = None) -> Path:
    site = write_site(root, files or {"ecoute.yml": ORIGINAL, "listening.yml": TRANSLATION,
                                      "zuhoeren.yml": GERMAN, "maturite.yml": ASSESSMENT},
                      docs=docs or DOCS,
                      extra_config=f"site_url: {SITE_URL}\ntheme:\n  name: material\n"
                      "  font: false\n  language: fr\n  features: [navigation.instant]\n")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - tags\n", "  - tags" + languages)
                      .replace("theme:\n  name: material\n  language: fr\n  font: false\n", "",
                               1), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(i18n_site(tmp_path_factory.mktemp("three")))
    assert result.result.returncode == 0, result.result.stderr
    assert "WARNING" not in result.result.stderr
    return result


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def test_a_third_language_is_built_from_its_words_file(three: Build) -> None:
    german = three.page("de/playbooks/ecoute")
    assert '<html lang="de"' in german
    assert 'placeholder="Suche"' in german  # Material's words
    assert '<h1 id="zuhoren">Zuhören</h1>' in german
    assert '<p class="pb-label">Checkliste</p>' in german  # the plugin's words
    assert "Meinen Fortschritt ansehen" in german
    assert 'data-pb-playbook="ecoute"' in german  # progress shared with every language
    untranslated = three.page("de/assessments/maturite")  # no German version: French
    assert ("Diese Seite gibt es noch nicht auf Deutsch: Sie wird auf Französisch angezeigt."
            in untranslated)
    assert "Meine Programme" not in untranslated
    listing = three.page("de/playbooks")
    assert "Zuhören" in listing
    assert "Alle Playbooks dieser Website" in listing


def test_every_page_says_where_it_is_in_each_language(three: Build) -> None:
    """The `<meta>` tags the header's selector is pointed from: one per language, each at a
    page that exists, the page's own language at itself."""
    checked = 0
    for path in pages(three.site):
        page = path.read_text(encoding="utf-8")
        relative = path.relative_to(three.site).as_posix()
        language = relative.split("/")[0] if relative[:3] in ("en/", "de/") else "fr"
        found = dict(META.findall(page))
        assert set(found) == {"fr", "en", "de"}, relative
        assert found[language] == "./", relative
        for other, address in found.items():
            target = (path.parent / address / "index.html").resolve()
            assert target.is_file(), (relative, other, address)
            expected = relative.removeprefix(f"{language}/") if language != "fr" else relative
            prefix = "" if other == "fr" else f"{other}/"
            assert target == (three.site / (prefix + expected)).resolve(), (relative, other)
        checked += 1
    assert checked >= 3 * 7  # home, two docs, index, progress, playbook, assessment


def test_the_selector_lists_every_language_home(three: Build) -> None:
    page = three.page("en/playbooks/ecoute")
    links = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">\s*'
                       r'(\S+)', page)
    assert links == [("../../../", "fr", "Français"), ("../../", "en", "English"),
                     ("../../../de/", "de", "Deutsch")]


def test_each_language_folder_has_its_own_sitemap(three: Build) -> None:
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    for language in ("en", "de"):
        tree = ElementTree.parse(three.site / language / "sitemap.xml")
        locs = [loc.text or "" for loc in tree.iter(f"{namespace}loc")]
        assert f"{SITE_URL}{language}/playbooks/ecoute/" in locs
        assert f"{SITE_URL}{language}/" in locs
        assert all(loc.startswith(f"{SITE_URL}{language}/") for loc in locs), locs
        for loc in locs:  # every address it lists is a page of the site
            path = three.site / loc.removeprefix(SITE_URL) / "index.html"
            assert path.is_file(), loc
    root = (three.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}de/playbooks/ecoute/</loc>" in root  # static-i18n's, every language


def test_a_page_of_docs_says_which_language_it_is_written_in(three: Build) -> None:
    # French only: in the English build, a note in English, then the French text marked so
    team = three.page("en/equipe")
    note, text = team.split('<div lang="fr">', 1)
    assert "This page has no English version yet: it is shown in French." in note
    assert "Nous sommes une petite équipe." in text
    assert '<div lang="fr">' not in three.page("equipe")  # in French where it is French
    # written in English (front matter `lang: en`): marked so in the French and German builds
    guide_fr = three.page("guide")
    assert "Cette page n&#x27;existe pas encore en français : elle est affichée en anglais." in (
        guide_fr)
    assert '<div lang="en"><h1 id="guide">Guide' in guide_fr
    assert '<div lang="en"><h1 id="guide">Guide' in three.page("de/guide")
    assert 'lang="en"><h1' not in three.page("en/guide")
    assert "pb-untranslated" not in three.page("en/guide")


def test_the_pages_carry_no_language_links_of_their_own_beside_the_selector(
        three: Build) -> None:
    for path in pages(three.site):
        assert "data-pb-languages" not in path.read_text(encoding="utf-8"), path


ARABIC = (TRANSLATION.replace("lang: en", "lang: ar").replace("title: Listen", "title: استمع")
          .replace("title: Map", "title: ارسم الخريطة")
          .replace("List the relations", "اذكر العلاقات").replace("Prioritise", "رتّب"))


def test_a_right_to_left_translation_is_laid_out_right_to_left(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"ecoute.yml": ORIGINAL, "istima.yml": ARABIC},
                      docs={"index.md": "# Accueil\n",
                            "arabe.md": "---\nlang: ar\n---\n\n# مرحبا\n\n- أولا\n- ثانيا\n"})
    result = build(site)
    assert result.result.returncode == 0, result.result.stderr
    page = result.page("playbooks/istima")
    assert '<html lang="fr"' in page
    # `dir` on an ancestor of an `.md-typeset`: Material's right-to-left rules then apply
    assert '<div dir="rtl" lang="ar">\n<div class="md-typeset">\n<h1 id=' in page
    docs = result.page("arabe")
    assert '<div lang="ar" dir="rtl"><div class="md-typeset"><h1 id=' in docs
    original = result.page("playbooks/ecoute")
    assert 'dir="rtl"' not in original.split('class="md-content"', 1)[1].split(
        'data-pb-languages', 1)[0]


def test_a_right_to_left_build_is_right_to_left_throughout(tmp_path: Path) -> None:
    languages = THREE_LANGUAGES.replace("{locale: de, name: Deutsch, theme: {language: de}}",
                                        "{locale: ar, name: العربية, theme: {language: ar}}")
    docs = {"index.md": "# Accueil\n", "index.ar.md": "# الصفحة الرئيسية\n"}
    site = i18n_site(tmp_path, languages, docs,
                     {"ecoute.yml": ORIGINAL, "istima.yml": ARABIC, "maturite.yml": ASSESSMENT})
    result = build(site)
    assert result.result.returncode == 0, result.result.stderr
    arabic = result.page("ar/playbooks/ecoute")
    assert '<html lang="ar"' in arabic
    assert 'dir="rtl"' in arabic.split("<body", 1)[1][:200]
    assert '<div dir="rtl"' not in arabic  # the page is Arabic: nothing to mark
    # a French document in the Arabic build: marked French, left to right
    untranslated = result.page("ar/assessments/maturite")
    assert '<div dir="ltr" lang="fr">\n<div class="md-typeset">' in untranslated
    assert dict(META.findall(arabic)) == {"fr": "../../../playbooks/ecoute/", "en":
                                          "../../../en/playbooks/ecoute/", "ar": "./"}


def test_a_front_matter_lang_that_is_no_language_code_is_a_warning(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"ecoute.yml": ORIGINAL},
                      docs={"index.md": "# Accueil\n",
                            "guide.md": "---\nlang: english\n---\n\n# Guide\n"})
    result = build(site)
    assert result.result.returncode == 1
    assert ("guide.md: front matter `lang: english` is not a language code; write a code like "
            "`lang: en` (ignored)") in result.result.stderr
