"""The commands on the search indexes: `search`, `reindex` and `indexer`."""

from __future__ import annotations

import argparse
import datetime as dt
import html
import sys
import tempfile
import time
from pathlib import Path

from archive.access.policy import check_audience
from archive.cli.common import given_root, print_json
from archive.depository import Depository
from archive.errors import ArchiveError
from archive.index.indexes import IndexDamaged, SearchIndexes


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
    with Depository.open(given_root(args)) as depository:
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
        print_json(result.as_data())
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
    with Depository.open(given_root(args)) as depository:
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


def cmd_indexer(args: argparse.Namespace) -> int:
    """Keep the indexes current until stopped: apply queued catalog changes and lift every
    embargo whose moment has come, every --every seconds."""
    every = max(0.2, args.every)
    with Depository.open(given_root(args)) as depository:
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
