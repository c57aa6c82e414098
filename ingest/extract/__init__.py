"""Extractors: one per format behind one Protocol, chosen by the format `identify` found.

An extractor reads a file and hands back its text by page and what metadata the file carries;
it never touches the store, the catalog or the index. Expected failures (encrypted, corrupt,
unsupported) are `Refused` with a reason, not tracebacks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable


class Refused(Exception):
    """A file the depository will not take, with the reason an archivist can act on."""

    def __init__(self, reason: str, *, stage: str = "extract"):
        self.reason, self.stage = reason, stage
        super().__init__(reason)


@dataclass
class Attachment:
    name: str
    data: bytes
    media_type: str


@dataclass
class Extraction:
    pages: list[str]
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    needs_ocr: list[int] = field(default_factory=list)  # 1-based pages left without text
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages read by OCR
    attachments: list[Attachment] = field(default_factory=list)
    encoding: str | None = None
    # pages (1-based) read by an extractor other than the first, by its name
    extractors: dict[str, list[int]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\f".join(self.pages)


@dataclass(frozen=True)
class Limits:
    max_pages: int = 5000
    ocr: bool = True


# `report("pages", n)`: a worker's time bound grows by the pages as soon as they are known
Report = Callable[[str, int], None]


@runtime_checkable
class Extractor(Protocol):
    """What ingest asks of a format's reader (`ingest/stages.py` holds them, a test checks
    each against this): the formats it reads, and the reading."""

    formats: frozenset[str]

    def extract(self, path: Path, limits: Limits, report: Report | None = None) -> Extraction: ...
