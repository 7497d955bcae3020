"""The MkDocs adapter: loads the playbooks, adds their pages in memory, arranges the nav.

All content work is done by the core (`project`, `site`, `render`); each event handler here only
moves data between MkDocs and the core.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import logging
import os
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import nav as nav_layout
from .assets import STYLESHEET, script_bundle
from .config import PlaybooksConfig
from .i18n import unknown_keys
from .model import Playbook
from .problems import Problem, Severity
from .project import Settings, make_settings
from .render import (
    INDEX_URI,
    PROGRESS_URI,
    RenderOptions,
    assessment_uri,
    playbook_uri,
    render_assessment,
    render_index,
    render_playbook,
    render_progress,
)
from .sanitize import sanitize
from .site import Entry, ParseCache, Site, framework_problems

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

CSS_URI = "assets/playbooks/playbooks.css"
JS_URI = "assets/playbooks/playbooks.js"
ASSETS = (CSS_URI, JS_URI)
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")


class GeneratedPage(File):
    """A page made from playbooks. Under `--dirty` it is rebuilt only when its Markdown differs
    from the last build's (MkDocs would otherwise rebuild every in-memory page each time)."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not Path(self.abs_dest_path).is_file()


class PlaybooksPlugin(BasePlugin[PlaybooksConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.settings: Settings | None = None
        self.site: Site | None = None
        self.digests: dict[str, bytes] = {}
        """A digest of the Markdown of each generated page of this build, by source path."""
        self.titles: dict[str, str] = {}
        # Kept across the rebuilds of `mkdocs serve`, which reuses plugin instances:
        self.parsed: ParseCache = {}
        self.built_digests: dict[str, bytes] = {}
        self.playbook_markdown: dict[str, tuple[Playbook, datetime.date, str]] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        framework = self.config.framework
        self.settings = make_settings(
            root,
            directory=self.config.dir,
            framework=(None if framework is None
                       else [(phase.id, phase.title) for phase in framework]),
            language=_site_language(config),
            strict_reviews=self.config.strict_reviews,
            strings=self.config.strings,
        )
        messages = framework_problems(self.settings.framework)
        if messages:
            raise PluginError("playbooks: " + "; ".join(messages))
        for key in unknown_keys(self.config.strings):
            log.warning(f"playbooks: `strings` has an unknown key '{key}'; see the docs for keys")
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if JS_URI not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(JS_URI)
        return config

    # Before the site folder is cleaned: a build that fails on content leaves the old site intact.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.settings is not None
        self.site = self.settings.load(cache=self.parsed if self.is_serve else None)
        for problem in self.site.problems:
            _report(problem)
        errors = self.site.errors
        if errors and not self.is_serve:
            raise PluginError(f"{len(errors)} error(s) in the playbooks: see the messages above")

    # Early, so that later plugins (tags, search, …) see the generated pages as any other page.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        assert self.settings is not None
        options = self._render_options()
        pages: list[tuple[str, str, Path | None]] = [
            (INDEX_URI, render_index(self.site, options), None),
            (PROGRESS_URI, render_progress(self.site, options), None)]
        pages += [(playbook_uri(e.id), self._playbook_page(e, options), e.path)
                  for e in self.site.playbooks.values()]
        pages += [(assessment_uri(e.id), render_assessment(e, self.site, options), e.path)
                  for e in self.site.assessments.values()]
        _refuse_clashes(files, [uri for uri, _, _ in pages] + list(ASSETS), config)
        self.digests = {uri: _digest(markdown) for uri, markdown, _ in pages}
        self.titles = self._titles()
        for uri, markdown, source in pages:
            file = GeneratedPage.generated(config, uri, content=markdown,
                                           inclusion=InclusionLevel.NOT_IN_NAV)
            assert isinstance(file, GeneratedPage)
            file.changed = self.built_digests.get(uri) != self.digests[uri]
            if source is not None:
                file.edit_uri = Path(os.path.relpath(source, config.docs_dir)).as_posix()
            files.append(file)
        files.append(File.generated(config, CSS_URI, abs_src_path=str(STYLESHEET)))
        files.append(File.generated(config, JS_URI, content=script_bundle()))
        if not self.is_serve:
            self.site = None  # all it held is in the pages now: memory for the build
        return files

    def _titles(self) -> dict[str, str]:
        """Each generated page's title, HTML-escaped as MkDocs reads it from a heading."""
        assert self.site is not None
        assert self.settings is not None
        strings = self.settings.strings_for(self.settings.language)
        titles = {INDEX_URI: strings("index.title"), PROGRESS_URI: strings("progress.title")}
        titles |= {playbook_uri(i): e.model.title for i, e in self.site.playbooks.items()}
        titles |= {assessment_uri(i): e.model.title for i, e in self.site.assessments.items()}
        return {uri: html.escape(title) for uri, title in titles.items()}

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.settings is not None
        index = files.get_file_from_path(INDEX_URI)
        assert index is not None
        assert index.page is not None
        for uri, page_title in self.titles.items():
            file = files.get_file_from_path(uri)
            if file is not None and file.page is not None and file.page.title is None:
                # Known before the page is read (unless `nav:` names it): nav titles stay right
                # under `--dirty`, where MkDocs does not read unchanged pages.
                file.page.title = page_title
        uris = [uri for uri in self.titles if uri != INDEX_URI]
        pages = [page for uri in uris if (f := files.get_file_from_path(uri)) and (page := f.page)]
        title = self.settings.strings_for(self.settings.language)("nav.section")
        nav_layout.arrange(nav, title, index.page, pages, self.config.nav_limit)
        return nav

    # Last: MkDocs and other plugins have read the page's source by now.
    @event_priority(-100)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if isinstance(page.file, GeneratedPage):
            page.file.content_string = ""  # the page holds its Markdown: one copy is enough
        return markdown

    # First, so that what later plugins add to the HTML (if anything) is not sanitised away.
    @event_priority(100)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.allow_html or page.file.src_uri not in self.digests:
            return html
        return sanitize(html)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # The Edit link of a generated page is `…/docs/../playbooks/x.yml`: tidy it.
        if page.file.generated_by and page.edit_url:
            page.edit_url = _without_dot_segments(page.edit_url)
        return page

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.built_digests = self.digests  # only once the build has succeeded

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.settings is not None
        server.watch(str(self.settings.dir))
        return server

    def _playbook_page(self, entry: Entry[Playbook], options: RenderOptions) -> str:
        """A playbook's Markdown, re-rendered only when its file or the date changed: it
        depends on nothing else (serve rebuilds of large sites render one page, not all)."""
        assert self.site is not None
        today = options.today
        assert today is not None
        known = self.playbook_markdown.get(entry.id)
        if known is not None and known[0] is entry.model and known[1] == today:
            return known[2]
        markdown = render_playbook(entry, self.site, options)
        if self.is_serve:
            self.playbook_markdown[entry.id] = (entry.model, today, markdown)
        return markdown

    def _render_options(self) -> RenderOptions:
        assert self.settings is not None
        settings = self.settings
        return RenderOptions(
            strings=settings.strings_for,
            site_language=settings.language,
            facilitator=self.config.edition == "facilitator",
            today=datetime.date.today(),
        )


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def _without_dot_segments(url: str) -> str:
    parts = urlsplit(url)
    path = posixpath.normpath(parts.path) if parts.path else parts.path
    return urlunsplit(parts._replace(path=path))


def _site_language(config: MkDocsConfig) -> str:
    theme = config.theme
    return str(theme.get("language") or theme.get("locale") or "en")


def _report(problem: Problem) -> None:
    level = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING,
             Severity.NOTE: logging.INFO}[problem.severity]
    log.log(level, str(problem))


def _refuse_clashes(files: Files, uris: list[str], config: MkDocsConfig) -> None:
    """A file of `docs/` that has the source path or the URL of a generated file is an error."""
    ours = {uri: File(uri, None, config.site_dir, config.use_directory_urls).dest_uri
            for uri in uris}
    taken = set(ours) | set(ours.values())
    for file in files:
        if file.src_uri in taken or file.dest_uri in taken:
            where = file.abs_src_path or file.src_uri
            raise PluginError(
                f"{where}: this file takes the place of a page that the playbooks plugin "
                f"generates ({file.url or file.src_uri}); rename or move it"
            )
