"""SQLite for the catalog: one way to connect (WAL, foreign keys, a busy timeout), one way
to write (`BEGIN IMMEDIATE`, so writers queue instead of failing half-way), and numbered
migrations applied in order, each in its own transaction, each exactly once."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from archive.errors import WRITABLE_ADVICE, CatalogError
from archive.faults import fault_point

BUSY_TIMEOUT_MS = 30_000
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    folder = resources.files("archive.catalog").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise CatalogError(
            Path(str(folder)), "migrations must be numbered 0001, 0002, … without gaps"
        )
    return found


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode; writes go through `write()`. A new catalog file is
    readable by its owner alone (it holds every closed text and the password hashes);
    SQLite gives its journal files the same mode."""
    try:
        with contextlib.suppress(OSError):  # it exists (or sqlite says why not)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise CatalogError(path, f"cannot open the catalog: {exc}{_advice(path, exc)}") from None
    return conn


def _advice(path: Path, error: sqlite3.DatabaseError) -> str:
    """What to do about a catalog SQLite cannot open, where the machine says why."""
    folder = Path(path).parent
    if not os.access(folder, os.W_OK) or (Path(path).exists() and not os.access(path, os.W_OK)):
        return f" (it cannot be written, and SQLite keeps its journal beside it: {WRITABLE_ADVICE})"
    if "disk I/O error" in str(error) or "full" in str(error):
        return f" (is the disk of {folder} full or failing? free some space, or check it)"
    return ""


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (`BEGIN IMMEDIATE`); rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        fault_point("catalog.before_commit")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back itself (a full disk at COMMIT)
            conn.execute("ROLLBACK")
        raise


def _applied(conn: sqlite3.Connection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations not yet applied; returns their versions. Safe to run again."""
    done: list[int] = []
    applied = _applied(conn)
    for m in migrations():
        if m.version in applied:  # nothing to write: no transaction (opening stays read-only)
            continue
        with write(conn):
            if m.version in _applied(conn):
                continue
            for statement in _statements(m.sql):
                conn.execute(statement)
            if "writable_schema" in m.sql:  # the table definitions were edited in place:
                version = conn.execute("PRAGMA schema_version").fetchone()[0]
                conn.execute(
                    f"PRAGMA schema_version = {version + 1}"
                )  # every connection rereads them
            conn.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (m.version, m.name)
            )
            done.append(m.version)
    return done


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
