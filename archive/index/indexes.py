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
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from whoosh.reading import SegmentReader
from whoosh.searching import Searcher

from archive.audiences import AUDIENCES
from archive.catalog import Catalog, utc_now
from archive.errors import ArchiveError
from archive.index.drain import Draining
from archive.index.generations import AudienceNotServed, Generation, IndexDamaged, is_damage
from archive.index.opened import OpenIndex
from archive.index.rebuild import Rebuilding

# The audiences whose index a depository keeps: each is built from that audience's view of
# every record (admins alone see the records kept for admins).
SERVED_AUDIENCES = AUDIENCES


class SearchIndexes(Draining, Rebuilding):
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
        reload: Callable[[Catalog], object] | None = None,
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
        if not generation.folder.is_dir() or not name.startswith(f"{audience}-"):
            return None  # gone, or another audience's (a pointer rewritten by hand): rebuilt
        return generation

    def _building(self, audience: str) -> list[Generation]:
        current = self.current(audience)
        found = []
        for folder in sorted(self.dir.glob(f"{audience}-*")):
            if folder.is_dir() and (current is None or folder != current.folder):
                found.append(Generation(folder))
        return found

    def ready(self, audience: str) -> bool:
        current = self.current(audience)
        return current is not None and current.usable and current.foreign(audience) is None

    # -- damage ----------------------------------------------------------------------
    def verify(self, *, checksums: bool = True) -> list[str]:
        """Open every segment of each audience's current index that this process has not
        opened before (a file cut short fails here), marking a generation that fails damaged
        for the next drain to build again; the audiences found damaged. For the long-running
        processes (the server's schedule, `mediarch indexer`): the first round reads each
        segment's table of files and checks every file against its size and checksum, later
        rounds open only the new segments. Without `checksums` (a web worker's start, which
        must be quick) the files are not read against their checksums; its schedule does it."""
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
                if checksums and (current.folder.name, "files") not in self._verified:
                    altered = current.altered()
                    if altered:
                        raise IndexDamaged(audience, current.folder, altered)
                    self._verified.add((current.folder.name, "files"))
            except IndexDamaged as damaged:
                self._note_damage(audience, current, damaged.reason)
                found.append(audience)
            except Exception as error:
                if not is_damage(error, current.folder):
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
                if self._pointer(view).exists():  # names a folder gone or another audience's
                    raise IndexDamaged(view, self._pointer(view), "it names no index of its own")
                raise ArchiveError(
                    f"{self.dir}: the {view} index has not been built (run `mediarch reindex`)"
                )
            opened = self._open.get(view)
            if opened is None or opened.folder != current.folder:
                if opened is not None:
                    opened.close()
                    del self._open[view]
                meta = current.meta  # read when opening, not at every search
                if meta.get("damaged"):
                    raise IndexDamaged(view, current.folder, meta["damaged"])
                foreign = current.foreign(view, meta)
                if foreign:  # another audience's files: never searched as this one's
                    if note:
                        raise self._note_damage(view, current, foreign)
                    raise IndexDamaged(view, current.folder, foreign)
                try:
                    opened = self._open[view] = OpenIndex(current)
                except Exception as error:
                    if not is_damage(error, current.folder):
                        raise
                    raise self._damaged(view, current, None, error, note) from error
        failure: BaseException | None = None
        with opened.lock:
            try:
                opened.refresh()
            except Exception as error:
                if not is_damage(error, current.folder):
                    raise
                failure = error
            if failure is None:
                try:
                    yield opened
                except Exception as error:  # a file gone or damaged, met in a search
                    if not is_damage(error, current.folder, searching=True):
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
