"""A site's settings for the core, and loading its playbooks into a `Site`.

Free of MkDocs: `config.py` makes `Settings` from the plugin's validated options, for the plugin
and the command line alike.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..output.i18n import DEFAULT_LANGUAGE, Strings
from .cache import DiskCache
from .problems import Severity
from .site import ParseCache, PhaseDef, Site, build_site, discover


@dataclass(frozen=True)
class Settings:
    """What the core needs to know of a site: folders, framework, language, day, edition."""
    root: Path
    """The folder of the site's configuration; paths in messages are shown relative to it."""
    dir: Path
    """The playbooks folder."""
    framework: tuple[PhaseDef, ...]
    today: datetime.date
    """The day taken as today: every date computed (reviews due) derives from it."""
    language: str = DEFAULT_LANGUAGE
    strict_reviews: bool = False
    facilitator: bool = False
    """Whether pages include the facilitator notes."""
    strings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    site_url: str | None = None
    """Where the site is published, for links from outside it (the team report)."""
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
    cache_dir: Path | None = None
    """The folder of the cache on disk (option `cache_dir`); None with `cache: false`."""

    def store(self) -> DiskCache | None:
        """The cache on disk of this site, if it has one."""
        return DiskCache(self.cache_dir) if self.cache_dir is not None else None

    @property
    def page_language(self) -> str:
        """The language of the pages' surroundings: the build's, else the site's."""
        return self.build_language or self.language

    def strings_for(self, language: str | None) -> Strings:
        """The words of `language` (default: the pages'), with the site's overrides."""
        return Strings(language or self.page_language, self.strings)

    def language_folder(self, language: str) -> str:
        """Where a language's pages are, from the site's root, on a site built by language."""
        return "" if language == self.language else f"{language}/"

    def words_for(self, document_language: str) -> Strings:
        """The plugin's words on the page of a document in `document_language`: the build's
        language on a site built by language (the words are the page's surroundings, as the
        theme's), else the document's."""
        return self.strings_for(self.build_language or document_language)

    def fingerprint(self) -> str:
        """Every setting that pages depend on, as text: part of the key of what is made from
        them (not the folders: a project checked out elsewhere makes the same pages)."""
        return repr(dataclasses.replace(self, root=Path(), dir=Path(), cache_dir=None))

    def load(self, paths: Sequence[Path] | None = None, cache: ParseCache | None = None,
             store: DiskCache | None = None) -> Site:
        """Load, check and link the playbooks of `paths` (default: the playbooks folder);
        `cache` and `store` keep files parsed by earlier builds (see `build_site`)."""
        files = discover(paths if paths is not None else [self.dir])
        return build_site(
            files, self.framework, root=self.root, today=self.today,
            overdue=Severity.WARNING if self.strict_reviews else Severity.NOTE, cache=cache,
            language=self.language, store=store,
        )


def site_language(theme: object) -> str:
    """The site's language from its `theme` setting (a name, a mapping or MkDocs' `Theme`)."""
    get = getattr(theme, "get", None)
    if get is None:
        return DEFAULT_LANGUAGE
    return str(get("language") or get("locale") or DEFAULT_LANGUAGE)
