"""The leak suite: words that stand only in what an audience may not read are canaries. Two
kinds: the sample corpus's planted canaries (`sample_corpus/canaries.json`: one invented word in
each place text can hide: body, abstract, agent names, places, the original file name, DOCX
core properties, PDF document information, e-mail headers, an attachment's name, the titles of
a hidden record, redacted passages and fields), and every other word that stands only in the
text, abstract, agents, subjects or file names of closed, hidden, draft, withdrawn and
admin-only sample records. No channel may show or match them for that audience, before or after
the clock moves past the embargoes; once an embargo lifts, its record's words appear and the
others' still do not. Every CLI command is listed here with its channel or the reason it is not
one."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil

import pytest

from archive.access.gate import Access
from archive.access.users import Users
from archive.audiences import AUDIENCES as ALL_AUDIENCES
from archive.audiences import OUTSIDERS
from archive.cli import build_parser
from archive.cli import main as mediarch
from archive.depository import Depository
from archive.index.search import RecordSearch
from archive.vocabulary import thesaurus
from tests.audience_model import audience_model
from tests.conftest import REPO, SAMPLE_CORPUS
from webui.app import create_app

NOW = dt.datetime.now(dt.UTC)
LATER = dt.datetime(2045, 1, 1, tzinfo=dt.UTC)  # every sample embargo has lifted
AUDIENCES = OUTSIDERS  # the audiences outside the institution: the ones attacked

# Every command, with how this suite probes it as an audience or why it is not an audience's
# channel (the command line is the staff's tool; the web site will add its URL rules here).
CHANNELS = {
    "search": "probed: --as public and reader, results, counts, facets, snippets, suggestions",
    "show": "probed: --as public and reader, every record",
    "init": "creates an empty depository",
    "fixity": "staff: checksums and store paths",
    "reindex": "staff: rebuilds the indexes",
    "log": "staff: the audit log",
    "ingest": "staff: deposits files",
    "demo": "staff: loads the sample corpus",
    "users": "admin: user accounts",
    "release": "staff: releases records",
    "embargo": "staff: lists embargoes",
    "jobs": "staff: lists and runs the ingest jobs queued from the web",
    "indexer": "staff: keeps the indexes current",
    "audit": "staff: who read what",
    "serve": "probed: the web site, every URL rule below",
    "export": "probed: dc of every record, ead of every process, csv, bagit of each set, as public",
    "import-metadata": "staff: applies an edited spreadsheet (prints what it changed)",
    "backup": "staff: a copy of the whole depository",
    "check": "staff: names inconsistent records by identifier",
    "restore": "staff: a backup into a new depository",
    "confirm": "staff: confirms guessed values (prints the fields confirmed)",
    "publish": "staff: publishes an authority (prints what it would make public)",
}
# Every URL rule of the web site, with how this suite probes it as the public.
URL_RULES = {
    "/": "probed: listing of recent records",
    "/index.json": "probed: its JSON twin",
    "/search": "probed: each canary searched, its page",
    "/search.json": "probed: each canary searched, the answer compared with RecordSearch's",
    "/records/<identifier>": "probed: every record",
    "/records/<identifier>.json": "probed: every record",
    "/records/<identifier>.<any(bib, ris):style>": "probed: every record's citations",
    "/records/<identifier>/files/<int:number>": "probed: every record's first file",
    "/processes/<identifier>": "probed: every process",
    "/processes/<identifier>.json": "probed: every process",
    "/agents/<identifier>": "probed: every agent",
    "/agents/<identifier>.json": "probed: every agent",
    "/processes": "probed: the processes the audience knows",
    "/processes.json": "probed: its JSON twin",
    "/agents": "probed: the agents the audience knows",
    "/agents.json": "probed: its JSON twin",
    "/browse": "probed: the holdings by process, type, year, language",
    "/browse.json": "probed: its JSON twin",
    "/static/<path:filename>": "the site's own style sheet and fonts, no record data",
    "/oai": "probed: ListRecords in both formats through every token, ListIdentifiers, GetRecord"
    " of every record",
    "/oai/mediarch-record.xsd": "the record format's XML schema, no record data",
    "/feed.atom": "probed: the feed",
    "/sitemap.xml": "probed: the sitemap",
    "/sitemap-<int:number>.xml": "probed through the sitemap (parts only past 50,000 pages)",
    "/records/<identifier>/dc.xml": "probed: every record's Dublin Core",
    "/processes/<identifier>/ead.xml": "probed: every process's finding aid",
    "/signin": "a form; probed: signing in as a reader, whose web audience is probed",
    "/signout": "a form's target; ends the session",
    "/register": "a form; a registration is pending, its reader reads nothing until approved",
    "/account": "probed: the reader's own page (profile, requests)",
    "/account.json": "probed: its JSON twin",
    "/records/<identifier>/request": "a reader's request for a listed record (404 for others)",
    "/staff": "probed: refused to the public and readers",
    "/staff.json": "probed: refused to the public and readers",
    "/staff/readers": "probed: refused to the public and readers",
    "/staff/readers.json": "probed: refused to the public and readers",
    "/staff/readers/<name>/approve": "staff only (a form's target)",
    "/staff/requests": "probed: refused to the public and readers",
    "/staff/requests.json": "probed: refused to the public and readers",
    "/staff/requests/<int:request_id>": "staff only (a form's target)",
    "/staff/records/<identifier>/confirm": "staff only (a form's target)",
    "/staff/<any(processes, sessions, agents):kind>/<identifier>/publish": "staff only (a form's target)",
    "/staff/releases": "probed: refused to the public and readers",
    "/staff/releases.json": "probed: refused to the public and readers",
    "/staff/releases/<identifier>/propose": "staff only (a form's target)",
    "/staff/releases/<identifier>/approve": "staff only (a form's target)",
    "/staff/<any(records, processes, sessions, agents):kind>/<identifier>/edit": "probed: refused",
    "/staff/agents": "probed: refused to the public and readers",
    "/staff/agents.json": "probed: refused to the public and readers",
    "/staff/agents/<identifier>/reviewed": "staff only (a form's target)",
    "/staff/agents/<identifier>/merge": "staff only (a form's target)",
    "/staff/upload": "probed: refused to the public and readers",
    "/staff/jobs/<int:job_id>": "probed: refused to the public and readers",
    "/staff/jobs/<int:job_id>.json": "probed: refused to the public and readers",
    "/staff/audit": "probed: refused to the public and readers",
    "/staff/audit.json": "probed: refused to the public and readers",
}


def test_every_command_is_in_the_suite():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(CHANNELS)


def test_every_url_rule_is_in_the_suite(tmp_path):
    Depository.create(tmp_path / "dep").close()
    app = create_app(tmp_path / "dep")
    try:
        assert {rule.rule for rule in app.url_map.iter_rules()} == set(URL_RULES)
    finally:
        app.config["SITE"].close()


@pytest.fixture
def dep(ingested_corpus, tmp_path_factory):
    """A copy of the sample depository for each test: moving its clock cannot be undone."""
    root = tmp_path_factory.mktemp("leaks") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    depository = Depository.open(root)
    depository.indexes.drain(depository.catalog)
    yield depository
    depository.close()


def _words(value) -> set[str]:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return {w.casefold() for w in re.findall(r"[^\W\d_]{7,}", text)}


def _seen(dep: Depository, audience: str, at: dt.datetime) -> tuple[set[str], set[str]]:
    """Words of what the audience may see of every record, and of what it may not."""
    access, catalog = Access.of(dep.config), dep.catalog
    visible, everything = set(), set()
    for identifier in catalog.record_ids():
        record, text = catalog.record(identifier), catalog.text(identifier)
        everything |= _words(record) | _words(" ".join(text.pages) if text else "")
        view = access.view(catalog, record, text, audience, at)
        if view is not None:
            visible |= _words(view.record) | _words(" ".join(view.text.pages) if view.text else "")
    for agent in catalog.agents():  # authority records and processes are public descriptions
        visible |= _words(agent)
    for concept in thesaurus().concepts:  # so are the thesaurus and the vocabularies
        visible |= _words(" ".join(concept.labels()))
    for path in (REPO / "metadata_schema" / "vocabularies").glob("*.json"):
        visible |= _words(path.read_text(encoding="utf-8"))
    for item in catalog.processes() + catalog.sessions():
        visible |= _words(item)
    return visible, everything - visible


def _probe(dep: Depository, model: Depository, audience: str, canaries: set[str], capsys):
    """Each canary asked as words, a phrase, a near miss (did-you-mean) and in fields: the
    answer is exactly the one a depository without any closed content gives (a stem, a
    thesaurus label or a translation may legitimately match other records). Listings and
    records shown never hold a canary."""
    ours = RecordSearch(dep.indexes, dep.catalog)
    theirs = RecordSearch(model.indexes, model.catalog)
    for word in sorted(canaries):
        for text in (word, word[:-1], f'"{word}"', f"title:{word}", f"agent:{word}"):
            answer = ours.search(text, audience=audience).as_data()
            assert answer == theirs.search(text, audience="public").as_data(), text
    listing = ours.search("", audience=audience, limit=200).as_data()
    assert not _words(listing) & canaries
    for identifier in dep.catalog.record_ids():
        code = mediarch(["--root", str(dep.root), "show", identifier, "--as", audience])
        out = capsys.readouterr()
        said = _words(identifier.replace("-", " "))  # what was typed comes back in a refusal
        assert not (_words(out.out + out.err) - said) & canaries, identifier
        assert code in (0, 1)


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.slow
def test_closed_words_leak_through_no_channel_before_or_after_the_clock_moves(
    dep, audience, capsys, tmp_path
):
    _, canaries = _seen(dep, audience, NOW)
    assert len(canaries) > 20  # the sample holds closed text for every audience below staff
    model = audience_model(dep, audience, tmp_path / "model")
    try:
        _probe(dep, model, audience, canaries, capsys)
    finally:
        model.close()
    capsys.readouterr()
    for word in sorted(canaries)[:10]:  # the command itself, as printed
        mediarch(["--root", str(dep.root), "search", word, "--as", audience])
        printed = capsys.readouterr().out.casefold().replace(f"'{word}'", "")
        assert word not in _words(printed), word

    dep.indexes.clock = lambda: LATER  # the transition function applies what is due by then
    try:
        dep.indexes.drain(dep.catalog)
        _, later_canaries = _seen(dep, audience, LATER)
        opened = canaries - later_canaries
        assert opened, "no embargo lifted"
        model = audience_model(dep, audience, tmp_path / "model-later", at=LATER)
        try:
            _probe_later(dep, model, audience, later_canaries, opened)
        finally:
            model.close()
    finally:
        dep.indexes.clock = lambda: dt.datetime.now(dt.UTC)


def _probe_later(dep, model, audience, canaries, opened) -> None:
    ours = RecordSearch(dep.indexes, dep.catalog)
    theirs = RecordSearch(model.indexes, model.catalog)
    for word in sorted(canaries)[:150]:
        answer = ours.search(word, audience=audience).as_data()
        assert answer == theirs.search(word, audience="public").as_data(), word
    found = [w for w in sorted(opened) if ours.search(w, audience=audience).total]
    assert found, "the lifted records' words are not searchable"


PLANTED = json.loads((SAMPLE_CORPUS / "canaries.json").read_text(encoding="utf-8"))


def test_every_planted_canary_is_where_staff_find_it(dep):
    """A canary that ingest dropped would prove nothing: staff find each one's record by it."""
    search = RecordSearch(dep.indexes, dep.catalog)
    for canary in PLANTED:
        ids = [h.id for h in search.search(canary["word"], audience="staff", limit=100).hits]
        assert canary["record"] in ids, canary


def _opens_for(canary: dict, audience: str) -> bool:
    """Whether the canary may be read by the audience once every embargo has passed: it opens
    for its lowest audience and every one above it (an added audience judged by its rank)."""
    lowest = canary["opens_from"]
    return lowest is not None and ALL_AUDIENCES.index(audience) >= ALL_AUDIENCES.index(lowest)


def _closed_words(audience: str, lifted: bool) -> list[str]:
    return [c["word"].casefold() for c in PLANTED if not lifted or not _opens_for(c, audience)]


def _leaks(output, closed: list[str], typed: str = "") -> list[str]:
    text = output if isinstance(output, str) else json.dumps(output, ensure_ascii=False)
    text = text.casefold().replace(typed.casefold(), " ") if typed else text.casefold()
    return [w for w in closed if w in text]


def _probe_planted(dep: Depository, model: Depository, audience: str, closed, capsys) -> None:
    """Each closed canary asked five ways gets the answer of a depository without closed
    content (a transliteration key may match a listed title: «pellanore» and «plenary»), and
    no answer, listing, record shown or printed search holds a closed canary."""
    ours = RecordSearch(dep.indexes, dep.catalog)
    theirs = RecordSearch(model.indexes, model.catalog)
    for word in closed:
        for text in (word, word[:-1], f'"{word} {word}"', f"title:{word}", f"agent:{word}"):
            answer = ours.search(text, audience=audience).as_data()
            assert answer == theirs.search(text, audience="public").as_data(), text
            answer.pop("query")
            assert not _leaks(answer, closed, text), text
    for sort in ("relevance", "date", "title"):
        listing = ours.search("", audience=audience, limit=200, sort=sort).as_data()
        assert not _leaks(listing, closed)
    for identifier in dep.catalog.record_ids():
        mediarch(["--root", str(dep.root), "show", identifier, "--as", audience])
        out = capsys.readouterr()
        assert not _leaks(out.out + out.err, closed, identifier), identifier
    for word in closed[:6]:
        mediarch(["--root", str(dep.root), "search", word, "--as", audience, "--json"])
        out = capsys.readouterr()
        assert not _leaks(out.out + out.err, closed, word), word


STAFF_PAGES = [
    "/staff",
    "/staff.json",
    "/staff/readers",
    "/staff/readers.json",
    "/staff/requests",
    "/staff/requests.json",
    "/staff/releases",
    "/staff/releases.json",
    "/staff/agents",
    "/staff/agents.json",
    "/staff/audit",
    "/staff/audit.json",
    "/staff/upload",
    "/staff/jobs/1",
    "/staff/jobs/1.json",
    "/staff/records/th-2024-r3-liaison-memo/edit",
    "/staff/agents/ilsabet-drommvik/edit",
    "/staff/processes/tashira-hadrun-ceasefire/edit",
    "/staff/sessions/th-r3/edit",
]


def _harvested(client) -> list[str]:
    """Every OAI-PMH answer of a whole harvest (both formats, through the tokens), the feed and
    the sitemap."""
    bodies = [client.get("/feed.atom").get_data(as_text=True)]
    bodies.append(client.get("/sitemap.xml").get_data(as_text=True))
    for verb, prefix in (
        ("ListRecords", "oai_dc"),
        ("ListRecords", "mediarch"),
        ("ListIdentifiers", "oai_dc"),
    ):
        answer = client.get(f"/oai?verb={verb}&metadataPrefix={prefix}").get_data(as_text=True)
        bodies.append(answer)
        while m := re.search(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>", answer):
            answer = client.get(f"/oai?verb={verb}&resumptionToken={m.group(1)}").get_data(
                as_text=True
            )
            bodies.append(answer)
    bodies.append(client.get("/oai?verb=ListSets").get_data(as_text=True))
    return bodies


def _signed_in_reader(dep: Depository, client) -> None:
    Users(dep.catalog).add("leak-reader", "a long enough password", "reader", actor="test")
    html = client.get("/signin").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
    form = {"name": "leak-reader", "password": "a long enough password", "csrf": token}
    assert client.post("/signin", data=form).status_code == 302


@pytest.mark.parametrize("audience", ["public", "reader"])
def test_no_planted_canary_reaches_the_web_site_audiences(dep, audience):
    closed = _closed_words(audience, lifted=False)
    app = create_app(dep.root)
    try:
        client = app.test_client()
        if audience == "reader":
            _signed_in_reader(dep, client)
            assert not _leaks(client.get("/account.json").get_data(as_text=True), closed)
        for path in STAFF_PAGES:  # sign-in asked, or refused: nothing of a record
            answer = client.get(path)
            assert answer.status_code in (302, 401, 403), path
            assert not _leaks(answer.get_data(as_text=True), closed, path), path
        ours = RecordSearch(dep.indexes, dep.catalog)
        for word in closed:
            for text in (word, word[:-1], f"title:{word}"):
                answer = client.get("/search.json", query_string={"q": text}).get_json()
                assert answer == ours.search(text, audience=audience).as_data(), text
                page = client.get("/search", query_string={"q": text}).get_data(as_text=True)
                # the page echoes what was typed (the box, its links): the other canaries
                # must not be there; this one's matches are the JSON's, checked above
                assert not _leaks(page, closed, word), text
        for path in ("/", "/index.json", "/browse", "/browse.json", "/search.json?q=&page=2",
                     "/processes", "/processes.json", "/agents", "/agents.json"):  # fmt: skip
            assert not _leaks(client.get(path).get_data(as_text=True), closed), path
        public_closed = _closed_words("public", lifted=False)  # machines read as the public
        for body in _harvested(client):
            assert not _leaks(body, public_closed), body[:300]
        for identifier in dep.catalog.record_ids():
            got = client.get(
                f"/oai?verb=GetRecord&metadataPrefix=mediarch&identifier=oai:mediarch.example:{identifier}"
            )
            assert not _leaks(got.get_data(as_text=True), public_closed, identifier), identifier
            dc = client.get(f"/records/{identifier}/dc.xml")
            assert not _leaks(dc.get_data(as_text=True), closed, identifier), identifier
            view = Access.of(dep.config).view_by_id(dep.catalog, identifier, audience, NOW)
            assert dc.status_code == (200 if view is not None else 404), identifier
        for process in dep.catalog.processes():
            ead = client.get(f"/processes/{process['id']}/ead.xml").get_data(as_text=True)
            assert not _leaks(ead, closed), process["id"]
        pages = [f"/processes/{p['id']}" for p in dep.catalog.processes()]
        pages += [f"/agents/{a['id']}" for a in dep.catalog.agents()]
        for path in pages:
            for suffix in ("", ".json"):
                body = client.get(path + suffix).get_data(as_text=True)
                assert not _leaks(body, closed, path), path
        access = Access.of(dep.config)
        for identifier in dep.catalog.record_ids():
            for suffix in ("", ".json", ".bib", ".ris"):
                body = client.get(f"/records/{identifier}{suffix}").get_data(as_text=True)
                assert not _leaks(body, closed, identifier), identifier
            view = access.view_by_id(dep.catalog, identifier, audience, NOW)
            with client.get(f"/records/{identifier}/files/1") as download:
                may = view is not None and view.files and view.record.get("files")
                assert download.status_code == (200 if may else 404), identifier
                assert not _leaks(download.get_data().decode("utf-8", "replace"), closed)
    finally:
        app.config["SITE"].close()


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.slow
def test_no_planted_canary_reaches_an_audience_that_may_not_read_it(
    dep, audience, capsys, tmp_path
):
    with audience_model(dep, audience, tmp_path / "model") as model:
        _probe_planted(dep, model, audience, _closed_words(audience, lifted=False), capsys)
    dep.indexes.clock = lambda: LATER  # every embargo in the sample has passed
    try:
        dep.indexes.drain(dep.catalog)
        still_closed = _closed_words(audience, lifted=True)
        assert any(w == "شمهروت" for w in still_closed)  # redactions do not lift by themselves
        with audience_model(dep, audience, tmp_path / "model-later", at=LATER) as model:
            _probe_planted(dep, model, audience, still_closed, capsys)
        search = RecordSearch(dep.indexes, dep.catalog)
        for canary in PLANTED:
            if _opens_for(canary, audience):
                ids = [h.id for h in search.search(canary["word"], audience=audience).hits]
                assert canary["record"] in ids, canary  # lifted: now it may be read
    finally:
        dep.indexes.clock = lambda: dt.datetime.now(dt.UTC)


def test_no_closed_word_reaches_the_public_through_an_export(dep, capsys, tmp_path):
    """`mediarch export` as the public (its default): Dublin Core of every record, the finding
    aid of every process, the spreadsheet, a BagIt package of every collection and process
    (every file in it read): no planted canary, no word only closed text holds."""
    planted = _closed_words("public", lifted=False)
    _, closed = _seen(dep, "public", NOW)
    outputs = []
    for identifier in dep.catalog.record_ids():
        mediarch(["--root", str(dep.root), "export", "dc", identifier])
        out = capsys.readouterr()
        outputs.append((out.out + out.err).replace(identifier, " "))
    for process in dep.catalog.processes():
        mediarch(["--root", str(dep.root), "export", "ead", process["id"]])
        outputs.append(capsys.readouterr().out)
    mediarch(["--root", str(dep.root), "export", "csv"])
    outputs.append(capsys.readouterr().out)
    sets = [c["id"] for c in dep.catalog.collections()] + [p["id"] for p in dep.catalog.processes()]
    for n, selector in enumerate(sets):
        bag = tmp_path / f"bag-{n}"
        mediarch(["--root", str(dep.root), "export", "bagit", selector, str(bag)])
        capsys.readouterr()
        for path in bag.rglob("*"):
            text = path.read_bytes().decode("utf-8", "replace") if path.is_file() else ""
            if path.is_relative_to(bag / "data"):
                outputs.append(text)
            else:  # BagIt's own files: checksums and the payload's names
                assert not _leaks(text, planted), path
    for text in outputs:
        assert not _leaks(text, planted), text[:300]
        assert not (_words(text) & closed), sorted(_words(text) & closed)[:5]
