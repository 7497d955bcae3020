"""Translations: `translates`, the pages of a site in one language (each version its own page,
with links between them) and of a site built by language (mkdocs-static-i18n: each language's
version at the original's address); readers' progress always under the original's ids."""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

import pytest

from mkdocs_playbooks.core.loading import build_site, load_site
from mkdocs_playbooks.core.settings import PhaseDef, Settings
from mkdocs_playbooks.core.site import Site
from mkdocs_playbooks.output.pages import site_pages
from mkdocs_playbooks.output.pages.markup import unheld

from .conftest import build, write_site
from .in_process import rendered_pages

TODAY = datetime.date(2026, 11, 27)
FRAMEWORK = (PhaseDef("listen"),)

ORIGINAL = """\
title: Écouter
lang: fr
phases:
  - phase: listen
    plays:
      - id: cartographier
        title: Cartographier
        checklist:
          - {id: lister, text: Lister les relations}
          - {id: prioriser, text: Prioriser}
"""
TRANSLATION = """\
title: Listen
lang: en
translates: ecoute
phases:
  - phase: listen
    plays:
      - id: cartographier
        title: Map
        checklist:
          - {id: lister, text: List the relations}
          - {id: prioriser, text: Prioritise}
"""
ASSESSMENT = """\
kind: assessment
title: Maturité
lang: fr
levels:
  - {id: debut, title: Début, min: 0}
dimensions:
  - id: ecoute
    title: Écoute
    questions:
      - id: veille
        text: Suivez-vous ce qui se dit de vous ?
        choices:
          - {id: non, text: Non, score: 0}
          - {id: oui, text: Oui, score: 1}
    recommendations:
      - {level: debut, text: Commencez., plays: [ecoute/cartographier]}
"""
FILES = {"ecoute.yml": ORIGINAL, "listening.yml": TRANSLATION, "maturite.yml": ASSESSMENT}


def load(tmp_path: Path, files: dict[str, str] = FILES) -> tuple[Site, Settings]:
    folder = tmp_path / "playbooks"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(root=tmp_path, dir=folder, framework=FRAMEWORK, today=TODAY,
                        language="fr")
    return load_site(settings), settings


def pages(site: Site, settings: Settings) -> dict[str, str]:
    return {page.uri: unheld(page.markdown) for page in site_pages(site, settings)}


def test_a_translation_is_known_by_its_original(tmp_path: Path) -> None:
    site, _ = load(tmp_path)
    assert site.errors == []
    assert site.translation_of == {"listening": "ecoute"}
    assert site.original_id("listening") == site.original_id("ecoute") == "ecoute"
    assert site.versions("listening") == {"fr": "ecoute", "en": "listening"}
    assert site.version_in("ecoute", "en") == "listening"
    assert site.version_in("ecoute", "de") == "ecoute"


def test_a_document_without_lang_is_in_the_site_language(tmp_path: Path) -> None:
    files = {"ecoute.yml": ORIGINAL.replace("lang: fr\n", ""), "listening.yml": TRANSLATION}
    folder = tmp_path / "playbooks"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    english_site = build_site(sorted(folder.iterdir()), FRAMEWORK, root=tmp_path, today=TODAY,
                              language="en")
    assert [p.message for p in english_site.errors] == [
        "a translation must be in another language than its original ('en')"]
    assert english_site.translation_of == {}


def test_one_language_site_gives_each_version_its_page_keyed_by_the_original(
        tmp_path: Path) -> None:
    site, settings = load(tmp_path)
    made = pages(site, settings)
    english = made["playbooks/listening/index.md"]
    assert set(re.findall(r'data-pb-(?:playbook|progress)="([a-z-]+)"', english)) == {"ecoute"}
    assert "[Français](../ecoute/index.md)" in english
    assert "[English](../listening/index.md)" in made["playbooks/ecoute/index.md"]
    assert "Read in" in english
    assert "Lire en" in made["playbooks/ecoute/index.md"]
    index = made["playbooks/index.md"]
    assert index.count('class="pb-card"') == 1  # the translation is no other playbook to do
    assert "[English](listening/index.md)" in index
    progress = made["playbooks/progress/index.md"]
    assert progress.count('data-pb-playbook="ecoute"') == 1
    assert "data-pb-playbook=\"listening\"" not in progress


def test_build_of_one_language_shows_its_versions_at_the_originals_addresses(
        tmp_path: Path) -> None:
    site, settings = load(tmp_path)
    english = dataclasses.replace(settings, build_language="en", built_languages=("fr", "en"))
    made = pages(site, english)
    assert "playbooks/listening/index.md" not in made
    page = made["playbooks/ecoute/index.md"]
    assert page.startswith('---\ntitle: "Listen"')
    assert set(re.findall(r'data-pb-(?:playbook|progress)="([a-z-]+)"', page)) == {"ecoute"}
    assert ('<a href="../../../playbooks/ecoute/index.html" target="_self" hreflang="fr" '
            'lang="fr">') in page
    assessment = made["assessments/maturite/index.md"]
    # not translated: a note in English says so, then the document, words and all, in French
    note, document = assessment.split('<div lang="fr" markdown>')
    assert "This page has no English version yet: it is shown in French." in note
    assert "Voir mes résultats" in document
    assert "See my results" not in assessment
    assert '&quot;lang&quot;:&quot;fr&quot;' in document  # the script writes in French too
    # the English play it recommends is marked English inside the French text
    assert ('[Map](../../playbooks/ecoute/index.md#cartographier){: data-pb-playbook="ecoute" '
            'data-pb-items="lister prioriser" lang="en" }') in document
    assert "My progress" in made["playbooks/progress/index.md"]
    assert "no English version" not in page  # translated: no note
    # with the theme's header selector, the pages carry no language links of their own
    selector = pages(site, dataclasses.replace(english, language_selector=True))
    assert not any("data-pb-languages" in markdown for markdown in selector.values())
    french = pages(site, dataclasses.replace(english, build_language="fr"))
    assert "[Cartographier](../../playbooks/ecoute/index.md#cartographier)" in (
        french["assessments/maturite/index.md"])
    assert '<a href="../../en/playbooks/ecoute/index.html"' in french["playbooks/ecoute/index.md"]


def test_an_assessment_translation_shares_the_originals_answers(tmp_path: Path) -> None:
    english = (ASSESSMENT.replace("lang: fr", "lang: en\ntranslates: maturite")
               .replace("Suivez-vous ce qui se dit de vous ?", "Do you listen?"))
    site, settings = load(tmp_path, {**FILES, "maturity.yml": english})
    assert site.errors == []
    page = pages(site, settings)["assessments/maturity/index.md"]
    assert '&quot;id&quot;:&quot;maturite&quot;' in page
    assert "[English](../maturity/index.md)" in pages(site, settings)[
        "assessments/maturite/index.md"]


@pytest.mark.parametrize(("change", "message"), [
    (("translates: ecoute", "translates: nothing"), "no playbook 'nothing' to translate"),
    (("translates: ecoute", "translates: maturite"),
     "'maturite' is an assessment: a playbook translates a playbook"),
    (("translates: ecoute", "translates: listening"), "'listening' cannot translate itself"),
    (("id: lister", "id: list"), "item 'list' is not in the original"),
    (("lang: en", "lang: fr"), "a translation must be in another language than its original"),
])
def test_translation_errors(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    site, _ = load(tmp_path, {**FILES, "listening.yml": TRANSLATION.replace(*change)})
    assert any(message in problem.message for problem in site.errors), site.errors
    assert site.translation_of == {}


I18N = """
  - i18n:
      docs_structure: {layout}
      languages:
        - {{locale: fr, name: Français, default: true}}
        - {{locale: en, name: English}}
"""


def test_one_language_mkdocs_site_links_the_versions(tmp_path: Path) -> None:
    english = rendered_pages(write_site(tmp_path, FILES))["playbooks/listening"]
    assert '<a href="../ecoute/" hreflang="fr" lang="fr">Français</a>' in english
    assert 'data-pb-playbook="ecoute"' in english


@pytest.mark.parametrize("layout", ["suffix", "folder"])
def test_mkdocs_static_i18n_builds_each_language(tmp_path: Path, layout: str) -> None:
    docs = ({"index.md": "# Accueil\n", "index.en.md": "# Home\n"} if layout == "suffix"
            else {"fr/index.md": "# Accueil\n", "en/index.md": "# Home\n"})
    config = write_site(tmp_path, FILES, docs=docs,
                        extra_config="site_url: https://example.org/\n").joinpath("mkdocs.yml")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - tags\n", "  - tags" + I18N.format(layout=layout)),
                      encoding="utf-8")
    result = build(tmp_path)
    assert result.result.returncode == 0, result.result.stderr
    assert "Traceback" not in result.result.stderr
    french, english = result.page("playbooks/ecoute"), result.page("en/playbooks/ecoute")
    assert '<html lang="fr"' in french
    assert '<html lang="en"' in english
    assert '<h1 id="listen">Listen' in english
    assert '<h1 id="ecouter">Écouter' in french
    assert 'placeholder="Search"' in english
    assert 'placeholder="Rechercher"' in french
    assert 'data-pb-playbook="ecoute"' in english
    assert not (result.site / "playbooks" / "listening").exists()
    assert "Maturité" in result.page("en/playbooks")
    untranslated = result.page("en/assessments/maturite")  # French text in an English page
    assert '<html lang="en"' in untranslated
    assert "This page has no English version yet: it is shown in French." in untranslated
    assert '<div lang="fr">' in untranslated
    assert "Voir mes résultats" in untranslated.split('<div lang="fr">')[1]
    # in the sitemap, which Material's instant navigation reads to know the site's pages
    sitemap = (result.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/en/playbooks/ecoute/</loc>" in sitemap
    assert "<loc>https://example.org/playbooks/ecoute/</loc>" in sitemap
