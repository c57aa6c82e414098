"""Outside probes of the mediation depository (`mediarch`): does closed content stay closed?

Written by an outside tester (who read only the README and docs, and built this corpus and
these secrets) against the version of December 2026; kept here as they wrote them, apart from
the sets the developers tune on, so that every later change is attacked the same way.

Self-contained: builds an invented bilingual corpus (probe_corpus.py) twice, as variant A and
variant B that differ only in closed content, ingests each into its own depository with the
real `mediarch` executable ($MEDIARCH, default `mediarch` on PATH), serves both with a real
`mediarch serve` on free 127.0.0.1 ports, and probes them through the CLI and HTTP only.

Each test fails when the leak it looks for exists.  Run:

    MEDIARCH=/work/redteam13b/venv/bin/mediarch \
        /work/redteam13b/venv/bin/python -m pytest -q /work/redteam13b/test_outside_probes.py

The tests that change the depository (rules, merges, publishing, withdrawing, uploads) come
last in the file, on depository A, after every read-only probe.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import probe_corpus as pc
import probe_diff as pd
import probe_http as ph

# The command beside the Python running the tests (the project's own environment), unless
# MEDIARCH names another (an installed copy, as the tester who wrote these ran them).
MEDIARCH = os.environ.get("MEDIARCH") or str(Path(sys.executable).with_name("mediarch"))
ph.MEDIARCH = MEDIARCH
PW = "password-{}-long"
USERS = (("reader1", "reader"), ("staff1", "staff"), ("staff2", "staff"), ("admin1", "admin"))


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="session")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("probes")
    out = {}
    for v in ("A", "B"):
        c = pc.build(base / f"corpus{v}", v)
        root = base / f"dep{v}"
        p = pc.make_depository(MEDIARCH, root, c)
        assert p.returncode == 0, p.stdout + p.stderr
        for u, role in USERS:
            r = ph.cli(
                root,
                "users",
                "add",
                u,
                "--role",
                role,
                "--password-stdin",
                input=PW.format(u) + "\n",
            )
            assert r.returncode == 0, r.stderr
        out[v] = {
            "corpus": c,
            "root": root,
            "report": json.loads((c.root / "report.json").read_text()),
        }
    servers = []
    try:
        for v in ("A", "B"):
            s = ph.Server(out[v]["root"], workers=2, log=base / f"serve{v}.log")
            servers.append(s)
            out[v]["server"] = s
            out[v]["base"] = s.base
        yield out
    finally:
        for s in servers:
            s.stop()


def login(base, user):
    cl = ph.Client(base)
    f, _ = cl.form("/signin", "/signin")
    f.pop("__action__", None)
    f.update(name=user, password=PW.format(user))
    r = cl.post("/signin", f)
    assert r.status == 302, (user, r.status)
    return cl


def secrets_hidden_from(c, audience):
    return [s for s in c.secrets if audience in pc.HIDE_FROM[s.cls]]


def strip_echo(path, text):
    """Remove what the request itself put in the answer (the query, the identifier asked for)."""
    t = text
    for form in {path, urllib.parse.unquote(path), urllib.parse.unquote_plus(path)}:
        t = t.replace(form, "")
    if "q=" in path:
        q = path.split("q=", 1)[1].split("&")[0]
        for form in {q, urllib.parse.unquote(q), urllib.parse.unquote_plus(q)}:
            t = t.replace(form, "")
    return t


def leaks_in(responses, words):
    found = []
    for path, r in responses.items():
        hit = ph.find_secrets(strip_echo(path, r.norm()), words)
        if hit:
            found.append((path, r.status, hit))
    return found


def search_leaks(client, words, extra=""):
    """Search each secret word (and a near miss) and report what the answer gives away."""
    found = []
    for w in words:
        near = w[:-2] + ("a" if w[-2] != "a" else "o") + w[-1]
        for q in (w, w.capitalize(), near):
            r = client.get("/search.json?q=" + urllib.parse.quote(q) + extra)
            assert r.status == 200, (q, r.status)
            j = r.json()
            j.pop("query", None)
            body = json.dumps(j, ensure_ascii=False)
            hit = ph.find_secrets(body, words)
            if j["total"] or hit:
                found.append(
                    (
                        q,
                        j["total"],
                        [h["id"] for h in j["hits"]],
                        j["suggestions"],
                        j["expanded"],
                        hit,
                    )
                )
    return found


PUBLIC_STARTS = [
    "/",
    "/index.json",
    "/browse",
    "/browse.json",
    "/sitemap.xml",
    "/feed.atom",
    "/processes/proc-open",
    "/processes/proc-two",
    "/agents/mansour",
    "/agents/haddad",
]


# ------------------------------------------------------------------ read-only probes


@pytest.mark.slow
def test_corpus_ingested(world):
    for v in ("A", "B"):
        s = world[v]["report"]["summary"]
        assert s["failed"] == 0, s


def test_search_public_web_finds_no_closed_word(world):
    """Every closed word (and a near miss of it: did-you-mean) searched on the public site."""
    a = world["A"]
    words = [s.word for s in secrets_hidden_from(a["corpus"], "public")]
    assert search_leaks(ph.Client(a["base"]), words) == []


def test_search_reader_web_finds_no_staff_word(world):
    a = world["A"]
    words = [s.word for s in secrets_hidden_from(a["corpus"], "reader")]
    assert search_leaks(login(a["base"], "reader1"), words) == []


def test_search_staff_web_finds_no_admin_word(world):
    a = world["A"]
    words = [s.word for s in secrets_hidden_from(a["corpus"], "staff")]
    assert search_leaks(login(a["base"], "staff1"), words) == []


@pytest.mark.slow
def test_search_cli_as_public_and_reader(world):
    """One OR query of every closed word (and one of near misses) through `mediarch search --as`."""
    a = world["A"]
    for aud in ("public", "reader", "staff"):
        words = [s.word for s in secrets_hidden_from(a["corpus"], aud)]
        near = [w[:-2] + ("a" if w[-2] != "a" else "o") + w[-1] for w in words]
        for q in (" OR ".join(words), " OR ".join(near)):
            p = ph.cli(
                a["root"],
                "search",
                q,
                "--json",
                "--limit",
                "50",
                *(["--as", aud] if aud != "staff" else []),
            )
            assert p.returncode == 0, p.stderr
            j = json.loads(p.stdout)
            j.pop("query", None)
            assert j["total"] == 0, (aud, [h["id"] for h in j["hits"]])
            assert ph.find_secrets(json.dumps(j, ensure_ascii=False), words) == [], (aud, j)


def test_public_site_crawl_shows_no_closed_word(world):
    """Every page, JSON twin, citation, download, DC, EAD, OAI answer, feed, sitemap, browse,
    agent and process page a visitor can reach, plus the fixed list of probe paths."""
    a = world["A"]
    cl = ph.Client(a["base"])
    res = ph.crawl(
        cl,
        PUBLIC_STARTS + pd.static_paths(),
        limit=2500,
        skip=("/signin", "/signout", "/register", "/staff", "/account", "/search?"),
    )
    words = [s.word for s in secrets_hidden_from(a["corpus"], "public")]
    assert leaks_in(res, words) == []


def test_reader_site_crawl_shows_no_staff_word(world):
    a = world["A"]
    cl = login(a["base"], "reader1")
    res = ph.crawl(
        cl,
        [*PUBLIC_STARTS, "/account", *pd.static_paths()],
        limit=2500,
        skip=("/signin", "/signout", "/register", "/staff", "/search?"),
    )
    words = [s.word for s in secrets_hidden_from(a["corpus"], "reader")]
    assert leaks_in(res, words) == []


@pytest.mark.slow
def test_staff_desk_crawl_shows_no_admin_word(world):
    a = world["A"]
    cl = login(a["base"], "staff1")
    starts = [
        "/staff",
        "/staff.json",
        "/staff/agents",
        "/staff/agents.json",
        "/staff/audit",
        "/staff/audit.json",
        "/staff/releases",
        "/staff/requests",
        "/staff/readers",
        "/staff/records/admin-hidden/edit",
        "/staff/records/admin-listed/edit",
    ]
    res = ph.crawl(
        cl,
        starts + PUBLIC_STARTS + pd.static_paths(),
        limit=2500,
        skip=("/signin", "/signout", "/register", "/search?"),
    )
    words = [s.word for s in secrets_hidden_from(a["corpus"], "staff")]
    assert leaks_in(res, words) == []
    for p in (
        "/staff/records/admin-hidden/edit",
        "/staff/records/admin-listed/edit",
        "/records/admin-hidden",
    ):
        assert res[p].status == 404, p


def test_hidden_records_answer_like_never_used(world):
    """A record, agent, process or session the public may not know answers exactly like one
    never described (status and body, the identifier itself aside)."""
    a = world["A"]
    cl = ph.Client(a["base"])
    c = a["corpus"]
    hidden_ids = [
        "staff-hidden",
        "emb-hidden",
        "reader-hidden",
        "admin-hidden",
        "draft-pub",
        "withdrawn-never",
    ]
    hidden_ids += [
        f["record_id"] for f in a["report"]["files"] if (f["record_id"] or "").startswith("record-")
    ]
    bad = []
    for kind, ids, never in (
        ("records", hidden_ids, "never-used-x"),
        ("agents", [k for k in c.hidden_agents if not k.startswith("name:")], "agent-never-x"),
        ("processes", list(c.hidden_processes), "proc-never-x"),
        ("sessions", list(c.hidden_sessions), "sess-never-x"),
    ):
        for suf in (
            ("", ".json")
            + ((".bib", ".ris", "/dc.xml", "/files/1") if kind == "records" else ())
            + (("/ead.xml",) if kind == "processes" else ())
        ):
            n = cl.get(f"/{kind}/{never}{suf}")
            for i in ids:
                r = cl.get(f"/{kind}/{i}{suf}")
                if r.status != n.status or r.text.replace(i, "ID") != n.text.replace(never, "ID"):
                    bad.append((f"/{kind}/{i}{suf}", r.status, n.status))
    for i in hidden_ids:
        for pref in ("oai_dc", "mediarch"):
            r = cl.get(
                f"/oai?verb=GetRecord&metadataPrefix={pref}&identifier=oai:mediarch.example:{i}"
            )
            n = cl.get(
                f"/oai?verb=GetRecord&metadataPrefix={pref}&identifier=oai:mediarch.example:never-used-x"
            )
            strip = lambda t: re.sub(r"<responseDate>[^<]*</responseDate>", "", t)  # noqa: E731
            if strip(r.text).replace(i, "ID") != strip(n.text).replace("never-used-x", "ID"):
                bad.append(("GetRecord " + i, pref))
    assert bad == []


@pytest.mark.slow
def test_cli_show_and_exports_as_public_and_reader(world):
    """`mediarch show --as`, `export dc|ead|csv|bagit --as` (public, reader; staff for admin words)."""
    a = world["A"]
    root = a["root"]
    c = a["corpus"]
    ids = [
        *list(c.closed_ids),
        "staff-hidden",
        "pub-min-en",
        "pub-min-ar",
        "pub-agents-red",
        "pub-red-date",
        "pub-red-meta",
        "pub-guess-red",
        "pub-docx-red",
        "mail-red",
        "mail-red-attachment-1",
        "mail-closed-attachment-1",
        "pub-red-agent",
    ]
    ids += [
        f["record_id"] for f in a["report"]["files"] if (f["record_id"] or "").startswith("record-")
    ]
    problems = []
    for aud in ("public", "reader", "staff"):
        words = [s.word for s in secrets_hidden_from(c, aud)]
        never = ph.cli(root, "show", "never-used-x", "--as", aud)
        for i in set(ids):
            for args in (("show", i, "--as", aud), ("export", "dc", i, "/dev/stdout", "--as", aud)):
                p = ph.cli(root, *args)
                out = (p.stdout + p.stderr).replace(i, "ID")
                if ph.find_secrets(ph.normalise_text(out), words):
                    problems.append((args, ph.find_secrets(out, words)))
                if p.returncode and out != (never.stdout + never.stderr).replace(
                    "never-used-x", "ID"
                ):
                    problems.append((args, "error differs from a never-used identifier", out))
        for proc in ["proc-open", "proc-two", "proc-hidden"] + [k for k in c.hidden_processes]:
            p = ph.cli(root, "export", "ead", proc, "/dev/stdout", "--as", aud)
            out = (p.stdout + p.stderr).replace(proc, "PROC")
            if ph.find_secrets(out, words):
                problems.append(("ead", proc, aud, ph.find_secrets(out, words)))
        p = ph.cli(root, "export", "csv", "/dev/stdout", "--as", aud)
        if ph.find_secrets(p.stdout, words):
            problems.append(("csv", aud, ph.find_secrets(p.stdout, words)))
        for sel in ("coll-main", "proc-open"):
            d = Path(str(root) + f"-bag-{aud}-{sel}")
            p = ph.cli(root, "export", "bagit", sel, str(d), "--as", aud)
            txt = p.stdout + p.stderr
            for f in d.rglob("*") if d.exists() else []:
                if f.is_file():
                    txt += f"\n{f.relative_to(d)}\n" + f.read_bytes().decode("utf-8", "replace")
            if ph.find_secrets(txt, words):
                problems.append(("bagit", sel, aud, ph.find_secrets(txt, words)))
            shutil.rmtree(d, ignore_errors=True)
    assert problems == []


def _differences(world, paths, audience="public"):
    A, B = world["A"], world["B"]
    if audience == "public":
        ca, cb = ph.Client(A["base"]), ph.Client(B["base"])
    else:
        ca, cb = login(A["base"], audience), login(B["base"], audience)

    def sub(t, c):  # words the audience may read differ between the variants by design
        for x in c.secrets:
            if audience not in pc.HIDE_FROM[x.cls]:
                t = re.sub(re.escape(x.word), "VISIBLE_" + x.tag, t, flags=re.I)
        return t

    out = []
    for p in paths:
        ra, rb = ca.get(p), cb.get(p)
        na = sub(pd.normalise(ra.text, A["base"]), A["corpus"])
        nb = sub(pd.normalise(rb.text, B["base"]), B["corpus"])
        if ra.status != rb.status or na != nb:
            out.append((p, ra.status, rb.status, pd.first_difference(na, nb, 120)))
    return out


def _paths_without(*drop):
    return [p for p in pd.static_paths() if not any(d in p for d in drop)]


@pytest.mark.slow
def test_differential_public_pages_search_citations(world):
    """Noninterference: two depositories that differ only in closed content (words, dates,
    text length, file names, redacted process/session/languages/date, two extra hidden
    records) must answer every public page, search (hits, order, scores, counts, facets,
    suggestions, expansions), citation, DC record and download alike."""
    paths = _paths_without("/oai", "/ead.xml")
    assert _differences(world, paths) == []


@pytest.mark.slow
def test_differential_reader_pages(world):
    # the reader's own records differ between the variants by design (their words, file sizes)
    paths = [
        *_paths_without("/oai", "/ead.xml", "/records/reader-hidden", "/records/reader-listed"),
        "/account",
    ]
    assert _differences(world, paths, "reader1") == []


def test_differential_oai_pmh(world):
    """The harvest (oai_dc and mediarch, ListRecords/ListIdentifiers/GetRecord/ListSets)."""
    paths = [p for p in pd.static_paths() if p.startswith("/oai")]
    assert _differences(world, paths) == []


def test_differential_ead_finding_aids(world):
    paths = [p for p in pd.static_paths() if p.endswith("/ead.xml")]
    assert _differences(world, paths) == []


def test_oai_closed_until_does_not_reveal_guessed_date(world):
    """transcript-guess: listed, closed by the 50-year transcript rule, its date only guessed
    from its closed text (9 September 2018).  The record page hides the moment; the harvest
    must too, or it tells the guessed date (closedUntil = guessed date + 50 years)."""
    a = world["A"]
    cl = ph.Client(a["base"])
    page = cl.get("/records/transcript-guess.json").json()
    assert "date" not in page["record"]
    oai = cl.get(
        "/oai?verb=GetRecord&metadataPrefix=mediarch&identifier=oai:mediarch.example:transcript-guess"
    ).text
    assert "2068-09-09" not in oai, re.search(r"<mr:access[^>]*>", oai).group(0)


def test_redacted_process_not_revealed_by_oai_ead_or_bag(world):
    """pub-red-meta: public, its process and session redacted.  The record page, search and
    process page hide the membership; OAI setSpec, set-selective harvesting, the process's EAD
    finding aid and a BagIt export of the process must hide it too."""
    a = world["A"]
    cl = ph.Client(a["base"])
    page = cl.get("/records/pub-red-meta.json").json()
    assert "process" not in page["record"]  # the site itself holds
    problems = []
    hdr = cl.get(
        "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:mediarch.example:pub-red-meta"
    ).text
    if "process:proc-open" in hdr:
        problems.append("OAI GetRecord header: setSpec process:proc-open")
    lr = cl.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=process:proc-open").text
    if "pub-red-meta" in lr:
        problems.append("OAI ListIdentifiers set=process:proc-open lists pub-red-meta")
    ead = cl.get("/processes/proc-open/ead.xml").text
    if "pub-red-meta" in ead:
        problems.append("/processes/proc-open/ead.xml has pub-red-meta as an item")
    p = ph.cli(a["root"], "export", "ead", "proc-open", "/dev/stdout", "--as", "public")
    if "pub-red-meta" in p.stdout:
        problems.append("mediarch export ead proc-open --as public has pub-red-meta")
    d = Path(str(a["root"]) + "-bag-redproc")
    ph.cli(a["root"], "export", "bagit", "proc-open", str(d), "--as", "public")
    if (d / "data" / "records" / "pub-red-meta").exists():
        problems.append(
            "mediarch export bagit proc-open --as public holds data/records/pub-red-meta"
        )
    shutil.rmtree(d, ignore_errors=True)
    assert problems == []


def test_bad_queries_are_notes_not_errors(world):
    cl = ph.Client(world["A"]["base"])
    bad = []
    for q in [
        "date:abc",
        "date:2019..",
        '"unclosed',
        "a OR",
        "((((",
        "type:nonexistent",
        "lang:xx",
        "title:",
        "agent:",
        "-",
        "x\x00y",
        "تاريخ:abc",
        "date:2020..2019",
        "y:z",
    ]:
        r = cl.get("/search.json?q=" + urllib.parse.quote(q))
        if r.status != 200:
            bad.append((q, r.status))
        r = cl.get("/search?q=" + urllib.parse.quote(q))
        if r.status != 200:
            bad.append(("html", q, r.status))
    for extra in ("page=abc", "sort=foo", "page=-1", "limit=-5"):
        r = cl.get("/search.json?q=water&" + extra)
        if r.status != 200:
            bad.append((extra, r.status, r.text[:80]))
    assert bad == []


def test_staff_cannot_reach_admin_records_and_reader_cannot_act(world):
    a = world["A"]
    st = login(a["base"], "staff1")
    rd = login(a["base"], "reader1")
    tok = re.search(r'name="csrf" value="([^"]+)"', st.get("/staff").text).group(1)
    for path, data in (
        ("/staff/records/admin-hidden/edit", None),
        ("/staff/records/admin-listed/edit", None),
        ("/staff/records/admin-hidden/confirm", {"csrf": tok}),
        ("/staff/releases/admin-hidden/propose", {"csrf": tok, "basis": "x"}),
    ):
        assert st.get(path, data=data).status == 404, path
    rtok = re.search(r'name="csrf" value="([^"]+)"', rd.get("/account").text).group(1)
    for path, data in (
        ("/staff", None),
        ("/staff.json", None),
        ("/staff/records/emb-listed/edit", None),
        ("/staff/records/emb-guess/confirm", {"csrf": rtok, "field": "title_en"}),
        ("/staff/releases/emb-listed/propose", {"csrf": rtok, "basis": "x"}),
        ("/staff/agents/hidden-agent/publish", {"csrf": rtok, "confirm": "1"}),
    ):
        assert rd.get(path, data=data).status in (401, 403, 404), path


# ------------------------------------------------------------------ probes that change depository A


def test_staff_edit_does_not_confirm_guesses(world):
    """Saving the edit form of emb-guess (guessed title/date/type) with only the abstract
    changed must not confirm (and so publish to the listing) the guessed values."""
    a = world["A"]
    st = login(a["base"], "staff1")
    f, _ = st.form("/staff/records/emb-guess/edit", "/staff/records/emb-guess/edit")
    f.pop("__action__", None)
    f["abstract_en"] = "An abstract written by staff"
    r = st.post("/staff/records/emb-guess/edit", f)
    assert r.status in (200, 302, 303)
    rec = ph.Client(a["base"]).get("/records/emb-guess.json").json()["record"]
    title = next(s.word for s in a["corpus"].secrets if s.tag == "guess_title")
    assert title.lower() not in json.dumps(rec).lower()
    assert rec.get("title_neutral") and "date" not in rec and "document_type" not in rec


def test_merging_a_hidden_agent_reveals_nothing(world):
    a = world["A"]
    st = login(a["base"], "staff1")
    tok = re.search(r'name="csrf" value="([^"]+)"', st.get("/staff/agents").text).group(1)
    r = st.post("/staff/agents/hidden-agent/merge", {"csrf": tok, "into": "haddad"})
    assert r.status in (302, 303)
    pub = ph.Client(a["base"])
    words = [s.word for s in a["corpus"].secrets if s.tag.startswith("ag_hidden")]
    res = {
        p: pub.get(p)
        for p in (
            "/agents/haddad",
            "/agents/haddad.json",
            "/agents/hidden-agent",
            "/search.json?q=Haddad",
            "/search.json?q=agent:haddad",
        )
    }
    assert leaks_in(res, words) == []
    assert res["/agents/hidden-agent"].status == 404  # not a 301 to the agent kept
    assert search_leaks(pub, words) == []


def test_publish_process_shows_only_what_it_said(world):
    a = world["A"]
    prev = ph.cli(a["root"], "publish", "process", "proc-hidden")
    ph.cli(a["root"], "publish", "process", "proc-hidden", "--yes", "--by", "staff1")
    pub = ph.Client(a["base"])
    j = pub.get("/processes/proc-hidden.json").json()
    assert j["sessions"] == [] and j["documents"] == []
    venue = next(s.word for s in a["corpus"].secrets if s.tag == "sess_h_venue")
    html_ = pub.get("/processes/proc-hidden").text
    assert venue.lower() not in html_.lower()
    assert "2020-02-03" not in html_  # the hidden record's / session's date on the timeline
    assert "emb-hidden" not in html_ and "emb-hidden" not in json.dumps(j)
    assert "Secret channel" in prev.stdout  # the preview said what would show


def test_embargo_rule_added_at_run_time_closes_at_once(world):
    a = world["A"]
    pub = ph.Client(a["base"])
    assert pub.get("/search.json?q=zqpressword").json()["total"] == 1
    toml = a["root"] / "mediarch.toml"
    keep = toml.read_text()
    try:
        toml.write_text(
            keep + '\n[[embargo_rules]]\ndocument_type = "press_release"\nyears = 100\n'
            'after = "record_date"\n'
        )
        assert pub.get("/search.json?q=zqpressword").json()["total"] == 0
        assert pub.get("/records/press-late.json").json()["open"] is False
        assert pub.get("/records/press-late/files/1").status == 404
        assert "zqpressword" not in pub.get("/feed.atom").text
        # a broken file keeps the rules read last
        toml.write_text(toml.read_text() + "\nthis is [[[ not toml\n")
        assert pub.get("/search.json?q=zqpressword").json()["total"] == 0
        assert pub.get("/records/press-late.json").json()["open"] is False
    finally:
        toml.write_text(keep)


def test_withdrawn_records_tombstone_only(world):
    a = world["A"]
    man = a["root"].parent / "withdraw.csv"
    man.write_text(
        "file,identifier,status\nwithdrawn-later.txt,withdrawn-later,withdrawn\n"
        "emb-guess.txt,emb-guess,withdrawn\nstaff-hidden.txt,staff-hidden,withdrawn\n"
        "pub-guess-red.txt,pub-guess-red,withdrawn\n"
    )
    p = ph.cli(a["root"], "import-metadata", str(man), "--by", "staff1")
    assert p.returncode == 0, p.stdout + p.stderr
    pub = ph.Client(a["base"])
    r = pub.get("/records/withdrawn-later.json")
    assert r.status == 410 and "Tombstone" not in json.dumps(r.json())
    assert pub.get("/search.json?q=Tombstoneword").json()["total"] == 0
    assert pub.get("/records/withdrawn-later/files/1").status in (404, 410)
    assert pub.get("/records/staff-hidden.json").status == 404
    words = [s.word for s in secrets_hidden_from(a["corpus"], "public")]
    res = {
        p: pub.get(p)
        for p in (
            "/records/emb-guess",
            "/records/emb-guess.json",
            "/records/pub-guess-red",
            "/records/pub-guess-red.json",
            "/oai?verb=ListRecords&metadataPrefix=mediarch",
        )
    }
    assert leaks_in(res, words) == []


@pytest.mark.slow
def test_staff_desk_hides_admin_uploads(world):
    """An admin uploads an admin-only, hidden record on the web; another (plain) staff member
    must not learn its file name, identifier, process or agents from the desk or the job page."""
    a = world["A"]
    ad = login(a["base"], "admin1")
    f, _ = ad.form("/staff/upload", "/staff/upload")
    man = (
        "file,identifier,title_en,document_type,access,description_visibility,agents,process\n"
        "zqupadminname-memo.txt,zqupadminid,Upload zqupadmintitle,report,admin,hidden,"
        "Jamil Zqupadminagent (participant),proc-zqupadminproc\n"
    )
    body, hd = ph.multipart(
        {"csrf": f["csrf"], "collection": "coll-up"},
        [
            ("files", "zqupadminname-memo.txt", b"Uploaded admin memo zqupadmintext.\n"),
            ("manifest", "manifest.csv", man.encode()),
        ],
    )
    r = ad.get("/staff/upload", data=body, headers=hd)
    assert r.status in (302, 303), r.status
    job = r.headers["Location"]
    for _ in range(60):
        if re.search(r'"status": ?"(done|failed)"', ad.get(job + ".json").text):
            break
        time.sleep(1)
    st = login(a["base"], "staff1")
    res = ph.crawl(
        st,
        [
            "/staff",
            "/staff.json",
            job,
            job + ".json",
            "/staff/audit",
            "/staff/audit.json",
            "/staff/agents",
            "/staff/agents.json",
        ],
        limit=300,
        skip=("/signin", "/signout", "/register", "/search?"),
    )
    found = []
    for p, rr in res.items():
        t = strip_echo(p, rr.norm())
        hits = sorted(set(m.lower() for m in re.findall(r"zqupadmin[a-z]*", t, re.I)))
        if hits:
            found.append((p, hits))
    assert found == []
