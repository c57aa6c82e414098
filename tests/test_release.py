"""Early release: two staff members, logged; a redacted release shows the redacted text,
nothing behind it and no original file; embargoes listed by when they lift."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from archive.access.releases import ReleaseError, approve, propose
from archive.access.users import Users
from archive.catalog import RecordText
from archive.index.search import RecordSearch
from tests.conftest import a_record, run_mediarch

PASSWORD = "a long passphrase"
SECRET = "Zarqawindi"  # a word only the redacted passage holds
FAR = (dt.date.today() + dt.timedelta(days=3650)).isoformat()


@pytest.fixture
def staffed(depository):
    users = Users(depository.catalog)
    for name, role in (("layla", "staff"), ("omar", "staff"), ("rana", "reader")):
        users.add(name, PASSWORD, role, actor="admin")
    text = f"The talks resumed. The envoy {SECRET} carried the message. Grazing routes agreed."
    start = text.index(SECRET)
    depository.catalog.add_record(
        a_record(
            identifier="wq-closed",
            title_en="Minutes on grazing routes",
            embargo_until=FAR,
            redactions=[{"field": "text", "start": start, "end": start + len(SECRET)}],
        ),
        text=RecordText(pages=[text], details={}),
        actor="test",
    )
    depository.catalog.add_record(
        a_record(identifier="wq-plain", title_en="Note on wells", embargo_until=FAR),
        text=RecordText(pages=["A note on the wells of the wadi."], details={}),
        actor="test",
    )
    depository.indexes.drain(depository.catalog)
    return depository


def search(dep, text, audience="public"):
    return RecordSearch(dep.indexes, dep.catalog).search(text, audience=audience)


def test_one_staff_member_alone_cannot_release(staffed):
    propose(staffed.catalog, "wq-plain", by="layla", basis="declassified 2026-11")
    with pytest.raises(ReleaseError, match="another staff member must approve"):
        approve(staffed.catalog, "wq-plain", by="layla")
    with pytest.raises(ReleaseError, match="not an active staff member"):
        approve(staffed.catalog, "wq-plain", by="rana")
    with pytest.raises(ReleaseError, match="not a user"):
        approve(staffed.catalog, "wq-plain", by="nobody")
    assert search(staffed, "wadi").total == 0  # listed by its title only, the text closed
    assert [h.id for h in search(staffed, "wells").hits] == ["wq-plain"]
    approve(staffed.catalog, "wq-plain", by="omar")
    staffed.indexes.drain(staffed.catalog)
    assert [h.id for h in search(staffed, "wadi").hits] == ["wq-plain"]
    kinds = [(e.kind, e.actor) for e in staffed.catalog.events("record", "wq-plain")]
    assert ("release_proposed", "layla") in kinds and ("release_approved", "omar") in kinds
    released = [e for e in staffed.catalog.events("record", "wq-plain") if e.kind == "released"]
    assert released[0].detail["basis"] == "declassified 2026-11"
    pending = [rid for rid, _ in staffed.catalog.pending_transitions()]
    assert pending == ["wq-closed"]  # the released record's own lift is cancelled


def test_a_redacted_release_shows_the_redacted_text_and_nothing_behind_it(staffed):
    with pytest.raises(ReleaseError, match="redactions marked first"):
        propose(staffed.catalog, "wq-plain", by="layla", redacted=True)
    propose(staffed.catalog, "wq-closed", by="layla", redacted=True)
    approve(staffed.catalog, "wq-closed", by="omar")
    staffed.indexes.drain(staffed.catalog)
    for audience in ("public", "reader"):
        found = search(staffed, "grazing", audience)
        assert [h.id for h in found.hits] == ["wq-closed"]
        assert SECRET not in json.dumps(found.as_data())
        assert search(staffed, SECRET, audience).total == 0
        assert search(staffed, SECRET, audience).suggestions == []
        view = staffed.indexes.access.view_by_id(
            staffed.catalog, "wq-closed", audience, dt.datetime.now(dt.UTC)
        )
        assert view.full and not view.files and SECRET not in view.text.pages[0]
    assert search(staffed, SECRET, "staff").total == 1


@pytest.mark.slow
def test_release_and_embargo_commands(staffed):
    root = str(staffed.root)
    listed = run_mediarch("--root", root, "embargo", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in json.loads(listed.stdout)] == ["wq-closed", "wq-plain"]
    soon = run_mediarch("--root", root, "embargo", "list", "--lifting-within", "90d")
    assert soon.returncode == 0 and "0 record(s)" in soon.stdout
    proposed = run_mediarch("--root", root, "release", "propose", "wq-plain", "--by", "layla")
    assert proposed.returncode == 0, proposed.stderr
    alone = run_mediarch("--root", root, "release", "approve", "wq-plain", "--by", "layla")
    assert alone.returncode == 1 and "another staff member" in alone.stderr
    assert "Traceback" not in alone.stderr
    done = run_mediarch("--root", root, "release", "approve", "wq-plain", "--by", "omar")
    assert done.returncode == 0, done.stderr
    public = run_mediarch("--root", root, "search", "wadi", "--as", "public", "--json")
    assert [h["id"] for h in json.loads(public.stdout)["hits"]] == ["wq-plain"]
    listed = run_mediarch("--root", root, "embargo", "list", "--json")
    assert [r["id"] for r in json.loads(listed.stdout)] == ["wq-closed"]


@pytest.mark.slow
def test_a_hidden_record_answers_exactly_like_one_that_never_existed(staffed):
    staffed.catalog.add_record(
        a_record(identifier="wq-hidden", access="staff", description_visibility="hidden"),
        text=RecordText(pages=["Nothing to see."], details={}),
        actor="test",
    )
    root = str(staffed.root)
    for audience in ("public", "reader"):
        hidden = run_mediarch("--root", root, "show", "wq-hidden", "--as", audience)
        unknown = run_mediarch("--root", root, "show", "wq-unused", "--as", audience)
        assert hidden.returncode == unknown.returncode == 1
        assert hidden.stdout == unknown.stdout == ""
        assert hidden.stderr.replace("wq-hidden", "ID") == unknown.stderr.replace("wq-unused", "ID")
        for query in ("id:wq-hidden", "wq-hidden"):
            found = run_mediarch("--root", root, "search", query, "--as", audience, "--json")
            other = run_mediarch(
                "--root", root, "search", query.replace("hidden", "unused"), "--as", audience,
                "--json",
            )  # fmt: skip
            a, b = json.loads(found.stdout), json.loads(other.stdout)
            a["query"] = b["query"] = ""
            assert a == b
    listed = run_mediarch("--root", root, "show", "wq-closed", "--as", "public")
    assert set(json.loads(listed.stdout)) <= {
        "identifier", "title_en", "title_ar", "date", "document_type", "process",
    }  # fmt: skip
    staff = json.loads(run_mediarch("--root", root, "show", "wq-hidden").stdout)
    assert staff["identifier"] == "wq-hidden"
