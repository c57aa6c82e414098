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
        since: str | None = None,
        until: str | None = None,
        collection: str | None = None,
        process: str | None = None,
        in_collection: bool = False,
        in_process: bool = False,
        after: tuple[str, str] | None = None,
        limit: int = 100,
        deleted: bool = True,
        newest_first: bool = False,
    ) -> list[sqlite3.Row]:
        """Ledger rows (record_id, datestamp, deleted, collection, process) within the bounds."""
        sql, args = f"SELECT {_ENTRY_COLUMNS} FROM public_ledger WHERE 1=1", []
        for clause, value in (
            ("datestamp >= ?", since),
            ("datestamp <= ?", until),
            ("collection = ?", collection),
            ("process = ?", process),
        ):
            if value is not None:
                sql += f" AND {clause}"
                args.append(value)
        if in_collection:
            sql += " AND collection IS NOT NULL"
        if in_process:
            sql += " AND process IS NOT NULL"
        if not deleted:
            sql += " AND deleted = 0"
        if after is not None:
            sql += " AND (datestamp > ? OR (datestamp = ? AND record_id > ?))"
            args += [after[0], after[0], after[1]]
        order = "DESC" if newest_first else ""
        sql += f" ORDER BY datestamp {order}, record_id {order} LIMIT ?"
        args.append(limit)
        return self.conn.execute(sql, args).fetchall()

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

    def ledger_collections(self) -> list[str]:
        """The collections some record the public sees belongs to (its OAI sets)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT collection FROM public_ledger WHERE deleted = 0"
                " AND collection IS NOT NULL ORDER BY 1"
            )
        ]

    def ledger_processes(self) -> list[str]:
        """The processes some record the public sees belongs to (its OAI sets)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT process FROM public_ledger WHERE deleted = 0"
                " AND process IS NOT NULL ORDER BY 1"
            )
        ]

    def ledger_count_after(
        self,
        after: tuple[str, str],
        *,
        since: str | None = None,
        until: str | None = None,
        collection: str | None = None,
        process: str | None = None,
        in_collection: bool = False,
        in_process: bool = False,
    ) -> int:
        """How many ledger entries follow (datestamp, record_id) `after`, within the bounds."""
        sql = (
            "SELECT count(*) FROM public_ledger"
            " WHERE (datestamp > ? OR (datestamp = ? AND record_id > ?))"
        )
        args: list[Any] = [after[0], after[0], after[1]]
        for clause, value in (("datestamp >= ?", since), ("datestamp <= ?", until)):
            if value is not None:
                sql += f" AND {clause}"
                args.append(value)
        for key, value, within in (
            ("collection", collection, in_collection),
            ("process", process, in_process),
        ):
            if value is not None:
                sql += f" AND {key} = ?"
                args.append(value)
            if within:
                sql += f" AND {key} IS NOT NULL"
        return self.conn.execute(sql, args).fetchone()[0]
