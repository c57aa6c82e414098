"""The `mediarch` command: the one place where the archive, ingest and the web UI meet.

Every command but `init` and `demo` works on an existing depository named by `--root PATH`
(before or after the command) or the MEDIARCH_ROOT environment variable. Errors are shown
once, plainly, and the exit code is non-zero.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from archive import __version__
from archive.access.audit import AuditQueue, reading_log
from archive.access.policy import check_audience
from archive.audiences import AUDIENCES, ROLES
from archive.config import DEFAULT_BASE_URL
from archive.depository import Depository
from archive.errors import ArchiveError, DepositoryNotFound, EnvironmentFault, NotFound
from archive.fixity import check_fixity
from archive.index.indexes import IndexDamaged, SearchIndexes

SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "sample_corpus"
ACTOR = "cli"


def _root(args: argparse.Namespace) -> Path:
    root = getattr(args, "root", None) or os.environ.get("MEDIARCH_ROOT")
    if not root:
        raise ArchiveError("no depository given: use --root PATH or set MEDIARCH_ROOT")
    return Path(root)


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def cmd_init(args: argparse.Namespace) -> int:
    depository = Depository.create(_root(args), name_en=args.name_en, name_ar=args.name_ar)
    print(f"created a depository at {depository.root}")
    print(f"  configuration: {depository.config.path}")
    depository.close()
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    check_audience(args.audience)
    with Depository.open(_root(args)) as depository:
        depository.indexes.drain(depository.catalog)  # due lifts first, as a search does
        at = dt.datetime.now(dt.UTC)
        view = depository.access.view_by_id(depository.catalog, args.identifier, args.audience, at)
        if view is None:  # hidden answers exactly as missing
            raise NotFound("record", args.identifier)
        if args.by and args.audience != "public":
            public = depository.access.view_by_id(depository.catalog, args.identifier, "public", at)
            if public is None or not public.full:  # a record not open to all: audited
                audit = AuditQueue(depository.catalog.path)
                audit.record("viewed", args.identifier, args.by, {"as": args.audience})
                audit.close()
        _print_json(view.record)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with Depository.open(_root(args)) as depository:
        events = reading_log(depository.catalog, record_id=args.record, user=args.user)
    if args.json:
        _print_json([vars(e) for e in events])
        return 0
    for e in events:
        print(f"{e.at}  {e.actor:<16} {e.kind:<10} {e.subject_id}  {json.dumps(e.detail)}")
    return 0


def cmd_fixity(args: argparse.Namespace) -> int:
    with Depository.open(_root(args)) as depository:
        report = check_fixity(depository, fast=args.fast, actor=ACTOR)
    if args.json:
        _print_json(report.as_data())
    else:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        mode = "sizes and counts" if args.fast else "checksums"
        verdict = "all intact" if report.ok else f"{len(report.problems)} problem(s)"
        print(f"fixity ({mode}): {report.objects} originals, {report.bytes} bytes: {verdict}")
    return 0 if report.ok else 1


def _moment(value: str, zone) -> dt.datetime:
    """A date (00:00 in the depository's time zone) or a full ISO timestamp, as UTC."""
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ArchiveError(f"--at {value}: not a date (YYYY-MM-DD) or a time (ISO 8601)") from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=zone)).astimezone(dt.UTC)


def cmd_search(args: argparse.Namespace) -> int:
    from archive.index.search import RecordSearch

    check_audience(args.audience)
    with Depository.open(_root(args)) as depository:
        depository.indexes.drain(depository.catalog)  # applies due transitions first
        options = dict(
            audience=args.audience,
            page=args.page,
            limit=args.limit,
            sort=args.sort,
            expand=not args.no_expand,
        )
        if args.at in (None, "now"):
            search = RecordSearch(depository.indexes, depository.catalog)
            try:
                result = search.search(args.query, **options)
            except IndexDamaged:  # said once on stderr; built again now, then asked again
                depository.indexes.drain(depository.catalog)
                result = search.search(args.query, **options)
        else:  # a staff preview: a throw-away index of the audience's view at that moment
            at = _moment(args.at, depository.access.zone)
            with tempfile.TemporaryDirectory(prefix="mediarch-preview-") as tmp:
                preview = SearchIndexes(Path(tmp), depository.access, clock=lambda: at, note=False)
                preview.rebuild(depository.catalog, args.audience)
                result = RecordSearch(preview, depository.catalog).search(args.query, **options)
                preview.close()
    if args.json:
        _print_json(result.as_data())
        return 0
    print(
        f"{result.total} record(s)"
        + (f", page {result.page}" if result.total > result.limit else "")
    )
    for note in result.notes:
        print(f"  note: {note}")
    if result.partial and result.partial["every_word"] < result.total:
        p = result.partial
        print(f"  note: {p['every_word']} of these hold all {p['words']} words (they come first);"
              f" the others hold at least {p['minimum']}")  # fmt: skip
    for e in result.expanded:
        source = {
            "dictionary": " (general dictionary)",
            "collection": " (learned from the depository's bilingual records)",
        }.get(e["kind"], "")
        print(f"  also searched for {e['said']!r}{source}: {', '.join(e['also'][:6])}")
    for n, hit in enumerate(result.hits, start=(result.page - 1) * result.limit + 1):
        title = (
            hit.title_ar or hit.title_en
            if hit.languages[:1] == ["ar"]
            else hit.title_en or hit.title_ar
        )
        print(f"{n:>3}. {hit.id}  {hit.date or '-'}  {hit.document_type or '-'}  {title}")
        if hit.snippet:
            plain = hit.snippet.replace("<mark>", "[").replace("</mark>", "]")
            print(f"       p.{hit.page}: {html.unescape(plain)}")
        if hit.missing:
            print(f"       missing: {', '.join(hit.missing)}")
    if result.suggestions:
        print(f"did you mean: {result.suggestions[0]}")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    with Depository.open(_root(args)) as depository:
        count = depository.catalog.count("records")
        indexes = depository.indexes
        for audience in indexes.served:
            started = time.monotonic()
            if audience == "admin" and "staff" in indexes.served:  # staff's is built by now
                generation = indexes.derive_admin(depository.catalog)
            else:
                generation = indexes.rebuild(depository.catalog, audience)
            print(
                f"reindexed {count} records for {audience} into {generation.folder.name}"
                f" in {time.monotonic() - started:.1f} s"
            )
        depository.indexes.drain(depository.catalog)
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise ArchiveError("the two passwords differ")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    from archive.access.users import Users

    actor = getattr(args, "by", None) or os.environ.get("USER") or "mediarch"
    with Depository.open(_root(args)) as depository:
        users = Users(depository.catalog)
        if args.action == "add":
            user = users.add(args.name, _password(args), args.role, actor=actor)
            print(f"added {user.name} ({user.role})")
        elif args.action == "set-role":
            user = users.set_role(args.name, args.role, actor=actor)
            print(f"{user.name} is now {user.role}")
        elif args.action == "approve":
            user = users.approve(args.name, actor=actor)
            print(f"{user.name} is active")
        elif args.action == "disable":
            user = users.disable(args.name, actor=actor)
            print(f"{user.name} is disabled")
        else:
            listed = users.list()
            if args.json:
                _print_json([vars(u) for u in listed])
            for u in [] if args.json else listed:
                print(f"{u.name:<24} {u.role:<7} {u.status:<9} since {u.created_at[:10]}")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    from archive.access import releases

    with Depository.open(_root(args)) as depository:
        if args.action == "propose":
            found = releases.propose(
                depository.catalog,
                args.identifier,
                by=args.by,
                redacted=args.redacted,
                basis=args.basis or "",
            )
            kind = "a redacted release" if found.redacted else "a release"
            print(f"{args.identifier}: {kind} proposed by {found.proposed_by}; another staff"
                  " member must approve it (mediarch release approve ID --by NAME)")  # fmt: skip
        else:
            found = releases.approve(depository.catalog, args.identifier, by=args.by)
            depository.indexes.drain(depository.catalog)
            print(
                f"{args.identifier}: released at {found.approved_at}"
                f" (proposed by {found.proposed_by}, approved by {found.approved_by})"
            )
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    """Confirm values ingest guessed for a record: shown from now on to whoever may see the
    field (until then an audience below staff sees them only where it reads their source)."""
    actor = args.by or os.environ.get("USER") or ACTOR
    with Depository.open(_root(args)) as depository:
        catalog = depository.catalog
        waiting = catalog.record(args.identifier).get("unconfirmed", {})
        if not waiting:
            print(f"{args.identifier}: nothing guessed waits for confirmation")
            return 0
        unknown = [f for f in args.fields if f not in waiting]
        if unknown:
            raise ArchiveError(
                f"{args.identifier}: not waiting for confirmation: {', '.join(unknown)}"
                f" (waiting: {', '.join(waiting)})"
            )
        chosen = catalog.confirm(args.identifier, args.fields or None, actor=actor)
        depository.indexes.drain(catalog)
        print(f"{args.identifier}: confirmed {', '.join(chosen)}")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Publish an agent, process or session that no record the public may see names yet."""
    from archive.authorities import what_publishing_shows

    actor = args.by or os.environ.get("USER") or ACTOR
    with Depository.open(_root(args)) as depository:
        catalog = depository.catalog
        shown = what_publishing_shows(catalog, args.kind, args.identifier)
        if not args.yes:
            print(f"Publishing {args.kind} {args.identifier} makes public:")
            for line in shown:
                print(f"  {line}")
            print("Run again with --yes to publish it.")
            return 1
        catalog.publish_authority(args.kind, args.identifier, actor=actor, shown=shown)
        print(f"{args.kind} {args.identifier}: published")
    return 0


def _duration(value: str) -> dt.timedelta:
    units = {"d": 1, "w": 7, "m": 30, "y": 365}
    if len(value) < 2 or value[-1] not in units or not value[:-1].isdigit():
        raise ArchiveError(f"{value!r}: a duration is a number and d, w, m or y (90d, 2y)")
    return dt.timedelta(days=int(value[:-1]) * units[value[-1]])


def cmd_embargo(args: argparse.Namespace) -> int:
    from archive.access.policy import NEVER

    with Depository.open(_root(args)) as depository:
        access, catalog = depository.access, depository.catalog
        now = dt.datetime.now(dt.UTC)
        until = now + _duration(args.lifting_within) if args.lifting_within else None
        rows = []
        for identifier in catalog.record_ids():
            record = catalog.record(identifier)
            facts = access.facts(catalog, record)
            if facts.opens_at is None or facts.opens_at <= now:
                continue
            if until is not None and facts.opens_at > until:
                continue
            opens = "never (closed until staff decide)" if facts.opens_at == NEVER else (
                facts.opens_at.astimezone(depository.access.zone).isoformat(timespec="minutes")
            )  # fmt: skip
            rows.append(
                {
                    "id": identifier,
                    "opens": opens,
                    "to": facts.level,
                    "own_embargo": record.get("embargo_until"),
                    "listed": facts.visibility == "listed",
                }
            )
    rows.sort(key=lambda r: r["opens"])
    if args.json:
        _print_json(rows)
        return 0
    print(f"{len(rows)} record(s) under embargo" + (f", lifting within {args.lifting_within}"
                                                      if until else ""))  # fmt: skip
    for r in rows:
        print(f"  {r['opens']:<26} {r['to']:<7} {r['id']}")
    return 0


def cmd_indexer(args: argparse.Namespace) -> int:
    """Keep the indexes current until stopped: apply queued catalog changes and lift every
    embargo whose moment has come, every --every seconds."""
    every = max(0.2, args.every)
    with Depository.open(_root(args)) as depository:
        if not args.once:
            print(
                f"keeping the indexes of {depository.root} current every {every:g} s (Ctrl-C stops)"
            )
            sys.stdout.flush()
        while True:
            depository.indexes.verify()  # a segment cut short: built again by the drain below
            applied = depository.indexes.drain(depository.catalog)  # reads changed rules too
            if applied and not args.quiet:
                print(f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')} applied {applied}")
                sys.stdout.flush()
            if args.once:
                return 0
            time.sleep(every)


def cmd_serve(args: argparse.Namespace) -> int:
    """The web site through gunicorn (several worker processes, each with its own depository
    connection; one at a time drains the indexes on a schedule), or one request with --get."""
    from webui.app import create_app
    from webui.serve import serve

    root = _root(args)
    Depository.open(root).close()  # a missing or broken depository fails here, named
    if args.get:
        app = create_app(root)
        response = app.test_client().get(args.get)
        sys.stdout.write(response.get_data(as_text=True))
        if response.status_code != 200:
            print(f"mediarch: {args.get}: HTTP {response.status_code}", file=sys.stderr)
            return 1
        return 0
    _say_missing_tools()
    return serve(root, host=args.host, port=args.port, workers=args.workers)


def _say_missing_tools() -> None:
    """Once, on standard error: which optional tool is not installed and what that costs."""
    from ingest.tools import missing_note

    for line in missing_note():
        print(line, file=sys.stderr)


def cmd_log(args: argparse.Namespace) -> int:
    with Depository.open(_root(args)) as depository:
        events = depository.catalog.events("record" if args.record else None, args.record)
    for e in events[-args.limit :]:
        subject = f"{e.subject_type} {e.subject_id}" if e.subject_id else e.subject_type
        print(
            f"{e.at}  {e.actor:<8} {e.kind:<17} {subject}  {json.dumps(e.detail, ensure_ascii=False)}"
        )
    return 0


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


def _run_ingest(depository: Depository, options, report_path: Path | None) -> int:
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
    from ingest.pipeline import IngestError

    try:
        depository = Depository.open(_root(args))
    except ArchiveError as exc:
        print(f"mediarch: {exc}", file=sys.stderr)
        return 2
    report_path = Path(args.report) if args.report else None
    _say_missing_tools()
    with depository:
        try:
            return _run_ingest(depository, _ingest_options(args), report_path)
        except IngestError as exc:  # nothing could run: folder, manifest or authority file unusable
            print(f"mediarch: {exc}", file=sys.stderr)
            return 2


def _run_job(depository: Depository, job) -> None:
    """Run one queued ingest job, writing what it settles to the job as it goes."""
    from archive import jobs
    from archive.faults import fault_point
    from ingest.pipeline import IngestError, IngestOptions, run_ingest

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


def cmd_jobs(args: argparse.Namespace) -> int:
    from archive import jobs

    with Depository.open(_root(args)) as depository:
        if args.action == "list":
            found = jobs.listed(depository.catalog)
            if args.json:
                _print_json([vars(j) for j in found])
                return 0
            for j in found:
                done = f"{j.progress.get('done', 0)}/{j.progress.get('total', '?')}"
                print(
                    f"{j.id:>5} {j.status:<8} {done:>9} by {j.created_by:<16} {j.created_at[:19]}"
                )
            return 0
        while True:
            with jobs.runner_lock(depository.root) as mine:
                if not mine:
                    print("mediarch: another runner is at work on the jobs", file=sys.stderr)
                    return 0
                _run_jobs(depository)
            # a job queued while this runner let go of the lock finds no runner to start it
            if not jobs.unfinished(depository.catalog):
                return 0


def _run_jobs(depository: Depository) -> None:
    """Every waiting or cut-short job, oldest first (the caller holds the runner's lock)."""
    from archive import jobs

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
        _run_job(depository, job)
        print(f"job {job.id}: {jobs.get(depository.catalog, job.id).status}")


def cmd_check(args: argparse.Namespace) -> int:
    from archive.check import check

    with Depository.open(_root(args), tidy=False) as depository:
        found = check(depository)
        records = depository.catalog.count("records")
        served = ", ".join(depository.indexes.served)
    if args.json:
        _print_json([vars(i) for i in found])
    else:
        for inconsistency in found:
            print(inconsistency)
        verdict = "consistent" if not found else f"{len(found)} inconsistencies"
        print(f"{records} records, their originals and the {served} indexes: {verdict}")
    return 1 if found else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Dublin Core, EAD3, the spreadsheet or a BagIt package, as an audience sees them."""
    from archive.publish import exports

    if args.kind == "csv" and args.selector and not args.out and _names_a_file(args.selector):
        args.selector, args.out = None, args.selector  # `export csv FILE.csv`
    if args.kind in ("dc", "ead", "bagit") and not args.selector:
        raise ArchiveError(
            f"export {args.kind} needs a {'record' if args.kind == 'dc' else 'process'}"
        )
    if args.kind == "bagit" and not args.out:
        raise ArchiveError("export bagit needs the bag's folder: export bagit SELECTOR OUT")
    with Depository.open(_root(args)) as depository:
        depository.indexes.drain(depository.catalog)  # what is due is applied first
        access, now = depository.indexes.access, dt.datetime.now(dt.UTC)
        urls = exports.Addresses.under(depository.config.base_url or DEFAULT_BASE_URL)
        if args.kind == "bagit":
            from archive.publish.bag import export_bag

            done = export_bag(
                depository, access, args.selector, Path(args.out), audience=args.audience, now=now
            )
            print(
                f"bagged {done['records']} records and {done['files']} original files in {done['folder']}"
            )
            return 0
        if args.kind == "dc":
            body = exports.record_dc(depository, access, args.selector, args.audience, now, urls)
        elif args.kind == "ead":
            body = exports.process_ead(depository, access, args.selector, args.audience, now, urls)
        else:
            body = exports.records_spreadsheet(
                depository, access, args.audience, now, selector=args.selector
            )
    if args.out:
        Path(args.out).write_bytes(body)
        print(f"wrote {args.out}")
    else:
        sys.stdout.buffer.write(body)
    return 0


def _names_a_file(argument: str) -> bool:
    """Whether `export csv`'s one argument is the file to write (a .csv name or a path), not
    the collection or process to export."""
    return argument.lower().endswith(".csv") or os.sep in argument or "/" in argument


def cmd_import_metadata(args: argparse.Namespace) -> int:
    from ingest.manifest import ManifestError
    from ingest.metadata_import import import_metadata

    actor = args.by or os.environ.get("USER") or ACTOR
    with Depository.open(_root(args)) as depository:
        try:
            outcomes = import_metadata(
                depository, Path(args.file), actor=actor, dry_run=args.dry_run
            )
        except ManifestError as exc:
            print(f"mediarch: {exc}", file=sys.stderr)
            return 2
    if args.json:
        _print_json([vars(o) for o in outcomes])
    else:
        for o in outcomes:
            detail = o.reason or ", ".join(
                f"{k}: {v['old']!r} -> {v['new']!r}" for k, v in o.changes.items()
            )
            print(f"line {o.line:<5} {o.identifier or '-':<40} {o.outcome:<9} {detail}".rstrip())
        counts = Counter(o.outcome for o in outcomes)
        verb = "would change" if args.dry_run else "changed"
        print(f"{verb} {counts.get('changed', 0)}, unchanged {counts.get('unchanged', 0)},"
              f" refused {counts.get('refused', 0)} of {len(outcomes)} rows")  # fmt: skip
    return 1 if any(o.outcome == "refused" for o in outcomes) else 0


def cmd_backup(args: argparse.Namespace) -> int:
    from archive.backup import backup

    with Depository.open(_root(args)) as depository:
        manifest = backup(depository, Path(args.out))
    print(f"backed up {manifest['records']} records and {manifest['objects']} originals to"
          f" {args.out} (every file verified against MANIFEST.json)")  # fmt: skip
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from archive.backup import restore

    manifest = restore(Path(args.backup), Path(args.target))
    with Depository.open(Path(args.target)) as depository:
        indexes = depository.indexes
        for audience in indexes.served:
            if audience == "admin" and "staff" in indexes.served:
                indexes.derive_admin(depository.catalog)
            else:
                indexes.rebuild(depository.catalog, audience)
        indexes.drain(depository.catalog)
        fixity = check_fixity(depository, actor=ACTOR)
    print(f"restored {manifest['records']} records into {args.target}; indexes rebuilt; fixity: "
          + ("all intact" if fixity.ok else f"{len(fixity.problems)} problem(s)"))  # fmt: skip
    return 0 if fixity.ok else 1


def cmd_demo(args: argparse.Namespace) -> int:
    from ingest.pipeline import IngestOptions

    root = Path(getattr(args, "root", None) or os.environ.get("MEDIARCH_ROOT") or "demo-data")
    corpus = Path(args.corpus)
    _say_missing_tools()
    try:
        depository = Depository.open(root)
        print(f"using the depository at {depository.root}")
    except DepositoryNotFound:
        depository = Depository.create(root)
        print(f"created a depository at {depository.root}")
    options = IngestOptions(
        folder=corpus / "files",
        manifest=corpus / "manifest.csv",
        processes=corpus / "processes.json",
        sessions=corpus / "sessions.json",
        agents=corpus / "agents.json",
        collection="sample",
        jobs=min(2, os.cpu_count() or 1),
    )
    with depository:
        catalog = depository.catalog
        if catalog.count("records") and not args.again:  # built on an earlier run
            print(f"  it holds {catalog.count('records')} records (--again ingests once more)")
            return _serve_demo(args, depository.root)
        status = _run_ingest(depository, options, depository.root / "demo-ingest-report.json")
        records = [catalog.record(i) for i in catalog.record_ids()]
        print(
            f"the depository holds {len(records)} records, {catalog.count('processes')} processes,"
            f" {catalog.count('sessions')} sessions, {catalog.count('agents')} agents"
        )
        counts = Counter(r["access"] for r in records)
        print("  by access: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        from archive.index.search import RecordSearch

        depository.indexes.drain(catalog)
        public = RecordSearch(depository.indexes, catalog).search("", audience="public").total
        print(
            f"  the public sees {public} of them (the site's home page counts these); the others"
            " are closed to it, under embargo, drafts, withdrawn or hidden"
        )
        fixity = check_fixity(depository, actor=ACTOR)
        print(
            f"fixity: {fixity.objects} originals, {fixity.bytes} bytes, "
            + ("all intact" if fixity.ok else f"{len(fixity.problems)} problem(s)")
        )
        if records:
            print(f"try: {_program()} --root {root} show {records[0]['identifier']}")
    if status or not fixity.ok:
        return status or 1
    return _serve_demo(args, depository.root)


def _program() -> str:
    """How to call mediarch again from here: `mediarch` where the shell finds this one,
    else the path it was called by (.venv/bin/mediarch)."""
    called = Path(sys.argv[0])
    if called.name != "mediarch":
        return f"{Path(sys.executable).name} -m archive.cli"
    found = shutil.which("mediarch")
    if found and Path(found).resolve() == called.resolve():
        return "mediarch"
    try:
        return str(called.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(called)


def _serve_demo(args: argparse.Namespace, root: Path) -> int:
    if args.no_serve:
        return 0
    from webui.serve import serve

    return serve(root, host=args.host, port=args.port, workers=2)


def build_parser() -> argparse.ArgumentParser:
    # --root is accepted before or after the command; SUPPRESS keeps one from erasing the other.
    root_option = argparse.ArgumentParser(add_help=False)
    root_option.add_argument(
        "--root",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="the depository's folder (or MEDIARCH_ROOT)",
    )
    parser = argparse.ArgumentParser(
        prog="mediarch",
        parents=[root_option],
        description="The mediation depository: a bilingual archive of peace mediation records.",
    )
    parser.add_argument("--version", action="version", version=f"mediarch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, handler: Callable[[argparse.Namespace], int], help_: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[root_option], help=help_, description=help_)
        p.set_defaults(handler=handler)
        return p

    p = command(
        "init", cmd_init, "create a depository (catalog, store, index folder, configuration)"
    )
    p.add_argument("path", nargs="?", help="where to create it (or --root)")
    p.add_argument(
        "--name-en", default="The Mediation Depository", help="the institution's name in English"
    )
    p.add_argument("--name-ar", default="مستودع الوساطة", help="the institution's name in Arabic")
    p = command("show", cmd_show, "print a record as JSON")
    p.add_argument("identifier")
    p.add_argument(
        "--as",
        dest="audience",
        default="staff",
        help="what this audience sees of it: public, reader, staff (default) or admin",
    )
    p.add_argument("--by", help="the reader or staff member reading it (the view is audited)")
    p = command(
        "fixity", cmd_fixity, "re-hash every original; exit 1 when any is missing or altered"
    )
    p.add_argument("--fast", action="store_true", help="compare sizes and counts only")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p = command("search", cmd_search, "search the depository in Arabic or English")
    p.add_argument(
        "query",
        help='words, "phrases", OR, -not, title: process: type: lang: agent: date:2019..2021',
    )
    p.add_argument(
        "--as",
        dest="audience",
        default="staff",
        help="the audience to search as: public, reader, staff (default) or admin",
    )
    p.add_argument(
        "--at",
        default=None,
        help="a staff preview: what the audience will see on this date (YYYY-MM-DD) or moment",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--limit", type=int, default=10, help="hits per page (default 10)")
    p.add_argument("--page", type=int, default=1, help="page of hits (default 1)")
    p.add_argument(
        "--sort",
        choices=["relevance", "date", "title"],
        help="default: relevance, or date without words",
    )
    p.add_argument("--no-expand", action="store_true", help="no thesaurus or name expansion")
    p = command(
        "reindex", cmd_reindex, "rebuild the search index from the catalog and the kept text"
    )
    p = command("users", cmd_users, "add, list, approve, change or disable users")
    by_option = argparse.ArgumentParser(add_help=False)
    by_option.add_argument("--by", help="who makes the change (default: $USER)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("add", parents=[root_option, by_option], help="add a user")
    a.add_argument("name")
    a.add_argument("--role", choices=ROLES, default=ROLES[0])
    a.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    a = actions.add_parser("list", parents=[root_option], help="list the users")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser(
        "set-role", parents=[root_option, by_option], help="change a user's role"
    )
    a.add_argument("name")
    a.add_argument("role", choices=ROLES)
    for name, text in (("approve", "let a registered reader in"), ("disable", "shut a user out")):
        a = actions.add_parser(name, parents=[root_option, by_option], help=text)
        a.add_argument("name")
    p = command("release", cmd_release, "release an embargoed record early (two staff members)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("propose", parents=[root_option], help="propose an early release")
    a.add_argument("identifier")
    a.add_argument("--redacted", action="store_true", help="release the redacted version only")
    a.add_argument("--basis", help="on what basis (a declassification decision, say)")
    a.add_argument("--by", required=True, help="the staff member who proposes it")
    a = actions.add_parser("approve", parents=[root_option], help="approve a proposed release")
    a.add_argument("identifier")
    a.add_argument("--by", required=True, help="another staff member, who approves it")
    p = command("confirm", cmd_confirm, "confirm values ingest guessed for a record")
    p.add_argument("identifier")
    p.add_argument("fields", nargs="*", metavar="FIELD", help="only these (default: all)")
    p.add_argument("--by", help="the staff member who confirms (default: $USER)")
    p = command(
        "publish", cmd_publish, "publish an agent, process or session no public record names"
    )
    p.add_argument("kind", choices=["agent", "process", "session"])
    p.add_argument("identifier")
    p.add_argument("--yes", action="store_true", help="publish (without it: say what would show)")
    p.add_argument("--by", help="the staff member who publishes (default: $USER)")
    p = command("check", cmd_check, "is the catalog consistent with the store and every index?")
    p.add_argument("--json", action="store_true")
    p = command("export", cmd_export, "Dublin Core, EAD3, CSV or BagIt, as an audience sees them")
    p.add_argument("kind", choices=["dc", "ead", "csv", "bagit"])
    p.add_argument(
        "selector",
        nargs="?",
        help="a record (dc), a process (ead), a collection or process (csv: optional; bagit)",
    )
    p.add_argument("out", nargs="?", help="the file to write (the bag's folder for bagit)")
    p.set_defaults(late_positionals=("selector", "out"))
    p.add_argument("--as", dest="audience", default="public", choices=AUDIENCES,
                   help="whose view (default public; staff for the spreadsheet round trip)")  # fmt: skip
    p = command("import-metadata", cmd_import_metadata, "apply an edited spreadsheet's changes")
    p.add_argument(
        "file", help="CSV (any manifest encoding), XLSX or JSON in the manifest's columns"
    )
    p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    p.add_argument("--by", help="who makes the changes (default: $USER)")
    p.add_argument("--json", action="store_true")
    p = command("backup", cmd_backup, "a verified copy of catalog, originals and configuration")
    p.add_argument("out", help="a new folder")
    p = command(
        "restore", cmd_restore, "restore a backup into a new depository and rebuild its indexes"
    )
    p.add_argument("backup", help="the backup's folder")
    p.add_argument("target", help="the new depository's folder")
    p = command("jobs", cmd_jobs, "list or run the ingest jobs queued from the web")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("list", parents=[root_option], help="the latest jobs and their state")
    a.add_argument("--json", action="store_true")
    actions.add_parser(
        "run", parents=[root_option], help="run every waiting or interrupted job, then exit"
    )
    p = command("embargo", cmd_embargo, "list the records under embargo")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = actions.add_parser("list", parents=[root_option], help="when each embargo lifts")
    a.add_argument("--lifting-within", metavar="DURATION", help="only those lifting within (90d)")
    a.add_argument("--json", action="store_true")
    p = command(
        "indexer",
        cmd_indexer,
        "keep the indexes current: apply changes and lift embargoes when due, until stopped",
    )
    p.add_argument("--every", type=float, default=15.0, help="seconds between rounds (15)")
    p.add_argument("--once", action="store_true", help="one round, then exit")
    p.add_argument("--quiet", action="store_true", help="print nothing after starting")
    p = command("serve", cmd_serve, "serve the web site (gunicorn), or answer one request")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=5000, help="port (5000)")
    p.add_argument("--workers", type=int, default=3, help="worker processes (3)")
    p.add_argument("--get", metavar="PATH", help="answer one request in-process and exit")
    p = command("audit", cmd_audit, "who read or downloaded records that are not public")
    p.add_argument("--record", help="only this record")
    p.add_argument("--user", help="only this reader or staff member")
    p.add_argument("--json", action="store_true")
    p = command("log", cmd_log, "print the audit log")
    p.add_argument("--record", help="only the events of this record")
    p.add_argument("--limit", type=int, default=200, help="the last N events (default 200)")
    p = command("ingest", cmd_ingest, "ingest a folder of files, described by an optional manifest")
    p.add_argument("folder", help="the folder to ingest (walked recursively)")
    p.add_argument(
        "--manifest", help="CSV (UTF-8, UTF-16 or Windows-1256), XLSX or JSON, one row per file"
    )
    p.add_argument("--processes", help="JSON file describing the processes")
    p.add_argument("--sessions", help="JSON file describing the sessions")
    p.add_argument("--agents", help="JSON file of agents (authority records)")
    p.add_argument("--collection", help="the collection the records belong to")
    p.add_argument("--jobs", type=int, default=1, help="extraction worker processes (default 1)")
    p.add_argument(
        "--max-file-mb", type=int, default=512, help="refuse files larger than this (default 512)"
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="time bound per file before its pages are counted (default 60; grows with pages)",
    )
    p.add_argument(
        "--memory-mb",
        type=int,
        default=2048,
        help="memory bound per extraction worker (default 2048)",
    )
    p.add_argument("--report", help="write the JSON report to this file")
    p = command(
        "demo",
        cmd_demo,
        "load the sample corpus into a depository (default ./demo-data) on first run, then serve",
    )
    p.add_argument(
        "--corpus", default=str(SAMPLE_CORPUS), help="a described folder (default: sample_corpus)"
    )
    p.add_argument("--again", action="store_true", help="ingest even if it holds records")
    p.add_argument("--no-serve", action="store_true", help="load, check and exit")
    p.add_argument("--host", default="127.0.0.1", help="address to serve on (127.0.0.1)")
    p.add_argument("--port", type=int, default=5000, help="port (5000)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    # argparse gives a word after an option to no positional (`export csv SEL --as staff OUT`):
    # such words fill the command's optional positionals still empty, in order
    late = [name for name in getattr(args, "late_positionals", ()) if getattr(args, name) is None]
    while extra and late and not extra[0].startswith("-"):
        setattr(args, late.pop(0), extra.pop(0))
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "init" and args.path:
        args.root = args.path
    try:
        return args.handler(args)
    except ArchiveError as exc:
        print(f"mediarch: {exc}", file=sys.stderr)
        return 1
    except (OSError, sqlite3.OperationalError) as exc:  # the machine's fault: one plain line
        fault = EnvironmentFault.of(exc, getattr(args, "root", None))
        if fault is None:
            raise
        print(f"mediarch: {fault}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("mediarch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`mediarch search … | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
