"""The `playbooks` command: exit codes, defaults, schema, skeletons. The command runs in process
(`main`, as `python -m` calls it); in a process of its own only where the process is the subject:
its exit status and stderr as a shell sees them, a file that would hang it, a cache shared between
runs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_playbooks.core.schema import SCHEMA_FILE, json_schema
from mkdocs_playbooks.engines.cli import main

from .conftest import ENV, REPO, playbook, write_site
from .in_process import run_command as run


def run_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs_playbooks.engines.cli", *args], cwd=cwd,
                          env=ENV, capture_output=True, text=True, timeout=60, check=False)


def test_validate_the_demo_exits_0() -> None:
    result = run("validate", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "12 file(s) checked: 0 error(s), 0 warning(s)" in result.stderr


def test_invalid_content_exits_1_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "playbooks" / "a.yml").write_text("title: [\n")
    result = run_process("validate", cwd=tmp_path)
    assert result.returncode == 1
    note, error, *_ = result.stderr.splitlines()
    assert note.startswith("playbooks: note: no properdocs.yml, mkdocs.yml, mkdocs.yaml here: "
                           "the plugin's default options are used")
    assert error.startswith("playbooks/a.yml:2:1: error: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["validate", "no-such-file.yml"], ["frobnicate"], [],
                                  ["validate", "-f", "missing.yml"], ["new", "Bad Id"]])
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_validate_reads_folder_and_framework_from_mkdocs_yml(tmp_path: Path) -> None:
    write_site(tmp_path, {"a.yml": playbook("A", "a")},
               options=":\n      dir: content\n      framework:\n        - {id: listen}")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "b.yml").write_text(
        playbook("B", "b").replace("phase: listen", "phase: engage"))
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "content/b.yml:5:12: error: unknown phase 'engage'" in result.stderr
    assert "playbooks/a.yml" not in result.stderr


def test_validating_one_file_resolves_references_to_the_others(tmp_path: Path) -> None:
    result = run("validate", "playbooks/maturite-social-media.yml", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "1 file(s) checked" in result.stderr


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    write_site(tmp_path, {"a.yml": playbook("A", "a") + "reviewed: 2020-01-01\n"
                          "review_months: 1\n"}, options=":\n      strict_reviews: true")
    assert run("validate", cwd=tmp_path).returncode == 0
    assert run("validate", "--strict", cwd=tmp_path).returncode == 1


def test_schema_is_shipped_and_matches_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema()
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == printed


def test_schema_accepts_the_demo_and_refuses_unknown_keys() -> None:
    schema = json_schema()
    for path in sorted((REPO / "playbooks").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # dates as text, as editors see them
        jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "A", "phases": [], "titel": "x"}, schema)


@pytest.mark.parametrize("kind", ["playbook", "assessment"])
def test_new_writes_a_skeleton_that_validates(kind: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "mon-guide", "--kind", kind]) == 0
    path = tmp_path / "playbooks" / "mon-guide.yml"
    assert path.read_text().startswith("# A")
    assert main(["validate", "--strict"]) == 0
    assert main(["new", "mon-guide"]) == 2  # never overwrites


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "x").write_text("")
    assert main(["init", str(tmp_path)]) == 2


def test_init_writes_the_schema_and_skeletons_point_at_it(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "s"), "--language", "fr"]) == 0
    first = (tmp_path / "s" / "playbooks" / "first-playbook.yml").read_text()
    assert first.startswith("# yaml-language-server: $schema=../playbooks.schema.json\n")
    schema = json.loads((tmp_path / "s" / "playbooks.schema.json").read_text())
    assert schema == json_schema()
    assert "language: fr" in (tmp_path / "s" / "mkdocs.yml").read_text()


def test_help_lists_every_command() -> None:
    result = run("--help", cwd=REPO)
    listed = set(re.findall(r"^    ([a-z]+)\b", result.stdout, re.MULTILINE))
    assert listed == {"validate", "schema", "new", "init", "aggregate", "paper", "editions", "csp",
                      "export"}


def test_no_playbooks_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 2
    assert "no playbooks folder at playbooks" in result.stderr


def test_a_bad_framework_in_mkdocs_yml_is_a_usage_error(tmp_path: Path) -> None:
    write_site(tmp_path, {"a.yml": playbook("A", "a")},
               options=":\n      framework:\n        - {id: Listen}")
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 2
    assert "framework phase id 'Listen' is not a valid id" in result.stderr


def test_a_symlink_is_checked_as_the_build_checks_it(tmp_path: Path) -> None:
    write_site(tmp_path, {})
    outside = tmp_path / "elsewhere.yml"
    outside.write_text("titel: A\n")
    (tmp_path / "playbooks" / "lien.yml").symlink_to(outside)
    named = run("validate", "playbooks/lien.yml", cwd=tmp_path)
    folder = run("validate", cwd=tmp_path)
    for result in (named, folder):
        assert result.returncode == 1
        assert "playbooks/lien.yml:1:1: error: unknown key 'titel'" in result.stderr
        assert "1 file(s) checked: 2 error(s)" in result.stderr


def test_special_files_are_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yml"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero"):
        result = run_process("validate", target, cwd=tmp_path)
        assert result.returncode == 1
        assert "not a regular file" in result.stderr


def test_names_and_values_cannot_fake_locations_or_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "playbooks" / "a:9:9: error: x.yml").write_text("title: A\n\x1b[31m: 1\n")
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr
    assert result.stderr.splitlines()[1].startswith('"playbooks/a:9:9: error: x.yml":2:1: error:')


def test_csp_hashes_every_inline_script_that_runs(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<script>var a=1</script><script src="x.js"></script>'
                                     '<script type="application/json">{"b": 2}</script>')
    (site / "a" / "index.html").write_text('<script type="module">var a=1</script>'
                                           "<script>var c=3</script>")
    assert main(["csp", str(site)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("default-src 'self'; script-src 'self' 'sha256-")
    assert printed.count("'sha256-") == 2  # var a=1 (twice, once hashed), var c=3; JSON not run
    assert main(["csp", str(tmp_path / "nothing")]) == 2


@pytest.mark.parametrize("name", ["properdocs.yml", "mkdocs.yml", "mkdocs.yaml"])
def test_validate_finds_the_configuration_as_the_engines_do(name: str, tmp_path: Path) -> None:
    write_site(tmp_path, {"a.yml": playbook("A", "a").replace("phase: listen", "phase: decouvrir")},
               options=":\n      framework: [{id: decouvrir}]")
    (tmp_path / "mkdocs.yml").rename(tmp_path / name)
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "note: no" not in result.stderr


def test_validate_reads_inherit_and_env_as_the_engines_do(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    write_site(tmp_path, {"b.yml": playbook("B", "b").replace("phase: listen", "phase: agir")})
    (tmp_path / "base.yml").write_text(
        "plugins:\n  - playbooks:\n      framework: [{id: agir}]\n      dir: !ENV [DIR, x]\n")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: S\n")
    monkeypatch.setenv("DIR", "playbooks")
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 file(s) checked: 0 error(s)" in result.stderr


def test_validate_shares_the_sites_cache_and_is_never_stale(tmp_path: Path) -> None:
    write_site(tmp_path, {"a.yml": playbook("A", "a")})
    first = run_process("validate", cwd=tmp_path)
    entries = list((tmp_path / ".cache" / "playbooks" / "parse").iterdir())
    assert first.returncode == 0, first.stderr
    assert len(entries) == 1  # the build's own folder (`cache_dir`) and kind of entry
    again = run_process("validate", cwd=tmp_path)
    assert again.stderr == first.stderr
    assert list((tmp_path / ".cache" / "playbooks" / "parse").iterdir()) == entries  # read
    path = tmp_path / "playbooks" / "a.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: A", "title: [A"),
                    encoding="utf-8")
    edited = run_process("validate", cwd=tmp_path)
    assert edited.returncode == 1
    assert "playbooks/a.yml:" in edited.stderr


def test_validate_without_cache_writes_none(tmp_path: Path) -> None:
    write_site(tmp_path, {"a.yml": playbook("A", "a")})
    assert run("validate", "--no-cache", cwd=tmp_path).returncode == 0
    assert not (tmp_path / ".cache").exists()
    bare = tmp_path / "bare"
    (bare / "playbooks").mkdir(parents=True)
    (bare / "playbooks" / "a.yml").write_text(playbook("A", "a"), encoding="utf-8")
    assert run("validate", cwd=bare).returncode == 0  # no site, no cache to keep
    assert not (bare / ".cache").exists()
