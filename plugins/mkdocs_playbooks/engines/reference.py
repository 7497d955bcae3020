"""Reference tables generated from the code: the fields (from the model), the plugin's options
(from their docstrings in `config.py`) and the plugin's words.

`python -m mkdocs_playbooks.reference FILE…` rewrites the parts of each FILE between the markers
below; tests fail when `docs/guide/reference.md` or `docs/guide/cli.md` differ from the code.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import sys
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from ..core.model import (
    LANG_PATTERN,
    PLAY_REF_PATTERN,
    SLUG_PATTERN,
    Assessment,
    ChecklistItem,
    Choice,
    Dimension,
    Level,
    Link,
    Metric,
    Phase,
    Play,
    Playbook,
    Question,
    Recommendation,
)
from ..output.i18n import STRINGS, language_name

START, END = "<!-- fields:start -->", "<!-- fields:end -->"
STRINGS_START, STRINGS_END = "<!-- strings:start -->", "<!-- strings:end -->"
OPTIONS_START, OPTIONS_END = "<!-- options:start -->", "<!-- options:end -->"

SECTIONS: list[tuple[str, type[BaseModel]]] = [
    ("Playbook", Playbook), ("Phase", Phase), ("Play", Play),
    ("Checklist item", ChecklistItem), ("Metric", Metric), ("Source or resource", Link),
    ("Assessment", Assessment), ("Level", Level), ("Dimension", Dimension),
    ("Question", Question), ("Choice", Choice), ("Recommendation", Recommendation),
]


def field_reference() -> str:
    """The field reference of every part of the model, as Markdown tables."""
    return "\n".join(_section(title, model) for title, model in SECTIONS)


def _section(title: str, model: type[BaseModel]) -> str:
    rows = "".join(_row(name, info) for name, info in _ordered_fields(model))
    doc = " ".join((model.__doc__ or "").split())
    return (f"### {title}\n\n{doc}\n\n| key | type | required / default | meaning |\n"
            f"| --- | --- | --- | --- |\n{rows}")


def _ordered_fields(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    fields = list(model.model_fields.items())
    first = [item for item in fields if item[0] in ("kind", "id")]
    return first + [item for item in fields if item[0] not in ("kind", "id")]


def _row(name: str, info: FieldInfo) -> str:
    if info.is_required():
        requirement = "required"
    elif info.default is PydanticUndefined or info.default in (None, "", []):
        requirement = "optional"
    else:
        requirement = f"default `{_show(info.default)}`"
    description = (info.description or "").replace("|", "\\|")
    pattern = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), "")
    type_name = _PATTERN_NAMES.get(pattern) or _type_name(info.annotation)
    return f"| `{name}` | {type_name} | {requirement} | {description} |\n"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_PATTERN_NAMES = {
    SLUG_PATTERN: "[id](#ids)",
    PLAY_REF_PATTERN: "`playbook-id/play-id`",
    LANG_PATTERN: "language code",
}


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        pattern = next((getattr(m, "pattern", None) for m in annotation.__metadata__
                        if getattr(m, "pattern", None)), None)
        return _PATTERN_NAMES.get(pattern or "", _type_name(arguments[0]))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in arguments)
    if origin is list:
        return f"list of {_type_name(arguments[0])}"
    if origin is typing.Literal:
        return " or ".join(f"`{a}`" for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        title = next((t for t, m in SECTIONS if m is annotation), annotation.__name__)
        return f"[{title.lower()}](#{title.lower().replace(' ', '-')})"
    return {str: "text", float: "number", int: "integer", bool: "true / false"}.get(
        annotation, getattr(annotation, "__name__", str(annotation)))


def strings_reference() -> str:
    """The table of every string the plugin writes, in each language (English first), each
    cell of another language marked as written in it (the guide is in English)."""
    languages = ["en", *sorted(language for language in STRINGS if language != "en")]
    head = " | ".join(language_name(language) for language in languages)
    rows = "".join(
        f"| `{key}` | "
        + " | ".join(_in(language, _word(STRINGS[language].get(key, "")))
                     for language in languages) + " |\n"
        for key in STRINGS["en"])
    return f"| key | {head} |\n| --- |{' --- |' * len(languages)}\n{rows}"


def options_reference() -> str:
    """The table of the plugin's options: name, default, and the docstring that declares it."""
    from . import config

    rows = "".join(
        f"| `{name}` | {_default(option)} | {_cell(doc)} |\n"
        for name, option, doc in _declared_options(config)
    )
    return f"| option | default | meaning |\n| --- | --- | --- |\n{rows}"


def _declared_options(config: types.ModuleType) -> list[tuple[str, Any, str]]:
    """Each option of `PlaybooksConfig` with the docstring written under its declaration."""
    tree = ast.parse(inspect.getsource(config.PlaybooksConfig))
    body = tree.body[0].body  # type: ignore[attr-defined]
    options = dict(config.PlaybooksConfig._schema)
    found = []
    for statement, following in itertools.pairwise(body):
        if (isinstance(statement, ast.Assign) and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)):
            name = statement.targets[0].id  # type: ignore[attr-defined]
            found.append((name, options[name], str(following.value.value)))
    return found


def _in(language: str, cell: str) -> str:
    """A cell marked with the language it is written in, unless English or empty."""
    return f'<span lang="{language}">{cell}</span>' if cell and language != "en" else cell


def _word(text: str) -> str:
    """A string of the words files in a table cell, shown as written (no link, no markup)."""
    return _cell(text).replace("[", "\\[").replace("*", "\\*").replace("_", "\\_")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _default(option: Any) -> str:
    default = getattr(option, "default", None)
    if default in (None, {}, []):
        return "none"
    return f"`{_show(default)}`"


def rewrite(path: Path) -> None:
    """Rewrite the generated parts of the Markdown file at `path`."""
    text = path.read_text(encoding="utf-8")
    for start, end, table in ((START, END, field_reference),
                              (STRINGS_START, STRINGS_END, strings_reference),
                              (OPTIONS_START, OPTIONS_END, options_reference)):
        if start in text:
            head, _, rest = text.partition(start)
            _, _, tail = rest.partition(end)
            text = f"{head}{start}\n\n{table()}\n{end}{tail}"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    for name in sys.argv[1:]:
        rewrite(Path(name))
