"""The index outbox (records waiting for the indexer) and the access transitions (moments a
record's view changes by itself): the only SQL that reads or writes them."""

from __future__ import annotations

import datetime as dt
import sqlite3

from archive.catalog.rows import (
    timestamp,
)


class OutboxTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection

    def pending_index_work(self) -> list[tuple[int, str]]:
        return [
            tuple(r)
            for r in self.conn.execute("SELECT id, record_id FROM index_outbox ORDER BY id")
        ]

    def _enqueue(self, record_id: str, now: str, *, access_only: bool = False) -> None:
        self.conn.execute(
            "INSERT INTO index_outbox (record_id, enqueued_at, access_only) VALUES (?, ?, ?)",
            (record_id, now, int(access_only)),
        )

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

    def pending_transitions(self) -> list[tuple[str, str]]:
        return [
            tuple(r)
            for r in self.conn.execute(
                "SELECT record_id, due_at FROM access_transitions WHERE applied_at IS NULL"
                " ORDER BY due_at, record_id"
            )
        ]

    def outbox_batch(self, limit: int) -> list[tuple[int, str, bool]]:
        """The oldest `limit` changes waiting for the indexer: (id, record, access only)."""
        rows = self.conn.execute(
            "SELECT id, record_id, access_only FROM index_outbox ORDER BY id LIMIT ?", (limit,)
        )
        return [(r[0], r[1], bool(r[2])) for r in rows]

    def outbox_done(self, up_to: int) -> None:
        """Every index has the changes up to `up_to`: they leave the outbox."""
        with self.transaction():
            self.conn.execute("DELETE FROM index_outbox WHERE id <= ?", (up_to,))

    def outbox_top(self) -> int:
        """The last change queued for the indexer (0 when none ever was)."""
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM index_outbox").fetchone()[0]

    def outbox_waiting(self) -> tuple[int, str | None]:
        """How many changes wait for the indexer, and since when."""
        count, oldest = self.conn.execute(
            "SELECT count(*), min(enqueued_at) FROM index_outbox"
        ).fetchone()
        return count, oldest

    def overdue_transitions(self, now: dt.datetime) -> list[tuple[str, str]]:
        """(record, due at) of the moments due by `now` and not yet applied."""
        rows = self.conn.execute(
            "SELECT record_id, due_at FROM access_transitions"
            " WHERE applied_at IS NULL AND due_at <= ?",
            (timestamp(now),),
        )
        return [(r[0], r[1]) for r in rows]

    def settle_transitions(self, record_id: str, at: str) -> None:
        """Mark a record's pending moments of access applied at `at` (a release opened it)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE access_transitions SET applied_at = ? WHERE record_id = ? AND applied_at IS NULL",
                (at, record_id),
            )
