"""OAI-PMH 2.0: the six verbs over the publication ledger, each record shown as the public may
see it (through the access decision), in `oai_dc` or the depository's own `mediarch` format;
sets by collection and by process; selective harvesting by datestamp; resumption tokens that
carry their place (datestamp and identifier), so they stay valid while records are added or
change; every error condition of the protocol; records gone from public view as deletions.

`OaiRepository.respond(arguments)` takes the request's arguments (name → list of values) and
returns the XML answer; the web layer only passes them in."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from archive import publication
from archive.access.derived import opening_shown
from archive.errors import ArchiveError, NotFound
from archive.publish.oai_arguments import (
    GRANULARITY,
    SET,
    OaiError,
    bounds,
    metadata_format,
    read_token,
    set_selection,
    write_token,
)
from archive.publish.record_xml import (
    MEDIARCH,
    OAI_DC,
    OAI_DC_XSD,
    XSI,
    dublin_core,
    mediarch_record,
    to_bytes,
)

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_XSD = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
PAGE = 100
VERBS = {  # verb: (required, optional, exclusive)
    "Identify": ((), (), None),
    "ListMetadataFormats": ((), ("identifier",), None),
    "ListSets": ((), (), "resumptionToken"),
    "ListIdentifiers": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "ListRecords": (("metadataPrefix",), ("from", "until", "set"), "resumptionToken"),
    "GetRecord": (("identifier", "metadataPrefix"), (), None),
}


@dataclass(frozen=True)
class Site:
    """What the protocol needs of the depository around it."""

    catalog: Any
    access: Any
    base_url: str  # the OAI endpoint's own URL
    record_url: Callable[[str], str]
    file_url: Callable[[str, int], str]
    schema_url: str  # where mediarch-record.xsd is served
    name_en: str
    name_ar: str
    admin_email: str
    repository_id: str
    now: Callable[[], dt.datetime]
    page: int = PAGE


class OaiRepository:
    def __init__(self, site: Site):
        self.site = site

    # -- the answer ----------------------------------------------------------------------
    def respond(self, arguments: dict[str, list[str]]) -> bytes:
        root = ET.Element(f"{{{OAI}}}OAI-PMH", {f"{{{XSI}}}schemaLocation": f"{OAI} {OAI_XSD}"})
        ET.SubElement(root, f"{{{OAI}}}responseDate").text = publication.datestamp(self.site.now())
        request = ET.SubElement(root, f"{{{OAI}}}request")
        request.text = self.site.base_url
        try:
            verb, args = self._check(arguments)
            for name, value in args.items():  # echoed only once they are known good
                request.set(name, value)
            request.set("verb", verb)
            body = getattr(self, f"_{verb}")(args)
            root.append(body)
        except OaiError as exc:
            error = ET.SubElement(root, f"{{{OAI}}}error", {"code": exc.code})
            error.text = exc.message
        return to_bytes(root, OAI)

    def _check(self, arguments: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
        verbs = arguments.get("verb", [])
        if len(verbs) != 1 or verbs[0] not in VERBS:
            raise OaiError("badVerb", "the verb is missing, repeated or not an OAI-PMH verb")
        verb = verbs[0]
        required, optional, exclusive = VERBS[verb]
        args: dict[str, str] = {}
        for name, values in arguments.items():
            if name == "verb":
                continue
            if name not in (*required, *optional, exclusive) or len(values) != 1:
                raise OaiError("badArgument", f"{name}: not an argument of {verb}, or repeated")
            args[name] = values[0]
        if exclusive and exclusive in args:
            if len(args) > 1:
                raise OaiError("badArgument", f"{exclusive} is an exclusive argument")
            return verb, args
        missing = [n for n in required if n not in args]
        if missing:
            raise OaiError("badArgument", f"{verb} needs {', '.join(missing)}")
        if "from" in args or "until" in args:
            bounds(args.get("from"), args.get("until"))
        return verb, args

    # -- verbs ---------------------------------------------------------------------------
    def _Identify(self, args: dict[str, str]) -> ET.Element:
        site = self.site
        out = ET.Element(f"{{{OAI}}}Identify")
        for tag, text in (
            ("repositoryName", f"{site.name_en} — {site.name_ar}"),
            ("baseURL", site.base_url),
            ("protocolVersion", "2.0"),
            ("adminEmail", site.admin_email),
            ("earliestDatestamp", publication.earliest(site.catalog) or _EPOCH),
            ("deletedRecord", "persistent"),
            ("granularity", GRANULARITY),
        ):
            ET.SubElement(out, f"{{{OAI}}}{tag}").text = text
        return out

    def _ListMetadataFormats(self, args: dict[str, str]) -> ET.Element:
        if "identifier" in args:
            entry = self._entry(args["identifier"])
            if entry.deleted:
                raise OaiError("noMetadataFormats", "the item was withdrawn: it has no metadata")
        out = ET.Element(f"{{{OAI}}}ListMetadataFormats")
        for prefix, schema, namespace in (
            ("oai_dc", OAI_DC_XSD, OAI_DC),
            ("mediarch", self.site.schema_url, MEDIARCH),
        ):
            element = ET.SubElement(out, f"{{{OAI}}}metadataFormat")
            ET.SubElement(element, f"{{{OAI}}}metadataPrefix").text = prefix
            ET.SubElement(element, f"{{{OAI}}}schema").text = schema
            ET.SubElement(element, f"{{{OAI}}}metadataNamespace").text = namespace
        return out

    def _ListSets(self, args: dict[str, str]) -> ET.Element:
        if "resumptionToken" in args:  # every set fits in one answer: no token is ours
            raise OaiError("badResumptionToken", "ListSets answers whole: no token was given")
        catalog = self.site.catalog
        collections = catalog.ledger_sets("collection")
        processes = catalog.ledger_sets("process")
        if not collections and not processes:
            raise OaiError("noSetHierarchy", "no record the public may see belongs to a set yet")
        titles = {c["id"]: c for c in catalog.collections()}
        out = ET.Element(f"{{{OAI}}}ListSets")
        sets = [("collection", "Collections — المجموعات"), ("process", "Processes — المسارات")]
        for code in collections:
            c = titles.get(code, {})
            names = [n for n in (c.get("title_en"), c.get("title_ar")) if n] or [code]
            sets.append((f"collection:{code}", " — ".join(names)))
        described = catalog.described("process", processes)
        for code in processes:
            p = described.get(code, {})
            names = [n for n in (p.get("name_en"), p.get("name_ar")) if n] or [code]
            sets.append((f"process:{code}", " — ".join(names)))
        for spec, name in sets:
            element = ET.SubElement(out, f"{{{OAI}}}set")
            ET.SubElement(element, f"{{{OAI}}}setSpec").text = spec
            ET.SubElement(element, f"{{{OAI}}}setName").text = name
        return out

    def _ListIdentifiers(self, args: dict[str, str]) -> ET.Element:
        return self._list(args, with_metadata=False)

    def _ListRecords(self, args: dict[str, str]) -> ET.Element:
        return self._list(args, with_metadata=True)

    def _GetRecord(self, args: dict[str, str]) -> ET.Element:
        prefix = metadata_format(args["metadataPrefix"])
        entry = self._entry(args["identifier"])
        out = ET.Element(f"{{{OAI}}}GetRecord")
        out.append(self._record(entry, prefix, self.site.now()))
        return out

    # -- lists ---------------------------------------------------------------------------
    def _list(self, args: dict[str, str], *, with_metadata: bool) -> ET.Element:
        if "resumptionToken" in args:
            state = read_token(args["resumptionToken"], with_metadata)
        else:
            state = {
                "m": metadata_format(args["metadataPrefix"]),
                "s": args.get("set"),
                "f": args.get("from"),
                "u": args.get("until"),
                "c": 0,
            }
            if state["s"] is not None and not SET.match(state["s"]):
                raise OaiError("badArgument", f"{state['s']}: not a set of this repository")
        since, until = bounds(state.get("f"), state.get("u"))
        selection = set_selection(state.get("s"))
        after = tuple(state["a"]) if state.get("a") else None
        size = self.site.page
        found = publication.entries(
            self.site.catalog, since=since, until=until, after=after, limit=size + 1, **selection
        )
        if not found and state["c"] == 0:
            raise OaiError("noRecordsMatch", "no record matches these arguments")
        page, more = found[:size], len(found) > size
        tag = "ListRecords" if with_metadata else "ListIdentifiers"
        out = ET.Element(f"{{{OAI}}}{tag}")
        now = self.site.now()
        for entry in page:
            if with_metadata:
                out.append(self._record(entry, state["m"], now))
            else:
                out.append(self._header(entry, self._view(entry, now) is None))
        if "n" not in state:  # the size of the whole list, counted once, on its first page
            state["n"] = (
                state["c"]
                + len(page)
                + (self._count_rest(since, until, selection, page) if more else 0)
            )
        if more or "resumptionToken" in args:
            token = ET.SubElement(
                out,
                f"{{{OAI}}}resumptionToken",
                {"cursor": str(state["c"]), "completeListSize": str(state["n"])},
            )
            if more:
                last = page[-1]
                nxt = {**state, "a": [last.datestamp, last.record_id], "c": state["c"] + len(page)}
                token.text = write_token(nxt, with_metadata)
        return out

    def _count_rest(self, since, until, selection, page) -> int:
        last = page[-1]
        return self.site.catalog.ledger_count_after(
            (last.datestamp, last.record_id), since=since, until=until, **selection
        )

    # -- items ---------------------------------------------------------------------------
    def _entry(self, identifier: str) -> publication.Entry:
        prefix = f"oai:{self.site.repository_id}:"
        record_id = identifier.removeprefix(prefix) if identifier.startswith(prefix) else None
        entry = publication.entry(self.site.catalog, record_id) if record_id else None
        if entry is None:
            raise OaiError("idDoesNotExist", f"{identifier}: no such item in this repository")
        return entry

    def _view(self, entry: publication.Entry, now: dt.datetime):
        """The public's view now (None for a deletion): the ledger says what changed when,
        the access decision what may be seen."""
        if entry.deleted:
            return None
        try:
            return self.site.access.view_by_id(
                self.site.catalog, entry.record_id, "public", now, with_text=False
            )
        except NotFound:
            return None

    def _header(self, entry: publication.Entry, deleted: bool) -> ET.Element:
        header = ET.Element(f"{{{OAI}}}header", {"status": "deleted"} if deleted else {})
        ET.SubElement(
            header, f"{{{OAI}}}identifier"
        ).text = f"oai:{self.site.repository_id}:{entry.record_id}"
        ET.SubElement(header, f"{{{OAI}}}datestamp").text = entry.datestamp
        if not deleted:
            for kind in ("collection", "process"):
                value = getattr(entry, kind)
                if value:
                    ET.SubElement(header, f"{{{OAI}}}setSpec").text = f"{kind}:{value}"
        return header

    def _record(self, entry: publication.Entry, prefix: str, now: dt.datetime) -> ET.Element:
        view = self._view(entry, now)
        out = ET.Element(f"{{{OAI}}}record")
        out.append(self._header(entry, view is None))
        if view is None:
            return out
        metadata = ET.SubElement(out, f"{{{OAI}}}metadata")
        metadata.append(self._metadata(view, prefix, now))
        return out

    def _metadata(self, view, prefix: str, now: dt.datetime) -> ET.Element:
        site, record = self.site, view.record
        process = None
        if record.get("process"):
            try:
                process = site.catalog.process(record["process"])
            except ArchiveError:
                process = None
        files = []
        if view.files:
            files = [
                {
                    "name": f["original_name"],
                    "media_type": f["media_type"],
                    "size": f["size"],
                    "url": site.file_url(record["identifier"], n),
                }
                for n, f in enumerate(record.get("files", []), start=1)
            ]
        url = site.record_url(record["identifier"])
        if prefix == "oai_dc":
            return dublin_core(
                record,
                url=url,
                publisher={"en": site.name_en, "ar": site.name_ar},
                process=process,
                files=files,
            )
        closed_until = None
        if not view.full:
            full = site.catalog.record(record["identifier"])
            closed_until = opening_shown(view, full, site.access.facts(site.catalog, full))
        return mediarch_record(
            record,
            url=url,
            schema_url=site.schema_url,
            open_=view.full,
            closed_until=closed_until,
            process=process,
            files=files,
        )


_EPOCH = "1970-01-01T00:00:00Z"
