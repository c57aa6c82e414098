"""The reading room on the web: readers register and wait for approval, sign in (throttled),
read what readers may, ask for a closed record; staff approve, answer, edit with errors by
field, release by two, merge agents (the old address redirects), queue an upload whose ingest
outlives the request, and read the audit log. Every form needs its CSRF token."""

from __future__ import annotations

import io
import re
import shutil
import time
import zipfile

import pytest

from archive.access.audit import reading_log
from archive.access.users import Users
from archive.depository import Depository
from tests.conftest import REPO, serving
from webui.app import create_app

PASSWORD = "a long enough password"
CLOSED_TO_READERS = "nd-2021-r1-minutes-ar"  # reader level, embargoed to 2036, listed
READERS_ONLY = "nd-2022-r3-minutes"  # readers read it; the public sees its description


@pytest.fixture
def room(ingested_corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("room") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    with Depository.open(root) as dep:
        users = Users(dep.catalog)
        for name in ("archivist", "registrar"):
            users.add(name, PASSWORD, "staff", actor="test")
    app = create_app(root)
    yield app, root
    if app.config["SITE"] is not None:
        app.config["SITE"].close()


def _token(client, path: str = "/signin") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _sign_in(client, name: str, password: str = PASSWORD):
    return client.post("/signin", data={"name": name, "password": password, "csrf": _token(client)})


def _post(client, path: str, data: dict, via: str = "/staff"):
    """Post a form as the page `via` draws it: its CSRF token and, on an edit page, the
    version of the description it was drawn from."""
    html = client.get(via).get_data(as_text=True)
    hidden = dict(re.findall(r'<input type="hidden" name="(csrf|base)" value="([^"]+)"', html))
    return client.post(path, data={**data, **hidden})


def _register(client, name: str):
    return _post(
        client,
        "/register",
        {
            "name": name,
            "full_name": "Rana Example-Haddad",
            "email": f"{name}@example.org",
            "affiliation": "University of Nowhere",
            "research": "Water-sharing negotiations, 2018-2020",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
        via="/register",
    )


def _staff(app, name="archivist"):
    client = app.test_client()
    assert _sign_in(client, name).status_code == 302
    return client


def test_a_reader_registers_waits_for_approval_and_then_reads(room):
    app, root = room
    reader = app.test_client()
    assert "rana" in _register(reader, "rana").get_data(as_text=True)
    assert _sign_in(reader, "rana").status_code == 401  # pending: not yet
    staff = _staff(app)
    waiting = staff.get("/staff/readers.json").get_json()["waiting"]
    assert [u["name"] for u in waiting] == ["rana"]
    assert waiting[0]["profile"]["research"].startswith("Water-sharing")
    assert _post(staff, "/staff/readers/rana/approve", {}).status_code == 302
    assert _sign_in(reader, "rana").status_code == 302
    assert reader.get(f"/records/{READERS_ONLY}.json").get_json()["open"] is True
    anonymous = app.test_client()
    assert anonymous.get(f"/records/{READERS_ONLY}.json").get_json()["open"] is False
    word = _word_of_its_own(app, READERS_ONLY)
    assert [h["id"] for h in reader.get(f"/search.json?q={word}&expand=0").get_json()["hits"]] == [
        READERS_ONLY
    ]
    assert anonymous.get(f"/search.json?q={word}&expand=0").get_json()["total"] == 0
    app.config["SITE"].audit.close()  # write what the queue holds
    with Depository.open(root) as dep:
        seen = reading_log(dep.catalog, record_id=READERS_ONLY, user="rana")
    assert [e.kind for e in seen] == ["viewed"]


def _word_of_its_own(app, identifier: str) -> str:
    """A word of the record's text that no other record holds."""
    site = app.config["SITE"]
    text = " ".join(site.depository.catalog.text(identifier).pages)
    for word in sorted(set(re.findall(r"[A-Za-z]{9,}", text))):
        if site.search.search(word, audience="staff", expand=False).total == 1:
            return word
    raise AssertionError(f"{identifier}: no word of its own")


def test_every_form_needs_its_csrf_token(room):
    app, _ = room
    client = app.test_client()
    assert (
        client.post("/signin", data={"name": "archivist", "password": PASSWORD}).status_code == 400
    )
    forged = {"name": "archivist", "password": PASSWORD, "csrf": "forged"}
    assert client.post("/signin", data=forged).status_code == 400
    staff = _staff(app)
    assert staff.post("/staff/readers/x/approve").status_code == 400
    assert staff.post("/signout").status_code == 400


def test_the_session_cookie_is_httponly_and_samesite(room):
    client = room[0].test_client()
    response = _sign_in(client, "archivist")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_guessing_a_password_is_throttled(room):
    client = room[0].test_client()
    for _ in range(5):
        assert _sign_in(client, "archivist", "not the password at all").status_code == 401
    throttled = _sign_in(client, "archivist")  # even the right password, for a while
    assert throttled.status_code == 429
    assert "15 min" in throttled.get_data(as_text=True)
    assert _sign_in(room[0].test_client(), "registrar").status_code == 302  # others sign in


def test_staff_pages_are_for_staff_only(room):
    app, _ = room
    anonymous = app.test_client()
    for path in ("/staff", "/staff/readers", "/staff/audit", "/staff/upload"):
        answer = anonymous.get(path)
        assert answer.status_code == 302 and answer.headers["Location"].startswith("/signin")
    assert anonymous.get("/staff/audit.json").status_code == 401
    with Depository.open(room[1]) as dep:
        Users(dep.catalog).add("rana", PASSWORD, "reader", actor="test")
    reader = app.test_client()
    _sign_in(reader, "rana")
    assert reader.get("/staff/audit").status_code == 403
    assert reader.get("/staff/records/th-2024-agreement/edit").status_code == 403


def test_a_request_for_access_becomes_a_release_approved_by_another(room):
    app, root = room
    with Depository.open(root) as dep:
        Users(dep.catalog).add("rana", PASSWORD, "reader", actor="test")
    reader = app.test_client()
    _sign_in(reader, "rana")
    assert reader.get(f"/records/{CLOSED_TO_READERS}.json").get_json()["open"] is False
    asked = _post(
        reader,
        f"/records/{CLOSED_TO_READERS}/request",
        {"reason": "For a thesis on detainee exchanges"},
        via=f"/records/{CLOSED_TO_READERS}",
    )
    assert asked.status_code == 302
    archivist, registrar = _staff(app), _staff(app, "registrar")
    waiting = archivist.get("/staff/requests.json").get_json()["waiting"]
    assert [(r["record_id"], r["user_name"]) for r in waiting] == [(CLOSED_TO_READERS, "rana")]
    _post(archivist, f"/staff/requests/{waiting[0]['id']}", {"answer": "release_proposed"})
    queue = archivist.get("/staff/releases.json").get_json()["waiting"]
    assert [r["record_id"] for r in queue] == [CLOSED_TO_READERS]
    assert "detainee exchanges" in queue[0]["basis"]
    _post(archivist, f"/staff/releases/{CLOSED_TO_READERS}/approve", {})  # not by the proposer
    assert reader.get(f"/records/{CLOSED_TO_READERS}.json").get_json()["open"] is False
    _post(registrar, f"/staff/releases/{CLOSED_TO_READERS}/approve", {})
    assert reader.get(f"/records/{CLOSED_TO_READERS}.json").get_json()["open"] is True
    assert reader.get("/account.json").get_json()["requests"][0]["answer"] == "release_proposed"
    kinds = [
        e["kind"]
        for e in archivist.get(f"/staff/audit.json?subject={CLOSED_TO_READERS}").get_json()[
            "events"
        ]
    ]
    for kind in (
        "access_requested",
        "access_request_answered",
        "release_proposed",
        "release_approved",
        "released",
    ):
        assert kind in kinds


def test_an_edit_is_validated_by_field_and_searchable_at_once(room):
    app, _ = room
    staff = _staff(app)
    path = "/staff/records/wq-2019-r1-minutes/edit"
    form = staff.get(path).get_data(as_text=True)
    assert 'name="title_en"' in form and 'name="document_type"' in form
    bad = _post(
        staff,
        path,
        {
            "title_en": "Minutes",
            "document_type": "minutes",
            "date": "2019-13-45",
            "languages": "not json",
        },
        via=path,
    )
    assert bad.status_code == 400
    html = bad.get_data(as_text=True)
    assert 'id="err-languages"' in html
    current = app.config["SITE"].depository.catalog.record("wq-2019-r1-minutes")
    fields = {k: v for k, v in current.items() if isinstance(v, str)}
    fields["languages"] = '["en"]'
    fields["date"] = "2019-13-45"
    bad = _post(staff, path, {**fields, "agents": _json(current["agents"])}, via=path)
    assert bad.status_code == 400 and 'id="err-date"' in bad.get_data(as_text=True)
    fields["date"] = current["date"]
    fields["title_en"] = "Minutes of the first round at Quellmoor"
    saved = _post(
        staff,
        path,
        {
            **fields,
            "agents": _json(current["agents"]),
            "places": _json(current.get("places")),
            "subjects": _json(current.get("subjects")),
        },
        via=path,
    )
    assert saved.status_code == 302
    found = app.test_client().get("/search.json?q=Quellmoor").get_json()
    assert [h["id"] for h in found["hits"]] == ["wq-2019-r1-minutes"]


def test_two_staff_editing_one_description_the_second_is_told_and_the_first_kept(room):
    """Two staff members open the same record's form; the first saves. The second's save is
    refused (409) with the reason in their language, and the first's change stands: the one
    editing path (archive/editing.py) checks the version the form was drawn from."""
    app, _ = room
    path = "/staff/records/wq-2019-r1-participants/edit"
    first, second = _staff(app), _staff(app, "registrar")
    catalog = app.config["SITE"].depository.catalog
    current = catalog.record("wq-2019-r1-participants")

    def drawn(client, via):
        html = client.get(via).get_data(as_text=True)
        return dict(re.findall(r'<input type="hidden" name="(csrf|base)" value="([^"]+)"', html))

    fields = {k: v for k, v in current.items() if isinstance(v, str)}
    fields |= {k: _json(current.get(k)) for k in ("languages", "agents", "places", "subjects")}
    first_form, second_form = drawn(first, path), drawn(second, path + "?lang=ar")
    saved = first.post(
        path, data={**fields, "title_en": "Participants, as the first saw it", **first_form}
    )
    assert saved.status_code == 302
    late = second.post(
        path + "?lang=ar",
        data={**fields, "title_en": "Participants, as the second saw it", **second_form},
    )
    assert late.status_code == 409
    assert "حفظ أحدهم هذا الوصف" in late.get_data(as_text=True)
    assert (
        catalog.record("wq-2019-r1-participants")["title_en"] == "Participants, as the first saw it"
    )


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False) if value is not None else ""


def test_a_merged_agent_redirects_to_the_one_kept(room):
    app, root = room
    with Depository.open(root) as dep:
        dep.catalog.put_agent(
            {
                "id": "m-haddad",
                "kind": "person",
                "authorised_name": "M. Haddad",
                "needs_review": True,
            },
            actor="test",
        )
        record = dep.catalog.record("wq-2019-r1-minutes")
        agents = [*record["agents"], {"agent": "m-haddad", "name": "M. Haddad", "role": "author"}]
        dep.catalog.update_record("wq-2019-r1-minutes", {"agents": agents}, actor="test")
        dep.indexes.drain(dep.catalog)
    staff = _staff(app)
    assert "m-haddad" in [a["id"] for a in staff.get("/staff/agents.json").get_json()["to_review"]]
    _post(staff, "/staff/agents/m-haddad/reviewed", {})  # an authority the public may know
    _post(staff, "/staff/agents/m-haddad/merge", {"into": "mohammed-al-haddad"})
    public = app.test_client()
    moved = public.get("/agents/m-haddad")
    assert moved.status_code == 301 and moved.headers["Location"].endswith(
        "/agents/mohammed-al-haddad"
    )
    assert (
        public.get("/agents/m-haddad.json")
        .headers["Location"]
        .endswith("/agents/mohammed-al-haddad.json")
    )
    kept = public.get("/agents/mohammed-al-haddad.json").get_json()
    assert "M. Haddad" in kept["agent"]["variants"]
    assert public.get("/agents/no-such-agent").status_code == 404
    with Depository.open(root) as dep:
        assert dep.catalog.dependents("agent", "mohammed-al-haddad")[:1]
        assert not dep.catalog.dependents("agent", "m-haddad")


def test_an_agent_merged_before_review_leaves_no_trace_for_the_public(room):
    """Its names may come from closed records: they do not join the kept agent's variants,
    and its old address answers like one never known."""
    app, root = room
    with Depository.open(root) as dep:
        dep.catalog.put_agent(
            {
                "id": "h-qasim",
                "kind": "person",
                "authorised_name": "Hidden Qasim",
                "needs_review": True,
            },
            actor="test",
        )
    staff = _staff(app)
    _post(staff, "/staff/agents/h-qasim/merge", {"into": "mohammed-al-haddad"})
    public = app.test_client()
    assert public.get("/agents/h-qasim").get_data() == public.get(
        "/agents/h-qasix"
    ).get_data().replace(b"h-qasix", b"h-qasim")
    assert public.get("/agents/h-qasim").status_code == 404
    kept = public.get("/agents/mohammed-al-haddad.json").get_json()
    assert "Hidden Qasim" not in kept["agent"].get("variants", [])


def test_an_upload_becomes_an_ingest_job_with_its_report(room):
    app, root = room
    staff = _staff(app)
    corpus = REPO / "sample_corpus"
    chosen = sorted((corpus / "files" / "wadi-qarnun").glob("*"))[:3]
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as z:
        for path in chosen:
            z.write(path, f"batch/{path.name}")
        z.writestr("../escape.txt", "outside")
        z.writestr("batch/new-note.txt", "A note on the upper wadi gauges, written for this test.")
    bundle.seek(0)
    answer = staff.post(
        "/staff/upload",
        data={
            "csrf": _token(staff, "/staff/upload"),
            "files": (bundle, "batch.zip"),
            "collection": "uploads-test",
        },
        content_type="multipart/form-data",
    )
    assert answer.status_code == 302
    job_url = answer.headers["Location"]
    assert "escape.txt" in staff.get(job_url).get_data(as_text=True)  # refused, named
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = staff.get(job_url + ".json").get_json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.5)
    assert job["status"] == "done", job
    outcomes = {f["path"].split("/")[-1]: f["outcome"] for f in job["report"]["files"]}
    assert outcomes["new-note.txt"] == "ingested"
    assert all(outcomes[p.name] == "duplicate" for p in chosen)
    assert (
        not (root.parent / "escape.txt").exists() and not (root / "uploads" / "escape.txt").exists()
    )
    staff_search = staff.get("/search.json?q=gauges").get_json()
    assert staff_search["total"] >= 1


def test_a_job_cut_short_runs_again_when_the_server_starts(room):
    """The runner killed in the middle of a job (SIGKILL after its second file): the server
    finds the job unfinished, starts a runner, and every file ends in the depository once."""
    import os
    import subprocess
    import sys

    from archive import jobs
    from webui.schedule import start_job_runner

    app, root = room
    folder = root / "uploads" / "cut-short"
    (folder / "files").mkdir(parents=True)
    for n in range(4):
        (folder / "files" / f"note-{n}.txt").write_text(
            f"Field note {n} on the gauges of the upper wadi, kept for the restart test.\n",
            encoding="utf-8",
        )
    catalog = app.config["SITE"].depository.catalog
    job = jobs.queue(catalog, folder, {"collection": "restart-test"}, by="archivist")
    env = {**os.environ, "MEDIARCH_FAULT": "job.after_file@2"}
    killed = subprocess.run(
        [sys.executable, "-m", "archive.cli", "--root", str(root), "jobs", "run"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -9
    cut = jobs.get(catalog, job.id)
    assert cut.status == "running" and cut.progress["done"] == 2
    assert start_job_runner(app.config["SITE"].depository, catalog)
    deadline = time.monotonic() + 120
    while jobs.get(catalog, job.id).status == "running" and time.monotonic() < deadline:
        time.sleep(0.3)
    done = jobs.get(catalog, job.id)
    assert done.status == "done" and done.runs == 2
    outcomes = sorted(f["outcome"] for f in done.report["files"])
    assert set(outcomes) <= {"ingested", "duplicate"} and len(outcomes) == 4
    kept = catalog.conn.execute(
        "SELECT count(DISTINCT record_id), count(*) FROM files WHERE source_path LIKE 'note-%'"
    ).fetchone()
    assert tuple(kept) == (4, 4)


def test_a_served_readers_view_is_audited(room):
    """Through a real `mediarch serve`: a reader signs in and reads a record the public may
    not; the view is in the audit log (a stopping worker writes what its queue holds)."""
    import http.cookiejar
    import urllib.parse
    import urllib.request

    app, root = room
    app.config["SITE"].close()  # the fixture's own site: the server opens its own
    with Depository.open(root) as dep:
        Users(dep.catalog).add("rana", PASSWORD, "reader", actor="test")
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with serving(root) as base:
        form = opener.open(base + "/signin", timeout=5).read().decode()
        token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        body = urllib.parse.urlencode({"name": "rana", "password": PASSWORD, "csrf": token})
        opener.open(base + "/signin", data=body.encode(), timeout=10).read()
        answer = opener.open(f"{base}/records/{READERS_ONLY}.json", timeout=10).read()
        assert b'"open":true' in answer.replace(b" ", b"")
    app.config["SITE"] = None
    with Depository.open(root) as dep:
        seen = reading_log(dep.catalog, record_id=READERS_ONLY, user="rana")
    assert [e.kind for e in seen] == ["viewed"]


def test_a_process_edit_that_brings_a_rule_to_bear_closes_its_records_at_once(room):
    """A rule closes track 3 for 50 years; staff move a track 2 process to track 3: its
    public records leave the public's search before the answer returns."""
    app, root = room
    config = root / "mediarch.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[[embargo_rules]]\ntrack = "3"\nyears = 50\n',
        encoding="utf-8",
    )
    public = app.test_client()
    word = _word_of_its_own(app, "wq-2018-concept-memo")
    assert public.get(f"/search.json?q={word}&expand=0").get_json()["total"] == 1
    staff = _staff(app)
    path = "/staff/processes/wadi-qarnun/edit"
    process = app.config["SITE"].depository.catalog.process("wadi-qarnun")
    form = {k: v for k, v in process.items() if isinstance(v, str)}
    form.update({k: _json(v) for k, v in process.items() if isinstance(v, list | dict)})
    form["track"] = "3"
    assert _post(staff, path, form, via=path).status_code == 302
    assert public.get(f"/search.json?q={word}&expand=0").get_json()["total"] == 0
    assert public.get("/records/wq-2018-concept-memo.json").get_json()["open"] is False
    form["track"] = "2"  # back again would open them: that is a release, not an edit
    refused = _post(staff, path, form, via=path)
    assert refused.status_code == 403 and "release" in refused.get_data(as_text=True)
    assert app.config["SITE"].depository.catalog.process("wadi-qarnun")["track"] == "3"


def test_an_edit_that_would_open_a_record_is_refused(room):
    app, _ = room
    staff = _staff(app)
    identifier = "th-2023-r2-minutes-ar"  # public level, embargoed to 2033
    path = f"/staff/records/{identifier}/edit"
    record = app.config["SITE"].depository.catalog.record(identifier)
    form = {k: v for k, v in record.items() if isinstance(v, str)}
    form.update(
        {k: _json(v) for k, v in record.items() if isinstance(v, list | dict) and k != "files"}
    )
    form.pop("embargo_until")
    refused = _post(staff, path, form, via=path)
    assert refused.status_code == 403
    assert app.config["SITE"].depository.catalog.record(identifier)["embargo_until"]
    form["embargo_until"] = "2040-01-01"  # later: it narrows, one staff member may
    assert _post(staff, path, form, via=path).status_code == 302


def test_sign_in_goes_back_only_to_a_page_of_this_site(room):
    client = room[0].test_client()
    for target in ("/\t/evil.example", "//evil.example", "https://evil.example/", "/\\evil"):
        answer = client.post(
            "/signin",
            data={
                "name": "archivist",
                "password": PASSWORD,
                "next": target,
                "csrf": _token(client),
            },
        )
        assert answer.headers["Location"] == "/", target
        client.post("/signout", data={"csrf": _token(client, "/")})
    answer = _post(
        client,
        "/signin",
        {"name": "archivist", "password": PASSWORD, "next": "/browse?lang=ar"},
        via="/signin",
    )
    assert answer.headers["Location"] == "/browse?lang=ar"


def test_signing_out_ends_a_copied_session_and_approval_lets_in_readers_only(room):
    app, root = room
    staff = _staff(app)
    copied = app.test_client()
    cookie = staff.get_cookie("mediarch_session")
    copied.set_cookie("mediarch_session", cookie.value)
    assert copied.get("/staff.json").status_code == 200
    _post(staff, "/signout", {}, via="/")
    assert copied.get("/staff.json").status_code == 401
    with Depository.open(root) as dep:
        Users(dep.catalog).disable("registrar", actor="test")
    staff = _staff(app)
    refused = _post(staff, "/staff/readers/registrar/approve", {})
    assert refused.status_code == 302
    with Depository.open(root) as dep:
        assert Users(dep.catalog).get("registrar").status == "disabled"


def test_a_post_without_a_session_is_refused_before_its_body_is_read(room):
    client = room[0].test_client()
    answer = client.post("/staff/upload", data={"files": (io.BytesIO(b"x" * 4096), "a.txt")})
    assert answer.status_code == 400


def test_upload_names_that_cannot_be_kept_are_named_and_the_rest_goes_in(room):
    app, _ = room
    staff = _staff(app)
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as z:
        z.writestr("one.txt", "First note about the eastern gauges, for the names test.")
        z.writestr("evil\u202etxt.exe", "A bidi override in the name.")
        z.writestr("x" * 300 + ".txt", "Too long a name.")
    bundle.seek(0)
    answer = staff.post(
        "/staff/upload",
        data={
            "csrf": _token(staff, "/staff/upload"),
            "files": [
                (bundle, "names.zip"),
                (io.BytesIO(b"The same name, another note."), "one.txt"),
            ],
        },
        content_type="multipart/form-data",
    )
    assert answer.status_code == 302
    job = staff.get(answer.headers["Location"] + ".json").get_json()
    refused = " ".join(job["options"]["refused"])
    assert "same name" in refused and "\\u202e" in refused and "x" * 300 in refused  # escaped
