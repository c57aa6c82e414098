"""The indexer of a long batch: drains the outbox in a thread of its own, so that a record is
searchable within a second of its catalog commit, however long the next file takes."""

from __future__ import annotations

import threading
from pathlib import Path

from archive.catalog import Catalog
from archive.index.indexes import SearchIndexes

IDLE_POLL_S = 0.1  # how often an empty outbox is looked at
PAUSE_AFTER_WORK_S = 0.25  # between drains that found work: fewer, larger commits


class BackgroundIndexer:
    """`with BackgroundIndexer(indexes, catalog_path): ...` drains while the block runs; on
    leaving it stops, waits for the thread and raises what the thread raised. The catalog
    stays the truth: whatever the thread did not apply stays queued for the next drain."""

    def __init__(self, indexes: SearchIndexes, catalog_path: Path):
        self.indexes, self.catalog_path = indexes, catalog_path
        self.drains = 0
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mediarch-indexer", daemon=True)

    def __enter__(self) -> BackgroundIndexer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if self.error is not None and exc[0] is None:
            raise self.error

    def _run(self) -> None:
        catalog = Catalog(self.catalog_path)  # a connection belongs to its thread
        try:
            while not self._stop.is_set():
                if self.indexes.drain(catalog):
                    self.drains += 1
                    self._stop.wait(PAUSE_AFTER_WORK_S)
                else:
                    self._stop.wait(IDLE_POLL_S)
        except BaseException as error:  # handed to the caller on exit
            self.error = error
        finally:
            catalog.close()
