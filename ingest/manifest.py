"""The manifest: one row per file, its columns the schema's field names.

Lists are separated by `;`; vocabulary columns take a code or either label (normalized by the
schema); `agents` holds `Name (role); Name (role)`. An empty cell means "not given".
This module reads rows into record descriptions and names every problem by column.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive import schema
from archive.errors import Problem

LIST_SEPARATOR = ";"
LIST_COLUMNS = frozenset({"languages", "subjects", "places"})
# Columns a manifest may carry: `file` plus the record fields a spreadsheet cell can hold.
RECORD_COLUMNS = frozenset(schema.schema("record")["properties"]) - {
    "files",
    "extent",
    "redactions",
}
COLUMNS = RECORD_COLUMNS | {"file"}
DEFAULT_ROLE = "participant"
_AGENT = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")


@dataclass
class ManifestRow:
    line: int
    file: str
    record: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def parse_agents(cell: str) -> list[dict[str, str]]:
    agents = []
    for part in split_list(cell):
        m = _AGENT.match(part)
        name, role = (m.group("name"), m.group("role").strip()) if m else (part, DEFAULT_ROLE)
        agents.append({"name": name.strip(), "role": role or DEFAULT_ROLE})
    return agents


def row_to_record(row: dict[str, str | None], line: int) -> ManifestRow:
    """A manifest row as a record description (labels already turned into codes), with a
    problem for each unknown column or value the schema refuses."""
    problems = [
        Problem(column, "unknown column")
        for column in row
        if column is not None and column not in COLUMNS
    ]
    record: dict[str, Any] = {}
    for column, raw in row.items():
        cell = (raw or "").strip() if isinstance(raw, str) else ""
        if column not in RECORD_COLUMNS or not cell:
            continue
        if column in LIST_COLUMNS:
            record[column] = split_list(cell)
        elif column == "agents":
            record[column] = parse_agents(cell)
        else:
            record[column] = cell
    return ManifestRow(
        line, (row.get("file") or "").strip(), schema.normalize("record", record), problems
    )


def read_manifest(path: Path) -> list[ManifestRow]:
    """Rows of a CSV manifest in UTF-8 (with or without BOM); line numbers count the header."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        return [row_to_record(row, line) for line, row in enumerate(reader, start=2)]


def read_descriptions(path: Path) -> list[dict[str, Any]]:
    """A JSON array of process, session or agent descriptions."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON array of descriptions")
    return data
