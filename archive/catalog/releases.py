"""Releases (openings by two staff members) and readers' requests for access: the only SQL
that reads or writes them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

_RELEASE_COLUMNS = "record_id, proposed_by, proposed_at, redacted, basis, approved_by, approved_at"
_REQUEST_COLUMNS = (
    "id, record_id, user_name, reason, asked_at, answer, note, answered_by, answered_at"
)


class ReleaseTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    # -- releases --------------------------------------------------------------------
    def releases_of(self, record_id: str) -> list[sqlite3.Row]:
        """Every release of a record, proposed or approved, oldest proposal first."""
        return self.conn.execute(
            f"SELECT {_RELEASE_COLUMNS} FROM releases WHERE record_id = ? ORDER BY proposed_at",
            (record_id,),
        ).fetchall()

    def pending_releases(self) -> list[sqlite3.Row]:
        """The releases no one has approved yet, oldest proposal first."""
        return self.conn.execute(
            f"SELECT {_RELEASE_COLUMNS} FROM releases WHERE approved_at IS NULL ORDER BY proposed_at"
        ).fetchall()

    def add_release(self, record_id: str, *, by: str, at: str, redacted: bool, basis: str) -> None:
        """Write a release of a record proposed by `by` at `at`, waiting for approval."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO releases (record_id, proposed_by, proposed_at, redacted, basis)"
                " VALUES (?, ?, ?, ?, ?)",
                (record_id, by, at, int(redacted), basis),
            )

    def approve_release(self, record_id: str, proposed_at: str, *, by: str, at: str) -> None:
        """Mark the release of a record proposed at `proposed_at` approved by `by` at `at`."""
        with self.transaction():
            self.conn.execute(
                "UPDATE releases SET approved_by = ?, approved_at = ?"
                " WHERE record_id = ? AND proposed_at = ?",
                (by, at, record_id, proposed_at),
            )

    # -- readers' requests -----------------------------------------------------------
    def access_request(self, request_id: int) -> sqlite3.Row | None:
        """One access request, or None."""
        found = self._access_requests("id = ?", (request_id,))
        return found[0] if found else None

    def waiting_access_requests(self) -> list[sqlite3.Row]:
        """The access requests no one has answered yet, oldest first."""
        return self._access_requests("answer IS NULL", ())

    def access_requests_of(self, user: str) -> list[sqlite3.Row]:
        """Every access request of a user, oldest first."""
        return self._access_requests("user_name = ?", (user,))

    def access_request_waits(self, record_id: str, user: str) -> bool:
        """Whether a request of the user for the record waits for an answer."""
        return bool(
            self._access_requests(
                "record_id = ? AND user_name = ? AND answer IS NULL", (record_id, user)
            )
        )

    def add_access_request(self, record_id: str, *, user: str, reason: str, at: str) -> int:
        """Write a reader's request for a record, asked at `at`; returns its id."""
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO access_requests (record_id, user_name, reason, asked_at)"
                " VALUES (?, ?, ?, ?)",
                (record_id, user, reason, at),
            )
        return cursor.lastrowid

    def answer_access_request(
        self, request_id: int, *, answer: str, note: str, by: str, at: str
    ) -> None:
        """Write staff's answer to an access request, with its note, who and when."""
        with self.transaction():
            self.conn.execute(
                "UPDATE access_requests SET answer = ?, note = ?, answered_by = ?, answered_at = ?"
                " WHERE id = ?",
                (answer, note, by, at, request_id),
            )

    def _access_requests(self, where: str, args: tuple) -> list[sqlite3.Row]:
        """The access requests meeting a condition, oldest first."""
        return self.conn.execute(
            f"SELECT {_REQUEST_COLUMNS} FROM access_requests WHERE {where} ORDER BY id", args
        ).fetchall()
