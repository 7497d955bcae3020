"""The guide's commands, run as written: the `console` blocks of `docs/guide/*.md`.

The tutorial is replayed from its first command to its last in a temporary folder, with the
edits its text asks for between them (each found in the tutorial's own words), and each output
it shows is compared with the real one: the tutorial says they are the real ones. Then `git
status` in the tutorial's site lists only the author's files: the `.gitignore` of
`playbooks init` covers every folder the tutorial builds into.

The other guide pages are run block by block in a copy of the tutorial's site (the demo site for
the blocks said to be run on it): each command must run (no traceback, no unknown command or
option), fail when the page shows it failing, and leave nothing for git but the author's files.

Installing the package needs the Python Package Index: `test_the_install_commands_work_on_a_fresh_
machine` runs the guide's install commands in a fresh virtual environment (marked `package`,
with the wheel's test); everything else runs offline.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mkdocs_playbooks.assessment.results import result_document
from mkdocs_playbooks.core.loader import load_file
from mkdocs_playbooks.core.model import Assessment
from mkdocs_playbooks.core.validate import to_model

from .conftest import ENV, REPO, wait_for

pytestmark = pytest.mark.guide_commands

GUIDE = REPO / "docs" / "guide"
BIN = Path(sys.executable).parent
RUN_ENV = {**ENV, "PATH": f"{BIN}{os.pathsep}{ENV.get('PATH', '')}", "COLUMNS": "100"}
SITE_PATH = "/path/to/mysite"
"""How the guide writes the folder of the tutorial's site."""


@dataclass
class Command:
    """A `$ command` of a `console` block and the output the page shows under it."""

    page: str
    line: int
    text: str
    shown: list[str] = field(default_factory=list)
    block: int = 0
    """The number of its block in the page, from 0."""


def console_commands(page: Path) -> list[Command]:
    """The commands of the page's `console` blocks, in order."""
    commands: list[Command] = []
    block, inside = -1, False
    for number, text in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        line = text.lstrip()  # a block may be indented, as a step of a list
        if line.startswith("```"):
            inside = line.strip() == "```console" and not inside
            block += inside
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            commands.append(Command(page.name, number, line[2:], block=block))
        elif commands:
            commands[-1].shown.append(line)
    return commands


def fenced(page: Path, language: str) -> list[str]:
    """The text of the page's blocks fenced as `language`, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```$", page.read_text(encoding="utf-8"),
                      re.MULTILINE | re.DOTALL)


INSTALL = re.compile(r"^(python3 -m venv|\. \.venv/bin/activate|pip install)")
"""The install commands: they need the Python Package Index (see the `package` test)."""
LEFT_OUT = {
    "mkdocs gh-deploy": "pushes to the `origin` remote of a GitHub repository",
}
"""Commands that cannot run here, with the reason."""


def run(command: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=RUN_ENV, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout,
                          check=False)


def normalised(output: str, site: Path) -> list[str]:
    """Output as the guide writes it: the site's folder as `/path/to/mysite`, durations as
    written in the tutorial's first run."""
    text = output.replace(str(site), SITE_PATH)
    text = re.sub(r"built in [0-9.]+ seconds", "built in N seconds", text)
    return text.rstrip("\n").splitlines() if text.strip() else []


def as_shown(lines: list[str]) -> list[str]:
    return [re.sub(r"built in [0-9.]+ seconds", "built in N seconds", line) for line in lines]


def serves(command: str, site: Path) -> None:
    """`mkdocs serve` runs until stopped: on a free port, until the home page answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(["bash", "-c", f"exec {command} -a 127.0.0.1:{port}"], cwd=site,
                               env=RUN_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    def answers() -> bool:
        assert process.poll() is None, f"{command} stopped"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/playbooks/", timeout=5):
                return True
        except OSError:
            return False

    try:
        assert wait_for(answers, 120), f"{command} served nothing in 120 s"
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- the tutorial ------------------------------------------------------------------------------


class Tutorial:
    """The tutorial's site as its reader makes it, one step at a time."""

    def __init__(self, folder: Path) -> None:
        self.page = GUIDE / "tutorial.md"
        self.text = self.page.read_text(encoding="utf-8")
        self.folder = folder
        self.site = folder / "mysite"
        self.yaml = fenced(self.page, "yaml")
        self.diff = fenced(self.page, "diff")[0]

    def says(self, words: str) -> None:
        """The instruction the reader follows next is still in the tutorial, in these words."""
        assert " ".join(words.split()) in " ".join(self.text.split()), (
            f"the tutorial no longer says {words!r}: update this test")

    def write(self, name: str, text: str) -> None:
        (self.site / name).write_text(text, encoding="utf-8")

    def read(self, name: str) -> str:
        return (self.site / name).read_text(encoding="utf-8")

    def block_with(self, words: str) -> str:
        """The tutorial's YAML block that holds `words`."""
        return next(block for block in self.yaml if words in block)

    def mistakes(self, which: slice = slice(None)) -> None:
        """The diff's changes to `playbooks/my-assessment.yml`; `which` of them only."""
        removed = [line[1:] for line in self.diff.splitlines() if line.startswith("-")]
        added = [line[1:] for line in self.diff.splitlines() if line.startswith("+")]
        text = self.read("playbooks/my-assessment.yml")
        for before, after in list(zip(removed, added, strict=True))[which]:
            assert before in text, before
            text = text.replace(before, after)
        self.write("playbooks/my-assessment.yml", text)

    def mistakes_in(self, site: Path) -> None:
        """The tutorial's mistakes, the quotes removed again, as in its second `validate`."""
        self.site = site
        self.mistakes()
        self.undo(slice(1, 2))

    def undo(self, which: slice = slice(None)) -> None:
        removed = [line[1:] for line in self.diff.splitlines() if line.startswith("-")]
        added = [line[1:] for line in self.diff.splitlines() if line.startswith("+")]
        text = self.read("playbooks/my-assessment.yml")
        for before, after in list(zip(removed, added, strict=True))[which]:
            text = text.replace(after, before)
        self.write("playbooks/my-assessment.yml", text)

    def edit_before(self, command: Command, seen: dict[str, int]) -> None:
        """What the tutorial's text asks the reader to do before `command`."""
        key = command.text
        seen[key] = seen.get(key, 0) + 1
        count = seen[key]
        if key == "playbooks validate" and count == 1:
            self.says("Replace its content with this one")
            self.write("playbooks/my-playbook.yml", self.block_with("id: my-playbook\n"))
        elif key == "playbooks validate" and count == 2:
            self.says("Replace its content with:")
            self.write("playbooks/my-assessment.yml", self.block_with("id: my-assessment\n"))
        elif key == "playbooks validate" and count == 3:
            self.says("Make three mistakes on purpose in `playbooks/my-assessment.yml`")
            self.mistakes()
        elif key == "playbooks validate" and count == 4:
            self.says("Remove the quotes and run it again")
            self.undo(slice(1, 2))
        elif key == "playbooks validate" and count == 5:
            self.says("Undo the three changes")
            self.undo()
        elif key == "mkdocs build --strict -d site-facilitator":
            self.says("Set the edition in `mkdocs.yml`")
            plugins = self.block_with("edition: facilitator")
            config = self.read("mkdocs.yml")
            self.write("mkdocs.yml", config[:config.index("plugins:")] + plugins)
        elif key == "mkdocs build --strict" and count == 3:
            self.says("let an environment variable choose")
            line = self.block_with("!ENV").strip()
            config = self.read("mkdocs.yml")
            assert "edition: facilitator" in config
            self.write("mkdocs.yml", config.replace("edition: facilitator", line))


def test_the_tutorial_runs_as_written_and_shows_the_real_outputs(tmp_path: Path) -> None:
    tutorial = Tutorial(tmp_path)
    cwd, seen = tmp_path, {}
    wrong, ran = [], []
    for command in console_commands(tutorial.page):
        if INSTALL.match(command.text) or command.text in LEFT_OUT:
            continue
        if command.text.startswith("cd "):
            cwd = cwd / command.text[3:]
            continue
        tutorial.edit_before(command, seen)
        if command.text == "mkdocs serve":
            serves(command.text, cwd)
            ran.append(command.text)
            continue
        if command.text == "playbooks init mysite":  # the reader keeps the site in git
            result = run(command.text, cwd)
            assert run("git init -q mysite", cwd).returncode == 0
        else:
            result = run(command.text, cwd)
        ran.append(command.text)
        real = normalised(result.stdout, tutorial.site)
        if not command.shown:  # the page shows no output: it must succeed
            if result.returncode != 0:
                wrong.append(f"tutorial.md:{command.line}: $ {command.text} -> exit "
                             f"{result.returncode}\n" + "\n".join(real))
        elif real != as_shown(command.shown):
            wrong.append(f"tutorial.md:{command.line}: $ {command.text}\n  shown: "
                         + "\n         ".join(command.shown) + "\n  real:  "
                         + "\n         ".join(real))
    assert wrong == []
    assert "playbooks editions -d public" in ran
    assert "mkdocs serve" in ran
    # What the reader made is all git sees: the built sites and the cache are ignored.
    status = run("git status --porcelain --untracked-files=all", tutorial.site).stdout
    assert sorted(line[3:] for line in status.splitlines()) == [
        ".gitignore", "docs/index.md", "mkdocs.yml", "playbooks.schema.json",
        "playbooks/first-playbook.yml", "playbooks/my-assessment.yml",
        "playbooks/my-playbook.yml", "playbooks/self-assessment.yml"]
    for built in ("site", "site-facilitator", "public", ".cache"):
        assert (tutorial.site / built).is_dir(), built


# --- the other pages ---------------------------------------------------------------------------


def page_blocks(page: Path) -> dict[int, list[Command]]:
    blocks: dict[int, list[Command]] = {}
    for command in console_commands(page):
        blocks.setdefault(command.block, []).append(command)
    return blocks


def fails_as_shown(command: Command) -> bool:
    """Whether the page shows the command failing: a usage error, an error in the content, a
    warning under `--strict`, a build that aborts."""
    shown = "\n".join(command.shown)
    return ("playbooks: error:" in shown or ": error:" in shown or "Aborted" in shown
            or ("--strict" in command.text and ": warning:" in shown))


def results_for(site: Path) -> None:
    """Two results of the tutorial's assessment, as readers export them, in `results/`."""
    model, problems = to_model(load_file(site / "playbooks" / "my-assessment.yml"))
    assert isinstance(model, Assessment), problems
    (site / "results").mkdir()
    for number, answers in enumerate(({"where-asked": "roughly", "delay": "days"},
                                      {"where-asked": "yes-listed", "delay": "hours"})):
        taken = datetime.datetime(2026, 11, number + 1, 10, tzinfo=datetime.UTC)
        (site / "results" / f"result-{number}.json").write_text(json.dumps(result_document(
            model, answers, taken, attempt=f"a{number}")), encoding="utf-8")


def team_folder(site: Path, targets: str) -> None:
    """The guide's team (`teams/communication/`) on the demo: its `targets` file, a round of
    results in its own folder (`2026-Q1/`) and a round beside the targets."""
    model, problems = to_model(load_file(site / "playbooks" / "maturite-social-media.yml"))
    assert isinstance(model, Assessment), problems
    team = site / "teams" / "communication"
    (team / "2026-Q1").mkdir(parents=True)
    (team / "targets.yml").write_text(targets, encoding="utf-8")
    for number, (folder, name) in enumerate(((team / "2026-Q1", "2026-Q1"), (team, "2026-Q2"))):
        for person in range(2):
            answers = {q.id: q.choices[(person + number) % len(q.choices)].id
                       for d in model.dimensions for q in d.questions}
            taken = datetime.datetime(2026, 1 + 3 * number, 10 + person, tzinfo=datetime.UTC)
            (folder / f"p{person}.json").write_text(json.dumps(result_document(
                model, answers, taken, attempt=f"a{number}{person}", round=name,
                respondent=f"who{person}")), encoding="utf-8")


class Sites:
    """The sites the guide's blocks run in: the tutorial's (made once, copied for each block),
    a new one, the demo; each block in a copy of its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tutorial = Tutorial(folder / "tutorial")
        (folder / "tutorial").mkdir()
        assert run("playbooks init mysite", folder / "tutorial").returncode == 0
        seen: dict[str, int] = {}
        for command in console_commands(self.tutorial.page):
            if command.text.startswith("playbooks validate"):
                self.tutorial.edit_before(command, seen)
        (folder / "new").mkdir()
        assert run("playbooks init mysite", folder / "new").returncode == 0

    def for_block(self, before: str, commands: list[Command], into: Path) -> Path:
        """A copy of the site the words `before` the block (the end of the text above it) say
        it runs in, made ready for it."""
        said = " ".join(before.split()[-60:])
        if any("teams/communication" in command.text for command in commands):
            shutil.copytree(self.tutorial.site, into)  # with the demo's playbooks beside its own
            shutil.copytree(REPO / "playbooks", into / "playbooks", dirs_exist_ok=True)
            targets = re.search(r"```yaml\n( *# teams/communication/targets\.yml\n.*?)\n *```",
                                (GUIDE / "assessments.md").read_text(encoding="utf-8"), re.S)
            assert targets is not None, "the guide's targets file"
            team_folder(into, textwrap.dedent(targets.group(1)) + "\n")
            return into
        if said.endswith("On the demo site of this repository:"):
            shutil.copytree(REPO, into, ignore=shutil.ignore_patterns(
                ".git", ".venv", ".cache", "site", "node_modules", "tests", "benchmarks"))
            return into
        if "`new` never overwrites a file." in said or "review that is due" in said \
                or "strict_reviews: true" in said:
            shutil.copytree(self.folder / "new" / "mysite", into)
            shown = "\n".join(line for command in commands for line in command.shown)
            due = re.search(r"reviewed (\d{4}-\d\d-\d\d), every (\d+) months", shown)
            if due is not None:  # the review shown in the output, due
                path = into / "playbooks" / "first-playbook.yml"
                text = re.sub(r"# reviewed: \S+", f"reviewed: {due.group(1)}",
                              path.read_text(encoding="utf-8"))
                path.write_text(re.sub(r"# review_months: \d+",
                                       f"review_months: {due.group(2)}", text), "utf-8")
            if "strict_reviews: true" in said:
                config = (into / "mkdocs.yml").read_text(encoding="utf-8")
                (into / "mkdocs.yml").write_text(config.replace(
                    "      dir: playbooks\n", "      dir: playbooks\n      strict_reviews: true\n"),
                    encoding="utf-8")
            return into
        shutil.copytree(self.tutorial.site, into)
        results_for(into)
        if "With mistakes (from the [tutorial]" in said:
            Tutorial(into.parent).mistakes_in(into)
        return into


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    return Sites(tmp_path_factory.mktemp("sites"))


OTHER_PAGES = sorted(page for page in GUIDE.glob("*.md") if page.name != "tutorial.md"
                     and console_commands(page))


@pytest.mark.parametrize("page", OTHER_PAGES, ids=lambda page: page.stem)
def test_the_guides_commands_run_as_written(page: Path, sites: Sites, tmp_path: Path) -> None:
    text = page.read_text(encoding="utf-8")
    wrong = []
    for commands in page_blocks(page).values():
        before = "\n".join(text.splitlines()[:commands[0].line - 2])  # up to its fence
        site = sites.for_block(before, commands, tmp_path / f"block-{commands[0].line}")
        for command in commands:
            if INSTALL.match(command.text) or command.text in LEFT_OUT:
                continue
            result = run(command.text, site)
            output = result.stdout
            if ("Traceback" in output or result.returncode == 127
                    or (result.returncode != 0) != fails_as_shown(command)):
                wrong.append(f"{page.name}:{command.line}: $ {command.text} -> exit "
                             f"{result.returncode}\n{output[-1500:]}")
        if (site / ".git").exists() or not (site / ".gitignore").is_file():
            continue
        assert run("git init -q . && git add -A", site).returncode == 0
        tracked = run("git ls-files", site).stdout.splitlines()
        made = [name for name in tracked if name.split("/")[0] in (
            "site", "site-facilitator", "public", ".cache") or name.startswith(
            ("docs/playbooks/", "docs/assessments/", "docs/assets/playbooks/"))
            or name.endswith(("team-report.csv", "team-plan.csv", "team-report.html"))]
        if made:
            wrong.append(f"{page.name}: git would commit what the commands made: {made[:5]}")
    assert wrong == []


# --- installing --------------------------------------------------------------------------------


@pytest.mark.package
def test_the_install_commands_work_on_a_fresh_machine(tmp_path: Path) -> None:
    """The tutorial's install commands, then every other `pip install` of the guide, as written,
    in a folder beside a checkout named `mkdocs-playbooks` (the tutorial's layout)."""
    shutil.copytree(REPO, tmp_path / "mkdocs-playbooks", ignore=shutil.ignore_patterns(
        ".git", ".venv", ".cache", "site", "node_modules", "*.egg-info", "build", "dist"))
    commands = [command for page in sorted(GUIDE.glob("*.md"))
                for command in console_commands(page) if INSTALL.match(command.text)]
    tutorial_first = sorted(commands, key=lambda command: command.page != "tutorial.md")
    assert [command.text for command in tutorial_first[:3]] == [
        "python3 -m venv .venv", ". .venv/bin/activate", "pip install ./mkdocs-playbooks"]
    script = " && ".join(command.text for command in tutorial_first)
    result = subprocess.run(["bash", "-c", f"{script} && playbooks --version && python -c "
                             "'import mkdocs_static_i18n'"], cwd=tmp_path,
                            env={**ENV, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}, text=True,
                            capture_output=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("playbooks 0.1.0")
