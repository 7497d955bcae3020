"""Folders that a command writes whole, and so replaces or empties on its next run: only those
it wrote itself.

Each such folder gets a mark, a file of the command's own whose name starts with a dot (site
engines publish no such file, and MkDocs never deletes one when it empties a site folder). A folder
is the command's to replace when it does not exist yet, is empty, or holds the command's mark;
anything else was put there by someone else, and the command refuses it before writing anything.
`playbooks export` and `playbooks editions` share this rule.
"""

from __future__ import annotations

from pathlib import Path


class ForeignFolderError(Exception):
    """A folder that the command would replace holds what it did not write, or is no folder."""


def refuse_foreign(folder: Path, mark: str, command: str, *, verb: str,
                   elsewhere: str) -> None:
    """`ForeignFolderError` unless `folder` is the command's to `verb` (replace, empty): absent,
    empty, or holding `mark`. A file in its place, or in the place of a folder above it, is
    refused too. `elsewhere` says how to write somewhere else instead."""
    for path in (folder, *folder.parents):
        if path.is_symlink() and not path.exists():
            raise ForeignFolderError(f"{path}: a link to nothing; remove it, or {elsewhere}")
        if path.exists() and not path.is_dir():
            raise ForeignFolderError(f"{path}: not a folder; move it, or {elsewhere}")
    if not folder.exists() or (folder / mark).is_file():
        return
    try:
        empty = next(folder.iterdir(), None) is None
    except OSError as error:
        raise ForeignFolderError(f"{folder}: cannot read it: {error.strerror}") from None
    if not empty:
        raise ForeignFolderError(
            f"{folder}: this folder was not written by `playbooks {command}`, which would "
            f"{verb} it; move it, or {elsewhere}")


def put_mark(folder: Path, mark: str, text: str) -> None:
    """Makes `folder` (and the folders above it) and marks it as the command's."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / mark).write_text(text, encoding="utf-8")
