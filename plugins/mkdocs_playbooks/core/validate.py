"""Loaded data → typed model, with every validation error turned into a located, helpful problem."""

from __future__ import annotations

import datetime
import difflib
import re
import types
import typing
import unicodedata
from typing import Any

from pydantic import BaseModel, ValidationError

from .loader import Loaded, Number, Path_
from .model import KINDS, LANG_PATTERN, PLAY_REF_PATTERN, SLUG_PATTERN, Assessment, Playbook
from .problems import Problem, did_you_mean

Content = Playbook | Assessment


def to_model(loaded: Loaded) -> tuple[Content | None, list[Problem]]:
    """The document's model, or None and the problems that prevent it."""
    data = loaded.data
    if data is None:
        return None, [loaded.problem((), "the file is empty",
                                     "start with `title: …`, or run `playbooks new ID`")]
    if not isinstance(data, dict):
        return None, [loaded.problem(
            (), f"the top of the file must be keys like `title: …`, found {_describe(data)}",
            "`playbooks new ID` writes an example",
        )]
    kind = data.get("kind", "playbook")
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return None, [loaded.problem(("kind",), f"unknown kind {_show(kind)}",
                                     did_you_mean(str(kind), KINDS))]
    try:
        return with_shared_field_sets(model.model_validate(data)), []
    except ValidationError as error:
        details = error.errors(include_url=False)
        problems = [_problem(loaded, model, detail)
                    for detail in _without_echoes(details, model)]
        return None, sorted(set(problems))


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def with_shared_field_sets(model: Content) -> Content:
    """`model`, each of its parts sharing its set of given fields with the other parts that were
    given the same fields (a few dozen sets in all, rather than one per part: a fifth of a
    playbook's memory). Safe because the models are frozen: pydantic never changes the set of a
    frozen model, and `model_copy` copies it first."""
    _share_field_sets(model)
    return model


def _share_field_sets(value: object) -> None:
    if isinstance(value, BaseModel):
        fields = value.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(fields), fields)
        object.__setattr__(value, "__pydantic_fields_set__", shared)
        for part in value.__dict__.values():
            _share_field_sets(part)
    elif isinstance(value, list | tuple):
        for part in value:
            _share_field_sets(part)
    elif isinstance(value, dict):
        for part in value.values():
            _share_field_sets(part)


def _without_echoes(details: list[Any], model: type[BaseModel]) -> list[Any]:
    """Drops "missing 'title'" where the same mapping has a misspelt key close to 'title'."""
    misspelt = {
        (tuple(detail["loc"][:-1]), close)
        for detail in details if detail["type"] == "extra_forbidden"
        for close in _meant_keys(str(detail["loc"][-1]),
                                 _fields_at(model, tuple(detail["loc"][:-1])))
    }
    return [
        detail for detail in details
        if detail["type"] != "missing"
        or (tuple(detail["loc"][:-1]), detail["loc"][-1]) not in misspelt
    ]


def _problem(loaded: Loaded, model: type[BaseModel], detail: Any) -> Problem:
    where: Path_ = tuple(part for part in detail["loc"] if isinstance(part, str | int))
    kind: str = detail["type"]
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    name = _name(where)
    kind_name = model.__name__.lower()
    if kind == "missing":
        return loaded.problem(where[:-1], f"missing required key '{where[-1]}'"
                              f"{_inside(where[:-1], kind_name)}", f"add `{where[-1]}: …`")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, where[:-1])
        key = _key_before_space(str(where[-1]), allowed)
        if key is not None:
            return loaded.problem(where, f"no ': ' after the key `{key}`",
                                  f"write `{key}: ` before its value", at_key=True)
        hint = did_you_mean(str(where[-1]), allowed)
        if value is None and not hint.startswith("did you mean"):
            hint = "a comma inside `{ }` starts a new key: put the text before it in quotes"
        return loaded.problem(where, f"unknown key '{where[-1]}'{_inside(where[:-1], kind_name)}",
                              hint, at_key=True)
    if kind in ("model_type", "model_attributes_type", "dict_type") and isinstance(value, str):
        key = _key_before_space(value, _fields_at(model, where))
        if key is not None:
            rest = value[len(key):].strip()
            return loaded.problem(where, f"no ': ' after the key `{key}`",
                                  f"write `{key}: {_clip(rest)}`")
    message, hint = _explain(kind, name, value, ctx, detail["msg"])
    return loaded.problem(where, message, hint)


def _key_before_space(text: str, allowed: list[str]) -> str | None:
    """The key that `text` starts with, followed by a space: `help "Le taux…"`, where the
    author forgot the ': ' after `help`."""
    first, space, _rest = text.partition(" ")
    return first if space and first in allowed else None


def _meant_keys(key: str, allowed: list[str]) -> list[str]:
    """The key an unknown key was meant to be: misspelt, or followed by its value without ': '."""
    before_space = _key_before_space(key, allowed)
    if before_space is not None:
        return [before_space]
    return difflib.get_close_matches(key, allowed, 1, 0.6)


_MESSAGES = {
    "blank_text": ("{name} must not be blank", "write some visible text, or remove the key"),
    "string_too_short": ("{name} must not be blank", "write some visible text, or remove the key"),
    "multiline_text": ("{name} must be one line",
                       "join the lines: only Markdown fields hold paragraphs"),
    "markdown_too_long": ("{name} is {length:,} characters long, over the limit of {limit:,}",
                          "split it, or move the detail to a page and link to it"),
    "markdown_brackets": ("{name} has {count:,} '[', over the limit of {limit}",
                          "Markdown takes minutes to render that many: write fewer, "
                          "or put them in `code`"),
    "list_type": ("{name} must be a list, found {found}",
                  "write each item on its own line as `- …`"),
    "model_type": ("{name} must be keys and values, found {found}",
                   "write it as `key: value` lines"),
    "dict_type": ("{name} must be keys and values, found {found}",
                  "write it as `key: value` lines"),
    "model_attributes_type": ("{name} must be keys and values, found {found}",
                              "write it as `key: value` lines"),
    "too_long": ("{name} has more than {max_length} items", ""),
    "finite_number": ("{name} must be a finite number, found {shown}", ""),
    "number_too_long": ("{name} has too many digits to be a number: {shown}", ""),
    "literal_error": ("{name} must be {expected}, found {found}", ""),
    "date_range": ("{name} must be between {earliest} and {latest}, found {shown}",
                   "check the year"),
}
"""Messages by pydantic error type: `{name}`, `{found}` (described), `{shown}` and the context."""

_BOUNDS = {"greater_than": "greater than", "greater_than_equal": "at least",
           "less_than_equal": "at most", "less_than": "less than"}


def _explain(kind: str, name: str, value: Any, ctx: dict[str, Any], msg: str) -> tuple[str, str]:
    found = _describe(value)
    if kind in _MESSAGES:
        message, hint = _MESSAGES[kind]
        return message.format(name=name, found=found, shown=_show(value), **ctx), hint
    if kind == "string_pattern_mismatch":
        return _pattern_message(name, str(value), ctx.get("pattern", ""))
    if kind == "string_type":
        hint = ("YAML reads true and false as yes/no values: put the text in quotes"
                if isinstance(value, bool) else
                f'put it in quotes: "{value}"' if isinstance(value, Number) else "")
        return f"{name} must be text, found {found}", hint
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"{name} needs at least {count} item{'s' if count != 1 else ''}", ""
    if kind in _BOUNDS:
        limit = next(iter(ctx.values()), "")
        return f"{name} must be {_BOUNDS[kind]} {_show(limit)}, found {_show(value)}", ""
    return _explain_type(kind, name, value, found, msg)


def _explain_type(kind: str, name: str, value: Any, found: str, msg: str) -> tuple[str, str]:
    """Messages for a value of the wrong type: number, whole number, date, yes/no."""
    if kind.startswith("int_"):
        return f"{name} must be a whole number, found {found}", ""
    if kind.startswith("float_"):
        hint = ("remove the quotes: a number is written without them"
                if isinstance(value, str) and _NUMBER.fullmatch(value.strip()) else "")
        return f"{name} must be a number, found {found}", hint
    if kind.startswith(("date_", "datetime_")):
        return f"{name} must be a date like 2026-09-30, found {found}", "write YYYY-MM-DD"
    if kind.startswith("bool_"):
        return f"{name} must be true or false, found {found}", "write `true` or `false`"
    return f"{name}: {msg}", ""


_NUMBER = re.compile(r"[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?")


def _pattern_message(name: str, value: str, pattern: str) -> tuple[str, str]:
    if pattern == SLUG_PATTERN:
        suggestion = slugify(value) or "my-id"
        return (f"{name} must be an id, found '{value}'",
                f"use lowercase letters, digits and single hyphens, e.g. '{suggestion}'")
    if pattern == PLAY_REF_PATTERN:
        return (f"{name} must be a play reference, found '{value}'",
                "write `playbook-id/play-id`, e.g. 'ecoute-sociale/cartographier-territoires'")
    if pattern == LANG_PATTERN:
        return f"{name} must be a language code, found '{value}'", "write a code like 'fr' or 'en'"
    return f"{name} '{value}' does not match {pattern}", ""


def slugify(text: str) -> str:
    """The slug closest to `text`: accents dropped, lowercase, words joined by hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def _name(where: Path_) -> str:
    keys = [part for part in where if isinstance(part, str)]
    if not keys:
        return "the document"
    if isinstance(where[-1], int):
        return f"each item of '{keys[-1]}'"
    return f"'{keys[-1]}'"


_ITEM_NOUNS = {
    "phases": "phase", "plays": "play", "checklist": "checklist item", "metrics": "metric",
    "resources": "resource", "sources": "source", "levels": "level", "dimensions": "dimension",
    "questions": "question", "choices": "choice", "recommendations": "recommendation",
}


def _inside(where: Path_, kind: str) -> str:
    """Names the mapping at `where`: ' in a play', ' in the playbook'…"""
    if not where:
        return f" in the {kind}"
    if isinstance(where[-1], int) and len(where) > 1 and where[-2] in _ITEM_NOUNS:
        return f" in a {_ITEM_NOUNS[str(where[-2])]}"
    return f" in '{where[-1]}'"


MAX_ECHO = 40
"""The longest value echoed in a message; longer ones end with an ellipsis."""


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Number):
        return _clip(str(value))
    return f"'{_clip(value)}'" if isinstance(value, str) else _clip(repr(value))


def _clip(text: str) -> str:
    return text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + "…"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, Number | int | float):
        return f"the number {_show(value)}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "keys and values"
    return type(value).__name__


def _fields_at(model: type[BaseModel], where: Path_) -> list[str]:
    """The field names allowed in the mapping at `where` (a path of keys and list indexes)."""
    current: Any = model
    for part in where:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _inner_model(annotation: Any) -> Any:
    """The model class inside `list[X]`, `X | None` or `Annotated[X, …]`, if any."""
    if _is_model(annotation):
        return annotation
    for argument in typing.get_args(annotation):
        inner = _inner_model(argument)
        if inner is not None:
            return inner
    return None


def _is_model(value: Any) -> bool:
    return (isinstance(value, type) and not isinstance(value, types.GenericAlias)
            and issubclass(value, BaseModel))
