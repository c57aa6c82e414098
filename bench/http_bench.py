"""Benchmark the search page over HTTP: a real `mediarch serve` (gunicorn) on a depository of
the access benchmark, N concurrent clients, the search benchmark's queries.

    python bench/http_bench.py ROOT [--clients 8] [--queries 1000] [--workers 2] [--seed 1]

ROOT is a depository with its indexes built (`bench/access_bench.py --keep` leaves one in
`bench/.cache/runs/`). The server is started with `--workers` processes and warmed (its workers
warm the public index at start, then 50 queries); then `--clients` threads share the queries,
each sending `GET /search?q=…` (the HTML page, as a browser asks for it) and reading the whole
answer. Per request: the time from sending to the last byte; overall: requests per second.
Results: `bench/results/http-N-YYYYMMDD-HHMMSS.json`; `render_benchmarks.py` shows the newest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from ingest_bench import WaitBudget, git_state, log, machine, write_result
from proctree import TreeSampler, mb
from search_bench import RESULTS, QueryMaker, phase, stats, versions

from archive.depository import Depository

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
    args = parser.parse_args(argv)
    started = dt.datetime.now(dt.UTC)
    with Depository.open(args.root) as dep:
        records = dep.catalog.count("records")
        queries = QueryMaker(dep.catalog, args.seed).make(args.queries)
        warmup = QueryMaker(dep.catalog, args.seed + 1000).make(50)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "archive.cli", "--root", str(args.root), "serve",
        "--port", str(port), "--workers", str(args.workers),
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    clock = time.monotonic()
    try:
        while True:
            try:
                _get(base + "/index.json")
                break
            except OSError:
                if time.monotonic() - clock > 600:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)
        ready_s = time.monotonic() - clock
        log(f"server ready in {ready_s:.1f} s")
        for q in warmup:
            _get(f"{base}/search?{urllib.parse.urlencode({'q': q.text})}")
        rows: list[tuple[str, float, int, int]] = []
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
        sampler = TreeSampler(server.pid, time.monotonic(), pss_every=10**9)
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
    finally:
        server.terminate()
        server.wait(timeout=60)
    ms = [r[1] for r in rows]
    by_kind = {k: stats([r[1] for r in rows if r[0] == k]) for k in sorted({r[0] for r in rows})}
    result = {
        "benchmark": "http",
        "format": 1,
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
        },
        "commands": {"benchmark": shlex.join([Path(sys.executable).name, *sys.argv])},
        "server_ready_s": round(ready_s, 1),
        "wall_s": round(wall, 2),
        "requests_per_s": round(len(rows) / wall, 1),
        "latency_ms": stats(ms),
        "by_kind": by_kind,
        "statuses": sorted({r[2] for r in rows}),
        "mean_bytes": round(sum(r[3] for r in rows) / len(rows)),
        "server_peak_rss_mb": mb(sampler.peak_total_rss),
        "run": run,
        "goal_p95_ms": GOAL_P95_MS,
    }
    path = write_result(result, args.results, f"http-{records}")
    log(
        f"{len(rows)} requests in {wall:.1f} s: {result['requests_per_s']}/s, "
        f"p50 {result['latency_ms']['p50']} ms, p95 {result['latency_ms']['p95']} ms"
    )
    log(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
