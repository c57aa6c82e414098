"""`mediarch check` names every inconsistency it knows, each made on purpose here: an orphan
index entry, a record missing from one audience's index, a record in an index it must not be
in, a missing original, an unknown object, pending work, a damaged and a deleted index (which
`mediarch reindex` rebuilds without losing a record)."""

from __future__ import annotations

import shutil

import pytest

from archive.check import check
from archive.depository import Depository
from tests.conftest import run_mediarch


@pytest.fixture
def dep(ingested_corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("check") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    with Depository.open(root) as depository:
        depository.indexes.drain(depository.catalog)
        yield depository


def _kinds(dep) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for inconsistency in check(dep):
        found.setdefault(inconsistency.kind, set()).add(inconsistency.subject)
    return found


def _writer(dep, audience: str):
    return dep.indexes.current(audience).open().writer()


def test_a_sound_depository_is_consistent(dep):
    assert check(dep) == []
    answer = run_mediarch("--root", str(dep.root), "check")
    assert answer.returncode == 0 and "consistent" in answer.stdout


def test_a_record_missing_from_one_audience_index_is_named(dep):
    writer = _writer(dep, "public")
    writer.delete_by_term("id", "th-2024-agreement")
    writer.commit()
    assert _kinds(dep) == {"missing from an index": {"th-2024-agreement"}}
    answer = run_mediarch("--root", str(dep.root), "check")
    assert answer.returncode == 1
    assert "missing from an index: th-2024-agreement: not in the public index" in answer.stdout


def test_an_orphan_entry_and_an_unknown_object_are_named(dep):
    ghost = "wq-2019-r1-minutes"
    with dep.catalog.transaction():  # the record goes behind the catalog's back
        for table, column in (("files", "record_id"), ("record_agents", "record_id"),
                              ("texts", "record_id"), ("access_transitions", "record_id"),
                              ("public_ledger", "record_id"), ("records", "id")):  # fmt: skip
            dep.catalog.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (ghost,))
    found = _kinds(dep)
    assert found["orphan index entry"] == {ghost}
    assert len(found["unknown object"]) == 1
    assert set(found) == {"orphan index entry", "unknown object"}


def test_a_record_in_an_index_it_must_not_be_in_is_named(dep):
    with dep.catalog.transaction():  # closed without queueing the indexer
        dep.catalog.conn.execute(
            "UPDATE records SET access = 'staff', description_visibility = 'hidden', data ="
            " json_set(data, '$.access', 'staff', '$.description_visibility', 'hidden')"
            " WHERE id = 'th-2024-agreement'"
        )
    found = _kinds(dep)
    assert found == {"in an index it must not be in": {"th-2024-agreement"}}


def test_a_missing_original_and_pending_work_are_named(dep):
    sha = dep.catalog.files("th-2024-agreement")[0].sha256
    dep.store.path_for(sha).unlink()
    dep.catalog.update_record("wq-2019-r1-minutes", {"rights": "Open for research"}, actor="t")
    found = _kinds(dep)
    assert found["missing original"] == {"th-2024-agreement"}
    assert found["pending index work"] == {"outbox"}
    stray = dep.store.put_bytes(b"an object nobody deposited")
    assert stray.sha256 in _kinds(dep)["unknown object"]


@pytest.mark.parametrize("damage", ["deleted", "damaged"])
# Whoosh, failing half-way through opening a damaged segment, leaves its file to the collector
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.slow
def test_a_damaged_or_deleted_index_is_named_and_reindex_rebuilds_it(dep, damage):
    folder = dep.indexes.current("staff").folder
    dep.indexes.close()
    if damage == "deleted":
        shutil.rmtree(folder)
    else:
        for path in folder.glob("*.seg"):
            data = bytearray(path.read_bytes())
            for at in range(0, len(data), 4096):
                data[at] ^= 0xFF
            path.write_bytes(bytes(data))
    found = _kinds(dep)
    assert set(found) & {"index missing", "index unreadable", "missing from an index"}, found
    answer = run_mediarch("--root", str(dep.root), "check")
    assert answer.returncode == 1
    assert run_mediarch("--root", str(dep.root), "reindex").returncode == 0
    with Depository.open(dep.root) as again:
        assert check(again) == []
        assert again.catalog.count("records") == len(again.catalog.record_ids())
