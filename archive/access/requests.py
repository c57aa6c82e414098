"""Readers' requests for access to a record listed but closed to them. Staff answer each: a
refusal with its reason, or a release proposed on the request's basis (which another staff
member must approve, as for any release). Asked and answered are both in the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from archive.access import releases
from archive.catalog import Catalog, timestamp
from archive.errors import ArchiveError, NotFound

ANSWERS = ("release_proposed", "refused")


class RequestError(ArchiveError):
    pass


@dataclass(frozen=True)
class AccessRequest:
    id: int
    record_id: str
    user_name: str
    reason: str
    asked_at: str
    answer: str | None
    note: str
    answered_by: str | None
    answered_at: str | None


_COLUMNS = "id, record_id, user_name, reason, asked_at, answer, note, answered_by, answered_at"


def _rows(catalog: Catalog, where: str, args: tuple) -> list[AccessRequest]:
    rows = catalog.conn.execute(
        f"SELECT {_COLUMNS} FROM access_requests WHERE {where} ORDER BY id", args
    )
    return [AccessRequest(*r) for r in rows]


def ask(catalog: Catalog, record_id: str, *, user: str, reason: str) -> AccessRequest:
    reason = reason.strip()
    if not reason:
        raise RequestError("say why you need this record")
    catalog.record(record_id)  # NotFound for a record that is not there
    with catalog.transaction():
        if _rows(catalog, "record_id = ? AND user_name = ? AND answer IS NULL", (record_id, user)):
            raise RequestError(f"{record_id}: your request waits for an answer already")
        cursor = catalog.conn.execute(
            "INSERT INTO access_requests (record_id, user_name, reason, asked_at)"
            " VALUES (?, ?, ?, ?)",
            (record_id, user, reason[:4000], timestamp()),
        )
        catalog.log(
            "access_requested", "record", record_id, actor=user, detail={"reason": reason[:4000]}
        )
    return get(catalog, cursor.lastrowid)


def get(catalog: Catalog, request_id: int) -> AccessRequest:
    found = _rows(catalog, "id = ?", (request_id,))
    if not found:
        raise NotFound("access request", str(request_id))
    return found[0]


def waiting(catalog: Catalog) -> list[AccessRequest]:
    return _rows(catalog, "answer IS NULL", ())


def of_user(catalog: Catalog, user: str) -> list[AccessRequest]:
    return _rows(catalog, "user_name = ?", (user,))


def answer(
    catalog: Catalog, request_id: int, *, by: str, answer: str, note: str = ""
) -> AccessRequest:
    if answer not in ANSWERS:
        raise RequestError(f"{answer!r}: an answer is one of {', '.join(ANSWERS)}")
    note = note.strip()[:4000]
    if answer == "refused" and not note:
        raise RequestError("a refusal needs its reason")
    with catalog.transaction():
        asked = get(catalog, request_id)
        if asked.answer:
            raise RequestError(f"request {request_id} was answered by {asked.answered_by}")
        if answer == "release_proposed":
            basis = f"access request {request_id} by {asked.user_name}: {asked.reason}"
            if note:
                basis += f" ({note})"
            releases.propose(catalog, asked.record_id, by=by, basis=basis)
        else:
            releases.require_staff(catalog, by)
        catalog.conn.execute(
            "UPDATE access_requests SET answer = ?, note = ?, answered_by = ?, answered_at = ?"
            " WHERE id = ?",
            (answer, note, by, timestamp(), request_id),
        )
        catalog.log(
            "access_request_answered",
            "record",
            asked.record_id,
            actor=by,
            detail={"request": request_id, "user": asked.user_name, "answer": answer, "note": note},
        )
    return get(catalog, request_id)
