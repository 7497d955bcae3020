"""The docs say what the code does: the field reference is generated from the model."""

from __future__ import annotations

import pytest

from mkdocs_playbooks.engines.reference import (
    END,
    OPTIONS_END,
    OPTIONS_START,
    START,
    STRINGS_END,
    STRINGS_START,
    field_reference,
    options_reference,
    strings_reference,
)

from .conftest import REPO
from .in_process import run_command


def test_field_reference_matches_the_model() -> None:
    text = (REPO / "docs" / "guide" / "reference.md").read_text(encoding="utf-8")
    generated = text.split(START, 1)[1].split(END, 1)[0]
    assert generated.strip() == field_reference().strip(), (
        "run: python -m mkdocs_playbooks.engines.reference docs/guide/reference.md")


def test_cli_reference_names_every_command_and_option() -> None:
    text = (REPO / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    for word in ("playbooks validate", "playbooks schema", "playbooks new", "playbooks init",
                 "playbooks aggregate", "playbooks csp", "playbooks editions",
                 "playbooks export", "--markdown-extension", "--team",
                 "--assessment",
                 "--strict", "--config-file", "--kind", "--language", "--output",
                 "strict_reviews", "allow_html", "nav_limit", "edition", "framework", "strings",
                 "today"):
        assert word in text, word


def test_readme_gives_the_two_commands() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make serve" in text
    assert "make test" in text
    assert (REPO / "docs" / "assets" / "screenshot.png").is_file()


def test_strings_table_matches_the_code() -> None:
    text = (REPO / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    generated = text.split(STRINGS_START, 1)[1].split(STRINGS_END, 1)[0]
    assert generated.strip() == strings_reference().strip(), (
        "run: python -m mkdocs_playbooks.engines.reference docs/guide/cli.md")


def test_options_table_matches_the_declarations() -> None:
    text = (REPO / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    generated = text.split(OPTIONS_START, 1)[1].split(OPTIONS_END, 1)[0]
    assert generated.strip() == options_reference().strip(), (
        "run: python -m mkdocs_playbooks.engines.reference docs/guide/cli.md")
    from mkdocs_playbooks.engines.config import PlaybooksConfig

    for name, _option in PlaybooksConfig._schema:
        assert f"| `{name}` |" in generated, f"option {name} has no docstring"


def test_the_help_shown_in_the_cli_reference_is_the_real_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown = (REPO / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    block = shown.split("$ playbooks --help\n", 1)[1].split("```", 1)[0]
    monkeypatch.setenv("COLUMNS", "100")
    real = run_command("--help", cwd=REPO)
    assert real.returncode == 0
    assert block == real.stdout, "paste `COLUMNS=100 playbooks --help` into docs/guide/cli.md"
