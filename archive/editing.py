"""Editing descriptions: the one path by which staff change a record, a process, a session or
an agent after ingest, whether from the staff form (`webui/staff.py`) or from an edited
spreadsheet (`mediarch import-metadata`, `ingest/metadata_import.py` reads the file).

Every edit is validated by the schema and logged by the catalog. It is refused when it would
open anything to the public or any audience below staff (opening is a release, proposed by one staff member and
approved by another: `archive/access/guard.py`), and, where the editor says which version they
started from, when someone saved the description in between. A refused edit changes nothing:
it runs in a transaction of its own, or in a savepoint of the caller's (a spreadsheet's other
rows go on)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from archive.access.guard import refusing_to_open
from archive.errors import ArchiveError, NotFound, ValidationFailed

KINDS = ("record", "process", "session", "agent")
IGNORED = {"file", "identifier", "redact"}  # a spreadsheet's columns that edit nothing


class EditedMeanwhile(ArchiveError):
    """Someone saved the description after the editor read it."""

    def __init__(self, kind: str, identifier: str):
        self.kind, self.identifier = kind, identifier
        super().__init__(
            f"{kind} {identifier}: saved by someone else since it was read",
            code="edited_meanwhile",
            kind=kind,
            identifier=identifier,
        )


def version(description: dict[str, Any]) -> str:
    """What an editor started from, to notice a change saved in between."""
    dumped = json.dumps(description, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(dumped.encode("utf-8")).hexdigest()[:16]


def described(catalog, kind: str, identifier: str) -> dict[str, Any]:
    """The description as the catalog holds it (NotFound for none)."""
    if kind not in KINDS:
        raise NotFound(kind, identifier)
    return getattr(catalog, kind)(identifier)


def save(
    catalog,
    access,
    kind: str,
    identifier: str,
    wanted: dict[str, Any],
    *,
    actor: str,
    now: dt.datetime,
    base: str | None = None,
    savepoint: str | None = None,
) -> None:
    """Save one edit: for a record, the fields to change (None removes one); for a process, a
    session or an agent, the whole description. Refused (EditedMeanwhile, WouldOpen, the
    schema's ValidationFailed) with nothing changed; in the savepoint `savepoint` of the
    caller's transaction where named, else in a transaction of its own."""
    unit = catalog.savepoint(savepoint) if savepoint else catalog.transaction()
    with unit:
        if base is not None and version(described(catalog, kind, identifier)) != base:
            raise EditedMeanwhile(kind, identifier)
        affected = [identifier] if kind == "record" else catalog.dependents(kind, identifier)
        with refusing_to_open(catalog, access, affected, now):
            if kind == "record":
                catalog.update_record(identifier, wanted, actor=actor)
            else:
                getattr(catalog, f"put_{kind}")(wanted, actor=actor)


# -- a spreadsheet of edits ------------------------------------------------------------------
@dataclass
class RowOutcome:
    line: int
    identifier: str | None
    outcome: str  # changed | unchanged | refused
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    reason: str | None = None


class _DryRun(Exception):
    pass


def apply_rows(
    depository, rows, *, actor: str, dry_run: bool = False, now: dt.datetime | None = None
) -> list[RowOutcome]:
    """Apply a spreadsheet's rows (each with `line`, `record` and `problems`, as the manifest
    reader gives them) in one transaction, each row in a savepoint of its own: a refused row
    is undone and the others go on. With `dry_run`, nothing is kept."""
    catalog, access = depository.catalog, depository.indexes.access
    now = now or dt.datetime.now(dt.UTC)
    outcomes: list[RowOutcome] = []
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
        save(
            catalog,
            access,
            "record",
            identifier,
            changes,
            actor=actor,
            now=now,
            savepoint=f"row_{row.line}",
        )
    except ArchiveError as exc:  # the schema's refusal, or an opening: this row only
        if isinstance(exc, ValidationFailed):
            reason = "; ".join(str(p) for p in exc.problems)
        else:
            reason = str(exc)
        return RowOutcome(row.line, identifier, "refused", reason=reason)
    diff = {k: {"old": current.get(k), "new": v} for k, v in changes.items()}
    return RowOutcome(row.line, identifier, "changed", changes=diff)
