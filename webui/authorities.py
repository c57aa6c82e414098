"""Process and agent pages: the public descriptions of a mediation process (its sessions, its
mediator team, its working languages and interpretation, a timeline drawn on the server) and of
an agent (parallel names and the records that name them), each with its JSON twin."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, g, jsonify, redirect, render_template, request, url_for

from archive import agents
from archive.authorities import Known
from archive.authorities import known as known_to
from archive.errors import NotFound
from archive.index.documents import filing_key

authorities = Blueprint("authorities", __name__)
TIMELINE_WIDTH, TIMELINE_MARGIN = 760, 30


def known() -> Known:
    """The authorities the asker's audience knows (read once per request)."""
    if "known" not in g:
        site = g.site
        g.known = known_to(site.depository.indexes, site.depository.catalog, g.audience)
    return g.known


def _agent_brief(agent_id: str | None) -> dict[str, Any] | None:
    if not agent_id:
        return None
    try:
        agent = g.site.depository.catalog.agent(agent_id)
    except NotFound:
        return {"id": agent_id, "name_en": agent_id, "name_ar": None}
    return {"id": agent_id, "name_en": agent["authorised_name"], "name_ar": _arabic_name(agent)}


def _arabic_name(agent: dict[str, Any]) -> str | None:
    return next((p["name"] for p in agent.get("parallel_names", []) if p["lang"] == "ar"), None)


def _session_day(session: dict[str, Any]) -> str:
    return session.get("date") or ""


def _day(value: str | None, last: bool = False) -> dt.date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 28 if last else 1)
    return dt.date(parts[0], 12 if last else 1, 31 if last else 1)


def timeline(
    sessions: list[dict],
    documents: list[dict],
    start: str | None,
    end: str | None,
    *,
    rtl: bool = False,
):
    """Where each session and document stands on a line from the process's start to its end
    (x in pixels), and the years to mark. Time runs the way the page reads: right to left in
    Arabic."""
    days = [d for d in (_day(s.get("date")) for s in sessions) if d]
    days += [d for d in (_day(r.get("date")) for r in documents) if d]
    first = _day(start) or (min(days) if days else None)
    last = _day(end, last=True) or (max(days) if days else None)
    if first is None or last is None:
        return None
    first, last = min([first, *days]), max([last, *days])
    span = max(1, (last - first).days)

    def x(day: dt.date) -> int:
        offset = round((day - first).days / span * TIMELINE_WIDTH)
        return TIMELINE_MARGIN + (TIMELINE_WIDTH - offset if rtl else offset)

    years = [
        {"year": y, "x": x(max(first, dt.date(y, 1, 1)))} for y in range(first.year, last.year + 1)
    ]
    return {
        "width": TIMELINE_WIDTH + 2 * TIMELINE_MARGIN,
        "sessions": [{**s, "x": x(_day(s["date"]))} for s in sessions if s.get("date")],
        "documents": [{**r, "x": x(_day(r["date"]))} for r in documents if r.get("date")],
        "years": years,
    }


AGENTS_PAGE = 100


@authorities.route("/processes")
@authorities.route("/processes.json", endpoint="processes_json")
def processes():
    """Every mediation process the asker's audience knows, with its period and track."""
    catalog = g.site.depository.catalog
    keys = ("id", "name_en", "name_ar", "track", "period_start", "period_end")
    listed = [{k: p.get(k) for k in keys} for p in known().only("process", catalog.processes())]
    data = {"processes": listed, "total": len(listed)}
    if request.path.endswith(".json"):
        return jsonify(data)
    return render_template("processes.html", data=data)


def _by_name_in(lang: str):
    """The order of the list in the page's language: in Arabic by the Arabic name, filed as
    titles are (letters folded, a leading article set aside), names without one after; in
    English by the English name."""

    def arabic(agent: dict) -> tuple:
        name = filing_key(agent["name_ar"] or "")
        return (not name, name, agent["name_en"].casefold(), agent["id"])

    def english(agent: dict) -> tuple:
        return (agent["name_en"].casefold(), agent["id"])

    return arabic if lang == "ar" else english


@authorities.route("/agents")
@authorities.route("/agents.json", endpoint="agents_json")
def agents_list():
    """The people and organisations the asker's audience knows, by name, a page at a time."""
    catalog = g.site.depository.catalog
    everyone = [
        {
            "id": a["id"],
            "kind": a.get("kind"),
            "name_en": a["authorised_name"],
            "name_ar": _arabic_name(a),
        }
        for a in known().only("agent", catalog.agents())
    ]
    everyone.sort(key=_by_name_in(g.lang))
    page = max(1, request.args.get("page", 1, type=int) or 1)
    shown = everyone[(page - 1) * AGENTS_PAGE : page * AGENTS_PAGE]
    data = {"agents": shown, "total": len(everyone), "page": page, "page_size": AGENTS_PAGE}
    if request.path.endswith(".json"):
        return jsonify(data)
    return render_template("agents.html", data=data)


@authorities.route("/processes/<identifier>")
@authorities.route("/processes/<identifier>.json", endpoint="process_json")
def process(identifier: str):
    catalog = g.site.depository.catalog
    if not known()("process", identifier):  # unknown and not yet known answer alike
        abort(404)
    described = catalog.process(identifier)
    sessions = []
    for s in sorted(known().only("session", catalog.sessions(identifier)), key=_session_day):
        interpretation = dict(s.get("interpretation") or {})
        interpretation["interpreters"] = [
            {
                **_agent_brief(i.get("agent")),
                "native": i.get("native"),
                "languages": i.get("languages", []),
            }
            for i in interpretation.get("interpreters", [])
        ]
        sessions.append({**s, "interpretation": interpretation})
    listing = g.site.search.search(
        f"process:{identifier}", audience=g.audience, limit=200, sort="date"
    )
    documents = [vars(h) for h in listing.hits]
    data = {
        "process": {k: v for k, v in described.items() if k != "needs_review"},
        "convener": _agent_brief(described.get("convener")),
        "mediators": [
            {**_agent_brief(m.get("agent")), "kind": m.get("kind")}
            for m in described.get("mediators", [])
        ],
        "sessions": sessions,
        "documents": documents,
        "documents_total": listing.total,
    }
    if request.path.endswith(".json"):
        return jsonify(data)
    line = timeline(
        sessions,
        documents,
        described.get("period_start"),
        described.get("period_end"),
        rtl=g.lang == "ar",
    )
    return render_template("process.html", data=data, timeline=line)


@authorities.route("/agents/<identifier>")
@authorities.route("/agents/<identifier>.json", endpoint="agent_json")
def agent(identifier: str):
    """An authority record, where the asker's audience knows it (a record it may see names
    it, or a process or session it knows does, or staff published it); otherwise it answers
    like an unknown agent."""
    catalog = g.site.depository.catalog
    if not known()("agent", identifier):
        merged_into = agents.redirect(catalog, identifier)
        if merged_into is None or not known()("agent", merged_into):  # where it leads is unknown
            abort(404)
        suffix = ".json" if request.path.endswith(".json") else ""
        target = url_for("authorities.agent" + ("_json" if suffix else ""), identifier=merged_into)
        return redirect(target, code=301)
    described = catalog.agent(identifier)
    named = g.site.search.search(f"agent:{identifier}", audience=g.audience, limit=50, sort="date")
    shown = {k: v for k, v in described.items() if k != "needs_review"}
    data = {"agent": shown, "records": [vars(h) for h in named.hits], "records_total": named.total}
    if request.path.endswith(".json"):
        return jsonify(data)
    return render_template("agent.html", data=data)
