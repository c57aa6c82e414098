"""The manifest: one row per file, its columns the schema's field names.

Lists are separated by `;`; vocabulary columns take a code or either label (normalized by the
schema); `agents` holds `Name (role); Name (role)`. An empty cell means "not given".
`redact` marks what audiences below staff must not read: field names and passages of the text
in double quotes (`abstract_en; "the passage"`), located in the extracted text at deposit.
This module reads rows into record descriptions and names every problem by column.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive import schema
from archive.errors import ArchiveError, Problem
from ingest.decoding import decode

LIST_SEPARATOR = ";"
LIST_COLUMNS = frozenset({"languages", "subjects", "places"})
# Columns a manifest may carry: `file` plus the record fields a spreadsheet cell can hold.
RECORD_COLUMNS = frozenset(schema.schema("record")["properties"]) - {
    "files",
    "extent",
    "redactions",
}
COLUMNS = RECORD_COLUMNS | {"file", "redact"}
DEFAULT_ROLE = "participant"
_AGENT = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")


@dataclass
class ManifestRow:
    line: int
    file: str
    record: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    redact_fields: list[str] = field(default_factory=list)
    redact_passages: list[str] = field(default_factory=list)


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def parse_agents(cell: str | list) -> list[dict[str, str]]:
    if isinstance(cell, list):  # JSON: [{"name", "role"}] or ["Name (role)"]
        return [a if isinstance(a, dict) else parse_agents(str(a))[0] for a in cell]
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
    fields, passages = parse_redact(row.get("redact"))
    unknown = [f for f in fields if f not in _REDACTABLE]
    problems += [Problem("redact", f"{f!r} is not a field that can be redacted") for f in unknown]
    for column, raw in row.items():
        if column == "agents" and isinstance(raw, list):
            record[column] = parse_agents(raw)
            continue
        cell = str(raw).strip() if raw is not None else ""
        if column not in RECORD_COLUMNS or not cell:
            continue
        if column in LIST_COLUMNS:
            record[column] = split_list(cell)
        elif column == "agents":
            record[column] = parse_agents(cell)
        else:
            record[column] = cell
    return ManifestRow(
        line,
        (row.get("file") or "").strip(),
        schema.normalize("record", record),
        problems,
        fields,
        passages,
    )


# What a record is known by in every listing: redacting it would leave nothing to list.
_NEVER_REDACTED = frozenset(
    {"identifier", "title_en", "title_ar", "document_type", "status", "access"}
)
_REDACTABLE = (RECORD_COLUMNS | {"text"}) - _NEVER_REDACTED
_REDACT_ITEM = re.compile(r'\s*(?:"(?P<passage>[^"]+)"|(?P<field>[^";]+))\s*(?:;|$)')


def parse_redact(cell: Any) -> tuple[list[str], list[str]]:
    """The fields and quoted passages of a `redact` cell (a list in a JSON manifest)."""
    if not cell:
        return [], []
    items = cell if isinstance(cell, list) else None
    fields, passages = [], []
    if items is not None:
        for item in items:
            text = str(item).strip()
            if text.startswith('"') and text.endswith('"') and len(text) > 1:
                passages.append(text[1:-1])
            elif text:
                fields.append(text)
        return fields, passages
    for m in _REDACT_ITEM.finditer(str(cell).strip()):
        if m.group("passage"):
            passages.append(m.group("passage"))
        elif m.group("field") and m.group("field").strip():
            fields.append(m.group("field").strip())
    return fields, passages


class ManifestError(ArchiveError):
    """A manifest that cannot be read at all (as opposed to a row with a problem)."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    text = decode(path.read_bytes()).text
    header = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or "file" not in [f.strip() for f in reader.fieldnames]:
        raise ManifestError(path, "no `file` column in the header")
    return [
        {(k or "").strip() if k is not None else None: v for k, v in row.items()} for row in reader
    ]


def _xlsx_rows(path: Path) -> list[dict[str, Any]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook
        raise ManifestError(path, f"not a readable XLSX workbook: {exc}") from None
    sheet = book.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    book.close()
    if not values:
        return []
    header = [str(h).strip() if h is not None else "" for h in values[0]]
    rows = []
    for raw in values[1:]:
        if all(v is None or str(v).strip() == "" for v in raw):
            continue
        rows.append({h: _cell(v) for h, v in zip(header, raw, strict=False) if h})
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    return str(value)


def _json_rows(path: Path) -> list[dict[str, Any]]:
    data = json.loads(decode(path.read_bytes()).text)
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        data = data["records"]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ManifestError(path, "a JSON manifest is an array of objects, one per file")
    return [
        {
            k: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) and k != "agents" else v
            for k, v in row.items()
        }
        for row in data
    ]


def read_manifest(path: Path) -> list[ManifestRow]:
    """Rows of a manifest: CSV (UTF-8 with or without BOM, UTF-16, Windows-1256; comma, tab or
    semicolon separated), XLSX or JSON. Line numbers count the header as line 1."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ManifestError(path, f"cannot be read: {exc.strerror}") from None
    try:
        if head.startswith(b"PK\x03\x04"):
            rows = _xlsx_rows(path)
        elif head.lstrip(b"\xef\xbb\xbf \r\n\t")[:1] in (b"[", b"{"):
            rows = _json_rows(path)
        else:
            rows = _csv_rows(path)
    except (json.JSONDecodeError, csv.Error) as exc:
        raise ManifestError(path, f"cannot be parsed: {exc}") from None
    return [row_to_record(row, line) for line, row in enumerate(rows, start=2)]


def read_descriptions(path: Path) -> list[dict[str, Any]]:
    """A JSON array of process, session or agent descriptions."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON array of descriptions")
    return data
