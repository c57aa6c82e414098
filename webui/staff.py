"""Where staff work: the desk (what waits for them), readers to approve, access requests, the
release queue, editing descriptions and access, agents to review and merge, uploads that
become ingest jobs, and the audit log. Staff and admins only; every form carries the CSRF
token; every change goes through the catalog, which logs it, and is in the indexes before the
answer returns."""

from __future__ import annotations

import functools
import sys
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)

from archive import agents as agent_work
from archive import jobs
from archive.access import releases
from archive.access import requests as access_requests
from archive.access.policy import sees_everything
from archive.access.users import Users
from archive.audiences import INSIDERS as STAFF_ROLES
from archive.errors import ArchiveError, NotFound
from webui.authorities import known

staff = Blueprint("staff", __name__)
KINDS = {"records": "record", "processes": "process", "sessions": "session", "agents": "agent"}
UPLOAD_NAMES = ("manifest", "processes", "sessions", "agents")


def staff_only(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            if request.path.endswith(".json"):
                abort(401)
            return redirect(url_for("auth.signin", next=request.path))
        if g.user.role not in STAFF_ROLES:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def _twin(template: str, data: dict[str, Any], **extra: Any):
    if request.path.endswith(".json"):
        return jsonify(data)
    return render_template(template, data=data, **extra)


def _catalog():
    return g.site.depository.catalog


def _whole(record_id: str) -> bool:
    """Whether the signed-in member sees the record whole (staff do not see the records kept
    for admins, here as anywhere); asked once per record and request."""
    seen = g.setdefault("whole", {})
    if record_id not in seen:
        catalog = _catalog()
        try:
            record = catalog.record(record_id)
        except NotFound:
            seen[record_id] = False
        else:
            seen[record_id] = sees_everything(g.audience, g.site.access.facts(catalog, record))
    return seen[record_id]


def _job_shown(created_by: str) -> bool:
    """Whether the signed-in member may read an ingest job: staff do not read the jobs an
    admin queued (their reports name files, records, agents and processes kept for admins)."""
    if g.audience == "admin":
        return True
    try:
        return Users(_catalog()).get(created_by).role != "admin"
    except ArchiveError:  # no such user (a command line's job): not an admin's
        return True


def _shown_event(event) -> bool:
    """Whether the signed-in member may read an event of the audit log: not one about a
    record it does not see whole, nor about an authority it does not know."""
    if event.subject_type == "record" and event.subject_id:
        return _whole(event.subject_id)
    if event.subject_type in ("agent", "process", "session") and event.subject_id:
        return known()(event.subject_type, event.subject_id)
    if event.subject_type == "job" and event.subject_id:
        try:
            return _job_shown(jobs.get(_catalog(), int(event.subject_id)).created_by)
        except (ArchiveError, ValueError):
            return False
    return True


def _job_data(job) -> dict[str, Any]:
    return {
        **vars(job),
        "url": url_for("staff.job", job_id=job.id),
    }


def _drain() -> None:
    """A change is in every audience's index before the answer returns: a closing is never
    late, and staff see what they did. Should the indexes fail, the change stays saved and
    queued, and the scheduler applies it (a closing is applied before the next request's
    answer by the site's refresh, which drains too)."""
    try:
        g.site.depository.indexes.drain(_catalog())
    except Exception as exc:
        print(f"mediarch: drain after an edit failed: {exc!r}", file=sys.stderr)
        flash(g.t["indexing_pending"])


@staff.route("/staff")
@staff.route("/staff.json", endpoint="desk_json")
@staff_only
def desk():
    catalog = _catalog()
    data = {
        "readers_waiting": len(Users(catalog).pending()),
        "requests_waiting": len(
            [r for r in access_requests.waiting(catalog) if _whole(r.record_id)]
        ),
        "releases_waiting": len([r for r in releases.waiting(catalog) if _whole(r.record_id)]),
        "agents_to_review": len(known().only("agent", agent_work.needing_review(catalog))),
        "jobs": [_job_data(j) for j in jobs.listed(catalog, limit=50) if _job_shown(j.created_by)][
            :5
        ],
    }
    return _twin("staff/desk.html", data)


# -- readers -------------------------------------------------------------------------------
@staff.route("/staff/readers")
@staff.route("/staff/readers.json", endpoint="readers_json")
@staff_only
def readers():
    users = Users(_catalog())
    data = {
        "waiting": [{**vars(u), "profile": users.profile(u.name)} for u in users.pending()],
        "users": [vars(u) for u in users.list()],
    }
    return _twin("staff/readers.html", data)


@staff.route("/staff/readers/<name>/approve", methods=["POST"])
@staff_only
def approve_reader(name: str):
    try:
        Users(_catalog()).approve_reader(name, actor=g.user.name)
    except ArchiveError as exc:
        flash(g.t.error(exc))
    else:
        flash(g.t["reader_approved"].format(name=name))
    return redirect(url_for("staff.readers"))


# -- access requests -------------------------------------------------------------------------
@staff.route("/staff/requests")
@staff.route("/staff/requests.json", endpoint="requests_json")
@staff_only
def requests_waiting():
    catalog = _catalog()
    waiting = [r for r in access_requests.waiting(catalog) if _whole(r.record_id)]
    data = {"waiting": [_request_data(r) for r in waiting]}
    return _twin("staff/requests.html", data)


def _request_data(r) -> dict[str, Any]:
    record = _catalog().record(r.record_id)
    return {**vars(r), "title_en": record.get("title_en"), "title_ar": record.get("title_ar")}


@staff.route("/staff/requests/<int:request_id>", methods=["POST"])
@staff_only
def answer_request(request_id: int):
    try:
        asked = access_requests.get(_catalog(), request_id)
    except ArchiveError:
        abort(404)
    if not _whole(asked.record_id):
        abort(404)
    try:
        access_requests.answer(
            _catalog(),
            request_id,
            by=g.user.name,
            answer=request.form.get("answer", ""),
            note=request.form.get("note", ""),
        )
    except ArchiveError as exc:
        flash(g.t.error(exc))
    else:
        flash(g.t["request_answered"])
    return redirect(url_for("staff.requests_waiting"))


# -- releases --------------------------------------------------------------------------------
@staff.route("/staff/releases")
@staff.route("/staff/releases.json", endpoint="releases_json")
@staff_only
def release_queue():
    catalog = _catalog()
    waiting = []
    for r in releases.waiting(catalog):
        if not _whole(r.record_id):
            continue
        record = catalog.record(r.record_id)
        waiting.append(
            {**vars(r), "title_en": record.get("title_en"), "title_ar": record.get("title_ar")}
        )
    return _twin("staff/releases.html", {"waiting": waiting})


@staff.route("/staff/releases/<identifier>/propose", methods=["POST"])
@staff_only
def propose_release(identifier: str):
    if not _whole(identifier):
        abort(404)
    try:
        releases.propose(
            _catalog(),
            identifier,
            by=g.user.name,
            redacted=bool(request.form.get("redacted")),
            basis=request.form.get("basis", ""),
        )
    except ArchiveError as exc:
        flash(g.t.error(exc))
    else:
        flash(g.t["release_proposed"])
    return redirect(url_for("staff.edit", kind="records", identifier=identifier))


@staff.route("/staff/releases/<identifier>/approve", methods=["POST"])
@staff_only
def approve_release(identifier: str):
    if not _whole(identifier):
        abort(404)
    try:
        releases.approve(_catalog(), identifier, by=g.user.name)
    except ArchiveError as exc:
        flash(g.t.error(exc))
    else:
        _drain()
        flash(g.t["release_approved"])
    return redirect(url_for("staff.release_queue"))


# -- the audit log ---------------------------------------------------------------------------
@staff.route("/staff/audit")
@staff.route("/staff/audit.json", endpoint="audit_json")
@staff_only
def audit():
    kind = request.args.get("kind") or None
    subject = request.args.get("subject") or None
    actor = request.args.get("actor") or None
    events = _catalog().recent_events(kind=kind, subject_id=subject, actor=actor)
    events = [e for e in events if _shown_event(e)]
    data = {
        "filters": {"kind": kind, "subject": subject, "actor": actor},
        "events": [vars(e) for e in events],
    }
    return _twin("staff/audit.html", data)


# the routes of the other staff pages, on this blueprint (imported last: they import it)
from webui import staff_edit, staff_uploads  # noqa: E402, F401
