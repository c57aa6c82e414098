"""The server's indexer: every few seconds one worker process (whichever holds the lock) drains
the outbox, which first applies every transition that is due, so an embargo lifts on time with
no one acting and a `released` event is logged once."""

from __future__ import annotations

import fcntl
import sys
import threading

from archive.catalog import Catalog
from archive.depository import Depository

EVERY_S = 10.0


class Scheduler:
    def __init__(self, depository: Depository, every: float = EVERY_S):
        self.depository, self.every = depository, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mediarch-schedule", daemon=True)

    def start(self) -> Scheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        lock_path = self.depository.index_dir / "schedule.lock"
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(self.depository.catalog.path)  # a connection belongs to its thread
        try:
            with open(lock_path, "a+") as lock:
                while not self._stop.wait(self.every):
                    try:
                        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:  # another worker is draining
                        continue
                    try:
                        self.depository.indexes.drain(catalog)
                    except Exception as exc:  # the next round tries again; say why
                        print(f"mediarch: scheduled drain failed: {exc!r}", file=sys.stderr)
                    finally:
                        fcntl.flock(lock, fcntl.LOCK_UN)
        finally:
            catalog.close()
