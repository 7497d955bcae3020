"""Broken and hostile content: the same located messages from `playbooks validate` and from
`mkdocs build`, exit 1, no traceback, bounded time and memory, and nothing half-written."""

from __future__ import annotations

import datetime
import random
import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_playbooks.core.loading import load_site
from mkdocs_playbooks.core.settings import PhaseDef, Settings
from mkdocs_playbooks.engines.cli import main
from mkdocs_playbooks.output.pages import site_pages

from .conftest import REPO, Build, build, mkdocs, write_site
from .test_golden_errors import CASES, CASES_DIR, is_site

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (error|warning|note): \S.*$")
FRAMEWORK = [PhaseDef("listen"), PhaseDef("engage"), PhaseDef("adapt")]


def expected_lines(case: Path) -> tuple[int, list[str]]:
    status, *lines, _summary = case.with_name(case.stem + ".expected").read_text().splitlines()
    return int(status.removeprefix("exit: ")), lines


@pytest.mark.corpus_build
@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_mkdocs_build_reports_the_same_lines_and_writes_nothing(case: Path,
                                                                tmp_path: Path) -> None:
    status, lines = expected_lines(case)
    if is_site(case):  # the case is the site; messages name its files as they are
        site = tmp_path / case.name
        shutil.copytree(case, site)
        wanted = lines
    else:
        site = write_site(tmp_path, {})
        if case.is_dir():
            for path in case.iterdir():
                shutil.copy(path, site / "playbooks" / path.name)
        else:
            shutil.copy(case, site / "playbooks" / case.name)
        if case.is_dir():  # messages name the case's folder, which the site calls playbooks/
            wanted = [line.replace(f"{case.name}/", "playbooks/") for line in lines]
        else:
            wanted = ["playbooks/" + line for line in lines]
    # As `playbooks validate` without `--strict`: warnings do not fail the build.
    result = Build(site, mkdocs(site, "build"))
    logged = [re.sub(r"^(ERROR|WARNING|INFO) +- +", "", line)
              for line in result.result.stderr.splitlines()]
    for line in wanted:
        assert line in logged
    # What the plugin reported at its YAML line, MkDocs does not report again.
    assert not [line for line in logged
                if line.startswith(("Doc file 'playbooks/", "Doc file 'assessments/"))]
    assert "Traceback" not in result.result.stderr
    assert result.result.returncode == status
    if status:
        assert not (site / "site").exists()  # no half-written site


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_validation_is_fast_and_small(case: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(CASES_DIR)
    tracemalloc.start()
    started = time.process_time()
    main(["validate", *(["-f", f"{case.name}/mkdocs.yml"] if is_site(case) else [case.name])])
    spent = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    capsys.readouterr()
    assert spent < 1.0
    assert peak < 100 * 1024 * 1024


def test_a_10_mib_file_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "playbooks").mkdir()
    big = tmp_path / "playbooks" / "enorme.yml"
    head = "title: Énorme\nsummary: |\n"
    big.write_text(head + "  " + "x" * (10 * 1024 * 1024 - len(head.encode()) - 3) + "\n")
    assert big.stat().st_size == 10 * 1024 * 1024
    monkeypatch.chdir(tmp_path)
    started = time.process_time()
    assert main(["validate"]) == 1
    assert time.process_time() - started < 1.0
    assert capsys.readouterr().err.splitlines()[1].startswith(
        "playbooks/enorme.yml:1:1: error: file is 10.0 MiB, over the 1 MiB limit")
    site = write_site(tmp_path / "site", {})
    shutil.copy(big, site / "playbooks")
    result = build(site)
    assert result.result.returncode == 1
    assert "playbooks/enorme.yml:1:1: error: file is 10.0 MiB" in result.result.stderr
    assert not (site / "site").exists()


# ---- mutations of valid playbooks ------------------------------------------------------------

SOURCES = {path.name: path.read_text(encoding="utf-8")
           for path in sorted((REPO / "playbooks").glob("*.yml"))}
NOISE = ["\t", ":", ": ", "- ", "&a ", "*a", "!!python/object ", "{", "}", "[", "]", '"', "'",
         "#", "---\n", "\0", "\ufeff", "é", "    ", "\n", "yes", "12", "-1", "null", "~", "|",
         ">", "%TAG ! x\n", "? ", "<script>", "2026-13-45"]


def mutate(text: str, rng: random.Random, count: int) -> str:
    lines = text.split("\n")
    for _ in range(count):
        n = rng.randrange(len(lines))
        action = rng.randrange(6)
        if action == 0 and len(lines) > 1:
            del lines[n]
        elif action == 1:
            lines.insert(n, lines[rng.randrange(len(lines))])
        elif action == 2:
            at = rng.randrange(len(lines[n]) + 1)
            lines[n] = lines[n][:at] + rng.choice(NOISE) + lines[n][at:]
        elif action == 3:
            lines[n] = " " * rng.randrange(8) + lines[n].lstrip()
        elif action == 4:
            key, sep, _ = lines[n].partition(": ")
            lines[n] = key + sep + rng.choice(NOISE) if sep else lines[n]
        else:
            lines = lines[: n + 1]
    return "\n".join(lines)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(SOURCES)), seed=st.integers(0, 2**32 - 1),
       count=st.integers(1, 6))
def test_mutated_playbooks_give_located_errors_or_render(
    name: str, seed: int, count: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("mutant")
    text = mutate(SOURCES[name], random.Random(seed), count)
    path = folder / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    line_count = text.count("\n") + 2
    started = time.process_time()
    settings = Settings(root=folder, dir=folder, framework=tuple(FRAMEWORK),
                        today=datetime.date(2026, 11, 27), language="fr")
    site = load_site(settings, [path])
    assert time.process_time() - started < 1.0
    for problem in site.problems:
        assert LINE.match(str(problem)), str(problem)
        assert problem.path == name
        assert 1 <= problem.line <= line_count
        assert problem.column >= 1
    for page in site_pages(site, settings):
        assert page.markdown
