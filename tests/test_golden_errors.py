"""Golden cases: each broken input under golden/errors gives exactly the messages of its
`.expected` file (exit status first, then stderr). `pytest --update-golden` rewrites them.

A case is a file, a folder of files, or a site: a folder with its `mkdocs.yml`, `docs/` and
`playbooks/`, checked as `playbooks validate -f CASE/mkdocs.yml` (paths shown from the site)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_playbooks.engines.cli import main

CASES_DIR = Path(__file__).parent / "golden" / "errors"
CASES = sorted(
    path for path in CASES_DIR.iterdir()
    if path.is_dir() or path.suffix == ".yml"
)


def is_site(case: Path) -> bool:
    """Whether the case is a whole site (its configuration, docs and playbooks)."""
    return (case / "mkdocs.yml").is_file()


def run_validate(case: Path, capsys: pytest.CaptureFixture[str]) -> str:
    arguments = ["-f", f"{case.name}/mkdocs.yml"] if is_site(case) else [case.name]
    status = main(["validate", *arguments])
    return f"exit: {status}\n{capsys.readouterr().err}"


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_error_messages(case: Path, capsys: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    monkeypatch.chdir(CASES_DIR)
    actual = run_validate(case, capsys)
    expected_file = case.with_name(case.stem + ".expected")
    if update_golden:
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")


def test_every_case_has_an_expectation() -> None:
    expectations = {path.stem for path in CASES_DIR.glob("*.expected")}
    assert expectations == {case.stem for case in CASES}
