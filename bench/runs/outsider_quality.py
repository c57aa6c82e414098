"""Search quality on a collection nobody on the team made: bench/outsider-set/.

Two helper sessions that never read the code, the sample corpus or tests/relevance/ made it:
one wrote four invented mediation processes (45 records: LibreOffice PDFs, DOCX, UTF-8 and
Windows-1256 text) whose manifest names people in one script only, with no authority files and
topics outside the thesaurus; the other wrote 62 queries and judged them by reading the texts
(other transliterations, other words for the same things). Nothing here is tuned to it: the
set is measured, not trained on.

    python -m bench.runs.outsider_quality [--json OUT]

Ingests the set into a temporary depository, runs every query as staff (expansion on, as
`mediarch search`), and scores recall@k and MRR as bench/runs/search_quality.py does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import fmean

from archive.depository import Depository
from archive.index.search import RecordSearch
from bench.harness.common import BENCH
from bench.runs.search_quality import RelevanceQuery, score
from ingest.pipeline import IngestOptions, run_ingest

SET = BENCH / "outsider-set"
KINDS = {
    "name_cross_script": "names across scripts and transliterations",
    "cross_lingual_en_to_ar": "cross-lingual, English to Arabic",
    "cross_lingual_ar_to_en": "cross-lingual, Arabic to English",
    "keyword_en": "English keywords",
    "keyword_ar": "Arabic keywords",
}
# The goals of the issue: recall@10 of each group on this set.
GOALS = {
    "names across scripts and transliterations": (("name_cross_script",), 0.9),
    "cross-lingual": (("cross_lingual_en_to_ar", "cross_lingual_ar_to_en"), 0.9),
    "keywords": (("keyword_en", "keyword_ar"), 0.95),
}


def queries(collection: Path = SET) -> list[RelevanceQuery]:
    data = json.loads((collection / "queries.json").read_text(encoding="utf-8"))
    return [
        RelevanceQuery(q["id"], q["kind"], q["query"], tuple(q["relevant"]), q.get("note", ""))
        for q in data
    ]


def run(collection: Path = SET) -> dict:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp, Depository.create(Path(tmp) / "dep") as dep:
        report = run_ingest(
            dep,
            IngestOptions(
                folder=collection / "files", manifest=collection / "manifest.csv", jobs=2
            ),
        )
        refused = [(f.path, f.reason) for f in report.files if f.outcome == "failed" or f.reason]
        search = RecordSearch(dep.indexes, dep.catalog)
        results = []
        for q in queries(collection):
            found = search.search(q.query, audience="staff", limit=q.depth)
            results.append(score(q, [h.id for h in found.hits]))
    kinds = {
        kind: {
            "queries": sum(r.kind == kind for r in results),
            "recall": fmean(r.recall for r in results if r.kind == kind),
            "mrr": fmean(r.rr for r in results if r.kind == kind),
        }
        for kind in KINDS
    }
    goals = {
        name: {
            "recall": fmean(r.recall for r in results if r.kind in group),
            "goal": goal,
        }
        for name, (group, goal) in GOALS.items()
    }
    return {
        "records": sum(f.outcome == "ingested" for f in report.files),
        "refused": refused,
        "kinds": kinds,
        "goals": goals,
        "all": {
            "recall": fmean(r.recall for r in results),
            "mrr": fmean(r.rr for r in results),
        },
        "queries": [vars(r) for r in results],
        "seconds": round(time.monotonic() - started, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--misses", action="store_true", help="print each query's misses")
    parser.add_argument(
        "--set",
        type=Path,
        default=SET,
        help="another collection laid out the same way (files/, manifest.csv, queries.json)",
    )
    args = parser.parse_args(argv)
    result = run(args.set)
    if result["refused"]:
        print("refused:", result["refused"])
    for kind, label in KINDS.items():
        k = result["kinds"][kind]
        print(f"{label:<45} {k['queries']:>3}  recall@10 {k['recall']:.3f}  MRR {k['mrr']:.3f}")
    for name, g in result["goals"].items():
        print(f"goal {name:<45} {g['recall']:.3f} (goal {g['goal']})")
    if args.misses:
        for q in result["queries"]:
            if q["recall"] < 1:
                print(f"  {q['kind']:<24} {q['query']!r}: missing {q['missed']}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
