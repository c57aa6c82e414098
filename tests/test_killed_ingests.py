"""An ingest killed with SIGKILL at ten points (fault points set by the environment: inside
catalog transactions, inside index commits, after them, in the store's writes, at an
extraction's start), after each of which the ingest run again finishes with every file kept once
and `mediarch check` passes. Apart from tests/test_faults.py so that the two, the longest files
of the suite, can run on different workers."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections import Counter

import pytest

from archive.check import check
from archive.depository import Depository
from tests.conftest import SAMPLE_CORPUS, run_mediarch

SAMPLE_FILES = 51  # in the manifest and unlisted; the e-mail's attachment makes the 52nd record
INGEST = [
    "ingest", str(SAMPLE_CORPUS / "files"), "--manifest", str(SAMPLE_CORPUS / "manifest.csv"),
    "--processes", str(SAMPLE_CORPUS / "processes.json"), "--sessions",
    str(SAMPLE_CORPUS / "sessions.json"), "--agents", str(SAMPLE_CORPUS / "agents.json"),
]  # fmt: skip


def crash_points(seed: int = 20261129, count: int = 10) -> list[str]:
    """Ten fault points drawn from a fixed seed (the same ten on every run): two inside a
    catalog transaction and two inside an index commit among them."""
    rng = random.Random(seed)
    points = [
        f"catalog.before_commit@{rng.randint(8, 30)}",
        f"catalog.before_commit@{rng.randint(31, 55)}",
        f"index.before_commit@{rng.randint(1, 3)}",
        f"index.before_commit@{rng.randint(4, 6)}",
        f"index.after_commit@{rng.randint(1, 4)}",
        f"store.before_rename@{rng.randint(1, 20)}",
        f"store.before_rename@{rng.randint(21, 45)}",
        f"extract.start@{rng.randint(1, 20)}",
    ]
    while len(points) < count:
        kind = rng.choice(["catalog.before_commit", "index.before_commit", "store.before_rename"])
        points.append(f"{kind}@{rng.randint(2, 5 if kind == 'index.before_commit' else 40)}")
    return points


@pytest.mark.parametrize("point", crash_points())
@pytest.mark.slow
def test_an_ingest_killed_anywhere_finishes_whole_when_run_again(tmp_path, point):
    root = tmp_path / "dep"
    Depository.create(root).close()
    killed = subprocess.run(
        [sys.executable, "-m", "archive.cli", "--root", str(root), *INGEST],
        capture_output=True,
        text=True,
        env={**os.environ, "MEDIARCH_FAULT": point},
        timeout=600,
    )
    # a worker's point (extract.start) kills that worker only: the batch reports the file
    assert killed.returncode in (-signal.SIGKILL, 1), (
        point,
        killed.returncode,
        killed.stderr[-500:],
    )
    again = run_mediarch("--root", str(root), *INGEST)
    assert again.returncode == 0, (point, again.stdout[-1500:])
    with Depository.open(root) as dep:
        assert check(dep) == [], point
        sources = Counter(f.source_path for f in dep.catalog.files())
        assert len(sources) == SAMPLE_FILES + 1 and max(sources.values()) == 1, point
        assert dep.catalog.count("records") == SAMPLE_FILES + 1
    assert run_mediarch("--root", str(root), "check").returncode == 0
