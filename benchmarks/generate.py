"""Synthetic playbooks in the real format, and the same pages written by hand, for benchmarks.

Run: python benchmarks/generate.py N OUT_DIR [--seed S] [--sites plugin,handmade,flat]

Writes three Material sites into OUT_DIR, all with the `search` plugin and the same Markdown
extensions, so that a build of one can be compared with a build of another:

- `plugin/`: N playbooks (and about N/50 assessments, at least one) as YAML in `playbooks/`,
  turned into pages by the `playbooks` plugin;
- `handmade/`: the very pages the plugin generates, rendered once by the plugin's core and
  written as Markdown files in `docs/`, with the plugin's JS and CSS and the same nav as the
  plugin site: a build of it is what the plugin's output costs without the plugin;
- `flat/`: the same Markdown files with MkDocs' automatic nav, which lists every page in every
  page (the usual way a hand-made site of that many pages is built).

The same N and seed always give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.engines.config import default_settings
from mkdocs_playbooks.output.assets import CSS_URI, JS_URI, script_bundle, stylesheet
from mkdocs_playbooks.output.pages import INDEX_URI, site_pages
from mkdocs_playbooks.output.pages.markup import unheld


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SITES = ("plugin", "handmade", "flat")
PHASES = ("listen", "engage", "adapt")
NAV_LIMIT = 30
"""The plugin's default `nav_limit`: pages listed one by one in the nav up to this many."""
ASSET_URIS = (CSS_URI, JS_URI)
PLAYBOOKS_PER_ASSESSMENT = 50
REVIEWED_FROM = datetime.date(2026, 1, 1)
"""Review dates are drawn in the 300 days after this day, fixed so that files do not depend on
the day they are generated."""
REVIEW_MONTHS = 36
"""No review falls due before 2029: until then, pages carry no "review due" notice, whose text
would depend on the day of the build."""

WORDS = _words("""
    abonné action analyse animation annonce audience avis besoin bilan calendrier campagne canal
    client collaborateur commentaire communauté communication compte confiance contenu
    conversation critique décision délai démarche dialogue diffusion direction échange écoute
    éditorial engagement équipe espace essai étape exposition format forum fournisseur groupe
    habitude indicateur influence information interlocuteur lecteur lien marque média membre
    message mesure méthode modération objectif organisation outil page partage partenaire
    personne plateforme présence priorité produit profil public publication question réaction
    recommandation référent réglage relation réponse réputation réseau résultat retour rythme
    service signal sujet suivi tableau temps territoire thème tonalité usage valeur veille
    visibilité
""")
LINKS = _words("""
    à au auprès avec avant chaque dans de des du en entre et ou par pour sans selon sous sur vers
""")
VERBS = _words("""
    accompagner adapter analyser animer associer choisir classer comparer construire définir
    écouter engager établir évaluer fixer formaliser identifier mesurer nommer noter organiser
    partager planifier préparer prioriser publier recenser relancer repérer répondre suivre
""")
ADJECTIVES = _words("""
    actif clair collectif commun concret continu direct durable externe interne local mensuel
    partagé pertinent précis principal public régulier simple social utile visible
""")
DURATIONS = ("30 min", "45 min", "1 h", "1 h 30", "2 h", "une demi-journée", "15 min par jour")
LEVELS = (("diffusion", "Diffusion", 0), ("presence", "Présence", 25),
          ("conversation", "Conversation", 50), ("engagement", "Engagement", 75),
          ("entreprise-sociale", "Entreprise sociale", 90))


# ---------------------------------------------------------------------------------------------
# Lorem text


@dataclass
class Lorem:
    """French-like text drawn from fixed word lists; deterministic from its random source."""

    rng: random.Random

    def words(self, count: int) -> str:
        parts = []
        for n in range(count):
            if n % 3 == 2:
                parts.append(self.rng.choice(LINKS))
            elif n % 5 == 1:
                parts.append(self.rng.choice(ADJECTIVES))
            else:
                parts.append(self.rng.choice(WORDS))
        return " ".join(parts)

    def title(self, low: int = 3, high: int = 6) -> str:
        return f"{self.rng.choice(VERBS).capitalize()} {self.words(self.rng.randint(low, high))}"

    def sentence(self, low: int = 8, high: int = 18) -> str:
        text = f"{self.rng.choice(VERBS)} {self.words(self.rng.randint(low, high))}"
        if self.rng.random() < 0.25:
            word = self.rng.choice(WORDS)
            text = text.replace(f" {word} ", f" **{word}** ", 1)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, low: int = 2, high: int = 4) -> str:
        return "\n".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def items(self, ordered: bool, low: int = 3, high: int = 6) -> str:
        return "\n".join(f"{f'{n}.' if ordered else '-'} {self.sentence(6, 14)}"
                         for n in range(1, self.rng.randint(low, high) + 1))

    def markdown(self, paragraphs: int, with_list: bool) -> str:
        blocks = [self.paragraph() for _ in range(paragraphs)]
        if with_list:
            blocks.insert(1, self.items(ordered=self.rng.random() < 0.5))
        return "\n\n".join(blocks) + "\n"

    def slug(self, count: int = 2) -> str:
        return "-".join(ascii_slug(self.rng.choice(WORDS + VERBS)) for _ in range(count))


def ascii_slug(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


# ---------------------------------------------------------------------------------------------
# Playbooks and assessments as data


@dataclass(frozen=True)
class PlayRef:
    playbook: str
    play: str


def playbook_data(lorem: Lorem, number: int) -> tuple[dict[str, Any], list[PlayRef]]:
    """One playbook: 3 phases, about 4 plays and 13 checklist items, metrics, Markdown."""
    rng = lorem.rng
    playbook_id = f"{lorem.slug()}-{number:04d}"
    counter = _counter()
    play_counts = [1, 1, 1]
    for _ in range(rng.choice((0, 1, 1, 2))):
        play_counts[rng.randrange(3)] += 1
    phases = [_phase(lorem, phase, plays, counter)
              for phase, plays in zip(PHASES, play_counts, strict=True)]
    data: dict[str, Any] = {
        "kind": "playbook",
        "id": playbook_id,
        "title": lorem.title(),
        "summary": lorem.paragraph(1, 2),
        "tags": sorted({rng.choice(WORDS) for _ in range(3)}),
        "audience": sorted({rng.choice(("communication", "marketing", "direction",
                                        "service client", "ressources humaines"))
                            for _ in range(2)}),
        "owner": f"Direction {rng.choice(LINKS[:2])} {rng.choice(WORDS)}",
        "reviewed": REVIEWED_FROM + datetime.timedelta(days=rng.randrange(300)),
        "review_months": REVIEW_MONTHS,
        "sources": [{"title": f"« {lorem.title()} », {rng.randint(2008, 2024)}"}
                    for _ in range(rng.randint(1, 3))],
        "phases": phases,
    }
    refs = [PlayRef(playbook_id, play["id"]) for phase in phases for play in phase["plays"]]
    return data, refs


def _counter() -> Iterator[int]:
    n = 0
    while True:
        n += 1
        yield n


def _phase(lorem: Lorem, phase: str, plays: int, counter: Iterator[int]) -> dict[str, Any]:
    data: dict[str, Any] = {"phase": phase}
    if lorem.rng.random() < 0.7:
        data["intro"] = lorem.markdown(1, with_list=False)
    data["plays"] = [_play(lorem, counter) for _ in range(plays)]
    return data


def _play(lorem: Lorem, counter: Iterator[int]) -> dict[str, Any]:
    rng = lorem.rng
    play: dict[str, Any] = {
        "id": f"{lorem.slug()}-{next(counter)}",
        "title": lorem.title(),
        "why": lorem.markdown(rng.randint(1, 2), with_list=False),
        "how": lorem.markdown(rng.randint(1, 2), with_list=True),
        "duration": rng.choice(DURATIONS),
        "facilitator": lorem.markdown(1, with_list=rng.random() < 0.3),
        "checklist": [_item(lorem, counter) for _ in range(rng.randint(2, 5))],
        "metrics": [_metric(lorem, n) for n in range(1, rng.randint(1, 2) + 1)],
    }
    if rng.random() < 0.3:
        play["resources"] = [{"title": lorem.title(), "url": f"https://example.org/{lorem.slug()}"}]
    return play


def _item(lorem: Lorem, counter: Iterator[int]) -> dict[str, Any]:
    item = {"id": f"{lorem.slug()}-{next(counter)}", "text": lorem.title(5, 12)}
    if lorem.rng.random() < 0.3:
        item["help"] = lorem.sentence()
    return item


def _metric(lorem: Lorem, number: int) -> dict[str, Any]:
    rng = lorem.rng
    return {
        "id": f"{lorem.slug()}-{number}",
        "name": lorem.title(1, 3),
        "formula": f"{rng.choice(WORDS)} {rng.choice(ADJECTIVES)} / {rng.choice(WORDS)}",
        "target": rng.choice(("≥ 2 %", "au moins 90 %", "moins d'un jour", "en hausse")),
    }


def assessment_data(lorem: Lorem, number: int, plays: list[PlayRef]) -> dict[str, Any]:
    """One assessment: 5 dimensions of 4 questions, 5 levels, advice linking to plays."""
    rng = lorem.rng
    counter = _counter()
    dimensions = [_dimension(lorem, n, phase, plays, counter)
                  for n, phase in enumerate(PHASES + PHASES[:2], start=1)]
    return {
        "kind": "assessment",
        "id": f"maturite-{lorem.slug(1)}-{number:03d}",
        "title": f"Maturité {lorem.words(3)}",
        "intro": lorem.markdown(2, with_list=True),
        "tags": sorted({rng.choice(WORDS) for _ in range(2)}),
        "owner": f"Direction {rng.choice(WORDS)}",
        "reviewed": REVIEWED_FROM + datetime.timedelta(days=rng.randrange(300)),
        "review_months": REVIEW_MONTHS,
        "levels": [{"id": level, "title": title, "min": low, "description": lorem.paragraph(1, 2)}
                   for level, title, low in LEVELS],
        "dimensions": dimensions,
    }


def _dimension(lorem: Lorem, number: int, phase: str, plays: list[PlayRef],
               counter: Iterator[int]) -> dict[str, Any]:
    rng = lorem.rng
    return {
        "id": f"dimension-{number}",
        "title": lorem.title(1, 2),
        "phase": phase,
        "weight": rng.choice((1, 1, 2)),
        "questions": [_question(lorem, counter) for _ in range(4)],
        "recommendations": [
            {"level": level, "text": lorem.paragraph(1, 2),
             "plays": [f"{ref.playbook}/{ref.play}"
                       for ref in rng.sample(plays, min(len(plays), rng.randint(1, 3)))]}
            for level, _, _ in LEVELS[: rng.randint(2, 4)]
        ],
    }


def _question(lorem: Lorem, counter: Iterator[int]) -> dict[str, Any]:
    rng = lorem.rng
    question: dict[str, Any] = {
        "id": f"question-{next(counter)}",
        "text": f"{lorem.title(6, 12)} ?",
    }
    if rng.random() < 0.4:
        question["help"] = lorem.sentence()
    if rng.random() < 0.2:
        question["allow_na"] = True
    question["choices"] = [{"id": f"choix-{n}", "text": lorem.title(3, 8), "score": n}
                           for n in range(4)]
    return question


# ---------------------------------------------------------------------------------------------
# Files


class _Dumper(yaml.SafeDumper):
    """Multi-line text as `|` blocks, as authors write Markdown."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def to_yaml(data: dict[str, Any]) -> str:
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text


def config_text(count: int, *, playbooks: bool, extra: str = "") -> str:
    """The same `mkdocs.yml` for every kind of site but for the plugin, its assets and nav."""
    name = f"Benchmark: {count} playbooks"
    plugins = "  - search\n" + ("  - playbooks\n" if playbooks else "")
    assets = "" if playbooks else (
        f"extra_css:\n  - {ASSET_URIS[0]}\nextra_javascript:\n  - {ASSET_URIS[1]}\n")
    return (
        f"site_name: {json.dumps(name, ensure_ascii=False)}\n"
        "theme:\n  name: material\n  font: false\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n"
        f"plugins:\n{plugins}{assets}{extra}"
    )


def handmade_nav(uris: list[str]) -> str:
    """The nav the plugin makes: the index page, then each page only up to `NAV_LIMIT` pages."""
    listed = uris if len(uris) <= NAV_LIMIT else []
    pages = "".join(f"      - {uri}\n" for uri in [INDEX_URI, *listed])
    return ("nav:\n  - index.md\n  - Playbooks:\n" + pages
            + "not_in_nav: |\n  /playbooks/**\n  /assessments/**\n")


def home_page(count: int) -> str:
    return (f"# Accueil\n\nUn site de test avec {count} playbooks générés.\n\n"
            "[Tous les playbooks](playbooks/index.md)\n")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def write_plugin_site(root: Path, count: int, seed: int) -> None:
    lorem = Lorem(random.Random(seed))
    plays: list[PlayRef] = []
    for number in range(1, count + 1):
        data, refs = playbook_data(lorem, number)
        plays.extend(refs)
        write(root / "playbooks" / f"{data['id']}.yml", to_yaml(data))
    for number in range(1, max(1, round(count / PLAYBOOKS_PER_ASSESSMENT)) + 1):
        data = assessment_data(lorem, number, plays)
        write(root / "playbooks" / f"{data['id']}.yml", to_yaml(data))
    write(root / "mkdocs.yml", config_text(count, playbooks=True))
    write(root / "docs" / "index.md", home_page(count))


def rendered_pages(plugin_root: Path) -> dict[str, str]:
    """Every page the plugin generates for the site in `plugin_root`, by source path, rendered
    by the plugin's own core with the plugin's default options, as any engine reads them (no
    marks of held text)."""
    settings = default_settings(plugin_root.resolve())
    site = load_site(settings)
    if site.errors:
        raise SystemExit("generated playbooks are invalid:\n"
                         + "\n".join(str(problem) for problem in site.errors))
    return {page.uri: unheld(page.markdown) for page in site_pages(site, settings)}


def write_markdown_site(root: Path, pages: dict[str, str], count: int, nav: str) -> None:
    for uri, markdown in pages.items():
        write(root / "docs" / uri, markdown)
    write(root / "docs" / CSS_URI, stylesheet())
    write(root / "docs" / JS_URI, script_bundle())
    write(root / "docs" / "index.md", home_page(count))
    write(root / "mkdocs.yml", config_text(count, playbooks=False, extra=nav))


def generate(count: int, out: Path, seed: int = 0,
             sites: tuple[str, ...] = SITES) -> dict[str, Path]:
    """Write the chosen sites into `out` (each folder emptied first); return them by kind.
    The handmade and flat sites are rendered from the plugin site, always written."""
    if count < 1:
        raise ValueError("at least one playbook")
    roots = {kind: out / kind for kind in SITES if kind == "plugin" or kind in sites}
    for root in roots.values():
        if root.exists():
            shutil.rmtree(root)
    write_plugin_site(roots["plugin"], count, seed)
    if "handmade" in roots or "flat" in roots:
        pages = rendered_pages(roots["plugin"])
        listed = [uri for uri in pages if uri != INDEX_URI]
        if "handmade" in roots:
            write_markdown_site(roots["handmade"], pages, count, handmade_nav(listed))
        if "flat" in roots:
            write_markdown_site(roots["flat"], pages, count, "")
    return roots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("count", type=int, metavar="N", help="number of playbooks")
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="folder for the three sites")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument("--sites", default=",".join(SITES),
                        help="which sites, comma-separated (default: plugin,handmade,flat)")
    args = parser.parse_args()
    sites = tuple(args.sites.split(","))
    if not set(sites) <= set(SITES):
        parser.error(f"--sites: choose among {', '.join(SITES)}")
    roots = generate(args.count, args.out, args.seed, sites)
    for kind, root in roots.items():
        print(f"{kind:9} {root}")


if __name__ == "__main__":
    main()
