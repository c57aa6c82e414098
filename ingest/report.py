"""The ingest report: one entry per file (what happened, how far it got, why), a summary an
archivist reads at a glance, and the JSON `{"summary": …, "files": […]}` for tools."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

OUTCOMES = ("ingested", "duplicate", "failed", "not_tried")  # not tried: the run stopped at a fault


@dataclass
class FileEntry:
    path: str
    outcome: str = "failed"
    record_id: str | None = None
    stage: str = "walk"
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    format: str | None = None
    languages: list[str] = field(default_factory=list)
    pages: int = 0
    attachments: int = 0  # e-mail attachments kept as records of their own
    seconds: dict[str, float] = field(default_factory=dict)  # time by stage

    def as_data(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestReport:
    folder: str
    files: list[FileEntry] = field(default_factory=list)
    seconds: float = 0.0
    fault: str | None = None  # the fault of the environment the run stopped at, if any

    def summary(self) -> dict[str, Any]:
        outcomes = Counter(f.outcome for f in self.files)
        ingested = [f for f in self.files if f.outcome == "ingested"]
        return {
            "folder": self.folder,
            "files": len(self.files),
            **{o: outcomes.get(o, 0) for o in OUTCOMES},
            "pages": sum(f.pages for f in ingested),
            "records": len(ingested) + sum(f.attachments for f in ingested),
            "attachments": sum(f.attachments for f in ingested),
            "seconds": round(self.seconds, 2),
            "by_format": dict(sorted(Counter(f.format or "unknown" for f in ingested).items())),
            "by_language": dict(
                sorted(Counter("+".join(sorted(f.languages)) or "none" for f in ingested).items())
            ),
            "warnings": sum(len(f.warnings) for f in self.files),
        }

    @property
    def exit_code(self) -> int:
        return 1 if self.fault or any(f.outcome == "failed" for f in self.files) else 0

    def as_data(self) -> dict[str, Any]:
        data = {"summary": self.summary(), "files": [f.as_data() for f in self.files]}
        if self.fault:
            data["fault"] = self.fault
        return data

    def write(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(
            json.dumps(self.as_data(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        tmp.replace(path)

    def text_summary(self) -> str:
        s = self.summary()
        lines = [
            f"ingested {s['ingested']}, duplicates {s['duplicate']}, failed {s['failed']} "
            f"of {s['files']} files ({s['pages']} pages, {s['seconds']} s)",
        ]
        if s["attachments"]:
            lines.append(
                f"  {s['records']} new records: one a file, and {s['attachments']} e-mail "
                "attachment(s) kept as records of their own"
            )
        if s["by_format"]:
            lines.append("  by format: " + ", ".join(f"{k} {v}" for k, v in s["by_format"].items()))
        if s["by_language"]:
            lines.append(
                "  by language: " + ", ".join(f"{k} {v}" for k, v in s["by_language"].items())
            )
        for f in self.files:
            if f.outcome == "failed":
                lines.append(f"  failed {f.path} [{f.stage}]: {f.reason}")
        if s["not_tried"]:
            lines.append(
                f"  not tried: {s['not_tried']} files (the run stopped at the fault below)"
            )
        return "\n".join(lines)
