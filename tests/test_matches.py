"""The numpy evaluation of queries agrees with Whoosh's own search: the same documents, the
same ranking scores and the same facet counts, over several segments with deleted documents."""

from __future__ import annotations

import json
import pickle
import shutil
from collections import Counter

import numpy as np
import pytest
from whoosh import sorting

from archive.depository import Depository
from archive.index.formats import PackedPositions
from archive.index.query import parse
from archive.index.schema import FACETS
from archive.index.search import RecordSearch
from tests.conftest import REPO

EXTRA = [
    '"ceasefire agreement"',
    "hotline -minutes",
    "water OR grazing",
    "type:minutes",
    "date:2019..2021",
    "date:..2020-06-30 ceasefire",
    "date:>=2023-03 agreement",
    "lang:ar",
    "agent:haddad",
    "وقف إطلاق النار",
    "Mansouri",
    "",
]
QUERIES = [q["query"] for q in json.loads((REPO / "tests/relevance/queries.json").read_text())]


@pytest.fixture(scope="module")
def segmented(ingested_corpus, tmp_path_factory):
    """A copy of the sample depository whose index has several segments and deletions."""
    root = tmp_path_factory.mktemp("segmented") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    dep = Depository.open(root)
    for identifier in dep.catalog.record_ids()[::7]:
        record = dep.catalog.record(identifier)
        title = (record.get("title_en") or record.get("title_ar")) + " (revised)"
        key = "title_en" if record.get("title_en") else "title_ar"
        dep.catalog.update_record(identifier, {key: title}, actor="test")
        dep.indexes.drain(dep.catalog)
    yield dep
    dep.close()


def test_the_copy_has_several_segments_with_deletions(segmented):
    with segmented.indexes.searcher("staff") as searcher:
        readers = searcher.reader().leaf_readers()
        assert len(readers) > 2
        assert any(r.has_deletions() for r, _ in readers)


@pytest.mark.parametrize("text", QUERIES + EXTRA)
def test_numpy_matches_and_scores_are_whooshs(segmented, text):
    search = RecordSearch(segmented.indexes, segmented.catalog)
    with segmented.indexes.reading("staff") as opened:
        searcher = opened.searcher
        built = search._build(parse(text), searcher, True, [])
        docnums, scores = opened.evaluation().matches(built.query)
        theirs = searcher.search(built.query, limit=None, terms=False)
        their_scores = {docnum: score for score, docnum in theirs.top_n}
        assert list(docnums) == sorted(their_scores)
        if len(docnums):
            # date ranges score a constant that may differ from Whoosh's: the same for every
            # match, so rankings agree
            offset = scores - np.array([their_scores[d] for d in docnums.tolist()])
            assert np.allclose(offset, offset[0], rtol=0, atol=1e-9)
        groups = sorting.Facets()
        for name in FACETS:
            groups.add_field(name, allow_overlap=name in ("languages", "year", "agents"))
        grouped = searcher.search(
            built.query, limit=None, groupedby=groups, maptype=sorting.Count, terms=False
        )
        ours = opened.facets.count(searcher, docnums)
        for name in FACETS:
            expected = Counter(
                {
                    (v.decode() if isinstance(v, bytes) else str(v)): n
                    for v, n in grouped.groups(name).items()
                    if v not in (None, "", b"")
                }
            )
            assert Counter({v: n for v, n in ours[name].items() if v}) == expected, name


@pytest.mark.parametrize("positions", [[0], [3, 7, 300, 70_000], list(range(500))])
def test_packed_positions_round_trip(positions):
    fmt = PackedPositions()
    value = fmt.encode(positions)
    assert len(value) == 4 * len(positions)
    assert fmt.decode_positions(value) == positions
    assert fmt.decode_frequency(value) == len(positions)
    assert pickle.loads(pickle.dumps(fmt)) == fmt


def test_warming_reads_ahead_and_changes_no_answer(segmented):
    search = RecordSearch(segmented.indexes, segmented.catalog)
    before = [search.search(q).as_data() for q in QUERIES[:10]]
    assert segmented.indexes.warm("staff", seconds=30) > 0
    assert [search.search(q).as_data() for q in QUERIES[:10]] == before
