"""What is derived from closed content is closed content: titles ingest guesses from a closed
file (its first line, its Title property, an e-mail's subject), a redacted passage inside a
guessed title, agents linked from a redacted name, authorities (agents, processes, sessions)
only closed records name, and records kept for admins on staff pages. Each case is one of the
items an outside probe found; the deposit is `tests/closed_inputs.py`."""

from __future__ import annotations

import json
import re

import pytest

from archive import agents as agent_work
from archive.access.users import Users
from archive.depository import Depository
from archive.errors import NotFound
from archive.publish import exports
from ingest.pipeline import IngestOptions, run_ingest
from tests import closed_inputs
from tests.conftest import require_tool, run_mediarch
from webui.app import create_app

PASSWORD = "a long enough password"
W = closed_inputs.variant("a", "a")


@pytest.fixture(scope="module")
def deposit(tmp_path_factory):
    require_tool("soffice")
    base = tmp_path_factory.mktemp("derived")
    paths = closed_inputs.build(base / "deposit", W)
    root = base / "depository"
    with Depository.create(root) as dep:
        report = run_ingest(
            dep,
            IngestOptions(
                folder=paths["folder"],
                manifest=paths["manifest"],
                agents=paths["agents"],
                processes=paths["processes"],
                sessions=paths["sessions"],
            ),
        )
        assert [f.path for f in report.files if f.outcome != "ingested"] == []
        users = Users(dep.catalog)
        users.add("archivist", PASSWORD, "staff", actor="test")
        users.add("director", PASSWORD, "admin", actor="test")
    return root


@pytest.fixture
def site(deposit, tmp_path):
    import shutil

    root = tmp_path / "depository"
    shutil.copytree(deposit, root)
    app = create_app(root)
    yield app, root
    app.config["SITE"].close()


def _signed_in(app, name: str):
    client = app.test_client()
    html = client.get("/signin").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
    assert (
        client.post("/signin", data={"name": name, "password": PASSWORD, "csrf": token}).status_code
        == 302
    )
    return client


def _public_text(client, *paths: str) -> str:
    return "\n".join(client.get(p).get_data(as_text=True) for p in paths)


CHANNELS = (
    "/", "/index.json", "/browse.json", "/search.json?q=", "/feed.atom", "/sitemap.xml",
    "/oai?verb=ListRecords&metadataPrefix=oai_dc", "/oai?verb=ListRecords&metadataPrefix=mediarch",
    "/records/memo.json", "/records/memo", "/records/props-docx.json", "/records/props-pdf.json",
    "/records/message.json", "/records/message-attachment-1.json", "/records/report.json",
    "/records/report", "/records/report/dc.xml", "/processes/harbour-talks.json",
    "/processes/harbour-talks/ead.xml",
)  # fmt: skip


@pytest.mark.slow
def test_a_title_guessed_from_a_closed_file_is_not_shown_nor_matched(site):
    """Item 1: the first line of a staff-only memo, a closed DOCX's and PDF's Title property,
    a closed e-mail's subject (on the message and its attachment) stay closed; the listed
    record shows a neutral title made of what the public may see."""
    app, _ = site
    public = app.test_client()
    shown = _public_text(public, *CHANNELS)
    for slot in ("memo_title", "memo_title_ar", "docx_title", "pdf_title", "subject"):
        assert W[slot] not in shown, slot
        found = public.get("/search.json", query_string={"q": W[slot]}).get_json()
        assert found["total"] == 0, slot
    memo = public.get("/records/memo.json").get_json()["record"]
    assert memo["title_en"].startswith("Untitled") and memo["title_neutral"] is True
    assert "date" not in memo and "document_type" not in memo  # guessed from the text too
    arabic = public.get("/records/memo?lang=ar").get_data(as_text=True)
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", arabic)
    assert len(headings) == 1 and "بلا عنوان" in headings[0]  # in the interface's language


def test_staff_see_what_was_guessed_and_confirm_it(site):
    app, root = site
    staff = _signed_in(app, "archivist")
    memo = staff.get("/records/memo.json").get_json()["record"]
    assert W["memo_title"] in memo["title_en"]
    assert memo["unconfirmed"]["title_en"] == ["text"]
    assert set(memo["unconfirmed"]) >= {"date", "document_type", "languages"}
    page = staff.get("/records/memo").get_data(as_text=True)
    assert "Guessed at ingest" in page
    props = staff.get("/records/props-docx.json").get_json()["record"]
    assert props["unconfirmed"]["title_en"] == ["file"]
    done = run_mediarch("--root", str(root), "confirm", "memo", "title_en", "--by", "archivist")
    assert done.returncode == 0, done.stderr
    assert "confirmed title_en" in done.stdout
    public = app.test_client()
    assert W["memo_title"] in public.get("/records/memo.json").get_json()["record"]["title_en"]
    assert public.get("/search.json", query_string={"q": W["memo_title"]}).get_json()["total"] == 1
    with Depository.open(root) as dep:
        event = dep.catalog.recent_events(kind="confirmed", subject_id="memo")[0]
        assert W["memo_title"] in event.detail["title_en"] and event.actor == "archivist"


def test_a_redacted_passage_does_not_survive_in_a_guessed_title(site):
    """Item 2: "Report on the █████ meeting" is not titled with the passage."""
    app, _ = site
    public = app.test_client()
    report = public.get("/records/report.json").get_json()
    assert "█████" in "\n".join(report["text"])
    shown = _public_text(public, *CHANNELS)
    for slot in ("head_passage", "arabic_passage", "name_passage"):
        assert W[slot] not in shown, slot
    assert report["record"]["title_en"].startswith("Untitled")


def test_a_redacted_name_does_not_come_back_as_a_linked_agent(site):
    """Item 3: the envoy named only inside a redacted passage is not among the record's
    agents, the agent facet, the agent's page or search."""
    app, _ = site
    public = app.test_client()
    report = public.get("/records/report.json").get_json()["record"]
    assert "agents" not in report
    facets = public.get("/search.json?q=").get_json()["facets"]
    assert "envoy" not in json.dumps(facets)
    assert public.get("/agents/envoy").status_code == 404
    assert public.get("/search.json", query_string={"q": "Varrow"}).get_json()["total"] == 0
    staff = _signed_in(app, "archivist")
    linked = staff.get("/records/report.json").get_json()["record"]["agents"]
    assert [a["agent"] for a in linked] == ["envoy"]


def test_reviewing_an_agent_does_not_publish_names_only_closed_records_carry(site):
    """Item 4: an authority-file agent named only by closed records, and one ingest created
    from a hidden record and staff marked reviewed, are unknown to the public (404, no
    sitemap) until staff publish one deliberately."""
    app, root = site
    with Depository.open(root) as dep:
        created = dep.catalog.agents_named(f"{W['hidden_agent']} Orr")[0]
        agent_work.mark_reviewed(dep.catalog, created, actor="archivist")
    public = app.test_client()
    unknown = public.get("/agents/no-such-agent").get_data()
    for agent in ("closed-agent", created):
        answer = public.get(f"/agents/{agent}")
        assert answer.status_code == 404
        assert answer.get_data() == unknown.replace(b"no-such-agent", agent.encode())
        assert agent not in public.get("/sitemap.xml").get_data(as_text=True)
    assert W["closed_affiliation"] not in _public_text(public, *CHANNELS)
    said = run_mediarch("--root", str(root), "publish", "agent", "closed-agent")
    assert said.returncode == 1 and f"{W['closed_affiliation']} Institute" in said.stdout
    assert public.get("/agents/closed-agent").status_code == 404  # nothing changed yet
    said = run_mediarch("--root", str(root), "publish", "agent", "closed-agent", "--yes")
    assert said.returncode == 0, said.stderr
    assert public.get("/agents/closed-agent.json").status_code == 200
    assert "/agents/closed-agent" in public.get("/sitemap.xml").get_data(as_text=True)


def test_a_process_named_only_by_a_hidden_record_is_unknown(site):
    """Item 5: the bare process and session ingest made for a hidden record are on no page,
    sitemap or export of the public's, and answer 404 like an unknown one."""
    app, root = site
    process = W["hidden_process"].lower()
    public = app.test_client()
    assert public.get(f"/processes/{process}").status_code == 404
    assert public.get(f"/processes/{process}/ead.xml").status_code == 404
    assert process not in _public_text(public, "/", "/index.json", "/sitemap.xml",
                                       "/oai?verb=ListSets", "/browse.json")  # fmt: skip
    with Depository.open(root) as dep, pytest.raises(NotFound):
        exports.process_ead(
            dep,
            dep.access,
            process,
            "public",
            dep.indexes.clock(),
            exports.Addresses.under("http://x/"),
        )
    assert public.get("/processes/harbour-talks").status_code == 200  # public records name it


def test_staff_do_not_see_records_kept_for_admins_on_staff_pages(site):
    """Item 6: the edit form, the agents staff review, the release and request queues and the
    audit log keep the records kept for admins (and what only they name) from staff."""
    app, _ = site
    staff = _signed_in(app, "archivist")
    assert staff.get("/staff/records/admin/edit").status_code == 404
    assert staff.get("/staff/records/memo/edit").status_code == 200
    everything = _public_text(
        staff, "/staff/agents.json", "/staff/audit.json", "/staff.json", "/staff/releases.json",
        "/staff/requests.json", "/search.json?q=", "/index.json",
    )  # fmt: skip
    for slot in ("admin_title", "admin_body", "admin_agent", "admin_process", "admin_authority"):
        assert W[slot] not in everything and W[slot].lower() not in everything, slot
    assert staff.get(f"/processes/{W['admin_process'].lower()}").status_code == 404
    # an agent of the authority file that only the admins' record names: not staff's either
    assert staff.get("/agents/admin-authority").status_code == 404
    assert staff.get("/staff/agents/admin-authority/edit").status_code == 404
    admin = _signed_in(app, "director")
    assert admin.get("/staff/records/admin/edit").status_code == 200
    assert W["admin_agent"] in admin.get("/staff/agents.json").get_data(as_text=True)
