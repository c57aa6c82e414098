"""The publication ledger: what the public may see of each record, and since when.

Every time the indexer applies a change to a record, the record's public view is taken again
through the access decision; when its digest differs from the ledger's, the ledger notes the
moment (a datestamp to the second, UTC). A record whose public view is gone (withdrawn,
closed) stays as a deletion. Harvesters (OAI-PMH), the feed and the sitemap read the ledger
and show each record through the access decision once more: the ledger says what changed when,
never what may be seen."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from archive.catalog import Catalog
from archive.errors import NotFound

READY = "public_ledger"  # the setting saying the ledger covers every record


@dataclass(frozen=True)
class Entry:
    record_id: str
    datestamp: str
    deleted: bool
    collection: str | None
    process: str | None


def datestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _digest(view) -> str:
    shown = {"record": view.record, "full": view.full, "files": view.files}
    dumped = json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()


def note(catalog: Catalog, access, record_ids: Iterable[str], now: dt.datetime) -> int:
    """Take each record's public view again; note those that changed. Returns how many."""
    changed = 0
    stamp = datestamp(now)
    with catalog.transaction():
        for record_id in dict.fromkeys(record_ids):
            row = catalog.ledger_mark(record_id)
            try:
                record = catalog.record(record_id)
            except NotFound:
                record = None
            view = None
            if record is not None:
                view = access.view(catalog, record, None, "public", now)  # text unused
            if view is None:
                if row is not None and not row[1]:
                    catalog.note_ledger_deletion(record_id, stamp)
                    changed += 1
                continue
            digest = _digest(view)
            if row is not None and row[0] == digest and not row[1]:
                continue
            catalog.note_ledger_view(
                record_id,
                digest,
                stamp,
                # the sets the public sees it in: a redacted process is no set of its
                view.record.get("collection"),
                view.record.get("process"),
            )
            changed += 1
    return changed


def fill(catalog: Catalog, access, now: dt.datetime) -> int:
    """Note every record once (a depository older than the ledger): each datestamp is when the
    record was last updated, not now, so a first harvest does not see everything as new."""
    if catalog.setting(READY):
        return 0
    changed = 0
    ids = catalog.record_ids()
    for at in range(0, len(ids), 2000):
        changed += note(catalog, access, ids[at : at + 2000], now)
    with catalog.transaction():
        catalog.date_ledger_by_updates()
        catalog.set_setting(READY, datestamp(now))
    return changed


def entries(catalog: Catalog, **bounds: Any) -> list[Entry]:
    """Ledger entries in (datestamp, record) order, within the bounds asked (those of
    `Catalog.ledger_entries`: since, until, collection, process, in_collection, in_process,
    after, deleted, limit, newest_first)."""
    return [Entry(r[0], r[1], bool(r[2]), r[3], r[4]) for r in catalog.ledger_entries(**bounds)]


def entry(catalog: Catalog, record_id: str) -> Entry | None:
    row = catalog.ledger_entry(record_id)
    return Entry(row[0], row[1], bool(row[2]), row[3], row[4]) if row else None


def earliest(catalog: Catalog) -> str | None:
    return catalog.earliest_datestamp()
