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
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, PositiveInt

from .cache import Cache, Kind, through
from .checks import (
    check_assessment,
    check_common,
    check_playbook,
    check_review,
    review_due_date,
)
from .loader import Loaded, Mark, Path_, load_bytes, read_bytes
from .model import Assessment, Playbook, is_slug
from .problems import ContentError, Problem, Severity, shown_path
from .settings import PhaseDef, Settings
from .site import RESERVED_IDS, BrokenFile, Entry, LinkedRecommendation, Site
from .translations import link_translations
from .validate import slugify, to_model, with_shared_field_sets

YAML_SUFFIXES = (".yml", ".yaml")


def load_site(settings: Settings, paths: Sequence[Path] | None = None, *,
              cache: Cache | None = None) -> Site:
    """Load, check and link the playbooks of `paths` (default: the playbooks folder of
    `settings`); `cache` keeps files parsed by earlier builds (see `build_site`)."""
    files = discover(paths if paths is not None else [settings.dir])
    return build_site(
        files, settings.framework, root=settings.root, today=settings.today,
        overdue=Severity.WARNING if settings.strict_reviews else Severity.NOTE,
        language=settings.language, cache=cache,
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


@dataclass(frozen=True)
class _Parsed:
    """One file read and checked on its own: what a rebuild may reuse while it is unchanged."""

    loaded: Loaded | None
    model: Playbook | Assessment | None
    problems: list[Problem]
    claimed_id: str
    """The id the file gives itself (or its name): what other files call it, even if broken."""
    claimed_kind: str = "playbook"


def build_site(
    files: Sequence[Path],
    framework: Sequence[PhaseDef],
    *,
    root: Path,
    today: datetime.date,
    overdue: Severity = Severity.NOTE,
    language: str = "en",
    cache: Cache | None = None,
) -> Site:
    """Load, validate and link `files`; every problem found is in `Site.problems`.

    `language` is the site's: that of documents without `lang` (translations are told apart by
    language). `cache` keeps files parsed by earlier builds, on disk and, under `mkdocs serve`,
    in memory: only what a file alone decides (its data, its own problems) is kept; what depends
    on other files or on the day (ids taken twice, references, translations, reviews due) is
    checked again at every build.
    """
    site = Site(tuple(framework), language=language)
    phase_ids = tuple(phase.id for phase in framework)
    with _collector_paused():
        for path in files:
            shown = shown_path(path, root)
            result = _parse(path, shown, phase_ids, cache)
            site.problems.extend(result.problems)
            if result.model is None or result.loaded is None:
                site.broken.setdefault(result.claimed_id, BrokenFile(shown, result.claimed_kind))
                continue
            review = list(check_review(result.model, result.loaded, today, overdue))
            site.problems.extend(review)
            _add(site, result.model, result.loaded, path,
                 review_due_date(result.model) if review else None)
    if cache is not None:
        cache.flush()
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


def _parse(path: Path, shown: str, phase_ids: tuple[str, ...], cache: Cache | None) -> _Parsed:
    """The file's model and own problems, made from its bytes (through `cache`)."""
    try:
        raw = read_bytes(path, shown)
    except ContentError as error:  # the file cannot be read: nothing to keep
        return _Parsed(None, None, error.problems, path.stem)
    return through(cache, PARSED, parse_bytes, raw, shown, phase_ids)


def parse_bytes(raw: bytes, shown: str, phase_ids: tuple[str, ...]) -> _Parsed:
    """The document in the bytes `raw` of the file shown as `shown`, checked on its own with
    the framework's `phase_ids`."""
    stem = PurePosixPath(shown).stem
    try:
        loaded = load_bytes(raw, shown)
    except ContentError as error:
        return _Parsed(None, None, error.problems, stem)
    data = loaded.data if isinstance(loaded.data, dict) else {}
    claimed_id = data["id"] if isinstance(data.get("id"), str) else stem
    claimed_kind = "assessment" if data.get("kind") == "assessment" else "playbook"
    model, problems = to_model(loaded)
    if model is None:
        return _Parsed(None, None, problems, claimed_id, claimed_kind)
    return _checked(model, loaded, stem, phase_ids, claimed_id)


def _checked(model: Playbook | Assessment, loaded: Loaded, stem: str,
             phase_ids: tuple[str, ...], claimed_id: str) -> _Parsed:
    """A valid model with its id, checked on its own; its positions kept as later checks need
    them."""
    named, problems = _with_id(model, loaded, stem)
    if named is not None:
        problems += _check_document(named, loaded, list(phase_ids))
    # A translation is compared with its original once both are loaded: keep its positions.
    wanted = _every_place if named is not None and named.translates else _needed_later
    return _Parsed(loaded.keep(wanted), named, problems, claimed_id, model.kind)


class _StoredDocument(BaseModel):
    """A file's document as the cache keeps it: only files without problems of their own are
    kept, so that reading an entry back can check it again as a new file (see `PARSED`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    playbook: Playbook | None = None
    assessment: Assessment | None = None
    values: list[tuple[list[str | int], PositiveInt, PositiveInt]]
    keys: list[tuple[list[str | int], PositiveInt, PositiveInt]]


def _stored(parsed: _Parsed) -> bytes | None:
    if parsed.problems or parsed.model is None or parsed.loaded is None:
        return None
    model = parsed.model
    loaded = parsed.loaded
    return _StoredDocument.model_construct(
        playbook=model if isinstance(model, Playbook) else None,
        assessment=model if isinstance(model, Assessment) else None,
        values=[(list(where), mark.line, mark.column) for where, mark in loaded.values.items()],
        keys=[(list(where), mark.line, mark.column) for where, mark in loaded.keys.items()],
    ).model_dump_json(exclude_unset=True).encode()


def _read_back(payload: bytes, inputs: tuple[object, ...]) -> _Parsed:
    """A stored document, validated by the content model and checked again as a new file of
    the same name would be: an entry holding anything else is refused (`ValueError`)."""
    _raw, shown, phase_ids = inputs
    if not isinstance(shown, str) or not isinstance(phase_ids, tuple):  # pragma: no cover
        raise TypeError("the inputs of `parse_bytes` are bytes, a path and phase ids")
    stored = _StoredDocument.model_validate_json(payload)
    model = stored.playbook or stored.assessment
    if model is None or (stored.playbook is not None and stored.assessment is not None):
        raise ValueError("a stored document is one playbook or one assessment")
    loaded = Loaded(shown, None, {tuple(where): Mark(line, column)
                                  for where, line, column in stored.values},
                    {tuple(where): Mark(line, column) for where, line, column in stored.keys})
    checked = _checked(with_shared_field_sets(model), loaded, PurePosixPath(shown).stem,
                       phase_ids, model.id or "")
    if checked.problems or checked.model is not model:
        raise ValueError("a stored document fails the checks of a new file")
    return checked


PARSED: Kind[_Parsed] = Kind("parse", _stored, _read_back, signed=False, in_memory=True)
"""Files read and checked on their own. A checked kind: an entry goes through the content model
and the file checks again, so a forged one is no more than a file could say. Kept in memory
under `mkdocs serve`: a rebuild parses only the files whose bytes changed."""


def _every_place(_where: tuple[str | int, ...]) -> bool:
    return True


def _needed_later(where: tuple[str | int, ...]) -> bool:
    """The positions still needed once a file's own checks are done (review, id, references)."""
    return len(where) <= 1 or "recommendations" in where


def _with_id(
    model: Playbook | Assessment, loaded: Loaded, stem: str
) -> tuple[Playbook | Assessment | None, list[Problem]]:
    if model.id is not None:
        return model, []
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
         review_due: datetime.date | None) -> None:
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
        site.playbooks[model.id] = Entry(model.id, model, loaded, path, review_due=review_due)
    else:
        site.assessments[model.id] = Entry(model.id, model, loaded, path, review_due=review_due)


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
