"""The standard schemas, offline: OAI-PMH answers (with oai_dc and our own record format
inside), Dublin Core records and EAD3 finding aids validated with `xmlschema` against the files
vendored in metadata_schema/standard/ (never the network)."""

from __future__ import annotations

from functools import cache

import xmlschema

from tests.conftest import REPO

STANDARD = REPO / "metadata_schema" / "standard"
LOCATIONS = {
    "http://www.w3.org/XML/1998/namespace": str(STANDARD / "xml.xsd"),
    "http://www.w3.org/1999/xlink": str(STANDARD / "xlink.xsd"),
    "http://www.openarchives.org/OAI/2.0/oai_dc/": str(STANDARD / "oai_dc.xsd"),
    "http://purl.org/dc/elements/1.1/": str(STANDARD / "simpledc20021212.xsd"),
    "urn:mediarch:record:1": str(REPO / "metadata_schema" / "mediarch-record.xsd"),
}


@cache
def schema(name: str) -> xmlschema.XMLSchema:
    path = {
        "oai": STANDARD / "OAI-PMH.xsd",
        "oai_dc": STANDARD / "oai_dc.xsd",
        "ead3": STANDARD / "ead3.xsd",
        "mediarch": REPO / "metadata_schema" / "mediarch-record.xsd",
    }[name]
    return xmlschema.XMLSchema(str(path), locations=LOCATIONS, allow="local")


def validate(name: str, xml: bytes | str) -> None:
    """Raise xmlschema's error, naming the element, when the XML breaks the schema."""
    schema(name).validate(xml if isinstance(xml, str) else xml.decode("utf-8"))
