"""The runner of the ingest jobs queued from the web (`mediarch jobs run`, which the web
server starts in a process of its own): every waiting or cut-short job, oldest first, one
runner at a time under the job lock, each job's progress and outcome written to it as it
goes."""

from __future__ import annotations

import os
from pathlib import Path

from archive import jobs
from archive.depository import Depository
from archive.faults import fault_point
from ingest.pipeline import IngestError, IngestOptions, run_ingest


def run_waiting_jobs(depository: Depository) -> bool:
    """Run the jobs until none is left; False, having run none, when another runner holds
    the lock."""
    while True:
        with jobs.runner_lock(depository.root) as mine:
            if not mine:
                return False
            run_jobs(depository)
        # a job queued while this runner let go of the lock finds no runner to start it
        if not jobs.unfinished(depository.catalog):
            return True


def run_jobs(depository: Depository) -> None:
    """Every waiting or cut-short job, oldest first (the caller holds the runner's lock)."""
    while True:
        waiting = jobs.unfinished(depository.catalog)
        if not waiting:
            return
        job = waiting[0]
        if job.runs >= jobs.MAX_RUNS:  # cut short that often: it would be again
            error = f"the ingest was cut short {job.runs} times; see the server's log"
            jobs.finish(depository.catalog, job.id, report=None, error=error)
            continue
        print(f"job {job.id}: ingesting {job.folder}")
        run_job(depository, job)
        print(f"job {job.id}: {jobs.get(depository.catalog, job.id).status}")


def run_job(depository: Depository, job: jobs.IngestJob) -> None:
    """Run one queued ingest job, writing what it settles to the job as it goes."""
    folder = Path(job.folder)
    named = {
        k: (folder / v if v else None)
        for k, v in job.options.items()
        if k in ("manifest", "processes", "sessions", "agents")
    }
    options = IngestOptions(
        folder=folder / "files",
        manifest=named.get("manifest"),
        processes=named.get("processes"),
        sessions=named.get("sessions"),
        agents=named.get("agents"),
        collection=job.options.get("collection"),
        jobs=min(2, os.cpu_count() or 1),
        actor=job.created_by,  # what the job deposits is logged as the uploader's
    )
    jobs.start(depository.catalog, job.id)
    progress: dict = {"total": 0, "done": 0, "files": []}

    def on_plan(total: int) -> None:
        progress["total"] = total
        jobs.note_progress(depository.catalog, job.id, progress)

    def on_file(entry) -> None:
        progress["done"] += 1
        progress["files"].append(
            {k: getattr(entry, k) for k in ("path", "outcome", "record_id", "stage", "reason")}
        )
        jobs.note_progress(depository.catalog, job.id, progress)
        fault_point("job.after_file", entry.path)

    try:
        report = run_ingest(depository, options, on_file=on_file, on_plan=on_plan)
    except IngestError as exc:  # nothing could run: say why on the job's page
        jobs.finish(depository.catalog, job.id, report=None, error=str(exc), actor=job.created_by)
        return
    except Exception as exc:  # a fault of ours: the job says so rather than wait for ever
        error = f"the ingest stopped: {type(exc).__name__}: {exc}"
        jobs.finish(depository.catalog, job.id, report=None, error=error, actor=job.created_by)
        raise
    jobs.finish(depository.catalog, job.id, report=report.as_data(), actor=job.created_by)
