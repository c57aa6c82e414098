"""A process as an EAD3 finding aid: the process as the described whole (titles in Arabic and
English, its period, conflict and scope), its sessions as components and the records an
audience may see as items within them (records of no session in a component of their own)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Any

from archive.publish.record_xml import _term

EAD = "http://ead3.archivists.org/schema/"
LANG = {"en": "eng", "ar": "ara"}  # EAD3 takes ISO 639-2b codes


def _sub(parent: ET.Element, tag: str, text: Any = None, **attrs) -> ET.Element:
    element = ET.SubElement(
        parent, f"{{{EAD}}}{tag}", {k: str(v) for k, v in attrs.items() if v is not None}
    )
    if text is not None:
        element.text = str(text)
    return element


def _titles(
    did: ET.Element, tag: str, item: dict[str, Any], en: str, ar: str, fallback: str
) -> None:
    shown = False
    for lang, key in (("en", en), ("ar", ar)):
        if item.get(key):
            _sub(did, tag, item[key], lang=LANG[lang])
            shown = True
    if not shown:
        _sub(did, tag, fallback)


def _date(did: ET.Element, start: str | None, end: str | None = None) -> None:
    if not start:
        return
    text = start + (f" – {end}" if end else "")
    normal = start + (f"/{end}" if end else "")
    _sub(did, "unitdate", text, normal=normal)


def finding_aid(
    process: dict[str, Any],
    sessions: list[dict[str, Any]],
    views: list[Any],
    *,
    institution: dict[str, str],
    record_url,
    now: dt.datetime,
) -> ET.Element:
    """`views`: the records of the process as the audience may see them (RecordView)."""
    ead = ET.Element(f"{{{EAD}}}ead")
    control = _sub(ead, "control")
    _sub(control, "recordid", process["id"])
    titles = _sub(_sub(control, "filedesc"), "titlestmt")
    _titles(titles, "titleproper", process, "name_en", "name_ar", process["id"])
    _sub(control, "maintenancestatus", value="derived")
    agency = _sub(control, "maintenanceagency")
    _sub(agency, "agencyname", institution["en"], lang="eng")
    _sub(agency, "agencyname", institution["ar"], lang="ara")
    history = _sub(control, "maintenancehistory")
    event = _sub(history, "maintenanceevent")
    _sub(event, "eventtype", value="derived")
    stamp = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    _sub(event, "eventdatetime", stamp, standarddatetime=stamp)
    _sub(event, "agenttype", value="machine")
    _sub(event, "agent", "mediarch")
    archdesc = _sub(ead, "archdesc", level="collection")
    did = _sub(archdesc, "did")
    _titles(did, "unittitle", process, "name_en", "name_ar", process["id"])
    _sub(did, "unitid", process["id"])
    _date(did, process.get("period_start"), process.get("period_end"))
    scope = [
        process.get(k) for k in ("conflict_en", "conflict_ar", "description_en", "description_ar")
    ]
    scope = [s for s in scope if s]
    if scope:
        content = _sub(archdesc, "scopecontent")
        for text in scope:
            _sub(content, "p", text)
    by_session: dict[str | None, list[Any]] = {}
    for view in views:
        by_session.setdefault(view.record.get("session"), []).append(view)
    dsc = _sub(archdesc, "dsc")
    for session in sessions:
        items = by_session.pop(session["id"], [])
        component = _sub(
            dsc, "c", level="otherlevel", otherlevel="session", id=f"s-{session['id']}"
        )
        sdid = _sub(component, "did")
        _titles(sdid, "unittitle", session, "title_en", "title_ar", session["id"])
        _sub(sdid, "unitid", session["id"])
        _date(sdid, session.get("date"), session.get("date_end"))
        for view in items:
            _item(component, view, record_url)
    rest = [v for items in by_session.values() for v in items]
    if rest:
        component = _sub(dsc, "c", level="otherlevel", otherlevel="unattached", id="s-none")
        _sub(_sub(component, "did"), "unittitle", "Records of no session — وثائق خارج الجلسات")
        for view in rest:
            _item(component, view, record_url)
    return ead


def _item(parent: ET.Element, view, record_url) -> None:
    record = view.record
    component = _sub(parent, "c", level="item", id=f"r-{record['identifier']}")
    did = _sub(component, "did")
    _titles(did, "unittitle", record, "title_en", "title_ar", record["identifier"])
    _sub(did, "unitid", record["identifier"])
    _date(did, record.get("date"), record.get("date_end"))
    if record.get("document_type"):
        kind = _term("document_types", record["document_type"])
        _sub(did, "physdesc", f"{kind['en']} — {kind['ar']}")
    dao = _sub(did, "dao", daotype="derived", href=record_url(record["identifier"]))
    dao.set("linktitle", record["identifier"])
    summary = [record.get(k) for k in ("abstract_en", "abstract_ar") if record.get(k)]
    if summary:
        content = _sub(component, "scopecontent")
        for text in summary:
            _sub(content, "p", text)
