"""The catalog: migrations from an empty file, idempotent; SQLite set up for safe concurrent
writes; every change logged with old and new values; links and identifiers checked."""

from __future__ import annotations

import sqlite3

import pytest

from archive.catalog import Catalog
from archive.catalog.db import connect, migrate, migrations
from archive.errors import Conflict, NotFound, ValidationFailed
from tests.conftest import a_record


def _schema_of(path):
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=str)
    finally:
        conn.close()


def test_migrations_run_from_an_empty_file_and_are_idempotent(tmp_path):
    path = tmp_path / "catalog.sqlite"
    path.touch()
    conn = connect(path)
    assert migrate(conn) == [m.version for m in migrations()]
    first = _schema_of(path)
    assert migrate(conn) == []
    conn.close()
    Catalog(path).close()  # opening migrates again, harmlessly
    assert _schema_of(path) == first
    conn = sqlite3.connect(path)
    versions = [
        r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")
    ]
    assert versions == [m.version for m in migrations()]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {
        "collections",
        "processes",
        "sessions",
        "records",
        "agents",
        "agent_names",
        "record_agents",
        "files",
        "events",
        "texts",
        "index_outbox",
    } <= tables


def test_the_catalog_uses_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    catalog = Catalog(tmp_path / "c.sqlite")
    assert catalog.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert catalog.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert catalog.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    with pytest.raises(sqlite3.IntegrityError), catalog.transaction():
        catalog.conn.execute(
            "INSERT INTO files (record_id, sha256, size, media_type, original_name, added_at)"
            " VALUES ('nobody', ?, 1, 'text/plain', 'x', 'now')",
            ("0" * 64,),
        )


def test_a_record_is_kept_with_its_description_and_logged(depository):
    catalog = depository.catalog
    record = catalog.add_record(
        a_record(document_type="Minutes", languages=["ara"]), actor="archivist"
    )
    assert record["document_type"] == "minutes" and record["languages"] == ["ar"]
    assert catalog.record("test-record-1") == record
    [event] = catalog.events("record", "test-record-1")
    assert (event.kind, event.actor) == ("created", "archivist")


def test_an_identifier_is_used_once(depository):
    depository.catalog.add_record(a_record(), actor="a")
    with pytest.raises(Conflict, match="already exists"):
        depository.catalog.add_record(a_record(title_en="Another"), actor="a")


def test_a_record_cannot_point_to_an_unknown_process_session_or_agent(depository):
    with pytest.raises(ValidationFailed) as caught:
        depository.catalog.add_record(
            a_record(
                process="nowhere",
                session="never",
                agents=[{"name": "X", "role": "mediator", "agent": "nobody"}],
            ),
            actor="a",
        )
    assert {p.path for p in caught.value.problems} == {"process", "session", "agents[0].agent"}
    assert depository.catalog.record_ids() == []


def test_changes_are_logged_with_old_and_new_values(depository):
    catalog = depository.catalog
    catalog.add_record(a_record(), actor="a")
    catalog.update_record(
        "test-record-1",
        {"title_en": "Minutes, round one", "access": "staff", "embargo_until": "2035-01-01"},
        actor="archivist",
    )
    catalog.update_record("test-record-1", {"status": "withdrawn"}, actor="archivist")
    kinds = [(e.kind, e.detail) for e in catalog.events("record", "test-record-1")]
    assert kinds[1] == (
        "metadata_changed",
        {"title_en": {"old": "Minutes of the first round", "new": "Minutes, round one"}},
    )
    assert kinds[2] == (
        "access_changed",
        {
            "access": {"old": "public", "new": "staff"},
            "embargo_until": {"old": None, "new": "2035-01-01"},
        },
    )
    assert kinds[3][0] == "access_changed" and kinds[4][0] == "withdrawn"
    row = catalog.conn.execute("SELECT access, status FROM records").fetchone()
    assert tuple(row) == ("staff", "withdrawn")


def test_an_invalid_change_is_refused_and_nothing_changes(depository):
    catalog = depository.catalog
    catalog.add_record(a_record(), actor="a")
    with pytest.raises(ValidationFailed):
        catalog.update_record("test-record-1", {"date": "yesterday"}, actor="a")
    assert catalog.record("test-record-1")["date"] == "2019-03-14"
    assert [e.kind for e in catalog.events("record")] == ["created"]
    with pytest.raises(NotFound):
        catalog.record("nope")


def test_agents_are_found_by_any_of_their_names(depository):
    catalog = depository.catalog
    catalog.put_agent(
        {
            "id": "haddad-sami",
            "kind": "person",
            "authorised_name": "Haddad, Sami",
            "parallel_names": [
                {"name": "سامي حدّاد", "lang": "ar"},
                {"name": "Sami Haddad", "lang": "en"},
            ],
            "variants": ["Sami al-Haddad"],
        },
        actor="a",
    )
    for name in ("Sami Haddad", "sami  al-haddad", "سامي حداد", "Haddad, Sami"):
        assert catalog.agents_named(name) == ["haddad-sami"], name
    assert catalog.agents_named("Sami") == []


def test_sessions_need_their_process_and_processes_create_their_collection(depository):
    catalog = depository.catalog
    with pytest.raises(ValidationFailed, match="no process 'p1'"):
        catalog.put_session({"id": "s1", "process": "p1"}, actor="a")
    catalog.put_process(
        {"id": "p1", "name_en": "Wadi talks", "track": "2", "collection": "c1"}, actor="a"
    )
    catalog.put_session({"id": "s1", "process": "p1", "date": "2019-03"}, actor="a")
    assert [c["id"] for c in catalog.collections()] == ["c1"]
    assert catalog.sessions("p1")[0]["id"] == "s1"
    catalog.put_process(
        {"id": "p1", "name_en": "Wadi basin talks", "track": "2", "collection": "c1"}, actor="b"
    )
    assert catalog.events("process", "p1")[-1].detail == {
        "name_en": {"old": "Wadi talks", "new": "Wadi basin talks"}
    }


def test_a_record_its_text_and_its_index_work_are_written_together(depository):
    from archive.catalog import RecordText

    catalog = depository.catalog
    text = RecordText(["الصفحة الأولى", "Page two"], {"format": "pdf"})
    catalog.add_record(a_record(), actor="a", text=text)
    assert catalog.text("test-record-1") == text
    catalog.update_record("test-record-1", {"title_en": "Round one"}, actor="a")
    assert [r for _, r in catalog.pending_index_work()] == ["test-record-1", "test-record-1"]
    assert catalog.text("no-such-record") is None
