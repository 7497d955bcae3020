"""Load every file of a playbooks folder into one checked, cross-referenced `Site`."""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import difflib
import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .cache import DiskCache, content_digest
from .checks import check_assessment, check_common, check_playbook, check_review
from .loader import MAX_FILE_BYTES, Loaded, Path_, load_bytes, load_file
from .model import Assessment, Playbook, is_slug
from .problems import ContentError, Problem, Severity, shown_path
from .settings import PhaseDef, Settings
from .site import RESERVED_IDS, BrokenFile, Entry, LinkedRecommendation, Site
from .translations import link_translations
from .validate import slugify, to_model, with_shared_field_sets

YAML_SUFFIXES = (".yml", ".yaml")


def load_site(settings: Settings, paths: Sequence[Path] | None = None, *,
              parsed: ParseCache | None = None, store: DiskCache | None = None) -> Site:
    """Load, check and link the playbooks of `paths` (default: the playbooks folder of
    `settings`); `parsed` and `store` keep files parsed by earlier builds (see `build_site`)."""
    files = discover(paths if paths is not None else [settings.dir])
    return build_site(
        files, settings.framework, root=settings.root, today=settings.today,
        overdue=Severity.WARNING if settings.strict_reviews else Severity.NOTE, cache=parsed,
        language=settings.language, store=store,
    )


def discover(paths: Iterable[Path]) -> list[Path]:
    """YAML files named by `paths`, folders searched recursively (hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                file for file in sorted(path.rglob("*"))
                if file.suffix in YAML_SUFFIXES and file.is_file()
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


Stamp = tuple[int, int, str, tuple[str, ...]]
"""What a file's own checks depend on: modification time, size, shown path, framework."""


@dataclass(frozen=True)
class _Parsed:
    """One file read and checked on its own: what a rebuild may reuse while it is unchanged."""

    stamp: Stamp
    loaded: Loaded | None
    model: Playbook | Assessment | None
    problems: list[Problem]
    claimed_id: str
    """The id the file gives itself (or its name): what other files call it, even if broken."""
    claimed_kind: str = "playbook"
    digest: str = ""
    """A digest of the file's bytes, when a disk cache is in use."""


ParseCache = dict[Path, _Parsed]
"""Files parsed by earlier builds, by path; `mkdocs serve` keeps one across rebuilds."""


def build_site(
    files: Sequence[Path],
    framework: Sequence[PhaseDef],
    *,
    root: Path,
    today: datetime.date,
    overdue: Severity = Severity.NOTE,
    cache: ParseCache | None = None,
    language: str = "en",
    store: DiskCache | None = None,
) -> Site:
    """Load, validate and link `files`; every problem found is in `Site.problems`.

    `language` is the site's: that of documents without `lang` (translations are told apart by
    language). `cache` keeps files parsed by earlier builds of this process, `store` on disk: only
    what a file alone decides (its data, its own problems) is kept; what depends on other files or
    on the day (ids taken twice, references, translations, reviews due) is checked again at every
    build.
    """
    site = Site(tuple(framework), language=language)
    phase_ids = tuple(phase.id for phase in framework)
    with _collector_paused():
        for path in files:
            shown = shown_path(path, root)
            parsed = _parse(path, shown, phase_ids, cache, store)
            site.problems.extend(parsed.problems)
            if parsed.model is None or parsed.loaded is None:
                site.broken.setdefault(parsed.claimed_id, BrokenFile(shown, parsed.claimed_kind))
                continue
            site.problems.extend(check_review(parsed.model, parsed.loaded, today, overdue))
            _add(site, parsed.model, parsed.loaded, path, parsed.digest)
    if store is not None:
        store.flush()
    consequences = list(_link(site))
    # The root causes first: what other files say of a broken one comes after.
    site.problems = sorted(site.problems) + sorted(consequences)
    return site


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes hundreds of thousands of small containers and no reference cycle: left on,
    Python's cycle collector would scan them again and again (a third of the loading time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse(path: Path, shown: str, phase_ids: tuple[str, ...],
           cache: ParseCache | None, store: DiskCache | None) -> _Parsed:
    """The file's model and own problems, from `cache` when the file has not changed, else from
    `store` when its bytes were parsed before."""
    try:
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_size, shown, phase_ids)
    except OSError:
        stamp = (0, 0, shown, phase_ids)
    known = cache.get(path) if cache is not None else None
    if known is not None and known.stamp == stamp:
        return known
    parsed = _parse_stored(path, shown, stamp, store) if store is not None else None
    if parsed is None:
        parsed = _parse_anew(path, shown, stamp)
    if cache is not None:
        cache[path] = parsed
    return parsed


def _parse_stored(path: Path, shown: str, stamp: Stamp, store: DiskCache) -> _Parsed | None:
    """The file parsed from `store`, or parsed now and stored; None when it cannot be read
    (the loader then says why)."""
    try:
        raw = path.read_bytes() if path.is_file() else None
    except OSError:
        raw = None
    if raw is None or len(raw) > MAX_FILE_BYTES:
        return None
    digest = content_digest(raw)
    key = store.key("parse", digest, shown, "\0".join(stamp[3]))
    known = store.get("parse", key)
    if isinstance(known, _Parsed):
        if known.model is not None:
            with_shared_field_sets(known.model)
        return dataclasses.replace(known, stamp=stamp)
    # Parsed from the very bytes of the key: a file saved meanwhile cannot be stored under it.
    parsed = dataclasses.replace(_parse_anew(path, shown, stamp, raw), digest=digest)
    store.put("parse", key, parsed)
    return parsed


def _parse_anew(path: Path, shown: str, stamp: Stamp, raw: bytes | None = None) -> _Parsed:
    try:
        loaded = load_file(path, shown) if raw is None else load_bytes(raw, shown)
    except ContentError as error:
        return _Parsed(stamp, None, None, error.problems, path.stem)
    data = loaded.data if isinstance(loaded.data, dict) else {}
    claimed_id = data["id"] if isinstance(data.get("id"), str) else path.stem
    claimed_kind = "assessment" if data.get("kind") == "assessment" else "playbook"
    model, problems = to_model(loaded)
    if model is None:
        return _Parsed(stamp, None, None, problems, claimed_id, claimed_kind)
    model, more = _with_id(model, loaded, path)
    problems += more
    if model is not None:
        problems += _check_document(model, loaded, list(stamp[3]))
    # A translation is compared with its original once both are loaded: keep its positions.
    wanted = _every_place if model is not None and model.translates else _needed_later
    return _Parsed(stamp, loaded.keep(wanted), model, problems, claimed_id)


def _every_place(_where: tuple[str | int, ...]) -> bool:
    return True


def _needed_later(where: tuple[str | int, ...]) -> bool:
    """The positions still needed once a file's own checks are done (review, id, references)."""
    return len(where) <= 1 or "recommendations" in where


def _with_id(
    model: Playbook | Assessment, loaded: Loaded, path: Path
) -> tuple[Playbook | Assessment | None, list[Problem]]:
    if model.id is not None:
        return model, []
    stem = path.stem
    if is_slug(stem):
        return model.model_copy(update={"id": stem}), []
    return None, [loaded.problem(
        (), f"the file name '{stem}' cannot serve as an id",
        f"add `id: {slugify(stem) or 'my-id'}` or rename the file",
    )]


def _check_document(
    model: Playbook | Assessment, loaded: Loaded, phase_ids: list[str]
) -> list[Problem]:
    return list(_document_problems(model, loaded, phase_ids))


def _document_problems(
    model: Playbook | Assessment, loaded: Loaded, phase_ids: list[str]
) -> Iterator[Problem]:
    yield from check_common(model, loaded)
    if isinstance(model, Playbook):
        yield from check_playbook(model, loaded, phase_ids)
    else:
        yield from check_assessment(model, loaded, phase_ids)


def _add(site: Site, model: Playbook | Assessment, loaded: Loaded, path: Path,
         digest: str = "") -> None:
    if model.id is None:  # pragma: no cover - `_with_id` gives every model added an id
        raise ValueError(f"{loaded.path}: a document without an id cannot join the site")
    where = ("id",) if ("id",) in loaded.values else ()
    taken = site.playbooks.get(model.id) or site.assessments.get(model.id)
    if taken is not None:
        first = taken.loaded.mark(("id",))
        site.problems.append(loaded.problem(
            where, f"id '{model.id}' is already used by {taken.loaded.path}:{first.line}",
            "give each playbook and assessment its own id",
        ))
        return
    if model.id in RESERVED_IDS:
        site.problems.append(loaded.problem(
            where, f"id '{model.id}' is reserved for a page of the plugin", "choose another id",
        ))
        return
    if isinstance(model, Playbook):
        site.playbooks[model.id] = Entry(model.id, model, loaded, path, digest=digest)
    else:
        site.assessments[model.id] = Entry(model.id, model, loaded, path, digest=digest)


def _link(site: Site) -> Iterator[Problem]:
    """Resolves every play reference once, onto the entries the pages read; reports the rest.

    A reference to a playbook whose file could not be read (by the id it gives itself, that id
    made valid, or its file name) is not reported: that file's own errors are the root cause, and
    fixing them fixes the reference.
    """
    yield from link_translations(site)
    hints = _ReferenceHints(site)
    broken = site.broken_names()
    for assessment_id, entry in site.assessments.items():
        linked: dict[str, tuple[LinkedRecommendation, ...]] = {}
        for d, dimension in enumerate(entry.model.dimensions):
            recommendations = []
            for r, recommendation in enumerate(dimension.recommendations):
                plays = []
                for n, reference in enumerate(recommendation.plays):
                    where: Path_ = ("dimensions", d, "recommendations", r, "plays", n)
                    found = site.find_play(reference)
                    playbook_id = reference.partition("/")[0]
                    if found is not None:
                        plays.append(found)
                    elif playbook_id not in broken or playbook_id in site.playbooks:
                        yield entry.loaded.problem(where, f"no play '{reference}'",
                                                   hints.hint(reference))
                recommendations.append(LinkedRecommendation(recommendation, tuple(plays)))
            linked[dimension.id] = tuple(recommendations)
        site.assessments[assessment_id] = dataclasses.replace(entry, recommendations=linked)


class _ReferenceHints:
    """"Did you mean" for play references, only ever naming a play that exists, in time linear
    in the references: candidates are the plays of the named playbook, the playbooks that have a
    play of that id, and the playbook ids next to the typed one in sorted order (a typo keeps
    most of an id's beginning)."""

    NEIGHBOURS = 25
    LISTED = 10

    def __init__(self, site: Site) -> None:
        self.site = site
        self.sorted_ids = sorted(site.playbooks)
        self.close_playbooks: dict[str, list[str]] = {}
        self.holders: dict[str, list[str]] = {}
        """The playbooks that have a play of each id."""
        for entry in site.playbooks.values():
            for play in self._plays(entry.id):
                self.holders.setdefault(play, []).append(entry.id)

    def _plays(self, playbook_id: str) -> list[str]:
        entry = self.site.playbooks[playbook_id]
        return [play.id for phase in entry.model.phases for play in phase.plays]

    def _close_playbooks(self, typed: str) -> list[str]:
        if typed not in self.close_playbooks:
            at = bisect.bisect_left(self.sorted_ids, typed)
            near = self.sorted_ids[max(0, at - self.NEIGHBOURS):at + self.NEIGHBOURS]
            self.close_playbooks[typed] = difflib.get_close_matches(typed, near, n=3, cutoff=0.6)
        return self.close_playbooks[typed]

    def _close_play(self, playbook_id: str, play_id: str) -> str | None:
        close = difflib.get_close_matches(play_id, self._plays(playbook_id), n=1, cutoff=0.6)
        return close[0] if close else None

    def hint(self, reference: str) -> str:
        """What to write instead of `reference`, which names no play."""
        playbook_id, _, play_id = reference.partition("/")
        holders = self.holders.get(play_id, [])
        if playbook_id in self.site.playbooks:
            play = self._close_play(playbook_id, play_id)
            if play is not None:
                return f"did you mean '{playbook_id}/{play}'?"
            if len(holders) == 1:
                return f"did you mean '{holders[0]}/{play_id}'?"
            return f"the plays of '{playbook_id}' are: {self._listed(self._plays(playbook_id))}"
        close = self._close_playbooks(playbook_id)
        with_play = [found for found in close if found in holders] or (
            holders if len(holders) == 1 else [])
        if with_play:
            return f"no playbook '{playbook_id}': did you mean '{with_play[0]}/{play_id}'?"
        for found in close:
            play = self._close_play(found, play_id)
            if play is not None:
                return f"no playbook '{playbook_id}': did you mean '{found}/{play}'?"
        if close:
            return (f"no playbook '{playbook_id}': did you mean '{close[0]}'? Its plays are: "
                    f"{self._listed(self._plays(close[0]))}")
        if not self.sorted_ids:
            return f"there is no playbook '{playbook_id}'"
        return f"there is no playbook '{playbook_id}'; the playbooks are: " \
            f"{self._listed(self.sorted_ids)}"

    def _listed(self, ids: list[str]) -> str:
        shown = ", ".join(f"'{found}'" for found in ids[:self.LISTED])
        return shown + (f" and {len(ids) - self.LISTED} more" if len(ids) > self.LISTED else "")
