"""Every command on bad input: a message naming what is wrong and where, a non-zero exit, never
a traceback or a hang; and nothing written, nothing deleted that the command did not write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from mkdocs_playbooks.engines.cli import main
from mkdocs_playbooks.engines.editions import MARK

from .conftest import ENV, build, playbook, write_site

ASSESSMENT = """\
kind: assessment
id: eval
title: Évaluation
levels:
  - {id: bas, title: Bas, min: 0}
  - {id: haut, title: Haut, min: 50}
dimensions:
  - id: dim
    title: Dimension
    questions:
      - id: q
        text: Question ?
        choices:
          - {id: a, text: A, score: 0}
          - {id: b, text: B, score: 1}
"""

RESULT = {"format": "mkdocs-playbooks/result", "version": 2, "assessment": "eval",
          "taken_at": "2026-11-22T09:15:02Z", "answers": {"q": "b"}}


def unwritable(tmp_path: Path) -> Path:
    """A folder that this process cannot write into, root or not."""
    if os.geteuid() == 0:
        return Path("/sys/fs/playbooks-test")  # sysfs refuses new folders, even to root
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o555)
    return folder / "inside"


def make_site(root: Path) -> Path:
    site = write_site(root, {"a.yml": playbook("A", "a"), "eval.yml": ASSESSMENT})
    (site / "ok.json").write_text(json.dumps(RESULT), encoding="utf-8")
    (site / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    deep_inside = {**RESULT, "extra": json.loads("[" * 900 + "]" * 900)}
    (site / "deep-inside.json").write_text(json.dumps(deep_inside), encoding="utf-8")
    (site / "a-file").write_text("not a folder\n", encoding="utf-8")
    (site / "built").mkdir()
    (site / "built" / "index.html").write_text("<script>a()</script>\n", encoding="utf-8")
    return site


UNWRITABLE = "<unwritable>"


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    """The command line; `UNWRITABLE` stands for a folder this process cannot write into."""
    status: int
    message: str


CASES = [
    Case("aggregate: result nested 100,000 deep",
         ("aggregate", "deep.json", "-o", "report"), 1,
         "deep.json: nested too deep to be a result export"),
    Case("aggregate: result nested 100,000 deep, assessment named",
         ("aggregate", "ok.json", "deep.json", "--assessment", "eval", "-o", "report"),
         1, "deep.json: nested too deep to be a result export"),
    Case("aggregate: a folder as a result",
         ("aggregate", "built", "-o", "report"), 1, "built: "),
    Case("aggregate: -o names a file",
         ("aggregate", "ok.json", "-o", "a-file"), 2, "a-file: not a folder"),
    Case("aggregate: -o under a file",
         ("aggregate", "ok.json", "-o", "a-file/report"), 2, "a-file: not a folder"),
    Case("aggregate: -o unwritable",
         ("aggregate", "ok.json", "-o", UNWRITABLE), 2,
         "cannot write the report"),
    Case("export: -x names a module that is no extension",
         ("export", "-x", "json.decoder", "out"), 2,
         "-x json.decoder: not a Python-Markdown extension"),
    Case("export: -x os", ("export", "-x", "os", "out"), 2,
         "-x os: not a Python-Markdown extension"),
    Case("export: -x with an empty name", ("export", "-x", "", "out"), 2,
         "-x '': not the name of a Python-Markdown extension"),
    Case("export: -x with a path", ("export", "-x", "../x.py", "out"), 2,
         "not the name of a Python-Markdown extension"),
    Case("export: -x no such module", ("export", "-x", "no_such_extension", "out"), 2,
         "-x no_such_extension: no such module"),
    Case("export: into a file", ("export", "a-file"), 2, "a-file: not a folder"),
    Case("export: under a file", ("export", "a-file/docs"), 2,
         "a-file: not a folder"),
    Case("export: unwritable", ("export", UNWRITABLE), 2,
         "cannot write there"),
    Case("editions: -d names a file", ("editions", "-d", "a-file"), 2,
         "a-file: not a folder"),
    Case("editions: -d unwritable", ("editions", "-d", UNWRITABLE), 2,
         "cannot write the participant edition there"),
    Case("schema: -o names a folder", ("schema", "-o", "built"), 2, "built: "),
    Case("schema: -o under a file", ("schema", "-o", "a-file/schema.json"), 2,
         "a-file"),
    Case("new: an id ending in a newline", ("new", "abc\n"), 2, "is not a valid id"),
    Case("new: -d names a file", ("new", "abc", "-d", "a-file"), 2, "a-file"),
    Case("new: -d unwritable", ("new", "abc", "-d", UNWRITABLE), 2,
         "cannot write"),
    Case("init: into a file", ("init", "a-file"), 2, "a-file"),
    Case("init: unwritable", ("init", UNWRITABLE), 2, "cannot write"),
    Case("csp: a file for a site", ("csp", "a-file"), 2, "no built site"),
    Case("validate: -f names a folder", ("validate", "-f", "built"), 2, "built"),
    Case("aggregate: -f names a folder",
         ("aggregate", "ok.json", "-f", "built"), 2, "built"),
    Case("export: -f names a folder", ("export", "-f", "built", "out"), 2, "built"),
    Case("editions: -f names a folder", ("editions", "-f", "built"), 2, "built"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_command_answers_bad_input_with_a_message_and_an_exit_status(
        case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    before = sorted(path.relative_to(site) for path in site.rglob("*"))
    unwritable_folder = str(unwritable(tmp_path))
    status = main([unwritable_folder if arg == UNWRITABLE else arg for arg in case.args])
    err = capsys.readouterr().err
    assert status == case.status, err
    assert case.message in err
    assert "Traceback" not in err
    assert sorted(path.relative_to(site) for path in site.rglob("*")) == before  # nothing written


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs_playbooks.engines.cli", *args], cwd=cwd,
                          env=ENV, capture_output=True, text=True, timeout=120, check=False)


def test_pipes_and_special_files_are_never_read(tmp_path: Path) -> None:
    """In a process of its own: a pipe that is read hangs it."""
    site = make_site(tmp_path / "site")
    os.mkfifo(site / "pipe.json")
    os.mkfifo(site / "built" / "pipe.html")
    os.mkfifo(site / "pipe.yml")
    (site / "built" / "folder.html").mkdir()
    (site / "built" / "dangling.html").symlink_to(site / "nothing")
    (site / "built" / "loop").symlink_to(site / "built")
    result = run("aggregate", "pipe.json", "ok.json", "-o", "report", cwd=site)
    assert result.returncode == 1
    assert "pipe.json: not a regular file" in result.stderr
    result = run("validate", "-f", "pipe.yml", cwd=site)
    assert result.returncode == 2
    result = run("csp", "built", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("'sha256-") == 1
    for name in ("pipe.html", "folder.html", "dangling.html"):
        assert f"playbooks: note: built/{name}: not a regular file, skipped" in result.stderr
    for text in (result.stdout, result.stderr):
        assert "Traceback" not in text


def test_editions_refuse_a_folder_they_did_not_write(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    mine = site / "out" / "facilitator" / "notes.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("mes notes\n", encoding="utf-8")
    assert main(["editions", "-d", "out"]) == 2
    err = capsys.readouterr().err
    assert ("out/facilitator: this folder was not written by `playbooks editions`, which would "
            "empty it; move it, or name another folder with -d") in err
    assert mine.read_text(encoding="utf-8") == "mes notes\n"
    assert not (site / "out" / "participant").exists()  # refused before building either
    mine.unlink()  # empty: the command's to fill
    assert main(["editions", "-d", "out"]) == 0
    for edition in ("participant", "facilitator"):
        assert (site / "out" / edition / MARK).is_file()
        assert (site / "out" / edition / "index.html").is_file()
    assert main(["editions", "-d", "out"]) == 0  # its own folders: built again


def test_export_refuses_a_folder_it_did_not_write_by_the_same_rule(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)
    (site / "docs" / "assets").mkdir()
    (site / "docs" / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (site / "docs" / "playbooks").mkdir()  # empty: the export's to fill
    assert main(["export"]) == 0
    capsys.readouterr()
    assert (site / "docs" / "assets" / "logo.svg").is_file()
    (site / "docs" / "playbooks" / ".playbooks-export").unlink()
    assert main(["export"]) == 2
    assert "docs/playbooks: this folder was not written by `playbooks export`" in \
        capsys.readouterr().err


# ---- the site's own words (`strings`) ----------------------------------------------------------

BAD_STRINGS = {
    "unknown placeholder": ("Progress of {name}", "unknown placeholder `{name}`: it may use "
                                                  "{title}"),
    "positional placeholder": ("Progress of {}", "`{}` has no name: it may use {title}"),
    "numbered placeholder": ("Progress of {0}", "`{0}` has no name"),
    "unbalanced brace": ("Progress of {title", "a single `{` or `}`"),
    "closing brace alone": ("Progress } of {title}", "a single `{` or `}`"),
    "attribute": ("{title.__class__}", "`{title.__class__}`: write a placeholder as `{name}` "
                                       "alone"),
    "format spec": ("{title:>99999999}", "`{title:>99999999}`: write a placeholder as `{name}` "
                                         "alone"),
    "placeholder of another word": ("{count}", "unknown placeholder `{count}`"),
}


def strings_site(root: Path, text: str) -> Path:
    return write_site(root, {"a.yml": playbook("A", "a")}, options=(
        ":\n      strings:\n        fr:\n          progress.of: " + json.dumps(text)))


@pytest.mark.parametrize("name", sorted(BAD_STRINGS))
def test_a_bad_strings_override_is_refused_by_validate(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    text, message = BAD_STRINGS[name]
    monkeypatch.chdir(strings_site(tmp_path, text))
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert f"option 'strings': strings.fr.progress.of: {message}" in err


def test_a_bad_strings_override_gives_the_build_the_same_message(tmp_path: Path) -> None:
    text, message = BAD_STRINGS["unknown placeholder"]
    result = build(strings_site(tmp_path, text)).result
    assert result.returncode == 1
    assert f"option 'strings': strings.fr.progress.of: {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_good_overrides_keep_working(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(strings_site(tmp_path, "{{Suivi}} de {title}, sans {{accolade}}"))
    assert main(["validate"]) == 0, capsys.readouterr().err


# ---- ids from file names ------------------------------------------------------------------------

@pytest.mark.parametrize("stem", ["abc\n", "abc\r", "abc-", "ABC", "a b", "abc\t"])
def test_an_id_from_a_file_name_obeys_the_rule_of_a_written_one(
        stem: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    site = write_site(tmp_path, {})
    (site / "playbooks" / f"{stem}.yml").write_text(
        playbook("A", "a").replace("title: A", "title: A"), encoding="utf-8")
    monkeypatch.chdir(site)
    assert main(["validate"]) == 1
    assert "cannot serve as an id" in capsys.readouterr().err


def test_a_file_name_ending_in_a_newline_fails_the_build_as_validate_says(
        tmp_path: Path) -> None:
    site = write_site(tmp_path, {})
    (site / "playbooks" / "abc\n.yml").write_text(playbook("A", "a"), encoding="utf-8")
    result = build(site).result
    assert result.returncode == 1
    assert "the file name 'abc\\n' cannot serve as an id" in result.stderr
    assert "Traceback" not in result.stderr
