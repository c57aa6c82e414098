"""Identify a file by its content, not its name: the format decides the extractor."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ingest.decoding import utf16_without_bom

SNIFF_BYTES = 8192
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]", re.M)
_MAIL_HEADERS = {
    b"from",
    b"to",
    b"subject",
    b"date",
    b"message-id",
    b"mime-version",
    b"received",
    b"return-path",
}


@dataclass(frozen=True)
class Format:
    name: str  # pdf, docx, odt, doc, rtf, image, email, text, empty, zip, unknown
    media_type: str


PDF = Format("pdf", "application/pdf")
DOCX = Format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
ODT = Format("odt", "application/vnd.oasis.opendocument.text")
DOC = Format("doc", "application/msword")
RTF = Format("rtf", "application/rtf")
EMAIL = Format("email", "message/rfc822")
TEXT = Format("text", "text/plain")
EMPTY = Format("empty", "application/octet-stream")
ZIP = Format("zip", "application/zip")
BROKEN_ZIP = Format("broken_zip", "application/zip")
UNKNOWN = Format("unknown", "application/octet-stream")
IMAGES = {
    b"\x89PNG\r\n\x1a\n": Format("image", "image/png"),
    b"\xff\xd8\xff": Format("image", "image/jpeg"),
    b"II*\x00": Format("image", "image/tiff"),
    b"MM\x00*": Format("image", "image/tiff"),
}


def _zip_format(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
            if "mimetype" in names and z.read("mimetype").strip() == ODT.media_type.encode():
                return ODT
    except (zipfile.BadZipFile, OSError, KeyError):
        return BROKEN_ZIP
    return ZIP


def _looks_like_email(head: bytes) -> bool:
    block = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    names = {m.group().split(b":")[0].lower() for m in _HEADER_LINE.finditer(block)}
    return len(names & _MAIL_HEADERS) >= 2 and block.lstrip()[:1].isalpha()


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls <= len(head) // 100


def identify(path: Path) -> Format:
    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head:
        return EMPTY
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return DOC
    if head.startswith(b"{\\rtf"):
        return RTF
    for magic, fmt in IMAGES.items():
        if head.startswith(magic):
            return fmt
    if _looks_like_text(head):
        return EMAIL if _looks_like_email(head.lstrip(b"\xef\xbb\xbf")) else TEXT
    return UNKNOWN
