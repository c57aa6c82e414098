"""Embargo rules from the configuration: a changed rule re-evaluates the records it covers at
the next drain (any search applies it first), and only those."""

from __future__ import annotations

import pytest

from archive.catalog import RecordText
from archive.config import load_config
from archive.depository import Depository
from archive.errors import ConfigError
from archive.index.search import RecordSearch
from tests.conftest import a_record

RULE = """
[[embargo_rules]]
document_type = "minutes"
track = "2"
years = 15
after = "session_date"
"""


def _public_total(root, text: str) -> int:
    with Depository.open(root) as dep:
        dep.indexes.drain(dep.catalog)  # what every CLI search does first
        return RecordSearch(dep.indexes, dep.catalog).search(text, audience="public").total


def test_a_changed_rule_reevaluates_the_records_it_covers(tmp_path):
    root = tmp_path / "dep"
    with Depository.create(root) as dep:
        dep.catalog.put_process({"id": "wq", "track": "2", "name_en": "Wadi talks"}, actor="t")
        dep.catalog.put_session({"id": "wq-r1", "process": "wq", "date": "2019-03"}, actor="t")
        for identifier, doc_type in (("wq-minutes", "minutes"), ("wq-communique", "communique")):
            dep.catalog.add_record(
                a_record(
                    identifier=identifier,
                    document_type=doc_type,
                    process="wq",
                    session="wq-r1",
                    description_visibility="hidden",
                ),
                text=RecordText(pages=["The wells of the wadi were shared."], details={}),
                actor="t",
            )
        dep.indexes.drain(dep.catalog)
    assert _public_total(root, "wells") == 2
    config = root / "mediarch.toml"
    config.write_text(config.read_text(encoding="utf-8") + RULE, encoding="utf-8")
    assert _public_total(root, "wells") == 1  # the minutes close until 2034-03-31
    with Depository.open(root) as dep:
        ids = [h.id for h in RecordSearch(dep.indexes, dep.catalog).search("wells").hits]
        assert sorted(ids) == ["wq-communique", "wq-minutes"]  # staff still read both
        [change] = [e for e in dep.catalog.events("depository") if e.kind == "access_changed"]
        assert change.detail["records"] == 1
        assert [rid for rid, _ in dep.catalog.pending_transitions()] == ["wq-minutes"]
    config.write_text(config.read_text(encoding="utf-8").replace(RULE, ""), encoding="utf-8")
    assert _public_total(root, "wells") == 2
    with Depository.open(root) as dep:
        assert dep.catalog.pending_transitions() == []  # no release will be logged for it


NAMES_RULE = """
[[embargo_rules]]
document_type = "participant_list"
redact = "names"
years = 30
"""


def test_a_names_rule_redacts_marked_passages_and_closes_unmarked_texts(tmp_path):
    root = tmp_path / "dep"
    with Depository.create(root) as dep:
        dep.catalog.put_process({"id": "wq", "track": "2", "name_en": "Wadi talks"}, actor="t")
        dep.catalog.put_session({"id": "wq-r1", "process": "wq", "date": "2019-03"}, actor="t")
        text = "Delegates: Orvanstrel Quay, hydrologist; Tamsin Vey, engineer."
        start = text.index("Orvanstrel")
        for identifier, marks in (
            ("wq-list-marked", [{"field": "text", "start": start, "end": start + 15}]),
            ("wq-list-unmarked", []),
        ):
            dep.catalog.add_record(
                a_record(
                    identifier=identifier,
                    title_en=f"Participants {identifier}",
                    document_type="participant_list",
                    process="wq",
                    session="wq-r1",
                    description_visibility="listed",
                    agents=[{"name": "Orvanstrel Quay", "role": "participant"}],
                    **({"redactions": marks} if marks else {}),
                ),
                text=RecordText(pages=[text], details={}),
                actor="t",
            )
    config = root / "mediarch.toml"
    config.write_text(config.read_text(encoding="utf-8") + NAMES_RULE, encoding="utf-8")
    with Depository.open(root) as dep:
        dep.indexes.drain(dep.catalog)
        search = RecordSearch(dep.indexes, dep.catalog)
        found = [h.id for h in search.search("hydrologist", audience="public").hits]
        assert found == ["wq-list-marked"]  # the unmarked text is closed
        assert search.search("Orvanstrel", audience="public").total == 0
        assert search.search("agent:Quay", audience="public").total == 0
        listed = [h.id for h in search.search("participants", audience="public").hits]
        assert sorted(listed) == ["wq-list-marked", "wq-list-unmarked"]  # both still listed
        assert search.search("Orvanstrel", audience="staff").total == 2


def test_a_rule_with_an_unknown_redaction_is_refused_naming_the_key(tmp_path):
    root = tmp_path / "dep"
    Depository.create(root).close()
    config = root / "mediarch.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[[embargo_rules]]\ndocument_type = "minutes"\nredact = "places"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"embargo_rules\[0\]\.redact"):
        load_config(config)
