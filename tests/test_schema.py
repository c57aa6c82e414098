"""The description model: every field labelled in both languages, labels accepted for codes,
and every problem of a bad description reported at once with its field path."""

from __future__ import annotations

import pytest

from archive import schema
from archive.errors import Problem, ValidationFailed
from tests.conftest import a_record


@pytest.mark.parametrize("kind", schema.KINDS)
def test_every_field_has_an_arabic_and_an_english_label(kind):
    def walk(node, path):
        node = schema._resolve_ref(schema.schema(kind), node)
        for name, child in node.get("properties", {}).items():
            labels = {
                **schema._resolve_ref(schema.schema(kind), child).get("x-labels", {}),
                **child.get("x-labels", {}),
            }
            assert labels.get("en") and labels.get("ar"), f"{kind}: {path}{name} lacks a label"
            assert any("\u0600" <= ch <= "\u06ff" for ch in labels["ar"]), (
                f"{path}{name}: ar label not Arabic"
            )
            walk(child, f"{path}{name}.")
        if "items" in node:
            walk(node["items"], path)

    walk(schema.schema(kind), "")


@pytest.mark.parametrize("kind", schema.KINDS)
def test_schemas_are_draft_2020_12(kind):
    assert schema.schema(kind)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema.schema(kind))


def test_a_minimal_record_is_valid():
    assert schema.validate("record", a_record()) == []


def test_a_bad_record_is_refused_with_every_reason_and_its_path():
    bad = a_record(
        identifier="Minutes Round 1",
        title_en=None,
        title_ar=None,
        date="2019-02-30",
        document_type="memo of sorts",
        languages=["ar", "xx"],
        access="everyone",
        embargo_until="2031",
        agents=[{"name": "Sami Haddad", "role": "chairman"}],
        colour="blue",
    )
    problems = {p.path: p.reason for p in schema.validate("record", bad)}
    assert set(problems) == {
        "",
        "identifier",
        "date",
        "document_type",
        "languages[1]",
        "access",
        "embargo_until",
        "agents[0].role",
        "colour",
    }
    assert "title_en" in problems[""] and "title_ar" in problems[""]
    assert "'memo of sorts' is not a term of document_types" in problems["document_type"]
    assert "not a valid date" in problems["date"]
    assert "YYYY-MM-DD" in problems["embargo_until"]
    assert problems["colour"] == "is not a field of this schema"


def test_missing_required_fields_are_named():
    problems = schema.validate("record", {"identifier": "x1"})
    assert {p.path for p in problems} >= {
        "document_type",
        "status",
        "access",
        "description_visibility",
    }
    assert all(p.reason == "is required" for p in problems if p.path in {"status", "access"})


def test_validation_failed_is_one_readable_message_and_data():
    with pytest.raises(ValidationFailed) as caught:
        schema.check("record", a_record(identifier="r-1", date="14/03/2019", languages=[]))
    error = caught.value
    assert str(error).startswith("record 'r-1' is not valid: ")
    assert "date: '14/03/2019' is not a valid date" in str(error)
    assert "languages: needs at least 1 item(s)" in str(error)
    assert Problem("languages", "needs at least 1 item(s)") in error.problems


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("minutes", "minutes"),
        ("Minutes", "minutes"),
        ("محضر اجتماع", "minutes"),
        ("Concept memo", "concept_memo"),
        ("concept-memo", "concept_memo"),
        ("مذكرة مفاهيمية", "concept_memo"),
    ],
)
def test_document_type_accepts_a_code_or_either_label(given, code):
    record = schema.normalize("record", a_record(document_type=given))
    assert record["document_type"] == code
    assert schema.validate("record", record) == []


def test_normalize_resolves_labels_inside_lists_and_objects():
    record = schema.normalize(
        "record",
        a_record(
            languages=["ara", "English", "fr"],
            access="Registered reader",
            agents=[{"name": "Lina", "role": "ميسّر"}],
            subjects=["Ceasefire", "وقف إطلاق النار"],
        ),
    )
    assert record["languages"] == ["ar", "en", "fr"]
    assert record["access"] == "reader"
    assert record["agents"][0]["role"] == "facilitator"
    assert record["subjects"] == ["ceasefire", "ceasefire"]


def test_partial_dates_keep_their_precision():
    assert schema.date_precision("2019") == "year"
    assert schema.date_precision("2019-03") == "month"
    assert schema.date_precision("2019-03-14") == "day"
    assert schema.date_precision("2019-13") is None
    assert schema.validate("record", a_record(date="2019-03")) == []


def test_process_session_and_agent_schemas_validate_their_links_and_vocabularies():
    process = {
        "id": "p1",
        "name_en": "Wadi talks",
        "track": "Track II",
        "mediators": [{"agent": "a1", "kind": "insider-partial"}],
    }
    process = schema.normalize("process", process)
    assert process["track"] == "2" and process["mediators"][0]["kind"] == "insider_partial"
    assert schema.validate("process", process) == []
    session = {
        "id": "s1",
        "process": "p1",
        "working_languages": ["ar", "en"],
        "interpretation": {
            "mode": "whispering?",
            "interpreters": [{"agent": "a2", "native": "yes"}],
        },
    }
    paths = {p.path for p in schema.validate("session", session)}
    assert paths == {"interpretation.mode", "interpretation.interpreters[0].native"}
    agent = {
        "id": "a1",
        "kind": "person",
        "authorised_name": "Haddad, Sami",
        "parallel_names": [{"name": "سامي حداد", "lang": "ar"}],
        "variants": ["Sami al-Haddad"],
    }
    assert schema.validate("agent", agent) == []
