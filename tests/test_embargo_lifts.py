"""Embargoes lift by themselves: with the indexer running and no one running a command, a
record becomes visible and searchable to its audience soon after its moment passes (a real
process, the wall clock), and the release is logged with the time it was applied."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time

import pytest

from archive.catalog import RecordText
from archive.depository import Depository
from archive.index.search import RecordSearch
from tests.conftest import a_record

WORD = "Qutrubiyya"  # only in the embargoed record's text


def _found(root, audience: str) -> bool:
    with Depository.open(root) as dep:  # reads only: searching applies nothing
        return RecordSearch(dep.indexes, dep.catalog).search(WORD, audience=audience).total > 0


def _watch(root, moment: dt.datetime) -> dt.datetime:
    """Invisible to the public until just before the moment; the time it became visible."""
    while dt.datetime.now(dt.UTC) < moment - dt.timedelta(seconds=1):
        assert not _found(root, "public"), "visible before its moment"
        time.sleep(0.5)
    deadline = moment + dt.timedelta(seconds=60)
    while not _found(root, "public"):
        assert dt.datetime.now(dt.UTC) < deadline, "not searchable 60 s after its moment"
        time.sleep(0.5)
    return dt.datetime.now(dt.UTC)


@pytest.mark.slow
def test_an_embargo_passing_makes_the_record_searchable_within_60_s(tmp_path):
    root = tmp_path / "dep"
    moment = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(seconds=6)
    with Depository.create(root) as dep:
        dep.catalog.add_record(
            a_record(
                identifier="nd-lift",
                embargo_until=moment.isoformat().replace("+00:00", "Z"),
                description_visibility="hidden",
            ),
            text=RecordText(pages=[f"The delegation from {WORD} agreed."], details={}),
            actor="test",
        )
        dep.indexes.drain(dep.catalog)
        assert [rid for rid, _ in dep.catalog.pending_transitions()] == ["nd-lift"]
    assert not _found(root, "public") and _found(root, "staff")
    log = tmp_path / "indexer.log"
    with log.open("w") as err:
        indexer = subprocess.Popen(
            [sys.executable, "-m", "archive.cli", "--root", str(root), "indexer", "--every", "1"],
            env=os.environ.copy(),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        try:
            seen_at = _watch(root, moment)
            assert indexer.poll() is None, log.read_text()
        finally:
            indexer.terminate()
            indexer.wait(timeout=30)
    with Depository.open(root) as dep:
        [released] = [e for e in dep.catalog.events("record", "nd-lift") if e.kind == "released"]
        applied = dt.datetime.fromisoformat(released.detail["applied_at"].replace("Z", "+00:00"))
        assert moment <= applied <= seen_at
        assert dep.catalog.pending_transitions() == []
