"""The browser script's own tests (tests/js, Node's built-in runner): its pure parts, and their
parity with the Python reference, run with this Python."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from .conftest import REPO


def test_node_tests_of_the_script_pass() -> None:
    node = shutil.which("node")
    assert node, "no `node` on PATH: the script's tests need Node 20 or later"
    run = subprocess.run([node, "--test", "--test-reporter=spec", "tests/js/"], cwd=REPO,
                         env={**os.environ, "PYTHON": sys.executable}, capture_output=True,
                         text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout[-20_000:] + run.stderr[-5_000:]
