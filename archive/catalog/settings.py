"""Settings, the values the depository keeps about itself: the only SQL for them."""

from __future__ import annotations

import sqlite3


class SettingTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection

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
