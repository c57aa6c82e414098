"""The server's indexer: every few seconds one worker process (whichever holds the lock) drains
the outbox, which first applies every transition that is due, so an embargo lifts on time with
no one acting and a `released` event is logged once."""

from __future__ import annotations

import subprocess
import sys
import threading

from archive.catalog import Catalog
from archive.depository import Depository


class Scheduler:
    def __init__(self, depository: Depository, every: float | None = None):
        # every `[web] schedule_seconds` of mediarch.toml unless told otherwise (a test)
        self.depository = depository
        self.every = every if every is not None else depository.config.schedule_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mediarch-schedule", daemon=True)

    def start(self) -> Scheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        catalog = Catalog(self.depository.catalog.path)  # a connection belongs to its thread
        try:
            while not self._stop.wait(self.every):
                try:  # the configuration read again, then due work, as one settle step
                    self.depository.indexes.verify()  # a damaged index: rebuilt by the drain
                    if self.depository.indexes.drain(catalog, blocking=False) is None:
                        continue  # another worker is draining
                    start_job_runner(self.depository, catalog)
                except Exception as exc:  # the next round tries again; say why
                    print(f"mediarch: scheduled drain failed: {exc!r}", file=sys.stderr)
        finally:
            catalog.close()


def start_job_runner(depository: Depository, catalog: Catalog) -> bool:
    """Start `mediarch jobs run` in a process of its own when an ingest job waits (or was cut
    short by a restart) and no runner holds the job lock; it exits when none is left. Its own
    session: a worker restarting does not stop an ingest half-way."""
    from archive import jobs

    if not catalog.ingest_jobs_waiting():
        return False
    with jobs.runner_lock(depository.root) as free:
        if not free:
            return False
    _runners[:] = [r for r in _runners if r.poll() is None]  # reap those that finished
    log = open(depository.root / "jobs.log", "ab")  # noqa: SIM115 - the child keeps it
    runner = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "--root", str(depository.root), "jobs", "run"],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    log.close()
    _runners.append(runner)
    return True


_runners: list[subprocess.Popen] = []
