"""Generated pages' HTML through the cache (`engines.rendered`): made as MkDocs' own
`Page.render` makes it, and a build that knows a page's HTML does not convert its Markdown again,
yet says again what MkDocs said of it (and fails `--strict` again)."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from mkdocs_playbooks.engines import extensions, rendered
from mkdocs_playbooks.engines.rendered import RenderInputs, render_inputs, render_page
from mkdocs_playbooks.output.pages import WORKSHOP_URI

from .conftest import REPO, playbook, write_site

EDGES = playbook("Bords", "bords").replace(
    "why: Parce que **ça compte**.",
    'why: "Voir [le guide](../../guide.md#nulle-part), [la racine](/absolu/), '
    '[un dossier](../../guide), [ici](#premier), <span id=\\"brut\\">brut</span>."')
EDGES_DOCS = {"index.md": "# Accueil\n", "guide.md": "# Guide\n\n## Là {#la}\n"}
VALIDATION = ("validation:\n  anchors: warn\n  links:\n    absolute_links: warn\n"
              "    unrecognized_links: warn\n")

SOURCES = {
    "demo": REPO / "playbooks",
    "golden full-site": REPO / "tests" / "golden" / "pages" / "full-site" / "playbooks",
    "golden escaping": REPO / "tests" / "golden" / "pages" / "escaping" / "playbooks",
}


def site_with(root: Path, source: Path | None) -> Path:
    site = write_site(root, {} if source is not None else {"bords.yml": EDGES},
                      extra_config=VALIDATION, docs=EDGES_DOCS)
    if source is not None:
        shutil.rmtree(site / "playbooks")
        shutil.copytree(source, site / "playbooks")
    return site


def arranged(site: Path) -> tuple[MkDocsConfig, Files, Any]:
    """The site's configuration and files once the plugin has arranged the nav, and the plugin."""
    config = load_config(str(site / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    return config, files, config.plugins["playbooks"]


class Said(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append((record.name, record.levelno, record.getMessage()))


def said_by_mkdocs(page: Page, config: MkDocsConfig, files: Files) -> list[tuple[str, int, str]]:
    """MkDocs' own rendering of `page`, and what it logged meanwhile, from INFO up (below, MkDocs
    would not list the links to anchors)."""
    logger = logging.getLogger("mkdocs.structure.pages")
    handler, level = Said(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        Page.render(page, config, files)
    finally:
        logger.setLevel(level)
        logger.removeHandler(handler)
    return handler.messages


@pytest.mark.parametrize("source", [*SOURCES.values(), None], ids=[*SOURCES, "links and ids"])
def test_pages_are_rendered_as_mkdocs_renders_them(source: Path | None, tmp_path: Path) -> None:
    config, files, plugin = arranged(site_with(tmp_path, source))
    inputs = render_inputs(config, files, sanitise=False)
    assert inputs is not None
    assert len(plugin.generated) >= 3
    for uri in sorted(plugin.generated, key=lambda uri: uri != WORKSHOP_URI):  # playbook last
        page = files.get_file_from_path(uri).page
        assert isinstance(page, rendered.StoredRenderPage)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config,
                                                        files=files)
        made = render_page(page.markdown, uri, inputs)
        messages = said_by_mkdocs(page, config, files)
        assert made.content == page.content, uri
        assert str(rendered.get_toc(made.toc_tokens)) == str(page.toc), uri
        assert made.title == page._title_from_render, uri
        assert set(made.anchors) == page.present_anchor_ids, uri
        assert made.links == {target.src_uri: anchors
                              for target, anchors in (page.links_to_anchors or {}).items()}, uri
        assert [said for said in made.messages if said[1] >= logging.INFO] == messages, uri
    if source is None:  # what the edges are for
        assert "brut" in made.anchors
        assert made.links == {"guide.md": {"nulle-part": "../../guide.md#nulle-part"},
                              uri: {"premier": "#premier"}}
        assert [level for _name, level, _text in made.messages] == [logging.WARNING] * 2
        sanitised = render_page(page.markdown, uri, dataclasses.replace(inputs, sanitise=True))
        assert sanitised.content == rendered.sanitize(made.content)


@dataclasses.dataclass
class Conversions:
    count: int = 0


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> Conversions:
    counted = Conversions()
    convert = markdown.Markdown.convert

    def counting(self: markdown.Markdown, source: str) -> str:
        counted.count += 1
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    return counted


def strict_build(site: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Build `site` in this process with `--strict`, which fails; what MkDocs warned."""
    caplog.clear()
    config = load_config(str(site / "mkdocs.yml"), strict=True, site_dir=str(site / "site"))
    with pytest.raises(Abort, match="in strict mode"):
        build(config)
    return sorted(record.getMessage() for record in caplog.records
                  if record.levelno >= logging.WARNING and record.name.startswith("mkdocs."))


def test_a_warm_build_converts_no_generated_page_and_warns_again(
        tmp_path: Path, conversions: Conversions, caplog: pytest.LogCaptureFixture) -> None:
    site = site_with(tmp_path, None)
    cold = strict_build(site, caplog)
    converted_cold = conversions.count
    conversions.count = 0
    warm = strict_build(site, caplog)
    assert warm == cold
    assert any("contains an absolute link '/absolu/'" in text for text in warm)
    assert any("does not contain an anchor '#nulle-part'" in text for text in warm)
    assert conversions.count == len(EDGES_DOCS)  # the docs' pages only
    # and the index, the progress page, the playbook, the workshop kit
    assert converted_cold == len(EDGES_DOCS) + 4
    # Anything a page's HTML depends on, changed, makes it again: here, where files are.
    (site / "docs" / "autre.md").write_text("# Autre\n", encoding="utf-8")
    conversions.count = 0
    assert strict_build(site, caplog) == cold
    assert conversions.count == converted_cold + 1


def test_options_that_are_not_data_leave_the_pages_to_mkdocs(tmp_path: Path) -> None:
    config, files, _plugin = arranged(site_with(tmp_path, None))
    inputs = render_inputs(config, files, sanitise=True)
    assert isinstance(inputs, RenderInputs)
    config.mdx_configs["toc"] = {"slugify": rendered.render_page}  # a function: by its name
    named = render_inputs(config, files, sanitise=True)
    assert named is not None
    assert '"f": "mkdocs_playbooks.engines.rendered:render_page"' in named.extension_configs
    assert rendered._from_data(rendered.json.loads(named.extension_configs))["toc"] == {
        "slugify": rendered.render_page}
    config.mdx_configs["toc"] = {"slugify": lambda text, _separator: text}
    assert render_inputs(config, files, sanitise=True) is None  # a closure, a lambda: no name
    config.mdx_configs["toc"] = {}
    config.markdown_extensions.append("pymdownx.snippets")
    assert render_inputs(config, files, sanitise=True) is None  # reads files


def test_only_the_html_rendered_is_taken_as_sanitised_and_only_once(tmp_path: Path) -> None:
    """Another plugin may change the HTML before the plugin's `on_page_content`: then it is
    sanitised again. The page forgets its HTML once asked (MkDocs holds it, the plugin packs it)."""
    config, files, _plugin = arranged(site_with(tmp_path, None))
    page = files.get_file_from_path("playbooks/bords/index.md").page
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config,
                                                    files=files)
    page.render(config, files)
    assert "<script" not in page.content
    assert not rendered.is_sanitised(page, page.content + "<script>alert(1)</script>")
    page.render(config, files)
    assert rendered.is_sanitised(page, page.content)
    assert page.sanitised is None
    assert not rendered.is_sanitised(page, page.content)


def test_an_entry_holds_the_html_as_it_is_after_a_line_of_json() -> None:
    """The HTML is not escaped into JSON (most of the cost of writing and reading an entry); any
    newline of the HTML or the title stays where it was, and a payload of another form is
    refused."""
    page = rendered.Rendered(
        content='<p id="a">un\n{"deux": 2}\n</p>\n', toc_tokens=[{"name": "T\nitre"}],
        title="T\nitre\u2028", anchors=["a"], links={"x.md": {"a": "b"}},
        messages=[("mkdocs.structure.pages", logging.WARNING, "lien\ncassé")])
    payload = rendered._encode(page)
    assert payload.endswith(b"\n" + page.content.encode())
    assert rendered._decode(payload, ()) == page
    as_one_json = rendered.json.dumps(dataclasses.asdict(page)).encode()
    with pytest.raises(ValueError, match="not a rendered page"):
        rendered._decode(as_one_json, ())
    with pytest.raises(ValueError, match="not a rendered page"):
        rendered._decode(payload.replace(b'"title"', b'"titre"', 1), ())


def test_markdowns_own_extensions_do_not_list_every_installed_distribution(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Listing the distributions of every installed module costs a quarter of a second: only
    extensions from other distributions need it (their versions are in the key)."""
    extensions.versions.cache_clear()

    def refused() -> None:
        raise AssertionError("packages_distributions called")

    with monkeypatch.context() as patched:
        patched.setattr(extensions.importlib.metadata, "packages_distributions", refused)
        names = extensions.libraries(("attr_list", "md_in_html", "toc",
                                     "markdown.extensions.abbr"), "{}")
    assert [name for name, _version in names] == ["Markdown", "mkdocs"]
    extensions.versions.cache_clear()
    names = extensions.libraries(("attr_list", "pymdownx.superfences"), "{}")
    assert [name for name, _version in names] == ["Markdown", "mkdocs", "pymdown-extensions"]
    extensions.versions.cache_clear()
