"""One Whoosh index per audience, kept in step with the catalog through the outbox.

Every catalog change queues its record in `index_outbox` in the same transaction. `drain`
applies queued records to every served audience's index (update by identifier, so applying one
twice is harmless), records in the index's own meta file how far it got, and only then removes
the rows every index has applied: a SIGKILL anywhere loses nothing and doubles nothing.

Each index lives in a generation folder (`index/staff-<stamp>/`) named by a pointer file
(`index/staff.current`). `rebuild` builds a new generation from the catalog and the kept text,
resumable if killed, then swaps the pointer: searches and ingests go on meanwhile.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import pickle
import shutil
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.query import Every
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

from archive import publication
from archive.access.policy import next_change
from archive.access.views import view_of
from archive.audiences import AUDIENCES, INSIDERS
from archive.catalog import Catalog, utc_now
from archive.errors import ArchiveError, ConfigError, NotFound
from archive.faults import fault_point
from archive.index.documents import record_document
from archive.index.facets import FacetCounter
from archive.index.matches import Evaluation, SegmentStatistics, leaf_readers
from archive.index.schema import FACETS, SCHEMA_VERSION, build_schema
from archive.locks import file_lock

# The audiences whose index a depository keeps: each is built from that audience's view of
# every record (admins alone see the records kept for admins).
SERVED_AUDIENCES = AUDIENCES
BATCH = 5_000  # outbox rows per commit of a drain: a large backlog (a rule change) in few commits
REBUILD_BATCH = 50_000  # records per commit of a rebuild: what a killed rebuild can lose
REBUILD_PROCS = max(1, min(2, os.cpu_count() or 1))
PARALLEL_FROM = 2_000  # smaller batches are written in-process
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


class IndexDamaged(ArchiveError):
    """An audience's index cannot be read (a segment file missing: a disk error, a careless
    backup). The next drain (the server's schedule, `mediarch indexer`, most commands) builds
    it again from the catalog; meanwhile its searches answer this."""

    def __init__(self, audience: str, folder: Path, reason: str):
        self.audience, self.folder, self.reason = audience, folder, reason
        super().__init__(
            f"the {audience} index is damaged ({reason}): it is being built again from the "
            "catalog by the server or `mediarch indexer` (or now: `mediarch reindex`)"
        )


class AudienceNotServed(ArchiveError):
    def __init__(self, audience: str, served: tuple[str, ...] = ("staff",)):
        self.audience = audience
        super().__init__(
            f"no index for the audience {audience!r} (this one serves {', '.join(served)})"
        )


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = _temporary(path)
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Generation:
    """One built (or building) index folder and its meta file."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.meta_path = folder / "mediarch-meta.json"

    @property
    def meta(self) -> dict[str, Any]:
        try:
            return json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def save(self, **changes: Any) -> None:
        _write_json(self.meta_path, {**self.meta, **changes})

    @property
    def usable(self) -> bool:
        meta = self.meta
        return (
            meta.get("schema_version") == SCHEMA_VERSION
            and meta.get("complete") is True
            and not meta.get("damaged")
        )

    def sealed(self) -> dict[str, list[int]]:
        """The size and CRC-32 of each of the index's own files, to be saved in the meta file
        after a commit: files already recorded at the same size are not read again (Whoosh
        writes a file once under a new name and never changes it)."""
        known = self.meta.get("files") or {}
        files = {}
        for path in sorted(self.folder.iterdir()):
            name = path.name
            if name.startswith(("mediarch-", "MAIN_WRITELOCK")) or name.endswith(".tmp"):
                continue
            size = path.stat().st_size
            if name in known and known[name][0] == size:
                files[name] = known[name]
            else:
                files[name] = [size, _crc32(path)]
        return files

    def altered(self) -> str | None:
        """Which of the index's files recorded at a commit now differs from its record (size
        or bytes): a disk error or a careless hand, never a write of ours. Files gone are for
        `missing`; files written since the last record are not judged."""
        for name, (size, crc) in sorted((self.meta.get("files") or {}).items()):
            path = self.folder / name
            try:
                if path.stat().st_size != size:
                    return f"{name} is {path.stat().st_size} bytes, {size} when written"
                if _crc32(path) != crc:
                    return f"the bytes of {name} changed since it was written"
            except FileNotFoundError:
                continue
        return None

    def missing(self) -> str | None:
        """What of the generation cannot be found (its table of contents, a segment's file),
        or None: a few file lookups, no segment opened."""
        try:
            ix = self.open()
        except Exception as error:  # no table of contents, or one that cannot be read
            return f"{type(error).__name__}: {error}"
        try:
            for segment in ix._read_toc().segments:
                if segment.is_compound():
                    names = [segment.make_filename(".seg")]
                else:
                    names = [segment.make_filename(ext) for ext in (".trm", ".pst")]
                for name in names:
                    if not ix.storage.file_exists(name):
                        return f"segment file {name} missing"
        except Exception as error:
            return f"{type(error).__name__}: {error}"
        finally:
            ix.close()
        return None

    def open(self):
        return whoosh_index.open_dir(str(self.folder))


WARM_FIELDS = ("body", "title", "abstract")
# what reading an index whose files are missing or cut short raises (Whoosh reads pickles,
# structs and arrays): such an index is damaged
_UNREADABLE = (
    FileNotFoundError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
    whoosh_index.IndexError,  # no table of contents (EmptyIndexError), or one of another version
)
_CORRUPT_WHILE_READING = (
    FileNotFoundError,
    EOFError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
)  # met in a search: a file cut short or its bytes changed (an OSError EINVAL or EIO too)


class SearchIndexes:
    """The indexes of a depository. With an `access` gate it keeps one index per audience, each
    built from that audience's view of every record at the moment of writing, and notes when
    a view will change by itself; without one, only the staff index (every record whole)."""

    def __init__(
        self,
        index_dir: Path,
        access=None,
        clock: Callable[[], dt.datetime] = utc_now,
        *,
        note: bool = True,
        reload: Callable[[], object] | None = None,
    ):
        self.dir = Path(index_dir)
        self.access = access
        self.clock = clock
        self.note = note  # note coming transitions in the catalog (not for a preview)
        self.reload = reload  # reads the depository's configuration again, if it changed
        self.settled: str | None = None  # the rules the last drain here wrote the indexes by
        self.served: tuple[str, ...] = SERVED_AUDIENCES if access is not None else ("staff",)
        self._open: dict[str, OpenIndex] = {}
        self._open_lock = threading.Lock()
        self._verified: set[tuple[str, str]] = set()  # (generation, segment) opened whole

    # -- generations -----------------------------------------------------------------
    def _pointer(self, audience: str) -> Path:
        return self.dir / f"{audience}.current"

    def current(self, audience: str) -> Generation | None:
        try:
            name = self._pointer(audience).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        generation = Generation(self.dir / name)
        return generation if generation.folder.is_dir() else None

    def _building(self, audience: str) -> list[Generation]:
        current = self.current(audience)
        found = []
        for folder in sorted(self.dir.glob(f"{audience}-*")):
            if folder.is_dir() and (current is None or folder != current.folder):
                found.append(Generation(folder))
        return found

    def ready(self, audience: str) -> bool:
        current = self.current(audience)
        return current is not None and current.usable

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
                self.reload()
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
        generation.save(applied_outbox=pending[-1][0], files=generation.sealed())

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

    def rebuild(
        self, catalog: Catalog, audience: str = "staff", *, batch: int = REBUILD_BATCH
    ) -> Generation:
        """Build a new generation from the catalog, resuming one a killed rebuild left, then
        swap it in. Searches use the old generation until the swap."""
        if audience not in self.served:
            raise AudienceNotServed(audience, self.served)
        self.dir.mkdir(parents=True, exist_ok=True)
        resumable = [
            g for g in self._building(audience) if g.meta.get("schema_version") == SCHEMA_VERSION
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
        ids = catalog.records_kept_for_admins()
        self._write_records(catalog, generation, ids, "admin", {})
        generation.save(complete=True, files=generation.sealed())
        self._swap_in("admin", generation)
        return generation

    def _swap_in(self, audience: str, generation: Generation) -> None:
        """Make a complete generation the audience's current one; the old one goes."""
        old = self.current(audience)
        _write_json_pointer(self._pointer(audience), generation.folder.name)
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
            generation.save(last_record=ids[-1], files=generation.sealed())
            fault_point("reindex.after_batch")

    def verify(self) -> list[str]:
        """Open every segment of each audience's current index that this process has not
        opened before (a file cut short fails here), marking a generation that fails damaged
        for the next drain to build again; the audiences found damaged. For the long-running
        processes (the server's schedule, `mediarch indexer`): the first round reads each
        segment's table of files and checks every file against its size and checksum, later
        rounds open only the new segments."""
        found = []
        for audience in self.served:
            current = self.current(audience)
            if current is None or not current.usable:
                continue
            try:
                ix = current.open()
                try:
                    toc = ix._read_toc()
                    for segment in toc.segments:
                        key = (current.folder.name, segment.segment_id())
                        if key not in self._verified:
                            SegmentReader(ix.storage, toc.schema, segment, toc.generation).close()
                            self._verified.add(key)
                finally:
                    ix.close()
                if (current.folder.name, "files") not in self._verified:  # once per generation
                    altered = current.altered()
                    if altered:
                        raise IndexDamaged(audience, current.folder, altered)
                    self._verified.add((current.folder.name, "files"))
            except IndexDamaged as damaged:
                self._note_damage(audience, current, damaged.reason)
                found.append(audience)
            except Exception as error:
                if not _damage(error, current.folder):
                    raise
                self._note_damage(audience, current, f"{type(error).__name__}: {error}"[:300])
                found.append(audience)
        return found

    def _note_damage(self, audience: str, generation: Generation, why: str) -> IndexDamaged:
        """Mark a generation damaged (the next drain builds the audience's index again) and
        say so once on standard error, the server's log."""
        damaged = IndexDamaged(audience, generation.folder, why)
        if not generation.meta.get("damaged"):
            with contextlib.suppress(OSError):
                generation.save(damaged=why)
            print(f"mediarch: {damaged}", file=sys.stderr, flush=True)
        return damaged

    # -- reading ---------------------------------------------------------------------
    @contextlib.contextmanager
    def reading(self, audience: str, *, note: bool = True) -> Iterator[OpenIndex]:
        """The audience's index, open and up to date, held for this caller alone. Opening an
        index costs a third of a second at 100,000 records, so it stays open between searches
        and is only refreshed (new segments read, unchanged ones kept) after a commit, or
        reopened when a rebuild has swapped in a new generation. An index that cannot be read
        raises IndexDamaged, and (with `note`; `check` changes nothing) is marked for the next
        drain to build again."""
        view = audience if audience in SERVED_AUDIENCES else None
        if self.access is None and view == "admin":  # no access gate: everything is staff's
            view = "staff"
        if view is None or view not in self.served:
            raise AudienceNotServed(audience, self.served)
        with self._open_lock:
            current = self.current(view)
            if current is None:
                raise ArchiveError(
                    f"{self.dir}: the {view} index has not been built (run `mediarch reindex`)"
                )
            opened = self._open.get(view)
            if opened is None or opened.folder != current.folder:
                if opened is not None:
                    opened.close()
                    del self._open[view]
                why = current.meta.get("damaged")  # read when opening, not at every search
                if why:
                    raise IndexDamaged(view, current.folder, why)
                try:
                    opened = self._open[view] = OpenIndex(current)
                except Exception as error:
                    if not _damage(error, current.folder):
                        raise
                    raise self._damaged(view, current, None, error, note) from error
        failure: BaseException | None = None
        with opened.lock:
            try:
                opened.refresh()
            except Exception as error:
                if not _damage(error, current.folder):
                    raise
                failure = error
            if failure is None:
                try:
                    yield opened
                except Exception as error:  # a file gone or damaged, met in a search
                    if not _damage(error, current.folder, searching=True):
                        raise
                    failure = error
        if failure is not None:  # said with the open-index lock only (never both held)
            with self._open_lock:
                raise self._damaged(view, current, opened, failure, note) from failure

    def _damaged(self, view, current, opened, error, note: bool) -> IndexDamaged:
        """Forget an index that failed to be read; marked damaged where `note`."""
        if opened is not None and self._open.get(view) is opened:
            del self._open[view]
            with contextlib.suppress(Exception):
                opened.close()
        why = f"{type(error).__name__}: {error}"[:300]
        if note:
            return self._note_damage(view, current, why)
        return IndexDamaged(view, current.folder, why)

    def warm(self, audience: str = "staff", seconds: float = 10.0) -> int:
        """Open the audience's index and read what searches need most (see OpenIndex.warm)."""
        with self.reading(audience) as opened:
            return opened.warm(seconds)

    @contextlib.contextmanager
    def searcher(self, audience: str) -> Iterator[Searcher]:
        with self.reading(audience) as opened:
            yield opened.searcher

    def close(self) -> None:
        with self._open_lock:
            for opened in self._open.values():
                opened.close()
            self._open.clear()


class OpenIndex:
    """One generation kept open: its searcher, the facet arrays and the statistics of its
    segments. After a commit only the segments that are new or whose deletions changed are
    opened (Whoosh-Reloaded's own `Searcher.refresh` fails on a one-segment index)."""

    def __init__(self, generation: Generation):
        self.folder = generation.folder
        self._ix = generation.open()
        self.facets = FacetCounter(FACETS)
        self.statistics = SegmentStatistics()
        self.lock = threading.RLock()
        self._present: dict[str, Any] = {}
        self._lexicons: dict[str, tuple[Any, list[str]]] = {}
        self._holding: dict[str, tuple[Any, set[str]]] = {}
        self._generation = self._ix.latest_generation()
        self.searcher = self._searcher(self._open_segments({}))

    def _open_segments(self, reusable: dict[tuple[str, int], Any]) -> list[Any]:
        toc = self._ix._read_toc()
        self._generation = toc.generation
        readers = []
        for segment in toc.segments:
            key = (segment.segment_id(), segment.deleted_count())
            reader = reusable.pop(key, None)
            if reader is None:
                reader = SegmentReader(self._ix.storage, toc.schema, segment, toc.generation)
            readers.append(reader)
        for reader in reusable.values():
            reader.close()
        return readers

    def _searcher(self, readers: list[Any]) -> Searcher:
        if len(readers) == 1:
            reader = readers[0]
        elif readers:
            reader = MultiReader(readers, self._generation)
        else:
            reader = EmptyReader(self._ix.schema)
        return Searcher(reader, fromindex=self._ix)

    def refresh(self) -> None:
        if self._ix.latest_generation() == self._generation:
            return
        reusable = {
            (r.segment().segment_id(), r.segment().deleted_count()): r
            for r, _ in leaf_readers(self.searcher.reader())
            if r.segment() is not None
        }
        self.searcher = self._searcher(self._open_segments(reusable))
        self.statistics.forget_except(
            {r.segment().segment_id() for r, _ in leaf_readers(self.searcher.reader())}
        )

    def warm(self, seconds: float = 10.0, terms_per_field: int = 300) -> int:
        """Read the facet arrays and the posting lists of the most frequent words ahead of
        the first searches (a server does this once it has started); returns how many lists
        it read before the time was up."""
        deadline = time.monotonic() + seconds
        read = 0
        with self.lock:
            self.refresh()
            self.facets.segments(self.searcher)
            for name in ("title", "names", "places", "body"):  # what did-you-mean scans
                self.lexicon(name)
            for reader, _ in leaf_readers(self.searcher.reader()):
                for name in WARM_FIELDS:
                    for _, btext in reader.most_frequent_terms(name, terms_per_field):
                        if time.monotonic() > deadline:
                            return read
                        self.statistics.postings(reader, name, btext, reader.schema[name].format)
                        read += 1
        return read

    def present(self, name: str) -> set[str]:
        """The values of a facet field that live documents hold (terms of removed documents
        linger in the lexicon until a merge)."""
        key = (self._generation, self.searcher.doc_count(), name)
        if self._present.get("key") != key:
            docnums, _ = self.evaluation().matches(Every(), scored=False)
            self._present = {"key": key, "values": self.facets.count(self.searcher, docnums)}
        return set(self._present["values"].get(name, {}))

    def holding(self, name: str) -> set[str]:
        """The values of an identifier field (process, session, agents) that live documents
        hold: the authorities this index's audience knows through its records."""
        if name in FACETS:
            return self.present(name)
        key = (self._generation, self.searcher.doc_count(), name)
        cached = self._holding.get(name)
        if cached is None or cached[0] != key:
            values = set()
            for reader, _ in leaf_readers(self.searcher.reader()):
                for btext in reader.lexicon(name):
                    if reader.postings(name, btext).is_active():  # not only deleted ones
                        values.add(btext.decode("utf-8"))
            cached = self._holding[name] = (key, values)
        return set(cached[1])

    def lexicon(self, name: str) -> list[str]:
        """A field's terms, sorted (kept until the next commit): what did-you-mean scans."""
        key = (self._generation, self.searcher.doc_count(), name)
        found = self._lexicons.get(name)
        if found is None or found[0] != key:
            terms = sorted(t.decode("utf-8") for t in self.searcher.reader().lexicon(name))
            found = self._lexicons[name] = (key, terms)
        return found[1]

    def evaluation(self) -> Evaluation:
        return Evaluation(self.searcher, self.statistics)

    def close(self) -> None:
        self.searcher.close()
        self._ix.close()


def _damage(error: BaseException, folder: Path, *, searching: bool = False) -> bool:
    """Whether an error says the index's files are damaged: a file of the generation gone,
    data that does not decompress or unpickle, a read past its end, an offset the system
    refuses (EINVAL) or an I/O error. Opening an index, what Whoosh raises on a file cut
    short counts too; in a search, only what cannot be a fault of ours. Any other error
    counts when a file differs from its record (Generation.altered)."""
    if isinstance(error, FileNotFoundError):
        return str(error.filename or "").startswith(str(folder))
    if isinstance(error, OSError):
        return error.errno in (errno.EINVAL, errno.EIO)
    if isinstance(error, _CORRUPT_WHILE_READING if searching else _UNREADABLE):
        return True
    # bytes changed in a pickle can raise anything (TypeError, OverflowError, MemoryError…):
    # the files' record of size and checksum tells a damaged index from a fault of ours
    try:
        return Generation(folder).altered() is not None
    except OSError:
        return False


def _crc32(path: Path) -> int:
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def _temporary(path: Path) -> Path:
    """A temporary name beside `path` that no other process or thread writes."""
    return path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")


def _write_json_pointer(path: Path, name: str) -> None:
    tmp = _temporary(path)
    tmp.write_text(name + "\n", encoding="utf-8")
    os.replace(tmp, path)
