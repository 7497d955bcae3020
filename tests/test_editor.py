"""The real editor: yaml-language-server (the YAML server of VS Code, Neovim, Helix…) driven over
LSP with the shipped schema, associated both ways an author can: a `yaml.schemas` glob in the
editor's settings, and the `# yaml-language-server: $schema=…` line that `playbooks new` writes.

`scripts/install-yaml-language-server` installs the server (`make check` and `make test` run it).
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_playbooks.core.loader import load_file
from mkdocs_playbooks.core.problems import ContentError, Problem
from mkdocs_playbooks.core.schema import SCHEMA_FILE
from mkdocs_playbooks.engines.cli import main

from .test_schema_agreement import (
    CORPUS,
    DELIBERATE,
    TESTS,
    cli_refuses_text,
    cli_shape_errors,
    name,
)

REPO = Path(__file__).resolve().parent.parent
SERVER = (REPO / ".cache" / "yaml-language-server" / "node_modules" / "yaml-language-server"
          / "bin" / "yaml-language-server")
TIMEOUT = 15.0
"""Seconds to wait for any one answer of the server (it answers in milliseconds)."""

EDITOR_ONLY = {
    "tests/golden/errors/not-utf8.yml":
        "not UTF-8: an editor shows it in another encoding (here Latin-1) and checks that text",
}
"""Files this test cannot give the editor as the CLI reads them, with the reason."""


class LanguageServer:
    """A language server over stdio: JSON-RPC messages framed by `Content-Length` headers."""

    def __init__(self, root: Path, settings: dict[str, Any]) -> None:
        assert shutil.which("node"), "Node.js is needed to run yaml-language-server"
        assert SERVER.is_file(), f"{SERVER} is missing: run scripts/install-yaml-language-server"
        self.settings = settings
        self.process = subprocess.Popen(
            ["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)
        self.writing = threading.Lock()
        self.next_id = 0
        self.answers: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.published: queue.Queue[dict[str, Any]] = queue.Queue()
        self.configured = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {}},
                "textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                                 "publishDiagnostics": {}},
            },
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})
        assert self.configured.wait(TIMEOUT), "the server never asked for its settings"

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        answer: queue.Queue[dict[str, Any]] = queue.Queue()
        self.answers[self.next_id] = answer
        self._send({"id": self.next_id, "method": method, "params": params})
        try:
            message = answer.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"no answer to {method} in {TIMEOUT} s") from None
        assert "error" not in message, message
        return message.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        return uri

    def diagnostics(self, uris: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The first diagnostics published for each of `uris` (opened after the settings)."""
        found: dict[str, list[dict[str, Any]]] = {}
        deadline = time.monotonic() + TIMEOUT
        while set(uris) - set(found):
            try:
                params = self.published.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                missing = sorted(set(uris) - set(found))
                raise AssertionError(f"no diagnostics in {TIMEOUT} s for {missing}") from None
            found.setdefault(params["uri"], params["diagnostics"])
        return found

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=5)
        except (AssertionError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait(timeout=5)
        self.reader.join(timeout=5)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        stdin = self.process.stdin
        assert stdin is not None
        with self.writing:
            stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            stdin.flush()

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        while True:
            length = 0
            while (line := stdout.readline().strip()) != b"":
                header, _, value = line.partition(b":")
                if header.lower() == b"content-length":
                    length = int(value)
            if not length:
                return  # the server ended
            self._receive(json.loads(stdout.read(length)))

    def _receive(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method is None:
            self.answers[message["id"]].put(message)
        elif "id" in message:  # a request of the server, answered as an editor would
            result = None
            if method == "workspace/configuration":
                result = [self.settings.get(item.get("section"))
                          for item in message["params"]["items"]]
                self.configured.set()
            self._send({"id": message["id"], "result": result})
        elif method == "textDocument/publishDiagnostics":
            self.published.put(message["params"])


def lsp_settings(vscode_settings: dict[str, Any]) -> dict[str, Any]:
    """VS Code's `settings.json` (`"yaml.schemas": …`) as an editor sends it to the server."""
    settings: dict[str, Any] = {}
    for key, value in vscode_settings.items():
        section, _, name_ = key.partition(".")
        settings.setdefault(section, {})[name_] = value
    return settings


NO_NETWORK = {"yaml.schemaStore.enable": False}
"""Editors fetch the catalogue of schemastore.org by default: not here."""


@pytest.fixture(scope="module", params=["settings", "modeline"])
def editor(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           ) -> Iterator[tuple[LanguageServer, Path, str]]:
    """A server, the folder of a site, and the first line of its playbooks: empty when the
    schema is associated by a `yaml.schemas` glob, the `$schema` line of `playbooks new`
    otherwise (with no `yaml.schemas` setting at all)."""
    site = tmp_path_factory.mktemp("site") / "site"
    assert main(["init", str(site)]) == 0
    skeleton = next((site / "playbooks").glob("*.yml")).read_text(encoding="utf-8")
    if request.param == "settings":
        vscode = {"yaml.schemas": {str(SCHEMA_FILE): "playbooks/*.yml"}, **NO_NETWORK}
        first_line = ""
    else:
        vscode = {"yaml.schemas": {}, **NO_NETWORK}
        first_line = skeleton.splitlines(keepends=True)[0]
        assert first_line.startswith("# yaml-language-server: $schema=")
    server = LanguageServer(site, lsp_settings({**vscode, "yaml.validate": True,
                                                "yaml.completion": True}))
    yield server, site, first_line
    server.close()


PLAY = """\
title: Écouter
phases:
  - phase: listen
    plays:
      - id: cartographier
        title: Cartographier
"""


def test_a_misspelt_key_is_reported(editor: tuple[LanguageServer, Path, str]) -> None:
    server, site, first_line = editor
    text = first_line + PLAY + "        checklsit:\n          - {id: lister, text: Lister}\n"
    uri = server.open(site / "playbooks" / "misspelt.yml", text)
    diagnostics = server.diagnostics([uri])[uri]
    line = text.count("\n", 0, text.index("checklsit"))
    # One diagnostic, underlining the key and naming the keys a play may hold.
    assert [(d["range"]["start"], d["range"]["end"]["character"], d["message"])
            for d in diagnostics] == [
        ({"line": line, "character": 8}, 17, "unknown key: the keys of a play are id, title, "
         "why, how, duration, facilitator, checklist, metrics, resources")]


def test_checklist_is_offered_in_a_play(editor: tuple[LanguageServer, Path, str]) -> None:
    server, site, first_line = editor
    text = first_line + PLAY + "        \n"
    uri = server.open(site / "playbooks" / "completion.yml", text)
    line = text.count("\n") - 1
    result = server.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": 8}})
    items = result["items"] if isinstance(result, dict) else result
    labels = [item["label"] for item in items]
    assert "checklist" in labels, labels


def test_hovering_a_key_shows_its_own_description(
        editor: tuple[LanguageServer, Path, str]) -> None:
    server, site, first_line = editor
    text = first_line + PLAY + "        duration: 45 min\n"
    uri = server.open(site / "playbooks" / "hover.yml", text)
    shown = []
    for key in ("title", "duration"):
        line = text.count("\n", 0, text.rindex(f"{key}:"))
        result = server.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": 9}})
        shown.append(result["contents"]["value"])
    assert shown[0].startswith("#### Title\n\nThe play's title."), shown
    assert shown[1].startswith("#### Duration\n\nHow long it takes"), shown


@pytest.mark.parametrize("editor", ["settings"], indirect=True)
def test_the_editor_refuses_a_file_exactly_when_the_cli_finds_a_shape_error(
        editor: tuple[LanguageServer, Path, str]) -> None:
    """Every file of the corpus, opened in the real editor: the same verdicts as
    `test_schema_agreement.py` finds with ruamel.yaml and jsonschema, the same exceptions."""
    server, site, _first_line = editor
    uris = {}
    for number, path in enumerate(CORPUS):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        uris[server.open(site / "playbooks" / f"corpus-{number}.yml", text)] = path
    published = server.diagnostics(list(uris))
    wrong = []
    for uri, path in uris.items():
        editor_refuses = bool(published[uri])
        if name(path) in EDITOR_ONLY:
            continue
        expected = bool(cli_shape_errors(path)) != (name(path) in DELIBERATE)
        if editor_refuses != expected:
            wrong.append(f"{name(path)}: editor {[d['message'] for d in published[uri]]}")
    assert wrong == []


SYNTAX_ERRORS = sorted(path for path in CORPUS if path.is_relative_to(TESTS / "golden" / "errors")
                       and path.suffix == ".yml")
"""The corpus's broken files, among which those YAML itself cannot read (`is_syntax_error`)."""

EDITOR_ELSEWHERE = {
    "tests/golden/errors/indent-too-far.yml":
        "a line indented deeper than its neighbour (7) reads as the continuation of the value "
        "above it: the editor marks that value (line 6), the CLI the line to indent",
    "tests/golden/errors/bracket-not-closed.yml":
        "a `[` left open at the end of its line: the editor says it must end with a `]` on the "
        "next line (3), where the next key starts; the CLI names the `[` to close (line 2)",
    "tests/golden/errors/unclosed-quote-later.yml":
        "the quote holds the rest of the file, so that the editor first says that a key below "
        "it is missing, at the top of the mapping (line 1); it says the quote is not closed at "
        "the end of the file, where its YAML reader notices it",
}
"""Syntax errors where the editor's first diagnostic is on another line than the CLI's message,
with the reason."""


def is_syntax_error(path: Path) -> bool:
    """Whether YAML itself cannot read the file (libyaml's parser stops), whatever its content."""
    raw = path.read_bytes()
    try:
        for _event in yaml.parse(raw.decode("utf-8-sig"), Loader=yaml.CSafeLoader):
            pass
    except (yaml.YAMLError, UnicodeDecodeError):
        return True
    return False


def cli_first_problem(path: Path) -> Problem:
    """The first message `playbooks validate` gives for a file that YAML cannot read."""
    try:
        load_file(path)
    except ContentError as error:
        return error.problems[0]
    raise AssertionError(f"the CLI reads {name(path)}")


def first_diagnostic(diagnostics: list[dict[str, Any]]) -> dict[str, Any]:
    """The diagnostic an editor lists first: the most severe, then the first in the file (as VS
    Code's Problems panel orders them, and as an author reads the underlines, top down)."""
    return min(diagnostics, key=lambda found: (
        found.get("severity", 1), found["range"]["start"]["line"],
        found["range"]["start"]["character"]))


@pytest.mark.parametrize("editor", ["settings"], indirect=True)
def test_the_editors_first_diagnostic_is_on_the_clis_line_for_every_syntax_error(
        editor: tuple[LanguageServer, Path, str]) -> None:
    """For each file of the golden corpus that YAML cannot read, the editor's first diagnostic
    is on the line of the CLI's message: the line the author must edit."""
    server, site, _first_line = editor
    cases = [path for path in SYNTAX_ERRORS if is_syntax_error(path)
             and name(path) not in EDITOR_ONLY]
    assert len(cases) > 20
    uris = {server.open(site / "playbooks" / f"syntax-{number}.yml",
                        path.read_bytes().decode("utf-8-sig")): path
            for number, path in enumerate(cases)}
    published = server.diagnostics(list(uris))
    wrong, elsewhere = [], set()
    for uri, path in uris.items():
        cli = cli_first_problem(path)
        shown = first_diagnostic(published[uri]) if published[uri] else None
        line = shown["range"]["start"]["line"] + 1 if shown else None
        if line == cli.line:
            continue
        if name(path) in EDITOR_ELSEWHERE:
            elsewhere.add(name(path))
            continue
        wrong.append(f"{name(path)}: CLI line {cli.line} ({cli.message}), editor line {line} "
                     f"({shown['message'] if shown else 'nothing'})")
    assert wrong == []
    assert elsewhere == set(EDITOR_ELSEWHERE), "remove the cases that agree from EDITOR_ELSEWHERE"


@pytest.mark.parametrize("editor", ["settings"], indirect=True)
def test_a_misspelt_kind_is_one_diagnostic(editor: tuple[LanguageServer, Path, str]) -> None:
    """`kind: assesment` on the demo's assessment: the editor says the kind is wrong, once, at
    its line, as the CLI does; not that every key of an assessment is unknown to a playbook."""
    server, site, _first_line = editor
    text = (REPO / "playbooks" / "maturite-social-media.yml").read_text(encoding="utf-8")
    assert text.startswith("kind: assessment\n")
    text = text.replace("kind: assessment\n", "kind: assesment\n", 1)
    uri = server.open(site / "playbooks" / "misspelt-kind.yml", text)
    diagnostics = server.diagnostics([uri])[uri]
    line = text[:text.index("kind: assesment")].count("\n")
    assert [(d["range"]["start"]["line"], d["message"]) for d in diagnostics] == [
        (line, "unknown kind: write `kind: playbook` or `kind: assessment`")]
    (site / "misspelt-kind.yml").write_text(text, encoding="utf-8")
    assert len(cli_shape_errors(site / "misspelt-kind.yml")) == 1


class DisagreementError(AssertionError):
    """The editor and the CLI give different verdicts on a file."""


# libyaml reads a raw U+0085, U+2028 or U+2029 as a line break (YAML 1.1), editors as a character
# (YAML 1.2): both refuse them, the CLI anywhere in the file, the schema in every text.
@pytest.mark.parametrize("editor", ["settings"], indirect=True)
@pytest.mark.parametrize("line", [
    "summary: Avant\u2028après",
    "summary: |\n  Avant\u2029après",
    "owner: \u2028",
    "owner: 'a\x85b'",
], ids=["markdown", "block", "blank", "control"])
def test_raw_line_separators(editor: tuple[LanguageServer, Path, str], line: str,
                             request: pytest.FixtureRequest) -> None:
    server, site, _first_line = editor
    text = f"{line}\n{PLAY}"
    uri = server.open(site / "playbooks" / f"{request.node.callspec.id}.yml", text)
    messages = [diagnostic["message"] for diagnostic in server.diagnostics([uri])[uri]]
    if bool(messages) != cli_refuses_text(text):
        raise DisagreementError(f"editor: {messages}, CLI refuses: {cli_refuses_text(text)}")
