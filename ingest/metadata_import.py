"""`mediarch import-metadata FILE`: an archivist's edited spreadsheet (CSV in any of the
manifest's encodings, XLSX or JSON, in the manifest's columns, as `mediarch export csv --as
staff` writes it) applied to the catalog, row by row. Each row names its record by
`identifier`; a filled cell that differs from the record is a change, an empty cell changes
nothing. Every change is validated by the schema and logged with its old and new value; a row
that would open anything to the public or readers is refused (opening is a release, by two
staff members), as is one the schema refuses: the other rows go on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.access.guard import refusing_to_open
from archive.errors import ArchiveError, NotFound, ValidationFailed
from ingest.manifest import read_manifest

IGNORED = {"file", "identifier", "redact"}


@dataclass
class RowOutcome:
    line: int
    identifier: str | None
    outcome: str  # changed | unchanged | refused
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    reason: str | None = None


def _linked(catalog, agents: list[dict], current: list[dict]) -> list[dict]:
    """The spreadsheet's `Name (role)` agents with their authority links: kept from the record
    where the same name stands with the same role, else the one agent known by that name."""
    known = {(a["name"], a["role"]): a.get("agent") for a in current}
    out = []
    for agent in agents:
        link = known.get((agent["name"], agent["role"]))
        if link is None:
            found = catalog.agents_named(agent["name"])
            link = found[0] if len(found) == 1 else None
        out.append(
            {**({"agent": link} if link else {}), "name": agent["name"], "role": agent["role"]}
        )
    return out


class _DryRun(Exception):
    pass


def import_metadata(
    depository, path: Path, *, actor: str, dry_run: bool = False, now: dt.datetime | None = None
) -> list[RowOutcome]:
    catalog, access = depository.catalog, depository.indexes.access
    now = now or dt.datetime.now(dt.UTC)
    outcomes: list[RowOutcome] = []
    rows = read_manifest(path)
    try:
        with catalog.transaction():
            for row in rows:
                outcomes.append(_apply(catalog, access, row, actor, now))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    if not dry_run:
        depository.indexes.drain(catalog)
    return outcomes


def _apply(catalog, access, row, actor: str, now: dt.datetime) -> RowOutcome:
    identifier = row.record.get("identifier")
    if not identifier:
        return RowOutcome(row.line, None, "refused", reason="identifier: the cell is empty")
    if row.problems:
        reason = "; ".join(str(p) for p in row.problems)
        return RowOutcome(row.line, identifier, "refused", reason=reason)
    try:
        current = catalog.record(identifier)
    except NotFound:
        return RowOutcome(row.line, identifier, "refused", reason="no record with this identifier")
    wanted = {k: v for k, v in row.record.items() if k not in IGNORED}
    if "agents" in wanted:
        wanted["agents"] = _linked(catalog, wanted["agents"], current.get("agents", []))
    changes = {k: v for k, v in wanted.items() if current.get(k) != v}
    if not changes:
        return RowOutcome(row.line, identifier, "unchanged")
    try:
        with (
            catalog.savepoint(f"row_{row.line}"),
            refusing_to_open(catalog, access, [identifier], now),
        ):
            catalog.update_record(identifier, changes, actor=actor)
    except ArchiveError as exc:  # the schema's refusal, or an opening: this row only
        if isinstance(exc, ValidationFailed):
            reason = "; ".join(str(p) for p in exc.problems)
        else:
            reason = str(exc)
        return RowOutcome(row.line, identifier, "refused", reason=reason)
    diff = {k: {"old": current.get(k), "new": v} for k, v in changes.items()}
    return RowOutcome(row.line, identifier, "changed", changes=diff)
