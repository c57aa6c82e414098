"""What happens to one file inside a worker: identify → extract → repair → detect languages.

Runs in a worker process (see `workers`); it reads the file and returns plain data, and never
touches the store, the catalog or the index.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archive.faults import fault_point
from ingest.describe import guess_fields
from ingest.extract import Attachment, Extractor, Limits, Refused
from ingest.extract.docx import DocxExtractor
from ingest.extract.email import EmailExtractor
from ingest.extract.image import ImageExtractor
from ingest.extract.office import OfficeExtractor
from ingest.extract.pdf import PdfExtractor
from ingest.extract.text import TextExtractor
from ingest.identify import identify
from ingest.language import detect_languages
from ingest.readability import known_word
from ingest.repair import repair, restore_lam_alef

EXTRACTORS: tuple[Extractor, ...] = (
    PdfExtractor(),
    DocxExtractor(),
    TextExtractor(),
    EmailExtractor(),
    ImageExtractor(),
    OfficeExtractor(),
)
UNSUPPORTED = {
    "broken_zip": "not a valid package: the ZIP container of this DOCX (or XLSX, ODT) is broken",
    "zip": "unsupported format (a ZIP archive that is not a DOCX): unpack it first",
    "unknown": "unsupported format: not a PDF, DOCX, text or e-mail file",
    "empty": "empty file",
}


@dataclass
class FileExtraction:
    format: str
    media_type: str
    pages: list[str]
    metadata: dict[str, str]
    languages: tuple[str, ...]
    mixed: bool
    warnings: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    needs_ocr: list[int] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    encoding: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    extractors: dict[str, list[int]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds by stage, in the worker
    guesses: dict[str, str] = field(default_factory=dict)  # title, date, type from the text

    @property
    def details(self) -> dict:
        out = {
            "format": self.format,
            "languages": list(self.languages),
            "mixed": self.mixed,
            "repairs": self.repairs,
            "pages": len(self.pages),
        }
        for key in ("needs_ocr", "ocr_pages", "encoding", "extractors"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True)
class Task:
    path: str
    limits: Limits = field(default_factory=Limits)


def extract_file(task: Task, report: Callable[[str, int], None] | None = None) -> FileExtraction:
    path = Path(task.path)
    fault_point("extract.start", task.path)
    clock = time.perf_counter()
    fmt = identify(path)
    if fmt.name in UNSUPPORTED:
        raise Refused(UNSUPPORTED[fmt.name], stage="identify")
    extractor = next(e for e in EXTRACTORS if fmt.name in e.formats)
    extraction = extractor.extract(path, task.limits, report)
    timings = {"extract": time.perf_counter() - clock}
    clock = time.perf_counter()
    if report:
        report("pages", len(extraction.pages))
    pages, repairs = [], set()
    for page in extraction.pages:
        fixed = repair(page)
        text = fixed.text
        if fmt.name == "pdf":  # a PDF glyph's two letters read backwards: PDFs only
            text, restored = restore_lam_alef(text, known_word)
            if restored:
                repairs.add("lam_alef_restored")
        pages.append(text)
        repairs.update(fixed.fixes)
    timings["repair"] = time.perf_counter() - clock
    clock = time.perf_counter()
    languages = detect_languages("\n\n".join(pages))
    timings["language"] = time.perf_counter() - clock
    clock = time.perf_counter()
    guesses = guess_fields(pages, extraction.metadata)
    timings["guess"] = time.perf_counter() - clock
    warnings = list(extraction.warnings)
    if extraction.needs_ocr:
        warnings.append(
            f"needs OCR: pages {', '.join(map(str, extraction.needs_ocr))} have no text layer"
        )
    if not any(p.strip() for p in pages) and not extraction.needs_ocr:
        warnings.append("no text found")
    return FileExtraction(
        format=fmt.name,
        media_type=fmt.media_type,
        pages=pages,
        metadata=extraction.metadata,
        languages=languages.codes,
        mixed=languages.mixed,
        warnings=warnings,
        repairs=sorted(repairs),
        needs_ocr=extraction.needs_ocr,
        ocr_pages=extraction.ocr_pages,
        encoding=extraction.encoding,
        attachments=extraction.attachments,
        extractors=extraction.extractors,
        timings=timings,
        guesses=guesses,
    )
