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


def ask(catalog: Catalog, record_id: str, *, user: str, reason: str) -> AccessRequest:
    reason = reason.strip()
    if not reason:
        raise RequestError("say why you need this record", code="request_reason")
    catalog.record(record_id)  # NotFound for a record that is not there
    with catalog.transaction():
        if catalog.access_request_waits(record_id, user):
            raise RequestError(
                f"{record_id}: your request waits for an answer already",
                code="request_waiting",
                record=record_id,
            )
        request_id = catalog.add_access_request(
            record_id, user=user, reason=reason[:4000], at=timestamp()
        )
        catalog.log(
            "access_requested", "record", record_id, actor=user, detail={"reason": reason[:4000]}
        )
    return get(catalog, request_id)


def get(catalog: Catalog, request_id: int) -> AccessRequest:
    row = catalog.access_request(request_id)
    if row is None:
        raise NotFound("access request", str(request_id))
    return AccessRequest(*row)


def waiting(catalog: Catalog) -> list[AccessRequest]:
    return [AccessRequest(*r) for r in catalog.waiting_access_requests()]


def of_user(catalog: Catalog, user: str) -> list[AccessRequest]:
    return [AccessRequest(*r) for r in catalog.access_requests_of(user)]


def answer(
    catalog: Catalog, request_id: int, *, by: str, answer: str, note: str = ""
) -> AccessRequest:
    if answer not in ANSWERS:
        raise RequestError(
            f"{answer!r}: an answer is one of {', '.join(ANSWERS)}",
            code="request_answer",
            answer=answer,
        )
    note = note.strip()[:4000]
    if answer == "refused" and not note:
        raise RequestError("a refusal needs its reason", code="refusal_reason")
    with catalog.transaction():
        asked = get(catalog, request_id)
        if asked.answer:
            raise RequestError(
                f"request {request_id} was answered by {asked.answered_by}",
                code="request_answered",
                request=request_id,
                by=asked.answered_by,
            )
        if answer == "release_proposed":
            basis = f"access request {request_id} by {asked.user_name}: {asked.reason}"
            if note:
                basis += f" ({note})"
            releases.propose(catalog, asked.record_id, by=by, basis=basis)
        else:
            releases.require_staff(catalog, by)
        catalog.answer_access_request(request_id, answer=answer, note=note, by=by, at=timestamp())
        catalog.log(
            "access_request_answered",
            "record",
            asked.record_id,
            actor=by,
            detail={"request": request_id, "user": asked.user_name, "answer": answer, "note": note},
        )
    return get(catalog, request_id)
