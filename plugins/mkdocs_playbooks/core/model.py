"""The typed content model: what a playbook and an assessment may contain.

Each field's description is the reference documentation (the JSON Schema and the field reference
page are generated from it). Checks that need positions or other files live in `checks.py`.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from .loader import Number

NOT_APPLICABLE = "na"
"""The answer value of "not applicable"; no choice may use it as its id."""
SHARE_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
"""A share link holds one character per question, the index of the chosen choice in this
alphabet: so a question has at most 36 choices."""
SHARE_MAX_QUESTIONS = 2000
"""The longest answer code a share link may hold, and so the most questions an assessment has."""

MAX_EVIDENCE_CHARS = 1000
"""The longest note a reader may attach to one answer (the page's field, the result format)."""
MAX_ROUND_CHARS = 80
"""The longest name of a round (campaign) of an assessment."""
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PLAY_REF_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


def is_slug(text: str) -> bool:
    """Whether `text` is an id, whole: the one rule for ids written in a file, taken from a file
    name or a phase, or typed on the command line (`re.match` would take `"a\\n"`: `$` matches
    before a final newline)."""
    return re.fullmatch(SLUG_PATTERN, text) is not None


MAX_MARKDOWN_CHARS = 10_000
"""The longest Markdown field (a long `how` is a tenth of it): a longer text is a page itself."""
MAX_MARKDOWN_BRACKETS = 200
"""Python-Markdown's link matching grows with the square of the `[` in a text: 10,000 of them take
a minute to render. No real field has more than a few dozen."""
MAX_WEIGHT = 1000
MAX_POINTS = 1000
MAX_REVIEW_MONTHS = 120
EARLIEST_DAY, LATEST_DAY = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)

_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _visible(value: str) -> str:
    """Text must show something: spaces and invisible characters (zero-width…) alone are blank."""
    first = value[:1]
    if first and first.isprintable() and not first.isspace():  # visible first: most texts
        return value
    if not any(unicodedata.category(ch)[0] not in "ZC" for ch in value):
        raise PydanticCustomError("blank_text", "must show some text")
    return value


def _one_line(value: str) -> str:
    if _LINE_BREAKS.search(value):
        raise PydanticCustomError("multiline_text", "must be one line")
    return value


def _markdown(value: str) -> str:
    if len(value) > MAX_MARKDOWN_CHARS:
        raise PydanticCustomError(
            "markdown_too_long", "is {length} characters long, over the limit of {limit}",
            {"length": len(value), "limit": MAX_MARKDOWN_CHARS})
    if value.count("[") > MAX_MARKDOWN_BRACKETS:
        raise PydanticCustomError(
            "markdown_brackets", "has {count} '[', over the limit of {limit}",
            {"count": value.count("["), "limit": MAX_MARKDOWN_BRACKETS})
    return value


def _number(value: Any) -> Any:
    """The value of a number as YAML wrote it; text (even `"2"`) and booleans are refused."""
    if isinstance(value, Number):
        try:
            value = value.value
        except ValueError:
            raise PydanticCustomError("number_too_long", "has too many digits") from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("float_type", "must be a number")
    if isinstance(value, int) and abs(value) > _LARGEST_EXACT:
        raise PydanticCustomError("number_too_long", "has too many digits")
    return value


_LARGEST_EXACT = 2**53
"""Past this, a whole number has more digits than a float keeps: a typo, whatever the field."""


def _date(value: Any) -> Any:
    """A date written `YYYY-MM-DD`, as editors' schemas describe it (`format: date`)."""
    day = value if isinstance(value, datetime.date) else None
    if isinstance(value, str) and not isinstance(value, Number) and _DATE.fullmatch(value):
        with contextlib.suppress(ValueError):  # 2026-02-30: a date's shape, not a date
            day = datetime.date.fromisoformat(value)
    if day is None:
        raise PydanticCustomError("date_parsing", "must be a date")
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise PydanticCustomError("date_range", "must be between {earliest} and {latest}",
                                  {"earliest": str(EARLIEST_DAY), "latest": str(LATEST_DAY)})
    return day


def _not_a_number(value: Any) -> Any:
    """Ids and codes are text: `id: 2026` is a number to YAML (and to editors), so it is refused
    as editors refuse it; `id: "2026"` is fine."""
    if isinstance(value, Number):
        raise PydanticCustomError("string_type", "must be text")
    return value


Slug = Annotated[str, BeforeValidator(_not_a_number), StringConstraints(pattern=SLUG_PATTERN)]
PlayRef = Annotated[str, BeforeValidator(_not_a_number),
                    StringConstraints(pattern=PLAY_REF_PATTERN)]
Lang = Annotated[str, BeforeValidator(_not_a_number), StringConstraints(pattern=LANG_PATTERN)]
Line = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_one_line),
                 AfterValidator(_visible)]
"""Plain text on one line (titles, names): shown as typed, never as Markdown."""
Text = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_visible),
                 AfterValidator(_markdown)]
"""Inline Markdown that must show something (checklist items, questions, choices)."""
Markdown = Annotated[str, AfterValidator(_markdown)]
Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_one_line)]
Weight = Annotated[float, BeforeValidator(_number), Field(gt=0, le=MAX_WEIGHT)]
Points = Annotated[float, BeforeValidator(_number), Field(ge=0, le=MAX_POINTS)]
Percent = Annotated[float, BeforeValidator(_number), Field(ge=0, le=100)]
Months = Annotated[int, BeforeValidator(_number), Field(gt=0, le=MAX_REVIEW_MONTHS)]
Day = Annotated[datetime.date, BeforeValidator(_date)]


class Strict(BaseModel):
    """The base of every part of the model: unknown keys refused, finite numbers only."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Link(Strict):
    """A source or a resource: a title, and a web address when there is one."""

    title: Line = Field(description="What the reader sees: author, title, date.")
    url: Url | None = Field(
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
    name: Line = Field(description="The metric's name.")
    formula: Line | None = Field(None, description="How to compute it, e.g. `engaged / reach`.")
    target: Line | None = Field(None, description="The value to reach, e.g. `≥ 2 %`.")


class Play(Strict):
    """One action of a phase: why, how, and a checklist."""

    id: Slug = Field(description="Unique within the playbook; the play's anchor in its page.")
    title: Line = Field(description="The play's title.")
    why: Markdown = Field("", description="Why this play matters (Markdown).")
    how: Markdown = Field("", description="How to run it (Markdown).")
    duration: Line | None = Field(None, description="How long it takes, e.g. `45 min`.")
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
    title: Line = Field(description="The page title.")
    lang: Lang | None = Field(
        None, description="Language of the text, e.g. `fr`. Default: the site's language."
    )
    translates: Slug | None = Field(
        None, description="The id of the playbook (or assessment) this one translates: same "
        "ids of plays, items, dimensions, questions, choices and levels, another `lang`. "
        "Readers' progress and answers are shared with the original.")
    tags: list[Line] = Field([], description="Tags, listed by the tags plugin.")
    owner: Line | None = Field(None, description="Who keeps this content up to date.")
    reviewed: Day | None = Field(None, description="Date of the last review.")
    review_months: Months | None = Field(
        None, description="Months after `reviewed` when a new review is due.",
    )
    sources: list[Link] = Field([], description="Where the ideas come from.")


class Playbook(Document):
    """`kind: playbook`: phases of plays with checklists."""

    kind: Literal["playbook"] = Field("playbook", description="`playbook` (the default).")
    summary: Markdown = Field("", description="One or two sentences shown on the index (Markdown).")
    audience: list[Line] = Field([], description="Who the playbook is for.")
    phases: list[Phase] = Field(min_length=1, description="The plays, phase by phase.")


class Level(Strict):
    """A maturity level reached from a score of `min`."""

    id: Slug = Field(description="Unique within the assessment.")
    title: Line = Field(description="The level's name.")
    min: Percent = Field(
        description="Lowest score (0-100) that reaches the level; the first level's is 0."
    )
    description: Markdown = Field("", description="What the level means (Markdown).")


class Choice(Strict):
    """One answer to a question."""

    id: Slug = Field(description="Unique within the question; keys the reader's saved answer.")
    text: Text = Field(description="The answer as the reader sees it (inline Markdown).")
    score: Points = Field(description=f"Points for this answer (0 to {MAX_POINTS}).")


class Question(Strict):
    """A question with one answer to choose."""

    id: Slug = Field(description="Unique within the assessment; keys the reader's saved answer.")
    text: Text = Field(description="The question (inline Markdown).")
    help: Markdown = Field("", description="Explanation under the question (Markdown).")
    weight: Weight = Field(
        1.0, description=f"Weight within the dimension (above 0, at most {MAX_WEIGHT}).")
    allow_na: StrictBool = Field(
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
    title: Line = Field(description="The dimension's name.")
    phase: Slug | None = Field(None, description="Optional id of a framework phase.")
    weight: Weight = Field(
        1.0, description=f"Weight in the overall score (above 0, at most {MAX_WEIGHT}).")
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
    show_weights: StrictBool = Field(
        False, description="Show respondents the weights of questions and dimensions (the "
        "paper answer sheet and the calculation always show them).")
    complete_at: Percent = Field(
        100, description="How much of each dimension (in % of its questions, *not applicable* "
        "counting as answered) must be answered before its level is given; the overall level "
        "needs every dimension so answered. Below that, scores are shown as partial.")


KINDS: dict[str, type[Playbook] | type[Assessment]] = {
    "playbook": Playbook,
    "assessment": Assessment,
}
