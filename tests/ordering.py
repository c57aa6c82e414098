"""The longest test files first. Each file runs on one worker (`--dist loadfile`), so a long
file handed out last keeps one worker busy while the others have nothing left to do; handed
out first, the short files fill in around it (longest processing time first). xdist would
otherwise order the files by how many tests they hold (`--no-loadscope-reorder` in
pyproject.toml turns that off), which puts the servers, the leak suite and the killed
ingests, few tests each, at the end.

The list is the files' total time in a run of the whole suite, longest first (from
`--durations=0`, summed by file); a file not listed keeps its place after them."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
LONGEST = (
    "test_noninterference.py",
    "test_killed_ingests.py",
    "test_faults.py",
    "test_leaks.py",
    "test_ingest.py",
    "outside/test_outside_probes.py",
    "test_audiences.py",
    "test_matches.py",
    "test_browser.py",
    "test_publishing.py",
    "test_web.py",
    "test_index_consistency.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(LONGEST)}

    def place(item: pytest.Item) -> int:
        try:
            return rank.get(item.path.relative_to(TESTS).as_posix(), len(rank))
        except ValueError:  # not under tests/
            return len(rank)

    items.sort(key=place)  # stable: within a file, and among the rest, the order is kept
