"""Share links, as the reference: `#pb1.<fingerprint>.<code>` holds one character per question.

The code's character for a question is the chosen choice's index in `SHARE_ALPHABET`,
`SHARE_NOT_APPLICABLE` for "not applicable" (where the question allows it) or `SHARE_UNANSWERED`.
The fingerprint (FNV-1a, 32 bits, in base 36, of the assessment's ids) ties a link to the
assessment's structure, so a link made before questions or choices changed is refused rather than
misread. The page's script (`assets/js/share.js`) implements the same; a Node test compares both.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.model import NOT_APPLICABLE, SHARE_ALPHABET, SHARE_MAX_QUESTIONS, Assessment, Question
from ..output.contract import (
    SHARE_NOT_APPLICABLE,
    SHARE_UNANSWERED,
    SHARE_VERSION,
)

_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _questions(assessment: Assessment) -> list[Question]:
    return [question for dimension in assessment.dimensions for question in dimension.questions]


def _base36(value: int) -> str:
    digits = ""
    while True:
        value, rest = divmod(value, 36)
        digits = _DIGITS[rest] + digits
        if not value:
            return digits


def fingerprint(assessment: Assessment) -> str:
    """The check of the assessment's structure: its id, questions, choices and N/A options."""
    text = "|".join(";".join(
        f"{q.id}:{','.join(c.id for c in q.choices)}{'!' if q.allow_na else ''}"
        for q in d.questions) for d in assessment.dimensions)
    value = _FNV_OFFSET
    for byte in f"{assessment.id}/{text}".encode():
        value = ((value ^ byte) * _FNV_PRIME) & 0xFFFFFFFF
    return _base36(value)


def _character(question: Question, answer: str | None) -> str:
    if answer == NOT_APPLICABLE and question.allow_na:
        return SHARE_NOT_APPLICABLE
    ids = [choice.id for choice in question.choices]
    return SHARE_ALPHABET[ids.index(answer)] if answer in ids else SHARE_UNANSWERED


def encode(assessment: Assessment, answers: Mapping[str, str]) -> str:
    """The URL fragment sharing `answers` (question id → choice id or `na`); others are dropped."""
    code = "".join(_character(q, answers.get(q.id)) for q in _questions(assessment))
    return f"#{SHARE_VERSION}.{fingerprint(assessment)}.{code}"


def _answer(question: Question, character: str) -> str | None:
    """The answer a character stands for; None when unanswered. ValueError when not valid."""
    if character == SHARE_NOT_APPLICABLE and question.allow_na:
        return NOT_APPLICABLE
    index = SHARE_ALPHABET.find(character)
    if 0 <= index < len(question.choices):
        return question.choices[index].id
    if character == SHARE_UNANSWERED:
        return None
    raise ValueError(character)


def decode(assessment: Assessment, fragment: str) -> dict[str, str] | None:
    """The answers of a share link's fragment, or None when it is not valid for `assessment`."""
    prefix = f"#{SHARE_VERSION}.{fingerprint(assessment)}."
    questions = _questions(assessment)
    code = fragment.removeprefix(prefix)
    if (not fragment.startswith(prefix) or len(code) != len(questions)
            or len(code) > SHARE_MAX_QUESTIONS):
        return None
    try:
        pairs = [(q.id, _answer(q, ch)) for q, ch in zip(questions, code, strict=True)]
    except ValueError:
        return None
    return {question: answer for question, answer in pairs if answer is not None}
