"""`mediarch check`: is the depository consistent? Every catalog record has its originals in the
store and its entry in every audience's index exactly as its access says (present where the
audience may know it, absent where not, never twice), no index entry without its record, no
object in the store the catalog does not know, no file row without its object, no work left
in the outbox and no moment of access due but not applied. Each inconsistency is named; the
check changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from whoosh.query import Every

from archive.access.views import view_of


@dataclass(frozen=True)
class Inconsistency:
    kind: str
    subject: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.subject}: {self.detail}"


def check(depository, now: dt.datetime | None = None) -> list[Inconsistency]:
    now = now or dt.datetime.now(dt.UTC)
    catalog, store, indexes = depository.catalog, depository.store, depository.indexes
    found: list[Inconsistency] = []
    referenced = set()
    for row in catalog.file_references():
        referenced.add(row[1])
        if not store.exists(row[1]):
            found.append(
                Inconsistency("missing original", row[0], f"object {row[1]} is not in the store")
            )
    for sha in store:
        if sha not in referenced:
            found.append(
                Inconsistency("unknown object", sha, "in the store, named by no catalog file")
            )
    pending = catalog.outbox_waiting()
    if pending[0]:
        found.append(
            Inconsistency(
                "pending index work",
                "outbox",
                f"{pending[0]} changes not yet in the indexes (oldest {pending[1]})",
            )
        )
    for record_id, at in catalog.overdue_transitions(now):
        found.append(Inconsistency("access change not applied", record_id, f"due at {at}"))
    ids = catalog.record_ids()
    access = indexes.access
    expected: dict[str, set[str]] = {audience: set() for audience in indexes.served}
    for identifier in ids:  # each record and its facts read once, then seen by every audience
        record = catalog.record(identifier)
        facts = access.facts(catalog, record) if access is not None else None
        for audience in indexes.served:
            if facts is None or view_of(record, None, facts, audience, now) is not None:
                expected[audience].add(identifier)
    for audience in indexes.served:
        found += _check_index(depository, audience, ids, expected[audience])
    return found


def _check_index(
    depository, audience: str, ids: list[str], expected: set[str]
) -> list[Inconsistency]:
    indexes = depository.indexes
    name = f"the {audience} index"
    if not indexes.ready(audience):
        return [Inconsistency("index missing", name, "not built (mediarch reindex)")]
    current = indexes.current(audience)
    altered = current.altered() if current is not None else None
    if altered:
        return [Inconsistency("index unreadable", name, altered)]
    try:
        with indexes.reading(audience, note=False) as opened:  # check changes nothing
            docnums, _ = opened.evaluation().matches(Every(), scored=False)
            indexed = Counter(str(i) for i in opened.facets.ids_of(opened.searcher, docnums))
    except Exception as exc:
        return [Inconsistency("index unreadable", name, f"{type(exc).__name__}: {exc}"[:300])]
    out = []
    known = set(ids)
    for identifier in sorted(expected - set(indexed)):
        out.append(
            Inconsistency(
                "missing from an index", identifier, f"not in {name}, whose audience may know it"
            )
        )
    for identifier in sorted(set(indexed) - expected):
        if identifier in known:
            out.append(
                Inconsistency(
                    "in an index it must not be in",
                    identifier,
                    f"in {name}, whose audience may not know it",
                )
            )
        else:
            out.append(
                Inconsistency(
                    "orphan index entry", identifier, f"in {name}, no such record in the catalog"
                )
            )
    for identifier, count in sorted(indexed.items()):
        if count > 1:
            out.append(Inconsistency("indexed twice", identifier, f"{count} entries in {name}"))
    return out
