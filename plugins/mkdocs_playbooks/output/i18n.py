"""Words the plugin writes into pages, one file per language under `words/`; `mkdocs.yml` may
override any (the plugin's `strings` option). What is not words comes from Babel (CLDR): each
language's plural rule, its numbers, dates, direction, the names of languages and its
spreadsheets' CSV dialect. A new language is one new file of words."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from string import Formatter
from typing import TYPE_CHECKING

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, get_decimal_symbol

from ..core.settings import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from ..core.settings import PageSettings

WORDS_DIR = Path(__file__).parent / "words"
"""One YAML file of words per language, named by its code: a new language is one new file."""


def _read_words() -> dict[str, dict[str, str]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    tables: dict[str, dict[str, str]] = {}
    for path in sorted(WORDS_DIR.glob("*.yml")):
        table = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - safe
        tables[path.stem] = {str(key): str(value) for key, value in table.items()}
    return tables


STRINGS: dict[str, dict[str, str]] = _read_words()
"""The words of every language, by language code, then by key."""

PLURAL_FORMS = " | "
"""Separates the forms of a counted string: two forms, `"{count} day | {count} days"` (CLDR's
`one`, then `other` for every other count), or one form per plural category of the language, in
CLDR's order (`PLURAL_CATEGORIES`): `zero | one | two | few | many | other` in Arabic."""

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories, in its order."""


@cache
def locale_of(language: str) -> Locale:
    """Babel's locale of a language code (`fr`, `pt-BR`), English for a code it does not know."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(DEFAULT_LANGUAGE)


def plural_categories(language: str) -> tuple[str, ...]:
    """The plural categories `language` uses, in CLDR's order (`other` always last)."""
    used = locale_of(language).plural_form.tags
    return tuple(category for category in PLURAL_CATEGORIES
                 if category in used or category == "other")


def plural_forms(language: str, text: str) -> dict[str, str]:
    """The form of a counted string for each plural category of `language` (see
    `PLURAL_FORMS`); a text without forms is the same for every count."""
    forms = text.split(PLURAL_FORMS)
    categories = plural_categories(language)
    if len(forms) == len(categories):
        return dict(zip(categories, forms, strict=True))
    return {category: forms[0] if category == "one" else forms[-1] for category in categories}


def plural_problem(language: str, text: str) -> str | None:
    """What is wrong with the forms of a counted string in `language`, if anything."""
    count = len(text.split(PLURAL_FORMS))
    categories = plural_categories(language)
    if count in (1, 2, len(categories)):
        return None
    return (f"{count} forms, but {language} takes 2 (one | other) or one per plural category "
            f"({' | '.join(categories)})")


def direction(language: str) -> str:
    """`rtl` for a language written right to left (Arabic, Hebrew, Persian…), else `ltr`."""
    order = locale_of(language).character_order
    return "rtl" if order == "right-to-left" else "ltr"


def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name, in `in_language` (default: in itself), capitalised as a label; the
    code when Babel does not know it."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    name = locale.get_display_name(locale_of(in_language) if in_language else locale) or code
    return name if in_language else name[:1].upper() + name[1:]


def csv_dialect(language: str) -> tuple[str, str]:
    """The CSV separator and decimal mark a spreadsheet of `language` reads: `;` and `,` where
    numbers take a decimal comma (French, German…), else `,` and `.`."""
    comma = get_decimal_symbol(locale_of(language)) == ","
    return (";", ",") if comma else (",", ".")


class Strings:
    """The strings of one language, falling back to English for any key it lacks; its numbers,
    dates and plural rule from Babel."""

    def __init__(self, language: str, overrides: Mapping[str, Mapping[str, str]] | None = None):
        base = language.split("-", maxsplit=1)[0].lower()
        self.language = language
        self.base = base if base in STRINGS else DEFAULT_LANGUAGE
        """The language the words are in, once missing ones fall back to English."""
        own = {**STRINGS.get(base, {}), **(overrides or {}).get(base, {})}
        self._table = {**STRINGS[DEFAULT_LANGUAGE], **own}
        self._own = frozenset(own)
        self._locale = locale_of(language)

    def __call__(self, key: str, **values: object) -> str:
        """The string `key`, its `{placeholders}` filled from `values`."""
        return self._table[key].format(**values)

    def language_of(self, key: str) -> str:
        """The language the string `key` is written in: this one's, or English (fallback)."""
        return self.language if key in self._own else DEFAULT_LANGUAGE

    def forms(self, key: str) -> dict[str, str]:
        """The forms of the counted string `key`, by plural category (see `PLURAL_FORMS`)."""
        return plural_forms(self.language_of(key), self._table[key])

    def plural(self, key: str, count: int, **values: object) -> str:
        """The form of `key` for `count` by the language's plural rule, `{count}` filled too
        (as the language writes numbers)."""
        category = locale_of(self.language_of(key)).plural_form(count)
        forms = self.forms(key)
        return forms.get(category, forms["other"]).format(count=self.number(count), **values)

    def number(self, value: float) -> str:
        """A number as this language writes it (`0,5` in French, `0.5` in English)."""
        return str(format_decimal(value, locale=self._locale))

    def date(self, day: datetime.date) -> str:
        """A day as this language writes it in full (`30 septembre 2026`)."""
        return str(format_date(day, format="long", locale=self._locale))

    def language_name(self, code: str) -> str:
        """The name of the language `code` in this language (`French` in English)."""
        return language_name(code, self.language)


def placeholders(text: str) -> set[str]:
    """The `{name}` placeholders of a string (ValueError if its braces are unbalanced)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def override_problems(overrides: Mapping[str, Mapping[str, str]]) -> list[str]:
    """What is wrong in the site's own words (the `strings` option): each may use only the
    placeholders of the word it replaces, written `{name}`, and writes a brace itself `{{` or
    `}}`. Filling them would fail while the pages are made, or leave a placeholder unfilled."""
    known = STRINGS[DEFAULT_LANGUAGE]
    return [f"strings.{language}.{key}: {problem}"
            for language, table in overrides.items() for key, text in table.items()
            if key in known
            for problem in _placeholder_problems(text, placeholders(known[key]))]


def _placeholder_problems(text: str, allowed: set[str]) -> list[str]:
    may = (f"it may use {', '.join('{' + name + '}' for name in sorted(allowed))}" if allowed
           else "it takes no placeholder")
    try:
        fields = [(name, spec, conversion)
                  for _, name, spec, conversion in Formatter().parse(text) if name is not None]
    except ValueError:
        return ["a single `{` or `}`: write a brace itself as `{{` or `}}`, a placeholder as "
                f"`{{name}}` ({may})"]
    problems = []
    for name, spec, conversion in fields:
        if name == "" or name.isdigit():
            problems.append(f"`{{{name}}}` has no name: {may}")
        elif spec or conversion or not name.isidentifier():
            problems.append(f"`{{{name}{'!' + conversion if conversion else ''}"
                            f"{':' + spec if spec else ''}}}`: write a placeholder as "
                            f"`{{name}}` alone ({may})")
        elif name not in allowed:
            problems.append(f"unknown placeholder `{{{name}}}`: {may}")
    return problems


def unknown_keys(overrides: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Override keys that name no string (typos in `mkdocs.yml`)."""
    known = STRINGS[DEFAULT_LANGUAGE]
    return sorted({key for table in overrides.values() for key in table if key not in known})


def strings_for(settings: PageSettings, language: str | None = None) -> Strings:
    """The plugin's words in `language` (default: the language of the pages' surroundings,
    `PageSettings.page_language`), with the site's overrides."""
    return Strings(language or settings.page_language, settings.strings)
