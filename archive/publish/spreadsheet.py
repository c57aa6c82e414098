"""Records as a spreadsheet in the manifest's columns (CSV, UTF-8 with a byte-order mark, so
spreadsheet programs open Arabic correctly), as an audience may see them: the archivist's
export for editing (as staff) and the public's (as the public)."""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = (
    "file",
    "identifier",
    "title_en",
    "title_ar",
    "date",
    "date_end",
    "document_type",
    "languages",
    "collection",
    "process",
    "session",
    "part_of",
    "agents",
    "places",
    "subjects",
    "abstract_en",
    "abstract_ar",
    "provenance",
    "rights",
    "status",
    "access",
    "embargo_until",
    "description_visibility",
)
LISTS = ("languages", "places", "subjects")


def row(record: dict[str, Any], files_shown: bool) -> dict[str, str]:
    out = {}
    for column in COLUMNS:
        if column == "file":
            files = record.get("files") or []
            out[column] = (
                files[0].get("source_path") or files[0]["original_name"]
                if files and files_shown
                else ""
            )
        elif column == "agents":
            out[column] = "; ".join(f"{a['name']} ({a['role']})" for a in record.get("agents", []))
        elif column in LISTS:
            out[column] = "; ".join(record.get(column, []))
        else:
            value = record.get(column)
            out[column] = "" if value is None else str(value)
    return out


def records_csv(views) -> bytes:
    """`views`: RecordView objects (those the audience may see), in the order to write."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for view in views:
        writer.writerow(row(view.record, view.files))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
