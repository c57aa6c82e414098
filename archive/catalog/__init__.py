"""The catalog: the depository's source of truth, in SQLite.

Collections, processes, sessions, agents (authority records), records, their original files
and the audit log. Every description is normalized (labels to codes) and validated against
`metadata_schema/` before it is written; every change is logged with its actor and time.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive import schema
from archive.catalog.db import connect, migrate, write
from archive.catalog.jobs import JobTables
from archive.catalog.ledger import LedgerTables
from archive.catalog.people import PeopleTables
from archive.catalog.releases import ReleaseTables
from archive.errors import Conflict, NotFound, Problem, ValidationFailed
from archive.vocabulary import label_key

# Fields whose change is an access change (logged as such, and acted on by access control).
ACCESS_FIELDS = ("status", "access", "embargo_until", "description_visibility", "redactions")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def timestamp(moment: dt.datetime | None = None) -> str:
    return (moment or utc_now()).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class FileRow:
    record_id: str
    sha256: str
    size: int
    media_type: str
    original_name: str
    source_path: str | None
    properties: str | None = None  # JSON: what the file says about itself


@dataclass(frozen=True)
class RecordText:
    """A record's extracted text, page by page, with how it was obtained."""

    pages: list[str]
    details: dict[str, Any]


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    actor: str
    kind: str
    subject_type: str
    subject_id: str | None
    detail: dict[str, Any]


class Catalog(PeopleTables, ReleaseTables, JobTables, LedgerTables):
    def __init__(self, path: Path):
        self.path = Path(path)
        self.conn = connect(self.path)
        migrate(self.conn)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Group several writes; nested calls join the outer transaction."""
        if self.conn.in_transaction:
            yield self.conn
        else:
            with write(self.conn) as conn:
                yield conn

    # -- audit log -------------------------------------------------------------------
    def log(
        self,
        kind: str,
        subject_type: str,
        subject_id: str | None,
        *,
        actor: str,
        detail: dict[str, Any] | None = None,
        at: dt.datetime | None = None,
    ) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO events (at, actor, kind, subject_type, subject_id, detail)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (timestamp(at), actor, kind, subject_type, subject_id, _dump(detail or {})),
            )

    def events(self, subject_type: str | None = None, subject_id: str | None = None) -> list[Event]:
        sql, args = "SELECT * FROM events WHERE 1=1", []
        if subject_type:
            sql += " AND subject_type = ?"
            args.append(subject_type)
        if subject_id:
            sql += " AND subject_id = ?"
            args.append(subject_id)
        rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
        return [_event(r) for r in rows]

    def recent_events(
        self,
        *,
        kind: str | None = None,
        subject_id: str | None = None,
        actor: str | None = None,
        limit: int = 200,
    ) -> list[Event]:
        """The latest events, newest first, of one kind, subject or actor if asked."""
        sql, args = "SELECT * FROM events WHERE 1=1", []
        for column, value in (("kind", kind), ("subject_id", subject_id), ("actor", actor)):
            if value:
                sql += f" AND {column} = ?"
                args.append(value)
        rows = self.conn.execute(sql + " ORDER BY id DESC LIMIT ?", [*args, limit]).fetchall()
        return [_event(r) for r in rows]

    # -- collections -----------------------------------------------------------------
    def put_collection(self, identifier: str, title_en: str = "", title_ar: str = "") -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO collections (id, title_en, title_ar, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET title_en = coalesce(nullif(excluded.title_en, ''), title_en),"
                " title_ar = coalesce(nullif(excluded.title_ar, ''), title_ar)",
                (identifier, title_en, title_ar, timestamp()),
            )

    def collections(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM collections ORDER BY id")]

    # -- authority records: agents, processes, sessions ------------------------------
    def put_agent(self, agent: dict[str, Any], *, actor: str) -> dict[str, Any]:
        agent = _valid("agent", agent)
        with self.transaction():
            changed = self._upsert(
                "agents",
                "agent",
                agent,
                actor,
                kind=agent["kind"],
                authorised_name=agent["authorised_name"],
                needs_review=int(agent.get("needs_review", False)),
            )
            if changed:
                self._dependents_changed("agent", agent["id"])
            self.conn.execute("DELETE FROM agent_names WHERE agent_id = ?", (agent["id"],))
            names = [(agent["authorised_name"], "authorised", None)]
            names += [(p["name"], "parallel", p["lang"]) for p in agent.get("parallel_names", [])]
            names += [(v, "variant", None) for v in agent.get("variants", [])]
            for name, form, lang in names:
                self.conn.execute(
                    "INSERT OR IGNORE INTO agent_names (agent_id, name_key, name, form, lang)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (agent["id"], label_key(name), name, form, lang),
                )
        return agent

    def agents_named(self, name: str) -> list[str]:
        """Identifiers of the agents known by this name (any form, any script)."""
        rows = self.conn.execute(
            "SELECT DISTINCT agent_id FROM agent_names WHERE name_key = ? ORDER BY agent_id",
            (label_key(name),),
        )
        return [r[0] for r in rows]

    def put_process(self, process: dict[str, Any], *, actor: str) -> dict[str, Any]:
        process = _valid("process", process)
        with self.transaction():
            if process.get("collection"):
                self.put_collection(process["collection"])
            changed = self._upsert(
                "processes",
                "process",
                process,
                actor,
                collection_id=process.get("collection"),
                track=process.get("track"),
            )
            if changed:
                self._dependents_changed("process", process["id"])
        return process

    def put_session(self, session: dict[str, Any], *, actor: str) -> dict[str, Any]:
        session = _valid("session", session)
        with self.transaction():
            self._require("processes", "process", session["process"], "process")
            changed = self._upsert(
                "sessions",
                "session",
                session,
                actor,
                process_id=session["process"],
                date=session.get("date"),
            )
            if changed:
                self._dependents_changed("session", session["id"])
        return session

    def agent(self, identifier: str) -> dict[str, Any]:
        return self._data("agents", "agent", identifier)

    def process(self, identifier: str) -> dict[str, Any]:
        return self._data("processes", "process", identifier)

    def session(self, identifier: str) -> dict[str, Any]:
        return self._data("sessions", "session", identifier)

    def described(self, kind: str, identifiers: list[str]) -> dict[str, dict[str, Any]]:
        """Several agents, processes or sessions at once, by identifier (those that exist)."""
        table = {"agent": "agents", "process": "processes", "session": "sessions"}[kind]
        found: dict[str, dict[str, Any]] = {}
        ids = list(dict.fromkeys(identifiers))
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            marks = ", ".join("?" * len(chunk))
            for ident, data in self.conn.execute(
                f"SELECT id, data FROM {table} WHERE id IN ({marks})", chunk
            ):
                found[ident] = json.loads(data)
        return found

    def agents(self) -> list[dict[str, Any]]:
        return self._all("agents")

    def processes(self) -> list[dict[str, Any]]:
        return self._all("processes")

    def sessions(self, process: str | None = None) -> list[dict[str, Any]]:
        if process is None:
            return self._all("sessions")
        rows = self.conn.execute(
            "SELECT data FROM sessions WHERE process_id = ? ORDER BY date, id", (process,)
        )
        return [json.loads(r[0]) for r in rows]

    def reviewed_authorities(self, kind: str) -> set[str]:
        """The agents, processes or sessions staff described (not those ingest created from
        a record, which wait for review)."""
        table = {"agent": "agents", "process": "processes", "session": "sessions"}[kind]
        rows = self.conn.execute(
            f"SELECT id FROM {table} WHERE coalesce(json_extract(data, '$.needs_review'), 0) = 0"
        )
        return {r[0] for r in rows}

    def named_only_for_admins(self, kind: str) -> set[str]:
        """The agents, processes or sessions that only records kept for admins name."""
        sql = {
            "agent": "SELECT ra.agent_id FROM record_agents ra JOIN records r ON r.id ="
            " ra.record_id WHERE ra.agent_id IS NOT NULL GROUP BY ra.agent_id",
            "process": "SELECT r.process_id FROM records r WHERE r.process_id IS NOT NULL"
            " GROUP BY r.process_id",
            "session": "SELECT r.session_id FROM records r WHERE r.session_id IS NOT NULL"
            " GROUP BY r.session_id",
        }[kind]
        rows = self.conn.execute(sql + " HAVING min(r.access = 'admin') = 1")
        return {r[0] for r in rows}

    def published_authorities(self) -> list[tuple[str, str]]:
        """(kind, identifier) of every authority staff published deliberately."""
        return [
            (r[0], r[1])
            for r in self.conn.execute("SELECT kind, id FROM published_authorities ORDER BY 1, 2")
        ]

    def publish_authority(
        self, kind: str, identifier: str, *, actor: str, shown: list[str]
    ) -> None:
        """Staff publish an agent, process or session: known to every audience from now on,
        though no record it may see names it. The event keeps what it made public."""
        with self.transaction():
            getattr(self, kind)(identifier)  # NotFound for an unknown one
            self.conn.execute(
                "INSERT INTO published_authorities (kind, id, published_by, published_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO NOTHING",
                (kind, identifier, actor, timestamp()),
            )
            self.log("published", kind, identifier, actor=actor, detail={"shown": shown})

    # -- records ---------------------------------------------------------------------
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
        record = _valid("record", record)
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
            new = _valid("record", new)
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
                (_dump(_without_files({**record, "unconfirmed": unconfirmed})), timestamp(),
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

    def record_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM records ORDER BY id")]

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

    def pending_index_work(self) -> list[tuple[int, str]]:
        return [
            tuple(r)
            for r in self.conn.execute("SELECT id, record_id FROM index_outbox ORDER BY id")
        ]

    # -- helpers ---------------------------------------------------------------------
    # -- access transitions ----------------------------------------------------------
    def note_transitions(self, due: dict[str, dt.datetime]) -> None:
        """Note the next moment each record's view changes by itself (idempotent)."""
        if not due:
            return
        now = timestamp()
        with self.transaction():
            self.conn.executemany(
                "INSERT OR IGNORE INTO access_transitions (record_id, due_at, noted_at)"
                " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM records WHERE id = ?)",
                [(rid, timestamp(at), now, rid) for rid, at in due.items()],
            )

    def apply_due_transitions(self, now: dt.datetime, *, actor: str = "mediarch") -> list[str]:
        """Re-queue for indexing every record whose moment has come, mark it applied and log
        a `released` event with the time it was applied, all in one transaction; returns the
        records."""
        at = timestamp(now)
        due = self.conn.execute(
            "SELECT 1 FROM access_transitions WHERE applied_at IS NULL AND due_at <= ? LIMIT 1",
            (at,),
        ).fetchone()
        if due is None:  # nothing due: no write (every drain asks, the indexer often)
            return []
        with self.transaction():
            rows = self.conn.execute(
                "SELECT record_id, due_at FROM access_transitions"
                " WHERE applied_at IS NULL AND due_at <= ? ORDER BY due_at, record_id",
                (at,),
            ).fetchall()
            for record_id, due_at in rows:
                self.conn.execute(
                    "UPDATE access_transitions SET applied_at = ? WHERE record_id = ? AND due_at = ?",
                    (at, record_id, due_at),
                )
                self._enqueue(record_id, at, access_only=True)
                self.log(
                    "released",
                    "record",
                    record_id,
                    actor=actor,
                    at=now,
                    detail={"due_at": due_at, "applied_at": at},
                )
        return [r[0] for r in rows]

    def forget_transitions(self, record_ids: list[str]) -> None:
        """Drop the pending moments of records whose access changed: the indexer notes the
        right ones when it writes them again (a pending moment would log a false release)."""
        with self.transaction():
            self.conn.executemany(
                "DELETE FROM access_transitions WHERE record_id = ? AND applied_at IS NULL",
                [(rid,) for rid in record_ids],
            )

    def requeue(self, record_ids: list[str]) -> None:
        """Queue records for the indexer again: their access changed without an edit (a rule,
        a release), which changes no view of staff's or admins'."""
        now = timestamp()
        with self.transaction():
            for record_id in record_ids:
                self._enqueue(record_id, now, access_only=True)

    def setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def lasting_setting(self, key: str, value: str) -> str:
        """The setting's value, set to `value` first if it has none (whoever sets it first
        wins: two processes asking at once read the same)."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                (key, value),
            )
        return self.setting(key)

    def pending_transitions(self) -> list[tuple[str, str]]:
        return [
            tuple(r)
            for r in self.conn.execute(
                "SELECT record_id, due_at FROM access_transitions WHERE applied_at IS NULL"
                " ORDER BY due_at, record_id"
            )
        ]

    def _write_text(self, record_id: str, text: RecordText, now: str) -> None:
        self.conn.execute(
            "INSERT INTO texts (record_id, pages, details, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(record_id) DO UPDATE SET pages = excluded.pages, details = excluded.details",
            (record_id, _dump(text.pages), _dump(text.details), now),
        )

    def dependents(self, kind: str, identifier: str) -> list[str]:
        """The records whose view or access an authority record takes part in: those of a
        process or a session (a rule's track, collection or session date), those naming an
        agent (its names are indexed with them)."""
        table, column = {
            "process": ("records", "process_id"),
            "session": ("records", "session_id"),
            "agent": ("record_agents", "agent_id"),
        }[kind]
        key = "id" if table == "records" else "record_id"
        rows = self.conn.execute(
            f"SELECT DISTINCT {key} FROM {table} WHERE {column} = ? ORDER BY 1", (identifier,)
        )
        return [r[0] for r in rows]

    def _dependents_changed(self, kind: str, identifier: str) -> None:
        """An authority record changed: the records depending on it are indexed again and
        their moments of access recomputed (a process's track may bring a rule to bear)."""
        ids = self.dependents(kind, identifier)
        if kind != "agent":
            self.forget_transitions(ids)
        now = timestamp()
        for record_id in ids:
            self._enqueue(record_id, now)

    def _enqueue(self, record_id: str, now: str, *, access_only: bool = False) -> None:
        self.conn.execute(
            "INSERT INTO index_outbox (record_id, enqueued_at, access_only) VALUES (?, ?, ?)",
            (record_id, now, int(access_only)),
        )

    def _upsert(
        self, table: str, subject_type: str, data: dict[str, Any], actor: str, **columns: Any
    ) -> bool:
        """Insert or update an authority record; True when an existing one changed."""
        ident, now = data["id"], timestamp()
        old = self.conn.execute(f"SELECT data FROM {table} WHERE id = ?", (ident,)).fetchone()
        names = ["id", *columns, "data", "updated_at"]
        values = [ident, *columns.values(), _dump(data), now]
        if old is None:
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}, created_at) VALUES ({', '.join('?' * len(names))}, ?)",
                (*values, now),
            )
            self.log("described", subject_type, ident, actor=actor, detail={"created": True})
        elif json.loads(old[0]) != data:
            sets = ", ".join(f"{n} = ?" for n in names[1:])
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values[1:], ident))
            before = json.loads(old[0])
            diff = {
                k: {"old": before.get(k), "new": data.get(k)}
                for k in sorted(set(before) | set(data))
                if before.get(k) != data.get(k)
            }
            self.log("metadata_changed", subject_type, ident, actor=actor, detail=diff)
            return True
        return False

    def _data(self, table: str, kind: str, identifier: str) -> dict[str, Any]:
        row = self.conn.execute(f"SELECT data FROM {table} WHERE id = ?", (identifier,)).fetchone()
        if row is None:
            raise NotFound(kind, identifier)
        return json.loads(row[0])

    def _all(self, table: str) -> list[dict[str, Any]]:
        return [
            json.loads(r[0]) for r in self.conn.execute(f"SELECT data FROM {table} ORDER BY id")
        ]

    def _require(self, table: str, kind: str, identifier: str, field: str) -> None:
        if not self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (identifier,)).fetchone():
            raise ValidationFailed(
                kind, identifier, [Problem(field, f"no {kind} {identifier!r} in the catalog")]
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
                _dump(f["properties"]) if f.get("properties") else None,
                now,
            ),
        )


def _valid(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    data = schema.normalize(kind, data)
    schema.check(kind, data)
    return data


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


def _event(row: sqlite3.Row) -> Event:
    return Event(
        row["id"],
        row["at"],
        row["actor"],
        row["kind"],
        row["subject_type"],
        row["subject_id"],
        json.loads(row["detail"]),
    )


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


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
        _dump(description),
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
