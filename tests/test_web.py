"""The web site's public pages: both languages, JSON twins of the same data, a record the
public may not know answering like a missing one, escaping, headers, `mediarch serve --get`,
and a real gunicorn server lifting an embargo by itself."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from archive.catalog import RecordText
from archive.depository import Depository
from archive.index.analysis import is_arabic, normalize_arabic
from archive.index.search import RecordSearch
from tests.conftest import a_record, run_mediarch
from webui.app import create_app

PAGES = ["/", "/index.json", "/search?q=ceasefire", "/search.json?q=ceasefire"]


@pytest.fixture(scope="module")
def site(ingested_corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("web") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    app = create_app(root)
    yield app, root
    app.config["SITE"].close()


def test_every_public_page_answers_in_both_languages(site):
    app, _ = site
    client = app.test_client()
    for path in [*PAGES, "/records/th-2024-agreement", "/records/th-2024-agreement.json"]:
        for lang in ("ar", "en"):
            joiner = "&" if "?" in path else "?"
            response = client.get(f"{path}{joiner}lang={lang}")
            assert response.status_code == 200, path
            assert response.headers["Cache-Control"] == "no-store"
            assert "script-src 'self'" in response.headers["Content-Security-Policy"]
            if not path.endswith(".json") and "json" not in path:
                html = response.get_data(as_text=True)
                assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in html


def test_the_chosen_language_is_remembered(site):
    client = site[0].test_client()
    client.get("/?lang=ar")
    assert 'dir="rtl"' in client.get("/search?q=water").get_data(as_text=True)


def test_search_json_is_the_shape_of_mediarch_search_json(site):
    app, root = site
    answer = app.test_client().get("/search.json?q=ceasefire").get_json()
    printed = run_mediarch("--root", str(root), "search", "ceasefire", "--as", "public", "--json")
    assert answer == json.loads(printed.stdout)
    assert answer["total"] > 0 and answer["facets"]


def test_an_arabic_snippet_reads_right_to_left_in_the_english_page(site):
    html = site[0].test_client().get("/search?q=وقف&lang=en").get_data(as_text=True)
    assert '<p class="snippet" dir="rtl" lang="ar">' in html


def test_a_hidden_record_answers_exactly_like_a_missing_one(site):
    client = site[0].test_client()
    for suffix in ("", ".json"):
        hidden = client.get(f"/records/nd-2022-r3-liaison-roster{suffix}")
        missing = client.get(f"/records/nd-2022-r3-liaison-rostez{suffix}")
        assert hidden.status_code == missing.status_code == 404
        assert hidden.get_data() == missing.get_data()
        strip = {"Date", "Content-Length"}
        assert {k: v for k, v in hidden.headers if k not in strip} == {
            k: v for k, v in missing.headers if k not in strip
        }


def test_a_listed_closed_record_shows_only_its_listing_and_when_it_opens(site):
    data = site[0].test_client().get("/records/th-2024-r3-liaison-memo.json").get_json()
    assert data.pop("files") == [] and data.pop("cite")["chicago"].startswith("“Liaison memo")
    assert data == {
        "record": {
            "date": "2024-04-17",
            "document_type": "concept_memo",
            "identifier": "th-2024-r3-liaison-memo",
            "process": "tashira-hadrun-ceasefire",
            "title_en": "Liaison memo on the third round's crossing arrangements",
        },
        "open": False,
        "closed_until": "2040-01-01",
        "text": None,
    }


def test_titles_and_text_cannot_run_or_reorder_anything(tmp_path):
    root = tmp_path / "dep"
    hostile = '<script>alert(1)</script>"onerror=alert(2) \u202egnp.exe'
    with Depository.create(root) as dep:
        dep.catalog.add_record(
            a_record(identifier="hostile", title_en=hostile),
            text=RecordText(pages=[f"The page says {hostile} twice: {hostile}"], details={}),
            actor="t",
        )
        dep.indexes.drain(dep.catalog)
    app = create_app(root)
    try:
        client = app.test_client()
        for path in ("/records/hostile", "/search?q=alert", "/"):
            html = client.get(path).get_data(as_text=True)
            assert "<script>alert" not in html and '"onerror' not in html, path
            assert "&lt;script&gt;" in html, path
            assert "<bdi>" in html
    finally:
        app.config["SITE"].close()


def test_serve_get_answers_one_request_and_fails_on_anything_but_200(site):
    _, root = site
    ok = run_mediarch("--root", str(root), "serve", "--get", "/search.json?q=water")
    assert ok.returncode == 0 and json.loads(ok.stdout)["total"] > 0
    missing = run_mediarch("--root", str(root), "serve", "--get", "/records/nothing")
    assert missing.returncode == 1 and "HTTP 404" in missing.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.mark.slow
def test_a_real_server_lifts_an_embargo_with_no_command_run(tmp_path):
    """gunicorn with its workers, an embargo 5 s ahead: within 60 s of the moment the record
    is on /search.json for the public, and nobody ran anything."""
    root = tmp_path / "dep"
    moment = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5)).replace(microsecond=0)
    with Depository.create(root) as dep:
        dep.catalog.add_record(
            a_record(identifier="lifting", embargo_until=moment.isoformat()),
            text=RecordText(pages=["The wells of Orvanstrel were shared."], details={}),
            actor="t",
        )
        dep.indexes.drain(dep.catalog)
        assert (
            RecordSearch(dep.indexes, dep.catalog).search("Orvanstrel", audience="public").total
            == 0
        )
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "--root",
            str(root),
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/search.json?q=Orvanstrel"
    try:
        found_at = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                answer = _get_json(url)
            except OSError:  # not listening yet
                time.sleep(0.5)
                continue
            now = dt.datetime.now(dt.UTC)
            if answer["total"]:
                assert now >= moment  # never before its moment
                found_at = now
                break
            time.sleep(0.5)
        assert found_at is not None, "the record never became searchable"
        assert (found_at - moment).total_seconds() <= 60
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_demo_builds_the_sample_depository_once(tmp_path):
    root = tmp_path / "demo-data"
    first = run_mediarch("--root", str(root), "demo", "--no-serve")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "ingested 51, duplicates 0, failed 0" in first.stdout
    # the counts it says add up: files, records (an e-mail's attachment is one), the public's
    assert "52 new records: one a file, and 1 e-mail attachment(s) kept as records" in first.stdout
    public = re.search(r"the public sees (\d+) of them", first.stdout)
    assert public, first.stdout
    app = create_app(root)
    try:
        home = app.test_client().get("/index.json").get_json()
    finally:
        app.config["SITE"].close()
    assert home["records"] == int(public.group(1))
    hint = re.search(r"^try: (.+?) --root", first.stdout, re.M)
    assert hint and hint.group(1) != "mediarch"  # the test runs it as python -m archive.cli
    again = run_mediarch("--root", str(root), "demo", "--no-serve")
    assert again.returncode == 0 and "it holds 52 records" in again.stdout


def test_the_arabic_font_is_served_by_the_site_itself(site):
    client = site[0].test_client()
    with client.get("/static/site.css") as sheet:
        css = sheet.get_data(as_text=True)
    assert 'url("fonts/NotoNaskhArabic-Regular.ttf")' in css and "http" not in css
    with client.get("/static/fonts/NotoNaskhArabic-Regular.ttf") as font:
        assert font.status_code == 200 and font.data[:4] == b"\x00\x01\x00\x00"  # TrueType
    html = client.get("/?lang=ar").get_data(as_text=True)
    assert "http://" not in html and "https://" not in html  # nothing from elsewhere


def test_an_open_record_offers_its_file_and_citations_a_redacted_one_never_its_file(site):
    client = site[0].test_client()
    data = client.get("/records/th-2024-agreement.json").get_json()
    [entry] = data["files"]
    with client.get(entry["url"]) as download:
        assert download.status_code == 200 and download.data[:5] == b"%PDF-"
        assert "attachment" in download.headers["Content-Disposition"]
    assert "Agreement on a ceasefire" in data["cite"]["chicago"]
    bib = client.get(data["cite"]["bibtex"]).get_data(as_text=True)
    assert bib.startswith("@misc{th_2024_agreement,") and "year = {2024}" in bib
    ris = client.get(data["cite"]["ris"]).get_data(as_text=True)
    assert ris.startswith("TY  - GEN\r\n") and ris.endswith("ER  - \r\n")
    redacted = client.get("/records/sg-2025-s2-elders-note.json").get_json()
    assert redacted["files"] == [] and "█████" in redacted["text"][0]
    with client.get("/records/sg-2025-s2-elders-note/files/1") as refused:
        assert refused.status_code == 404


def test_a_process_page_draws_its_sessions_and_names_its_team(site):
    client = site[0].test_client()
    data = client.get("/processes/wadi-qarnun.json").get_json()
    assert [s["id"] for s in data["sessions"]] == ["wq-r1", "wq-r2", "wq-r3"]
    assert {m["kind"] for m in data["mediators"]} == {
        "outsider_neutral",
        "international",
        "insider_partial",
    }
    interpreter = data["sessions"][0]["interpretation"]["interpreters"][0]
    assert interpreter["name_ar"] and interpreter["native"] is True
    html = client.get("/processes/wadi-qarnun?lang=ar").get_data(as_text=True)
    assert html.count("<circle") == 3 and "<svg" in html and "<script" not in html


def test_an_agent_created_for_review_from_a_closed_record_is_not_shown(site):
    client = site[0].test_client()
    assert client.get("/agents/astrid-solvang.json").get_json()["records_total"] > 0
    hidden = client.get("/agents/ilsabet-drommvik.json")
    unknown = client.get("/agents/ilsabet-drommvikk.json")
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.get_data() == unknown.get_data()


def test_a_rule_added_to_the_configuration_closes_before_the_next_page_is_answered(
    ingested_corpus, tmp_path
):
    root = tmp_path / "depository"
    shutil.copytree(ingested_corpus[0], root)
    app = create_app(root)
    try:
        client = app.test_client()
        assert client.get("/records/wq-2019-r1-minutes.json").get_json()["open"] is True
        before = client.get("/search.json?q=type:minutes process:wadi-qarnun").get_json()
        found = client.get("/search.json?q=untranslated").get_json()["hits"]  # in its text only
        assert [h["id"] for h in found] == ["wq-2019-r1-minutes"]
        config = root / "mediarch.toml"
        config.write_text(
            config.read_text(encoding="utf-8")
            + '\n[[embargo_rules]]\ndocument_type = "minutes"\ntrack = "2"\nyears = 50\n',
            encoding="utf-8",
        )
        closed = client.get("/records/wq-2019-r1-minutes.json").get_json()
        assert closed["open"] is False and closed["text"] is None
        assert closed["closed_until"] == "2069-03-12"  # the session's date, 50 years on
        assert client.get("/search.json?q=untranslated").get_json()["total"] == 0
        listed = client.get("/search.json?q=type:minutes process:wadi-qarnun").get_json()
        assert listed["total"] == before["total"]  # still listed, content closed
    finally:
        app.config["SITE"].close()


def test_browsing_by_type_lists_arabic_titles_as_an_arabic_reader_expects(site):
    client = site[0].test_client()
    data = client.get("/browse.json").get_json()
    minutes = next(v for v in data["by"]["document_type"] if v["value"] == "minutes")
    assert minutes["count"] > 0 and "sort=title" in minutes["url"]
    assert {v["value"] for v in data["by"]["year"]} >= {"2019", "2023"}
    listed = client.get(minutes["url"].replace("/search?", "/search.json?") + "&lang=ar")
    titles = [h["title_ar"] for h in listed.get_json()["hits"] if h["title_ar"]]
    assert len(titles) > 3
    # «محضر» and «المحضر» sort together: the article and the tatweel do not count
    keys = [t.removeprefix("ال").replace("ـ", "") for t in titles]
    assert keys == sorted(keys, key=lambda k: k.replace("أ", "ا").replace("إ", "ا"))


def test_a_record_withdrawn_after_it_was_public_leaves_a_tombstone(tmp_path):
    root = tmp_path / "dep"
    with Depository.create(root) as dep:
        dep.catalog.add_record(a_record(identifier="once-public"), actor="t")
        dep.catalog.add_record(
            a_record(identifier="never-public", access="staff", title_en="Staff only"), actor="t"
        )
        for identifier in ("once-public", "never-public"):
            dep.catalog.update_record(identifier, {"status": "withdrawn"}, actor="t")
        dep.indexes.drain(dep.catalog)
    app = create_app(root)
    try:
        client = app.test_client()
        stone = client.get("/records/once-public.json")
        assert stone.status_code == 410
        today = dt.datetime.now(dt.UTC).date().isoformat()
        assert stone.get_json()["error"]["status"] == 410  # the one error shape, with details
        assert stone.get_json()["error"]["details"] == {
            "tombstone": {
                "identifier": "once-public",
                "title_en": "Minutes of the first round",
                "title_ar": "محضر الجولة الأولى",
                "withdrawn_on": today,
            }
        }
        # written as the English pages write dates
        shown = dt.datetime.now(dt.UTC).date().strftime("%-d %B %Y")
        assert f"Withdrawn on {shown}." in client.get("/records/once-public").get_data(as_text=True)
        assert client.get("/search.json?q=minutes").get_json()["total"] == 0
        never = client.get("/records/never-public")
        assert never.status_code == 404
        assert never.get_data() == client.get("/records/no-such-record").get_data()
    finally:
        app.config["SITE"].close()


def test_the_timeline_runs_the_way_the_page_reads(site):
    client = site[0].test_client()
    for lang, earliest_first in (("en", True), ("ar", False)):
        html = client.get(f"/processes/wadi-qarnun?lang={lang}").get_data(as_text=True)
        xs = [int(x) for x in re.findall(r'<circle cx="(\d+)"', html)]  # sessions by date
        assert len(xs) > 1
        assert (xs == sorted(xs)) is earliest_first and (
            xs == sorted(xs, reverse=True)
        ) is not earliest_first


def test_a_date_the_calendar_has_not_is_a_note_not_an_error(site, tmp_path):
    """`date:2019-13` (month 13, day 0, 30 February) is a query mistake like any other: one
    line in the answer, on the page, its JSON twin and the command line."""
    app, root = site
    client = app.test_client()
    for q in ("date:2019-13", "date:2019-00", "date:2019-02-30", "ceasefire date:2019-13..2020"):
        answer = client.get("/search.json", query_string={"q": q})
        assert answer.status_code == 200, q
        assert any("is not a date" in n for n in answer.get_json()["notes"]), q
        assert client.get("/search", query_string={"q": q}).status_code == 200
    said = run_mediarch("--root", str(root), "search", "date:2019-13")
    assert said.returncode == 0 and "is not a date" in said.stdout + said.stderr
    assert "Traceback" not in said.stderr


def test_a_failure_of_a_json_page_answers_in_the_json_error_shape(site, monkeypatch):
    app, _ = site

    def broken(*args, **kwargs):
        raise RuntimeError("a fault inside the search")

    monkeypatch.setattr(app.config["SITE"].search, "search", broken)
    answer = app.test_client().get("/search.json?q=wells")
    assert answer.status_code == 500 and answer.mimetype == "application/json"
    assert answer.get_json()["error"]["status"] == 500


def test_the_configured_base_url_wins_over_the_host_a_client_sends(ingested_corpus, tmp_path):
    root = tmp_path / "depository"
    shutil.copytree(ingested_corpus[0], root)
    config = root / "mediarch.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[web]\nbase_url = "https://archive.example.org/depository"\n',
        encoding="utf-8",
    )
    app = create_app(root)
    try:
        client = app.test_client()
        evil = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
        sitemap = client.get("/sitemap.xml", headers=evil).get_data(as_text=True)
        oai = client.get("/oai?verb=Identify", headers=evil).get_data(as_text=True)
        record = client.get("/records/th-2024-agreement.json", headers=evil).get_json()
        for text in (sitemap, oai, json.dumps(record)):
            assert "evil.example" not in text
        assert "<loc>https://archive.example.org/depository/records/" in sitemap
        assert "<baseURL>https://archive.example.org/depository/oai</baseURL>" in oai
    finally:
        app.config["SITE"].close()


def test_the_catalog_store_and_indexes_are_their_owners_alone(tmp_path):
    import os
    import stat

    old = os.umask(0o022)  # the usual umask, under which files are world-readable
    try:
        with Depository.create(tmp_path / "dep") as dep:
            dep.indexes.drain(dep.catalog)
    finally:
        os.umask(old)
    root = tmp_path / "dep"
    assert stat.S_IMODE((root / "catalog.sqlite").stat().st_mode) == 0o600
    for folder in ("store", "index"):
        assert stat.S_IMODE((root / folder).stat().st_mode) == 0o700


LANGUAGE_PAGES = [
    "/",
    "/search?q=water",
    "/browse",
    "/records/wq-2019-r1-minutes-ar",
    "/records/th-2024-agreement",
    "/processes/wadi-qarnun",
    "/agents/mohammed-al-haddad",
]


@pytest.mark.parametrize("first", ["en", "ar"])
def test_every_page_speaks_the_visitors_language_whoever_came_before(site, first):
    """A server that served one language first serves the other as a fresh one does: no
    label is fixed in the language of the first visitor."""
    _, root = site
    other = "ar" if first == "en" else "en"
    fresh, used = create_app(root), create_app(root)
    try:
        for path in LANGUAGE_PAGES:
            joiner = "&" if "?" in path else "?"
            used.test_client().get(f"{path}{joiner}lang={first}")
        for path in LANGUAGE_PAGES:
            joiner = "&" if "?" in path else "?"
            want = fresh.test_client().get(f"{path}{joiner}lang={other}")
            got = used.test_client().get(f"{path}{joiner}lang={other}")
            assert want.status_code == 200, path
            assert got.get_data(as_text=True) == want.get_data(as_text=True), path
    finally:
        fresh.config["SITE"].close()
        used.config["SITE"].close()


def test_a_taken_port_is_refused_once_with_the_option_that_helps(site):
    _, root = site
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_mediarch("--root", str(root), "serve", "--port", str(port), child=True)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"mediarch: port {port} on 127.0.0.1 is taken by process {os.getpid()} ("
    )
    assert lines[0].endswith("): stop it, or choose another port with --port N")
    assert "Address already in use" not in done.stdout + done.stderr


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_each_page_has_a_title_of_its_own_and_sessions_are_named(site):
    client = site[0].test_client()
    pages = {path: client.get(path + "?lang=en").get_data(as_text=True) for path in LANGUAGE_PAGES}
    titles = {path: _title(html) for path, html in pages.items()}
    assert len(set(titles.values())) == len(titles), titles
    assert titles["/processes/wadi-qarnun"].startswith("Wadi Qarnun")
    record = pages["/records/wq-2019-r1-minutes-ar"]
    assert "First round: shared data" in record and ">wq-r1<" not in record
    arabic = client.get("/records/wq-2019-r1-minutes-ar?lang=ar").get_data(as_text=True)
    assert "الجولة الأولى: البيانات المشتركة" in arabic


def test_processes_and_agents_are_listed_with_json_twins(site):
    client = site[0].test_client()
    processes = client.get("/processes.json").get_json()
    assert {p["id"] for p in processes["processes"]} >= {"wadi-qarnun"}
    assert processes["total"] == len(processes["processes"])
    html = client.get("/processes?lang=ar").get_data(as_text=True)
    assert 'href="/processes/wadi-qarnun"' in html
    people = client.get("/agents.json?lang=en").get_json()
    ids = [a["id"] for a in people["agents"]]
    assert "mohammed-al-haddad" in ids and people["total"] >= len(ids)
    names = [a["name_en"].casefold() for a in people["agents"]]
    assert names == sorted(names)
    arabic = client.get("/agents.json?lang=ar").get_json()["agents"]  # filed as Arabic files them
    assert {a["id"] for a in arabic} == set(ids)
    first = [a["name_ar"] for a in arabic if a["name_ar"]]
    assert len(first) > 3 and all(a["name_ar"] for a in arabic[: len(first)])
    assert first == sorted(first, key=lambda n: normalize_arabic(n).removeprefix("ال"))
    assert 'href="/agents/mohammed-al-haddad"' in client.get("/agents").get_data(as_text=True)
    for path in ("/processes", "/agents"):  # the public knows no more than it may
        public = {x["id"] for x in client.get(path + ".json").get_json()[path[1:]]}
        for identifier in public:
            assert client.get(f"{path}/{identifier}.json").status_code == 200, identifier


def test_what_serve_says_reaches_a_pipe_while_it_serves(site):
    """Run under a service manager or `| tee`, the start line (and, for `demo`, the summary
    printed before it) is written out at once, not held in a buffer until the server stops."""
    import selectors

    _, root = site
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "--root", str(root), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # as a pipe is
    )
    try:
        watch = selectors.DefaultSelector()
        watch.register(server.stdout, selectors.EVENT_READ)
        assert watch.select(timeout=60), "nothing written while serving"
        line = server.stdout.readline().decode()
        assert line.startswith(f"serving {root} on http://127.0.0.1:{port}/"), line
        assert server.poll() is None  # still serving
    finally:
        server.terminate()
        server.wait(timeout=30)
    rest = server.stdout.read().decode()  # what the workers held is not written again
    server.stdout.close()
    assert "serving" not in rest, rest


def test_every_json_route_answers_an_error_in_the_one_shape(site):
    """Every route with a JSON twin, asked for something that is not there (or not the
    asker's), answers `{"error": {"status", "message"}}` with its status, never an HTML page
    nor a redirect to one (`/account.json` signed out sent the sign-in page), in the asker's
    language; a 500 too."""
    app, _ = site
    client = app.test_client()
    asked = 0
    for rule in app.url_map.iter_rules():
        if not rule.rule.endswith(".json") or "GET" not in rule.methods:
            continue
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<{name}>", "no-such-thing").replace(f"<int:{name}>", "999999")
        if "<" in path:
            path = re.sub(r"<[^>]+>", "no-such-thing", path)
        answer = client.get(path + "?lang=ar")
        if answer.status_code < 300:
            continue  # a redirect is no answer for a JSON client: it is asked as an error
        asked += 1
        assert answer.is_json, path
        error = answer.get_json()["error"]
        assert error["status"] == answer.status_code, path
        assert error["message"] and is_arabic(error["message"]), path
    assert asked >= 10
    fresh = create_app(site[1])
    try:

        @fresh.route("/__fails.json")
        def fails():  # a fault of ours
            raise RuntimeError("a fault of ours")

        fresh.config["PROPAGATE_EXCEPTIONS"] = False
        answer = fresh.test_client().get("/__fails.json")
        assert answer.status_code == 500 and answer.get_json()["error"]["status"] == 500
    finally:
        fresh.config["SITE"].close()
