"""Words the plugin writes into pages, one file per language under `words/`; `mkdocs.yml` may
override any (the plugin's `strings` option)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..core.settings import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from ..core.settings import Settings

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


CSV_SEPARATORS = {"fr": ";", "de": ";", "es": ";", "it": ";", "pt": ";", "nl": ";"}
"""Languages whose spreadsheets use the decimal comma read `;` as the CSV separator."""

PLURAL_FORMS = " | "
"""Separates a string's singular form from its plural form: `"{count} day | {count} days"`."""


def is_singular(language: str, count: int) -> bool:
    """French puts 0 and 1 in the singular; English (and the fallback) 1 only."""
    return count <= 1 if language == "fr" else count == 1


class Strings:
    """The strings of one language, falling back to English for any key it lacks."""

    def __init__(self, language: str, overrides: Mapping[str, Mapping[str, str]] | None = None):
        base = language.split("-", maxsplit=1)[0].lower()
        self.language = language
        self.base = base if base in STRINGS else DEFAULT_LANGUAGE
        self._table = {
            **STRINGS[DEFAULT_LANGUAGE],
            **STRINGS.get(base, {}),
            **(overrides or {}).get(base, {}),
        }

    def __call__(self, key: str, **values: object) -> str:
        """The string `key`, its `{placeholders}` filled from `values`."""
        return self._table[key].format(**values)

    def plural(self, key: str, count: int, **values: object) -> str:
        """The form of `key` for `count` (singular or plural), `{count}` filled too."""
        forms = self._table[key].split(PLURAL_FORMS)
        form = forms[0] if len(forms) == 1 or is_singular(self.base, count) else forms[-1]
        return form.format(count=count, **values)


def unknown_keys(overrides: Mapping[str, Mapping[str, str]]) -> list[str]:
    """Override keys that name no string (typos in `mkdocs.yml`)."""
    known = STRINGS[DEFAULT_LANGUAGE]
    return sorted({key for table in overrides.values() for key in table if key not in known})


def strings_for(settings: Settings, language: str | None = None) -> Strings:
    """The plugin's words in `language` (default: the language of the pages' surroundings,
    `Settings.page_language`), with the site's overrides."""
    return Strings(language or settings.page_language, settings.strings)
