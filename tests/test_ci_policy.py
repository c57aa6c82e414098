"""A test that needs a missing system tool skips on a developer's machine but fails in CI,
so a green CI run cannot hide a missing install step."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

PROBE = """
from tests.conftest import require_tool

def test_uses_a_tool_nobody_has():
    require_tool("no-such-tool-mediarch")
"""


def _run_probe(tmp_path, ci: str):
    probe = tmp_path / "test_probe.py"
    probe.write_text(PROBE)
    env = {**os.environ, "CI": ci, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(probe),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def test_a_missing_tool_skips_outside_ci(tmp_path):
    result = _run_probe(tmp_path, "")
    assert result.returncode == 0 and "1 skipped" in result.stdout, result.stdout


def test_a_missing_tool_fails_under_ci_true(tmp_path):
    result = _run_probe(tmp_path, "true")
    assert result.returncode == 1 and "1 failed" in result.stdout, result.stdout
    assert "CI must install it" in result.stdout
