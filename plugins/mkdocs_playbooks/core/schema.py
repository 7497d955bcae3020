"""The JSON Schema of playbook files, generated from the model (also shipped as `schema.json`).

Editors read YAML by the 1.2 core schema, as `playbooks validate` does, and check it against this
schema: it says what the CLI's model accepts, as far as JSON Schema can say it. Pydantic's own
schema gives the structure (objects, lists, required keys, descriptions); each value's schema is
then rewritten from the field's type in `model.py`:

- text (`Line`, `Text`, `Markdown`, `Url`, plain `str`) also takes numbers, since `title: 2026`
  is the text "2026" to the CLI; its rules become patterns: no control characters, one line,
  something visible, at most 200 `[` and 10,000 characters for Markdown;
- ids, play references and language codes are strings (a number is refused) with their pattern;
- dates are `YYYY-MM-DD` strings of a real day between 1900 and 2999;
- numbers keep their bounds, and NaN is refused.

What needs other fields or files (unique ids, level order, references, known phases…) is only
checked by the CLI (`checks.py`, `site.py`).
"""

from __future__ import annotations

import copy
import re
import types
import typing
from pathlib import Path
from typing import Any

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import model
from .model import Assessment, Playbook

SCHEMA_FILE = Path(__file__).parent.parent / "schema.json"

# U+0085 (in the C1 range), U+2028 and U+2029 are line breaks to YAML 1.1 readers and characters to
# editors: the CLI refuses them anywhere, the schema in every text.
_CONTROL = r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029"
"""The loader's control characters (C0 and C1 but tab and line feed), refused in all text."""
_WHITESPACE = (r"\u0009-\u000d\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
               r"\u3000")
"""What the model strips around plain text (Unicode's White_Space, as pydantic strips)."""
_WHITESPACE_NOT_BREAK = r"\u0009\u000b\u000c\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
"""`_WHITESPACE` but the line breaks the model refuses in one-line text (`\\n \\r \\x85 LS PS`)."""
_INVISIBLE = (r"\u0000-\u0020\u007f-\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
              r"\u08e2\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000"
              r"\ud800-\uf8ff\ufeff\ufff9-\ufffb")
"""The characters of the Basic Multilingual Plane that show nothing (Unicode categories Z, Cc,
Cf, Cs, Co): text made only of them is blank to the model. Written out, not computed, so that the
schema is the same whatever Python's Unicode version; a test compares it with `unicodedata`.
Characters past U+FFFF have no escape that both JavaScript and Python regular expressions read:
the schema takes the few invisible ones there (tags, private use) as visible."""

NO_CONTROL = f"^[^{_CONTROL}]*$"
ONE_LINE = (f"^[{_WHITESPACE}]*"
            f"(?:[^{_WHITESPACE}](?:[{_WHITESPACE_NOT_BREAK}]*[^{_WHITESPACE}])*)?"
            f"[{_WHITESPACE}]*$")
"""One line once the whitespace around it is stripped, as the model reads plain text."""
VISIBLE = f"[^{_INVISIBLE}]"
"""Shows something: at least one visible character (a pattern matches anywhere in the text)."""
FEW_BRACKETS = rf"^[^\[]*(?:\[[^\[]*){{0,{model.MAX_MARKDOWN_BRACKETS}}}$"
_YEAR = "(?:19[0-9]{2}|2[0-9]{3})"
_LEAP_YEAR = "(?:(?:19|2[0-9])(?:0[48]|[2468][048]|[13579][26])|2[048]00)"
DATE = (f"^(?:{_YEAR}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
        f"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|{_LEAP_YEAR}-02-29)$")
"""A real day from 1900-01-01 to 2999-12-31, as `YYYY-MM-DD` (Gregorian leap years)."""

_RULES = {
    NO_CONTROL: "must hold no control character (terminal escapes, NUL…)",
    ONE_LINE: "must be one line: only Markdown fields hold paragraphs",
    VISIBLE: "must show some text",
    FEW_BRACKETS: f"must hold at most {model.MAX_MARKDOWN_BRACKETS} '[' (Markdown takes "
                  "minutes to render more)",
}
"""Each pattern with the message an editor shows when a value does not match it."""


def _text_kind(patterns: list[str], longest: int | None) -> dict[str, Any]:
    """Text, or a number: the CLI keeps `title: 2026` or `1.10` as written."""
    schema: dict[str, Any] = {"type": ["string", "number"]}
    if longest is not None:
        schema["maxLength"] = longest
    schema["allOf"] = [{"pattern": pattern, "patternErrorMessage": _RULES[pattern]}
                       for pattern in patterns]
    return schema


def _name_kind(pattern: str, meaning: str) -> dict[str, Any]:
    """Text only: `id: 2026` is a number, refused; `id: "2026"` is text."""
    return {"type": "string", "pattern": pattern, "patternErrorMessage": f"must be {meaning}"}


_KINDS: list[tuple[Any, dict[str, Any]]] = [
    (model.Line, _text_kind([NO_CONTROL, ONE_LINE, VISIBLE], None)),
    (model.Text, _text_kind([NO_CONTROL, VISIBLE, FEW_BRACKETS], model.MAX_MARKDOWN_CHARS)),
    (model.Markdown, _text_kind([NO_CONTROL, FEW_BRACKETS], model.MAX_MARKDOWN_CHARS)),
    (model.Url, _text_kind([NO_CONTROL, ONE_LINE], None)),
    (str, _text_kind([NO_CONTROL], None)),  # no such field yet
    (model.Slug, _name_kind(model.SLUG_PATTERN,
                            "an id: lowercase letters, digits and single hyphens")),
    (model.PlayRef, _name_kind(model.PLAY_REF_PATTERN, "`playbook-id/play-id`")),
    (model.Lang, _name_kind(model.LANG_PATTERN, "a language code like `fr` or `en`")),
    (model.Day, {"type": "string", "format": "date", "pattern": DATE,
                 "patternErrorMessage": "must be a date like 2026-09-30, a real day from "
                 f"{model.EARLIEST_DAY} to {model.LATEST_DAY}"}),
]
"""The kinds of text and dates of the model, each with its schema. Written out in each field
rather than shared by `$ref`: yaml-language-server lets the `title` beside one `$ref` show in
the hover of every other use of the same definition."""
_KEPT = ("title", "description", "default", "examples")
"""What a value's schema keeps from pydantic's: the words and the default, not the type."""
_BOUNDS = {
    annotated_types.Gt: ("exclusiveMinimum", "gt"), annotated_types.Ge: ("minimum", "ge"),
    annotated_types.Lt: ("exclusiveMaximum", "lt"), annotated_types.Le: ("maximum", "le"),
}
_NOT_NAN = {
    "$comment": "`not` refuses NaN (`.nan`), the only number neither below 1 nor above 0",
    "not": {"type": "number", "minimum": 1, "maximum": 0},
}


def json_schema() -> dict[str, Any]:
    """One schema for both kinds, chosen by `kind`: an assessment when `kind: assessment`, a
    playbook when `kind: playbook` or none; any other `kind` is that one mistake, and nothing of
    either kind is checked (an editor would otherwise list every key of an assessment as unknown
    to a playbook, as the CLI does not)."""
    playbook = Playbook.model_json_schema(ref_template="#/$defs/{model}")
    assessment = Assessment.model_json_schema(ref_template="#/$defs/{model}")
    definitions = {**playbook.pop("$defs", {}), **assessment.pop("$defs", {})}
    definitions["Playbook"] = playbook
    definitions["Assessment"] = assessment
    for name, part in _models(Playbook, Assessment).items():
        definition = definitions[name]
        properties = definition["properties"]
        for field_name, field in part.model_fields.items():
            properties[field_name] = _value(properties[field_name], field.annotation,
                                            list(field.metadata))
        definitions[name] = _with_keys(definition, name, list(part.model_fields))
    kinds = list(model.KINDS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mkdocs-playbooks playbook or assessment",
        "type": "object",
        "properties": {"kind": {
            "enum": kinds,
            "errorMessage": "unknown kind: write " + " or ".join(f"`kind: {kind}`"
                                                                 for kind in kinds)}},
        "if": {"type": "object", "properties": {"kind": {"const": "assessment"}},
               "required": ["kind"]},
        "then": {"$ref": "#/$defs/Assessment"},
        "else": {"if": {"type": "object", "properties": {"kind": {"const": "playbook"}}},
                 "then": {"$ref": "#/$defs/Playbook"}},
        "$defs": definitions,
    }


def _with_keys(definition: dict[str, Any], name: str, keys: list[str]) -> dict[str, Any]:
    """`definition` saying once which keys a mapping may hold, and asking for its required keys
    only when its keys are known and hold the right kind of value (text, number, list,
    mapping): `titel:` is one mistake, not also a missing `title` (as the CLI says it,
    `validate._without_echoes`), and a YAML mistake that the editor reads as a key
    (`title Écouter`) or that folds the keys below it into a value (`summary: Règle: …`) is
    told at its line, not as missing keys at the top of the mapping.

    The keys are said by `propertyNames` alone: `additionalProperties: false` would say it a
    second time (two diagnostics for one key), and editors (yaml-language-server) skip a key
    without a value there, as `fournisseurs` in `{text: Lister clients, fournisseurs}`, which
    the CLI refuses."""
    noun = re.sub("(?<=[a-z])(?=[A-Z])", " ", name).lower()
    allowed = {"enum": keys, "errorMessage": f"unknown key: the keys of a {noun} are "
               + ", ".join(keys)}
    result = {key: value for key, value in definition.items()
              if key not in ("additionalProperties", "required")}
    result["propertyNames"] = allowed
    if definition.get("required"):
        result["if"] = {"propertyNames": {"enum": keys}, "properties": {
            key: _kind_of_value(value) for key, value in definition["properties"].items()}}
        result["then"] = {"required": definition["required"]}
    return result


def _kind_of_value(schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON types a value of `schema` may have (a whole number is a number here)."""
    found = schema.get("type") or [option.get("type") for option in schema.get("anyOf", ())]
    types: set[str] = set()
    for kind in found if isinstance(found, list) else [found]:
        types.update(kind if isinstance(kind, list) else [kind])
    if not types or None in types:
        raise TypeError(f"schema.py cannot tell the type of {schema}: teach it")
    return {"type": sorted("number" if kind == "integer" else kind for kind in types)}


def _models(*roots: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model reachable from `roots`, by the name pydantic gives its definition."""
    found: dict[str, type[BaseModel]] = {}
    waiting = list(roots)
    while waiting:
        part = waiting.pop()
        if found.setdefault(part.__name__, part) is not part:
            raise TypeError(f"two models named {part.__name__}: the schema needs unique names")
        waiting.extend(inner for field in part.model_fields.values()
                       for inner in _inner_models(field.annotation)
                       if inner.__name__ not in found)
    return found


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [inner for argument in typing.get_args(annotation)
            for inner in _inner_models(argument)]


def _value(schema: dict[str, Any], annotation: Any, metadata: list[Any]) -> dict[str, Any]:
    """`schema` (pydantic's, for a value of type `annotation`) rewritten to say what the CLI
    accepts; `metadata` holds the constraints and validators of an `Annotated` type."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _value(schema, base, [*extra, *metadata])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [argument for argument in typing.get_args(annotation)
                   if argument is not type(None)]
        if len(options) != 1 or len(schema.get("anyOf", ())) != 2:
            raise TypeError(f"schema.py reads `X | None`, not {annotation}")
        value, null = schema["anyOf"]
        return {**schema, "anyOf": [_value(value, options[0], metadata), null]}
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        return {**schema, "items": _value(schema["items"], item, [])}
    if annotation in (int, float):
        return _kept(schema) | _number(annotation, metadata)
    if annotation is bool or typing.get_origin(annotation) is typing.Literal or (
            isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return schema
    for alias, kind in _KINDS:
        if _is_kind(annotation, metadata, alias):
            return _kept(schema) | copy.deepcopy(kind)
    raise TypeError(f"schema.py does not know how the CLI reads {annotation} {metadata}: "
                    "teach it")


def _is_kind(annotation: Any, metadata: list[Any], alias: Any) -> bool:
    if typing.get_origin(alias) is typing.Annotated:
        base, *constraints = typing.get_args(alias)
        return annotation is base and metadata == constraints
    return annotation is alias and not metadata


def _kept(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in schema.items() if key in _KEPT}


def _number(annotation: type, metadata: list[Any]) -> dict[str, Any]:
    """A number written as one (quoted numbers and yes/no are refused), within its bounds."""
    schema: dict[str, Any] = {"type": "integer" if annotation is int else "number"}
    for constraint in _flat(metadata):
        bound = _BOUNDS.get(type(constraint))
        if bound is not None:
            keyword, attribute = bound
            schema[keyword] = getattr(constraint, attribute)
        elif isinstance(constraint, annotated_types.BaseMetadata):
            raise TypeError(f"schema.py does not know the constraint {constraint}: teach it")
    return schema | copy.deepcopy(_NOT_NAN)


def _flat(metadata: list[Any]) -> list[Any]:
    """The constraints of `Annotated[int, Field(gt=0)]` are inside the `FieldInfo`."""
    return [inner for constraint in metadata
            for inner in (_flat(list(constraint.metadata)) if isinstance(constraint, FieldInfo)
                          else [constraint])]
