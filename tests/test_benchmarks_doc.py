"""docs/benchmarks.md is what bench/report.py makes of bench/results/: no figure in the docs
that no result file holds, no result left out."""

from __future__ import annotations

from bench import report
from tests.conftest import REPO


def test_the_benchmarks_doc_is_rendered_from_the_results():
    expected = report.rendered(REPO / "bench" / "results")
    written = (REPO / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    assert written == expected, "run: python -m bench.report"
