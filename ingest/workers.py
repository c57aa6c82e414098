"""Extraction in worker processes that can be killed one by one.

Each worker (started by the `forkserver` method) takes one file at a time. The forkserver
imports the job's module (and a `preload` module) once, so a worker, a replaced one too, starts
with them imported instead of spending a second or more of its own. A worker that
overruns its time bound (which grows with the page count it reports) is killed, a hung C
extension included; one that dies or exceeds its memory bound is replaced. Either way that
file becomes one failed row and the batch goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

START_METHOD = "forkserver"


@dataclass(frozen=True)
class Bounds:
    seconds_base: float = 60.0
    seconds_per_page: float = 2.0
    seconds_per_ocr_page: float = 60.0
    memory_mb: int = 2048


@dataclass
class Outcome:
    key: Any
    kind: str  # "done", "refused", "crashed", "timeout"
    value: Any = None  # the worker's result for "done", (stage, reason) otherwise


def _worker_loop(conn: Connection, job: Callable[..., Any], memory_mb: int) -> None:
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        task = conn.recv()
        if task is None:
            return
        try:
            conn.send(("done", job(task, lambda kind, n: conn.send((kind, n)))))
        except MemoryError:
            conn.send(("refused", ("extract", f"ran out of memory (limit {memory_mb} MB)")))
        except Exception as exc:  # an expected refusal carries its stage and reason
            stage = getattr(exc, "stage", "extract")
            reason = getattr(exc, "reason", None) or f"{type(exc).__name__}: {exc}"
            conn.send(("refused", (stage, reason)))


class _Worker:
    def __init__(self, ctx, job: Callable[..., Any], bounds: Bounds):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_loop, args=(child, job, bounds.memory_mb), daemon=True
        )
        self.process.start()
        child.close()
        self.key: Any = None
        self.deadline = 0.0
        self.started = 0.0

    def give(self, key: Any, task: Any, bounds: Bounds) -> None:
        self.key, self.started = key, time.monotonic()
        self.deadline = self.started + bounds.seconds_base
        self.conn.send(task)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Run `job(task, report)` for each task in up to `jobs` processes; yield outcomes as they
    finish. `job` must be importable (forkserver pickles it by reference); it may call
    `report("pages", n)` or `report("ocr_pages", n)` to extend its own time bound."""

    def __init__(
        self,
        job: Callable[..., Any],
        *,
        jobs: int = 1,
        bounds: Bounds | None = None,
        preload: str | None = None,
    ):
        self.job, self.jobs, self.bounds = job, max(1, jobs), bounds or Bounds()
        self.ctx = mp.get_context(START_METHOD)
        # read when this process's forkserver starts (its first worker), ignored after that
        self.ctx.set_forkserver_preload([job.__module__, *([preload] if preload else [])])
        self.progress: Callable[[Any, str, int], None] | None = None

    def run(self, tasks: Iterable[tuple[Any, Any]]) -> Iterator[Outcome]:
        pending = iter(tasks)
        idle: list[_Worker] = []
        busy: dict[Connection, _Worker] = {}
        try:
            while True:
                while len(busy) < self.jobs:
                    item = next(pending, None)
                    if item is None:
                        break
                    worker = idle.pop() if idle else _Worker(self.ctx, self.job, self.bounds)
                    worker.give(item[0], item[1], self.bounds)
                    busy[worker.conn] = worker
                if not busy:
                    return
                yield from self._collect(busy, idle)
        finally:
            for worker in [*idle, *busy.values()]:
                worker.kill()

    def _collect(self, busy: dict[Connection, _Worker], idle: list[_Worker]) -> Iterator[Outcome]:
        now = time.monotonic()
        timeout = max(0.0, min(w.deadline for w in busy.values()) - now)
        sentinels = {w.process.sentinel: w for w in busy.values()}
        ready = wait([*busy, *sentinels], timeout=timeout)
        for obj in ready:
            worker = busy.get(obj) or sentinels.get(obj)
            if worker is None or worker.conn not in busy:
                continue
            outcome = self._read(worker)
            if outcome is None:
                continue
            del busy[worker.conn]
            if outcome.kind in ("crashed",):
                worker.kill()
            else:
                idle.append(worker)
            yield outcome
        now = time.monotonic()
        for conn, worker in list(busy.items()):
            if now >= worker.deadline:
                del busy[conn]
                worker.kill()
                spent = now - worker.started
                yield Outcome(
                    worker.key,
                    "timeout",
                    ("extract", f"timed out after {spent:.0f} s; the worker was killed"),
                )

    def _read(self, worker: _Worker) -> Outcome | None:
        try:
            if not worker.conn.poll():
                if worker.process.is_alive():
                    return None
                raise EOFError
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(5)
            code = worker.process.exitcode
            reason = f"the extraction worker died (exit code {code})"
            if code is not None and code < 0:
                reason = f"the extraction worker was killed by signal {-code}"
            return Outcome(worker.key, "crashed", ("extract", reason))
        if kind == "pages":
            worker.deadline = max(
                worker.deadline,
                worker.started + self.bounds.seconds_base + value * self.bounds.seconds_per_page,
            )
            if self.progress:
                self.progress(worker.key, kind, value)
            return None
        if kind == "ocr_pages":
            worker.deadline += value * self.bounds.seconds_per_ocr_page
            return None
        return Outcome(worker.key, kind, value)
