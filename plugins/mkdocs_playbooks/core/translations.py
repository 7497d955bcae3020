"""Translations: a playbook or assessment that says `translates: <id>` is another language's
version of that document. Readers' progress is kept under the original's ids, so a translation
must have the same ids (and, for an assessment, the same scoring) as its original; this module
checks that and records the valid translations on the site (`Site.translation_of`)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TypeAlias

from .loader import Path_
from .model import Assessment, Playbook
from .problems import Problem
from .site import Entry, Site

AnyEntry: TypeAlias = Entry[Playbook] | Entry[Assessment]

Key = tuple[str, ...]
Shape = dict[Key, tuple[Path_, str | None, Key | None]]
"""What a translation must share with its original: (what, id…) → (where, value, the key of
what it is under). A value of None is not compared: it is wrong in itself (a phase the site does
not have), and reported where it is written."""

SAME_IDS = "a translation keeps the ids (and scores) of its original: translate the texts only"


def link_translations(site: Site) -> Iterator[Problem]:
    """Checks every `translates` and records the valid ones in `site.translation_of`."""
    taken: dict[tuple[str, str], AnyEntry] = {}
    entries: list[AnyEntry] = [*site.playbooks.values(), *site.assessments.values()]
    broken = site.broken_names()
    for entry in entries:
        target = entry.model.translates
        if target is None:
            continue
        if target in broken and target not in site.playbooks and target not in site.assessments:
            continue  # the original's own errors are the root cause, reported in its file
        problems = list(_check(site, entry, taken))
        yield from problems
        if not any(problem.is_error for problem in problems):
            site.translation_of[entry.id] = target
            taken[(target, site.lang_of(entry))] = entry


def _check(site: Site, entry: AnyEntry,
           taken: dict[tuple[str, str], AnyEntry]) -> Iterator[Problem]:
    model, loaded = entry.model, entry.loaded
    target = model.translates or ""
    kind = "playbook" if isinstance(model, Playbook) else "assessment"
    where: Path_ = ("translates",)
    same_kind = site.playbooks if kind == "playbook" else site.assessments
    other_kind = site.assessments if kind == "playbook" else site.playbooks
    original = same_kind.get(target)
    if target == entry.id:
        yield loaded.problem(where, f"'{entry.id}' cannot translate itself",
                             "name the id of the original document")
    elif target in other_kind:
        other = "an assessment" if kind == "playbook" else "a playbook"
        yield loaded.problem(where, f"'{target}' is {other}: a {kind} translates a {kind}",
                             f"name the id of the {kind} this one translates")
    elif original is None:
        close = difflib.get_close_matches(target, list(same_kind), n=1, cutoff=0.6)
        hint = (f"did you mean '{close[0]}'?" if close
                else f"name the id of an existing {kind}")
        yield loaded.problem(where, f"no {kind} '{target}' to translate", hint)
    elif original.model.translates is not None:
        yield loaded.problem(
            where, f"'{target}' is itself a translation (of '{original.model.translates}')",
            f"translate the original: `translates: {original.model.translates}`")
    else:
        yield from _check_language(site, entry, original, taken)
        yield from _check_shape(entry, original, {phase.id for phase in site.framework})


def _check_language(site: Site, entry: AnyEntry,
                    original: AnyEntry,
                    taken: dict[tuple[str, str], AnyEntry]
                    ) -> Iterator[Problem]:
    language = site.lang_of(entry)
    where: Path_ = ("lang",) if entry.model.lang else ("translates",)
    if language == site.lang_of(original):
        yield entry.loaded.problem(
            where, f"a translation must be in another language than its original ('{language}')",
            "set the translation's language, e.g. `lang: en`")
        return
    first = taken.get((original.id, language))
    if first is not None:
        line = first.loaded.mark(("translates",)).line
        yield entry.loaded.problem(
            where, f"'{original.id}' already has a translation in '{language}': "
            f"{first.loaded.path}:{line}", "keep one translation per language")


def _check_shape(entry: AnyEntry, original: AnyEntry,
                 phases: set[str]) -> Iterator[Problem]:
    """The ids (and scores) that differ from the original's, the root cause first: an id renamed
    is one error (with the original's id to put back), not one more for each id under it; a
    phase unknown to the site, on either side, is reported where it is written, not once more
    for each play under it."""
    mine, theirs = _shape(entry.model, phases), _shape(original.model, phases)
    name = f"'{original.id}' ({original.loaded.path})"
    unknown = [key for key in mine if key not in theirs]
    missing = [key for key in theirs if key not in mine]
    renamed = _renamed(unknown, missing)
    for key, (where, value, parent) in mine.items():
        if parent in unknown:
            continue  # under an id the original does not have: that id is reported
        if key in renamed:
            yield entry.loaded.problem(
                where, f"{_label(key)} is not in the original {name}",
                f"did you mean '{renamed[key][-1]}'? {SAME_IDS}")
        elif key not in theirs:
            yield entry.loaded.problem(where, f"{_label(key)} is not in the original {name}",
                                       SAME_IDS)
        elif theirs[key][1] != value and None not in (value, theirs[key][1]):
            yield entry.loaded.problem(
                where, f"{_label(key)} is {value} here but {theirs[key][1]} in the original "
                f"{name}", SAME_IDS)
    guessed = set(renamed.values())
    left = [key for key in missing if key not in guessed and theirs[key][2] not in missing]
    if left:
        listed = ", ".join(_label(key) for key in left[:5])
        more = f" and {len(left) - 5} more" if len(left) > 5 else ""
        yield entry.loaded.problem(("translates",), f"the original {name} has {listed}{more}, "
                                   "missing here", SAME_IDS)


def _renamed(unknown: list[Key], missing: list[Key]) -> dict[Key, Key]:
    """Each id of the translation that the original does not have, paired with the original's
    id of the same kind it most looks like, if one is missing here (an id renamed)."""
    pairs: dict[Key, Key] = {}
    for key in unknown:
        candidates = {other[-1]: other for other in missing
                      if other[:-1] == key[:-1] and other not in pairs.values()}
        close = difflib.get_close_matches(key[-1], list(candidates), n=1, cutoff=0.6)
        if close:
            pairs[key] = candidates[close[0]]
        elif len(candidates) == 1 and sum(other[:-1] == key[:-1] for other in unknown) == 1:
            pairs[key] = next(iter(candidates.values()))  # one id of its kind on each side
    return pairs


def _label(key: tuple[str, ...]) -> str:
    what, *ids = key
    return f"{what} '{'/'.join(ids)}'" if ids else what


def _shape(model: Playbook | Assessment, phases: set[str]) -> Shape:
    if isinstance(model, Playbook):
        return _playbook_shape(model, phases)
    return _assessment_shape(model)


def _playbook_shape(playbook: Playbook, phases: set[str]) -> Shape:
    shape: Shape = {}
    for p, phase in enumerate(playbook.phases):
        where = f"in phase '{phase.phase}'" if phase.phase in phases else None
        for n, play in enumerate(phase.plays):
            at: Path_ = ("phases", p, "plays", n)
            shape[("play", play.id)] = ((*at, "id"), where, None)
            for i, item in enumerate(play.checklist):
                shape[("item", item.id)] = ((*at, "checklist", i, "id"), f"in play '{play.id}'",
                                            ("play", play.id))
    return shape


def _assessment_shape(assessment: Assessment) -> Shape:
    shape: Shape = {("complete_at",): (("complete_at",), f"{assessment.complete_at:g}", None)}
    for n, level in enumerate(assessment.levels):
        shape[("level", level.id)] = (("levels", n, "min"), f"from {level.min:g}", None)
    for d, dimension in enumerate(assessment.dimensions):
        at: Path_ = ("dimensions", d)
        shape[("dimension", dimension.id)] = ((*at, "id"), f"weighted {dimension.weight:g}",
                                              None)
        for q, question in enumerate(dimension.questions):
            qat: Path_ = (*at, "questions", q)
            na = ", not applicable allowed" if question.allow_na else ""
            shape[("question", question.id)] = (
                (*qat, "id"), f"in dimension '{dimension.id}', weighted {question.weight:g}{na}",
                ("dimension", dimension.id))
            for c, choice in enumerate(question.choices):
                shape[("choice", question.id, choice.id)] = (
                    (*qat, "choices", c, "score"), f"scored {choice.score:g}",
                    ("question", question.id))
    return shape
