"""The access decision as tables: audience × record × part × moment → may see or not."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from archive.access.policy import NEVER, AccessFacts, facts_of, may_see, next_change
from archive.access.views import REDACTED, redact_pages, view_of
from archive.catalog import RecordText
from archive.config import EmbargoRule

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)
LIFT = dt.datetime(2027, 1, 1, 0, 0, tzinfo=dt.UTC)


def facts(**changes) -> AccessFacts:
    base = dict(identifier="r", status="published", level="public", visibility="hidden")
    return AccessFacts(**{**base, **changes})


OPEN = facts()
READER = facts(level="reader")
STAFF_ONLY = facts(level="staff", visibility="listed")
EMBARGOED_LISTED = facts(opens_at=LIFT, visibility="listed")
EMBARGOED_HIDDEN = facts(opens_at=LIFT)
DRAFT = facts(status="draft", visibility="listed")
WITHDRAWN = facts(status="withdrawn", visibility="listed")
REDACTED_TEXT = facts(passages=((5, 10),), redacted_fields=frozenset({"abstract_en"}))
ADMIN_ONLY = facts(level="admin")
ADMIN_LISTED = facts(level="admin", visibility="listed")


@pytest.mark.parametrize(
    ("record", "audience", "part", "expected"),
    [
        (OPEN, "public", "text", True),
        (OPEN, "public", "file", True),
        (READER, "public", "listing", False),  # hidden and closed: does not exist
        (READER, "reader", "text", True),
        (STAFF_ONLY, "reader", "listing", True),
        (STAFF_ONLY, "reader", "field:title_en", True),
        (STAFF_ONLY, "reader", "field:abstract_en", False),  # abstract is content
        (STAFF_ONLY, "reader", "field:files", False),  # so are file names
        (STAFF_ONLY, "reader", "field:agents", False),
        (STAFF_ONLY, "reader", "text", False),
        (STAFF_ONLY, "staff", "text", True),
        (EMBARGOED_LISTED, "public", "listing", True),
        (EMBARGOED_LISTED, "public", "description", False),
        (EMBARGOED_LISTED, "reader", "text", False),
        (EMBARGOED_HIDDEN, "reader", "listing", False),
        (EMBARGOED_HIDDEN, "staff", "text", True),
        (DRAFT, "public", "listing", False),  # listed applies to published records only
        (DRAFT, "staff", "text", True),
        (WITHDRAWN, "reader", "listing", False),
        (WITHDRAWN, "admin", "file", True),
        (REDACTED_TEXT, "public", "text", True),  # the redacted text
        (REDACTED_TEXT, "public", "file", False),  # never the original below a redaction
        (REDACTED_TEXT, "public", "field:abstract_en", False),
        (REDACTED_TEXT, "public", "field:title_en", True),
        (REDACTED_TEXT, "staff", "file", True),
        (ADMIN_ONLY, "staff", "listing", False),  # kept for administrators
        (ADMIN_ONLY, "admin", "text", True),
        (ADMIN_LISTED, "staff", "listing", True),
        (ADMIN_LISTED, "staff", "text", False),
    ],
)
def test_who_may_see_what_now(record, audience, part, expected):
    assert may_see(audience, record, part, NOW) is expected


def test_an_embargo_opens_at_midnight_and_not_a_second_before():
    before, at = LIFT - dt.timedelta(seconds=1), LIFT
    assert not may_see("public", EMBARGOED_LISTED, "text", before)
    assert may_see("public", EMBARGOED_LISTED, "text", at)
    assert next_change(EMBARGOED_LISTED, before) == LIFT
    assert next_change(EMBARGOED_LISTED, at) is None


def test_unknown_audiences_and_parts_are_refused():
    with pytest.raises(ValueError, match="unknown audience"):
        may_see("everyone", OPEN, "text", NOW)
    with pytest.raises(ValueError, match="unknown part"):
        may_see("public", OPEN, "thumbnail", NOW)


def record(**changes) -> dict:
    base = {
        "identifier": "wq-1",
        "title_en": "Minutes of round two",
        "document_type": "minutes",
        "date": "2019-03-14",
        "process": "wadi-qarnun",
        "session": "wq-r2",
        "status": "published",
        "access": "public",
        "description_visibility": "listed",
    }
    return {**base, **changes}


def test_own_embargo_and_rules_the_later_wins_in_the_depository_time_zone():
    zone = ZoneInfo("Asia/Amman")  # UTC+3
    rule = EmbargoRule({"document_type": "minutes", "track": "2"}, years=15)
    found = facts_of(
        record(embargo_until="2030-01-01"),
        rules=[rule],
        zone=zone,
        process={"track": "2"},
        session={"date": "2019-03"},  # a month: counted from its last day
    )
    assert found.opens_at == dt.datetime(2034, 3, 30, 21, 0, tzinfo=dt.UTC)  # 31 March 00:00 +3
    own_later = facts_of(
        record(embargo_until="2040-06-01"),
        rules=[rule],
        process={"track": "2"},
        session={"date": "2019-03-14"},
    )
    assert own_later.opens_at == dt.datetime(2040, 6, 1, tzinfo=dt.UTC)
    other_track = facts_of(record(), rules=[rule], process={"track": "1"})
    assert other_track.opens_at is None


def test_a_rule_without_the_date_it_counts_from_keeps_the_record_closed():
    rule = EmbargoRule({"document_type": "minutes"}, years=15, after="session_date")
    found = facts_of(record(session=None), rules=[rule], session=None)
    assert found.opens_at == NEVER
    assert not may_see("public", found, "text", dt.datetime(2999, 1, 1, tzinfo=dt.UTC))


def test_redacted_passages_leave_nothing_behind_in_the_view():
    pages = ["The envoy Canary Nine met the council.", "Second page with Canary Nine."]
    start = pages[0].index("Canary")
    second = len(pages[0]) + 1 + pages[1].index("Canary")
    assert redact_pages(pages, ((start, start + 11), (second, second + 11))) == [
        f"The envoy {REDACTED} met the council.",
        f"Second page with {REDACTED}.",
    ]
    rec = record(
        redactions=[{"field": "text", "start": start, "end": start + 11}, {"field": "agents"}],
        agents=[{"name": "Canary Nine", "role": "mediator"}],
        files=[{"sha256": "0" * 64, "size": 1, "media_type": "text/plain", "original_name": "x"}],
    )
    found = facts_of(rec)
    seen = view_of(rec, RecordText(pages=pages, details={}), found, "public", NOW)
    assert seen is not None and seen.full and not seen.files
    assert "Canary" not in seen.text.pages[0]
    assert "agents" not in seen.record and "files" not in seen.record
    assert "redactions" not in seen.record
    staff = view_of(rec, RecordText(pages=pages, details={}), found, "staff", NOW)
    assert "Canary" in staff.text.pages[0] and staff.files


def test_a_listed_closed_record_shows_only_its_listed_fields():
    rec = record(access="staff", abstract_en="secret", agents=[{"name": "X", "role": "author"}])
    seen = view_of(rec, RecordText(pages=["secret"], details={}), facts_of(rec), "reader", NOW)
    assert seen is not None and not seen.full and seen.text is None
    assert set(seen.record) == {"identifier", "title_en", "document_type", "date", "process"}
    hidden = record(access="staff", description_visibility="hidden")
    assert view_of(hidden, None, facts_of(hidden), "reader", NOW) is None


def test_an_embargo_may_end_at_a_moment_given_with_its_offset():
    found = facts_of(record(embargo_until="2031-06-01T09:00+03:00"), zone=ZoneInfo("UTC"))
    assert found.opens_at == dt.datetime(2031, 6, 1, 6, 0, tzinfo=dt.UTC)
    from archive.schema import validate

    problems = validate("record", record(embargo_until="2031-06-01T09:00"))  # no offset
    assert problems and "offset" in str(problems)
    assert not validate("record", record(embargo_until="2031-06-01T09:00Z"))


NAMES_RULE = EmbargoRule({"document_type": "participant_list"}, years=25, redact="names")


def test_a_rule_that_cannot_locate_names_closes_the_text_and_keeps_the_record_listed():
    """No passages marked: until the rule ends the public sees the listed fields only, then
    everything; staff always see everything."""
    found = facts_of(
        record(document_type="participant_list", agents=[{"name": "A. B.", "role": "participant"}]),
        rules=[NAMES_RULE],
        session={"date": "2019-03-14"},
    )
    ends = dt.datetime(2044, 3, 14, tzinfo=dt.UTC)
    assert found.opens_at == ends and found.names_until == ends
    assert next_change(found, NOW) == ends
    before = view_of(
        record(document_type="participant_list", agents=[{"name": "A. B."}]),
        RecordText(["A. B., delegate"], {}),
        found,
        "public",
        NOW,
    )
    assert before is not None and not before.full and before.text is None
    assert "agents" not in before.record and before.record["title_en"]
    after = may_see("public", found, "text", ends) and may_see(
        "public", found, "field:agents", ends
    )
    assert after
    assert may_see("staff", found, "field:agents", NOW)
    other = facts_of(record(), rules=[NAMES_RULE], session={"date": "2019-03-14"})
    assert other.opens_at is None and other.names_until is None


def test_with_passages_marked_a_names_rule_opens_the_text_redacted_and_hides_the_agents():
    marked = record(
        document_type="participant_list",
        agents=[{"name": "Canary Nine", "role": "participant"}],
        redactions=[{"field": "text", "start": 0, "end": 11}],
    )
    found = facts_of(marked, rules=[NAMES_RULE], session={"date": "2019-03-14"})
    ends = dt.datetime(2044, 3, 14, tzinfo=dt.UTC)
    assert found.opens_at is None and found.names_until == ends
    seen = view_of(marked, RecordText(["Canary Nine, delegate"], {}), found, "public", NOW)
    assert seen is not None and seen.full and not seen.files
    assert seen.text.pages == [f"{REDACTED}, delegate"] and "agents" not in seen.record
    later = view_of(marked, RecordText(["Canary Nine, delegate"], {}), found, "public", ends)
    assert later.record["agents"] and later.text.pages == [f"{REDACTED}, delegate"]
    assert not later.files  # the record's own marks stay until staff lift them


def test_a_names_rule_without_years_holds_for_good():
    rule = EmbargoRule({"document_type": "participant_list"}, years=None, redact="names")
    found = facts_of(record(document_type="participant_list"), rules=[rule])
    assert found.opens_at == NEVER and found.names_until == NEVER
    assert next_change(found, NOW) is None
    assert not may_see("public", found, "text", dt.datetime(2999, 1, 1, tzinfo=dt.UTC))
