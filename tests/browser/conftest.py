"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against sites served on
127.0.0.1. A missing browser fails these tests: it never skips them."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Error,
    Page,
    Playwright,
    Request,
    sync_playwright,
)

from ..conftest import ENV, REPO, build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class Server:
    """A static file server on 127.0.0.1 whose folder can be rebuilt between requests."""

    def __init__(self, root: Path, headers: dict[str, str] | None = None) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(_QuietHandler, directory=str(root), extra=headers or {})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that drops a connection mid-response (a page left before its assets arrived)
    is no error of the site: no traceback for it."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """No logs, and no caching: a site rebuilt within the same second must be served anew."""

    def __init__(self, *args: Any, extra: dict[str, str], **kwargs: Any) -> None:
        self.extra = extra
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        for name, value in self.extra.items():
            self.send_header(name, value)
        super().end_headers()


@dataclass
class Watched:
    """What a page did: console errors, uncaught exceptions and every request it made."""

    page: Page
    errors: list[str] = field(default_factory=list)
    stacks: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def our_errors(self) -> list[str]:
        """Uncaught exceptions thrown from the plugin's script."""
        return [stack for stack in self.stacks if "playbooks.js" in stack]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"no browser at {CHROMIUM}: install Debian's chromium (apt-get install "
                    "chromium); browser tests never skip")
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    site = tmp_path_factory.mktemp("demo-browser") / "site"
    server = Server(site)  # first, so the site can be built for its address
    result = build(REPO, "-d", str(site), env={"SITE_URL": server.url + "/"})
    assert result.result.returncode == 0, result.result.stderr
    yield server
    server.close()


@pytest.fixture(scope="session")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Both editions of the demo, `playbooks editions` as a trainer runs it; serves the root."""
    root = tmp_path_factory.mktemp("editions")
    server = Server(root)
    command = [str(Path(sys.executable).parent / "playbooks"), "editions", "-d", str(root)]
    done = subprocess.run(command, cwd=REPO, env={**ENV, "SITE_URL": server.url + "/"},
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    yield server
    server.close()


def watch(page: Page) -> Watched:
    watched = Watched(page)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watched.errors.append(message.text)

    def on_request(request: Request) -> None:
        watched.requests.append(request.url)

    page.on("console", on_console)
    def on_page_error(error: Error) -> None:
        watched.errors.append(str(error))
        watched.stacks.append(error.stack or "")

    page.on("pageerror", on_page_error)
    page.on("request", on_request)
    return watched


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    yield watch(page)
    context.close()


def copy_site(source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
