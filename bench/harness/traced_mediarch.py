"""`mediarch`, with each search-index drain timed: the benchmark's second look at a run.

    export MEDIARCH_BENCH_TRACE=drains.jsonl
    python bench/harness/traced_mediarch.py --root R ingest FOLDER …

The same entry point as the `mediarch` console script (`archive.cli.main`), except that
`SearchIndexes.drain`, which ingest calls in its main loop about once a second and once at the
end, is wrapped to append one JSON line per call to the file the environment variable names:
`{"start": …, "end": …, "rows": …}`, times from `time.monotonic()` (the same clock in every
process of the machine). Nothing else changes; the per-file stages are in ingest's own report.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from typing import Any

from archive.cli import main
from archive.index.indexes import SearchIndexes

TRACE_VARIABLE = "MEDIARCH_BENCH_TRACE"


def _timed_drain(trace: str):
    original = SearchIndexes.drain

    @functools.wraps(original)
    def drain(self: SearchIndexes, catalog: Any, **kwargs: Any) -> int:
        start = time.monotonic()
        rows = original(self, catalog, **kwargs)
        end = time.monotonic()
        with open(trace, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"start": start, "end": end, "rows": rows}) + "\n")
        return rows

    return drain


if __name__ == "__main__":
    trace_path = os.environ.get(TRACE_VARIABLE)
    if trace_path:
        SearchIndexes.drain = _timed_drain(trace_path)  # type: ignore[method-assign]
    sys.exit(main())
