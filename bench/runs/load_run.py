"""Fault run under load: 32 clients searching and reading for 60 s while an ingest runs.

    python -m bench.runs.load_run [--clients 32] [--seconds 60] [--files 2000]

A fresh depository holding the sample corpus is served by `mediarch serve` (gunicorn, 2
workers); an ingest of the ingest benchmark's generated corpus (`bench/corpora/ingest_corpus.py`,
2,000 PDF and DOCX files) starts beside it; wrk (`apt-get install wrk`) then sends, from
`--clients` connections, a mix of search pages, search JSON and record pages and their JSON
twins for `--seconds`. Afterwards: every wrk request answered 200 (no error of any kind), the
ingest finished with every file in once, and `mediarch check` passes (nothing lost, nothing
doubled). Results: `bench/results/load-YYYYMMDD-HHMMSS.json`; docs/reliability.md cites them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.corpora.ingest_corpus import CorpusSpec, default_out, ensure_corpus
from bench.harness.common import (
    BENCH,
    REPO,
    RESULTS,
    command_line,
    git_state,
    log,
    machine,
    write_result,
)

SAMPLE = REPO / "sample_corpus"
QUERIES = ["ceasefire", "water", "وقف إطلاق النار", "محضر", "type:minutes", "detainees",
           "agent:astrid-solvang", "date:2019..2021", '"joint border commission"', "grazing"]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    started = dt.datetime.now(dt.UTC)
    corpus = ensure_corpus(CorpusSpec(files=args.files), default_out(args.files), log=log)
    work = Path(tempfile.mkdtemp(prefix="mediarch-load-"))
    root = work / "depository"
    mediarch = [sys.executable, "-m", "archive.cli", "--root", str(root)]
    subprocess.run([*mediarch, "demo", "--no-serve", "--corpus", str(SAMPLE)], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*mediarch, "serve", "--port", str(port), "--workers", "2"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    ingest = None
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/index.json", timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        records = {"hits": []}
        for page in (1, 2, 3, 4):
            answer = urllib.request.urlopen(f"{base}/search.json?q=&page={page}").read()
            records["hits"] += json.loads(answer)["hits"]
        paths = []
        for q in QUERIES:
            paths += [f"/search?{urllib.parse.urlencode({'q': q})}",
                      f"/search.json?{urllib.parse.urlencode({'q': q})}"]  # fmt: skip
        for hit in records["hits"]:
            paths += [f"/records/{hit['id']}", f"/records/{hit['id']}.json"]
        paths_file = work / "paths.txt"
        paths_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
        report = work / "ingest-report.json"
        ingest_started = time.monotonic()
        ingest = subprocess.Popen(
            [*mediarch, "ingest", str(corpus.files_dir), "--jobs", "1", "--report", str(report)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(2)
        log(f"wrk: {args.clients} connections, {args.seconds} s, while the ingest runs")
        out = subprocess.run(
            ["wrk", "-t2", f"-c{args.clients}", f"-d{args.seconds}s", "--timeout", "30s",
             "-s", str(BENCH / "wrk_paths.lua"), base],
            env={**os.environ, "PATHS": str(paths_file)}, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        found = json.loads(next(x for x in out.splitlines() if x.startswith("WRK_RESULT "))[11:])
        ingest_running_after_load = ingest.poll() is None
        log("waiting for the ingest to finish")
        ingest_code = ingest.wait(timeout=3600)
        ingest_s = time.monotonic() - ingest_started
    finally:
        if ingest is not None and ingest.poll() is None:
            ingest.kill()
        server.terminate()
        server.wait(timeout=60)
    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    outcomes = {
        o: sum(f["outcome"] == o for f in files) for o in ("ingested", "duplicate", "failed")
    }
    checked = subprocess.run([*mediarch, "check"], capture_output=True, text=True)
    kept = subprocess.run(
        [sys.executable, "-c", "import sys; from archive.depository import Depository\n"
         f"d = Depository.open({str(root)!r}); c = d.catalog.conn\n"
         "print(tuple(c.execute('SELECT count(*), count(DISTINCT source_path) FROM files').fetchone()))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    result = {
        "benchmark": "load",
        "format": 1,
        "date": started.isoformat(timespec="seconds"),
        "git": git_state(),
        "machine": machine(),
        "parameters": {
            "clients": args.clients,
            "seconds": args.seconds,
            "files": args.files,
            "workers": 2,
            "paths": len(paths),
        },
        "commands": {"run": command_line()},
        "requests": found["requests"],
        "requests_per_s": round(found["requests"] / (found["duration_us"] / 1e6), 1),
        "errors": found["errors"],
        "latency_ms": {k: round(v, 1) for k, v in found["latency_ms"].items()},
        "ingest": {
            "exit_code": ingest_code,
            "seconds": round(ingest_s, 1),
            **outcomes,
            "files": len(files),
            "running_when_load_ended": ingest_running_after_load,
        },
        "files_rows_and_distinct_sources": kept,
        "check": {"exit_code": checked.returncode, "output": checked.stdout[-2000:]},
    }
    path = write_result(result, args.results, "load")
    ok = not any(found["errors"].values()) and checked.returncode == 0 and ingest_code == 0
    log(f"{found['requests']} requests, errors {found['errors']}, p95 {result['latency_ms']['p95']} ms;"
        f" ingest {outcomes} in {ingest_s:.0f} s; check exit {checked.returncode}: {'OK' if ok else 'FAILED'}")  # fmt: skip
    log(f"results: {path}")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
