"""A test that needs a missing system tool skips on a developer's machine but fails in CI,
so a green CI run cannot hide a missing install step."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

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


@pytest.mark.slow
def test_an_installed_copy_serves_its_pages(tmp_path):
    """A non-editable install (what an institution deploys) carries the templates, styles and
    fonts: its site answers its pages, in both languages."""
    source, target = tmp_path / "source", tmp_path / "installed"
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "--cached", "--others", "--exclude-standard"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\n")  # fmt: skip
    for name in filter(None, listed):  # what a clean clone holds, no build left behind
        if (REPO / name).is_file() and not name.startswith(("sample_corpus/", "bench/")):
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    root = tmp_path / "dep"
    steps = [["init", str(root)]]
    steps += [["--root", str(root), "serve", "--get", path] for path in
              ("/", "/?lang=ar", "/search?q=water", "/static/site.css", "/signin")]  # fmt: skip
    for step in steps:
        done = subprocess.run(
            [sys.executable, "-c", "import sys; from archive.cli import main; sys.exit(main())",
             *step],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, (step, done.stdout[-500:], done.stderr[-2000:])
    check = subprocess.run(
        [sys.executable, "-c", "import webui, sys; print(webui.__file__)"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert check.stdout.startswith(str(target))  # the installed copy answered, not the checkout
