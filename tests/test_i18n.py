"""Languages on the Python side: the words files, and what Babel (CLDR) gives each language
instead of hand-written rules: plural forms, numbers, dates, direction, names, CSV dialect."""

from __future__ import annotations

import datetime
import string

import pytest

from mkdocs_playbooks.output.i18n import (
    PLURAL_FORMS,
    STRINGS,
    Strings,
    csv_dialect,
    direction,
    language_name,
    plural_forms,
    plural_problem,
)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", sorted(STRINGS))
def test_every_words_file_is_complete_and_well_formed(language: str) -> None:
    table, english = STRINGS[language], STRINGS["en"]
    assert set(table) == set(english)
    for key, text in table.items():
        assert placeholders(text) == placeholders(english[key]), (language, key)
        assert plural_problem(language, text) is None, (language, key)


def test_a_third_language_is_there() -> None:
    assert {"en", "fr", "de"} <= set(STRINGS)
    assert Strings("de")("play.why") == "Warum"
    assert Strings("de").plural("assessment.left", 1) == "1 Frage"
    assert Strings("de").plural("assessment.left", 0) == "0 Fragen"


def test_plural_forms_follow_each_language_rule() -> None:
    french, english = Strings("fr"), Strings("en")
    assert french.plural("assessment.left", 0) == "0 question"  # French: 0 is singular
    assert french.plural("assessment.left", 1) == "1 question"
    assert french.plural("assessment.left", 2) == "2 questions"
    assert english.plural("assessment.left", 0) == "0 questions"
    assert english.plural("assessment.left", 1) == "1 question"
    # French's "many" (a million) takes the plural form, as `other`; counts written in French
    assert french.plural("assessment.left", 1_000_000) == "1\u202f000\u202f000 questions"
    assert english.plural("assessment.left", 1_000_000) == "1,000,000 questions"


def test_a_language_with_more_forms_lists_one_per_category() -> None:
    arabic = " | ".join(f"{{count}} {n}" for n in ("zero", "one", "two", "few", "many", "other"))
    forms = plural_forms("ar", arabic)
    assert forms == {name: f"{{count}} {name}" for name in
                     ("zero", "one", "two", "few", "many", "other")}
    russian = plural_forms("ru", "{count} a | {count} b | {count} c | {count} d")
    assert list(russian) == ["one", "few", "many", "other"]
    # two forms are one | other in every language
    assert plural_forms("ru", "x | y") == {"one": "x", "few": "y", "many": "y", "other": "y"}
    assert plural_problem("ru", "a | b | c") == (
        "3 forms, but ru takes 2 (one | other) or one per plural category "
        "(one | few | many | other)")
    assert plural_problem("en", "a") is None
    table = Strings("ar", {"ar": {"assessment.gone": arabic}})
    assert [table.plural("assessment.gone", n) for n in (0, 1, 2, 3, 11, 100)] == [
        "0 zero", "1 one", "2 two", "3 few", "11 many", "100 other"]
    # a word that falls back to English takes English's rule, not the page's
    assert table.plural("assessment.left", 2) == "2 questions"
    assert PLURAL_FORMS == " | "


def test_numbers_and_dates_are_written_as_each_language_writes_them() -> None:
    day = datetime.date(2026, 9, 30)
    assert Strings("fr").number(0.5) == "0,5"
    assert Strings("en").number(0.5) == "0.5"
    assert Strings("de").number(1234.5) == "1.234,5"
    assert Strings("en").number(75.0) == "75"
    assert Strings("fr").date(day) == "30 septembre 2026"
    assert Strings("en").date(day) == "September 30, 2026"
    assert Strings("de").date(day) == "30. September 2026"


def test_direction_names_and_csv_dialect_come_from_cldr() -> None:
    assert direction("ar") == direction("he") == direction("fa") == "rtl"
    assert direction("fr") == direction("en") == direction("xx-unknown") == "ltr"
    assert language_name("fr") == "Français"
    assert language_name("en") == "English"
    assert language_name("fr", "en") == "French"
    assert language_name("en", "fr") == "anglais"
    assert language_name("qqq") == "qqq"
    assert csv_dialect("fr") == csv_dialect("de") == csv_dialect("ru") == (";", ",")
    assert csv_dialect("en") == csv_dialect("ja") == (",", ".")
