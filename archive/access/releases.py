"""Early release of an embargoed record: proposed by one staff member, approved by another.

An approved release opens the record to its access level at once, whatever its embargo and
its rules say; a redacted release opens the redacted text only (and never the original file),
so the record must have its redactions marked first. Who, when and on what basis is logged."""

from __future__ import annotations

from dataclasses import dataclass

from archive.access.users import UserError, Users
from archive.audiences import INSIDERS as STAFF_ROLES
from archive.catalog import Catalog, timestamp
from archive.errors import ArchiveError


class ReleaseError(ArchiveError):
    pass


@dataclass(frozen=True)
class Release:
    record_id: str
    proposed_by: str
    proposed_at: str
    redacted: bool
    basis: str
    approved_by: str | None
    approved_at: str | None


def require_staff(catalog: Catalog, name: str) -> None:
    try:
        user = Users(catalog).get(name)
    except UserError:
        raise ReleaseError(
            f"{name!r} is not a user of this depository", code="user_unknown", name=name
        ) from None
    if user.role not in STAFF_ROLES or user.status != "active":
        raise ReleaseError(f"{name!r} is not an active staff member", code="not_staff", name=name)


def releases(catalog: Catalog, record_id: str) -> list[Release]:
    return [_release(r) for r in catalog.releases_of(record_id)]


def approved_release(catalog: Catalog, record_id: str) -> Release | None:
    found = [r for r in releases(catalog, record_id) if r.approved_at]
    return found[-1] if found else None


def propose(
    catalog: Catalog, record_id: str, *, by: str, redacted: bool = False, basis: str = ""
) -> Release:
    require_staff(catalog, by)
    record = catalog.record(record_id)
    if redacted and not record.get("redactions"):
        raise ReleaseError(
            f"{record_id}: a redacted release needs the redactions marked first (no field or"
            " passage of this record is marked)",
            code="no_redactions",
            record=record_id,
        )
    now = timestamp()
    with catalog.transaction():
        pending = [r for r in releases(catalog, record_id) if not r.approved_at]
        if pending:
            raise ReleaseError(
                f"{record_id}: a release proposed by {pending[-1].proposed_by} waits for approval",
                code="release_waiting",
                record=record_id,
                by=pending[-1].proposed_by,
            )
        catalog.add_release(record_id, by=by, at=now, redacted=redacted, basis=basis)
        catalog.log(
            "release_proposed",
            "record",
            record_id,
            actor=by,
            detail={"redacted": redacted, "basis": basis},
        )
    return releases(catalog, record_id)[-1]


def approve(catalog: Catalog, record_id: str, *, by: str) -> Release:
    require_staff(catalog, by)
    with catalog.transaction():
        pending = [r for r in releases(catalog, record_id) if not r.approved_at]
        if not pending:
            raise ReleaseError(
                f"{record_id}: no release waits for approval", code="no_release", record=record_id
            )
        proposal = pending[-1]
        if proposal.proposed_by == by:
            raise ReleaseError(
                f"{record_id}: {by} proposed this release; another staff member must approve it",
                code="own_release",
                record=record_id,
                by=by,
            )
        now = timestamp()
        catalog.approve_release(record_id, proposal.proposed_at, by=by, at=now)
        detail = {
            "proposed_by": proposal.proposed_by,
            "proposed_at": proposal.proposed_at,
            "redacted": proposal.redacted,
            "basis": proposal.basis,
            "applied_at": now,
        }
        if catalog.record(record_id).get("status") != "published":  # a draft: published by it
            catalog.update_record(record_id, {"status": "published"}, actor=by)
        catalog.log("release_approved", "record", record_id, actor=by, detail=detail)
        catalog.log("released", "record", record_id, actor=by, detail=detail)
        # the embargo's own lifting has nothing left to open
        catalog.settle_transitions(record_id, now)
        catalog.requeue([record_id])
    return releases(catalog, record_id)[-1]


def waiting(catalog: Catalog) -> list[Release]:
    """The release queue: proposals no one has approved yet, oldest first."""
    return [_release(r) for r in catalog.pending_releases()]


def _release(row: tuple) -> Release:
    return Release(row[0], row[1], row[2], bool(row[3]), row[4], row[5], row[6])
