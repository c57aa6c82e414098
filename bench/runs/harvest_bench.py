"""Benchmark a full OAI-PMH harvest: a real `mediarch serve` (gunicorn) on a depository of the
access benchmark (100,000 records), one harvester following the resumption tokens of
`ListRecords` to the end, in `oai_dc` or `mediarch`.

    python -m bench.runs.harvest_bench ROOT [--prefix oai_dc] [--workers 2]

ROOT is a depository with its indexes built (`python -m bench.runs.access_bench --keep` leaves
one in `bench/.cache/runs/`). A depository older than the publication ledger gets its ledger
filled first (each record's public view taken once): timed on its own. The harvester is urllib
and ElementTree in this process, reading each answer whole. Figures: records and pages, records
per second, the latency of a page (p50/p95), the server's peak memory (RSS of gunicorn and its
workers) and the harvester's. Results: `bench/results/harvest-N-YYYYMMDD-HHMMSS.json`;
`python -m bench.report` shows the newest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from archive.depository import Depository
from bench.harness.common import (
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
from bench.runs.search_bench import versions  # the packages the search benchmark records

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--prefix", default="oai_dc", choices=["oai_dc", "mediarch"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--max-wait", type=float, default=3600)
    args = parser.parse_args(argv)
    started = dt.datetime.now(dt.UTC)
    run: dict[str, Any] = {}
    with Depository.open(args.root) as dep:
        records = dep.catalog.count("records")
        clock = time.monotonic()
        with phase(
            "the publication ledger (filled once, then drained)", WaitBudget(args.max_wait), run
        ):
            dep.indexes.drain(dep.catalog)
        ledger_s = time.monotonic() - clock
        public = dep.catalog.conn.execute("SELECT count(*) FROM public_ledger").fetchone()[0]
        page_size = dep.config.oai_page
    pages_ms: list[float] = []
    harvested = 0
    with served(args.root, args.workers) as (server, site, ready_s):
        base = site + "/oai"
        log(f"server ready in {ready_s:.1f} s")
        sampler = TreeSampler(server.pid, time.monotonic(), pss_every=10**9)
        query = {"verb": "ListRecords", "metadataPrefix": args.prefix}
        with phase(f"a full harvest in {args.prefix}", WaitBudget(args.max_wait), run):
            sampler.start()
            clock = time.monotonic()
            while True:
                t0 = time.monotonic()
                body = urllib.request.urlopen(
                    f"{base}?{urllib.parse.urlencode(query)}", timeout=300
                ).read()
                pages_ms.append((time.monotonic() - t0) * 1000)
                root = ET.fromstring(body)
                listed = root.find(f"{OAI}ListRecords")
                if listed is None:
                    raise SystemExit(f"not a ListRecords answer: {body[:300]!r}")
                harvested += len(listed.findall(f"{OAI}record"))
                token = listed.find(f"{OAI}resumptionToken")
                if token is None or not (token.text or "").strip():
                    break
                query = {"verb": "ListRecords", "resumptionToken": token.text}
                if len(pages_ms) % 100 == 0:
                    log(f"{harvested} records, {len(pages_ms)} pages")
            wall = time.monotonic() - clock
            sampler.stop()
    result = {
        "benchmark": "harvest",
        "format": 1,
        "date": started.isoformat(timespec="seconds"),
        "git": git_state(),
        "machine": machine(),
        "versions": versions(),
        "parameters": {
            "records": records,
            "prefix": args.prefix,
            "workers": args.workers,
            "page_size": page_size,
            "root": str(args.root),
        },
        "commands": {"benchmark": command_line()},
        "ledger_s": round(ledger_s, 1),
        "ledger_entries": public,
        "harvested": harvested,
        "pages": len(pages_ms),
        "wall_s": round(wall, 1),
        "records_per_s": round(harvested / wall, 1),
        "page_ms": stats(pages_ms),
        "server_peak_rss_mb": mb(sampler.peak_total_rss),
        "harvester_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        ),
        "run": run,
    }
    path = write_result(result, args.results, f"harvest-{records}")
    log(
        f"{harvested} records in {len(pages_ms)} pages, {wall:.1f} s: {result['records_per_s']}"
        f" records/s, page p50 {result['page_ms']['p50']} ms p95 {result['page_ms']['p95']} ms"
    )
    log(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
