"""The commands that deposit: `ingest` (a folder, with a progress bar and a report) and
`jobs` (list or run the ingest jobs queued from the web; the runner is `ingest.jobs_runner`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archive.cli.common import given_root, print_json, say_missing_tools
from archive.depository import Depository
from archive.errors import ArchiveError, EnvironmentFault


def _ingest_options(args: argparse.Namespace):
    from ingest.pipeline import IngestOptions
    from ingest.workers import Bounds

    return IngestOptions(
        folder=Path(args.folder),
        manifest=Path(args.manifest) if args.manifest else None,
        processes=Path(args.processes) if args.processes else None,
        sessions=Path(args.sessions) if args.sessions else None,
        agents=Path(args.agents) if args.agents else None,
        collection=args.collection,
        jobs=args.jobs,
        max_file_mb=args.max_file_mb,
        bounds=Bounds(seconds_base=args.timeout, memory_mb=args.memory_mb),
    )


def ingest_with_progress(depository: Depository, options, report_path: Path | None) -> int:
    """An ingest with a progress bar, its summary and its report: 0 when every file went in,
    1 when one failed or the run stopped at a fault of the machine (said on stderr)."""
    from ingest.pipeline import run_ingest
    from ingest.progress import Progress

    progress: Progress | None = None

    def on_plan(total: int) -> None:
        nonlocal progress
        progress = Progress(total)

    def on_file(entry) -> None:
        if progress:
            progress.file_done(entry)

    report = run_ingest(depository, options, on_file=on_file, on_plan=on_plan)
    if progress:
        progress.close()
    print(report.text_summary(), flush=True)
    if report_path:
        try:
            report.write(report_path)
            print(f"report: {report_path}")
        except OSError as exc:
            fault = EnvironmentFault.of(exc, report_path)
            print(f"mediarch: {fault or exc}", file=sys.stderr)
    if report.fault:
        print(f"mediarch: {report.fault}", file=sys.stderr)
    return report.exit_code


def cmd_ingest(args: argparse.Namespace) -> int:
    """A folder into the depository. Nothing could run (`IngestError`, exit 2, see
    `archive.cli.exits`) when the folder, the manifest or an authority file is unusable, and
    when there is no depository to deposit into."""
    from ingest.pipeline import IngestError

    try:
        depository = Depository.open(given_root(args))
    except ArchiveError as exc:
        raise IngestError(str(exc)) from exc
    report_path = Path(args.report) if args.report else None
    say_missing_tools()
    with depository:
        return ingest_with_progress(depository, _ingest_options(args), report_path)


def cmd_jobs(args: argparse.Namespace) -> int:
    from archive import jobs
    from ingest.jobs_runner import run_waiting_jobs

    with Depository.open(given_root(args)) as depository:
        if args.action == "list":
            found = jobs.listed(depository.catalog)
            if args.json:
                print_json([vars(j) for j in found])
                return 0
            for j in found:
                done = f"{j.progress.get('done', 0)}/{j.progress.get('total', '?')}"
                print(
                    f"{j.id:>5} {j.status:<8} {done:>9} by {j.created_by:<16} {j.created_at[:19]}"
                )
            return 0
        if not run_waiting_jobs(depository):
            print("mediarch: another runner is at work on the jobs", file=sys.stderr)
        return 0
