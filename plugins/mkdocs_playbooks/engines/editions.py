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

from .owned import ForeignFolderError, put_mark, refuse_foreign

EDITIONS = ("participant", "facilitator")

MARK = ".playbooks-edition"
"""The mark of a folder that `playbooks editions` wrote (see `owned`): MkDocs empties a site
folder before each build, so the command builds only into a folder that it wrote or that holds
nothing."""

MARK_TEXT = ("Written by `playbooks editions`: this folder is emptied and built again on each run. "
             "Keep nothing of your own here.\n")


class EditionError(Exception):
    """An edition could not be built; the message says which and why."""


class FolderError(EditionError):
    """A folder for an edition holds what the command did not write, or cannot be written:
    nothing was built."""


def build_editions(config_file: Path, site_dir: Path) -> Iterator[tuple[str, Path]]:
    """Build each edition into `site_dir/<edition>/`; yield each as it is done. Both folders are
    checked before anything is built: `FolderError` if either was not written by this command
    and is not empty (building would empty it)."""
    folders = {edition: site_dir / edition for edition in EDITIONS}
    try:
        for folder in folders.values():
            refuse_foreign(folder, MARK, "editions", verb="empty",
                           elsewhere="name another folder with -d")
    except ForeignFolderError as error:
        raise FolderError(str(error)) from None
    for edition, folder in folders.items():
        try:
            put_mark(folder, MARK, MARK_TEXT)  # first: a build that fails still emptied it
            config = load_config(str(config_file), site_dir=str(folder.resolve()))
            plugin = config.plugins.get("playbooks")
            if plugin is None:
                raise EditionError(f"{config_file}: the `playbooks` plugin is not in `plugins`")
            plugin.config.edition = edition
            with _mkdocs_log_shown():
                build(config)
        except OSError as error:
            raise FolderError(f"{error.filename or folder}: cannot write the {edition} edition "
                              f"there: {error.strerror}") from None
        except MkDocsException as error:
            raise EditionError(f"the {edition} edition did not build: {error}") from None
        yield edition, folder.resolve()


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
