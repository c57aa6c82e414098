"""The public ledger (what the public could see, and since when: OAI-PMH and the feeds read
it): the only SQL that reads or writes it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

_ENTRY_COLUMNS = "record_id, datestamp, deleted, collection, process"


class LedgerTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def ledger_mark(self, record_id: str) -> sqlite3.Row | None:
        """The ledger's (digest, deleted) of a record, None if it has no entry."""
        return self.conn.execute(
            "SELECT digest, deleted FROM public_ledger WHERE record_id = ?", (record_id,)
        ).fetchone()

    def note_ledger_deletion(self, record_id: str, datestamp: str) -> None:
        """Note in the ledger that a record's public view is gone, as of `datestamp`."""
        with self.transaction():
            self.conn.execute(
                "UPDATE public_ledger SET deleted = 1, datestamp = ?, digest = ''"
                " WHERE record_id = ?",
                (datestamp, record_id),
            )

    def note_ledger_view(
        self,
        record_id: str,
        digest: str,
        datestamp: str,
        collection: str | None,
        process: str | None,
    ) -> None:
        """Note in the ledger a record's public view (its digest and sets), as of `datestamp`."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO public_ledger (record_id, digest, datestamp, deleted, collection,"
                " process) VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT(record_id) DO UPDATE SET"
                " digest = excluded.digest, datestamp = excluded.datestamp, deleted = 0,"
                " collection = excluded.collection, process = excluded.process",
                (record_id, digest, datestamp, collection, process),
            )

    def date_ledger_by_updates(self) -> None:
        """Date each ledger entry of an existing record when the record was last updated."""
        with self.transaction():
            self.conn.execute(
                "UPDATE public_ledger SET datestamp = (SELECT"
                " strftime('%Y-%m-%dT%H:%M:%SZ', records.updated_at) FROM records"
                " WHERE records.id = public_ledger.record_id) WHERE record_id IN"
                " (SELECT id FROM records)"
            )

    def ledger_entries(
        self,
        *,
        limit: int = 100,
        newest_first: bool = False,
        **bounds: Any,
    ) -> list[sqlite3.Row]:
        """Ledger rows (record_id, datestamp, deleted, collection, process) within the bounds
        (those of `_within`), in (datestamp, record) order."""
        where, args = _within(**bounds)
        order = "DESC" if newest_first else ""
        return self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM public_ledger WHERE {where}"
            f" ORDER BY datestamp {order}, record_id {order} LIMIT ?",
            [*args, limit],
        ).fetchall()

    def ledger_entry(self, record_id: str) -> sqlite3.Row | None:
        """A record's ledger row (record_id, datestamp, deleted, collection, process), if any."""
        return self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM public_ledger WHERE record_id = ?",
            (record_id,),
        ).fetchone()

    def earliest_datestamp(self) -> str | None:
        """The ledger's earliest datestamp, None while it is empty."""
        row = self.conn.execute("SELECT min(datestamp) FROM public_ledger").fetchone()
        return row[0] if row else None

    def ledger_sets(self, kind: str) -> list[str]:
        """The collections or processes (`kind`) some record the public sees belongs to: its
        OAI sets."""
        column = {"collection": "collection", "process": "process"}[kind]
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT DISTINCT {column} FROM public_ledger WHERE deleted = 0"
                f" AND {column} IS NOT NULL ORDER BY 1"
            )
        ]

    def ledger_count_after(self, after: tuple[str, str], **bounds: Any) -> int:
        """How many ledger entries follow (datestamp, record_id) `after`, within the bounds."""
        where, args = _within(after=after, **bounds)
        return self.conn.execute(
            f"SELECT count(*) FROM public_ledger WHERE {where}", args
        ).fetchone()[0]


def _within(
    *,
    since: str | None = None,
    until: str | None = None,
    collection: str | None = None,
    process: str | None = None,
    in_collection: bool = False,
    in_process: bool = False,
    after: tuple[str, str] | None = None,
    deleted: bool = True,
) -> tuple[str, list[Any]]:
    """The WHERE clause of ledger entries within the bounds: datestamps from `since` to
    `until`, one collection or process (or any, `in_…`), past (datestamp, record) `after`,
    and deleted ones unless `deleted` is False."""
    clauses, args = ["1=1"], []
    for clause, value in (
        ("datestamp >= ?", since),
        ("datestamp <= ?", until),
        ("collection = ?", collection),
        ("process = ?", process),
    ):
        if value is not None:
            clauses.append(clause)
            args.append(value)
    if in_collection:
        clauses.append("collection IS NOT NULL")
    if in_process:
        clauses.append("process IS NOT NULL")
    if not deleted:
        clauses.append("deleted = 0")
    if after is not None:
        clauses.append("(datestamp > ? OR (datestamp = ? AND record_id > ?))")
        args += [after[0], after[0], after[1]]
    return " AND ".join(clauses), args
