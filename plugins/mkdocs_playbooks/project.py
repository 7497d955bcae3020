"""A project's settings (from `mkdocs.yml` or defaults) and loading its playbooks into a `Site`.

Shared by the MkDocs plugin and the command line; reads `mkdocs.yml` as plain YAML so that the
command line works without importing MkDocs.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .i18n import DEFAULT_LANGUAGE, Strings
from .problems import Severity
from .site import (
    ParseCache,
    PhaseDef,
    Site,
    build_site,
    discover,
    framework_problems,
    make_framework,
)

PLUGIN_NAME = "playbooks"
DEFAULT_DIR = "playbooks"


@dataclass
class Settings:
    root: Path
    """The folder of `mkdocs.yml`; paths in messages are shown relative to it."""
    dir: Path
    framework: list[PhaseDef]
    language: str = DEFAULT_LANGUAGE
    strict_reviews: bool = False
    strings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def strings_for(self, language: str) -> Strings:
        return Strings(language, self.strings)

    def load(self, paths: Sequence[Path] | None = None, today: datetime.date | None = None,
             cache: ParseCache | None = None) -> Site:
        files = discover(paths if paths is not None else [self.dir])
        return build_site(
            files, self.framework, root=self.root, today=today,
            overdue=Severity.WARNING if self.strict_reviews else Severity.NOTE, cache=cache,
        )


def make_settings(
    root: Path,
    *,
    directory: str = DEFAULT_DIR,
    framework: Sequence[tuple[str, str | None]] | None = None,
    language: str = DEFAULT_LANGUAGE,
    strict_reviews: bool = False,
    strings: Mapping[str, Mapping[str, str]] | None = None,
) -> Settings:
    return Settings(
        root=root,
        dir=(root / directory).resolve(),
        framework=make_framework(framework),
        language=language,
        strict_reviews=strict_reviews,
        strings=strings or {},
    )


class _LenientLoader(yaml.SafeLoader):
    """Reads `mkdocs.yml` even where it uses tags such as `!!python/name:` or `!ENV`."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_LenientLoader.add_multi_constructor("", _ignore_tag)


class ConfigFileError(Exception):
    """`mkdocs.yml` cannot be read."""


def read_settings(config_file: Path) -> Settings:
    """Settings from a `mkdocs.yml`: the `playbooks` plugin's options and the theme language."""
    try:
        with config_file.open(encoding="utf-8") as stream:
            config = yaml.load(stream, Loader=_LenientLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, yaml.YAMLError) as error:
        raise ConfigFileError(f"{config_file}: cannot read it: {error}") from None
    if not isinstance(config, dict):
        raise ConfigFileError(f"{config_file}: expected keys such as `site_name:`")
    options = _plugin_options(config.get("plugins"))
    phases = options.get("framework")
    if phases is not None and not (
        isinstance(phases, list) and all(isinstance(p, dict) and "id" in p for p in phases)
    ):
        raise ConfigFileError(f"{config_file}: `framework` must be a list like "
                              "`- {id: listen, title: Listen}`")
    settings = make_settings(
        config_file.parent.resolve(),
        directory=str(options.get("dir", DEFAULT_DIR)),
        framework=(None if phases is None
                   else [(str(p.get("id")), p.get("title")) for p in phases]),
        language=_theme_language(config.get("theme")),
        strict_reviews=bool(options.get("strict_reviews", False)),
        strings=options.get("strings") or {},
    )
    problems = framework_problems(settings.framework)
    if problems:
        raise ConfigFileError(f"{config_file}: " + "; ".join(problems))
    return settings


def _plugin_options(plugins: Any) -> dict[str, Any]:
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(item.items())) if isinstance(item, dict) else (item, None)
        for item in plugins or []
    )
    for name, options in entries:
        if name == PLUGIN_NAME:
            return options if isinstance(options, dict) else {}
    return {}


def _theme_language(theme: Any) -> str:
    if isinstance(theme, dict):
        return str(theme.get("language") or theme.get("locale") or DEFAULT_LANGUAGE)
    return DEFAULT_LANGUAGE
