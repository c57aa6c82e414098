"""Benchmark the search page over HTTP: a real `mediarch serve` (gunicorn) on a depository of
the access benchmark, N concurrent clients, the search benchmark's queries.

    python -m bench.runs.http_bench ROOT [--clients 8] [--queries 1000] [--workers 2]
                                         [--seed 1] [--client wrk|python] [--seconds 60]

`--client wrk` (the default where `wrk` is installed: `apt-get install wrk`) drives the load
with wrk, a C load generator, `--clients` connections from one thread for `--seconds`, cycling
through the queries (bench/wrk_paths.lua); `--client python` uses threads of this process,
whose own work on the same two cores (and the GIL) adds to every latency it measures.

ROOT is a depository with its indexes built (`python -m bench.runs.access_bench --keep` leaves
one in `bench/.cache/runs/`). The server is started with `--workers` processes and warmed (its
workers warm the public index at start, then 50 queries); then `--clients` threads share the
queries, each sending `GET /search?q=…` (the HTML page, as a browser asks for it) and reading
the whole answer. Per request: the time from sending to the last byte; overall: requests per
second. Results: `bench/results/http-N-YYYYMMDD-HHMMSS.json`; `python -m bench.report` shows
the newest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from archive.depository import Depository
from bench.harness.common import (
    BENCH,
    RESULTS,
    WaitBudget,
    command_line,
    git_state,
    log,
    machine,
    phase,
    stats,
    write_result,
)
from bench.harness.proctree import TreeSampler, mb
from bench.harness.served import served
from bench.runs.search_bench import QueryMaker, versions  # its queries, and what it records

GOAL_P95_MS = 100.0  # issue 6, 8 concurrent clients, 100,000 records


def _get(url: str) -> tuple[float, int, int]:
    clock = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        body = response.read()
        status = response.status
    return 1000 * (time.perf_counter() - clock), status, len(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--max-wait", type=float, default=900)
    parser.add_argument("--client", choices=["wrk", "python"], default=None)
    parser.add_argument("--seconds", type=int, default=60, help="the wrk run's length")
    args = parser.parse_args(argv)
    if args.client is None:
        args.client = "wrk" if shutil.which("wrk") else "python"
    started = dt.datetime.now(dt.UTC)
    with Depository.open(args.root) as dep:
        records = dep.catalog.count("records")
        queries = QueryMaker(dep.catalog, args.seed).make(args.queries)
        warmup = QueryMaker(dep.catalog, args.seed + 1000).make(50)
    with served(args.root, args.workers) as (server, base, ready_s):
        log(f"server ready in {ready_s:.1f} s")
        for q in warmup:
            _get(f"{base}/search?{urllib.parse.urlencode({'q': q.text})}")
        rows: list[tuple[str, float, int, int]] = []
        if args.client == "wrk":
            found, wall, sampler, run = _wrk(args, base, server.pid, queries)
        else:
            wall, sampler, run = _threads(args, base, server.pid, queries, rows)
    if args.client == "wrk":
        total = found["requests"]
        latency = {k: round(v, 1) for k, v in found["latency_ms"].items()}
        by_kind: dict[str, Any] = {}
        mean_bytes = round(found["bytes"] / max(1, total))
        client = {"name": "wrk", "version": _wrk_version(), "errors": found["errors"]}
        statuses = [] if any(found["errors"].values()) else [200]
    else:
        total = len(rows)
        latency = stats([r[1] for r in rows])
        by_kind = {
            k: stats([r[1] for r in rows if r[0] == k]) for k in sorted({r[0] for r in rows})
        }
        statuses = sorted({r[2] for r in rows})
        mean_bytes = round(sum(r[3] for r in rows) / max(1, len(rows)))
        client = {"name": "python threads"}
    result = {
        "benchmark": "http",
        "format": 2,
        "date": started.isoformat(timespec="seconds"),
        "git": git_state(),
        "machine": machine(),
        "versions": versions(),
        "parameters": {
            "records": records,
            "clients": args.clients,
            "queries": len(queries),
            "workers": args.workers,
            "seed": args.seed,
            "root": str(args.root),
            "client": args.client,
            "seconds": args.seconds if args.client == "wrk" else None,
        },
        "commands": {"benchmark": command_line()},
        "client": client,
        "server_ready_s": round(ready_s, 1),
        "wall_s": round(wall, 2),
        "requests": total,
        "requests_per_s": round(total / wall, 1),
        "latency_ms": latency,
        "by_kind": by_kind,
        "statuses": statuses,
        "mean_bytes": mean_bytes,
        "server_peak_rss_mb": mb(sampler.peak_total_rss),
        "run": run,
        "goal_p95_ms": GOAL_P95_MS,
    }
    path = write_result(result, args.results, f"http-{records}")
    log(
        f"{total} requests in {wall:.1f} s: {result['requests_per_s']}/s, "
        f"p50 {latency['p50']} ms, p95 {latency['p95']} ms ({client['name']})"
    )
    log(f"results: {path}")
    return 0


def _wrk_version() -> str:
    out = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return (out.stdout + out.stderr).split("[")[0].strip()


def _wrk(args, base: str, pid: int, queries) -> tuple[dict, float, Any, dict]:
    """wrk, one thread and `--clients` connections, for a warm-up of 10 s and then the run."""
    lua = BENCH / "wrk_paths.lua"
    paths = Path(tempfile.mkdtemp(prefix="mediarch-wrk-")) / "paths.txt"
    paths.write_text(
        "".join(f"/search?{urllib.parse.urlencode({'q': q.text})}\n" for q in queries),
        encoding="utf-8",
    )
    env = {**os.environ, "PATHS": str(paths)}

    def wrk(seconds: int) -> dict:
        command = ["wrk", "-t1", f"-c{args.clients}", f"-d{seconds}s", "--timeout", "30s"]
        out = subprocess.run(
            [*command, "-s", str(lua), base], env=env, capture_output=True, text=True, check=True
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("WRK_RESULT "))
        return json.loads(line.removeprefix("WRK_RESULT "))

    wrk(10)
    run: dict[str, Any] = {}
    sampler = TreeSampler(pid, time.monotonic(), pss_every=10**9)
    with phase(
        f"wrk, {args.clients} connections, {args.seconds} s", WaitBudget(args.max_wait), run
    ):
        sampler.start()
        found = wrk(args.seconds)
        sampler.stop()
    shutil.rmtree(paths.parent, ignore_errors=True)
    return found, found["duration_us"] / 1e6, sampler, run


def _threads(args, base: str, pid: int, queries, rows) -> tuple[float, Any, dict]:
    """Threads of this process, each taking the next query until none is left."""
    lock, cursor = threading.Lock(), iter(queries)

    def client() -> None:
        while True:
            with lock:
                q = next(cursor, None)
            if q is None:
                return
            ms, status, size = _get(f"{base}/search?{urllib.parse.urlencode({'q': q.text})}")
            with lock:
                rows.append((q.kind, ms, status, size))

    run: dict[str, Any] = {}
    sampler = TreeSampler(pid, time.monotonic(), pss_every=10**9)
    with phase(
        f"{len(queries)} searches by {args.clients} clients", WaitBudget(args.max_wait), run
    ):
        sampler.start()
        clock = time.monotonic()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - clock
        sampler.stop()
    return wall, sampler, run


if __name__ == "__main__":
    sys.exit(main())
