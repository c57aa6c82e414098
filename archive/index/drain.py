"""The drain: the catalog's side of access settled, then the queued catalog changes applied
to every served audience's index, how far each got recorded in its meta file, and only then
the rows every index has applied removed from the outbox (see archive/index/indexes.py)."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from archive import publication
from archive.access.policy import next_change
from archive.access.views import view_of
from archive.audiences import INSIDERS
from archive.catalog import Catalog
from archive.errors import ConfigError, NotFound
from archive.faults import fault_point
from archive.index.documents import record_document
from archive.index.generations import Generation, IndexDamaged
from archive.locks import file_lock

BATCH = 5_000  # outbox rows per commit of a drain: a large backlog (a rule change) in few commits
MAX_SEGMENTS = 12
# Audiences whose view of a record no embargo, rule or release changes (staff read everything
# but admin-only records, which those never open to them): a record queued again for its
# access alone is not written to their indexes again.
UNMOVED_BY_ACCESS = INSIDERS
LOCK_TIMEOUT_S = 120
DRAIN_LOCK = "schedule.lock"  # in the index folder: the lock one drain at a time holds


SMALL_SEGMENT = 200  # documents; or a twentieth of the index, whichever is more


def merge_small(writer, segments: list) -> list:
    """The merge policy of a drain's commit: merge the small segments drains leave (each
    commit writes one) and leave the large ones alone. Whoosh's MERGE_SMALL merges every
    segment once there are about 25 of them: at 100,000 records that rewrote the whole index
    inside one drain, for minutes."""
    from whoosh.reading import SegmentReader

    total = sum(s.doc_count_all() for s in segments)
    limit = max(SMALL_SEGMENT, total // 20)
    small = [s for s in segments if s.doc_count_all() <= limit]
    if len(small) < 2:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)  # its live documents only: deletions are purged
        reader.close()
    return [s for s in segments if s not in small]


class Draining:
    """Mixed into SearchIndexes (archive/index/indexes.py), whose generations it writes."""

    dir: Path
    access: Any
    clock: Callable[[], dt.datetime]
    note: bool
    reload: Callable[[], object] | None
    settled: str | None
    served: tuple[str, ...]
    current: Callable[[str], Generation | None]
    _building: Callable[[str], list[Generation]]
    ready: Callable[[str], bool]
    rebuild: Callable[..., Generation]
    _note_damage: Callable[[str, Generation, str], IndexDamaged]

    # -- writing ---------------------------------------------------------------------
    def drain(
        self, catalog: Catalog, *, limit: int | None = None, blocking: bool = True
    ) -> int | None:
        """Settle the catalog's side of access, then apply queued catalog changes to every
        served index; returns how many rows it applied. One drain at a time across every
        process of the depository (the server's workers, the command line, ingests, indexers):
        without `blocking`, None when another holds the lock."""
        with file_lock(self.dir / DRAIN_LOCK, blocking=blocking) as taken:
            if not taken:
                return None
            self.settle(catalog)
            used = self.access.rules_state() if self.access is not None else None
            applied = self._drain(catalog, limit)
            self.settled = used  # the rules this drain wrote by
            return applied

    def unsettled(self) -> bool:
        """Whether the rules in force differ from those the last drain of this process wrote
        the indexes by (another thread of it read a changed configuration first)."""
        return self.access is not None and self.settled != self.access.rules_state()

    def settle(self, catalog: Catalog) -> None:
        """The catalog's side of access, one step under the drain's lock: the configuration
        read again; the records a changed rule covers queued; due transitions applied (each a
        `released` event); the publication ledger filled."""
        if self.reload is not None:
            try:
                self.reload(catalog)
            except ConfigError as exc:  # the rules read last still apply; say why once
                print(f"mediarch: {exc}", file=sys.stderr)
        if self.access is not None and self.note:
            self.access.sync_rules(catalog)
            catalog.apply_due_transitions(self.clock())
            publication.fill(catalog, self.access, self.clock())

    def _drain(self, catalog: Catalog, limit: int | None) -> int:
        applied = 0
        for audience in self.served:
            current = self.current(audience)
            if current is not None and current.usable:
                why = current.missing()
                if why:
                    self._note_damage(audience, current, why)
            if not self.ready(audience):
                self.rebuild(catalog, audience)
        while limit is None or applied < limit:
            rows = catalog.outbox_batch(BATCH)
            if not rows:
                break
            top = rows[-1][0]
            due: dict[str, dt.datetime] = {}
            for audience in self.served:
                self._apply(catalog, self.current(audience), rows, audience, due)
                for generation in self._building(audience):
                    try:
                        self._apply(catalog, generation, rows, audience, due)
                    except whoosh_index.IndexError:  # a rebuild cut short before it began:
                        shutil.rmtree(generation.folder, ignore_errors=True)  # nothing to keep
            floor = min(self._applied_floor(), top)
            with catalog.transaction():
                if self.note:
                    catalog.note_transitions(due)
                    if self.access is not None:  # what the public sees, and since when
                        done = [r[1] for r in rows if r[0] <= floor]
                        publication.note(catalog, self.access, done, self.clock())
                catalog.outbox_done(floor)
            applied += len(rows)
            if floor < top:  # a building generation has not caught up: leave the rest queued
                break
        return applied

    def _applied_floor(self) -> int:
        generations = []
        for audience in self.served:
            current = self.current(audience)
            if current:
                generations.append(current)
            generations.extend(self._building(audience))
        return min((g.meta.get("applied_outbox", 0) for g in generations), default=0)

    def _apply(
        self,
        catalog: Catalog,
        generation: Generation | None,
        rows: list,
        audience: str,
        due: dict[str, dt.datetime],
    ) -> None:
        if generation is None:
            return
        done = generation.meta.get("applied_outbox", 0)
        pending = [r for r in rows if r[0] > done]
        if not pending:
            return
        if self.access is not None and audience in UNMOVED_BY_ACCESS:
            writes = [r for r in pending if not r[2]]  # their views did not change
            if not writes:
                generation.save(applied_outbox=pending[-1][0])
                return
        else:
            writes = pending
        self._write_records(catalog, generation, dict.fromkeys(r[1] for r in writes), audience, due)
        fault_point("index.after_commit")
        generation.save(applied_outbox=pending[-1][0], seal=True)

    def _write_records(
        self,
        catalog: Catalog,
        generation: Generation,
        ids,
        audience: str,
        due: dict[str, dt.datetime],
    ) -> None:
        """Write the audience's view of each record into the generation in one commit, which
        merges the small segments drains leave once there are too many."""
        ix = generation.open()
        writer = ix.writer(timeout=LOCK_TIMEOUT_S)
        now = self.clock()
        try:
            for record_id in ids:
                self._write_record(catalog, writer, record_id, audience, now, due)
            fault_point("index.before_commit")
            if len(ix._segments()) > MAX_SEGMENTS:
                writer.commit(mergetype=merge_small)
            else:
                writer.commit(merge=False)
        except BaseException:
            writer.cancel()
            raise
        finally:
            ix.close()

    def _write_record(
        self,
        catalog: Catalog,
        writer,
        record_id: str,
        audience: str,
        now: dt.datetime,
        due: dict[str, dt.datetime],
    ) -> None:
        """Write the audience's view of the record as it is now (or remove the record from
        the index when the audience may not know it), noting when that view will change."""
        try:
            record = catalog.record(record_id)
        except NotFound:
            writer.delete_by_term("id", record_id)
            return
        text = catalog.text(record_id)
        if self.access is not None:
            facts = self.access.facts(catalog, record)
            moment = next_change(facts, now)
            if moment is not None:
                due[record_id] = moment
            view = view_of(record, text, facts, audience, now)
            if view is None:
                writer.delete_by_term("id", record_id)
                return
            record, text = view.record, view.text
        writer.update_document(**record_document(catalog, record, text))
