"""`mkdocs serve`: invalid content is reported, the server stays up and recovers on a fix."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from .conftest import ENV, playbook, wait_for, write_site
from .test_languages import THREE_LANGUAGES, i18n_site
from .test_translations import ORIGINAL, TRANSLATION


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
    except (urllib.error.URLError, ConnectionError, TimeoutError):  # not up, or rebuilding
        return 0, ""


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
    # Broken since the server started: no page to show, and it says so, not "shown below".
    assert "<h1>playbooks/beta.yml a des erreurs</h1>" in broken
    assert "n'a pas été construit depuis le lancement du serveur" in broken
    assert "telle qu'elle a été construite" not in broken

    # A page that built, then broken: its errors on top of it as it last built
    (site / "playbooks" / "alpha.yml").write_text(
        playbook("Alpha", "alpha").replace("title: Alpha", "title: Alpha <i>\n  x: [") ,
        encoding="utf-8")
    assert wait_for(lambda: "Cette page a des erreurs" in fetch(f"{base}/playbooks/alpha/")[1])
    page = fetch(f"{base}/playbooks/alpha/")[1]
    assert "Lister les relations de Alpha" in page  # the last version that built
    assert "telle qu'elle a été construite la dernière fois est affichée dessous" in page
    assert "<i>" not in page.split("Cette page a des erreurs")[1].split("</div>")[0]

    (site / "playbooks" / "beta.yml").write_text(playbook("Beta", "beta"), encoding="utf-8")
    assert wait_for(lambda: "Lister les relations de Beta" in fetch(f"{base}/playbooks/beta/")[1]
                    ), (site / "serve.log").read_text()
    assert "Cette page a des erreurs" not in fetch(f"{base}/playbooks/beta/")[1]
    assert process.poll() is None


def serve(site: Path) -> tuple[str, subprocess.Popen[str], IO[str]]:
    port = free_port()
    log = (site / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site, env=ENV, stdout=log, stderr=subprocess.STDOUT, text=True,
    )
    return f"http://127.0.0.1:{port}", process, log


@pytest.fixture
def stop() -> Iterator[list[tuple[subprocess.Popen[str], IO[str]]]]:
    started: list[tuple[subprocess.Popen[str], IO[str]]] = []
    yield started
    for process, log in started:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_serve_shows_each_language_its_own_last_good_version(
        tmp_path: Path, stop: list[tuple[subprocess.Popen[str], IO[str]]]) -> None:
    site = i18n_site(tmp_path, THREE_LANGUAGES.replace(
        "        - {locale: de, name: Deutsch, theme: {language: de}}\n", ""),
        files={"ecoute.yml": ORIGINAL, "listening.yml": TRANSLATION})
    base, process, log = serve(site)
    stop.append((process, log))
    french, english = f"{base}/docs/playbooks/ecoute/", f"{base}/docs/en/playbooks/ecoute/"
    assert wait_for(lambda: "Lister les relations" in fetch(french)[1]), (
        site / "serve.log").read_text()
    assert wait_for(lambda: "List the relations" in fetch(english)[1])
    (site / "playbooks" / "ecoute.yml").write_text(ORIGINAL + "  x: [\n", encoding="utf-8")
    assert wait_for(lambda: "Cette page a des erreurs" in fetch(french)[1]), (
        site / "serve.log").read_text()
    page = fetch(french)[1]
    assert "Lister les relations" in page  # the French page as it last built
    assert "List the relations" not in page
    assert wait_for(lambda: "This page has errors" in fetch(english)[1])
    assert "List the relations" in fetch(english)[1]  # and the English page, in English


def test_serve_follows_translations_added_and_deleted(
        tmp_path: Path, stop: list[tuple[subprocess.Popen[str], IO[str]]]) -> None:
    site = write_site(tmp_path, {"ecoute.yml": ORIGINAL})
    base, process, log = serve(site)
    stop.append((process, log))
    original = f"{base}/playbooks/ecoute/"
    assert wait_for(lambda: "Lister les relations" in fetch(original)[1]), (
        site / "serve.log").read_text()
    assert "data-pb-languages" not in fetch(original)[1]
    (site / "playbooks" / "listening.yml").write_text(TRANSLATION, encoding="utf-8")
    link = '<a href="../listening/" hreflang="en" lang="en">English</a>'
    assert wait_for(lambda: link in fetch(original)[1]), (site / "serve.log").read_text()
    assert fetch(f"{base}/playbooks/listening/")[0] == 200
    (site / "playbooks" / "listening.yml").unlink()
    assert wait_for(lambda: "data-pb-languages" not in fetch(original)[1]), (
        site / "serve.log").read_text()
    assert "Lister les relations" in fetch(original)[1]
