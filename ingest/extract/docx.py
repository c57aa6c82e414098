"""DOCX: body paragraphs and tables in document order, headers and footers, core properties.

Word stores right-to-left paragraphs in logical order, so their text needs no reordering.
Explicit page breaks split pages; a document without them is one page. The package is checked
for decompression bombs before anything is parsed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from ingest.extract import Extraction, Limits, Refused, Report

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200


def check_package(path: Path) -> None:
    """Refuse a ZIP package that is not one, or that would unpack to far more than it is."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise Refused(f"not a valid package: {exc}") from None
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_UNPACKED_BYTES or (
        unpacked > 10 * 1024 * 1024 and unpacked / packed > MAX_RATIO
    ):
        raise Refused(f"decompression bomb: {packed} bytes would unpack to {unpacked}")


def _paragraph_text(element) -> tuple[str, bool]:
    """A paragraph's text, and whether a page break follows inside it."""
    parts, breaks = [], False
    for node in element.iter():
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        elif node.tag == qn("w:br") and node.get(qn("w:type")) == "page":
            breaks = True
    return "".join(parts), breaks


def _body_pages(document) -> list[str]:
    pages, lines = [], []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            text, page_break = _paragraph_text(block)
            lines.append(text)
            if page_break:
                pages.append("\n".join(lines))
                lines = []
        elif block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                cells = [
                    "".join(t.text or "" for t in cell.iter(qn("w:t")))
                    for cell in row.iter(qn("w:tc"))
                ]
                lines.append("\t".join(cells))
    pages.append("\n".join(lines))
    return pages


def _margins(document) -> list[str]:
    seen, out = set(), []
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
            if text and text not in seen:
                seen.add(text)
                out.append(text)
    return out


class DocxExtractor:
    formats = frozenset({"docx"})

    def extract(self, path: Path, limits: Limits, report: Report | None = None) -> Extraction:
        check_package(path)
        try:
            document = docx.Document(str(path))
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise Refused(f"not a valid DOCX: {exc}") from None
        except Exception as exc:  # lxml and python-docx raise many kinds on a broken part
            raise Refused(f"not a valid DOCX: {type(exc).__name__}: {exc}") from None
        pages = _body_pages(document)
        margins = _margins(document)
        if margins:
            pages[-1] = pages[-1] + "\n" + "\n".join(margins)
        props = document.core_properties
        metadata = {
            "title": props.title or "",
            "author": props.author or "",
            "subject": props.subject or "",
            "keywords": props.keywords or "",
            "comments": props.comments or "",
            "category": props.category or "",
            "last_modified_by": props.last_modified_by or "",
            "language": props.language or "",
            "created": props.created.date().isoformat() if props.created else "",
            "modified": props.modified.date().isoformat() if props.modified else "",
        }
        return Extraction(
            pages=pages, metadata={k: v.strip() for k, v in metadata.items() if v and v.strip()}
        )
