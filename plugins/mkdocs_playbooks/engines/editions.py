"""`playbooks editions`: both editions of a site in one go, each in its own folder.

The site is built twice through MkDocs' own API, once per edition, with the `edition` option of
the `playbooks` plugin set for that build only: the configuration file is never rewritten.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

EDITIONS = ("participant", "facilitator")


class EditionError(Exception):
    """An edition could not be built; the message says which and why."""


def build_editions(config_file: Path, site_dir: Path) -> Iterator[tuple[str, Path]]:
    """Build each edition into `site_dir/<edition>/`; yield each as it is done."""
    for edition in EDITIONS:
        folder = (site_dir / edition).resolve()
        try:
            config = load_config(str(config_file), site_dir=str(folder))
            plugin = config.plugins.get("playbooks")
            if plugin is None:
                raise EditionError(f"{config_file}: the `playbooks` plugin is not in `plugins`")
            plugin.config.edition = edition
            with _mkdocs_log_shown():
                build(config)
        except MkDocsException as error:
            raise EditionError(f"the {edition} edition did not build: {error}") from None
        yield edition, folder


@contextlib.contextmanager
def _mkdocs_log_shown() -> Iterator[None]:
    """MkDocs' messages (the playbooks' errors among them) on stderr, as `mkdocs build` shows
    them, while the command runs."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
