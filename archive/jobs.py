"""Ingest jobs queued from the web: an upload lands in the depository's `uploads/` folder and a
row in the catalog says what to ingest from it. A runner (`mediarch jobs run`, which the
server starts when a job waits) takes one at a time under a lock; what it settles is written
to the job as it goes, so a page shows the progress and a job cut short by a restart is run
again from the top, where ingest skips what it already kept."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.catalog import Catalog, timestamp
from archive.errors import NotFound
from archive.locks import file_lock

UPLOADS = "uploads"
MAX_RUNS = 3  # a job cut short this often is marked failed, not run again


@dataclass(frozen=True)
class IngestJob:
    id: int
    folder: str
    options: dict[str, Any]
    created_by: str
    created_at: str
    status: str
    runs: int
    progress: dict[str, Any]
    report: dict[str, Any] | None
    error: str | None
    started_at: str | None
    finished_at: str | None


def _job(row: tuple) -> IngestJob:
    values = list(row)
    values[2] = json.loads(values[2])
    values[7] = json.loads(values[7])
    values[8] = json.loads(values[8]) if values[8] else None
    return IngestJob(*values)


def uploads(root: Path) -> Path:
    return Path(root) / UPLOADS


def queue(catalog: Catalog, folder: Path, options: dict[str, Any], *, by: str) -> IngestJob:
    with catalog.transaction():
        job_id = catalog.queue_ingest_job(
            str(folder), json.dumps(options, ensure_ascii=False), by, timestamp()
        )
        catalog.log("ingest_queued", "job", str(job_id), actor=by, detail=options)
    return get(catalog, job_id)


def get(catalog: Catalog, job_id: int) -> IngestJob:
    row = catalog.ingest_job(job_id)
    if row is None:
        raise NotFound("ingest job", str(job_id))
    return _job(row)


def listed(catalog: Catalog, limit: int = 50) -> list[IngestJob]:
    rows = catalog.ingest_jobs(limit)
    return [_job(r) for r in rows]


def unfinished(catalog: Catalog) -> list[IngestJob]:
    """Jobs waiting, and jobs that were running when their runner stopped (the caller holds
    the runner's lock, so no runner is at work on them)."""
    rows = catalog.unfinished_ingest_jobs()
    return [_job(r) for r in rows]


def start(catalog: Catalog, job_id: int) -> None:
    with catalog.transaction():
        catalog.start_ingest_job(job_id, timestamp())


def note_progress(catalog: Catalog, job_id: int, progress: dict[str, Any]) -> None:
    with catalog.transaction():
        catalog.note_ingest_progress(job_id, json.dumps(progress, ensure_ascii=False))


def finish(
    catalog: Catalog,
    job_id: int,
    *,
    report: dict[str, Any] | None,
    error: str | None = None,
    actor: str = "mediarch",
) -> None:
    status = "failed" if error else "done"
    with catalog.transaction():
        catalog.finish_ingest_job(
            job_id,
            status,
            json.dumps(report, ensure_ascii=False) if report is not None else None,
            error,
            timestamp(),
        )
        summary = {"status": status, "error": error}
        if report:
            summary["totals"] = report.get("totals")
        catalog.log("ingest_finished", "job", str(job_id), actor=actor, detail=summary)


def runner_lock(root: Path):
    """True to the one runner that holds the depository's job lock, False to any other."""
    return file_lock(Path(root) / "index" / "jobs.lock", blocking=False)
