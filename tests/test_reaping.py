"""The run's own check that tests reap what they start (tests/reaping.py), tried on a small
run of its own: a test that leaves a child running fails it; one that reaps it does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def _run(folder: Path, body: str, *options: str) -> subprocess.CompletedProcess:
    (folder / "test_child.py").write_text("import subprocess\n\n\ndef test_child():\n" + body)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.reaping", "-p", "no:cacheprovider",
         *options, str(folder / "test_child.py")],
        cwd=folder, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip


def _sleeping(seconds: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "cmdline").read_bytes() == (
                b"sleep\0" + seconds.encode() + b"\0"
            ):
                found.append(entry.name)
        except OSError:
            continue
    return found


@pytest.mark.slow
@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["one process", "two workers"])
def test_a_child_a_test_leaves_running_fails_the_run_and_is_killed(tmp_path, workers):
    done = _run(tmp_path, "    subprocess.Popen(['sleep', '987'])\n", *workers)
    assert done.returncode == 1, done.stdout
    assert "1 passed" in done.stdout  # the test itself passed: the run failed for the child
    assert "left running" in done.stdout and "sleep 987" in done.stdout
    assert not _sleeping("987")


def test_a_child_reaped_leaves_the_run_green(tmp_path):
    done = _run(
        tmp_path,
        "    child = subprocess.Popen(['sleep', '986'])\n    child.kill()\n    child.wait()\n",
    )
    assert done.returncode == 0, done.stdout
