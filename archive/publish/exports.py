"""The exports every channel shares (the command line and the web site): a record's Dublin
Core, a process's EAD3 finding aid and the records' spreadsheet, each as an audience may see
them now, with addresses made by the caller (the site's own, or the configured base URL)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass

from archive.authorities import known
from archive.errors import ArchiveError, NotFound
from archive.publish.ead import EAD, finding_aid
from archive.publish.record_xml import dublin_core, to_bytes
from archive.publish.spreadsheet import records_csv


@dataclass(frozen=True)
class Addresses:
    record: Callable[[str], str]
    file: Callable[[str, int], str]

    @classmethod
    def under(cls, base_url: str) -> Addresses:
        base = base_url.rstrip("/")
        return cls(
            record=lambda i: f"{base}/records/{i}",
            file=lambda i, n: f"{base}/records/{i}/files/{n}",
        )


def _process(catalog, identifier: str | None):
    if not identifier:
        return None
    try:
        return catalog.process(identifier)
    except ArchiveError:
        return None


def record_dc(
    depository, access, identifier: str, audience: str, now: dt.datetime, urls: Addresses
) -> bytes:
    """Raises NotFound for a record the audience may not know (like a missing one)."""
    catalog = depository.catalog
    view = access.view_by_id(catalog, identifier, audience, now, with_text=False)
    if view is None:
        raise NotFound("record", identifier)
    record = view.record
    files = [
        {"media_type": f["media_type"]} for f in (record.get("files", []) if view.files else [])
    ]
    element = dublin_core(
        record,
        url=urls.record(identifier),
        publisher={"en": depository.config.name_en, "ar": depository.config.name_ar},
        process=_process(catalog, record.get("process")),
        files=files,
    )
    return to_bytes(element)


def process_ead(
    depository, access, identifier: str, audience: str, now: dt.datetime, urls: Addresses
) -> bytes:
    catalog = depository.catalog
    knows = known(depository.indexes, catalog, audience)
    if not knows("process", identifier):  # unknown and not yet known answer alike
        raise NotFound("process", identifier)
    process = catalog.process(identifier)
    ids = catalog.records_of_process(identifier)
    views = [
        v
        for v in (access.view_by_id(catalog, i, audience, now) for i in ids)
        if v is not None and v.record.get("process") == identifier
    ]  # those whose view names the process (a redacted process is not shown), in the order
    # of what each view shows (a guessed date it may not see orders nothing)
    views.sort(key=lambda v: (v.record.get("date") or "9999", v.record["identifier"]))
    element = finding_aid(
        process,
        knows.only("session", catalog.sessions(identifier)),
        views,
        institution={"en": depository.config.name_en, "ar": depository.config.name_ar},
        record_url=urls.record,
        now=now,
    )
    return to_bytes(element, EAD)


def records_spreadsheet(
    depository, access, audience: str, now: dt.datetime, *, selector: str | None = None
) -> bytes:
    """Every record the audience may know, or those of one collection or process (by what
    each view shows, as a bag chooses them), in the manifest's columns."""
    catalog = depository.catalog
    views = (
        access.view_by_id(catalog, i, audience, now, with_text=False) for i in catalog.record_ids()
    )
    seen = [v for v in views if v is not None]
    chosen = [
        v
        for v in seen
        if selector is None or selector in (v.record.get("collection"), v.record.get("process"))
    ]
    if selector is not None and not chosen:
        raise ArchiveError(no_such_selector(selector, audience, seen))
    return records_csv(chosen)


def no_such_selector(selector: str, audience: str, seen) -> str:
    """The refusal of a collection or process the audience sees no record of, with the nearest
    names among those it does see (never one it may not know of)."""
    names = {
        name for v in seen for name in (v.record.get("collection"), v.record.get("process")) if name
    }
    message = f"{selector}: no collection or process with records the {audience} may see"
    near = difflib.get_close_matches(selector, sorted(names), n=3, cutoff=0.6)
    if near:
        message += "; did you mean " + " or ".join(near) + "?"
    return message
