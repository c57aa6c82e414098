"""The commands on the depository as a whole: `init`, `check`, `fixity`, `backup`,
`restore`, `export`, `serve` and `demo`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

from archive.cli.common import ACTOR, given_root, print_json, say_missing_tools
from archive.cli.ingest import ingest_with_progress
from archive.config import DEFAULT_BASE_URL
from archive.depository import Depository
from archive.errors import ArchiveError, DepositoryNotFound
from archive.fixity import check_fixity


def cmd_init(args: argparse.Namespace) -> int:
    depository = Depository.create(given_root(args), name_en=args.name_en, name_ar=args.name_ar)
    print(f"created a depository at {depository.root}")
    print(f"  configuration: {depository.config.path}")
    depository.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from archive.check import check

    with Depository.open(given_root(args), tidy=False) as depository:
        found = check(depository)
        records = depository.catalog.count("records")
        served = ", ".join(depository.indexes.served)
    if args.json:
        print_json([vars(i) for i in found])
    else:
        for inconsistency in found:
            print(inconsistency)
        verdict = "consistent" if not found else f"{len(found)} inconsistencies"
        print(f"{records} records, their originals and the {served} indexes: {verdict}")
    return 1 if found else 0


def cmd_fixity(args: argparse.Namespace) -> int:
    with Depository.open(given_root(args)) as depository:
        report = check_fixity(depository, fast=args.fast, actor=ACTOR)
    if args.json:
        print_json(report.as_data())
    else:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        mode = "sizes and counts" if args.fast else "checksums"
        verdict = "all intact" if report.ok else f"{len(report.problems)} problem(s)"
        print(f"fixity ({mode}): {report.objects} originals, {report.bytes} bytes: {verdict}")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from archive.backup import backup

    with Depository.open(given_root(args)) as depository:
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
    with Depository.open(given_root(args)) as depository:
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


def cmd_serve(args: argparse.Namespace) -> int:
    """The web site through gunicorn (several worker processes, each with its own depository
    connection; one at a time drains the indexes on a schedule), or one request with --get."""
    from webui.app import create_app
    from webui.serve import serve

    root = given_root(args)
    Depository.open(root).close()  # a missing or broken depository fails here, named
    if args.get:
        app = create_app(root)
        try:
            response = app.test_client().get(args.get)
        finally:
            app.config["SITE"].close()  # its audit thread writes what it queued, then stops
        sys.stdout.write(response.get_data(as_text=True))
        if response.status_code != 200:
            print(f"mediarch: {args.get}: HTTP {response.status_code}", file=sys.stderr)
            return 1
        return 0
    say_missing_tools()
    return serve(root, host=args.host, port=args.port, workers=args.workers)


def cmd_demo(args: argparse.Namespace) -> int:
    from ingest.pipeline import IngestOptions

    root = Path(getattr(args, "root", None) or os.environ.get("MEDIARCH_ROOT") or "demo-data")
    corpus = Path(args.corpus)
    say_missing_tools()
    try:
        depository = Depository.open(root)
        print(f"using the depository at {depository.root}")
    except DepositoryNotFound:
        depository = Depository.create(root)
        print(f"created a depository at {depository.root}")
    options = IngestOptions.of_corpus(corpus, collection="sample", jobs=min(2, os.cpu_count() or 1))
    with depository:
        catalog = depository.catalog
        if catalog.count("records") and not args.again:  # built on an earlier run
            print(f"  it holds {catalog.count('records')} records (--again ingests once more)")
            return _serve_demo(args, depository.root)
        status = ingest_with_progress(
            depository, options, depository.root / "demo-ingest-report.json"
        )
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
