"""What an ingest is asked to do (`IngestOptions`: the folder, its manifest and authority
files, workers and bounds), and the error that says nothing could run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.errors import ArchiveError
from ingest.extract import Limits
from ingest.workers import Bounds

ACTOR = "ingest"


class IngestError(ArchiveError):
    """Nothing could run: the folder, the manifest or an authority file is unusable."""


@dataclass
class IngestOptions:
    folder: Path
    manifest: Path | None = None
    processes: Path | None = None
    sessions: Path | None = None
    agents: Path | None = None
    collection: str | None = None
    jobs: int = 1
    max_file_mb: int = 512
    bounds: Bounds = field(default_factory=Bounds)
    limits: Limits = field(default_factory=Limits)
    actor: str = ACTOR

    @classmethod
    def of_corpus(cls, corpus: Path, **overrides: Any) -> IngestOptions:
        """The options of a corpus laid out as `sample_corpus/` is: its files in `files/`,
        beside `manifest.csv`, `processes.json`, `sessions.json` and `agents.json`."""
        corpus = Path(corpus)
        return cls(
            **{
                "folder": corpus / "files",
                "manifest": corpus / "manifest.csv",
                "processes": corpus / "processes.json",
                "sessions": corpus / "sessions.json",
                "agents": corpus / "agents.json",
                **overrides,
            }
        )
