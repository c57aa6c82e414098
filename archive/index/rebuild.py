"""A rebuild: a new generation of an audience's index built from the catalog and the kept text,
resumable if killed, then swapped in by its pointer file while searches and ingests go on."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from archive.catalog import Catalog
from archive.faults import fault_point
from archive.index.drain import LOCK_TIMEOUT_S
from archive.index.generations import AudienceNotServed, Generation, write_json_pointer
from archive.index.schema import SCHEMA_VERSION, build_schema

REBUILD_BATCH = 50_000  # records per commit of a rebuild: what a killed rebuild can lose
REBUILD_PROCS = max(1, min(2, os.cpu_count() or 1))
PARALLEL_FROM = 2_000  # smaller batches are written in-process


class Rebuilding:
    """Mixed into SearchIndexes (archive/index/indexes.py), whose generations it builds."""

    dir: Path
    access: Any
    clock: Callable[[], dt.datetime]
    note: bool
    served: tuple[str, ...]
    current: Callable[[str], Generation | None]
    _building: Callable[[str], list[Generation]]
    _pointer: Callable[[str], Path]
    _write_records: Callable[..., None]
    _write_record: Callable[..., None]

    def rebuild(
        self, catalog: Catalog, audience: str = "staff", *, batch: int = REBUILD_BATCH
    ) -> Generation:
        """Build a new generation from the catalog, resuming one a killed rebuild left, then
        swap it in. Searches use the old generation until the swap."""
        if audience not in self.served:
            raise AudienceNotServed(audience, self.served)
        self.dir.mkdir(parents=True, exist_ok=True)
        resumable = [
            g
            for g in self._building(audience)
            if g.meta.get("schema_version") == SCHEMA_VERSION and g.foreign(audience) is None
        ]
        generation = resumable[-1] if resumable else self._new_generation(catalog, audience)
        for stale in self._building(audience):
            if stale.folder != generation.folder:
                shutil.rmtree(stale.folder, ignore_errors=True)
        self._fill(catalog, generation, batch)
        generation.save(complete=True)
        self._swap_in(audience, generation)
        return generation

    def derive_admin(self, catalog: Catalog) -> Generation:
        """The admin index as a copy of the current staff index with the records kept for
        admins written again. Staff see every other record whole, as admins do, so the two
        views differ in those records only: a copy and a few writes instead of a rebuild."""
        source = self.current("staff")
        if self.access is None or source is None or not source.usable:
            return self.rebuild(catalog, "admin")
        for stale in self._building("admin"):
            shutil.rmtree(stale.folder, ignore_errors=True)
        generation = Generation(self._generation_folder("admin"))
        shutil.copytree(source.folder, generation.folder)
        generation.save(audience="admin", complete=False, last_record="")
        ids = catalog.record_ids(access="admin")
        self._write_records(catalog, generation, ids, "admin", {})
        generation.save(complete=True, seal=True)
        self._swap_in("admin", generation)
        return generation

    def _swap_in(self, audience: str, generation: Generation) -> None:
        """Make a complete generation the audience's current one; the old one goes."""
        old = self.current(audience)
        write_json_pointer(self._pointer(audience), generation.folder.name)
        if old and old.folder != generation.folder:
            shutil.rmtree(old.folder, ignore_errors=True)

    def _generation_folder(self, audience: str) -> Path:
        return self.dir / f"{audience}-{time.strftime('%Y%m%d%H%M%S')}-{os.urandom(4).hex()}"

    def _new_generation(self, catalog: Catalog, audience: str) -> Generation:
        folder = self._generation_folder(audience)
        folder.mkdir(parents=True)
        whoosh_index.create_in(str(folder), build_schema()).close()
        top = catalog.outbox_top()
        generation = Generation(folder)
        generation.save(
            schema_version=SCHEMA_VERSION,
            audience=audience,
            complete=False,
            applied_outbox=top,
            last_record="",
        )
        return generation

    def _fill(self, catalog: Catalog, generation: Generation, batch: int) -> None:
        audience = generation.meta.get("audience", "staff")
        while True:
            last = generation.meta.get("last_record", "")
            ids = catalog.record_ids_from(last, batch)
            if not ids:
                return
            ix = generation.open()
            # A large batch is written by two processes into a segment each. No final merge:
            # rewriting 100,000 records into one segment would double the rebuild, and
            # searching a handful of segments costs little (docs/benchmarks.md).
            procs = REBUILD_PROCS if len(ids) >= PARALLEL_FROM else 1
            options = {"procs": procs, "multisegment": True} if procs > 1 else {}
            writer = ix.writer(timeout=LOCK_TIMEOUT_S, limitmb=256, **options)
            due: dict[str, dt.datetime] = {}
            now = self.clock()
            try:
                for record_id in ids:
                    self._write_record(catalog, writer, record_id, audience, now, due)
                writer.commit(merge=False)
            except BaseException:
                writer.cancel()
                raise
            finally:
                ix.close()
            if self.note:
                catalog.note_transitions(due)
            generation.save(last_record=ids[-1], seal=True)
            fault_point("reindex.after_batch")
