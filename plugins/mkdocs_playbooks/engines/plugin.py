"""The MkDocs adapter: loads the playbooks, adds their pages in memory, arranges the nav.

All content work is done by the core (`settings`, `site`, `pages`); each event handler here only
moves data between MkDocs and the core.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..core.cache import Cache, Memory
from ..core.loading import load_site
from ..core.problems import Problem, Severity
from ..core.settings import Settings, site_language
from ..output.assets import CSS_URI, JS_URI, script_bundle, stylesheet
from ..output.i18n import strings_for
from ..output.links import check_links
from ..output.pages import INDEX_URI, MarkdownPage, site_pages
from ..output.pages.markup import (
    edition_banner,
    holds_facilitator_notes,
    in_language_html,
    title_text,
    unheld,
    untranslated,
    with_banner,
)
from ..output.problem_pages import pages_with_problems
from ..output.sanitize import sanitize_stored
from . import nav as nav_layout
from . import neighbours, rendered
from .config import PlaybooksConfig, cache_dir_problem, make_settings
from .languages import (
    Build,
    alternate_tags,
    configure_selector,
    content_language,
    i18n_build,
    list_in_sitemap,
    place,
    with_alternate_tags,
    write_language_sitemap,
)
from .link_warnings import ReportedLinks
from .memory import (
    GeneratedFile,
    HeldPage,
    free_html,
    free_markdown,
    hold_html,
    should_pack,
    unpack_html,
)

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

ASSETS = (CSS_URI, JS_URI)
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html")


class PlaybooksPlugin(BasePlugin[PlaybooksConfig]):
    """The `playbooks` plugin of MkDocs: generated pages from the playbooks folder."""
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.site_settings: Settings | None = None
        """The core's settings from the plugin's options, made in `on_config`."""
        self.build: Build | None = None
        """The language build of mkdocs-static-i18n under way, None for a site in one language."""
        self._settings: Settings | None = None
        """`site_settings` for the build under way (its language), made in `on_pre_build`."""
        self.cache: Cache | None = None
        """The cache on disk (option `cache`) and, under `mkdocs serve`, in memory; made in
        `on_pre_build`, for the language built."""
        self.pages: list[HeldPage] = []
        """The pages of this build, made in `on_pre_build`, handed to MkDocs in `on_files`."""
        self.generated: dict[str, HeldPage] = {}
        """What is known of each generated page once MkDocs holds it (its Markdown left out), by
        source path."""
        self.packing = False
        """Whether this build keeps its pages compressed (`memory.should_pack`)."""
        # Kept across the rebuilds of `mkdocs serve`, which reuses plugin instances:
        self.memories: dict[str | None, Memory] = {}
        """What the last build of each language (None: the only one) made, by its keys in the
        cache (`mkdocs serve` only): files parsed, pages' Markdown and HTML."""
        self.built_digests: dict[str | None, dict[str, bytes]] = {}
        """What the last successful build wrote, by language built (None: the only one)."""
        self.last_built: dict[str | None, dict[str, str]] = {}
        """The Markdown of each page as it last built, shown under its errors while serving, by
        language built (None: the only one): each language's build has its own version of a
        page at the same address."""
        self.link_filter = ReportedLinks()
        """Keeps MkDocs from warning again about links in the playbooks' text that the plugin
        reported at their YAML line."""
        self.held: list[str] = []
        """The author text taken out of the page being read by other plugins (`neighbours`)."""
        self.others_read_markdown = True
        """Whether another plugin or hook reads pages' Markdown (`on_page_markdown`), set in
        `on_pre_build`: if none does, the author text is not taken out and put back."""
        self.snippets: neighbours.SnippetReader | None = None
        """pymdownx.snippets' reader when the build's Markdown runs it, made in `on_pre_build`."""
        self.fences = neighbours.FenceGuard()
        """markdown-exec's fences, refused while a generated page renders."""

    @property
    def settings(self) -> Settings:
        """The core's settings for the build under way."""
        settings = self._settings or self.site_settings
        if settings is None:
            raise PluginError("playbooks: the plugin's settings are read in `on_config`, "
                              "which has not run")
        return settings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Default priority: only notes whether this is `mkdocs serve`, whose rebuilds keep
        caches."""
        self.is_serve = command == "serve"

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.site_settings = make_settings(self.config, root=root,
                                           language=site_language(config.theme),
                                           site_url=config.site_url,
                                           docs_dir=Path(config.docs_dir))
        if self.site_settings.cache_dir is not None:
            problem = cache_dir_problem(self.site_settings.cache_dir, docs_dir=config.docs_dir,
                                        site_dir=config.site_dir,
                                        playbooks_dir=self.site_settings.dir, root=root)
            if problem:
                raise PluginError(f"playbooks: option 'cache_dir': {problem}")
        self.link_filter.attach()
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        if JS_URI not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(JS_URI)
        return config

    # After mkdocs-static-i18n's (-100), which sets the language of the build under way.
    @event_priority(-110)
    def _configure_languages(self, config: MkDocsConfig) -> MkDocsConfig:
        build = i18n_build(config)
        if build is not None:
            configure_selector(config, build)
        return config

    on_config = CombinedEvent(_configure, _configure_languages)
    """Default priority: the core's settings; the Markdown extensions and assets pages need.
    -110, after mkdocs-static-i18n: on a site built by language, the header's language selector
    (`languages.configure_selector`). MkDocs runs `on_config` again for each language's build."""

    # Before the site folder is cleaned: a build that fails on content, or on a file of `docs/`
    # in the way of a generated page, leaves the old site intact.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Default priority: load and check the playbooks, report every problem, fail the build on
        errors; make the pages and refuse a file of `docs/` in the place of one."""
        # Read now, once every plugin's `on_config` has run: mkdocs-static-i18n sets the language
        # of each build in its own (MkDocs runs `on_config` for each language's build).
        self.build = i18n_build(config)
        self._settings = None
        if self.build is not None:
            self._settings = self.build.settings(self.settings)
        folder = self.settings.dir
        if not folder.is_dir():
            raise PluginError(f"playbooks: no playbooks folder at {folder}: create it, or set "
                              f"the plugin's `dir` option to the folder of your playbooks")
        self.cache = self.settings.cache(memory=self._memory())
        site = load_site(self.settings, cache=self.cache)
        self.link_filter.reported = check_links(site, self.settings)
        for problem in site.problems:
            _report(problem)
        errors = site.errors
        if errors and not self.is_serve:
            raise PluginError(f"{len(errors)} error(s) in the playbooks: see the messages above")
        pages: Iterable[MarkdownPage] = site_pages(site, self.settings, self.cache)
        if self.is_serve:  # errors shown in the pages, where the author looks
            pages = list(pages)
            last_built = self.last_built.setdefault(self.settings.build_language, {})
            last_built.update((page.uri, page.markdown) for page in pages)
            pages = pages_with_problems(site, pages, last_built, strings_for(self.settings))
        # One page's Markdown at a time in memory: each is packed as soon as it is made.
        self.packing = should_pack(len(site.playbooks) + len(site.assessments))
        self.pages = [HeldPage.of(page, pack=self.packing) for page in pages]
        _refuse_clashes(get_files(config), [page.uri for page in self.pages] + list(ASSETS),
                        config)
        if self.cache is not None:
            self.cache.forget_documents()  # the site's documents are not needed any more
            self.cache.flush()
        # After every plugin's `on_config`, which may add extensions and fences:
        self.snippets = neighbours.snippet_reader(config.markdown_extensions, config.mdx_configs)
        self.others_read_markdown = any(
            getattr(method, "__self__", None) is not self
            for method in config.plugins.events.get("page_markdown", []))
        self.fences.wrap(config.mdx_configs)

    def _memory(self) -> Memory | None:
        """Under `mkdocs serve`, the memory of the language built, for its next build (each
        language's build makes other pages, with other keys, from the same files)."""
        if not self.is_serve:
            return None
        language = self.build.current if self.build is not None else None
        memory = self.memories.setdefault(language, Memory())
        memory.next_build()
        return memory

    # Early, so that later plugins (tags, search, …) see the generated pages as any other page.
    @event_priority(50)
    def _add_files_early(self, files: Files, *, config: MkDocsConfig) -> Files:
        return files if self.build is not None else self._add_files(files, config)

    # After mkdocs-static-i18n's (-100), which cannot sort files that have no source file.
    @event_priority(-110)
    def _add_files_late(self, files: Files, *, config: MkDocsConfig) -> Files:
        return files if self.build is None else self._add_files(files, config)

    on_files = CombinedEvent(_add_files_early, _add_files_late)
    """Priority 50, early: add the generated pages (and assets) so later plugins see them;
    -110 on a site built by language, after mkdocs-static-i18n has sorted the files."""

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        language = self.build.current if self.build is not None else None
        built = self.built_digests.get(language, {})
        added: list[File] = []
        for page in self.pages:
            file = GeneratedFile.of(page, config, changed=built.get(page.uri) != page.digest)
            if page.source is not None:
                file.edit_uri = _edit_uri(page.source, config)
            if self.build is not None:
                place(file, self.build)
            files.append(file)
            added.append(file)
        if self.build is not None:
            list_in_sitemap(config, self.build, added)
        files.append(File.generated(config, CSS_URI, content=stylesheet()))
        files.append(File.generated(config, JS_URI, content=script_bundle()))
        # The files hold the pages' Markdown now: one copy of each.
        self.generated = {page.uri: dataclasses.replace(page, markdown=None, packed=None)
                          for page in self.pages}
        self.link_filter.pages = set(self.generated)
        self.pages = []
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Default priority: titles of generated pages, one nav section for them, and their
        HTML made through the cache (`rendered`)."""
        pages = {}
        for uri, generated in self.generated.items():
            file = files.get_file_from_path(uri)
            if file is None or file.page is None:
                continue
            if file.page.title is None:
                # Known before the page is read (unless `nav:` names it): nav titles stay right
                # under `--dirty`, where MkDocs does not read unchanged pages.
                file.page.title = title_text(generated.title)
            if generated.in_nav:  # not the later pages of a listing: reached by its pager
                pages[uri] = file.page
        index = pages.pop(INDEX_URI, None)
        if index is None:  # pragma: no cover - on_files added it
            raise PluginError(f"playbooks: the index page {INDEX_URI} is missing from the files")
        title = strings_for(self.settings)("nav.section")
        nav_layout.arrange(nav, title, index, list(pages.values()), self.config.nav_limit)
        self._render_through_cache(config, files)
        return nav

    def _render_through_cache(self, config: MkDocsConfig, files: Files) -> None:
        """Generated pages rendered through the cache (`rendered`): a page whose HTML is known
        is not converted again. Once every file is known, which its links are checked against."""
        if self.cache is None:
            return
        inputs = rendered.render_inputs(config, files, sanitise=not self.config.allow_html)
        if inputs is None:
            return
        for uri in self.generated:
            file = files.get_file_from_path(uri)
            if file is not None and file.page is not None:
                rendered.use_stored_render(file.page, self.cache, inputs)

    # First: before any other plugin reads the page's Markdown.
    @event_priority(200)
    def _hold_author_text(self, markdown: str, *, page: Page, config: MkDocsConfig,
                          files: Files) -> str:
        if page.file.src_uri not in self.generated or not self.others_read_markdown:
            return markdown
        markdown, self.held = neighbours.take_out(markdown)
        return markdown

    # Last: MkDocs and other plugins have read the page's source by now.
    @event_priority(-200)
    def _put_back_author_text(self, markdown: str, *, page: Page, config: MkDocsConfig,
                              files: Files) -> str:
        if page.file.src_uri not in self.generated:
            return markdown
        free_markdown(page)  # the page holds its Markdown: one copy is enough
        if self.others_read_markdown:
            markdown, missing = neighbours.put_back(markdown, self.held)
        else:  # nobody else read it: the marks go, as `put_back` takes them off
            markdown, missing = unheld(markdown), 0
        self.held = []
        if missing:
            log.warning(f"playbooks: another plugin removed {missing} piece(s) of the playbooks' "
                        f"text from {page.file.src_uri}")
        if self.snippets is not None:
            markdown = neighbours.snippet_proof(markdown, self.snippets)
        self.fences.active = True  # until `on_page_content`: MkDocs renders this page now
        return markdown

    on_page_markdown = CombinedEvent(_hold_author_text, _put_back_author_text)
    """Priority 200, first: take the text of the playbooks' authors out of a generated page's
    Markdown, so that no other plugin reads it as a template, an include or code; -200, last:
    put it back (escaping the lines pymdownx.snippets would read), and free the page's source
    copy (see `neighbours`)."""

    # First, so that what later plugins add to the HTML (if anything) is not sanitised away.
    @event_priority(100)
    def _sanitise(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.fences.active = False
        if self.config.allow_html or page.file.src_uri not in self.generated \
                or rendered.is_sanitised(page, html):
            return html
        return sanitize_stored(html, self.cache)

    def _mark_language(self, content: str, *, page: Page, config: MkDocsConfig,
                       files: Files) -> str:
        """A page of `docs/` written in another language than the page's (its front matter's
        `lang`, or mkdocs-static-i18n's default-language file shown in another build): its
        content marked with that language, after a note on a site built by language."""
        if page.file.src_uri in self.generated:  # the plugin's pages mark their own
            return content
        page_language = self.settings.page_language
        written = content_language(page, page_language, self.build)
        if written == page_language:
            return content
        note = untranslated(strings_for(self.settings), written) if self.build else ""
        return note + in_language_html(content, written, page_language)

    # Last: every plugin has had the page's Markdown and its HTML by now.
    @event_priority(-100)
    def _pack_content(self, html: str, *, page: Page, config: MkDocsConfig,
                      files: Files) -> str:
        return hold_html(page, html, pack=self.packing)

    on_page_content = CombinedEvent(_sanitise, _mark_language, _pack_content)
    """Priority 100, first: sanitise generated pages before other plugins add their HTML;
    default: mark the language of a page of `docs/` not written in the page's; -100, last: free
    a generated page's Markdown and, on a large site, pack its HTML until the page is made
    (`on_page_context`). MkDocs holds every page's Markdown and HTML from the time it is read
    until every page is written: at 10,000 pages, about 400 MiB of HTML alone."""

    # First: the page's HTML is back before any plugin or the theme reads it.
    @event_priority(100)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> Any:
        """Priority 100, first: unpack the HTML of a generated page, to be made now."""
        unpack_html(page)
        return context

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """Default priority: tidy the Edit link of generated pages."""
        # The Edit link of a generated page is `…/docs/../playbooks/x.yml`: tidy it.
        if page.file.generated_by and page.edit_url:
            page.edit_url = _without_dot_segments(page.edit_url)
        return page

    def _banner(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.settings.facilitator:
            return output
        banner = edition_banner(strings_for(self.settings),
                                notes=holds_facilitator_notes(output))
        return with_banner(output, banner)

    # Last: the page is written next, and nothing reads its HTML after that.
    @event_priority(-100)
    def _forget_content(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        free_html(page)
        return output

    def _alternates(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.build is None or not self.build.selector:
            return output
        return with_alternate_tags(output, alternate_tags(page, self.build))

    on_post_page = CombinedEvent(_banner, _alternates, _forget_content)
    """Default priority: in the facilitator edition, a banner on every page that holds
    facilitator notes, printed at the top of every sheet, and on screen only a line on every other
    page saying it is the participants' own: the edition cannot be mistaken for theirs, and a
    trainer prints handouts from it; on a site built by language, where the page is in each
    language, for the header's selector. -100, last: free a
    generated page's HTML once the page is made (the search index has its own copy of the text):
    otherwise every page's HTML stays in memory to the end of the build."""

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Default priority: the edition's line on the theme's own pages too (the 404 page)."""
        if not self.settings.facilitator or not template_name.endswith(".html"):
            return output_content
        return with_banner(output_content,
                           edition_banner(strings_for(self.settings), notes=False))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Default priority: remember what this successful build wrote, for `--dirty` rebuilds;
        a language's own sitemap on a site built by language."""
        language = self.build.current if self.build is not None else None
        if self.build is not None and self.build.selector:
            write_language_sitemap(config, self.build)
        # Only once the build has succeeded:
        self.built_digests[language] = {uri: page.digest for uri, page in self.generated.items()}
        if self.cache is not None:
            self.cache.close()  # the sanitised pages written; old entries pruned after changes

    def on_shutdown(self) -> None:
        """Default priority: MkDocs' own link warnings as they were."""
        self.link_filter.detach()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Default priority: rebuild when a playbook changes."""
        server.watch(str(self.settings.dir))
        return server


def _edit_uri(source: Path, config: MkDocsConfig) -> str:
    """The YAML file's path from `docs/`, URL-quoted: a file name is no place for markup."""
    return quote(Path(os.path.relpath(source, config.docs_dir)).as_posix(), safe="/")


def _without_dot_segments(url: str) -> str:
    parts = urlsplit(url)
    path = posixpath.normpath(parts.path) if parts.path else parts.path
    return urlunsplit(parts._replace(path=path))


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
