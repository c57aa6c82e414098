"""The catalog: the depository's source of truth, in SQLite, and the only place that speaks SQL.

Collections, processes, sessions, agents (authority records), records, their original files,
the index outbox, users, releases, jobs, the public ledger and the audit log. `Catalog` is the
facade: each family of tables is a module of this package (one class each, mixed in here), so
the rest of the depository calls `catalog.record(…)`, `catalog.log(…)` and never a statement.
Every description is normalized (labels to codes) and validated against `metadata_schema/`
before it is written; every change is logged with its actor and time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from archive.catalog.authorities import AuthorityTables
from archive.catalog.db import connect, migrate, write
from archive.catalog.events import EventTables
from archive.catalog.jobs import JobTables
from archive.catalog.ledger import LedgerTables
from archive.catalog.outbox import OutboxTables
from archive.catalog.people import PeopleTables
from archive.catalog.records import RecordTables
from archive.catalog.releases import ReleaseTables
from archive.catalog.rows import ACCESS_FIELDS, Event, FileRow, RecordText, timestamp, utc_now
from archive.catalog.settings import SettingTables

__all__ = [
    "ACCESS_FIELDS",
    "Catalog",
    "Event",
    "FileRow",
    "RecordText",
    "timestamp",
    "utc_now",
]


class Catalog(
    RecordTables,
    AuthorityTables,
    EventTables,
    OutboxTables,
    SettingTables,
    PeopleTables,
    ReleaseTables,
    JobTables,
    LedgerTables,
):
    def __init__(self, path: Path):
        self.path = Path(path)
        self.conn = connect(self.path)
        migrate(self.conn)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def savepoint(self, name: str) -> Iterator[None]:
        """Writes that are undone together if the block fails, inside a longer transaction
        (one row of a metadata import refused, the others kept)."""
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    def copy_to(self, path: Path) -> tuple[list[str], int]:
        """One consistent copy of the whole catalog into a new file (writers go on); the
        checksums of the original files it names and its number of records."""
        copy = sqlite3.connect(path)
        try:
            self.conn.backup(copy)
            shas = [r[0] for r in copy.execute("SELECT DISTINCT sha256 FROM files ORDER BY 1")]
            records = copy.execute("SELECT count(*) FROM records").fetchone()[0]
        finally:
            copy.close()
        return shas, records

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Group several writes; nested calls join the outer transaction."""
        if self.conn.in_transaction:
            yield self.conn
        else:
            with write(self.conn) as conn:
                yield conn
