"""What a generated page's HTML depends on in the Markdown extensions it is rendered with, for
the cache's keys: the versions of the libraries they come from, and whether they read files
(what they read is in no key: such pages are not cached).

Free of MkDocs: the plugin's stored rendering (`rendered`) and the export (`export`) key their
pages with it.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import re
from collections.abc import Iterable

READS_FILES = frozenset({"pymdownx.snippets", "markdown_include.include", "mdx_include"})
"""Extensions that read files while converting: what they read is in no key."""


def reads_files(extensions: Iterable[object]) -> bool:
    """Whether one of `extensions` (names) reads files while converting."""
    return not READS_FILES.isdisjoint(name for name in extensions if isinstance(name, str))


def libraries(extensions: tuple[str, ...], options: str = "{}") -> tuple[tuple[str, str], ...]:
    """The versions of MkDocs, Markdown, and of the distributions of the extensions' modules
    (`module`, `module.sub` or `module:Class`) and of the functions their options name (JSON as
    `rendered` writes them)."""
    modules = {re.split(r"[.:]", name)[0] for name in extensions}
    modules |= {found.split(".")[0] for found in re.findall(r'"f": "([^":]+):', options)}
    return versions(frozenset(modules))


@functools.cache
def versions(modules: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The names and versions of MkDocs, Markdown and the distributions of `modules`."""
    names = {"mkdocs", "Markdown"}
    # Markdown's own extensions go by short names ("toc"), which are no module; listing every
    # installed distribution's modules costs a quarter of a second: only when there are others.
    others = {module for module in modules - {"markdown", "mkdocs"} if _is_module(module)}
    if others:
        by_module = importlib.metadata.packages_distributions()
        for module in others:
            names.update(by_module.get(module, ()))
    return tuple(sorted((name, _version(name)) for name in names))


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "-"
