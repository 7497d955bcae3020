"""Sites in several languages built by mkdocs-static-i18n: the MkDocs side (like `nav.py`).

mkdocs-static-i18n builds the site once per language, each build with its own theme language
(Material's words) into its own folder (`en/`, none for the default language). It sorts the files
of `docs/` by language in its `on_files` event, and cannot sort generated files (they have no
source file): the plugin adds its pages after it, already placed for the build's language, and
gives each page the alternates that lead Material's language selector to its other versions.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from types import SimpleNamespace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from ..core.settings import Settings, language_folder

I18N_PLUGIN = "i18n"


@dataclass(frozen=True)
class Build:
    """One language's build of a site in several languages."""

    default: str
    """The site's language: its pages are at the root."""
    current: str
    """This build's language."""
    languages: tuple[str, ...]
    """Every language built."""

    def folder(self, language: str) -> str:
        """Where the pages of `language` go (see `settings.language_folder`)."""
        return language_folder(self.default, language)

    def settings(self, site_settings: Settings) -> Settings:
        """`site_settings` for this build: the site's language, this build's, all built."""
        return dataclasses.replace(site_settings, language=self.default,
                                   build_language=self.current, built_languages=self.languages)


def i18n_build(config: MkDocsConfig) -> Build | None:
    """The language build mkdocs-static-i18n is running, None for a site in one language."""
    plugin = config.plugins.get(I18N_PLUGIN)
    default = getattr(plugin, "default_language", None)
    current = getattr(plugin, "current_language", None)
    languages = getattr(plugin, "build_languages", None)
    if not (isinstance(default, str) and isinstance(current, str)
            and isinstance(languages, list)):
        return None
    return Build(default, current, tuple(str(language) for language in languages))


def place(file: File, build: Build) -> None:
    """Puts a generated page where this build's language has its pages, and tells
    mkdocs-static-i18n where its versions in the other languages are (same address under each
    language's folder): Material's language selector then leads from a page to its translation.
    """
    path = file.dest_uri
    file.dest_uri = build.folder(build.current) + path
    for cached in ("url", "abs_dest_path"):  # derived from `dest_uri` when first read
        file.__dict__.pop(cached, None)
    url = file.url[len(build.folder(build.current)):]
    # The attributes mkdocs-static-i18n gives the files it sorts (see its `create_i18n_file`).
    file.locale = file.locale_alternate_of = build.current  # type: ignore[attr-defined]
    file.localization = None  # type: ignore[attr-defined]
    file.norm_src_uri = file.src_uri  # type: ignore[attr-defined]
    file.alternates = {  # type: ignore[attr-defined]
        language: file if language == build.current
        else SimpleNamespace(url=build.folder(language) + url, page=None)
        for language in build.languages
    }


def list_in_sitemap(config: MkDocsConfig, build: Build, files: list[File]) -> None:
    """Adds generated pages to the sitemap mkdocs-static-i18n writes (from the files it sorted):
    Material's instant navigation only takes links to the pages that the sitemap lists."""
    plugin = config.plugins.get(I18N_PLUGIN)
    listed = getattr(plugin, "i18n_files_per_language", None)
    if isinstance(listed, dict) and isinstance(listed.get(build.current), list):
        listed[build.current].extend(files)
