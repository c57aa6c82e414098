"""The commands on records and their history: `show`, `confirm`, `publish`,
`import-metadata`, `log` and `audit`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections import Counter
from pathlib import Path

from archive.access.audit import AuditQueue, reading_log
from archive.access.policy import check_audience
from archive.cli.common import ACTOR, given_root, print_json
from archive.depository import Depository
from archive.errors import ArchiveError, NotFound


def cmd_show(args: argparse.Namespace) -> int:
    check_audience(args.audience)
    with Depository.open(given_root(args)) as depository:
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
        print_json(view.record)
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    """Confirm values ingest guessed for a record: shown from now on to whoever may see the
    field (until then an audience below staff sees them only where it reads their source)."""
    actor = args.by or os.environ.get("USER") or ACTOR
    with Depository.open(given_root(args)) as depository:
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
    with Depository.open(given_root(args)) as depository:
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


def cmd_import_metadata(args: argparse.Namespace) -> int:
    """An edited spreadsheet's changes; a spreadsheet that cannot be read raises
    `ManifestError` (nothing ran: exit 2, see `archive.cli.exits`)."""
    from ingest.metadata_import import import_metadata

    actor = args.by or os.environ.get("USER") or ACTOR
    with Depository.open(given_root(args)) as depository:
        outcomes = import_metadata(depository, Path(args.file), actor=actor, dry_run=args.dry_run)
    if args.json:
        print_json([vars(o) for o in outcomes])
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


def cmd_log(args: argparse.Namespace) -> int:
    with Depository.open(given_root(args)) as depository:
        events = depository.catalog.events("record" if args.record else None, args.record)
    for e in events[-args.limit :]:
        subject = f"{e.subject_type} {e.subject_id}" if e.subject_id else e.subject_type
        print(
            f"{e.at}  {e.actor:<8} {e.kind:<17} {subject}  {json.dumps(e.detail, ensure_ascii=False)}"
        )
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with Depository.open(given_root(args)) as depository:
        events = reading_log(depository.catalog, record_id=args.record, user=args.user)
    if args.json:
        print_json([vars(e) for e in events])
        return 0
    for e in events:
        print(f"{e.at}  {e.actor:<16} {e.kind:<10} {e.subject_id}  {json.dumps(e.detail)}")
    return 0
