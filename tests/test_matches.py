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

from archive.cli import main as mediarch
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
    """A copy of the sample depository whose indexes have several segments and deletions."""
    root = tmp_path_factory.mktemp("segmented") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    dep = Depository.open(root)
    # one segment to start from: how many the ingest's drains left depends on their timing,
    # and past MAX_SEGMENTS a drain merges the small ones
    dep.indexes.rebuild(dep.catalog, "staff")
    for identifier in dep.catalog.record_ids()[::7]:
        record = dep.catalog.record(identifier)
        title = (record.get("title_en") or record.get("title_ar")) + " (revised)"
        key = "title_en" if record.get("title_en") else "title_ar"
        dep.catalog.update_record(identifier, {key: title}, actor="test")
        dep.indexes.drain(dep.catalog)
    yield dep
    dep.close()


@pytest.fixture(scope="module")
def rebuilt(segmented, tmp_path_factory):
    """The same catalog with every index rebuilt: one segment each, no deletions."""
    root = tmp_path_factory.mktemp("rebuilt") / "depository"
    shutil.copytree(segmented.root, root)
    dep = Depository.open(root)
    for audience in dep.indexes.served:
        dep.indexes.rebuild(dep.catalog, audience)
    yield dep
    dep.close()


@pytest.mark.slow
def test_the_copy_has_several_segments_with_deletions(segmented, rebuilt):
    with segmented.indexes.searcher("staff") as searcher:
        readers = searcher.reader().leaf_readers()
        assert len(readers) > 2
        assert any(r.has_deletions() for r, _ in readers)
    with rebuilt.indexes.searcher("staff") as searcher:
        assert not searcher.reader().has_deletions()


def _built(dep, opened, text):
    search = RecordSearch(dep.indexes, dep.catalog)
    return search._build(parse(text), opened.evaluation(), True, [], None)


@pytest.mark.parametrize("text", QUERIES + EXTRA)
def test_numpy_matches_scores_and_facets_are_whooshs(rebuilt, text):
    with rebuilt.indexes.reading("staff") as opened:
        searcher = opened.searcher
        built = _built(rebuilt, opened, text)
        docnums, scores = opened.evaluation().matches(built.query)
        theirs = searcher.search(built.query, limit=None, terms=False)
        their_scores = {docnum: score for score, docnum in theirs.top_n}
        assert list(docnums) == sorted(their_scores)
        if len(docnums):
            # the same BM25F, but the mean field length from each live document's stored
            # (quantised) length rather than Whoosh's exact total, which counts removed
            # documents too; and a filter or an exclusion may add a constant: scores agree
            # within a few per cent of the best one, up to a constant
            offset = np.array([their_scores[d] for d in docnums.tolist()]) - scores
            assert offset.max() - offset.min() <= 0.06 * max(scores.max(), 1.0)
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


def _answer(dep, text, audience):
    data = RecordSearch(dep.indexes, dep.catalog).search(text, audience=audience, limit=200)
    data = data.as_data()
    data["hits"] = sorted((h["id"], h["score"], h["snippet"]) for h in data["hits"])
    return data


@pytest.mark.parametrize("audience", ["public", "reader", "staff"])
def test_documents_removed_from_an_index_leave_no_trace_in_its_answers(
    segmented, rebuilt, audience
):
    """Scores, did-you-mean and facets come from live documents only: an index full of
    deletions answers every query exactly as one rebuilt without them."""
    for text in [*QUERIES, *EXTRA, "negotations", "revised"]:
        assert _answer(segmented, text, audience) == _answer(rebuilt, text, audience), text


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


@pytest.mark.slow
def test_the_admin_index_derived_from_staffs_answers_as_one_rebuilt(rebuilt, tmp_path, capsys):
    """`mediarch reindex` copies the staff index for admins and writes the admin-only records
    again (the two views differ in those alone): every answer is the rebuilt index's."""
    root = tmp_path / "depository"
    shutil.copytree(rebuilt.root, root)
    assert mediarch(["--root", str(root), "reindex"]) == 0
    assert "for admin" in capsys.readouterr().out
    with Depository.open(root) as derived:
        for text in [*QUERIES, *EXTRA, "negotations", "security annex"]:
            assert _answer(derived, text, "admin") == _answer(rebuilt, text, "admin"), text
        search = RecordSearch(derived.indexes, derived.catalog)
        admin_only = derived.catalog.conn.execute(
            "SELECT id FROM records WHERE access = 'admin'"
        ).fetchone()[0]
        word = derived.catalog.text(admin_only).pages[0].split()[3]
        assert admin_only in [h.id for h in search.search(word, audience="admin", limit=50).hits]
        assert admin_only not in [
            h.id for h in search.search(word, audience="staff", limit=50).hits
        ]
