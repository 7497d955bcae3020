"""A generated page's HTML kept in the cache, so that a build does not convert Markdown whose
HTML is already known.

MkDocs converts every page's Markdown at every build (`Page.render`: a new `markdown.Markdown`
with every extension, then its own tree processors for links, anchors and the title): about 70 %
of the CPU of a build of 1,000 playbooks, whether or not the plugin's cache knew the page. A
generated page's HTML depends only on its Markdown (as every plugin left it), its place, the
Markdown extensions and their options (and the libraries' versions), how links are checked, and
where every file of the site is (links are checked and rewritten against them): `render_page`
makes it from exactly that data, through the cache's one rule, and sanitises it.

Sites whose Markdown options are not data (an extension given as an object, a closure in a
fence's options) or that read files while converting (pymdownx.snippets) are rendered by MkDocs
as usual. `render_page` renders as `Page.render` of MkDocs 1.6 does, but for its raw-HTML
pre-processor, which parses the whole page again with Python's `HTMLParser` only to list the `id`s
of its raw HTML (13 % of the conversion of a generated page): they are read from the HTML made
(`tests/test_rendered.py` holds both to the same HTML, table of contents, title and anchors).
"""

from __future__ import annotations

import dataclasses
import functools
import html
import importlib
import json
import logging
import re
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, cast

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..core.cache import Cache, Kind, through
from ..output.sanitize import sanitize
from .extensions import libraries, reads_files

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

_ID = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class RenderInputs:
    """What a generated page's HTML depends on besides its own Markdown and place."""

    extensions: tuple[str, ...]
    extension_configs: str
    """The extensions' options as canonical JSON (`_as_data`): functions by their name."""
    libraries: tuple[tuple[str, str], ...]
    """The versions of MkDocs, Markdown and the distributions the extensions come from."""
    use_directory_urls: bool
    links: tuple[int, int, int]
    """MkDocs' `validation.links`: `absolute_links`, `unrecognized_links`, `not_found`."""
    files: tuple[tuple[str, str, int], ...]
    """Every file of the site: its source path, its URL and its inclusion level."""
    sanitise: bool


@dataclass(frozen=True)
class Rendered:
    """What MkDocs learns from rendering a page, as data."""

    content: str
    """The HTML, sanitised unless the site allows HTML."""
    toc_tokens: list[Any]
    title: str | None
    anchors: list[str]
    links: dict[str, dict[str, str]]
    """Links to anchors of other files (or this one), by the file's source path."""
    messages: list[tuple[str, int, str]]
    """What MkDocs logged while rendering (broken links…): said again at each build."""


def _encode(value: Rendered) -> bytes:
    """What MkDocs learns as a line of JSON, then the HTML as it is: JSON would escape every
    quote of the HTML, which took most of the time of writing and reading an entry."""
    learnt = {field.name: getattr(value, field.name) for field in dataclasses.fields(Rendered)
              if field.name != "content"}
    return json.dumps(learnt, ensure_ascii=False).encode("utf-8") + b"\n" + \
        value.content.encode("utf-8")


def _decode(payload: bytes, _inputs: tuple[object, ...]) -> Rendered:
    head, newline, content = payload.partition(b"\n")
    data = json.loads(head)
    if not newline or not isinstance(data, dict) or set(data) != {
            field.name for field in dataclasses.fields(Rendered)} - {"content"}:
        raise ValueError("not a rendered page")
    found = Rendered(content=content.decode("utf-8"), **data)
    if not (isinstance(found.toc_tokens, list)
            and isinstance(found.title, str | None) and isinstance(found.anchors, list)
            and isinstance(found.links, dict) and isinstance(found.messages, list)):
        raise ValueError("not a rendered page")  # noqa: TRY004 - the cache's refusal
    messages = [(str(name), int(level), str(text)) for name, level, text in found.messages]
    return dataclasses.replace(found, messages=messages)


RENDERED: Kind[Rendered] = Kind("rendered", _encode, _decode, signed=True)
"""Generated pages' HTML: signed, since it is published as is (a forged entry would bypass
sanitising)."""


# The inputs, from MkDocs' configuration and files.

class NotDataError(ValueError):
    """A Markdown option that is not data: the site's pages are rendered by MkDocs."""


def render_inputs(config: MkDocsConfig, files: Files, *, sanitise: bool) -> RenderInputs | None:
    """The inputs of every generated page's HTML, or None when they are not data (see the
    module's docstring): then MkDocs renders the pages as it does other pages."""
    extensions = config.markdown_extensions
    if not all(isinstance(name, str) for name in extensions):
        log.debug("playbooks: a Markdown extension is given as an object: pages not cached")
        return None
    if reads_files(extensions):
        log.debug("playbooks: a Markdown extension reads files: pages not cached")
        return None
    try:
        options = json.dumps(_as_data(config.mdx_configs or {}), sort_keys=True)
    except NotDataError as error:
        log.debug(f"playbooks: pages not cached: {error}")
        return None
    links = config.validation.links
    return RenderInputs(
        extensions=tuple(extensions), extension_configs=options,
        libraries=libraries(tuple(extensions), options),
        use_directory_urls=bool(config.use_directory_urls),
        links=(int(links.absolute_links), int(links.unrecognized_links), int(links.not_found)),
        files=tuple((file.src_uri, file.url, int(file.inclusion.value)) for file in files),
        sanitise=sanitise,
    )


def _as_data(value: object) -> object:
    """`value` as JSON that `_from_data` makes it again from, types kept; a module-level function
    or class by its name; anything else is `NotDataError`."""
    if value is None or type(value) in (str, int, float, bool):
        return {"v": value}
    if type(value) in (list, tuple):
        return {"l" if type(value) is list else "t": [_as_data(item) for item in
                                                      cast(list[object], value)]}
    if isinstance(value, dict) and all(type(key) is str for key in value):
        return {"d": {key: _as_data(item) for key, item in value.items()}}
    if isinstance(value, types.FunctionType | type) and _by_name(value) is value:
        return {"f": f"{value.__module__}:{value.__qualname__}"}
    raise NotDataError(f"a Markdown option is not data ({type(value).__name__})")


def _by_name(value: types.FunctionType | type) -> object:
    if isinstance(value, types.FunctionType) and value.__closure__ is not None:
        return None
    try:
        found: object = importlib.import_module(value.__module__)
        for part in value.__qualname__.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        return None
    return found


def _from_data(data: Any) -> Any:
    (tag, value), = data.items()
    if tag == "v":
        return value
    if tag in ("l", "t"):
        items = [_from_data(item) for item in value]
        return items if tag == "l" else tuple(items)
    if tag == "d":
        return {key: _from_data(item) for key, item in value.items()}
    module, name = value.split(":")
    found: Any = importlib.import_module(module)
    for part in name.split("."):
        found = getattr(found, part)
    return found


# Rendering from those inputs alone.

def render_page(markdown_text: str, src_uri: str, inputs: RenderInputs) -> Rendered:
    """The HTML and what MkDocs learns of the page at `src_uri` whose Markdown is
    `markdown_text`, as MkDocs 1.6's `Page.render` makes them (see the module's docstring)."""
    files, config = _site(inputs)
    file = files.get_file_from_path(src_uri)
    if file is None:
        raise ValueError(f"{src_uri} is not among the site's files")
    md = markdown.Markdown(extensions=list(inputs.extensions),
                           extension_configs=_from_data(json.loads(inputs.extension_configs)))
    site_files, site_config = cast(Files, files), cast(MkDocsConfig, config)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(file, site_files, site_config)  # type: ignore[arg-type]
    anchors._register(md)
    relative = mkdocs_pages._RelativePathTreeprocessor(file, site_files, site_config)  # type: ignore[arg-type]
    relative._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    with _recorded(mkdocs_pages.log) as messages:
        content = md.convert(markdown_text)
    present = anchors.present_anchor_ids | {html.unescape(found)
                                            for found in _ID.findall(content)}
    return Rendered(
        content=sanitize(content) if inputs.sanitise else content,
        toc_tokens=list(getattr(md, "toc_tokens", [])), title=title.title,
        anchors=sorted(present),
        links={cast(_Place, target).src_uri: dict(found)
               for target, found in relative.links_to_anchors.items()},
        messages=messages,
    )


@dataclass(frozen=True)
class _Place:
    """What MkDocs' link processor reads of a file."""

    src_uri: str
    url: str
    inclusion: InclusionLevel


class _Places:
    """What MkDocs' link processor reads of the site's files."""

    def __init__(self, files: tuple[tuple[str, str, int], ...]) -> None:
        self.by_path = {src_uri: _Place(src_uri, url, InclusionLevel(level))
                        for src_uri, url, level in files}

    def get_file_from_path(self, path: str) -> _Place | None:
        return self.by_path.get(PurePath(path).as_posix())  # as `Files` looks it up


@dataclass(frozen=True)
class _Links:
    absolute_links: int
    unrecognized_links: int
    not_found: int


@dataclass(frozen=True)
class _Validation:
    links: _Links


@dataclass(frozen=True)
class _Config:
    """What MkDocs' link processor reads of the configuration."""

    use_directory_urls: bool
    validation: _Validation


@functools.lru_cache(maxsize=4)
def _site(inputs: RenderInputs) -> tuple[_Places, _Config]:
    absolute, unrecognized, not_found = inputs.links
    links = _Links(
        # MkDocs compares this one by identity with its own value.
        mkdocs_pages._AbsoluteLinksValidationValue(absolute)
        if absolute == mkdocs_pages._AbsoluteLinksValidationValue.RELATIVE_TO_DOCS else absolute,
        unrecognized, not_found)
    return _Places(inputs.files), _Config(inputs.use_directory_urls, _Validation(links))


class _Recorder(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, int, str]] = []

    def filter(self, record: logging.LogRecord) -> bool:
        self.messages.append((record.name, record.levelno, record.getMessage()))
        return False  # said by `restore`, for a page made and a page read back alike


class _recorded:  # noqa: N801 - used as a function
    """The messages `logger` logs meanwhile, at every level, kept and not said."""

    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger
        self.recorder = _Recorder()
        self.level = logger.level

    def __enter__(self) -> list[tuple[str, int, str]]:
        self.logger.filters.insert(0, self.recorder)  # before any other filter
        self.logger.setLevel(logging.DEBUG)
        return self.recorder.messages

    def __exit__(self, *_exc: object) -> None:
        self.logger.setLevel(self.level)
        self.logger.removeFilter(self.recorder)


# The pages.

class StoredRenderPage(Page):
    """A generated page rendered by `render_page`, through the cache."""

    cache: Cache | None = None
    inputs: RenderInputs | None = None
    sanitised: str | None = None
    """The HTML `render` made, already sanitised (when the site sanitises)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """As MkDocs' `Page.render`, through the cache (MkDocs' own without inputs)."""
        if self.inputs is None or self.markdown is None:
            super().render(config, files)
            return
        made = through(self.cache, RENDERED, render_page, self.markdown, self.file.src_uri,
                       self.inputs)
        self.content = made.content
        self.sanitised = made.content if self.inputs.sanitise else None
        self.toc = get_toc(made.toc_tokens)
        self._title_from_render = made.title
        self.present_anchor_ids = set(made.anchors)
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = dict(_files_linked(made.links, files))
        for name, level, message in made.messages:
            logging.getLogger(name).log(level, message)


def _files_linked(links: Mapping[str, dict[str, str]],
                  files: Files) -> Iterator[tuple[Any, dict[str, str]]]:
    for src_uri, anchors in links.items():
        target = files.get_file_from_path(src_uri)
        if target is not None:
            yield target, dict(anchors)


def use_stored_render(page: Page, cache: Cache, inputs: RenderInputs) -> None:
    """Make `page` (a generated page) render through `cache`."""
    page.__class__ = StoredRenderPage
    assert isinstance(page, StoredRenderPage)
    page.cache = cache
    page.inputs = inputs


def is_sanitised(page: Page, html_text: str) -> bool:
    """Whether `html_text` is the HTML `page` rendered, sanitised already (asked once: the page
    then forgets it, which MkDocs holds, and the plugin packs on a large site)."""
    if not isinstance(page, StoredRenderPage) or page.sanitised is None:
        return False
    sanitised, page.sanitised = page.sanitised, None
    return sanitised == html_text
