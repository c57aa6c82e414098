"""Background ingest jobs: the only SQL that reads or writes them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

_JOB_COLUMNS = (
    "id, folder, options, created_by, created_at, status, runs, progress, report, error,"
    " started_at, finished_at"
)


class JobTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def queue_ingest_job(self, folder: str, options: str, created_by: str, created_at: str) -> int:
        """Write a queued ingest job (its options as JSON); returns its number."""
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO ingest_jobs (folder, options, created_by, created_at)"
                " VALUES (?, ?, ?, ?)",
                (folder, options, created_by, created_at),
            )
        return cursor.lastrowid

    def ingest_job(self, job_id: int) -> sqlite3.Row | None:
        """One ingest job's row (id, folder, options, … finished_at), None if there is none."""
        return self.conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM ingest_jobs WHERE id = ?", (job_id,)
        ).fetchone()

    def ingest_jobs(self, limit: int) -> list[sqlite3.Row]:
        """The latest ingest jobs' rows, newest first."""
        return self.conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM ingest_jobs ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()

    def unfinished_ingest_jobs(self) -> list[sqlite3.Row]:
        """The rows of the ingest jobs queued or running, oldest first."""
        return self.conn.execute(
            f"SELECT {_JOB_COLUMNS} FROM ingest_jobs WHERE status IN ('queued', 'running')"
            " ORDER BY id"
        ).fetchall()

    def ingest_jobs_waiting(self) -> bool:
        """Whether an ingest job is queued or running (or was running when its runner stopped)."""
        return (
            self.conn.execute(
                "SELECT 1 FROM ingest_jobs WHERE status IN ('queued', 'running') LIMIT 1"
            ).fetchone()
            is not None
        )

    def start_ingest_job(self, job_id: int, started_at: str) -> None:
        """Mark an ingest job running, one run more, its progress cleared."""
        with self.transaction():
            self.conn.execute(
                "UPDATE ingest_jobs SET status = 'running', runs = runs + 1, started_at = ?,"
                " progress = '{}' WHERE id = ?",
                (started_at, job_id),
            )

    def note_ingest_progress(self, job_id: int, progress: str) -> None:
        """Write an ingest job's progress (JSON)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE ingest_jobs SET progress = ? WHERE id = ?", (progress, job_id)
            )

    def finish_ingest_job(
        self, job_id: int, status: str, report: str | None, error: str | None, finished_at: str
    ) -> None:
        """Write how an ingest job ended: its status, report (JSON) and error."""
        with self.transaction():
            self.conn.execute(
                "UPDATE ingest_jobs SET status = ?, report = ?, error = ?, finished_at = ?"
                " WHERE id = ?",
                (status, report, error, finished_at, job_id),
            )
