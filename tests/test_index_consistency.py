"""The index follows the catalog through the outbox: nothing lost or doubled, whatever is
killed where; a reindex resumes and swaps in; an index of another schema version is rebuilt."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from archive.depository import Depository
from archive.index.search import RecordSearch
from tests.conftest import a_record, run_mediarch


def _indexed_ids(dep) -> list[str]:
    with dep.indexes.searcher("staff") as searcher:
        return sorted(fields["id"] for fields in searcher.all_stored_fields())


def _add(dep, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        dep.catalog.add_record(
            a_record(identifier=f"rec-{i:04d}", title_en=f"Minutes of round {i} on grazing"),
            actor="test",
        )


def test_every_record_is_indexed_once_across_many_drains(depository):
    for batch in range(4):  # outbox rows are deleted between drains; their ids must not come back
        _add(depository, 5, start=batch * 5)
        depository.indexes.drain(depository.catalog)
    depository.catalog.update_record(
        "rec-0003", {"title_en": "Minutes of round three on water"}, actor="t"
    )
    depository.indexes.drain(depository.catalog)
    assert _indexed_ids(depository) == depository.catalog.record_ids()
    assert depository.catalog.pending_index_work() == []
    search = RecordSearch(depository.indexes, depository.catalog)
    assert [h.id for h in search.search("water").hits] == ["rec-0003"]
    assert search.search("grazing", limit=50).total == 19


@pytest.mark.parametrize(
    "fault", ["index.before_commit", "index.after_commit", "catalog.before_commit@1"]
)
def test_a_drain_killed_anywhere_loses_nothing_and_doubles_nothing(tmp_path, fault):
    root = tmp_path / "dep"
    with Depository.create(root) as dep:
        _add(dep, 3)
        dep.indexes.drain(dep.catalog)
        _add(dep, 4, start=3)
    script = textwrap.dedent(f"""
        from archive.depository import Depository
        with Depository.open({str(root)!r}) as dep:
            dep.indexes.drain(dep.catalog)
    """)
    child = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        timeout=120,
        env={**os.environ, "MEDIARCH_FAULT": fault},
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    with Depository.open(root) as dep:
        dep.indexes.drain(dep.catalog)
        assert _indexed_ids(dep) == dep.catalog.record_ids()
        with dep.indexes.searcher("staff") as searcher:
            assert searcher.doc_count() == 7  # no document twice
        assert dep.catalog.pending_index_work() == []


@pytest.mark.slow
def test_a_killed_reindex_resumes_and_searches_go_on_meanwhile(tmp_path):
    root = tmp_path / "dep"
    with Depository.create(root) as dep:
        _add(dep, 300)
        dep.indexes.drain(dep.catalog)
        before = dep.indexes.current("staff").folder
    script = textwrap.dedent(f"""
        from archive.depository import Depository
        with Depository.open({str(root)!r}) as dep:
            dep.indexes.rebuild(dep.catalog, "staff", batch=100)
    """)
    killed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        timeout=300,
        env={**os.environ, "MEDIARCH_FAULT": "reindex.after_batch@2"},
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with Depository.open(root) as dep:
        assert dep.indexes.current("staff").folder == before  # still serving the old one
        assert RecordSearch(dep.indexes, dep.catalog).search("grazing").total == 300
        [building] = dep.indexes._building("staff")
        assert building.meta["last_record"] == "rec-0199"  # two batches of 100 done
    resumed = run_mediarch("--root", str(root), "reindex")
    assert resumed.returncode == 0, resumed.stderr
    with Depository.open(root) as dep:
        assert dep.indexes.current("staff").folder == building.folder
        assert not before.exists()
        assert _indexed_ids(dep) == dep.catalog.record_ids()


def test_an_index_of_another_schema_version_is_rebuilt_not_read(depository):
    _add(depository, 3)
    depository.indexes.drain(depository.catalog)
    meta_path = depository.indexes.current("staff").meta_path
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({**meta, "schema_version": 1}))
    assert not depository.indexes.ready("staff")
    depository.indexes.drain(depository.catalog)
    assert depository.indexes.ready("staff")
    assert _indexed_ids(depository) == depository.catalog.record_ids()


def test_a_kept_open_search_sees_each_commit_and_each_rebuild(depository):
    """Searchers stay open between searches; a commit by another writer, an update that
    deletes from an old segment and a rebuild that swaps generations all show at once."""
    search = RecordSearch(depository.indexes, depository.catalog)
    _add(depository, 1)
    depository.indexes.drain(depository.catalog)  # one segment
    assert search.search("grazing").total == 1
    with Depository.open(depository.root) as other:  # another process's writer, in effect
        _add(other, 2, start=1)
        other.indexes.drain(other.catalog)
    assert search.search("grazing").total == 3
    depository.catalog.update_record(
        "rec-0000", {"title_en": "Minutes of round 0 on wells"}, actor="t"
    )
    depository.indexes.drain(depository.catalog)
    assert [h.id for h in search.search("wells").hits] == ["rec-0000"]
    assert search.search("grazing").total == 2
    assert search.search("grazing").facets["year"] == [
        {"value": "2019", "count": 2, "label": {"en": "2019", "ar": "2019"}}
    ]
    depository.indexes.rebuild(depository.catalog)
    assert search.search("grazing").total == 2
    assert search.search("wells").total == 1


def test_an_empty_depository_searches_to_nothing(depository):
    depository.indexes.drain(depository.catalog)
    result = RecordSearch(depository.indexes, depository.catalog).search("grazing type:minutes")
    assert result.total == 0 and result.hits == []
    assert all(values == [] for values in result.facets.values())
