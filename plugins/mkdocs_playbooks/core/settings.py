"""A site's settings for the core: folders, framework, language, day, edition.

Free of MkDocs: `config.py` makes `Settings` from the plugin's validated options, for the plugin
and the command line alike.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache, Memory
from .model import is_slug
from .validate import slugify

DEFAULT_LANGUAGE = "en"
"""The language of a site whose theme names none."""


@dataclass(frozen=True)
class PhaseDef:
    """A phase of the site's strategy framework."""

    id: str
    title: str | None = None
    """None: the built-in title of the phase in the page's language (listen, engage, adapt)."""


@dataclass(frozen=True, kw_only=True)
class PageSettings:
    """The settings that pages may depend on: framework, language, edition, words, pagination.
    Every field is part of the key of a page kept in the cache (`cache.key_of`); where files
    are and what day it is are not here (see `Settings`), so pages cannot depend on them."""

    framework: tuple[PhaseDef, ...]
    language: str = DEFAULT_LANGUAGE
    facilitator: bool = False
    """Whether pages include the facilitator notes."""
    strings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    build_language: str | None = None
    """The language of this build of a site in several languages (mkdocs-static-i18n builds
    each language apart): its pages show each document in that language where a translation
    says so, and the plugin's own words in it. None: a site in one language, where each
    translation has its own page."""
    listing_page_size: int = 100
    """How many documents each page of the index and of the progress page lists; 0: all on one
    page."""
    built_languages: tuple[str, ...] = ()
    """Every language built, on a site built by language; the site's pages are at the root,
    those of another language under a folder named by its code (`en/`)."""
    language_selector: bool = False
    """Whether every page of a site built by language has a selector in the theme's header that
    leads to its version in each other language (Material's): the plugin's pages then carry no
    language links of their own."""

    @property
    def page_language(self) -> str:
        """The language of the pages' surroundings: the build's, else the site's."""
        return self.build_language or self.language

    def language_folder(self, language: str) -> str:
        """Where a language's pages are, from the site's root, on a site built by language."""
        return language_folder(self.language, language)



@dataclass(frozen=True, kw_only=True)
class Settings(PageSettings):
    """What the core needs to know of a site: the pages' settings, and where its files are,
    what day it is, how reviews due are reported, where it is published, its cache."""

    root: Path
    """The folder of the site's configuration; paths in messages are shown relative to it."""
    dir: Path
    """The playbooks folder."""
    today: datetime.date
    """The day taken as today: every date computed (reviews due) derives from it. Pages see
    only what it decides (`Entry.review_due`), so they depend on the day only when it changes
    what they show."""
    strict_reviews: bool = False
    site_url: str | None = None
    """Where the site is published, for links from outside it (the team report)."""
    cache_dir: Path | None = None
    """The folder of the cache on disk (option `cache_dir`); None with `cache: false`."""
    docs_dir: Path | None = None
    """The site's docs folder (MkDocs' `docs_dir`), where links in the playbooks' text may
    lead; None when unknown."""

    def for_pages(self) -> PageSettings:
        """The settings pages may depend on."""
        return PageSettings(**{setting.name: getattr(self, setting.name)
                               for setting in dataclasses.fields(PageSettings)})

    def cache(self, memory: Memory | None = None) -> Cache | None:
        """The cache of this site: on disk unless `cache: false`, in `memory` if given."""
        if self.cache_dir is None and memory is None:
            return None
        return Cache(self.cache_dir, memory=memory)


def language_folder(site_language: str, language: str) -> str:
    """Where the pages of `language` are on a site built by language: the root for the site's
    language, else a folder named by the language's code (`en/`), as mkdocs-static-i18n does."""
    return "" if language == site_language else f"{language}/"


def site_language(theme: object) -> str:
    """The site's language from its `theme` setting (a name, a mapping or MkDocs' `Theme`)."""
    get = getattr(theme, "get", None)
    if get is None:
        return DEFAULT_LANGUAGE
    return str(get("language") or get("locale") or DEFAULT_LANGUAGE)


DEFAULT_PHASES = ("listen", "engage", "adapt")


def make_framework(phases: Sequence[tuple[str, str | None]] | None) -> list[PhaseDef]:
    """Phases from configuration (id, optional title); default listen / engage / adapt."""
    chosen = phases if phases is not None else [(phase, None) for phase in DEFAULT_PHASES]
    return [PhaseDef(phase, title or None) for phase, title in chosen]


def framework_problems(framework: Sequence[PhaseDef]) -> list[str]:
    """What is wrong with a configured framework, as messages for the configuration file."""
    messages = []
    seen: set[str] = set()
    for phase in framework:
        if not is_slug(phase.id):
            messages.append(f"framework phase id '{phase.id}' is not a valid id "
                            f"(use lowercase letters, digits and hyphens, e.g. "
                            f"'{slugify(phase.id) or 'listen'}')")
        if phase.id in seen:
            messages.append(f"framework phase id '{phase.id}' appears twice")
        seen.add(phase.id)
    if not framework:
        messages.append("the framework needs at least one phase")
    return messages
