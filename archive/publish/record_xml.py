"""A record as XML: simple Dublin Core (`oai_dc`) and the depository's own format (`mediarch`:
every field of the schema an audience may see, in both languages), built from a record view."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from typing import Any

from archive.errors import ArchiveError
from archive.vocabulary import thesaurus, vocabulary

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
MEDIARCH = "urn:mediarch:record:1"
OAI_DC_XSD = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
MEDIARCH_XSD_NAME = "mediarch-record.xsd"
CREATORS = ("author", "signatory", "convener")

for prefix, uri in (("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI), ("mr", MEDIARCH)):
    ET.register_namespace(prefix, uri)


def _sub(parent: ET.Element, tag: str, text: Any = None, lang: str | None = None, **attrs):
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attrs.items() if v is not None})
    if lang:
        element.set(f"{{{XML}}}lang", lang)
    if text is not None:
        element.text = str(text)
    return element


def _term(vocab: str, code: str) -> dict[str, str]:
    try:
        term = vocabulary(vocab).term(code)
    except ArchiveError:
        return {"en": code, "ar": code}
    return {"en": term.en or code, "ar": term.ar or term.en or code}


def _concept(code: str) -> dict[str, str]:
    try:
        pref = thesaurus().concept(code).pref
    except (ArchiveError, KeyError):
        return {"en": code, "ar": code}
    return {"en": pref.get("en") or code, "ar": pref.get("ar") or pref.get("en") or code}


def dublin_core(
    record: dict[str, Any],
    *,
    url: str,
    publisher: dict[str, str],
    process: dict[str, Any] | None = None,
    files: list[dict[str, Any]] | None = None,
) -> ET.Element:
    """The record's view as an `oai_dc:dc` element (the 15 elements, both languages)."""
    root = ET.Element(f"{{{OAI_DC}}}dc", {f"{{{XSI}}}schemaLocation": f"{OAI_DC} {OAI_DC_XSD}"})
    dc = f"{{{DC}}}"
    for lang in ("en", "ar"):
        if record.get(f"title_{lang}"):
            _sub(root, dc + "title", record[f"title_{lang}"], lang)
    for agent in record.get("agents", []):
        tag = "creator" if agent.get("role") in CREATORS else "contributor"
        _sub(root, dc + tag, agent["name"])
    for code in record.get("subjects", []):
        for lang, label in _concept(code).items():
            _sub(root, dc + "subject", label, lang)
    for lang in ("en", "ar"):
        if record.get(f"abstract_{lang}"):
            _sub(root, dc + "description", record[f"abstract_{lang}"], lang)
    for lang in ("en", "ar"):
        if publisher.get(lang):
            _sub(root, dc + "publisher", publisher[lang], lang)
    if record.get("date"):
        span = record["date"] + (f"/{record['date_end']}" if record.get("date_end") else "")
        _sub(root, dc + "date", span)
    _sub(root, dc + "type", "Text")
    if record.get("document_type"):
        for lang, label in _term("document_types", record["document_type"]).items():
            _sub(root, dc + "type", label, lang)
    for f in files or []:
        _sub(root, dc + "format", f["media_type"])
    _sub(root, dc + "identifier", url)
    _sub(root, dc + "identifier", record["identifier"])
    for code in record.get("languages", []):
        _sub(root, dc + "language", code)
    if process:
        for lang in ("en", "ar"):
            if process.get(f"name_{lang}"):
                _sub(root, dc + "relation", process[f"name_{lang}"], lang)
    if record.get("part_of"):
        _sub(root, dc + "relation", record["part_of"])
    for place in record.get("places", []):
        _sub(root, dc + "coverage", place)
    if record.get("rights"):
        _sub(root, dc + "rights", record["rights"])
    return root


def mediarch_record(
    record: dict[str, Any],
    *,
    url: str,
    schema_url: str,
    open_: bool,
    closed_until: str | None = None,
    process: dict[str, Any] | None = None,
    files: list[dict[str, Any]] | None = None,
) -> ET.Element:
    """The record's view in the depository's own format (mediarch-record.xsd)."""
    m = f"{{{MEDIARCH}}}"
    root = ET.Element(m + "record", {f"{{{XSI}}}schemaLocation": f"{MEDIARCH} {schema_url}"})
    _sub(root, m + "identifier", record["identifier"])
    _sub(root, m + "url", url)
    for lang in ("en", "ar"):
        if record.get(f"title_{lang}"):
            _sub(root, m + "title", record[f"title_{lang}"], lang)
    if record.get("date"):
        _sub(root, m + "date", record["date"])
    if record.get("date_end"):
        _sub(root, m + "dateEnd", record["date_end"])
    if record.get("document_type"):
        kind = _sub(root, m + "documentType", code=record["document_type"])
        for lang, label in _term("document_types", record["document_type"]).items():
            _sub(kind, m + "label", label, lang)
    for code in record.get("languages", []):
        _sub(root, m + "language", code=code)
    if record.get("process"):
        element = _sub(root, m + "process", id=record["process"])
        for lang in ("en", "ar"):
            if process and process.get(f"name_{lang}"):
                _sub(element, m + "name", process[f"name_{lang}"], lang)
    if record.get("session"):
        _sub(root, m + "session", id=record["session"])
    for agent in record.get("agents", []):
        element = _sub(root, m + "agent", id=agent.get("agent"), role=agent["role"])
        _sub(element, m + "name", agent["name"])
    for place in record.get("places", []):
        _sub(root, m + "place", place)
    for code in record.get("subjects", []):
        element = _sub(root, m + "subject", code=code)
        for lang, label in _concept(code).items():
            _sub(element, m + "label", label, lang)
    for lang in ("en", "ar"):
        if record.get(f"abstract_{lang}"):
            _sub(root, m + "abstract", record[f"abstract_{lang}"], lang)
    if record.get("rights"):
        _sub(root, m + "rights", record["rights"])
    _sub(
        root,
        m + "access",
        open="true" if open_ else "false",
        closedUntil=None if open_ else closed_until,
    )
    for f in files or []:
        _sub(
            root,
            m + "file",
            name=f["name"],
            mediaType=f["media_type"],
            size=f["size"],
            url=f["url"],
        )
    return root


_SERIALIZING = threading.Lock()


def to_bytes(element: ET.Element, default_namespace: str | None = None) -> bytes:
    """The element as UTF-8 XML, its own namespace the default one when given. ElementTree
    keeps prefixes in one registry for the whole process (and refuses a default namespace with
    unqualified attributes), so the default is registered under a lock, right before writing:
    a feed written before cannot change how an OAI answer is written."""
    with _SERIALIZING:
        if default_namespace:
            ET.register_namespace("", default_namespace)
        return ET.tostring(element, encoding="utf-8", xml_declaration=True)
