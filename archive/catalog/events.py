"""The audit log (the events table): who did what, when. Its only SQL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from archive.catalog.rows import (
    Event,
    dump,
    timestamp,
)


class EventTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection

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
                (timestamp(at), actor, kind, subject_type, subject_id, dump(detail or {})),
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
