"""The model test: a depository holding only what the public (or a reader) may see of the sample
records gives byte-identical answers to that audience — hits, totals, facets, scores, snippets,
suggestions, expansions — on every query of the relevance set. Nothing the audience may not see
leaves a trace in what it is told."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from archive.access.gate import Access
from archive.depository import Depository
from archive.index.search import RecordSearch
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


def _model(real: Depository, audience: str, root, at: dt.datetime | None = None) -> Depository:
    """A depository whose records are the audience's views of the real one's (at `at`, by
    default now), open to all."""
    model = Depository.create(root)
    catalog, now = real.catalog, at or dt.datetime.now(dt.UTC)
    for c in catalog.collections():
        model.catalog.put_collection(c["id"], c["title_en"], c["title_ar"])
    for agent in catalog.agents():
        model.catalog.put_agent(agent, actor="model")
    for process in catalog.processes():
        model.catalog.put_process(process, actor="model")
    for session in catalog.sessions():
        model.catalog.put_session(session, actor="model")
    access = Access.of(real.config)
    views = {}
    for identifier in catalog.record_ids():
        view = access.view_by_id(catalog, identifier, audience, now)
        if view is not None:
            views[identifier] = view
    for view in views.values():
        record = {
            **view.record,
            "status": "published",
            "access": "public",
            "description_visibility": "listed",
        }
        if record.get("part_of") not in views:
            record.pop("part_of", None)
        record.pop("embargo_until", None)  # open in the model whenever the view is taken
        model.catalog.add_record(record, text=view.text, actor="model")
    model.indexes.drain(model.catalog)
    return model


@pytest.mark.parametrize("audience", ["public", "reader"])
def test_a_depository_of_only_the_audience_view_answers_identically(real, audience, tmp_path):
    model = _model(real, audience, tmp_path / "model")
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
