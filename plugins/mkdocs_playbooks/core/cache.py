"""The cache of work that depends only on its inputs: on disk between builds, and in memory
between the rebuilds of `mkdocs serve`.

**One rule.** `through(cache, KIND, make, *inputs)` is `make(*inputs)`, taken from the cache when
an entry was made from the same inputs. An entry's key is derived from the inputs themselves
(`key_of`: their data encoded canonically, with the function's name and `environment()`), never
listed by hand: `make` is a module-level function that sees nothing but its arguments, and every
argument is in the key. Inputs must be data (text, numbers, dates, tuples, mappings, dataclasses,
pydantic models); anything else (a path, a site, a closure) is refused with `TypeError`, so that
nothing a value depends on can be left out of its key.

**Data only.** An entry is a file holding a format line (`MAGIC`), a tag and a payload of text,
JSON, or a line of JSON then text: nothing in it is ever run. Each kind says how much a
well-formed entry may be trusted:

- a *checked* kind decodes its payload through a validation (a parsed file goes through the
  content model and the file checks again): a forged entry is no more than a file could say;
- a *signed* kind (pages' Markdown, sanitised HTML) is used only when its tag is a MAC under a
  secret that is not in the cache folder: `PLAYBOOKS_CACHE_KEY` from the environment, else a
  secret of the user's own (`secret_file()`). A forged or foreign entry is a miss.

With `PLAYBOOKS_CACHE_KEY` set, every entry, checked kinds included, carries a MAC under it. An
entry that is damaged, forged, from another format or under another key is made again and
reported once per build (`report`), at the INFO level: the site is right either way.

**Nothing it did not write.** The folder is the cache's only if it bears `MARKER` (which the
cache writes into a folder it creates, or finds empty): a folder holding other files is left
alone. `prune` removes only entries with the cache's format line (and its own temporary files).
A cache that cannot be written says so once, and the build goes on without it.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import hmac
import importlib.metadata
import logging
import os
import secrets as random_secrets
import sys
import tempfile
import time
import types
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Generic, ParamSpec, TypeVar

from pydantic import BaseModel

from .. import __version__

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

V = TypeVar("V")
P = ParamSpec("P")

FORMAT = 2
MAGIC = f"playbooks-cache {FORMAT}\n".encode()
"""The first line of every entry: the format, and the proof that the file is the cache's."""
ANY_FORMAT = b"playbooks-cache "
"""The start of an entry of any format (earlier ones held pickles; they are never read)."""
TAG_SIZE = 32
MARKER = "CACHEDIR.TAG"
MARKER_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is the cache of mkdocs-playbooks (option `cache_dir`): delete it whenever\n"
    "# you like. For cache directory tags, see https://bford.info/cachedir/\n"
)
"""The cache's mark on its folder (backup tools skip a folder holding a `CACHEDIR.TAG`)."""
TEMPORARY_PREFIX = ".tmp-playbooks-"
ANY_TEMPORARY = ".tmp-"
"""The start of the name of a temporary file of the cache, of any format."""
KEPT_UNUSED_SECONDS = 7 * 24 * 3600
"""Entries not used by a build are removed once this old (another edition may still use them)."""
PENDING_AT_MOST = 200
"""Values `put` and waiting to be written, at most (see `Cache.flush`)."""
SECRET_VARIABLE = "PLAYBOOKS_CACHE_KEY"  # noqa: S105 - the name of a variable, not its value
"""The environment variable holding a secret shared by the machines that share a cache."""
_LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "nh3")


def _digest(*parts: bytes, key: bytes = b"") -> bytes:
    hasher = hashlib.blake2b(digest_size=TAG_SIZE, key=key)
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


# The key: the inputs' data, encoded canonically.

Digests = dict[int, tuple[object, bytes]]
"""Digests of models and dataclasses by the object's id, each with its object (kept alive, so
that its id is not reused)."""


class KeyEncoder:
    """Encodes inputs into a key. Models and dataclasses are digested once per encoder (a site's
    pages share their documents and settings) into `memo`; `earlier` holds those of the build
    before (`mkdocs serve` keeps the documents of unchanged files from one build to the next)."""

    def __init__(self, memo: Digests | None = None, earlier: Digests | None = None) -> None:
        self.memo: Digests = {} if memo is None else memo
        self.earlier: Digests = {} if earlier is None else earlier

    def key(self, name: str, args: tuple[object, ...], kwargs: Mapping[str, object]) -> str:
        """The key of the value made by the function `name` from `args` and `kwargs`."""
        hasher = hashlib.blake2b(digest_size=TAG_SIZE)
        hasher.update(environment())
        for part in self._parts(name):
            hasher.update(part)
        for value in (*args, dict(kwargs)):
            for part in self._parts(value):
                hasher.update(part)
        return hasher.hexdigest()

    def _parts(self, value: object) -> Iterator[bytes]:
        scalar = _SCALARS.get(type(value))
        if scalar is not None:
            yield scalar(value)
        elif isinstance(value, enum.Enum):
            yield b"e" + _name_of(type(value)).encode() + b":"
            yield from self._parts(value.value)
        elif type(value) in (tuple, list):
            items: list[Any] = list(value)  # type: ignore[call-overload]
            yield b"l%d:" % len(items)
            for item in items:
                yield from self._parts(item)
        elif isinstance(value, set | frozenset):
            yield b"u%d:" % len(value)
            yield from sorted(b"".join(self._parts(item)) for item in value)
        elif isinstance(value, Mapping):
            yield b"m%d:" % len(value)
            yield from sorted(b"".join([*self._parts(k), *self._parts(v)])
                              for k, v in value.items())
        elif isinstance(value, BaseModel) or _is_dataclass_instance(value):
            yield self._object_digest(value)
        else:
            raise TypeError(
                f"a {type(value).__name__} cannot be part of a cache key: give the cached "
                "function the data it needs (text, numbers, dates, tuples, mappings, "
                "dataclasses, models), not a path, a site or an object whose data the key "
                "cannot see")

    def _object_digest(self, value: object) -> bytes:
        known = self.memo.get(id(value)) or self.earlier.get(id(value))
        if known is not None and known[0] is value:
            self.memo[id(value)] = known
            return known[1]
        hasher = hashlib.blake2b(digest_size=TAG_SIZE)
        hasher.update(_name_of(type(value)).encode() + b"\0")
        if isinstance(value, BaseModel):
            hasher.update(value.model_dump_json().encode())
        else:
            for field in dataclasses.fields(value):  # type: ignore[arg-type]
                hasher.update(field.name.encode() + b"=")
                for part in self._parts(getattr(value, field.name)):
                    hasher.update(part)
        digest = b"o" + hasher.digest()
        self.memo[id(value)] = (value, digest)
        return digest


def _text(value: str) -> bytes:
    encoded = value.encode()
    return b"s%d:" % len(encoded) + encoded


def _bytes(value: bytes) -> bytes:
    return b"b%d:" % len(value) + value


_SCALARS: dict[type, Callable[[Any], bytes]] = {
    type(None): lambda _value: b"None",
    bool: lambda value: b"True" if value else b"False",
    int: lambda value: b"i%d;" % value,
    float: lambda value: b"f" + value.hex().encode() + b";",
    str: _text,
    bytes: _bytes,
    datetime.date: lambda value: b"d" + value.isoformat().encode() + b";",
}
"""Encodings of the plain values, by exact type (a subclass may behave otherwise: refused)."""


def _is_dataclass_instance(value: object) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _name_of(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def key_of(make: Callable[..., object], *args: object, **kwargs: object) -> str:
    """The key of the value `make(*args, **kwargs)`: derived from the function's name, the
    inputs' data and `environment()`."""
    return KeyEncoder().key(_function_name(make), args, kwargs)


def _function_name(make: Callable[..., object]) -> str:
    """The name of a module-level function: what it computes; a closure or a bound method
    would depend on values that are not its arguments, so it is refused."""
    if not isinstance(make, types.FunctionType) or make.__closure__ is not None \
            or "<locals>" in make.__qualname__:
        raise TypeError(f"{make!r}: only a module-level function can be cached (a closure, a "
                        "method or a partial depends on values that are not in its key)")
    return f"{make.__module__}.{make.__qualname__}"


# Kinds of entries.

@dataclass(frozen=True)
class Kind(Generic[V]):
    """A kind of entry: its folder, how its values are written and read back, and how far a
    well-formed entry may be trusted."""

    name: str
    encode: Callable[[V], bytes | None]
    """The payload of a value; None: a value not kept (e.g. a file with problems)."""
    decode: Callable[[bytes, tuple[object, ...]], V]
    """The value of a payload, given the inputs it was made from; `ValueError` (or any
    pydantic `ValidationError`) refuses it."""
    signed: bool
    """True: a forged value could do harm (published as is), so an entry is used only under a
    MAC by a secret; False: `decode` checks the value as it would check new input."""
    in_memory: bool = False
    """Whether `mkdocs serve` keeps this kind's values in memory between rebuilds."""


def _encode_text(value: str) -> bytes:
    return value.encode("utf-8")


def _decode_text(payload: bytes, _inputs: tuple[object, ...]) -> str:
    return payload.decode("utf-8")  # UnicodeDecodeError is a ValueError


def text_kind(name: str, *, in_memory: bool = False) -> Kind[str]:
    """A kind of text entry (Markdown, HTML): signed, since the text is published as is."""
    return Kind(name, _encode_text, _decode_text, signed=True, in_memory=in_memory)


# Secrets.

def secret_file() -> Path:
    """Where the user's own secret for signed entries is kept: outside any project and any
    cache folder, in the user's data folder (as Jupyter keeps the secret that signs notebooks)."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):  # pragma: no cover - Windows
        base = Path(os.environ["LOCALAPPDATA"])
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "mkdocs-playbooks" / "cache-secret"


class Secrets:
    """The keys that sign entries: `shared` (from `PLAYBOOKS_CACHE_KEY`) signs every entry;
    without it, the user's own secret signs the signed kinds (read, or made, when first needed)
    and checked kinds are only digested."""

    def __init__(self, shared: bytes | None, own: bytes | None = None, *,
                 own_from: Callable[[], bytes | None] | None = None) -> None:
        self.shared = shared
        self._own = own
        self._own_from = own_from

    @classmethod
    def from_environment(cls) -> Secrets:
        """The shared secret from the environment, else the user's own (`secret_file()`)."""
        text = os.environ.get(SECRET_VARIABLE, "")
        if text:
            return cls(derived_key(text.encode()))
        return cls(None, own_from=_own_secret)

    @property
    def own(self) -> bytes | None:
        """The user's own key, if there is (or can be) one."""
        if self._own is None and self._own_from is not None:
            self._own, self._own_from = self._own_from(), None
        return self._own

    def key_for(self, kind: Kind[Any]) -> bytes | None:
        """The key of `kind`'s tags: b"" for a plain digest; None when it cannot be signed."""
        if self.shared is not None:
            return self.shared
        return self.own if kind.signed else b""


def derived_key(secret: bytes) -> bytes:
    """The key of a secret: 32 bytes, whatever its length."""
    return hashlib.blake2b(secret, digest_size=32, person=b"playbooks-key").digest()


def _own_secret() -> bytes | None:
    path = secret_file()
    text: bytes | None
    try:
        text = path.read_bytes()
    except FileNotFoundError:
        text = _new_secret(path)
    except OSError:
        return None
    return derived_key(text) if text is not None and len(text) >= 32 else None


def _new_secret(path: Path) -> bytes | None:
    secret = random_secrets.token_hex(32).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made meanwhile by another build
        try:
            return path.read_bytes()
        except OSError:
            return None
    except OSError:
        return None
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(secret)
    return secret


# The memory of `mkdocs serve`.

class Memory:
    """Values kept in memory from one build of `mkdocs serve` to the next: those the last build
    used (so it holds one build's worth), and the digests of the documents it keyed them by."""

    def __init__(self) -> None:
        self.last: dict[str, object] = {}
        self.now: dict[str, object] = {}
        self.last_digests: Digests = {}
        self.digests: Digests = {}

    def next_build(self) -> None:
        """Forget what the build before the last one used."""
        self.last, self.now = self.now, {}
        self.last_digests, self.digests = self.digests, {}

    def get(self, key: str) -> object | None:
        """The value under `key`, kept for this build too."""
        value = self.now.get(key)
        if value is None:
            value = self.last.get(key)
            if value is not None:
                self.now[key] = value
        return value


# The cache.

MISSING: Any = object()


class Cache:
    """Entries by kind and key in `folder` (None: in memory only) and, for the kinds that say so,
    in `memory` (under `mkdocs serve`)."""

    def __init__(self, folder: Path | None, *, memory: Memory | None = None,
                 secrets: Secrets | None = None) -> None:
        self.folder = folder
        self.memory = memory
        self._secrets = secrets
        self.encoder = (KeyEncoder(memory.digests, memory.last_digests) if memory is not None
                        else KeyEncoder())
        self.used: set[Path] = set()
        """The entries this build read or wrote: the ones `prune` keeps."""
        self.pending: dict[Path, tuple[Kind[Any], str, object]] = {}
        """Values `put` and not yet written by `flush`."""
        self.hits: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()
        """Hits and misses by kind (a value not kept on disk counts as neither)."""
        self.ignored: list[Path] = []
        """Entries found but not used: damaged, forged, of another format or key."""
        self._state: str | None = None
        """None until the folder is looked at, then "ours", "new" or "refused"."""
        self.writable = True
        self._told: set[str] = set()

    @property
    def secrets(self) -> Secrets:
        """The keys that sign entries (read from the environment when first needed)."""
        if self._secrets is None:
            self._secrets = Secrets.from_environment()
        return self._secrets

    def through(self, kind: Kind[V], make: Callable[P, V], *args: P.args,
                **kwargs: P.kwargs) -> V:
        """`make(*args, **kwargs)`, from the cache when it holds the value made from the same
        inputs; else made, and kept."""
        key = self.encoder.key(_function_name(make), args, kwargs)
        value = self._get(kind, key, args)
        if value is MISSING:
            value = make(*args, **kwargs)
            self._put(kind, key, value)
        return value

    def _get(self, kind: Kind[V], key: str, inputs: tuple[object, ...]) -> V | Any:
        if self.memory is not None and kind.in_memory:
            found = self.memory.get(key)
            if found is not None:
                self.hits[kind.name] += 1
                return found
        if self.folder is None or not self._usable(kind):
            return MISSING
        path = self.folder / kind.name / key
        if path in self.pending:
            self.hits[kind.name] += 1
            return self.pending[path][2]
        value = self._read(kind, key, path, inputs)
        if value is MISSING:
            self.misses[kind.name] += 1
            return MISSING
        self.used.add(path)
        self.hits[kind.name] += 1
        if self.memory is not None and kind.in_memory:
            self.memory.now[key] = value
        return value

    def _usable(self, kind: Kind[Any]) -> bool:
        """Whether entries of `kind` can be read and written: in a folder of the cache's, and
        signed kinds only with a secret to sign them."""
        if self._folder_state() == "refused":
            return False
        if self.secrets.key_for(kind) is None:
            self._tell_once("unsigned", "playbooks: the pages are not cached on disk: there is "
                            f"no secret to sign them ({secret_file()} cannot be made; set "
                            f"{SECRET_VARIABLE})")
            return False
        return True

    def _read(self, kind: Kind[V], key: str, path: Path, inputs: tuple[object, ...]) -> V | Any:
        if self._folder_state() != "ours":
            return MISSING
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return MISSING
        except OSError:
            self.ignored.append(path)
            return MISSING
        head = len(MAGIC) + TAG_SIZE
        secret = self.secrets.key_for(kind)
        if len(raw) < head or raw[:len(MAGIC)] != MAGIC or secret is None or \
                not hmac.compare_digest(raw[len(MAGIC):head], _tag(kind, key, raw[head:], secret)):
            self.ignored.append(path)
            return MISSING
        try:
            return kind.decode(raw[head:], inputs)
        except ValueError:  # pydantic's ValidationError is one too
            self.ignored.append(path)
            return MISSING

    def _put(self, kind: Kind[V], key: str, value: V) -> None:
        if self.memory is not None and kind.in_memory:
            self.memory.now[key] = value
        if self.folder is None or not self.writable or not self._usable(kind):
            return
        path = self.folder / kind.name / key
        self.pending[path] = (kind, key, value)
        self.used.add(path)
        if len(self.pending) >= PENDING_AT_MOST:
            self.flush()

    def forget_documents(self) -> None:
        """Drop the digests of the documents keyed so far, which hold them in memory: once the
        pages are made, a build needs neither (under `mkdocs serve`, `memory` keeps them for the
        next build, which keys unchanged documents again)."""
        if self.memory is None:
            self.encoder.memo.clear()

    def flush(self) -> None:
        """Write the values `put` since the last flush, each atomically (values are written in
        batches, after the lasting data of a build is in memory: fewer holes in the memory)."""
        pending, self.pending = self.pending, {}
        for path, (kind, key, value) in pending.items():
            if not self.writable or not self._writable_folder():
                return
            payload = kind.encode(value)
            secret = self.secrets.key_for(kind)
            if payload is not None and secret is not None:
                self._write(path, MAGIC + _tag(kind, key, payload, secret) + payload)

    def _write(self, path: Path, entry: bytes) -> None:
        try:
            try:
                _write_atomically(path, entry)
            except FileNotFoundError:  # the kind's first entry: its folder is made now
                path.parent.mkdir(exist_ok=True)
                _write_atomically(path, entry)
        except IsADirectoryError:  # a folder in the place of this entry: only it is lost
            return
        except OSError as error:
            self._not_writable(error)

    def _not_writable(self, error: OSError) -> None:
        self.writable = False
        self._tell_once("unwritable", f"playbooks: cannot write the cache in {self.folder} "
                        f"({error.strerror or error}): this build is not cached; set the "
                        "plugin's `cache_dir` to a writable folder, or `cache: false`")

    def _folder_state(self) -> str:
        """"ours" when the folder bears the cache's mark; "new" when it does not exist, is
        empty or holds only entries of an earlier format (the cache marks it when it first
        writes); else "refused": not the cache's."""
        if self._state is None:
            self._state = _folder_state(self.folder) if self.folder is not None else "new"
            if self._state == "refused":
                self._tell_once("refused", f"playbooks: the cache's folder {self.folder} holds "
                                "files the plugin did not write: it is left alone and this build "
                                "is not cached; set the plugin's `cache_dir` to a new folder")
        return self._state

    def _writable_folder(self) -> bool:
        state = self._folder_state()
        if state != "new" or self.folder is None:
            return state == "ours"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        except OSError as error:
            self._not_writable(error)
            return False
        self._state = "ours"
        return True

    def _tell_once(self, what: str, message: str) -> None:
        if what not in self._told:
            self._told.add(what)
            log.info(message)

    def report(self) -> None:
        """Say once (INFO: the site is right either way) how many entries were not used."""
        if self.ignored and "ignored" not in self._told:
            self._tell_once("ignored", (
                f"playbooks: {len(self.ignored)} cache entr"
                f"{'y was' if len(self.ignored) == 1 else 'ies were'} not used and made again: "
                f"damaged, altered, of another version, or signed with another key (e.g. "
                f"{self.ignored[0]}); to share the pages' entries between machines, give them "
                f"the same {SECRET_VARIABLE}"))

    def prune(self, now: float | None = None) -> int:
        """Remove the cache's entries this build did not use and older than
        `KEPT_UNUSED_SECONDS`, and temporary files left by interrupted builds; how many. Only
        in a folder bearing the cache's mark, only files with its format line."""
        if self.folder is None or self._folder_state() != "ours":
            return 0
        limit = (time.time() if now is None else now) - KEPT_UNUSED_SECONDS
        removed = 0
        for entry in _entries(self.folder):
            path = Path(entry.path)
            if path in self.used:
                continue
            try:
                if entry.stat(follow_symlinks=False).st_mtime < limit and _is_ours(path):
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed

    def close(self) -> None:
        """At the end of a build: write what is pending, prune after a build that made new
        entries, and report ignored entries."""
        self.flush()
        if sum(self.misses.values()):
            self.prune()
        self.report()


def through(cache: Cache | None, kind: Kind[V], make: Callable[P, V], *args: P.args,
            **kwargs: P.kwargs) -> V:
    """`make(*args, **kwargs)` through `cache` (see `Cache.through`), or made when there is
    none."""
    if cache is None:
        return make(*args, **kwargs)
    return cache.through(kind, make, *args, **kwargs)


def _write_atomically(path: Path, entry: bytes) -> None:
    """`entry` as the file `path`, whole or not at all: written to a temporary file of this
    process beside it, then renamed (a name made of the process and the key, rather than
    `tempfile.mkstemp`'s random one, which cost as much as the writing on a cold build)."""
    temporary = path.with_name(f"{TEMPORARY_PREFIX}{os.getpid()}-{path.name}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # left by a process of the same id that was interrupted
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX)
        temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(entry)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _tag(kind: Kind[Any], key: str, payload: bytes, secret: bytes) -> bytes:
    """The digest (a MAC when `secret` is not empty) of an entry: its format, kind, key and
    payload, so that an entry copied under another key or kind is refused too."""
    return _digest(MAGIC, kind.name.encode(), key.encode(), payload, key=secret)


def _folder_state(folder: Path) -> str:
    marker = folder / MARKER
    try:
        if marker.is_file() and "mkdocs-playbooks" in marker.read_text(encoding="utf-8"):
            return "ours"
        with os.scandir(folder) as found:
            children = list(found)
    except (FileNotFoundError, NotADirectoryError):  # writing will say what is wrong
        return "new"
    except (OSError, UnicodeDecodeError):
        return "refused"
    if all(child.name in EARLIER_KINDS and child.is_dir(follow_symlinks=False)
           and _holds_only_entries(Path(child.path)) for child in children):
        return "new"
    return "refused"


EARLIER_KINDS = frozenset({"parse", "markdown", "html"})
"""The folders of the cache before it marked its folder (format 1)."""


def _holds_only_entries(folder: Path) -> bool:
    try:
        with os.scandir(folder) as found:
            return all(entry.is_file(follow_symlinks=False)
                       and (_is_key(entry.name) or entry.name.startswith(ANY_TEMPORARY))
                       and _is_ours(Path(entry.path)) for entry in found)
    except OSError:
        return False


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    """The files in the subfolders of `folder` that may be the cache's: named by a key, or as
    its temporary files."""
    try:
        with os.scandir(folder) as found:
            kinds = [entry for entry in found if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return
    for kind in kinds:
        try:
            with os.scandir(kind.path) as found:
                files = list(found)
        except OSError:
            continue
        for entry in files:
            if entry.is_file(follow_symlinks=False) and (
                    _is_key(entry.name) or entry.name.startswith(ANY_TEMPORARY)):
                yield entry


def _is_key(name: str) -> bool:
    return len(name) == 2 * TAG_SIZE and all(c in "0123456789abcdef" for c in name)


def _is_ours(path: Path) -> bool:
    """Whether the file starts with the cache's format line (of any format); an empty
    temporary file is the trace of a build interrupted before it wrote."""
    with path.open("rb") as stream:
        start = stream.read(len(ANY_FORMAT))
    return start == ANY_FORMAT or (not start and path.name.startswith(ANY_TEMPORARY))
