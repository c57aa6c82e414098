"""Progress while ingesting: a bar redrawn in place on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ingest.report import FileEntry


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.total, self.done, self.pages, self.failed = total, 0, 0, 0
        self.started = time.monotonic()

    def file_done(self, entry: FileEntry) -> None:
        self.done += 1
        self.pages += entry.pages
        self.failed += entry.outcome == "failed"
        if self.tty:
            self._draw()
        else:
            detail = (
                entry.record_id if entry.outcome != "failed" else f"[{entry.stage}] {entry.reason}"
            )
            print(f"{entry.outcome:<9} {entry.path} {detail or ''}".rstrip(), file=self.stream)

    def _draw(self) -> None:
        width = 30
        filled = int(width * self.done / max(1, self.total))
        rate = self.done / max(1e-6, time.monotonic() - self.started)
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(
            f"\r[{bar}] {self.done}/{self.total} files, {self.pages} pages, "
            f"{self.failed} failed, {rate:.1f} files/s "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
