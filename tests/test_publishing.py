"""Publishing and keeping: OAI-PMH harvested by a real harvester through resumption tokens
against a running server (and again `from` the moment an embargo lifted), every error condition
of the protocol, every answer and export valid against the standard schemas, the feed and the
sitemap, BagIt packages that `bagit.py --validate` accepts, the spreadsheet round trip, and a
backup taken during an ingest that restores whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import pytest

from archive.access.gate import Access
from archive.catalog import RecordText
from archive.depository import Depository
from archive.index.search import RecordSearch
from tests.conftest import SAMPLE_CORPUS, a_record, run_mediarch, serving
from tests.xml_schemas import validate
from webui.app import create_app

OAI = "{http://www.openarchives.org/OAI/2.0/}"
PAGE = 7  # records per OAI answer in these tests: the sample needs several pages


def _configure(root) -> None:
    config = root / "mediarch.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"\n[oai]\npage_size = {PAGE}\n"
        # the served site looks for an embargo's moment every second, not every ten
        "\n[web]\nschedule_seconds = 1\n",
        encoding="utf-8",
    )


@pytest.fixture
def dep(ingested_corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("publishing") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    _configure(root)
    with Depository.open(root) as depository:
        depository.indexes.drain(depository.catalog)
        yield depository


@pytest.fixture
def client(dep):
    app = create_app(dep.root)
    yield app.test_client()
    app.config["SITE"].close()


def _public_ids(dep: Depository) -> set[str]:
    access, now = Access.of(dep.config), dt.datetime.now(dt.UTC)
    return {i for i in dep.catalog.record_ids() if access.view_by_id(dep.catalog, i, "public", now)}


def _oai(client, **args) -> ET.Element:
    body = client.get("/oai", query_string=args).data
    validate("oai", body)
    return ET.fromstring(body)


def _error(client, **args) -> str:
    root = _oai(client, **args)
    error = root.find(f"{OAI}error")
    assert error is not None, ET.tostring(root)[:300]
    return error.get("code")


def _follow(client, verb: str, **args) -> list[ET.Element]:
    """Every header or record of a list, page after page."""
    items, root = [], _oai(client, verb=verb, **args)
    while True:
        body = root.find(f"{OAI}{verb}")
        items += [e for e in body if e.tag in (f"{OAI}header", f"{OAI}record")]
        token = body.find(f"{OAI}resumptionToken")
        if token is None or not (token.text or "").strip():
            return items
        root = _oai(client, verb=verb, resumptionToken=token.text)


def _id(item: ET.Element) -> str:
    header = item if item.tag == f"{OAI}header" else item.find(f"{OAI}header")
    return header.find(f"{OAI}identifier").text.rsplit(":", 1)[1]


# -- the protocol, in-process -------------------------------------------------------------
def test_every_answer_validates_and_lists_exactly_the_public_records(dep, client):
    _oai(client, verb="Identify")
    _oai(client, verb="ListSets")
    _oai(client, verb="ListMetadataFormats")
    public = _public_ids(dep)
    for prefix in ("oai_dc", "mediarch"):
        records = _follow(client, "ListRecords", metadataPrefix=prefix)
        assert sorted(_id(r) for r in records) == sorted(public)
    headers = _follow(client, "ListIdentifiers", metadataPrefix="oai_dc", set="process:wadi-qarnun")
    wadi = {i for i in public if dep.catalog.record(i).get("process") == "wadi-qarnun"}
    assert {_id(h) for h in headers} == wadi
    for identifier in sorted(public)[:10]:
        _oai(
            client,
            verb="GetRecord",
            metadataPrefix="mediarch",
            identifier=f"oai:mediarch.example:{identifier}",
        )


def test_the_schema_check_is_strict_about_our_own_format(client):
    body = client.get("/oai", query_string={"verb": "GetRecord", "metadataPrefix": "mediarch",
                      "identifier": "oai:mediarch.example:th-2024-agreement"}).data  # fmt: skip
    validate("oai", body)
    broken = body.replace(b"<mr:identifier>", b"<mr:bogus>x</mr:bogus><mr:identifier>", 1)
    with pytest.raises(Exception, match="bogus"):
        validate("oai", broken)


def test_each_error_condition_of_the_protocol(dep, client, tmp_path):
    assert _error(client) == "badVerb"
    assert _error(client, verb="ListEverything") == "badVerb"
    assert _error(client, verb="ListRecords") == "badArgument"  # no metadataPrefix
    assert (
        _error(client, verb="ListRecords", metadataPrefix="oai_dc", colour="red") == "badArgument"
    )
    assert (
        _error(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": "2024-13-40"})
        == "badArgument"
    )
    assert (
        _error(
            client,
            verb="ListRecords",
            metadataPrefix="oai_dc",
            **{"from": "2025-01-01", "until": "2024-01-01"},
        )
        == "badArgument"
    )
    assert (
        _error(
            client,
            verb="ListRecords",
            metadataPrefix="oai_dc",
            **{"from": "2024-01-01", "until": "2025-01-01T00:00:00Z"},
        )
        == "badArgument"
    )
    assert _error(client, verb="ListRecords", resumptionToken="not-a-token") == "badResumptionToken"
    assert (
        _error(client, verb="ListIdentifiers", resumptionToken="eyJ2IjoiUiJ9")
        == "badResumptionToken"
    )
    assert _error(client, verb="ListRecords", metadataPrefix="marc21") == "cannotDisseminateFormat"
    assert (
        _error(
            client,
            verb="GetRecord",
            metadataPrefix="oai_dc",
            identifier="oai:mediarch.example:nd-2022-r3-liaison-roster",
        )
        == "idDoesNotExist"
    )  # hidden
    assert (
        _error(
            client,
            verb="GetRecord",
            metadataPrefix="oai_dc",
            identifier="oai:elsewhere:th-2024-agreement",
        )
        == "idDoesNotExist"
    )
    assert (
        _error(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": "2099-01-01"})
        == "noRecordsMatch"
    )
    dep.catalog.update_record("wq-2019-r1-minutes", {"status": "withdrawn"}, actor="test")
    dep.indexes.drain(dep.catalog)
    gone = "oai:mediarch.example:wq-2019-r1-minutes"
    assert _error(client, verb="ListMetadataFormats", identifier=gone) == "noMetadataFormats"
    header = _oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=gone).find(
        f".//{OAI}header"
    )
    assert header.get("status") == "deleted"
    assert _oai(client, verb="Identify").find(f".//{OAI}deletedRecord").text == "persistent"
    Depository.create(tmp_path / "empty").close()
    empty = create_app(tmp_path / "empty")
    try:
        assert _error(empty.test_client(), verb="ListSets") == "noSetHierarchy"
    finally:
        empty.config["SITE"].close()


def test_answers_keep_their_default_namespace_whatever_was_served_before(client):
    """An Atom feed or a finding aid served first must not change how OAI answers are written
    (ElementTree's namespace registry is global to the process)."""
    for path in ("/feed.atom", "/processes/wadi-qarnun/ead.xml", "/sitemap.xml"):
        assert b"ns0:" not in client.get(path).data
    answer = client.get("/oai?verb=Identify").data
    assert b"<OAI-PMH xmlns=" in answer and b"ns0:" not in answer
    assert b"<ead xmlns=" in client.get("/processes/wadi-qarnun/ead.xml").data


def test_a_token_stays_valid_while_records_arrive(dep, client):
    first = _oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc").find(
        f"{OAI}ListIdentifiers"
    )
    seen = [_id(h) for h in first.findall(f"{OAI}header")]
    token = first.find(f"{OAI}resumptionToken").text
    dep.catalog.add_record(
        a_record(identifier="arrived-meanwhile", access="public", description_visibility="listed"),
        text=RecordText(pages=["A record deposited while a harvest was under way."], details={}),
        actor="test",
    )
    dep.indexes.drain(dep.catalog)
    while token:
        body = _oai(client, verb="ListIdentifiers", resumptionToken=token).find(
            f"{OAI}ListIdentifiers"
        )
        seen += [_id(h) for h in body.findall(f"{OAI}header")]
        token = (body.find(f"{OAI}resumptionToken").text or "").strip() or None
    assert sorted(seen) == sorted(_public_ids(dep))  # the new one too, each once
    assert seen.count("arrived-meanwhile") == 1 and "arrived-meanwhile" not in seen[:PAGE]


# -- a real harvester against a real server ---------------------------------------------------
def _harvest(base: str, **args) -> dict[str, object]:
    from oaipmh_scythe import Scythe
    from oaipmh_scythe.exceptions import NoRecordsMatch

    with Scythe(base + "/oai") as scythe:
        try:
            return {r.header.identifier.rsplit(":", 1)[1]: r for r in scythe.list_records(**args)}
        except NoRecordsMatch:
            return {}


@pytest.mark.slow
def test_a_real_harvester_gets_the_public_records_and_then_what_lifted(dep):
    """oaipmh-scythe over HTTP through resumption tokens (pages of 7): exactly the public
    records; a record hidden until an embargo a few seconds ahead enters a harvest `from` the
    moment before, with the datestamp of its lifting, nobody running anything."""
    moment = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=6)).replace(microsecond=0)
    dep.catalog.add_record(
        a_record(identifier="lifts-soon", access="public", embargo_until=moment.isoformat(),
                 description_visibility="hidden"),
        text=RecordText(pages=["A memo that opens a few seconds from now."], details={}),
        actor="test",
    )  # fmt: skip
    dep.indexes.drain(dep.catalog)
    with serving(dep.root) as base:
        everything = _harvest(base, metadata_prefix="oai_dc")
        assert set(everything) == _public_ids(dep) and "lifts-soon" not in everything
        since = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        deadline = time.monotonic() + 75
        later: dict = {}
        while time.monotonic() < deadline and "lifts-soon" not in later:
            time.sleep(1)
            later = _harvest(base, metadata_prefix="mediarch", from_=since)
        assert "lifts-soon" in later, "the lifted record never entered the harvest"
        stamp = dt.datetime.strptime(later["lifts-soon"].header.datestamp, "%Y-%m-%dT%H:%M:%SZ")
        assert stamp.replace(tzinfo=dt.UTC) >= moment
        assert set(later) <= {"lifts-soon"} | set(everything)


# -- feeds, sitemaps, exports -------------------------------------------------------------------
def test_the_feed_and_the_sitemap_parse_and_hold_only_public_pages(dep, client):
    feed = ET.fromstring(client.get("/feed.atom").data)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert entries
    access, now = Access.of(dep.config), dt.datetime.now(dt.UTC)
    for entry in entries:
        identifier = entry.find(f"{atom}link").get("href").rsplit("/", 1)[1]
        assert access.view_by_id(dep.catalog, identifier, "public", now).full
    sitemap = ET.fromstring(client.get("/sitemap.xml").data)
    locations = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locations) > len(_public_ids(dep))
    anonymous = create_app(dep.root).test_client()
    for url in locations:
        path = url.split("://", 1)[1].split("/", 1)[1]
        assert anonymous.get("/" + path).status_code == 200, url


@pytest.mark.slow
def test_dublin_core_and_ead_validate_and_bags_validate_with_bagit_py(dep, tmp_path):
    for identifier in sorted(_public_ids(dep)):
        out = run_mediarch("--root", str(dep.root), "export", "dc", identifier)
        assert out.returncode == 0, out.stderr
        validate("oai_dc", out.stdout)
    hidden = run_mediarch("--root", str(dep.root), "export", "dc", "nd-2022-r3-liaison-roster")
    missing = run_mediarch("--root", str(dep.root), "export", "dc", "nd-2022-r3-liaison-rostez")
    assert hidden.returncode == missing.returncode == 1
    for process in dep.catalog.processes():
        out = run_mediarch("--root", str(dep.root), "export", "ead", process["id"])
        validate("ead3", out.stdout)
    bag = tmp_path / "bag"
    made = run_mediarch("--root", str(dep.root), "export", "bagit", "wadi-qarnun", str(bag))
    assert made.returncode == 0, made.stderr
    checked = subprocess.run(
        [str(REPO_BIN / "bagit.py"), "--validate", str(bag)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr[-500:]
    kept = {p.name for p in (bag / "data" / "records").iterdir()}
    assert kept == {
        i for i in _public_ids(dep) if dep.catalog.record(i).get("process") == "wadi-qarnun"
    }


REPO_BIN = __import__("pathlib").Path(sys.executable).parent


def test_the_web_gives_dublin_core_and_ead(client):
    dc = client.get("/records/th-2024-agreement/dc.xml")
    assert dc.status_code == 200
    validate("oai_dc", dc.data)
    assert client.get("/records/nd-2022-r3-liaison-roster/dc.xml").status_code == 404
    ead = client.get("/processes/wadi-qarnun/ead.xml")
    validate("ead3", ead.data)


def test_the_spreadsheet_of_one_process_holds_its_records_and_an_unknown_one_is_refused(
    dep, tmp_path
):
    out = tmp_path / "wadi-qarnun.csv"
    done = run_mediarch("--root", str(dep.root), "export", "csv", "wadi-qarnun", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert {r["identifier"] for r in rows} == {
        i for i in _public_ids(dep) if dep.catalog.record(i).get("process") == "wadi-qarnun"
    }
    alone = run_mediarch("--root", str(dep.root), "export", "csv", "wadi-qarnun")  # to stdout
    assert alone.returncode == 0
    printed = csv.DictReader(io.StringIO(alone.stdout.lstrip("\ufeff")))
    assert [r["identifier"] for r in printed] == [r["identifier"] for r in rows]
    typo = run_mediarch("--root", str(dep.root), "export", "csv", "wadi-qarnum", str(out))
    assert typo.returncode == 1
    assert "wadi-qarnum: no collection or process" in typo.stderr
    assert "did you mean wadi-qarnun?" in typo.stderr


# -- the spreadsheet round trip -----------------------------------------------------------------
def test_a_spreadsheet_edited_and_imported_changes_what_it_says(dep, tmp_path):
    exported = tmp_path / "records.csv"
    assert (
        run_mediarch(
            "--root", str(dep.root), "export", "csv", str(exported), "--as", "staff"
        ).returncode
        == 0
    )
    raw = exported.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(dep.catalog.record_ids()) - 1  # all but the one kept for admins
    by_id = {r["identifier"]: r for r in rows}
    by_id["wq-2019-r1-minutes"]["title_ar"] = "محضر موجز للجولة الأولى"
    by_id["wq-2020-r3-transcript"]["embargo_until"] = "2036-03-01"  # later: narrows
    by_id["wq-2019-r1-participants"]["access"] = "public"  # would open it: refused
    by_id["th-2024-agreement"]["date"] = "2024-02-30"  # not a date: refused
    edited = tmp_path / "edited.csv"
    with open(
        edited, "w", encoding="utf-16", newline=""
    ) as out:  # another of the manifest's encodings
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(by_id.values())
    before = len(dep.catalog.events())
    dry = run_mediarch(
        "--root", str(dep.root), "import-metadata", str(edited), "--dry-run", "--json"
    )
    outcomes = {o["identifier"]: o for o in json.loads(dry.stdout)}
    assert outcomes["wq-2019-r1-minutes"]["outcome"] == "changed"
    assert len(Depository.open(dep.root).catalog.events()) == before  # nothing written
    done = run_mediarch(
        "--root", str(dep.root), "import-metadata", str(edited), "--json", "--by", "archivist"
    )
    assert done.returncode == 1  # some rows refused
    outcomes = {o["identifier"]: o for o in json.loads(done.stdout)}
    assert outcomes["wq-2019-r1-minutes"]["changes"]["title_ar"]["new"] == "محضر موجز للجولة الأولى"
    assert outcomes["wq-2020-r3-transcript"]["outcome"] == "changed"
    assert outcomes["wq-2019-r1-participants"]["outcome"] == "refused"
    assert "release" in outcomes["wq-2019-r1-participants"]["reason"]
    assert outcomes["th-2024-agreement"]["outcome"] == "refused"
    assert sum(o["outcome"] == "unchanged" for o in outcomes.values()) == len(rows) - 4
    with Depository.open(dep.root) as again:
        assert again.catalog.record("wq-2019-r1-minutes")["title_ar"] == "محضر موجز للجولة الأولى"
        assert again.catalog.record("wq-2019-r1-participants")["access"] == "staff"
        change = [
            e
            for e in again.catalog.events("record", "wq-2019-r1-minutes")
            if e.kind == "metadata_changed"
        ][-1]
        assert (
            change.actor == "archivist"
            and change.detail["title_ar"]["new"] == "محضر موجز للجولة الأولى"
        )
        hits = RecordSearch(again.indexes, again.catalog).search("موجز", audience="staff")
        assert "wq-2019-r1-minutes" in [h.id for h in hits.hits]


# -- backup and restore -----------------------------------------------------------------------
@pytest.mark.slow
def test_a_backup_taken_during_an_ingest_restores_whole(tmp_path):
    source = tmp_path / "source"
    Depository.create(source).close()
    ingest = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "--root", str(source), "ingest", str(SAMPLE_CORPUS / "files"),
         "--manifest", str(SAMPLE_CORPUS / "manifest.csv"), "--processes", str(SAMPLE_CORPUS / "processes.json"),
         "--sessions", str(SAMPLE_CORPUS / "sessions.json"), "--agents", str(SAMPLE_CORPUS / "agents.json"),
         "--jobs", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:  # wait until the ingest is well under way
            with Depository.open(source) as dep:
                if dep.catalog.count("records") >= 5:
                    break
            assert time.monotonic() < deadline and ingest.poll() is None, (
                "the ingest ended too soon"
            )
            time.sleep(0.2)
        taken = run_mediarch("--root", str(source), "backup", str(tmp_path / "backup"))
        assert taken.returncode == 0, taken.stderr
        still_running = ingest.poll() is None
    finally:
        ingest.wait(timeout=300)
    assert still_running, "the backup should have been taken while the ingest ran"
    restored = run_mediarch("restore", str(tmp_path / "backup"), str(tmp_path / "restored"))
    assert restored.returncode == 0 and "all intact" in restored.stdout, (
        restored.stdout + restored.stderr
    )
    # the copy's indexes must answer exactly as indexes rebuilt from the copy's own catalog
    shutil.copytree(tmp_path / "restored", tmp_path / "rebuilt")
    assert run_mediarch("--root", str(tmp_path / "rebuilt"), "reindex").returncode == 0
    with (
        Depository.open(tmp_path / "restored") as copy,
        Depository.open(tmp_path / "rebuilt") as rebuilt,
        Depository.open(source) as full,
    ):
        held = set(copy.catalog.record_ids())
        assert 5 <= len(held) < len(full.catalog.record_ids())
        assert copy.catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ours, fresh, theirs = (
            RecordSearch(copy.indexes, copy.catalog),
            RecordSearch(rebuilt.indexes, rebuilt.catalog),
            RecordSearch(full.indexes, full.catalog),
        )
        for q in ("ceasefire", "water", "محضر", "agent:astrid-solvang", "type:minutes"):
            for audience in ("public", "staff"):
                mine = ours.search(q, audience=audience, limit=200).as_data()
                assert mine == fresh.search(q, audience=audience, limit=200).as_data(), q
            # every held record the whole depository finds is found in the copy (the copy
            # may find more: a word's translations are chosen among those its records hold)
            mine = {h.id for h in ours.search(q, limit=200).hits}
            assert {h.id for h in theirs.search(q, limit=200).hits} & held <= mine, q
    whole = run_mediarch("--root", str(source), "backup", str(tmp_path / "backup-2"))
    assert whole.returncode == 0
    assert (
        run_mediarch("restore", str(tmp_path / "backup-2"), str(tmp_path / "restored-2")).returncode
        == 0
    )
    with Depository.open(tmp_path / "restored-2") as copy, Depository.open(source) as full:
        for q in ("ceasefire", "water", "محضر", "agent:astrid-solvang"):
            for audience in ("public", "staff"):
                mine = (
                    RecordSearch(copy.indexes, copy.catalog).search(q, audience=audience).as_data()
                )
                theirs = (
                    RecordSearch(full.indexes, full.catalog).search(q, audience=audience).as_data()
                )
                assert mine == theirs, (q, audience)


def test_a_damaged_backup_is_not_restored(tmp_path, dep):
    assert run_mediarch("--root", str(dep.root), "backup", str(tmp_path / "b")).returncode == 0
    victim = next((tmp_path / "b" / "store" / "objects").rglob("*"))
    while victim.is_dir():
        victim = next(victim.iterdir())
    victim.write_bytes(victim.read_bytes()[:-1] + b"!")
    failed = run_mediarch("restore", str(tmp_path / "b"), str(tmp_path / "r"))
    assert failed.returncode != 0 and "does not match its checksum" in failed.stderr
    assert not (tmp_path / "r").exists() or not any((tmp_path / "r").iterdir())


def test_an_xlsx_spreadsheet_round_trip(dep, tmp_path):
    import openpyxl

    exported = tmp_path / "records.csv"
    run_mediarch("--root", str(dep.root), "export", "csv", str(exported), "--as", "staff")
    rows = list(csv.reader(io.StringIO(exported.read_bytes().decode("utf-8-sig"))))
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    column = rows[0].index("title_en")
    for cells in sheet.iter_rows(min_row=2):
        if cells[rows[0].index("identifier")].value == "wq-2018-concept-memo":
            cells[column].value = "Concept memo: a Track II dialogue on the Wadi Qarnun waters"
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    done = run_mediarch("--root", str(dep.root), "import-metadata", str(edited), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    changed = [o for o in json.loads(done.stdout) if o["outcome"] == "changed"]
    assert [o["identifier"] for o in changed] == ["wq-2018-concept-memo"]
    assert list(changed[0]["changes"]) == ["title_en"]


@pytest.mark.slow
def test_a_misspelt_selector_is_answered_with_the_names_the_audience_may_know(tmp_path):
    """`did you mean` offers the collections and processes the asking audience sees records
    of; the name of one whose records are all closed to it is never offered."""
    with Depository.create(tmp_path / "dep") as made:
        for n, (collection, access) in enumerate(
            [("harbour-talks", "public"), ("harbour-talkz-closed", "staff")]
        ):
            made.catalog.add_record(
                a_record(identifier=f"r{n}", collection=collection, access=access), actor="t"
            )
        root = made.root
    for kind in ("csv", "bagit"):
        out = str(tmp_path / f"out-{kind}")
        public = run_mediarch("--root", str(root), "export", kind, "harbour-talk", out)
        assert public.returncode == 1
        assert "did you mean harbour-talks?" in public.stderr
        assert "closed" not in public.stderr
        staff = run_mediarch(
            "--root", str(root), "export", kind, "harbour-talk", "--as", "staff", out
        )  # the option between the selector and the file, as people write it
        assert "harbour-talkz-closed" in staff.stderr
