"""`mkdocs serve`: invalid content is reported, the server stays up and recovers on a fix."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import ENV, playbook, write_site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    site = write_site(tmp_path, {
        "alpha.yml": playbook("Alpha", "alpha"),
        "beta.yml": "titel: Beta\n",
    })
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site, env=ENV, stdout=log, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield site, f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_serve_reports_errors_and_recovers_when_fixed(
    served: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    site, base, process = served
    assert wait_for(lambda: fetch(f"{base}/playbooks/")[0] == 200), (
        site / "serve.log").read_text()
    _, index = fetch(f"{base}/playbooks/")
    assert 'data-pb-playbook="alpha"' in index
    assert 'data-pb-playbook="beta"' not in index  # no card: it has no content yet
    log = (site / "serve.log").read_text()
    assert "playbooks/beta.yml:1:1: error: unknown key 'titel'" in log
    assert "Traceback" not in log
    status, broken = fetch(f"{base}/playbooks/beta/")  # the errors where the author looks
    assert status == 200
    assert "playbooks/beta.yml:1:1</code> error: unknown key 'titel'" in broken

    # A page that built, then broken: its errors on top of it as it last built
    (site / "playbooks" / "alpha.yml").write_text(
        playbook("Alpha", "alpha").replace("title: Alpha", "title: Alpha <i>\n  x: [") ,
        encoding="utf-8")
    assert wait_for(lambda: "Cette page a des erreurs" in fetch(f"{base}/playbooks/alpha/")[1])
    page = fetch(f"{base}/playbooks/alpha/")[1]
    assert "Lister les relations de Alpha" in page  # the last version that built
    assert "<i>" not in page.split("Cette page a des erreurs")[1].split("</div>")[0]

    (site / "playbooks" / "beta.yml").write_text(playbook("Beta", "beta"), encoding="utf-8")
    assert wait_for(lambda: "Lister les relations de Beta" in fetch(f"{base}/playbooks/beta/")[1]
                    ), (site / "serve.log").read_text()
    assert "Cette page a des erreurs" not in fetch(f"{base}/playbooks/beta/")[1]
    assert process.poll() is None
