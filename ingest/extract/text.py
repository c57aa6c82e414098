"""Plain text in UTF-8 (with or without BOM), UTF-16 or Windows-1256; form feeds split pages."""

from __future__ import annotations

from pathlib import Path

from ingest.decoding import decode
from ingest.extract import Extraction, Limits, Report


class TextExtractor:
    formats = frozenset({"text"})

    def extract(self, path: Path, limits: Limits, report: Report | None = None) -> Extraction:
        decoded = decode(path.read_bytes())
        text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
        result = Extraction(pages=text.split("\f"), encoding=decoded.encoding)
        if "\ufffd" in text:
            result.warnings.append(f"some bytes could not be decoded as {decoded.encoding}")
        return result
