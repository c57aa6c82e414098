"""PDF: text in reading order by page with pypdfium2, metadata from the document information
dictionary and XMP (pdfminer.six), OCR for pages without a text layer.

pdfminer.six alone returns LibreOffice's Arabic lines reversed; pypdfium2 returns them in
logical order, and fast. Either way the text goes through `repair` afterwards.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException

from ingest.extract import Extraction, Limits, Refused, ocr

OCR_SCALE = 300 / 72
_XMP_FIELDS = {
    "title": "dc:title",
    "author": "dc:creator",
    "subject": "dc:description",
    "language": "dc:language",
}
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


def _decode_pdf_string(value: object) -> str:
    if isinstance(value, bytes):
        if value.startswith((b"\xfe\xff", b"\xff\xfe")):
            return value.decode("utf-16", "replace")
        return value.decode("latin-1")
    return str(value) if value is not None else ""


def _pdf_date(value: str) -> str:
    m = _PDF_DATE.match(value)
    return "-".join(p for p in m.groups() if p) if m else ""


def _xmp(metadata: bytes) -> dict[str, str]:
    text = metadata.decode("utf-8", "replace")
    found = {}
    for key, tag in _XMP_FIELDS.items():
        m = re.search(rf"<{tag}>.*?<rdf:li[^>]*>(.*?)</rdf:li>", text, re.S)
        if m and m.group(1).strip():
            found[key] = m.group(1).strip()
    return found


def document_metadata(path: Path) -> dict[str, str]:
    """Title, author, subject, keywords, creator, producer, dates and language, where the file
    says."""
    with open(path, "rb") as fh:
        try:
            document = PDFDocument(PDFParser(fh))
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise Refused("encrypted: the PDF needs a password") from None
        except (
            PDFSyntaxError,
            PSException,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
        ) as exc:
            raise Refused(f"corrupt or truncated PDF: {type(exc).__name__}: {exc}") from None
        found: dict[str, str] = {}
        for info in document.info:
            for key, name in (
                ("Title", "title"),
                ("Author", "author"),
                ("Subject", "subject"),
                ("Keywords", "keywords"),
                ("Creator", "creator"),
                ("Producer", "producer"),
            ):
                value = _decode_pdf_string(resolve1(info.get(key))).strip()
                if value:
                    found[name] = value
            created = _pdf_date(_decode_pdf_string(resolve1(info.get("CreationDate"))))
            if created:
                found["created"] = created
            modified = _pdf_date(_decode_pdf_string(resolve1(info.get("ModDate"))))
            if modified:
                found["modified"] = modified
        stream = resolve1(document.catalog.get("Metadata"))
        if stream is not None and hasattr(stream, "get_data"):
            # A broken XMP stream costs the XMP fields only.
            with contextlib.suppress(Exception):
                found.update(_xmp(stream.get_data()))
        lang = _decode_pdf_string(resolve1(document.catalog.get("Lang"))).strip()
        if lang and "language" not in found:
            found["language"] = lang
    return found


class PdfExtractor:
    formats = frozenset({"pdf"})

    def extract(self, path: Path, limits: Limits) -> Extraction:
        metadata = document_metadata(path)
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            message = str(exc)
            if "password" in message.lower():
                raise Refused("encrypted: the PDF needs a password") from None
            raise Refused(f"corrupt PDF: {message}") from None
        try:
            count = len(document)
            if count == 0:
                raise Refused("the PDF has no pages")
            if count > limits.max_pages:
                raise Refused(f"too many pages: {count} (the limit is {limits.max_pages})")
            result = Extraction(pages=[], metadata=metadata)
            for number in range(1, count + 1):
                result.pages.append(self._page_text(document, number, limits, result))
            return result
        finally:
            document.close()

    def _page_text(
        self, document: pdfium.PdfDocument, number: int, limits: Limits, result: Extraction
    ) -> str:
        page = document[number - 1]
        try:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            if text.strip():
                return text.replace("\r\n", "\n").replace("\r", "\n")
            if not limits.ocr or not ocr.available():
                result.needs_ocr.append(number)
                return ""
            image = page.render(scale=OCR_SCALE, grayscale=True).to_pil()
            result.ocr_pages.append(number)
            return ocr.read_image(image)
        finally:
            page.close()
