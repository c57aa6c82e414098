"""The model test: a depository holding only what the public (or a reader) may see of the sample
records gives byte-identical answers to that audience — hits, totals, facets, scores, snippets,
suggestions, expansions — on every query of the relevance set. Nothing the audience may not see
leaves a trace in what it is told."""

from __future__ import annotations

import json
import shutil

import pytest

from archive.audiences import OUTSIDERS
from archive.depository import Depository
from archive.index.search import RecordSearch
from tests.audience_model import audience_model
from tests.conftest import REPO

QUERIES = [q["query"] for q in json.loads((REPO / "tests/relevance/queries.json").read_text())]
EXTRA = ["negotations", "ceasefire", "type:minutes", "date:2019..2024", "", "lang:ar", "Haddad"]


@pytest.fixture(scope="module")
def real(ingested_corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("real") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    dep = Depository.open(root)
    dep.indexes.drain(dep.catalog)
    yield dep
    dep.close()


@pytest.mark.parametrize("audience", OUTSIDERS)
@pytest.mark.slow
def test_a_depository_of_only_the_audience_view_answers_identically(real, audience, tmp_path):
    model = audience_model(real, audience, tmp_path / "model")
    try:
        assert model.catalog.count("records") < real.catalog.count("records")
        ours = RecordSearch(real.indexes, real.catalog)
        theirs = RecordSearch(model.indexes, model.catalog)
        for text in QUERIES + EXTRA:
            for page in (1, 2):
                a = ours.search(text, audience=audience, page=page, limit=5).as_data()
                b = theirs.search(text, audience="public", page=page, limit=5).as_data()
                assert a == b, text
    finally:
        model.close()
