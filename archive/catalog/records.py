"""Records, their original files, extracted texts and named agents: the only SQL that reads
or writes them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from archive.catalog.rows import (
    ACCESS_FIELDS,
    FileRow,
    RecordText,
    dump,
    timestamp,
    valid,
)
from archive.errors import Conflict, NotFound, Problem, ValidationFailed


class RecordTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection

    def add_record(
        self,
        record: dict[str, Any],
        *,
        actor: str,
        event: str = "created",
        at: dt.datetime | None = None,
        text: RecordText | None = None,
    ) -> dict[str, Any]:
        """Write a new record, its original files (`record['files']`, already in the store) and
        its extracted text, and queue its indexing, all in one transaction."""
        record = valid("record", record)
        ident = record["identifier"]
        with self.transaction():
            if self.conn.execute("SELECT 1 FROM records WHERE id = ?", (ident,)).fetchone():
                raise Conflict("record", ident, "a record with this identifier already exists")
            self._check_links(record)
            now = timestamp(at)
            self.conn.execute(
                "INSERT INTO records (id, collection_id, process_id, session_id, document_type, date,"
                " status, access, embargo_until, description_visibility, data, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_record_columns(record), now, now),
            )
            self._write_record_agents(record)
            for f in record.get("files", []):
                self._insert_file(ident, f, now)
            if text is not None:
                self._write_text(ident, text, now)
            self._enqueue(ident, now)
            self.log(
                event,
                "record",
                ident,
                actor=actor,
                at=at,
                detail={"files": [f["sha256"] for f in record.get("files", [])]},
            )
        return self.record(ident)

    def update_record(
        self, identifier: str, changes: dict[str, Any], *, actor: str, at: dt.datetime | None = None
    ) -> dict[str, Any]:
        """Change fields of a record (a value of None removes the field); each change is
        logged with its old and new value."""
        with self.transaction():
            old = self.record(identifier)
            new = {k: v for k, v in {**old, **changes}.items() if v is not None}
            _confirm_edited(new, old)
            new = valid("record", new)
            if new["identifier"] != identifier:
                raise Conflict("record", identifier, "the identifier of a record cannot change")
            self._check_links(new)
            diff = {
                k: {"old": old.get(k), "new": new.get(k)}
                for k in sorted(set(old) | set(new))
                if k != "files" and old.get(k) != new.get(k)
            }
            if not diff:
                return old
            cols = _record_columns(new)
            self.conn.execute(
                "UPDATE records SET collection_id = ?, process_id = ?, session_id = ?, document_type = ?,"
                " date = ?, status = ?, access = ?, embargo_until = ?, description_visibility = ?,"
                " data = ?, updated_at = ? WHERE id = ?",
                (*cols[1:], timestamp(at), identifier),
            )
            self._write_record_agents(new)
            self._enqueue(identifier, timestamp(at))
            access = {k: v for k, v in diff.items() if k in ACCESS_FIELDS}
            if access:
                self.forget_transitions([identifier])
            other = {k: v for k, v in diff.items() if k not in ACCESS_FIELDS}
            if other:
                self.log("metadata_changed", "record", identifier, actor=actor, at=at, detail=other)
            if access:
                self.log("access_changed", "record", identifier, actor=actor, at=at, detail=access)
            if "status" in diff and new["status"] == "withdrawn":
                self.log("withdrawn", "record", identifier, actor=actor, at=at, detail={})
        return self.record(identifier)

    def confirm(self, identifier: str, fields: list[str] | None = None, *, actor: str) -> list[str]:
        """Staff confirm values guessed at ingest (all of them unless `fields` names some):
        from now on they are shown to whoever may see the field. Returns the fields confirmed;
        the event keeps their values."""
        with self.transaction():
            record = self.record(identifier)
            unconfirmed = dict(record.get("unconfirmed") or {})
            chosen = [
                f for f in (list(unconfirmed) if fields is None else fields) if f in unconfirmed
            ]
            if not chosen:
                return []
            for name in chosen:
                del unconfirmed[name]
            self.conn.execute(
                "UPDATE records SET data = ?, updated_at = ? WHERE id = ?",
                (dump(_without_files({**record, "unconfirmed": unconfirmed})), timestamp(),
                 identifier),
            )  # fmt: skip
            self._enqueue(identifier, timestamp())
            self.log(
                "confirmed",
                "record",
                identifier,
                actor=actor,
                detail={name: record.get(name) for name in chosen},
            )
        return chosen

    def record(self, identifier: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT data FROM records WHERE id = ?", (identifier,)).fetchone()
        if row is None:
            raise NotFound("record", identifier)
        record = json.loads(row[0])
        files = self.files(identifier)
        if files:
            record["files"] = [_file_description(f) for f in files]
        return record

    def record_ids(self, access: str | None = None) -> list[str]:
        """Every record's identifier, in order; with `access`, those of that access level."""
        if access is None:
            return [r[0] for r in self.conn.execute("SELECT id FROM records ORDER BY id")]
        rows = self.conn.execute("SELECT id FROM records WHERE access = ? ORDER BY id", (access,))
        return [r[0] for r in rows]

    def count(self, table: str) -> int:
        if table not in {
            "records",
            "files",
            "agents",
            "processes",
            "sessions",
            "events",
            "collections",
        }:
            raise KeyError(table)
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def files(self, record_id: str | None = None) -> list[FileRow]:
        sql = (
            "SELECT record_id, sha256, size, media_type, original_name, source_path, properties"
            " FROM files"
        )
        rows = (
            self.conn.execute(sql + " WHERE record_id = ? ORDER BY id", (record_id,))
            if record_id
            else self.conn.execute(sql + " ORDER BY id")
        )
        return [FileRow(*r) for r in rows]

    def records_with_file(self, sha256: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT record_id FROM files WHERE sha256 = ? ORDER BY record_id", (sha256,)
        )
        return [r[0] for r in rows]

    def text(self, record_id: str) -> RecordText | None:
        row = self.conn.execute(
            "SELECT pages, details FROM texts WHERE record_id = ?", (record_id,)
        ).fetchone()
        return RecordText(json.loads(row[0]), json.loads(row[1])) if row else None

    def _write_text(self, record_id: str, text: RecordText, now: str) -> None:
        self.conn.execute(
            "INSERT INTO texts (record_id, pages, details, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(record_id) DO UPDATE SET pages = excluded.pages, details = excluded.details",
            (record_id, dump(text.pages), dump(text.details), now),
        )

    def _check_links(self, record: dict[str, Any]) -> None:
        problems = []
        for field, table, kind in (
            ("process", "processes", "process"),
            ("session", "sessions", "session"),
            ("part_of", "records", "record"),
        ):
            value = record.get(field)
            if (
                value
                and not self.conn.execute(
                    f"SELECT 1 FROM {table} WHERE id = ?", (value,)
                ).fetchone()
            ):
                problems.append(Problem(field, f"no {kind} {value!r} in the catalog"))
        for i, agent in enumerate(record.get("agents", [])):
            ref = agent.get("agent")
            if (
                ref
                and not self.conn.execute("SELECT 1 FROM agents WHERE id = ?", (ref,)).fetchone()
            ):
                problems.append(Problem(f"agents[{i}].agent", f"no agent {ref!r} in the catalog"))
        if problems:
            raise ValidationFailed("record", record["identifier"], problems)
        if record.get("collection"):
            self.put_collection(record["collection"])

    def _write_record_agents(self, record: dict[str, Any]) -> None:
        self.conn.execute("DELETE FROM record_agents WHERE record_id = ?", (record["identifier"],))
        for i, agent in enumerate(record.get("agents", [])):
            self.conn.execute(
                "INSERT INTO record_agents (record_id, position, agent_id, name, role) VALUES (?, ?, ?, ?, ?)",
                (record["identifier"], i, agent.get("agent"), agent["name"], agent["role"]),
            )

    def _insert_file(self, record_id: str, f: dict[str, Any], now: str) -> None:
        self.conn.execute(
            "INSERT INTO files (record_id, sha256, size, media_type, original_name, source_path,"
            " properties, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record_id,
                f["sha256"],
                f["size"],
                f["media_type"],
                f["original_name"],
                f.get("path"),
                dump(f["properties"]) if f.get("properties") else None,
                now,
            ),
        )

    def record_ids_from(self, after: str, limit: int) -> list[str]:
        """The next `limit` record identifiers after `after`, in order (a rebuild's batch)."""
        rows = self.conn.execute(
            "SELECT id FROM records WHERE id > ? ORDER BY id LIMIT ?", (after, limit)
        )
        return [r[0] for r in rows]

    def records_of_process(self, process: str) -> list[str]:
        """The records of a process, by date and identifier (the catalog's, not a view's)."""
        rows = self.conn.execute(
            "SELECT id FROM records WHERE process_id = ? ORDER BY date, id", (process,)
        )
        return [r[0] for r in rows]

    def records_in(self, selector: str) -> list[str]:
        """The records of a collection or a process named `selector`, by identifier."""
        rows = self.conn.execute(
            "SELECT id FROM records WHERE collection_id = ? OR process_id = ? ORDER BY id",
            (selector, selector),
        )
        return [r[0] for r in rows]

    def file_references(self) -> list[tuple[str, str]]:
        """(record, sha256) of every original file the catalog names, by record."""
        rows = self.conn.execute("SELECT record_id, sha256 FROM files ORDER BY record_id")
        return [(r[0], r[1]) for r in rows]


def _without_files(record: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in record.items() if k != "files"}
    if not out.get("unconfirmed"):
        out.pop("unconfirmed", None)
    return out


def _confirm_edited(new: dict[str, Any], old: dict[str, Any]) -> None:
    """A guessed value staff change is theirs: it is no longer unconfirmed."""
    unconfirmed = {
        k: v for k, v in (new.get("unconfirmed") or {}).items() if new.get(k) == old.get(k)
    }
    if unconfirmed:
        new["unconfirmed"] = unconfirmed
    else:
        new.pop("unconfirmed", None)


def _record_columns(record: dict[str, Any]) -> tuple:
    description = {k: v for k, v in record.items() if k != "files"}
    return (
        record["identifier"],
        record.get("collection"),
        record.get("process"),
        record.get("session"),
        record["document_type"],
        record.get("date"),
        record["status"],
        record["access"],
        record.get("embargo_until"),
        record["description_visibility"],
        dump(description),
    )


def _file_description(f: FileRow) -> dict[str, Any]:
    out = {
        "sha256": f.sha256,
        "size": f.size,
        "media_type": f.media_type,
        "original_name": f.original_name,
    }
    if f.source_path:
        out["path"] = f.source_path
    if f.properties:
        out["properties"] = json.loads(f.properties)
    return out
