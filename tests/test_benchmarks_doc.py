"""docs/benchmarks.md is what bench/render_benchmarks.py makes of bench/results/: no figure in
the docs that no result file holds, no result left out."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import REPO


def test_the_benchmarks_doc_is_rendered_from_the_results():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        spec = importlib.util.spec_from_file_location(
            "render_benchmarks", REPO / "bench" / "render_benchmarks.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(REPO / "bench"))
    expected = module.rendered(REPO / "bench" / "results")
    written = (REPO / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    assert written == expected, "run: python bench/render_benchmarks.py"
