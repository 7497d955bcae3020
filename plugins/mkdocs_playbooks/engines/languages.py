"""Sites in several languages built by mkdocs-static-i18n: the MkDocs side (like `nav.py`).

mkdocs-static-i18n builds the site once per language, each build with its own theme language
(Material's words) into its own folder (`en/`, none for the default language): MkDocs runs every
event of a build, `on_config` included, for each language. It sorts the files of `docs/` by
language in its `on_files` event, and cannot sort generated files (they have no source file): the
plugin adds its pages after it, already placed for the build's language, and gives each page the
alternates that say where its versions in the other languages are.

Material's header selector leads from every page to its version in each language, with
`navigation.instant` too. Instant navigation redraws a page's content and `<head>` but not the
header, and takes every address of the site's sitemap for its own; mkdocs-static-i18n writes one
sitemap for all languages. So (the guide's "Languages" page tells why each part is needed): the
selector lists the languages' homes (`configure_selector`), each page says where its versions are
in `<meta>` tags (`alternate_tags`) from which the script points the selector at them, as links
that load the other language's page whole, and each language's folder has its own sitemap
(`write_language_sitemap`), which Material fetches for each language of the selector.
"""

from __future__ import annotations

import dataclasses
import html
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from xml.etree import ElementTree

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..core.model import LANG_PATTERN
from ..core.settings import Settings, language_folder
from ..output.i18n import language_name

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

I18N_PLUGIN = "i18n"
ALTERNATE_META = "mkdocs-playbooks:alternate"
"""The name of the `<meta>` tags that give a page's address in each language (`alternate_tags`);
the script reads them."""
SITEMAP_NAMESPACES = {"": "http://www.sitemaps.org/schemas/sitemap/0.9",
                      "xhtml": "http://www.w3.org/1999/xhtml"}


@dataclass(frozen=True)
class Build:
    """One language's build of a site in several languages."""

    default: str
    """The site's language: its pages are at the root."""
    current: str
    """This build's language."""
    languages: tuple[str, ...]
    """Every language built."""
    selector: bool = False
    """Whether the theme has a header selector that the plugin points at each page's versions
    (Material's)."""

    def folder(self, language: str) -> str:
        """Where the pages of `language` go (see `settings.language_folder`)."""
        return language_folder(self.default, language)

    def settings(self, site_settings: Settings) -> Settings:
        """`site_settings` for this build: the site's language, this build's, all built."""
        return dataclasses.replace(site_settings, language=self.default,
                                   build_language=self.current, built_languages=self.languages,
                                   language_selector=self.selector)


def i18n_build(config: MkDocsConfig) -> Build | None:
    """The language build mkdocs-static-i18n is running, None for a site in one language."""
    plugin = config.plugins.get(I18N_PLUGIN)
    default = getattr(plugin, "default_language", None)
    current = getattr(plugin, "current_language", None)
    languages = getattr(plugin, "build_languages", None)
    if not (isinstance(default, str) and isinstance(current, str)
            and isinstance(languages, list)):
        return None
    return Build(default, current, tuple(str(language) for language in languages),
                 selector=config.theme.name == "material")


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


def configure_selector(config: MkDocsConfig, build: Build) -> None:
    """Material's header selector, listing every built language, each leading to its home (the
    script points it at the page's own versions): unless the site configures one itself."""
    if not build.selector or config.extra.get("alternate"):
        return
    plugin = config.plugins.get(I18N_PLUGIN)
    config.extra["alternate"] = [
        {"name": _configured_name(plugin, language), "lang": language,
         "link": build.folder(language) or "./"}  # from the root: Material's `url` filter
        for language in build.languages]


def _configured_name(plugin: Any, language: str) -> str:
    """The name mkdocs-static-i18n's configuration gives `language`, else its own name."""
    try:
        name = plugin.get_language_config(language).name
    except Exception:  # another plugin's API: any failure means no name
        name = None
    return str(name) if name else language_name(language)


def alternate_tags(page: Page, build: Build) -> str:
    """One `<meta>` per built language: where the header's selector leads from `page` in that
    language (the script reads them), relative to the page: its version in that language, else
    that language's home. The page's own language leads to the page."""
    found = getattr(page.file, "alternates", None) or {}
    tags = []
    for language in build.languages:
        other = page.file if language == build.current else found.get(language)
        url = getattr(other, "url", None)
        if url is None:
            url = build.folder(language)
        here = get_relative_url(url or ".", page.url or ".")
        tags.append(f'<meta name="{ALTERNATE_META}" data-hreflang="{html.escape(language)}" '
                    f'content="{html.escape(here)}">')
    return "".join(tags)


def with_alternate_tags(output: str, tags: str) -> str:
    """A page's HTML with `tags` at the end of its `<head>`."""
    end = output.find("</head>")
    return output if end < 0 or not tags else output[:end] + tags + output[end:]


def write_language_sitemap(config: MkDocsConfig, build: Build) -> None:
    """`<folder>/sitemap.xml` for a language not at the root, listing the addresses under its
    folder: Material fetches `sitemap.xml` under each language of the header's selector, and
    mkdocs-static-i18n writes only the root's (every language built so far)."""
    folder = build.folder(build.current)
    site = Path(config.site_dir)
    root = site / "sitemap.xml"
    if not folder or not root.is_file():
        return
    for prefix, uri in SITEMAP_NAMESPACES.items():
        ElementTree.register_namespace(prefix, uri)
    try:
        tree = ElementTree.parse(root)  # noqa: S314 - the sitemap this very build wrote
    except ElementTree.ParseError as error:
        log.warning(f"playbooks: {root} could not be read ({error}): no {folder}sitemap.xml")
        return
    base = (config.site_url or "") + folder
    urlset = tree.getroot()
    namespace = "{" + SITEMAP_NAMESPACES[""] + "}"
    for url in list(urlset):
        loc = url.findtext(f"{namespace}loc") or ""
        if not loc.startswith(base):
            urlset.remove(url)
    target = site / folder / "sitemap.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    tree.write(target, encoding="UTF-8", xml_declaration=True)


def content_language(page: Page, page_language: str, build: Build | None) -> str:
    """The language a page of `docs/` is written in: its front matter's `lang`, else, on a site
    built by language, the language of its source file (a page without a version in the build's
    language is shown from the default language's file), else the page's."""
    declared = page.meta.get("lang")
    if isinstance(declared, str) and re.match(LANG_PATTERN, declared):
        return declared
    if declared is not None:
        log.warning(f"playbooks: {page.file.src_uri}: front matter `lang: {declared}` is not a "
                    f"language code; write a code like `lang: en` (ignored)")
    locale = getattr(page.file, "locale", None)
    if build is not None and isinstance(locale, str) and locale in build.languages:
        return locale
    return page_language
