"""Checks that a schema cannot express: unique ids, ordered levels, known phases, review dates."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from .loader import Loaded, Path_
from .model import NOT_APPLICABLE, SHARE_MAX_QUESTIONS, Assessment, Choice, Link, Playbook
from .problems import Problem, Severity, did_you_mean

SAFE_URL_SCHEMES = {"http", "https", "mailto"}
PLUGIN_ANCHOR_PREFIX = "pb-"
"""Anchors the plugin makes start with this; play and dimension ids (anchors too) may not."""


def check_playbook(
    playbook: Playbook, loaded: Loaded, phases: Iterable[str]
) -> Iterator[Problem]:
    """A playbook's own checks: unique ids, known phases, plugin anchors, safe links."""
    known_phases = list(phases)
    yield from _unique(loaded, "phase", [
        (("phases", p, "phase"), phase.phase) for p, phase in enumerate(playbook.phases)
    ], "put all the plays of a phase under one `phase:` entry")
    for p, phase in enumerate(playbook.phases):
        if phase.phase not in known_phases:
            yield loaded.problem(("phases", p, "phase"), f"unknown phase '{phase.phase}'",
                                 did_you_mean(phase.phase, known_phases))
    plays = [(p, q, play) for p, phase in enumerate(playbook.phases)
             for q, play in enumerate(phase.plays)]
    yield from _unique(loaded, "play id", [
        (("phases", p, "plays", q, "id"), play.id) for p, q, play in plays
    ])
    yield from _unique(loaded, "checklist item id", [
        (("phases", p, "plays", q, "checklist", i, "id"), item.id)
        for p, q, play in plays for i, item in enumerate(play.checklist)
    ])
    yield from _not_plugin_anchors(loaded, [
        (("phases", p, "plays", q, "id"), play.id) for p, q, play in plays
    ])
    for p, q, play in plays:
        where: Path_ = ("phases", p, "plays", q)
        yield from _unique(loaded, "metric id", [
            ((*where, "metrics", m, "id"), metric.id) for m, metric in enumerate(play.metrics)
        ])
        yield from _check_links(loaded, (*where, "resources"), play.resources)


def check_assessment(
    assessment: Assessment, loaded: Loaded, phases: Iterable[str]
) -> Iterator[Problem]:
    """An assessment's own checks: levels in order, unique ids, known phases and levels."""
    known_phases = list(phases)
    yield from _check_levels(assessment, loaded)
    level_ids = [level.id for level in assessment.levels]
    yield from _unique(loaded, "dimension id", [
        (("dimensions", d, "id"), dimension.id)
        for d, dimension in enumerate(assessment.dimensions)
    ])
    yield from _unique(loaded, "question id", [
        (("dimensions", d, "questions", q, "id"), question.id)
        for d, dimension in enumerate(assessment.dimensions)
        for q, question in enumerate(dimension.questions)
    ])
    yield from _not_plugin_anchors(loaded, [
        (("dimensions", d, "id"), dimension.id)
        for d, dimension in enumerate(assessment.dimensions)
    ])
    count = sum(len(dimension.questions) for dimension in assessment.dimensions)
    if count > SHARE_MAX_QUESTIONS:
        yield loaded.problem(("dimensions",), f"{count:,} questions, over the limit of "
                             f"{SHARE_MAX_QUESTIONS:,} (a share link holds one character a "
                             "question)", "split it into several assessments", at_key=True)
    for d, dimension in enumerate(assessment.dimensions):
        if dimension.phase is not None and dimension.phase not in known_phases:
            yield loaded.problem(("dimensions", d, "phase"), f"unknown phase '{dimension.phase}'",
                                 did_you_mean(dimension.phase, known_phases))
        for q, question in enumerate(dimension.questions):
            where: Path_ = ("dimensions", d, "questions", q)
            yield from _unique(loaded, "choice id", [
                ((*where, "choices", c, "id"), choice.id)
                for c, choice in enumerate(question.choices)
            ])
            for c, choice in enumerate(question.choices):
                if choice.id == NOT_APPLICABLE:
                    yield loaded.problem(
                        (*where, "choices", c, "id"),
                        f"choice id '{NOT_APPLICABLE}' is reserved for 'not applicable'",
                        "use `allow_na: true` for that answer, or pick another id",
                    )
            if max(choice.score for choice in question.choices) <= 0:
                yield loaded.problem((*where, "choices"), "every choice scores 0",
                                     "give the best answer a score above 0")
            yield from _choices_in_order(loaded, where, question.choices)
        for r, recommendation in enumerate(dimension.recommendations):
            if recommendation.level not in level_ids:
                yield loaded.problem(
                    ("dimensions", d, "recommendations", r, "level"),
                    f"unknown level '{recommendation.level}'",
                    did_you_mean(recommendation.level, level_ids),
                )


def check_common(document: Playbook | Assessment, loaded: Loaded) -> Iterator[Problem]:
    """Checks shared by both kinds: safe source links, a review date for `review_months`."""
    yield from _check_links(loaded, ("sources",), document.sources)
    if document.review_months is not None and document.reviewed is None:
        yield loaded.problem(("review_months",), "'review_months' needs a 'reviewed' date",
                             "add `reviewed: YYYY-MM-DD`", at_key=True)


def check_review(
    document: Playbook | Assessment, loaded: Loaded, today: datetime.date, overdue: Severity
) -> Iterator[Problem]:
    """A note (or `overdue`) when the document's review is past due on `today`."""
    due = review_due_date(document)
    if due is not None and due < today:
        yield loaded.problem(
            ("reviewed",),
            f"review due since {due.isoformat()} (reviewed {document.reviewed}, "
            f"every {document.review_months} months)",
            "review the content, then update `reviewed:`", severity=overdue,
        )


def review_due_date(document: Playbook | Assessment) -> datetime.date | None:
    """The day a review falls due: `reviewed` plus `review_months`; None without both."""
    if document.reviewed is None or document.review_months is None:
        return None
    return _add_months(document.reviewed, document.review_months)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")  # pragma: no cover


def _check_levels(assessment: Assessment, loaded: Loaded) -> Iterator[Problem]:
    yield from _unique(loaded, "level id", [
        (("levels", n, "id"), level.id) for n, level in enumerate(assessment.levels)
    ])
    if assessment.levels[0].min != 0:
        yield loaded.problem(("levels", 0, "min"), "the first level must have `min: 0`",
                             "every score must reach a level")
    for n in range(1, len(assessment.levels)):
        previous, level = assessment.levels[n - 1], assessment.levels[n]
        if level.min <= previous.min:
            yield loaded.problem(
                ("levels", n, "min"),
                f"level '{level.id}' has min {level.min:g}, not above "
                f"'{previous.id}' ({previous.min:g})",
                "list levels lowest first, each `min` higher than the one before",
            )


def _choices_in_order(loaded: Loaded, where: Path_, choices: list[Choice]) -> Iterator[Problem]:
    """Choices are listed lowest score first: the paper form numbers them in that order."""
    for c in range(1, len(choices)):
        if choices[c].score < choices[c - 1].score:
            yield loaded.problem(
                (*where, "choices", c, "score"),
                f"choice '{choices[c].id}' scores {choices[c].score:g}, less than "
                f"'{choices[c - 1].id}' before it ({choices[c - 1].score:g})",
                "list the choices lowest score first")
            return


def _check_links(loaded: Loaded, where: Path_, links: list[Link]) -> Iterator[Problem]:
    for n, link in enumerate(links):
        if link.url is None:
            continue
        scheme = urlsplit(link.url).scheme.lower()
        if scheme and scheme not in SAFE_URL_SCHEMES:
            yield loaded.problem((*where, n, "url"), f"url scheme '{scheme}:' is not allowed",
                                 "use an http://, https:// or mailto: address, or a path")


def _not_plugin_anchors(loaded: Loaded, entries: list[tuple[Path_, str]]) -> Iterator[Problem]:
    for where, value in entries:
        if value.startswith(PLUGIN_ANCHOR_PREFIX):
            yield loaded.problem(
                where, f"id '{value}' starts with '{PLUGIN_ANCHOR_PREFIX}', kept for the plugin's "
                "own anchors", f"e.g. '{value.removeprefix(PLUGIN_ANCHOR_PREFIX) or 'my-id'}'")


def _unique(
    loaded: Loaded, what: str, entries: list[tuple[Path_, str]], hint: str = ""
) -> Iterator[Problem]:
    """A problem for each entry whose value already appeared, pointing back at the first."""
    first_seen: dict[str, Path_] = {}
    for where, value in entries:
        if value in first_seen:
            first = loaded.mark(first_seen[value])
            yield loaded.problem(where, f"duplicate {what} '{value}' (first at line {first.line})",
                                 hint or "give each one its own id")
        else:
            first_seen[value] = where
