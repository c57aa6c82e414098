"""The optional system tools and data the depository's main work uses, and what each one's
absence costs: said once by `mediarch demo`, `serve` and `ingest` (`bash .ci/setup` installs
them all)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from archive.index.dictionary import DICTD, DICTIONARIES
from ingest.extract import ocr, office
from ingest.readability import HUNSPELL_AR


@dataclass(frozen=True)
class Missing:
    name: str
    package: str
    cost: str


def _tesseract_reads_arabic() -> bool:
    try:
        done = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "ara" in done.stdout.split()


def missing_tools() -> list[Missing]:
    """The tools and data not installed here, each with its package and what goes without."""
    found = []
    if not ocr.available() or not _tesseract_reads_arabic():
        found.append(
            Missing(
                "tesseract with Arabic",
                "tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng",
                'scanned PDFs go in unread, flagged "needs OCR"',
            )
        )
    if shutil.which("pdftotext") is None:
        found.append(
            Missing(
                "pdftotext",
                "poppler-utils",
                "PDF pages whose fonts pdfminer cannot map are read worse",
            )
        )
    if office.soffice() is None:
        found.append(
            Missing(
                "LibreOffice",
                "libreoffice-writer-nogui",
                ".doc, .odt and .rtf files are refused (convert them to DOCX or PDF first)",
            )
        )
    if not all((DICTD / f"{name}.index").is_file() for name in DICTIONARIES):
        found.append(
            Missing(
                "the FreeDict dictionaries",
                "dict-freedict-eng-ara dict-freedict-ara-eng",
                "a word outside the thesaurus is not looked for in the other language"
                " (search finds fewer records)",
            )
        )
    if not Path(HUNSPELL_AR).is_file():
        found.append(
            Missing(
                "hunspell-ar",
                "hunspell-ar",
                "the best reading of an Arabic PDF page is chosen without a word list",
            )
        )
    return found


def missing_note() -> list[str]:
    """What to print: nothing when all is installed, else a line per missing tool and how to
    install them all."""
    found = missing_tools()
    if not found:
        return []
    packages = " ".join(m.package for m in found)
    return [
        *(f"note: {m.name} is not installed: {m.cost}" for m in found),
        f"      install: sudo apt-get install {packages}   (or: bash .ci/setup)",
    ]
