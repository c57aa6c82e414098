"""Users, sign-in sessions and failed sign-ins: the only SQL that reads or writes them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

_USER_FIELDS = ("role", "status")  # the columns a change of a user's standing may set


class PeopleTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    # -- users -----------------------------------------------------------------------
    def user_named(self, name: str) -> sqlite3.Row | None:
        """The user's name, role, status, created_at and password hash, or None."""
        return self.conn.execute(
            "SELECT name, role, status, created_at, password FROM users WHERE name = ?", (name,)
        ).fetchone()

    def users(self) -> list[sqlite3.Row]:
        """Every user's name, role, status and created_at, by name."""
        return self.conn.execute(
            "SELECT name, role, status, created_at FROM users ORDER BY name"
        ).fetchall()

    def add_user(self, name: str, role: str, password: str, status: str, at: str) -> None:
        """Write a new user with their password hash, created and updated at `at`."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO users (name, role, password, status, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (name, role, password, status, at, at),
            )

    def set_user_field(self, name: str, column: str, value: str, at: str) -> None:
        """Set a user's role or status, updated at `at`."""
        if column not in _USER_FIELDS:
            raise KeyError(column)
        with self.transaction():
            self.conn.execute(
                f"UPDATE users SET {column} = ?, updated_at = ? WHERE name = ?",
                (value, at, name),
            )

    def set_user_profile(self, name: str, profile: dict[str, str]) -> None:
        """Keep who a user says they are and why they come (their profile)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE users SET profile = ? WHERE name = ?",
                (json.dumps(profile, ensure_ascii=False), name),
            )

    def user_profile(self, name: str) -> dict[str, str]:
        """A user's profile; empty for an unknown name."""
        row = self.conn.execute("SELECT profile FROM users WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else {}

    # -- sign-in sessions --------------------------------------------------------------
    def end_user_sessions(self, name: str) -> None:
        """Move the user to a new session epoch: every session signed in before it ends."""
        with self.transaction():
            self.conn.execute(
                "UPDATE users SET session_epoch = session_epoch + 1 WHERE name = ?", (name,)
            )

    def user_session_epoch(self, name: str) -> int:
        """The user's session epoch; -1 for an unknown name."""
        row = self.conn.execute(
            "SELECT session_epoch FROM users WHERE name = ?", (name,)
        ).fetchone()
        return row[0] if row else -1

    # -- failed sign-ins -------------------------------------------------------------
    def failed_signins(self, key: str, since: str) -> list[str]:
        """When the attempts counted against a key (user, address, registration) were made
        after `since`, oldest first."""
        rows = self.conn.execute(
            "SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at", (key, since)
        )
        return [r[0] for r in rows]

    def add_failed_signin(self, key: str, at: str) -> None:
        """Count an attempt against a key (user, address, registration)."""
        with self.transaction():
            self.conn.execute("INSERT INTO login_failures (key, at) VALUES (?, ?)", (key, at))

    def forget_failed_signins(self, key: str) -> None:
        """Forget every attempt counted against a key."""
        with self.transaction():
            self.conn.execute("DELETE FROM login_failures WHERE key = ?", (key,))

    def forget_latest_failed_signin(self, key: str) -> None:
        """Forget the attempt counted last against a key."""
        with self.transaction():
            self.conn.execute(
                "DELETE FROM login_failures WHERE rowid ="
                " (SELECT max(rowid) FROM login_failures WHERE key = ?)",
                (key,),
            )

    def forget_failed_signins_before(self, at: str) -> None:
        """Forget every attempt counted before `at`, whatever its key."""
        with self.transaction():
            self.conn.execute("DELETE FROM login_failures WHERE at < ?", (at,))
