"""What `playbooks export` reads from a site's configuration file, for site engines that run no
MkDocs plugin (Zensical): the playbooks options, the docs folder, and the settings the exported
pages need from it (extra CSS and JavaScript, Markdown extensions).

Zensical reads `zensical.toml` (everything under `[project]`) or, for sites moving from MkDocs,
`mkdocs.yml`; it ignores the options of plugins it does not know, so the `playbooks` options stay
where the plugin reads them: under `plugins:` in `mkdocs.yml`, under `[project.plugins.playbooks]`
in `zensical.toml`. Both are checked by the plugin's own schema.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.settings import Settings
from .config import (
    CONFIG_FILE_NAMES,
    PLUGIN_NAME,
    ConfigFileError,
    PlaybooksConfig,
    default_settings,
    plugin_options,
    read_config_file,
    settings_of,
    validate_options,
)

ZENSICAL_CONFIG = "zensical.toml"
ENGINE_CONFIG_NAMES = (ZENSICAL_CONFIG, *CONFIG_FILE_NAMES)
"""The configuration files looked for, in order: Zensical's first, as Zensical looks for it."""

REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "toc")
"""What the exported headings need from the engine: their ids (`{#id}`), the headings inside HTML
elements (`markdown="1"`), the table of contents. Zensical enables all three by default, unless a
site lists its own extensions (the plugin adds the first two to MkDocs' for the same reasons)."""


@dataclass(frozen=True)
class EngineConfig:
    """What the export needs from a site's configuration file (or the defaults, without one)."""

    path: Path | None
    settings: Settings
    allow_html: bool
    docs_dir: Path
    extra_css: tuple[str, ...] = ()
    extra_javascript: tuple[str, ...] = ()
    markdown_extensions: tuple[str, ...] | None = None
    """The extensions the site lists; None when it lists none (the engine's defaults)."""
    nav: list[Any] | None = None
    """The site's `nav` setting; None without one (the engine lists every page)."""
    nav_limit: int = 30
    """The plugin's `nav_limit` option."""
    patterns: dict[str, str] = field(default_factory=dict)
    """The site's `exclude_docs`, `draft_docs` and `not_in_nav` (texts of patterns), if set."""

    @property
    def is_toml(self) -> bool:
        """Whether the settings to add are written in TOML (`zensical.toml`, or no file)."""
        return self.path is None or self.path.suffix == ".toml"

    @property
    def missing_extensions(self) -> list[str]:
        """The extensions the exported pages need that the site's own list leaves out."""
        if self.markdown_extensions is None:
            return []
        return [name for name in REQUIRED_EXTENSIONS if name not in self.markdown_extensions]


def find_engine_config(folder: Path) -> Path | None:
    """The site's configuration file in `folder`: `zensical.toml`, else as the CLI finds it."""
    return next((folder / name for name in ENGINE_CONFIG_NAMES if (folder / name).is_file()),
                None)


def read_engine_config(path: Path | None, cwd: Path) -> EngineConfig:
    """The export's view of the configuration file at `path` (the defaults when None)."""
    if path is None:
        return EngineConfig(None, default_settings(cwd), allow_html=False, docs_dir=cwd / "docs")
    if not path.is_file():
        raise ConfigFileError(f"{path}: no such file")
    if path.suffix == ".toml":
        return _from_toml(path)
    return _from_yaml(path)


def _from_toml(path: Path) -> EngineConfig:
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigFileError(f"{path}: cannot read it: {error}") from None
    project = data.get("project", {})
    if not isinstance(project, dict):
        raise ConfigFileError(f"{path}: expected a [project] table")
    plugins = project.get("plugins", {})
    options = plugins.get(PLUGIN_NAME, {}) if isinstance(plugins, dict) else {}
    validated = validate_options(options if isinstance(options, dict) else {}, path)
    # As `mkdocs.yml`'s: Zensical reads the same settings under `[project]`.
    return _engine_config(path, settings_of(project, validated, path), validated, project)


def _from_yaml(path: Path) -> EngineConfig:
    config = read_config_file(path)  # as `validate` reads it: `!ENV`, `INHERIT`, the schema
    options = validate_options(plugin_options(config.get("plugins")), path)
    return _engine_config(path, settings_of(config, options, path), options, config)


def _engine_config(path: Path, settings: Settings, options: PlaybooksConfig,
                   project: dict[str, Any]) -> EngineConfig:
    docs_name = project.get("docs_dir", "docs")
    docs_dir = settings.root / (docs_name if isinstance(docs_name, str) else "docs")
    extensions = project.get("markdown_extensions")
    nav = project.get("nav")
    return EngineConfig(
        path, dataclasses.replace(settings, docs_dir=docs_dir), options.allow_html,
        docs_dir=docs_dir,
        extra_css=tuple(_paths(project.get("extra_css"))),
        extra_javascript=tuple(_paths(project.get("extra_javascript"))),
        markdown_extensions=None if extensions is None else tuple(_names(extensions)),
        nav=nav if isinstance(nav, list) else None,
        nav_limit=options.nav_limit,
        patterns={name: value for name in ("exclude_docs", "draft_docs", "not_in_nav")
                  if isinstance(value := project.get(name), str)},
    )


def _paths(value: Any) -> list[str]:
    """Paths of `extra_css` or `extra_javascript` (strings, or tables with a `path`)."""
    items = value if isinstance(value, list) else []
    return [str(item.get("path")) if isinstance(item, dict) else str(item) for item in items]


def _names(value: Any) -> list[str]:
    """Names of listed Markdown extensions: a list (of names or one-key mappings) or a table."""
    if isinstance(value, dict):
        return [str(name) for name in value]
    if not isinstance(value, list):
        return []
    return [str(next(iter(item))) if isinstance(item, dict) and item else str(item)
            for item in value]
