"""Where staff work: the desk (what waits for them), readers to approve, access requests, the
release queue, editing descriptions and access, agents to review and merge, uploads that
become ingest jobs, and the audit log. Staff and admins only; every form carries the CSRF
token; every change goes through the catalog, which logs it, and is in the indexes before the
answer returns."""

from __future__ import annotations

import functools
import shutil
import zipfile
from pathlib import Path, PurePosixPath
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
from archive.access.users import Users
from archive.catalog import timestamp
from archive.errors import ArchiveError, NotFound, Problem, ValidationFailed
from webui import forms
from webui.schedule import start_job_runner

staff = Blueprint("staff", __name__)
STAFF_ROLES = ("staff", "admin")
KINDS = {"records": "record", "processes": "process", "sessions": "session", "agents": "agent"}
UPLOAD_NAMES = ("manifest", "processes", "sessions", "agents")
MAX_ZIP_MEMBERS = 20000
MAX_ZIP_BYTES = 4 * 1024**3


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


def _drain() -> None:
    """A change is in every audience's index before the answer returns: a closing is never
    late, and staff see what they did."""
    g.site.depository.indexes.drain(_catalog())


@staff.route("/staff")
@staff.route("/staff.json", endpoint="desk_json")
@staff_only
def desk():
    catalog = _catalog()
    data = {
        "readers_waiting": len(Users(catalog).pending()),
        "requests_waiting": len(access_requests.waiting(catalog)),
        "releases_waiting": len(releases.waiting(catalog)),
        "agents_to_review": len(agent_work.needing_review(catalog)),
        "jobs": [_job_data(j) for j in jobs.listed(catalog, limit=5)],
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
        Users(_catalog()).approve(name, actor=g.user.name)
    except ArchiveError as exc:
        flash(str(exc))
    else:
        flash(g.t["reader_approved"].format(name=name))
    return redirect(url_for("staff.readers"))


# -- access requests -------------------------------------------------------------------------
@staff.route("/staff/requests")
@staff.route("/staff/requests.json", endpoint="requests_json")
@staff_only
def requests_waiting():
    catalog = _catalog()
    data = {"waiting": [_request_data(r) for r in access_requests.waiting(catalog)]}
    return _twin("staff/requests.html", data)


def _request_data(r) -> dict[str, Any]:
    record = _catalog().record(r.record_id)
    return {**vars(r), "title_en": record.get("title_en"), "title_ar": record.get("title_ar")}


@staff.route("/staff/requests/<int:request_id>", methods=["POST"])
@staff_only
def answer_request(request_id: int):
    try:
        access_requests.answer(
            _catalog(),
            request_id,
            by=g.user.name,
            answer=request.form.get("answer", ""),
            note=request.form.get("note", ""),
        )
    except ArchiveError as exc:
        flash(str(exc))
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
        record = catalog.record(r.record_id)
        waiting.append(
            {**vars(r), "title_en": record.get("title_en"), "title_ar": record.get("title_ar")}
        )
    return _twin("staff/releases.html", {"waiting": waiting})


@staff.route("/staff/releases/<identifier>/propose", methods=["POST"])
@staff_only
def propose_release(identifier: str):
    try:
        releases.propose(
            _catalog(),
            identifier,
            by=g.user.name,
            redacted=bool(request.form.get("redacted")),
            basis=request.form.get("basis", ""),
        )
    except ArchiveError as exc:
        flash(str(exc))
    else:
        flash(g.t["release_proposed"])
    return redirect(url_for("staff.edit", kind="records", identifier=identifier))


@staff.route("/staff/releases/<identifier>/approve", methods=["POST"])
@staff_only
def approve_release(identifier: str):
    try:
        releases.approve(_catalog(), identifier, by=g.user.name)
    except ArchiveError as exc:
        flash(str(exc))
    else:
        _drain()
        flash(g.t["release_approved"])
    return redirect(url_for("staff.release_queue"))


# -- editing descriptions ---------------------------------------------------------------------
def _current(kind: str, identifier: str) -> dict[str, Any]:
    catalog = _catalog()
    try:
        return {
            "record": catalog.record,
            "process": catalog.process,
            "session": catalog.session,
            "agent": catalog.agent,
        }[kind](identifier)
    except NotFound:
        abort(404)


def _save(kind: str, identifier: str, current: dict, wanted: dict) -> None:
    catalog, actor = _catalog(), g.user.name
    if kind == "record":
        keys = (set(current) | set(wanted)) - {"files"}
        catalog.update_record(identifier, {k: wanted.get(k) for k in keys}, actor=actor)
    else:
        getattr(catalog, f"put_{kind}")(wanted, actor=actor)
        if kind != "agent":
            return
    _drain()


@staff.route(
    "/staff/<any(records, processes, sessions, agents):kind>/<identifier>/edit",
    methods=["GET", "POST"],
)
@staff_only
def edit(kind: str, identifier: str):
    single = KINDS[kind]
    current = _current(single, identifier)
    values, problems = current, []
    if request.method == "POST":
        values, problems = forms.read(single, request.form, current)
        if not problems:
            try:
                _save(single, identifier, current, values)
            except ValidationFailed as exc:
                problems = exc.problems
            except ArchiveError as exc:
                problems = [Problem("", str(exc))]
            else:
                flash(g.t["saved"])
                return redirect(url_for("staff.edit", kind=kind, identifier=identifier))
    context: dict[str, Any] = {}
    if single == "record":
        catalog = _catalog()
        context["releases"] = [vars(r) for r in releases.releases(catalog, identifier)]
        context["reading"] = [vars(e) for e in catalog.events("record", identifier)[-20:]]
    return render_template(
        "staff/edit.html",
        kind=kind,
        single=single,
        identifier=identifier,
        fields=forms.fields(single),
        values=values,
        shown=forms.shown,
        errors=forms.by_field(problems),
        **context,
    ), 400 if problems else 200


# -- agents ----------------------------------------------------------------------------------
@staff.route("/staff/agents")
@staff.route("/staff/agents.json", endpoint="agents_json")
@staff_only
def agents_review():
    catalog = _catalog()
    data = {
        "to_review": agent_work.needing_review(catalog),
        "agents": [
            {k: a.get(k) for k in ("id", "authorised_name", "kind")} for a in catalog.agents()
        ],
    }
    return _twin("staff/agents.html", data)


@staff.route("/staff/agents/<identifier>/reviewed", methods=["POST"])
@staff_only
def agent_reviewed(identifier: str):
    try:
        agent_work.mark_reviewed(_catalog(), identifier, actor=g.user.name)
    except ArchiveError as exc:
        flash(str(exc))
    return redirect(url_for("staff.agents_review"))


@staff.route("/staff/agents/<identifier>/merge", methods=["POST"])
@staff_only
def agent_merge(identifier: str):
    into = request.form.get("into", "").strip()
    try:
        changed = agent_work.merge(_catalog(), identifier, into, actor=g.user.name)
    except ArchiveError as exc:
        flash(str(exc))
    else:
        _drain()
        flash(g.t["agent_merged"].format(old=identifier, new=into, records=len(changed)))
    return redirect(url_for("staff.agents_review"))


# -- uploads and ingest jobs -------------------------------------------------------------------
def _job_data(job) -> dict[str, Any]:
    return {
        **vars(job),
        "url": url_for("staff.job", job_id=job.id),
    }


def _safe_member(name: str) -> PurePosixPath | None:
    """A zip member's path inside the upload, or None when it would leave it."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return path


def _unpack(upload, files_dir: Path) -> list[str]:
    """A zip's members into the upload's files/ folder; refuses members that leave it and
    archives that would unpack beyond the bounds."""
    refused = []
    with zipfile.ZipFile(upload) as archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_ZIP_BYTES:
            raise ArchiveError("the zip would unpack beyond the upload's bounds")
        for member in members:
            path = _safe_member(member.filename)
            if path is None:
                refused.append(member.filename)
                continue
            target = files_dir / Path(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
    return refused


@staff.route("/staff/upload", methods=["GET", "POST"])
@staff_only
def upload():
    if request.method == "GET":
        return render_template("staff/upload.html")
    root = g.site.depository.root
    folder = jobs.uploads(root) / timestamp().replace(":", "").replace(".", "-")
    files_dir = folder / "files"
    files_dir.mkdir(parents=True)
    refused: list[str] = []
    try:
        for item in request.files.getlist("files"):
            if not item.filename:
                continue
            name = Path(item.filename.replace("\\", "/")).name
            if name.lower().endswith(".zip"):
                refused += _unpack(item.stream, files_dir)
            elif name:
                item.save(files_dir / name)
        options: dict[str, Any] = {"collection": request.form.get("collection", "").strip() or None}
        for key in UPLOAD_NAMES:
            item = request.files.get(key)
            if item and item.filename:
                suffix = Path(item.filename).suffix.lower() or ".txt"
                item.save(folder / f"{key}{suffix}")
                options[key] = f"{key}{suffix}"
    except (ArchiveError, zipfile.BadZipFile, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        flash(f"{g.t['upload_refused']}: {exc}")
        return render_template("staff/upload.html"), 400
    if not any(files_dir.rglob("*")):
        shutil.rmtree(folder, ignore_errors=True)
        flash(g.t["upload_empty"])
        return render_template("staff/upload.html"), 400
    job = jobs.queue(_catalog(), folder, options, by=g.user.name)
    for name in refused:
        flash(f"{g.t['upload_refused']}: {name}")
    start_job_runner(g.site.depository, _catalog())
    return redirect(url_for("staff.job", job_id=job.id))


@staff.route("/staff/jobs/<int:job_id>")
@staff.route("/staff/jobs/<int:job_id>.json", endpoint="job_json")
@staff_only
def job(job_id: int):
    try:
        found = jobs.get(_catalog(), job_id)
    except NotFound:
        abort(404)
    return _twin("staff/job.html", _job_data(found))


# -- the audit log ---------------------------------------------------------------------------
@staff.route("/staff/audit")
@staff.route("/staff/audit.json", endpoint="audit_json")
@staff_only
def audit():
    kind = request.args.get("kind") or None
    subject = request.args.get("subject") or None
    actor = request.args.get("actor") or None
    events = _catalog().recent_events(kind=kind, subject_id=subject, actor=actor)
    data = {
        "filters": {"kind": kind, "subject": subject, "actor": actor},
        "events": [vars(e) for e in events],
    }
    return _twin("staff/audit.html", data)
