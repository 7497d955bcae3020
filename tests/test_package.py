"""The package as users get it: a wheel, with its license and every asset, that installs in a
fresh virtual environment and builds the demo there."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from mkdocs_playbooks import __version__

from .conftest import ENV, REPO

pytestmark = pytest.mark.package


def run(*command: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=600, check=False)


def test_the_wheel_installs_in_a_fresh_environment_and_builds_the_demo(tmp_path: Path) -> None:
    built = run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "dist", REPO)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    assert wheel.name == f"mkdocs_playbooks-{__version__}-py3-none-any.whl"
    names = zipfile.ZipFile(wheel).namelist()
    assert f"mkdocs_playbooks-{__version__}.dist-info/licenses/LICENSE" in names
    shipped = {Path(name).name for name in names}
    parts = {path.name for path in (REPO / "plugins/mkdocs_playbooks/assets/js").glob("*.js")}
    assert parts <= shipped
    assert {"playbooks.css", "schema.json", "py.typed"} <= shipped

    venv.create(tmp_path / "env", with_pip=True)
    python = tmp_path / "env" / "bin" / "python"
    # the demo is in two languages: mkdocs-static-i18n, the package's `i18n` extra
    installed = run(python, "-m", "pip", "install", "--quiet", f"{wheel}[i18n]")
    assert installed.returncode == 0, installed.stderr[-3000:]
    site = run(python, "-m", "mkdocs", "build", "--strict", "-d", tmp_path / "site")
    assert site.returncode == 0, site.stderr[-3000:]
    assert (tmp_path / "site" / "playbooks" / "ecoute-sociale" / "index.html").is_file()
    version = run(tmp_path / "env" / "bin" / "playbooks", "--version")
    assert version.stdout.strip() == f"playbooks {__version__}"
