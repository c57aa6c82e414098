"""The audit of reading: each view or download of a record that is not public, by a reader or a
staff member, becomes a `viewed` or `downloaded` event. Requests only put a line on a queue;
one writer thread takes it to the catalog in batches, off the request's path."""

from __future__ import annotations

import datetime as dt
import queue
import threading
from pathlib import Path
from typing import Any

from archive.catalog import Catalog

KINDS = ("viewed", "downloaded")
_STOP = object()


class AuditQueue:
    """`audit.record(kind, record_id, user, detail)` from any thread; `close()` writes what is
    left. One writer thread, its own catalog connection."""

    def __init__(self, catalog_path: Path, batch: int = 200):
        self.catalog_path = catalog_path
        self.batch = batch
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="mediarch-audit", daemon=True)
        self._thread.start()

    def record(
        self, kind: str, record_id: str, user: str, detail: dict[str, Any] | None = None
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown audit kind {kind!r} (one of {', '.join(KINDS)})")
        self._queue.put((kind, record_id, user, detail or {}, dt.datetime.now(dt.UTC)))

    def close(self) -> None:
        self._queue.put(_STOP)
        self._thread.join()

    def _run(self) -> None:
        catalog = Catalog(self.catalog_path)
        try:
            stop = False
            while not stop:
                items = [self._queue.get()]
                while len(items) < self.batch:
                    try:
                        items.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                stop = any(item is _STOP for item in items)
                lines = [item for item in items if item is not _STOP]
                if lines:
                    with catalog.transaction():
                        for kind, record_id, user, detail, at in lines:
                            catalog.log(kind, "record", record_id, actor=user, detail=detail, at=at)
        finally:
            catalog.close()


def reading_log(
    catalog: Catalog, *, record_id: str | None = None, user: str | None = None
) -> list[Any]:
    """The views and downloads logged, oldest first, of one record or by one user."""
    events = catalog.events("record", record_id) if record_id else catalog.events("record")
    return [e for e in events if e.kind in KINDS and (user is None or e.actor == user)]
