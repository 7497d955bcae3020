"""The team's figures, from exported attempts: which files count (one per attempt, one attempt
per participant and round), the rounds in time order, each round's spread per dimension, what
changed between the last two rounds, and the plan ranked by need.

Every score is recomputed from the answers by the reference scoring (`scoring.results`): the
numbers stored in the files are never used. Every team figure obeys the shown-number rule
(`scoring`'s docstring): a whole number, rounded half up, the level read from the number shown.
Quartiles are those of spreadsheets' QUARTILE.INC (linear between the sorted scores), then
rounded the same way.
"""

from __future__ import annotations

import datetime
import os
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from ..core.model import NOT_APPLICABLE, Assessment, Dimension, Level
from ..core.site import Entry, LinkedRecommendation
from .results import ResultError, TakenResult, read_result
from .scoring import Results, level_of, points_missing, results, rounded
from .targets import Targets

# ---------------------------------------------------------------------------------------------
# Which files count


class Why(StrEnum):
    """Why a file does not count on its own."""

    COPY = "copy"
    """The same attempt exported at the same time: a copy of the file."""
    SAME_ATTEMPT = "same_attempt"
    """Another export of an attempt (from another page language, or later)."""
    EARLIER_ATTEMPT = "earlier_attempt"
    """An earlier attempt of the same participant in the same round: the latest counts."""
    MAYBE_SAME = "maybe_same"
    """Older files without an attempt id, with the same answers: both count, but may be one."""


@dataclass(frozen=True)
class FileNote:
    """What was done with one file, and which file was kept in its place."""

    source: str
    why: Why
    kept: str


@dataclass(frozen=True)
class Collected:
    """The attempts a team report counts, and what was said of the other files."""

    taken: list[TakenResult]
    errors: list[str] = field(default_factory=list)
    notes: list[FileNote] = field(default_factory=list)
    read: int = 0
    """How many files were read."""


def collect(paths: Sequence[Path], assessment: Assessment) -> Collected:
    """Read every result; refuse those of another assessment or with answers it does not know;
    count each attempt once (its last export) and, in each round, each participant once (their
    latest attempt)."""
    known = {q.id: {c.id for c in q.choices} | ({NOT_APPLICABLE} if q.allow_na else set())
             for d in assessment.dimensions for q in d.questions}
    readable: list[TakenResult] = []
    errors: list[str] = []
    for path in paths:
        try:
            result = read_result(path)
        except ResultError as error:
            errors.append(str(error))
            continue
        if result.assessment != assessment.id:
            errors.append(f"{result.source}: a result of assessment '{result.assessment}', "
                          f"not '{assessment.id}'")
            continue
        unknown = _unknown_answers(result, known)
        if unknown:
            errors.append(f"{result.source}: answers that the assessment does not have: "
                          f"{', '.join(unknown)} (an export of another version of it?)")
            continue
        readable.append(result)
    notes: list[FileNote] = []
    attempts = _one_per_attempt(readable, notes)
    taken = _one_per_participant(attempts, notes)
    notes.extend(_maybe_same(taken))
    order = {result.source: n for n, result in enumerate(readable)}
    notes.sort(key=lambda note: order[note.source])
    return Collected(taken, errors, notes, len(readable))


def _unknown_answers(result: TakenResult, known: dict[str, set[str]]) -> list[str]:
    return [f"{question}: {choice}" if question in known else question
            for question, choice in sorted(result.answers.items())
            if question not in known or choice not in known[question]]


def _export_order(result: TakenResult) -> tuple[datetime.datetime, ...]:
    moment = result.exported
    return () if moment is None else (moment,)


def _one_per_attempt(readable: list[TakenResult], notes: list[FileNote]) -> list[TakenResult]:
    """One file per attempt id and round: its last export (the last given when two say the same
    time). Answers left unchanged and exported again for a new round count in both rounds."""
    by_attempt: dict[tuple[str | None, str], list[TakenResult]] = {}
    for result in readable:
        by_attempt.setdefault((result.round, result.attempt), []).append(result)
    kept: list[TakenResult] = []
    for group in by_attempt.values():
        last = max(group, key=_export_order)  # of equals, the first given
        for other in group:
            if other is last:
                continue
            same_time = other.exported_at == last.exported_at and other.taken_at == last.taken_at
            copy = same_time and other.answers == last.answers and \
                other.evidence == last.evidence
            notes.append(FileNote(other.source, Why.COPY if copy else Why.SAME_ATTEMPT,
                                  last.source))
        kept.append(last)
    order = {id(result): n for n, result in enumerate(readable)}
    return sorted(kept, key=lambda result: order[id(result)])


def _one_per_participant(attempts: list[TakenResult], notes: list[FileNote]) -> list[TakenResult]:
    """In each round, a participant (a `respondent` id) counts once: by their latest attempt."""
    latest: dict[tuple[str | None, str], TakenResult] = {}
    for result in attempts:
        if result.respondent is None:
            continue
        key = (result.round, result.respondent)
        was = latest.get(key)
        if was is None or _taken_order(result) >= _taken_order(was):
            latest[key] = result
    kept = []
    for result in attempts:
        if result.respondent is None:
            kept.append(result)
            continue
        winner = latest[(result.round, result.respondent)]
        if winner is result:
            kept.append(result)
        else:
            notes.append(FileNote(result.source, Why.EARLIER_ATTEMPT, winner.source))
    return kept


def _taken_order(result: TakenResult) -> tuple[datetime.datetime, ...]:
    moment = result.when
    return () if moment is None else (moment,)


def _maybe_same(taken: list[TakenResult]) -> list[FileNote]:
    """Files written before attempts had ids cannot tell a second export of one attempt from
    another person's identical answers: both count, and the report says so."""
    first: dict[tuple[str | None, str], TakenResult] = {}
    notes = []
    for result in taken:
        if result.version >= 3:
            continue
        key = (result.round, repr(sorted(result.answers.items())))
        if key in first:
            notes.append(FileNote(result.source, Why.MAYBE_SAME, first[key].source))
        else:
            first[key] = result
    return notes


# ---------------------------------------------------------------------------------------------
# Spread


@dataclass(frozen=True)
class Spread:
    """One dimension (or the overall score) across the team, in shown (whole) scores."""

    id: str
    title: str
    scores: list[int]
    """Of the participants who have a score here, complete or not."""
    levels: Counter[str]
    """How many participants reached each level (complete answers only)."""
    partial: int
    """Participants whose answers here are not complete: no level counted for them."""
    unanswered: int

    def stat(self, name: str) -> int | None:
        """The statistic `name` (min, q1, median, q3, max, mean) of the scores, as shown (a
        whole number); None without any score."""
        return figure(self.scores, name)


STATS = ("min", "q1", "median", "q3", "max", "mean")


def figure(scores: Sequence[int], name: str) -> int | None:
    """A statistic of whole scores, shown as every score is: rounded half up."""
    if not scores:
        return None
    ordered = sorted(scores)
    if name == "min":
        return ordered[0]
    if name == "max":
        return ordered[-1]
    if name == "mean":
        return rounded(statistics.fmean(ordered))
    if name == "median":
        return rounded(statistics.median(ordered))
    if len(ordered) == 1:
        return ordered[0]
    q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return rounded(q1 if name == "q1" else q3)


@dataclass(frozen=True)
class RoundFigures:
    """One round: who took part, and the spread per dimension and overall."""

    name: str | None
    """The round's name, None for attempts that name none."""
    taken: list[TakenResult]
    computed: list[Results]
    dimensions: list[Spread]
    overall: Spread

    @property
    def participants(self) -> int:
        """The attempts counted (one per participant)."""
        return len(self.taken)

    @property
    def complete(self) -> int:
        """Participants who answered enough for an overall level."""
        return sum(r.complete for r in self.computed)

    @property
    def days(self) -> list[datetime.date]:
        """The days the attempts were taken, in order."""
        return sorted(moment.date() for r in self.taken if (moment := r.when) is not None)

    def spread(self, dimension: str) -> Spread:
        """The spread of `dimension` (or of `overall`)."""
        return self.overall if dimension == "overall" else next(
            s for s in self.dimensions if s.id == dimension)


def round_figures(assessment: Assessment, name: str | None,
                  taken: Sequence[TakenResult]) -> RoundFigures:
    """The figures of one round, every score recomputed from the answers."""
    computed = [results(assessment, result.answers) for result in taken]
    dimensions = [_spread(dimension, computed) for dimension in assessment.dimensions]
    overall = Spread(
        "overall", "", [r.score for r in computed if r.score is not None],
        Counter(r.level for r in computed if r.level is not None),
        sum(not r.complete and r.score is not None for r in computed),
        sum(r.score is None for r in computed))
    return RoundFigures(name, list(taken), computed, dimensions, overall)


def _spread(dimension: Dimension, computed: list[Results]) -> Spread:
    shown_here = [r.dimensions[dimension.id] for r in computed]
    return Spread(
        dimension.id, dimension.title, [d.score for d in shown_here if d.score is not None],
        Counter(d.level for d in shown_here if d.level is not None),
        sum(not d.complete and d.score is not None for d in shown_here),
        sum(d.score is None for d in shown_here))


def rounds_of(assessment: Assessment, taken: Sequence[TakenResult]) -> list[RoundFigures]:
    """The rounds of `taken`, in the order of their first attempt (then of their names)."""
    groups: dict[str | None, list[TakenResult]] = {}
    for result in taken:
        groups.setdefault(result.round, []).append(result)
    far = datetime.datetime.max.replace(tzinfo=datetime.UTC)

    def start(name: str | None) -> tuple[datetime.datetime, str]:
        times = [moment for r in groups[name] if (moment := r.when) is not None]
        return (min(times, default=far), name or "")

    return [round_figures(assessment, name, groups[name]) for name in sorted(groups, key=start)]


# ---------------------------------------------------------------------------------------------
# What changed between the last two rounds


@dataclass(frozen=True)
class Move:
    """A median (of a dimension, or overall) from one round to the next."""

    id: str
    title: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """The difference of the shown medians."""
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class PersonMove:
    """One participant who took both rounds (the same `respondent`), overall and per dimension."""

    before: TakenResult
    after: TakenResult
    overall: Move
    dimensions: list[Move]

    @property
    def largest(self) -> Move | None:
        """The dimension that moved the most (the first of equals)."""
        moved = [m for m in self.dimensions if m.change]
        return max(moved, key=lambda m: abs(m.change or 0), default=None)


@dataclass(frozen=True)
class Changes:
    """From the round before the last to the last."""

    before: RoundFigures
    after: RoundFigures
    overall: Move
    dimensions: list[Move]
    """Largest move first (by size, up or down), then in the assessment's order."""
    people: list[PersonMove]

    def count(self, sign: int) -> int:
        """How many of `people` went up (1), stayed (0) or went down (-1) overall."""
        return sum(_sign(p.overall.change) == sign for p in self.people
                   if p.overall.change is not None)


def _sign(value: int | None) -> int:
    return 0 if not value else (1 if value > 0 else -1)


def changes(assessment: Assessment, rounds: Sequence[RoundFigures]) -> Changes | None:
    """What changed between the last two rounds; None with fewer than two."""
    if len(rounds) < 2:
        return None
    before, after = rounds[-2], rounds[-1]
    overall = Move("overall", "", before.overall.stat("median"), after.overall.stat("median"))
    moves = [Move(d.id, d.title, before.spread(d.id).stat("median"),
                  after.spread(d.id).stat("median")) for d in assessment.dimensions]
    moves.sort(key=lambda m: -abs(m.change or 0))
    return Changes(before, after, overall, moves, _people(assessment, before, after))


def _people(assessment: Assessment, before: RoundFigures,
            after: RoundFigures) -> list[PersonMove]:
    earlier = {r.respondent: (r, c) for r, c in zip(before.taken, before.computed, strict=True)
               if r.respondent}
    people = []
    for result, computed in zip(after.taken, after.computed, strict=True):
        if result.respondent not in earlier:
            continue
        was, was_computed = earlier[result.respondent]
        people.append(PersonMove(
            was, result, Move("overall", "", was_computed.score, computed.score),
            [Move(d.id, d.title, was_computed.dimensions[d.id].score,
                  computed.dimensions[d.id].score) for d in assessment.dimensions]))
    return people


# ---------------------------------------------------------------------------------------------
# The plan, ranked by need


class Standing(StrEnum):
    """Where a dimension stands against its target."""

    GAP = "gap"
    NO_TARGET = "no_target"
    REACHED = "reached"
    NO_SCORE = "no_score"


@dataclass(frozen=True)
class Step:
    """One dimension of the plan: how far the team's median is from its target, and the advice
    for the level the median reaches."""

    dimension: Dimension
    median: int | None
    level: str | None
    target: Level | None
    gap: int | None
    """Points the median lacks to reach the target (0 when reached)."""
    standing: Standing
    advice: tuple[LinkedRecommendation, ...]

    @property
    def need(self) -> float:
        """The gap times the dimension's weight: what ranks the dimensions with a target."""
        return (self.gap or 0) * self.dimension.weight


def plan(entry: Entry[Assessment], figures: RoundFigures, targets: Targets) -> list[Step]:
    """The dimensions ranked by need: those below their target first, the largest gap × weight
    first; then those without a target, the lowest median first; then those whose target is
    reached; dimensions without any score last. Ties keep the assessment's order."""
    assessment = entry.model
    levels = {level.id: level for level in assessment.levels}
    steps = []
    for dimension in assessment.dimensions:
        median = figures.spread(dimension.id).stat("median")
        level = level_of(assessment.levels, median)
        target = levels.get(targets.of(dimension.id) or "")
        gap = None if target is None or median is None else points_missing(target, median)
        standing = (Standing.NO_SCORE if median is None else Standing.NO_TARGET if gap is None
                    else Standing.GAP if gap else Standing.REACHED)
        advice = tuple(linked for linked in entry.recommendations.get(dimension.id, ())
                       if linked.recommendation.level == level)
        steps.append(Step(dimension, median, level, target, gap, standing, advice))
    tiers = {Standing.GAP: 0, Standing.NO_TARGET: 1, Standing.REACHED: 2, Standing.NO_SCORE: 3}

    def rank(step: Step) -> tuple[float, float, float]:
        if step.standing is Standing.GAP:
            return (tiers[step.standing], -step.need, -(step.gap or 0))
        return (tiers[step.standing], step.median or 0, -step.dimension.weight)

    return sorted(steps, key=rank)


# ---------------------------------------------------------------------------------------------
# The report


@dataclass(frozen=True)
class TeamReport:
    """Everything the CSV files and the HTML report show."""

    entry: Entry[Assessment]
    label: str
    rounds: list[RoundFigures]
    targets: Targets
    notes: list[FileNote]
    read: int
    plan: list[Step]
    changes: Changes | None

    @property
    def assessment(self) -> Assessment:
        """The assessment of the results."""
        return self.entry.model

    @property
    def latest(self) -> RoundFigures:
        """The last round: what the spread, the levels and the plan describe."""
        return self.rounds[-1]

    def team_level(self, spread: Spread) -> str | None:
        """The level the team's median score reaches (read from the shown median)."""
        return level_of(self.assessment.levels, spread.stat("median"))

    def file_name(self, source: str) -> str:
        """A file as the report names it: from the folder that holds every result."""
        try:
            return Path(source).resolve().relative_to(self.folder).as_posix()
        except ValueError:  # another drive
            return source

    @cached_property
    def folder(self) -> Path:
        """The deepest folder that holds every result file."""
        sources = [r.source for figures in self.rounds for r in figures.taken]
        sources += [note.source for note in self.notes]
        parents = [str(Path(source).resolve().parent) for source in sources]
        try:
            return Path(os.path.commonpath(parents))
        except ValueError:  # files on several drives
            return Path()


def summarise(entry: Entry[Assessment], collected: Collected, label: str = "",
              targets: Targets | None = None) -> TeamReport:
    """The team report of the attempts `collected`, every score recomputed from the answers."""
    chosen = targets or Targets()
    rounds = rounds_of(entry.model, collected.taken)
    return TeamReport(entry, label or chosen.team, rounds, chosen, collected.notes,
                      collected.read, plan(entry, rounds[-1], chosen),
                      changes(entry.model, rounds))
