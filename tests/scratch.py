"""The tests' temporary folders in memory (a tmpfs: /dev/shm on Linux) where one has room,
unless TMPDIR names a place already.

Tests copy depositories, write indexes and kill ingests by the hundred, and the store and the
catalog flush to disk as they must (fsync). On a disk, two workers then wait on each other: one
worker's fsync flushes the other's fresh copies with it, through the file system's one journal.
Measured on the 2-core CI machine: the test that copies the sample depository 39 times took
137 s beside the killed ingests, 15 s alone, 7 s beside them with both in memory. The files,
the renames, the locks and the memory maps are the same on a tmpfs; only the flushes cost
nothing (no test here cuts the power: a killed process leaves the page cache behind on any
file system). Set in the first process (the controller), so the workers, the servers and the
tools the tests start inherit it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

MEMORY = Path("/dev/shm")
ROOM_NEEDED = 6 * 2**30  # a whole run's folders (about 1.3 GB) with three runs kept, and more


def _memory_with_room() -> Path | None:
    try:
        stats = os.statvfs(MEMORY)
    except OSError:
        return None
    if stats.f_bavail * stats.f_frsize < ROOM_NEEDED or not os.access(MEMORY, os.W_OK):
        return None
    return MEMORY


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or os.environ.get("TMPDIR"):
        return  # a worker inherits the controller's; a TMPDIR set by hand is kept
    memory = _memory_with_room()
    if memory is not None:
        os.environ["TMPDIR"] = str(memory)
        tempfile.tempdir = None  # read TMPDIR again
