"""`mediarch import-metadata FILE`: an archivist's edited spreadsheet (CSV in any of the
manifest's encodings, XLSX or JSON, in the manifest's columns, as `mediarch export csv --as
staff` writes it) applied to the catalog, row by row. Each row names its record by
`identifier`; a filled cell that differs from the record is a change, an empty cell changes
nothing. Every change is validated by the schema and logged with its old and new value; a row
that would open anything to the public or any audience below staff is refused (opening is a release, by two
staff members), as is one the schema refuses: the other rows go on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from archive.editing import RowOutcome, apply_rows
from ingest.manifest import read_manifest

__all__ = ["RowOutcome", "import_metadata"]


def import_metadata(
    depository, path: Path, *, actor: str, dry_run: bool = False, now: dt.datetime | None = None
) -> list[RowOutcome]:
    """Read the spreadsheet as a manifest is read and apply its rows (archive/editing.py, the
    one editing path, which the staff form uses too)."""
    return apply_rows(depository, read_manifest(path), actor=actor, dry_run=dry_run, now=now)
