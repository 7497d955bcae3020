"""The plugin's options in `mkdocs.yml`, each documented where it is declared, and the one way
to turn them into the core's `Settings` (for the plugin and the command line alike)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from ..core.settings import PhaseDef, Settings, framework_problems, make_framework, site_language
from ..output.i18n import override_problems, unknown_keys

PLUGIN_NAME = "playbooks"


class FrameworkPhaseConfig(base.Config):
    """One phase of the framework in `mkdocs.yml`: `- {id: listen, title: Écouter}`."""
    id = c.Type(str)
    """The phase id that playbooks name in `phase:` (a slug such as `listen`)."""

    title = c.Optional(c.Type(str))
    """The phase title; default: the built-in title for listen/engage/adapt, else the id."""


class _Framework(c.ListOfItems[FrameworkPhaseConfig]):
    """A list of phases whose ids are valid and distinct."""

    def run_validation(self, value: object) -> list[FrameworkPhaseConfig]:
        phases = super().run_validation(value)
        messages = framework_problems(_phases(phases))
        if messages:
            raise base.ValidationError("; ".join(messages))
        return phases


class _Strings(c.Type[dict[str, Any]]):
    """Word overrides by language; a key that names no word is a warning (a typo), a placeholder
    that its word does not have or unbalanced braces an error (filling it would fail)."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, Any]:
        tables = super().run_validation(value)
        for language, table in tables.items():
            if not isinstance(table, dict) or not all(
                isinstance(text, str) for text in table.values()
            ):
                raise base.ValidationError(
                    f"`strings.{language}` must map keys to text, e.g. "
                    f"`{language}: {{play.why: \"…\"}}`")
        problems = override_problems(tables)
        if problems:
            raise base.ValidationError("; ".join(problems))
        self.warnings.extend(f"unknown key '{key}' (see the strings table in the docs)"
                             for key in unknown_keys(tables))
        return tables


class _Count(c.Type[int]):
    """A whole number, 0 or more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < 0:
            raise base.ValidationError(f"expected a whole number, 0 or more, not {value!r}")
        return number


class PlaybooksConfig(base.Config):
    """The options of the `playbooks` plugin, validated by MkDocs' own config machinery."""
    dir = c.Type(str, default="playbooks")
    """The folder of the YAML playbooks and assessments, relative to `mkdocs.yml`. Keep it
    outside `docs/`."""

    framework = c.Optional(_Framework(c.SubConfig(FrameworkPhaseConfig)))
    """The phases of the strategy framework, in order: a list of `{id, title}` (default: `listen`,
    `engage`, `adapt`). Each `id` is an [id](reference.md#ids), given once; playbooks and
    dimensions name it in `phase:`. `title` is optional: without it, `listen`, `engage` and
    `adapt` take their built-in title in each page's language (see `strings`) and other ids show
    as they are."""

    edition = c.Choice(("participant", "facilitator"), default="participant")
    """`participant` leaves the plays' `facilitator` notes out of the pages; `facilitator` adds
    them, in a *Facilitator notes* box."""

    allow_html = c.Type(bool, default=False)
    """`false` sanitises the generated pages: Markdown formatting is kept, while scripts, event
    handlers (`onerror=`…), styles, frames and `javascript:` links are removed, whoever wrote
    them (playbook text often comes from many contributors). `true` keeps raw HTML as written:
    turn it on only if every author of the playbooks may publish scripts on the site. See
    [Security and privacy](security.md)."""

    strict_reviews = c.Type(bool, default=False)
    """`true` reports reviews that are due as warnings (so `--strict` fails) rather than as
    notes."""

    nav_limit = c.Type(int, default=30)
    """The playbooks and assessments are listed one by one in the navigation only up to this
    many; beyond, the navigation shows the index page alone, which keeps every page's HTML small
    on large sites (see [Navigation](#navigation))."""

    listing_page_size = _Count(default=100)
    """The index and the progress page list this many playbooks (then assessments) a page, and
    link their pages by a pager; `0` lists every one on a single page. Keeps those pages small
    and quick to build and search on large sites (see
    [Large sites and fast rebuilds](#large-sites-and-fast-rebuilds))."""

    strings = _Strings()
    """Your own words for the ones the plugin writes, by language code:
    `{fr: {play.why: Enjeux}}` (see [Strings](#strings))."""

    cache = c.Type(bool, default=True)
    """`true` keeps what the plugin makes of each file (its checked data, its page's Markdown, the
    sanitised HTML) in `cache_dir`, so that the next build of unchanged playbooks skips that
    work. Each entry is keyed by the very data it is made from (the file's bytes, the options
    pages depend on, the theme's language, the plugin's version), so a change is never missed;
    checks between files and dates run at every build. Entries hold data, never code; what may be
    shared, and how, is in [Security](security.md#the-cache). `playbooks validate` shares it.
    `false` neither reads nor writes it (see
    [Large sites and fast rebuilds](#large-sites-and-fast-rebuilds))."""

    cache_dir = c.Type(str, default=".cache/playbooks")
    """The folder of the cache, relative to `mkdocs.yml`: a folder of its own, outside the docs,
    site and playbooks folders (a configuration error otherwise), which the plugin creates and
    marks with a `CACHEDIR.TAG`; a folder holding other files is left alone. Delete it whenever
    you like; keep it out of version control (`.cache/` in `.gitignore`) and, in CI, keep it
    between runs to build faster."""

    today = c.Optional(c.Type(datetime.date))
    """The day the build takes as today: reviews due are counted from it. Default: the day of
    the build. Set it (`today: 2026-11-27`) to make a build reproducible. Only the pages whose
    review falls due are made again on another day: the cache stays warm from day to day."""


def _phases(phases: list[FrameworkPhaseConfig] | None) -> list[PhaseDef]:
    return make_framework(None if phases is None else [(p.id, p.title) for p in phases])


def make_settings(options: PlaybooksConfig, *, root: Path, language: str,
                  site_url: str | None = None, docs_dir: Path | None = None) -> Settings:
    """The core's settings from validated options; the only place the clock is read.
    `docs_dir` is the site's docs folder (default: `docs` beside the configuration)."""
    return Settings(
        root=root,
        dir=(root / options.dir).resolve(),
        framework=tuple(_phases(options.framework)),
        today=options.today or datetime.date.today(),  # noqa: DTZ011 - the build's own day
        language=language,
        strict_reviews=options.strict_reviews,
        facilitator=options.edition == "facilitator",
        strings=options.strings,
        listing_page_size=options.listing_page_size,
        site_url=site_url or None,
        cache_dir=root / options.cache_dir if options.cache else None,
        docs_dir=docs_dir if docs_dir is not None else root / "docs",
    )


def cache_dir_problem(cache_dir: Path, *, docs_dir: str | Path, site_dir: str | Path,
                      playbooks_dir: Path, root: Path | None = None) -> str | None:
    """What is wrong with a cache folder that shares a folder with the site's own files (a
    message for the configuration, folders shown from `root`), or None. The docs folder is
    published, the site folder is emptied by each build, the playbooks folder is the
    authors': the cache lives apart."""
    cache = cache_dir.resolve()

    def shown(folder: Path) -> str:
        return _shown_folder(folder, root)

    for name, option, folder in (("the docs folder", "docs_dir", Path(docs_dir).resolve()),
                                 ("the site folder", "site_dir", Path(site_dir).resolve()),
                                 ("the playbooks folder", "dir", playbooks_dir.resolve())):
        if cache == folder:
            where = f"{shown(cache)} is {name} (`{option}`)"
        elif folder in cache.parents:
            where = f"{shown(cache)} is inside {name} (`{option}`: {shown(folder)})"
        elif cache in folder.parents:
            where = f"{shown(cache)} holds {name} (`{option}`: {shown(folder)})"
        else:
            continue
        return (f"{where}: the cache needs a folder of its own, apart from the files the site "
                "publishes or is made from; leave the option out for `.cache/playbooks`, or "
                "choose a folder outside them")
    return None


def _shown_folder(folder: Path, root: Path | None) -> str:
    if root is not None:
        with contextlib.suppress(ValueError):
            return folder.relative_to(root.resolve()).as_posix() or "."
    return str(folder)


CONFIG_FILE_NAMES = ("properdocs.yml", "mkdocs.yml", "mkdocs.yaml")
"""The configuration files the engines look for, in their order (ProperDocs first)."""


def find_config_file(folder: Path) -> Path | None:
    """The site's configuration file in `folder`, as `properdocs` or `mkdocs` would find it."""
    return next((folder / name for name in CONFIG_FILE_NAMES if (folder / name).is_file()), None)


class ConfigFileError(Exception):
    """The site's configuration cannot be read or its `playbooks` options are invalid."""


def default_settings(root: Path) -> Settings:
    """Settings of a folder without a configuration file: every option at its default, but no
    cache on disk (there is no site to keep one for)."""
    settings = make_settings(validate_options({}, None), root=root,
                             language=site_language(None))
    return dataclasses.replace(settings, cache_dir=None)


def read_settings(config_file: Path) -> Settings:
    """Settings from a site's configuration file, read as MkDocs reads it (`!ENV`, `INHERIT`),
    its `playbooks` options checked by the same rules as in a build."""
    config = read_config_file(config_file)
    options = validate_options(plugin_options(config.get("plugins")), config_file)
    return settings_of(config, options, config_file)


def read_config_file(config_file: Path) -> dict[str, Any]:
    """A site's configuration as the engines read it (`!ENV`, `INHERIT`; `!!python/…` tags are
    not run: checking playbooks needs none of them)."""
    try:
        with config_file.open("rb") as stream:
            config = yaml_load(stream, loader=get_yaml_loader(_LenientLoader))
    except (OSError, ConfigurationError) as error:
        raise ConfigFileError(f"{config_file}: cannot read it: {error}") from None
    if not isinstance(config, dict):
        raise ConfigFileError(f"{config_file}: expected keys such as `site_name:`")
    return config


def settings_of(config: Mapping[str, Any], options: PlaybooksConfig,
                config_file: Path) -> Settings:
    """The settings of a site from its configuration and its validated `playbooks` options;
    `ConfigFileError` for a cache folder among the site's files (`cache_dir_problem`)."""
    site_url = config.get("site_url")
    root = config_file.parent.resolve()
    docs_dir = root / _folder(config, "docs_dir")
    settings = make_settings(options, root=root, language=site_language(config.get("theme")),
                             site_url=site_url if isinstance(site_url, str) else None,
                             docs_dir=docs_dir)
    if settings.cache_dir is not None:
        problem = cache_dir_problem(settings.cache_dir, docs_dir=docs_dir,
                                    site_dir=root / _folder(config, "site_dir"),
                                    playbooks_dir=settings.dir, root=root)
        if problem:
            raise ConfigFileError(f"{config_file}: plugin '{PLUGIN_NAME}', option 'cache_dir': "
                                  f"{problem}")
    return settings


def _folder(config: Mapping[str, Any], option: str) -> str:
    """A folder option of the site's configuration (`docs_dir`, `site_dir`), as MkDocs reads
    it: relative to the configuration file, `docs` and `site` by default."""
    value = config.get(option)
    return value if isinstance(value, str) and value else option.removesuffix("_dir")


def validate_options(options: Mapping[str, Any], config_file: Path | None) -> PlaybooksConfig:
    """`options` validated as the build validates them; `ConfigFileError` names the problems."""
    config = PlaybooksConfig(config_file_path=str(config_file) if config_file else None)
    config.load_dict(dict(options))
    errors, _warnings = config.validate()  # warnings: the build reports them, `validate` not
    if errors:
        where = f"{config_file}: " if config_file else ""
        raise ConfigFileError(where + "; ".join(
            f"plugin '{PLUGIN_NAME}', option '{key}': {error}" for key, error in errors))
    return config


def plugin_options(plugins: Any) -> dict[str, Any]:
    """The options given to the `playbooks` plugin in a configuration's `plugins`."""
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(item.items())) if isinstance(item, dict) and item else (item, None)
        for item in plugins or []
    )
    for name, options in entries:
        if name == PLUGIN_NAME:
            return options if isinstance(options, dict) else {}
    return {}


class _LenientLoader(yaml.SafeLoader):
    """Reads a site's configuration without running its `!!python/name:` tags (the build does;
    checking playbooks needs none of them)."""


def _ignore_tag(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_LenientLoader.add_multi_constructor("", _ignore_tag)
