"""The HTML of the generated pages as a build makes it, in process, without building a site.

MkDocs renders a page in four steps (`mkdocs.commands.build._populate_page`): it reads the page's
source (front matter out), runs every plugin's `on_page_markdown`, converts the Markdown with the
site's extensions (its links made relative, its headings given ids), and runs every plugin's
`on_page_content`. `rendered` runs those same steps, through MkDocs' own config, plugin collection
and `Page.render`, on every page the plugin generates: the playbooks plugin's own events do their
work (authors' text held from other plugins and put back, snippets' escapes, sanitising). What it
leaves out is what a build adds around the content (the theme's template, the search index, the
files written), which the tests that build a site still check.

`run_command` runs the `playbooks` command in process, as `python -m` runs it; `run_mkdocs` the
`mkdocs` command (a site built in process costs its build, not a second of Python starting and
importing MkDocs, Material and the plugin again).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.__main__ import cli as mkdocs_cli
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from mkdocs_playbooks.engines.cli import main

REPO = Path(__file__).resolve().parent.parent


class _DemoConfigLoader(yaml.SafeLoader):
    """Reads the demo's mkdocs.yml, its `!ENV` values left empty."""


def _no_value(_loader: yaml.SafeLoader, _node: yaml.Node) -> None:
    return None


_DemoConfigLoader.add_constructor("!ENV", _no_value)


def demo_extensions() -> list[Any]:
    """The `markdown_extensions` of the demo's mkdocs.yml, as written there."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    extensions: list[Any] = yaml.load(text, Loader=_DemoConfigLoader)["markdown_extensions"]
    return extensions


def site_config(root: Path, docs_dir: Path, *, options: Mapping[str, Any], language: str,
                extensions: Sequence[Any] = (), plugins: Sequence[Any] = ()) -> MkDocsConfig:
    """The MkDocs config of a Material site at `root` with the playbooks plugin (`options`),
    validated as `mkdocs build` validates it, and every plugin's `on_config` run."""
    config = MkDocsConfig(config_file_path=str(root / "mkdocs.yml"))
    config.load_dict({
        "site_name": "Golden site",
        "docs_dir": str(docs_dir),
        "site_dir": str(docs_dir.parent / "site"),
        "theme": {"name": "material", "language": language, "font": False},
        "markdown_extensions": list(extensions),
        "plugins": [*plugins, {"playbooks": dict(options)}],
    })
    errors, warnings = config.validate()
    assert errors == [], errors
    assert warnings == [], warnings
    config.plugins.on_startup(command="build", dirty=False)
    return config.plugins.on_config(config)


def configured(root: Path) -> MkDocsConfig:
    """The config of the site at `root` (its mkdocs.yml, its plugins), as `mkdocs build` loads
    it, every plugin's `on_config` run."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    return config.plugins.on_config(config)


def rendered_pages(root: Path) -> dict[str, str]:
    """The HTML content of each page of the site at `root`, by its address (`playbooks/a`,
    `` for the home): what a test of a page's content reads, without building the site."""
    pages = rendered(configured(root))
    return {uri.removesuffix(".md").removesuffix("index").rstrip("/"): html
            for uri, html in pages.items()}


def rendered(config: MkDocsConfig) -> dict[str, str]:
    """The HTML content of each page of the site, by source path, once every plugin's
    `on_page_content` has run: what the theme then wraps in its template."""
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    pages: dict[str, str] = {}
    for file in files.documentation_pages():
        page = file.page
        assert page is not None, file.src_uri
        page.read_source(config)
        assert page.markdown is not None, file.src_uri
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config,
                                                        files=files)
        page.render(config, files)
        assert page.content is not None, file.src_uri
        pages[file.src_uri] = config.plugins.on_page_content(page.content, page=page,
                                                             config=config, files=files)
    return pages


@dataclass
class Ran:
    """What a run of the `playbooks` command gave: as `subprocess.CompletedProcess` names it."""

    returncode: int
    stdout: str
    stderr: str


def run_command(*args: str, cwd: Path) -> Ran:
    """`playbooks ARGS` run in `cwd`, in process: its exit status and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse: usage errors and --help
            status = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    return Ran(status, out.getvalue(), err.getvalue())


def run_mkdocs(*args: str, cwd: Path, env: Mapping[str, str] | None = None) -> Ran:
    """`mkdocs ARGS` run in `cwd` with the variables `env` added to the environment, in process,
    as `python -m mkdocs` runs it: its exit status and what it printed (its log included),
    everything it changes of the process put back after."""
    out, err = io.StringIO(), io.StringIO()
    variables = {"NO_MKDOCS_2_WARNING": "1", **(env or {})}
    with (contextlib.chdir(cwd), _environment(variables), _loggers_kept(),
          warnings.catch_warnings(), contextlib.redirect_stdout(out),
          contextlib.redirect_stderr(err)):
        try:
            mkdocs_cli.main(list(args), prog_name="mkdocs")
            status = 0
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    return Ran(status, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def _loggers_kept() -> Iterator[None]:
    """MkDocs' command stops its logger's messages from reaching the root (where pytest's
    `caplog` listens), sets its level and adds a handler and filters: all put back after."""
    loggers = [logging.getLogger(name) for name in ("mkdocs", "mkdocs.commands.build")]
    kept = [(logger, logger.level, logger.propagate, list(logger.handlers), list(logger.filters))
            for logger in loggers]
    try:
        yield
    finally:
        for logger, level, propagate, handlers, filters in kept:
            logger.setLevel(level)
            logger.propagate = propagate
            logger.handlers[:] = handlers
            logger.filters[:] = filters
