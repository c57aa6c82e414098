"""Progress shows as a bar redrawn in place on a terminal and as one line per file otherwise."""

from __future__ import annotations

import io

from ingest.progress import Progress
from ingest.report import FileEntry


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _entries():
    return [
        FileEntry("a.pdf", "ingested", "a-1", "done", pages=3),
        FileEntry("b.pdf", "failed", "b-1", "extract", "encrypted: the PDF needs a password"),
    ]


def test_a_terminal_gets_a_bar_with_files_pages_failures_and_rate():
    stream = _Terminal()
    progress = Progress(2, stream)
    for entry in _entries():
        progress.file_done(entry)
    progress.close()
    out = stream.getvalue()
    assert out.count("\r") == 2 and out.endswith("\n")
    assert "2/2 files, 3 pages, 1 failed" in out and "files/s" in out


def test_a_log_gets_one_plain_line_per_file():
    stream = io.StringIO()
    progress = Progress(2, stream)
    for entry in _entries():
        progress.file_done(entry)
    progress.close()
    assert stream.getvalue().splitlines() == [
        "ingested  a.pdf a-1",
        "failed    b.pdf [extract] encrypted: the PDF needs a password",
    ]
