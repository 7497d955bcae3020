"""A site's documents once loaded: every valid playbook and assessment, linked, and every
problem found (`loading.build_site` makes it)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from .loader import Loaded
from .model import Assessment, Play, Playbook, Recommendation
from .problems import Problem
from .settings import PhaseDef
from .validate import slugify

RESERVED_IDS = frozenset({"progress", "workshop"})
"""Ids taken by pages of the plugin (`playbooks/progress/`, `playbooks/workshop/`, see
`output.pages.urls`)."""

T = TypeVar("T", Playbook, Assessment)


@dataclass(frozen=True)
class PlayLink:
    """A play named by a recommendation, found: what a page needs to link to it."""

    playbook_id: str
    play: Play

    @property
    def item_ids(self) -> list[str]:
        """The ids of the play's checklist items."""
        return [item.id for item in self.play.checklist]


@dataclass(frozen=True)
class LinkedRecommendation:
    """A recommendation with its plays resolved; references that name no play are reported
    by the link step and never reach the pages."""

    recommendation: Recommendation
    plays: tuple[PlayLink, ...]


@dataclass(frozen=True)
class Entry(Generic[T]):
    """A valid document with where it came from."""

    id: str
    model: T
    loaded: Loaded
    path: Path
    recommendations: Mapping[str, tuple[LinkedRecommendation, ...]] = field(
        default_factory=dict)
    """An assessment's recommendations by dimension id, linked (empty for a playbook)."""
    review_due: datetime.date | None = None
    """The day its review fell due, when it is due on the build's day (`Settings.today`): all
    that pages know of the day."""


@dataclass(frozen=True)
class DocumentView(Generic[T]):
    """A document as its page and its card show it, with all they may know of the rest of the
    site: the data a page kept in the cache is keyed by (`Site.view`)."""

    id: str
    model: T
    language: str
    """Its language: its `lang`, else the site's."""
    original_id: str
    """The id readers' progress is kept under: the original's, for a translation."""
    versions: tuple[tuple[str, str], ...]
    """Every version of it (the original and its translations), as (language, id), the original
    first."""
    review_due: datetime.date | None
    """The day its review fell due, when it is due (see `Entry.review_due`)."""


@dataclass(frozen=True)
class BrokenFile:
    """A file that could not be read into a document: where, and what it meant to be."""

    path: str
    kind: str


@dataclass
class Site:
    """Every valid playbook and assessment of a site, linked, and every problem found."""
    framework: tuple[PhaseDef, ...]
    playbooks: dict[str, Entry[Playbook]] = field(default_factory=dict)
    assessments: dict[str, Entry[Assessment]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: dict[str, BrokenFile] = field(default_factory=dict)
    """Files that could not be read into a document, by the id each would have had."""
    language: str = "en"
    """The language of documents that do not set `lang` (the site's)."""
    translation_of: dict[str, str] = field(default_factory=dict)
    """The id of the original of each valid translation, by the translation's id."""

    def lang_of(self, entry: Entry[Playbook] | Entry[Assessment]) -> str:
        """The language of a document: its `lang`, else the site's."""
        return entry.model.lang or self.language

    def view(self, entry: Entry[T], *, review: bool = True) -> DocumentView[T]:
        """What a page may show of `entry` and of the site around it; without `review` (for a
        card, which does not show it), not whether its review is due: then what it makes does
        not change the day a review falls due."""
        return DocumentView(entry.id, entry.model, self.lang_of(entry), self.original_id(entry.id),
                            tuple(self.versions(entry.id).items()),
                            entry.review_due if review else None)

    def lang_of_id(self, entry_id: str) -> str:
        """The language of the document of `entry_id`."""
        entry = self.playbooks.get(entry_id) or self.assessments.get(entry_id)
        return self.language if entry is None else self.lang_of(entry)

    def original_id(self, entry_id: str) -> str:
        """The id readers' progress is kept under: the original's for a translation."""
        return self.translation_of.get(entry_id, entry_id)

    def is_translation(self, entry_id: str) -> bool:
        """Whether the document of `entry_id` is a (valid) translation of another."""
        return entry_id in self.translation_of

    def versions(self, entry_id: str) -> dict[str, str]:
        """Every version of a document (the original and its translations): id by language,
        the original first."""
        original = self.original_id(entry_id)
        entries = self.playbooks if original in self.playbooks else self.assessments
        found: dict[str, str] = {}
        if original in entries:
            found[self.lang_of(entries[original])] = original
        for translation, of in self.translation_of.items():
            if of == original:
                found.setdefault(self.lang_of(entries[translation]), translation)
        return found

    def version_in(self, entry_id: str, language: str | None) -> str:
        """The id of the version of a document in `language`, else the original's."""
        original = self.original_id(entry_id)
        if language is None:
            return original
        return self.versions(original).get(language, original)

    def broken_names(self) -> dict[str, BrokenFile]:
        """The files that could not be read, by every name other files may call them: the id
        each gives itself, that id made a valid one (`Ecoute-Sociale` is `ecoute-sociale`), and
        its file name. A reference to one of them is not checked: that file's own errors are the
        root cause, reported in it."""
        names: dict[str, BrokenFile] = {}
        for claimed, broken in self.broken.items():
            for name in (PurePosixPath(broken.path).stem, slugify(claimed), claimed):
                names[name] = broken
        return names

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors."""
        return [problem for problem in self.problems if problem.is_error]

    def phase_title(self, phase_id: str, strings: Callable[..., str]) -> str:
        """The configured title of a phase, else its built-in title in the page's language."""
        return phase_title(self.framework, phase_id, strings)

    def find_play(self, reference: str) -> PlayLink | None:
        """The play named by `playbook-id/play-id`, if both exist."""
        playbook_id, _, play_id = reference.partition("/")
        entry = self.playbooks.get(playbook_id)
        if entry is None:
            return None
        for phase in entry.model.phases:
            for play in phase.plays:
                if play.id == play_id:
                    return PlayLink(entry.id, play)
        return None


def phase_title(framework: tuple[PhaseDef, ...], phase_id: str,
                strings: Callable[..., str]) -> str:
    """The title of a phase of `framework`: the configured one, else its built-in title in the
    language of `strings`, else its id."""
    title = next((p.title for p in framework if p.id == phase_id), None)
    if title:
        return title
    try:
        return strings(f"phase.{phase_id}")
    except KeyError:
        return phase_id
