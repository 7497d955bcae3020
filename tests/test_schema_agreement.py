"""The editor and `playbooks validate` accept and refuse the same files.

An editor reads YAML by the 1.2 core schema and checks the data against the shipped JSON Schema;
here `ruamel.yaml` (held to the core schema's scalars, as yaml-language-server reads them) and
`jsonschema` play the editor. For every file of the golden corpus, the schema must refuse the file
exactly when the CLI finds a *shape* error in it: a YAML error, or an error of the model
(`to_model`). What the CLI checks across fields and files (`checks.py`, `site.py`: unique ids,
level and choice order, references, phases of the site, reviews due, question limit…) is no
shape error, and the schema does not try to say it.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.resolver import VersionedResolver

from mkdocs_playbooks.core import model
from mkdocs_playbooks.core.loader import _AMBIGUOUS_BREAKS as AMBIGUOUS_BREAKS
from mkdocs_playbooks.core.loader import _CONTROL as CONTROL
from mkdocs_playbooks.core.loader import Loaded, load_file, load_text
from mkdocs_playbooks.core.problems import ContentError
from mkdocs_playbooks.core.schema import SCHEMA_FILE, VISIBLE
from mkdocs_playbooks.core.validate import to_model

TESTS = Path(__file__).parent
REPO = TESTS.parent
CORPUS = sorted([
    *(TESTS / "golden" / "errors").glob("*.yml"),
    *(path for path in (TESTS / "golden" / "errors").glob("*/*.yml")
      if path.name != "mkdocs.yml"),
    *(TESTS / "golden" / "errors").glob("*/playbooks/*.yml"),
    *(TESTS / "golden" / "pages").glob("*/playbooks/*.yml"),
    *(REPO / "playbooks").glob("*.yml"),
])

DELIBERATE = {
    "tests/golden/errors/alias.yml":
        "anchors and aliases are YAML, and editors resolve them; the CLI refuses them "
        "(loader.py) so that no file can expand exponentially (billion laughs) and every value "
        "has one place in the file for its messages",
}
"""Files of the corpus that the CLI refuses on purpose where an editor accepts them, each with
the reason. The loader's other deliberate refusals are met by the schema where the corpus has
them: a tag on a wrong value, several documents, deep nesting, control characters written as
escapes in quotes (the schema refuses these files too). The CLI alone refuses a well-formed tag
that is not YAML's own (`!!binary`), a second document valid on its own and a file over 1 MiB,
which the corpus does not hold."""


# --- the editor: YAML 1.2 core schema, then the JSON Schema -------------------------------------

_CORE_SCALARS = [
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    ("float", r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)", "-+.0123456789"),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
]
"""YAML 1.2's core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution): ruamel's own 1.2
rules also read `1_000`, `0b101` and dates, which editors keep as text."""
_CORE_TABLE: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _name, _pattern, _first in _CORE_SCALARS:
    for _character in _first:
        _CORE_TABLE.setdefault(_character, []).append(
            (f"tag:yaml.org,2002:{_name}", re.compile(f"(?:{_pattern})\\Z")))


class CoreResolver(VersionedResolver):
    """Plain scalars resolved by the core schema only."""

    @property
    def versioned_resolver(self) -> Any:
        return _CORE_TABLE


class CoreConstructor(SafeConstructor):
    """`!!timestamp` is no type of the core schema: a date stays the text it is."""


CoreConstructor.add_constructor("tag:yaml.org,2002:timestamp",
                                SafeConstructor.construct_yaml_str)


@cache
def schema_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def read_as_editor(text: str) -> Any:
    """The data of a YAML file as an editor reads it; YAMLError or ValueError when it cannot."""
    reader = YAML(typ="safe", pure=True)
    reader.Resolver = CoreResolver
    reader.Constructor = CoreConstructor
    return reader.load(text)


def editor_refusals(path: Path) -> list[str]:
    """Why an editor refuses the file: YAML errors or schema errors; none when it accepts it."""
    try:
        data = read_as_editor(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return [f"not UTF-8: {error}"]
    except (YAMLError, ValueError) as error:
        return [f"YAML: {' '.join(str(error).split())}"]
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}"
            for error in schema_validator().iter_errors(data)]


def cli_shape_errors(path: Path) -> list[str]:
    """The errors `playbooks validate` finds reading the file and building its model."""
    try:
        loaded = load_file(path)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    _model, problems = to_model(loaded)
    return [str(problem) for problem in problems]


def name(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


# --- the corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=name)
def test_the_schema_refuses_a_file_exactly_when_the_cli_finds_a_shape_error(path: Path) -> None:
    editor, cli = editor_refusals(path), cli_shape_errors(path)
    if name(path) in DELIBERATE:
        assert cli, f"the CLI accepts {name(path)}: remove it from DELIBERATE"
        assert not editor, f"the schema refuses {name(path)} too: remove it from DELIBERATE"
        return
    assert bool(editor) == bool(cli), (
        f"{name(path)}: the {'schema' if editor else 'CLI'} alone refuses it\n"
        f"schema: {editor}\nCLI: {cli}")


@pytest.mark.parametrize("path", CORPUS, ids=name)
def test_the_schema_flags_each_value_that_the_cli_refuses_and_no_other(path: Path) -> None:
    """Where the file can be read, the schema's errors and the model's are at the same places
    (line and column of the value, or of the key for an unknown key)."""
    try:
        loaded = load_file(path)
    except ContentError:
        return  # a YAML error (or a deliberate refusal): nothing to place
    _model, problems = to_model(loaded)
    cli = {(problem.line, problem.column) for problem in problems}
    data = read_as_editor(path.read_bytes().decode("utf-8-sig"))
    errors = list(schema_validator().iter_errors(data))
    if any(problem.message.startswith("unknown kind") for problem in problems):
        # The CLI checks nothing else in a file of unknown kind; the schema checks it as a
        # playbook, the default kind.
        errors = [error for error in errors if list(error.absolute_path) == ["kind"]]
    editor = {place for error in errors for place in _places(error, loaded)}
    assert editor == cli, (
        f"{name(path)}: schema alone at {sorted(editor - cli)}, CLI alone at "
        f"{sorted(cli - editor)}\nschema: {[error.message[:120] for error in errors]}\n"
        f"CLI: {[str(problem) for problem in problems]}")


def _places(error: jsonschema.ValidationError, loaded: Loaded) -> list[tuple[int, int]]:
    """Where the CLI would report `error`: an unknown key at the key, a missing key at its
    mapping, any other error at the value."""
    where = tuple(error.absolute_path)
    if "propertyNames" in error.absolute_schema_path:  # an unknown key (the key is checked)
        return [tuple(loaded.key_mark((*where, error.instance)))]
    if error.validator == "additionalProperties":
        known = error.schema.get("properties", {})
        return [tuple(loaded.key_mark((*where, key))) for key in error.instance
                if key not in known]
    if error.validator == "required" and _misspelt(error):
        return []  # the CLI tells "unknown key 'titel' (did you mean 'title'?)" and leaves out
        # "missing key 'title'" (validate.py's `_without_echoes`); the schema tells both.
    return [tuple(loaded.mark(where))]


def _misspelt(error: jsonschema.ValidationError) -> bool:
    """Whether the key that `error` finds missing is the close match of an unknown key."""
    known = list(error.schema.get("properties", {}))
    missing = [key for key in error.validator_value
               if key not in error.instance and error.message.startswith(f"{key!r} ")]
    return any(close in missing for key in error.instance if key not in known
               for close in difflib.get_close_matches(str(key), known, 1, 0.6))


def test_the_corpus_holds_both_verdicts() -> None:
    refused = [path for path in CORPUS if cli_shape_errors(path)]
    assert len(CORPUS) >= 80
    assert len(refused) >= 45
    assert len(CORPUS) - len(refused) >= 25
    assert set(DELIBERATE) <= {name(path) for path in CORPUS}


# --- the schema's text rules against the model's, value by value -----------------------------


def test_visible_characters_are_those_the_model_counts_as_visible() -> None:
    """Over the Basic Multilingual Plane, for every assigned character (unassigned ones are
    invisible to the model, and their list changes with each Unicode version)."""
    visible = re.compile(VISIBLE)
    wrong = [f"U+{code:04X}" for code in range(0x10000)
             if unicodedata.category(chr(code)) != "Cn"
             and bool(visible.fullmatch(chr(code)))
             != (unicodedata.category(chr(code))[0] not in "ZC")]
    assert wrong == []


KIND_FIELDS = {"Line": ("Play", "title"), "Text": ("ChecklistItem", "text"),
               "Markdown": ("Play", "why"), "Url": ("Link", "url"),
               "Date": ("Playbook", "reviewed")}
"""A field of each kind, whose schema in the shipped file is the kind's."""


def kind_validator(kind: str) -> jsonschema.Draft202012Validator:
    part, field = KIND_FIELDS[kind]
    value = schema_validator().schema["$defs"][part]["properties"][field]
    value = value["anyOf"][0] if "anyOf" in value else value  # `X | None`: X
    return jsonschema.Draft202012Validator(
        value, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def model_accepts(alias: Any, value: str) -> bool:
    """What the CLI makes of `value` read as text into a field of type `alias`."""
    if CONTROL.search(value) or AMBIGUOUS_BREAKS.search(value):
        return False  # the loader refuses it before the model sees it
    try:
        TypeAdapter(alias).validate_python(value)
    except ValidationError:
        return False
    return True


TEXT_KINDS = {"Line": model.Line, "Text": model.Text, "Markdown": model.Markdown,
              "Url": model.Url}
TRICKY = ("aZ09 .-_:[]é\t\n\r\x0b\x0c\x1b\x1f\x7f\x85\x9f\xa0\xad\u1680\u180e\u2000\u200b"
          "\u2028\u2029\u202f\u2060\u3000\ufeff\ue000\U0001f600")


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(sorted(TEXT_KINDS)), value=st.text(TRICKY, max_size=8))
def test_text_patterns_accept_what_the_model_accepts(kind: str, value: str) -> None:
    assert kind_validator(kind).is_valid(value) == model_accepts(TEXT_KINDS[kind], value)


@pytest.mark.parametrize(("value", "accepted"), [
    ("x" * model.MAX_MARKDOWN_CHARS, True), ("x" * (model.MAX_MARKDOWN_CHARS + 1), False),
    ("[" * model.MAX_MARKDOWN_BRACKETS, True), ("[" * (model.MAX_MARKDOWN_BRACKETS + 1), False),
    ("a [b] " * model.MAX_MARKDOWN_BRACKETS, True), ("[a] " * 201, False),
])
def test_markdown_limits(value: str, accepted: bool) -> None:
    for kind in ("Text", "Markdown"):
        assert kind_validator(kind).is_valid(value) is accepted
        assert model_accepts(TEXT_KINDS[kind], value) is accepted


def test_every_date_the_model_accepts_and_no_other() -> None:
    """Every day of some years, February 29 and the first and last days of every year from 1899
    to 3000, and every month and day number from 0 to 32 of some years."""
    years = (1899, 1900, 1904, 2000, 2023, 2024, 2100, 2400, 2999, 3000)
    days = [(datetime.date(year, 1, 1) + datetime.timedelta(days=n)).isoformat()
            for year in years[1:-1] for n in range(366)]
    days += [f"{year}-{month_day}" for year in range(1899, 3001)
             for month_day in ("01-01", "02-28", "02-29", "12-31")]
    shapes = [f"{year}-{month:02}-{day:02}"
              for year in years for month in range(14) for day in range(33)]
    shapes += ["2026-1-15", "2026-01-5", "26-01-15", "2026/01/15", "20260115", "2026-01-15T10:00",
               "2026-01-15 ", " 2026-01-15", "2026-01-15\n", "+2026-01-15", "02026-01-15"]
    date = TypeAdapter(model.Day)
    validator = kind_validator("Date")
    wrong = []
    for value in days + shapes:
        try:
            date.validate_python(value)
            cli = True
        except ValidationError:
            cli = False
        if validator.is_valid(value) != cli:
            wrong.append(value)
    assert wrong == []


# --- whole files: the YAML reading and the schema, for values of every kind -------------------

PLAYBOOK = """\
@title
@top
phases:
  - phase: listen
    plays:
      - id: a
        title: A
        @play
        checklist:
          - id: x
            @item
        resources:
          - title: R
            @link
"""
ASSESSMENT = """\
kind: assessment
title: Test
levels:
  - id: debut
    title: Début
    @level
dimensions:
  - id: d
    title: D
    questions:
      - id: q
        text: Q ?
        @question
        choices:
          - id: a
            text: A
            @choice
          - {id: b, text: B, score: 1}
    recommendations:
      - level: debut
        text: Lisez.
        plays:
          - @reference
"""
FIELDS = [
    (PLAYBOOK, "@title", "title"), (PLAYBOOK, "@top", "owner"), (PLAYBOOK, "@top", "summary"),
    (PLAYBOOK, "@top", "id"), (PLAYBOOK, "@top", "lang"), (PLAYBOOK, "@top", "reviewed"),
    (PLAYBOOK, "@top", "review_months"), (PLAYBOOK, "@play", "duration"),
    (PLAYBOOK, "@play", "why"), (PLAYBOOK, "@item", "text"), (PLAYBOOK, "@link", "url"),
    (ASSESSMENT, "@level", "min"), (ASSESSMENT, "@question", "weight"),
    (ASSESSMENT, "@question", "allow_na"), (ASSESSMENT, "@choice", "score"),
    (ASSESSMENT, "@reference", None),
]
"""Where a generated value goes: a document, its placeholder, and the key (None: a list item)."""
DEFAULTS = {"@title": "title: Jeu", "@item": "text: X", "@level": "min: 0", "@choice": "score: 0",
            "@reference": "ecoute/jeu"}
"""What the placeholders hold when no value goes there (by default, nothing)."""
SCALARS = [
    "", "~", "null", "true", "False", "yes", "No", "on", ".nan", ".NaN", ".inf", "-.Inf", "0o17",
    "0x1F", "0755", "1_000", "0b101", "1e3", "1.10", ".5", "5.", "+12", "-1", "0", "1", "12",
    "100", "120", "121", "1000", "1001", "1e308", "9" * 30, "2026-01-15", "2024-02-29",
    "2023-02-29", "9999-12-01", "1:30", "190:20:30", "=", "<<", "a", "a-b", "A B", "fr",
    "en-GB", "ecoute/jeu", "http://x", "a: b", "a #b", "#b", "- a", "? a", "[a]", "{a: b}", "@a",
    "`a", "%a", "|", ">", "-", ":", "a:", "'", '"',
]
"""Scalars that YAML 1.1 and 1.2, or the model's types, read differently."""
ALPHABET = "aé0 .-+_:#[]{},'\"\\\t\u00a0\u200b\u2060\u3000\x1b\x9f"
"""Characters of values: YAML indicators, spaces, invisible and control characters. Not the raw
line separators U+0085, U+2028 and U+2029, on which YAML readers disagree (ruamel.yaml too): see
`test_editor.py`, which gives them to the real editor."""


def _quoted(value: str, style: str) -> str:
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return json.dumps(value)  # JSON's escapes are YAML's too
    return value


def _document(field: tuple[str, str, str | None], value: str) -> str:
    template, placeholder, key = field
    text = template.replace(placeholder, value if key is None else f"{key}: {value}")
    return re.sub("@[a-z]+", lambda found: DEFAULTS.get(found.group(), ""), text)


def cli_refuses_text(text: str) -> bool:
    try:
        return bool(to_model(load_text(text, "generated.yml"))[1])
    except ContentError:
        return True


def editor_refuses_text(text: str) -> bool:
    try:
        data = read_as_editor(text)
    except (YAMLError, ValueError):
        return True
    return not schema_validator().is_valid(data)


VALID = {"title": "T", "owner": "O", "summary": "S", "id": "x", "lang": "fr",
         "reviewed": "2026-01-15", "review_months": "12", "duration": "5 min", "why": "W",
         "text": "T", "url": "https://x.org", "min": "0", "weight": "2", "allow_na": "true",
         "score": "0", None: "ecoute/jeu"}
"""A value that each field takes."""


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: f"{field[1]}-{field[2]}")
def test_the_documents_take_a_valid_value_in_each_field(
        field: tuple[str, str, str | None]) -> None:
    text = _document(field, VALID[field[2]])
    assert not cli_refuses_text(text), text
    assert not editor_refuses_text(text), text


@settings(max_examples=250, deadline=None)
@given(field=st.sampled_from(FIELDS),
       value=st.one_of(st.sampled_from(SCALARS), st.text(ALPHABET, max_size=6),
                       st.builds(str.__add__, st.sampled_from(SCALARS),
                                 st.text(ALPHABET, max_size=3))),
       style=st.sampled_from(["plain", "single", "double"]))
def test_generated_values_are_refused_by_both_or_by_neither(
        field: tuple[str, str, str | None], value: str, style: str) -> None:
    if style == "plain" and "\t" in value:
        value = value.replace("\t", " ")  # ruamel's scanner refuses a tab after a value, which
        # YAML allows (and the CLI and editors read): quoted values test tabs
    text = _document(field, _quoted(value, style))
    assert editor_refuses_text(text) == cli_refuses_text(text), text

