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
            row = catalog.conn.execute(
                "SELECT digest, deleted FROM public_ledger WHERE record_id = ?", (record_id,)
            ).fetchone()
            try:
                record = catalog.record(record_id)
            except NotFound:
                record = None
            view = None
            if record is not None:
                view = access.view(catalog, record, None, "public", now)  # text unused
            if view is None:
                if row is not None and not row[1]:
                    catalog.conn.execute(
                        "UPDATE public_ledger SET deleted = 1, datestamp = ?, digest = ''"
                        " WHERE record_id = ?",
                        (stamp, record_id),
                    )
                    changed += 1
                continue
            digest = _digest(view)
            if row is not None and row[0] == digest and not row[1]:
                continue
            catalog.conn.execute(
                "INSERT INTO public_ledger (record_id, digest, datestamp, deleted, collection,"
                " process) VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT(record_id) DO UPDATE SET"
                " digest = excluded.digest, datestamp = excluded.datestamp, deleted = 0,"
                " collection = excluded.collection, process = excluded.process",
                # the sets the public sees it in: a redacted process is no set of its
                (
                    record_id,
                    digest,
                    stamp,
                    view.record.get("collection"),
                    view.record.get("process"),
                ),
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
        catalog.conn.execute(
            "UPDATE public_ledger SET datestamp = (SELECT"
            " strftime('%Y-%m-%dT%H:%M:%SZ', records.updated_at) FROM records"
            " WHERE records.id = public_ledger.record_id) WHERE record_id IN"
            " (SELECT id FROM records)"
        )
        catalog.set_setting(READY, datestamp(now))
    return changed


def entries(
    catalog: Catalog,
    *,
    since: str | None = None,
    until: str | None = None,
    collection: str | None = None,
    process: str | None = None,
    in_collection: bool = False,
    in_process: bool = False,
    after: tuple[str, str] | None = None,
    limit: int = 100,
    deleted: bool = True,
    newest_first: bool = False,
) -> list[Entry]:
    """Ledger entries in (datestamp, record) order, within the bounds asked."""
    sql, args = (
        "SELECT record_id, datestamp, deleted, collection, process FROM public_ledger WHERE 1=1",
        [],
    )
    for clause, value in (
        ("datestamp >= ?", since),
        ("datestamp <= ?", until),
        ("collection = ?", collection),
        ("process = ?", process),
    ):
        if value is not None:
            sql += f" AND {clause}"
            args.append(value)
    if in_collection:
        sql += " AND collection IS NOT NULL"
    if in_process:
        sql += " AND process IS NOT NULL"
    if not deleted:
        sql += " AND deleted = 0"
    if after is not None:
        sql += " AND (datestamp > ? OR (datestamp = ? AND record_id > ?))"
        args += [after[0], after[0], after[1]]
    order = "DESC" if newest_first else ""
    sql += f" ORDER BY datestamp {order}, record_id {order} LIMIT ?"
    args.append(limit)
    return [Entry(r[0], r[1], bool(r[2]), r[3], r[4]) for r in catalog.conn.execute(sql, args)]


def entry(catalog: Catalog, record_id: str) -> Entry | None:
    row = catalog.conn.execute(
        "SELECT record_id, datestamp, deleted, collection, process FROM public_ledger"
        " WHERE record_id = ?",
        (record_id,),
    ).fetchone()
    return Entry(row[0], row[1], bool(row[2]), row[3], row[4]) if row else None


def earliest(catalog: Catalog) -> str | None:
    row = catalog.conn.execute("SELECT min(datestamp) FROM public_ledger").fetchone()
    return row[0] if row else None
