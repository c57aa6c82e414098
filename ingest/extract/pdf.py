"""PDF: text in reading order by page with pypdfium2, metadata from the document information
dictionary and XMP (pdfminer.six), OCR for pages without a text layer.

pdfminer.six alone returns LibreOffice's Arabic lines reversed; pypdfium2 returns them in
logical order, and fast. Either way the text goes through `repair` afterwards. Some PDFs
pypdfium2 reads badly (fonts whose glyphs it cannot map, spaces it drops or pushes inside
words): a page whose repaired text few words of the lexicon recognise is read again by
poppler's pdftotext and by pdfminer.six, and the reading the lexicon recognises best is kept
(`second_readings`; the pages each other extractor won are noted in the text's details).
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
from pdfminer.converter import TextConverter
from pdfminer.layout import LAParams, LTChar, LTFigure
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException

from archive.faults import fault_point
from ingest.extract import Extraction, Limits, Refused, Report, ocr
from ingest.extract.pdf_glyphs import page_text, shadows
from ingest.readability import readability
from ingest.repair import repair

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

    def extract(self, path: Path, limits: Limits, report: Report | None = None) -> Extraction:
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
            if report:  # the time bound grows by the pages before the reading
                report("pages", count)
            fault_point("extract.read", str(path))
            result = Extraction(pages=[], metadata=metadata)
            for number in range(1, count + 1):
                result.pages.append(self._page_text(document, number, limits, result))
        finally:
            document.close()
        second_readings(path, result)
        return result

    def _page_text(
        self, document: pdfium.PdfDocument, number: int, limits: Limits, result: Extraction
    ) -> str:
        page = document[number - 1]
        try:
            textpage = page.get_textpage()
            text = page_text(textpage)  # Arabic marks, spaces and ligatures put in order
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


SECOND_READING_BELOW = 0.85  # readability under which a page is read by the other extractors
MIN_GAIN = 0.05  # what another reading must win by to replace the first


def second_readings(path: Path, result: Extraction) -> None:
    """Replace each poorly read page by another extractor's reading where it reads better."""
    scores = [readability(repair(page).text) for page in result.pages]
    weak = [
        i
        for i, score in enumerate(scores)
        if score is not None and score < SECOND_READING_BELOW and i + 1 not in result.ocr_pages
    ]
    if not weak:
        return
    others = {"pdftotext": _poppler_pages(path), "pdfminer": _pdfminer_pages(path, weak)}
    for i in weak:
        readings = {name: pages.get(i) for name, pages in others.items() if pages.get(i)}
        best = better_reading(scores[i], readings)
        if best is not None:
            result.pages[i] = readings[best].replace("\r\n", "\n").replace("\r", "\n")
            result.extractors.setdefault(best, []).append(i + 1)


def better_reading(first: float, readings: dict[str, str]) -> str | None:
    """Which other reading (by extractor) the lexicon recognises better than the first one's
    score, by MIN_GAIN at least; None when none does."""
    best, best_score = None, first + MIN_GAIN
    for name, text in readings.items():
        if not text.strip():
            continue
        score = readability(repair(text).text)
        if score is not None and score > best_score:
            best, best_score = name, score
    return best


def _poppler_pages(path: Path) -> dict[int, str]:
    """poppler's reading of every page (pdftotext, where it is installed)."""
    if shutil.which("pdftotext") is None:
        return {}
    try:
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=50
        )
    except subprocess.TimeoutExpired:
        return {}
    if done.returncode:
        return {}
    return dict(enumerate(done.stdout.decode("utf-8", "replace").split("\f")))


def _pdfminer_pages(path: Path, wanted: list[int]) -> dict[int, str]:
    """pdfminer.six's reading of the pages wanted (0-based), in one pass over the file, each
    character drawn over a copy of itself (a shadow) read once."""
    out = io.StringIO()
    try:
        with open(path, "rb") as pdf:
            resources = PDFResourceManager()
            device = UnshadowedText(resources, out, laparams=LAParams())
            interpreter = PDFPageInterpreter(resources, device)
            for page in PDFPage.get_pages(pdf, set(wanted)):
                interpreter.process_page(page)
            device.close()
    except Exception:  # a file it cannot read keeps the first readings
        return {}
    pages = out.getvalue().split("\f")  # pdfminer ends each page it read with a form feed
    return dict(zip(sorted(wanted), pages, strict=False))


class UnshadowedText(TextConverter):
    """pdfminer's text, without the second copy of characters drawn over themselves."""

    def end_page(self, page):
        _drop_shadows(self.cur_item)
        super().end_page(page)


def _drop_shadows(container) -> None:
    """Remove from a layout container (and the figures in it) the characters pdf_glyphs
    finds drawn over themselves."""
    items = container._objs
    for item in items:
        if isinstance(item, LTFigure):
            _drop_shadows(item)
    at = [k for k, item in enumerate(items) if isinstance(item, LTChar)]
    chars = [items[k].get_text() for k in at]
    boxes = [(items[k].x0, items[k].y0, items[k].x1, items[k].y1) for k in at]
    dropped = {at[i] for i in shadows(chars, boxes)}
    if dropped:
        container._objs = [item for k, item in enumerate(items) if k not in dropped]
