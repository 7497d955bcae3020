"""A cache on disk of work that depends only on its inputs, kept from one build to the next.

Each entry is one file named by a digest of everything its value depends on (the caller's inputs
and this module's `environment`: the plugin's version and sources, Python and the libraries whose
output is cached), so a changed input finds no entry rather than a stale one. An entry holds a
digest of its own bytes: a file cut short, altered or unreadable is reported and ignored, never
used. Entries are written to a temporary file and renamed, so an interrupted build leaves whole
entries or none.

Entries hold pickled values: the cache folder deserves the same trust as the project's own files
(the way Python trusts its `__pycache__`).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .. import __version__

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

MAGIC = b"playbooks-cache 1\n"
DIGEST_SIZE = 32
KEPT_UNUSED_SECONDS = 7 * 24 * 3600
"""Entries not used by a build are removed once this old (another edition may still use them)."""
PENDING_AT_MOST = 200
"""Values `put` and waiting to be written, at most (see `DiskCache.put`)."""
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "nh3")


def _digest(*parts: bytes) -> bytes:
    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.digest()


@cache
def environment() -> bytes:
    """What every cached value depends on besides its own inputs: the plugin's version and
    sources (an edited checkout is a new version), Python's and the libraries' versions."""
    package = Path(__file__).parent.parent
    sources = sorted(path for path in package.rglob("*")
                     if path.suffix in {".py", ".js", ".css", ".json", ".yml"} and path.is_file())
    parts = [__version__.encode(), sys.version.encode()]
    parts += [_version(name).encode() for name in _LIBRARIES]
    parts += [path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes()
              for path in sources]
    return _digest(*parts)


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def content_digest(data: bytes) -> str:
    """A digest of `data`, to name an input in a key."""
    return _digest(data).hex()


class DiskCache:
    """Values by key in `folder`; `kinds` (parse, markdown, html) are subfolders."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[Path] = set()
        """The entries this build read or wrote: the ones `prune` keeps."""
        self.writable = True
        self.pending: dict[Path, object] = {}
        """Values `put` and not yet written by `flush`."""
        self.hits = 0
        self.misses = 0

    def key(self, *parts: str | bytes) -> str:
        """The key of a value made from `parts` (and the environment)."""
        encoded = [part.encode() if isinstance(part, str) else part for part in parts]
        return _digest(environment(), *encoded).hex()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key

    def get(self, kind: str, key: str) -> object | None:
        """The value stored under `key`, or None: absent, or unreadable (reported)."""
        path = self._path(kind, key)
        if path in self.pending:
            self.hits += 1
            return self.pending[path]
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as error:
            self._ignored(path, f"cannot read it ({error.strerror})")
            return None
        head = len(MAGIC) + DIGEST_SIZE
        if raw[:len(MAGIC)] != MAGIC or len(raw) < head or \
                _digest(raw[head:]) != raw[len(MAGIC):head]:
            self._ignored(path, "it is damaged (cut short or altered)")
            return None
        try:
            value: object = pickle.loads(raw[head:])  # noqa: S301 - our own entry, its digest checked
        except Exception as error:  # whatever the bytes, the entry is ignored
            self._ignored(path, f"it cannot be read back ({type(error).__name__})")
            return None
        self.used.add(path)
        self.hits += 1
        return value

    def _ignored(self, path: Path, why: str) -> None:
        self.misses += 1
        log.warning("playbooks: cache entry %s ignored: %s; it is made again (delete the "
                    "folder %s to clear the cache)", path, why, self.folder)

    def put(self, kind: str, key: str, value: object) -> None:
        """Store `value` under `key` at the next `flush`, or once `PENDING_AT_MOST` values wait
        (written in batches, the temporary copies of pickling fragment the memory less; in
        batches of a bounded size, the values waiting need not all be in memory at once)."""
        path = self._path(kind, key)
        self.pending[path] = value
        self.used.add(path)
        if len(self.pending) >= PENDING_AT_MOST:
            self.flush()

    def flush(self) -> None:
        """Write the values `put` since the last flush, each atomically; a cache that cannot be
        written is reported once and left alone for the rest of the build."""
        pending, self.pending = self.pending, {}
        for path, value in pending.items():
            if not self.writable:
                return
            self._write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _write(self, path: Path, payload: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            temporary = Path(name)
            try:
                with os.fdopen(descriptor, "wb") as stream:
                    stream.write(MAGIC + _digest(payload) + payload)
                temporary.replace(path)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        except OSError as error:
            self.writable = False
            log.warning("playbooks: cannot write the cache in %s (%s): this build is not "
                        "cached; set the plugin's `cache_dir` to a writable folder, or "
                        "`cache: false`", self.folder, error.strerror or error)

    def prune(self, kinds: Iterable[str], now: float | None = None) -> int:
        """Remove the entries of `kinds` this build did not use and that are older than
        `KEPT_UNUSED_SECONDS`, and temporary files left by interrupted builds; how many."""
        limit = (time.time() if now is None else now) - KEPT_UNUSED_SECONDS
        removed = 0
        for kind in kinds:
            try:
                entries = list(os.scandir(self.folder / kind))
            except OSError:
                continue
            for entry in entries:
                path = Path(entry.path)
                if path in self.used:
                    continue
                try:
                    if entry.stat().st_mtime < limit:
                        path.unlink()
                        removed += 1
                except OSError:
                    continue
        return removed
