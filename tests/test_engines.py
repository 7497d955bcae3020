"""Other engines than MkDocs 1.6: ProperDocs (its continuation) builds the demo with the plugin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ENV, REPO


def properdocs_build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d",
         str(site)], cwd=REPO, env=ENV, capture_output=True, text=True, timeout=300,
        check=False)


def test_properdocs_builds_the_demo_with_the_plugin(tmp_path: Path) -> None:
    result = properdocs_build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "playbooks" / "ecoute-sociale" / "index.html").read_text()
    assert 'type="checkbox" class="pb-check"' in page
    assert (tmp_path / "site" / "assets" / "playbooks" / "playbooks.js").is_file()
    assessment = (tmp_path / "site" / "assessments" / "maturite-social-media" / "index.html")
    assert "data-pb-spec=" in assessment.read_text()
