"""Search quality: the relevance set of tests/relevance/ run through mediarch's search holds
the figures reached (the issue's goal where it is met), and docs/search-quality.md reports on
the same set.

The scoring is bench.runs.search_quality's; the corpus is the session's `ingested_corpus`, not
a second ingest. The Whoosh baseline is only run by the benchmark itself.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from archive.depository import Depository
from bench.runs import search_quality


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return search_quality


@pytest.fixture(scope="module")
def corpus(ingested_corpus):
    root, _ = ingested_corpus
    dep = Depository.open(root)
    yield dep
    dep.close()


@pytest.fixture(scope="module")
def results(quality, corpus):
    return quality.evaluate(quality.load_queries(), quality.our_search(corpus))


def test_the_relevance_set_is_complete_and_names_real_records(quality, corpus):
    problems = quality.check_queries(quality.load_queries(), corpus.catalog.record_ids())
    assert problems == []


# What the issue asks, and what this build must not fall below. The keyword goal (0.95) is not
# met yet: the misses left are records that speak of the matter without its words (see
# docs/search-quality.md); the floor keeps what has been reached from slipping back.
FLOORS = {"keywords": 0.92, "names and cross-lingual": 0.9}


@pytest.mark.parametrize("group", ["keywords", "names and cross-lingual"])
def test_search_quality_holds_its_ground(quality, results, group):
    kinds, goal = quality.GOALS[group]
    recall = quality.group_recall(results, kinds)
    floor = min(goal, FLOORS[group])
    failing = [
        f"{r.name} ({r.recall:.2f}; missed {', '.join(r.missed)})"
        for r in results
        if r.kind in kinds and r.recall < 1
    ]
    assert recall >= floor, f"{group}: recall@10 {recall:.3f} < {floor}. Failing: " + "; ".join(
        failing
    )


def test_the_report_names_every_query_of_the_set(quality):
    doc = quality.DOC.read_text(encoding="utf-8")
    missing = [q.name for q in quality.load_queries() if f"`{q.name}`" not in doc]
    assert missing == [], "rerun: .venv/bin/python -m bench.runs.search_quality"
