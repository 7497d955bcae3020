"""The typed content model: what a playbook and an assessment may contain.

Each field's description is the reference documentation (the JSON Schema and the field reference
page are generated from it). Checks that need positions or other files live in `checks.py`.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .contract import SHARE_ALPHABET

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PLAY_REF_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
PlayRef = Annotated[str, StringConstraints(pattern=PLAY_REF_PATTERN)]
Lang = Annotated[str, StringConstraints(pattern=LANG_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Markdown = str
Weight = Annotated[float, Field(gt=0)]


class Strict(BaseModel):
    """The base of every part of the model: unknown keys refused, numbers accepted as text."""
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Link(Strict):
    """A source or a resource: a title, and a web address when there is one."""

    title: Text = Field(description="What the reader sees: author, title, date.")
    url: str | None = Field(
        None, description="`http(s)://…`, `mailto:…` or a path to a page of the site."
    )


class ChecklistItem(Strict):
    """One thing to do; the reader ticks it."""

    id: Slug = Field(description="Unique within the playbook; keys the reader's saved ticks.")
    text: Text = Field(description="What to do (inline Markdown).")
    help: Markdown = Field("", description="More detail shown under the item (Markdown).")


class Metric(Strict):
    """A measure that tells whether the play works."""

    id: Slug = Field(description="Unique within the play.")
    name: Text = Field(description="The metric's name.")
    formula: str | None = Field(None, description="How to compute it, e.g. `engaged / reach`.")
    target: str | None = Field(None, description="The value to reach, e.g. `≥ 2 %`.")


class Play(Strict):
    """One action of a phase: why, how, and a checklist."""

    id: Slug = Field(description="Unique within the playbook; the play's anchor in its page.")
    title: Text = Field(description="The play's title.")
    why: Markdown = Field("", description="Why this play matters (Markdown).")
    how: Markdown = Field("", description="How to run it (Markdown).")
    duration: str | None = Field(None, description="How long it takes, e.g. `45 min`.")
    facilitator: Markdown | None = Field(
        None, description="Notes for trainers, shown only in the facilitator edition (Markdown)."
    )
    checklist: list[ChecklistItem] = Field([], description="The steps the reader ticks.")
    metrics: list[Metric] = Field([], description="How to measure the play's effect.")
    resources: list[Link] = Field([], description="Further reading and tools.")


class Phase(Strict):
    """The plays of one phase of the site's framework."""

    phase: Slug = Field(description="The id of a phase of the framework set in `mkdocs.yml`.")
    intro: Markdown = Field("", description="Text shown before the plays (Markdown).")
    plays: list[Play] = Field(min_length=1, description="The plays of this phase.")


class Document(Strict):
    """Fields shared by playbooks and assessments."""

    id: Slug | None = Field(
        None, description="Unique across the site. Default: the file name without extension."
    )
    title: Text = Field(description="The page title.")
    lang: Lang | None = Field(
        None, description="Language of the text, e.g. `fr`. Default: the site's language."
    )
    tags: list[Text] = Field([], description="Tags, listed by the tags plugin.")
    owner: str | None = Field(None, description="Who keeps this content up to date.")
    reviewed: datetime.date | None = Field(None, description="Date of the last review.")
    review_months: Annotated[int, Field(gt=0)] | None = Field(
        None, description="Months after `reviewed` when a new review is due.",
    )
    sources: list[Link] = Field([], description="Where the ideas come from.")


class Playbook(Document):
    """`kind: playbook`: phases of plays with checklists."""

    kind: Literal["playbook"] = Field("playbook", description="`playbook` (the default).")
    summary: Markdown = Field("", description="One or two sentences shown on the index (Markdown).")
    audience: list[Text] = Field([], description="Who the playbook is for.")
    phases: list[Phase] = Field(min_length=1, description="The plays, phase by phase.")


class Level(Strict):
    """A maturity level reached from a score of `min`."""

    id: Slug = Field(description="Unique within the assessment.")
    title: Text = Field(description="The level's name.")
    min: Annotated[float, Field(ge=0, le=100)] = Field(
        description="Lowest score (0-100) that reaches the level; the first level's is 0."
    )
    description: Markdown = Field("", description="What the level means (Markdown).")


class Choice(Strict):
    """One answer to a question."""

    id: Slug = Field(description="Unique within the question; keys the reader's saved answer.")
    text: Text = Field(description="The answer as the reader sees it (inline Markdown).")
    score: Annotated[float, Field(ge=0)] = Field(description="Points for this answer (≥ 0).")


class Question(Strict):
    """A question with one answer to choose."""

    id: Slug = Field(description="Unique within the assessment; keys the reader's saved answer.")
    text: Text = Field(description="The question (inline Markdown).")
    help: Markdown = Field("", description="Explanation under the question (Markdown).")
    weight: Weight = Field(1.0, description="Weight within the dimension (> 0).")
    allow_na: bool = Field(
        False, description="Adds a 'not applicable' answer, left out of the score."
    )
    choices: list[Choice] = Field(
        min_length=2, max_length=len(SHARE_ALPHABET),
        description="The answers, lowest score first (2 to 36: share links hold one character "
        "per question).",
    )


class Recommendation(Strict):
    """Advice for a dimension whose level is `level`."""

    level: Slug = Field(description="The id of a level of this assessment.")
    text: Markdown = Field(description="The advice (Markdown).")
    plays: list[PlayRef] = Field(
        [], description="Plays to follow, as `playbook-id/play-id`."
    )


class Dimension(Strict):
    """A group of questions scored together."""

    id: Slug = Field(description="Unique within the assessment.")
    title: Text = Field(description="The dimension's name.")
    phase: Slug | None = Field(None, description="Optional id of a framework phase.")
    weight: Weight = Field(1.0, description="Weight in the overall score (> 0).")
    questions: list[Question] = Field(min_length=1, description="The dimension's questions.")
    recommendations: list[Recommendation] = Field(
        [], description="Advice per level of this dimension."
    )


class Assessment(Document):
    """`kind: assessment`: questions grouped in dimensions, scored into maturity levels."""

    kind: Literal["assessment"] = Field(description="`assessment`.")
    intro: Markdown = Field("", description="Text shown before the questions (Markdown).")
    levels: list[Level] = Field(min_length=1, description="Maturity levels, lowest first.")
    dimensions: list[Dimension] = Field(min_length=1, description="The scored dimensions.")


KINDS: dict[str, type[Playbook] | type[Assessment]] = {
    "playbook": Playbook,
    "assessment": Assessment,
}
