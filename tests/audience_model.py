"""The oracle of the access tests: a depository built from nothing but an audience's views
of a real one, open to all. Whatever the real depository shows that audience, the model shows
everyone; a difference is a leak or a loss (`tests/test_access_model.py`, `tests/test_leaks.py`)."""

from __future__ import annotations

import datetime as dt

from archive.access.gate import Access
from archive.audiences import PUBLIC
from archive.depository import Depository


def audience_model(
    real: Depository, audience: str, root, at: dt.datetime | None = None
) -> Depository:
    """A depository whose records are the audience's views of the real one's (at `at`, by
    default now), open to all. It is asked as the public only, so only the public's index is
    built (every audience's would hold the same records)."""
    model = Depository.create(root)
    model.indexes.served = (PUBLIC,)
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
