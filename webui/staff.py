"""Where staff work: the desk (what waits for them), readers to approve, access requests, the
release queue, editing descriptions and access, agents to review and merge, uploads that
become ingest jobs, and the audit log. Staff and admins only; every form carries the CSRF
token; every change goes through the catalog, which logs it, and is in the indexes before the
answer returns."""

from __future__ import annotations

import functools
import shutil
import sys
import unicodedata
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
from archive import editing, jobs
from archive.access import releases
from archive.access import requests as access_requests
from archive.access.guard import WouldOpen
from archive.access.policy import sees_everything
from archive.access.users import Users
from archive.audiences import INSIDERS as STAFF_ROLES
from archive.authorities import known as known_to
from archive.authorities import what_publishing_shows
from archive.catalog import timestamp
from archive.errors import ArchiveError, NotFound, Problem, ValidationFailed
from webui import forms
from webui.authorities import known
from webui.schedule import start_job_runner

staff = Blueprint("staff", __name__)
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
        flash(str(exc))
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
        flash(str(exc))
    else:
        _drain()
        flash(g.t["release_approved"])
    return redirect(url_for("staff.release_queue"))


# -- editing descriptions ---------------------------------------------------------------------
def _current(kind: str, identifier: str) -> dict[str, Any]:
    """The description to edit; 404 for one the member may not see whole (a record kept for
    admins, an authority only those records name), exactly as for a missing one."""
    catalog = _catalog()
    if kind == "record" and not _whole(identifier):
        abort(404)
    if kind != "record" and not known()(kind, identifier):
        abort(404)
    try:
        return {
            "record": catalog.record,
            "process": catalog.process,
            "session": catalog.session,
            "agent": catalog.agent,
        }[kind](identifier)
    except NotFound:
        abort(404)


def _save(kind: str, identifier: str, current: dict, wanted: dict, base: str) -> None:
    """Save the edit through the one editing path (archive/editing.py): refused when the
    description changed since the form was drawn, or when it would open anything to the public
    or readers (opening is a release: proposed by one staff member, approved by another)."""
    if kind == "record":
        keys = (set(current) | set(wanted)) - {"files"}
        wanted = {k: wanted.get(k) for k in keys}
    editing.save(
        _catalog(), g.site.access, kind, identifier, wanted,
        actor=g.user.name, now=g.site.now(), base=base,
    )  # fmt: skip
    _drain()


@staff.route(
    "/staff/<any(records, processes, sessions, agents):kind>/<identifier>/edit",
    methods=["GET", "POST"],
)
@staff_only
def edit(kind: str, identifier: str):
    single = KINDS[kind]
    current = _current(single, identifier)
    values, problems, status = current, [], 200
    base = editing.version(current)
    if request.method == "POST":
        values, problems = forms.read(single, request.form, current)
        status = 400
        if not problems:
            try:
                _save(single, identifier, current, values, request.form.get("base", ""))
            except ValidationFailed as exc:
                problems = exc.problems
            except editing.EditedMeanwhile:
                problems, status = [Problem("", g.t["edited_meanwhile"])], 409
            except WouldOpen as exc:
                record = exc.record_id if _whole(exc.record_id) else g.t["unseen_record"]
                problems = [
                    Problem(
                        "", g.t["would_open"].format(record=record, reasons="; ".join(exc.reasons))
                    )
                ]
                status = 403
            except ArchiveError as exc:
                problems = [Problem("", str(exc))]
            else:
                flash(g.t["saved"])
                return redirect(url_for("staff.edit", kind=kind, identifier=identifier))
    context: dict[str, Any] = {}
    if single != "record":
        public = known_to(g.site.depository.indexes, _catalog(), "public")
        if not public(single, identifier):
            context["publishing_shows"] = what_publishing_shows(_catalog(), single, identifier)
    if single == "record":
        catalog = _catalog()
        context["releases"] = [vars(r) for r in releases.releases(catalog, identifier)]
        context["reading"] = [
            vars(e) for e in catalog.recent_events(subject_id=identifier, limit=20)
        ]
    return render_template(
        "staff/edit.html",
        kind=kind,
        single=single,
        identifier=identifier,
        fields=forms.fields(single),
        values=values,
        base=base,
        shown=forms.shown,
        errors=forms.by_field(problems),
        **context,
    ), status


@staff.route("/staff/records/<identifier>/confirm", methods=["POST"])
@staff_only
def confirm(identifier: str):
    """Confirm values guessed at ingest: shown from now on to whoever may see the field."""
    _current("record", identifier)
    chosen = _catalog().confirm(identifier, request.form.getlist("field"), actor=g.user.name)
    if chosen:
        _drain()
        flash(g.t["confirmed"].format(fields=", ".join(chosen)))
    return redirect(url_for("public.record", identifier=identifier))


@staff.route(
    "/staff/<any(processes, sessions, agents):kind>/<identifier>/publish", methods=["POST"]
)
@staff_only
def publish(kind: str, identifier: str):
    """Publish an authority no record the public may see names: the form said what shows."""
    single = KINDS[kind]
    _current(single, identifier)
    if request.form.get("confirm") != "1":
        abort(400)
    shown = what_publishing_shows(_catalog(), single, identifier)
    _catalog().publish_authority(single, identifier, actor=g.user.name, shown=shown)
    flash(g.t["published_authority"].format(what=f"{single} {identifier}"))
    return redirect(url_for("staff.edit", kind=kind, identifier=identifier))


# -- agents ----------------------------------------------------------------------------------
@staff.route("/staff/agents")
@staff.route("/staff/agents.json", endpoint="agents_json")
@staff_only
def agents_review():
    catalog = _catalog()
    data = {
        "to_review": known().only("agent", agent_work.needing_review(catalog)),
        "agents": [
            {k: a.get(k) for k in ("id", "authorised_name", "kind")}
            for a in known().only("agent", catalog.agents())
        ],
    }
    return _twin("staff/agents.html", data)


@staff.route("/staff/agents/<identifier>/reviewed", methods=["POST"])
@staff_only
def agent_reviewed(identifier: str):
    if not known()("agent", identifier):
        abort(404)
    try:
        agent_work.mark_reviewed(_catalog(), identifier, actor=g.user.name)
    except ArchiveError as exc:
        flash(str(exc))
    return redirect(url_for("staff.agents_review"))


@staff.route("/staff/agents/<identifier>/merge", methods=["POST"])
@staff_only
def agent_merge(identifier: str):
    into = request.form.get("into", "").strip()
    if not known()("agent", identifier) or not known()("agent", into):
        abort(404)
    try:
        site = g.site
        public = known_to(site.depository.indexes, _catalog(), "public")
        changed = agent_work.merge(
            _catalog(),
            identifier,
            into,
            actor=g.user.name,
            public_knew=public("agent", identifier),
        )
    except ArchiveError as exc:
        flash(str(exc))
    else:
        _drain()
        shown = [r for r in changed if _whole(r)]  # records kept for admins go uncounted
        flash(g.t["agent_merged"].format(old=identifier, new=into, records=len(shown)))
    return redirect(url_for("staff.agents_review"))


# -- uploads and ingest jobs -------------------------------------------------------------------
def _job_data(job) -> dict[str, Any]:
    return {
        **vars(job),
        "url": url_for("staff.job", job_id=job.id),
    }


JOINERS = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner: Arabic script needs them
MAX_NAME_BYTES = 200


def _clean_part(part: str) -> str | None:
    """One part of an uploaded file's path as it may be kept, or None: no control or
    formatting character (a bidi override reorders what a page shows), no `.` or `..`, not
    too long for the file system."""
    part = unicodedata.normalize("NFC", part)
    if part in ("", ".", "..") or len(part.encode("utf-8")) > MAX_NAME_BYTES:
        return None
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") and ch not in JOINERS for ch in part):
        return None
    return part


def _clean_path(name: str) -> PurePosixPath | None:
    """A path inside the upload for a zip member or a file's name, or None when it would leave
    the upload or holds a name that cannot be kept."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or not path.parts:
        return None
    parts = [_clean_part(p) for p in path.parts]
    if any(p is None for p in parts):
        return None
    return PurePosixPath(*parts)


class Upload:
    """The files of one upload, kept under its folder within bounds shared by all its zips:
    a name refused, a name given twice or a bound passed is said, never silently dropped."""

    def __init__(self, folder: Path):
        self.files = folder / "files"
        self.files.mkdir(parents=True)
        self.refused: list[str] = []
        self.members_left, self.bytes_left = MAX_ZIP_MEMBERS, MAX_ZIP_BYTES

    def _target(self, name: str) -> Path | None:
        path = _clean_path(name)
        if path is None:
            self.refused.append(f"{name!r}: {g.t['name_refused']}")
            return None
        target = self.files / Path(*path.parts)
        if target.exists():
            self.refused.append(f"{name!r}: {g.t['name_twice']}")
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def add_file(self, item) -> None:
        target = self._target(Path(item.filename.replace("\\", "/")).name)
        if target is not None:
            item.save(target)

    def add_zip(self, stream, name: str) -> None:
        with zipfile.ZipFile(stream) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            size = sum(m.file_size for m in members)
            self.members_left -= len(members)
            self.bytes_left -= size
            free = shutil.disk_usage(self.files).free
            if self.members_left < 0 or self.bytes_left < 0 or size > free // 2:
                raise ArchiveError(f"{name}: {g.t['zip_too_large']}")
            for member in members:
                target = self._target(member.filename)
                if target is None:
                    continue
                with archive.open(member) as src, open(target, "wb") as out:
                    shutil.copyfileobj(src, out)  # no more than the size declared (and CRC)


@staff.route("/staff/upload", methods=["GET", "POST"])
@staff_only
def upload():
    if request.method == "GET":
        return render_template("staff/upload.html")
    root = g.site.depository.root
    folder = jobs.uploads(root) / timestamp().replace(":", "").replace(".", "-")
    kept = Upload(folder)
    try:
        for item in request.files.getlist("files"):
            if not item.filename:
                continue
            if item.filename.lower().endswith(".zip"):
                kept.add_zip(item.stream, Path(item.filename).name)
            else:
                kept.add_file(item)
        options: dict[str, Any] = {"collection": request.form.get("collection", "").strip() or None}
        for key in UPLOAD_NAMES:
            item = request.files.get(key)
            if item and item.filename:
                suffix = Path(item.filename).suffix.lower()
                suffix = suffix if suffix in (".csv", ".xlsx", ".json", ".tsv", ".txt") else ".txt"
                item.save(folder / f"{key}{suffix}")
                options[key] = f"{key}{suffix}"
    except (ArchiveError, zipfile.BadZipFile, OSError, ValueError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        reason = str(exc) if isinstance(exc, ArchiveError) else type(exc).__name__
        flash(f"{g.t['upload_refused']}: {reason}")  # never the server's paths
        return render_template("staff/upload.html"), 400
    if not any(p.is_file() for p in kept.files.rglob("*")):
        shutil.rmtree(folder, ignore_errors=True)
        for name in kept.refused:
            flash(f"{g.t['upload_refused']}: {name}")
        flash(g.t["upload_empty"])
        return render_template("staff/upload.html"), 400
    options["refused"] = kept.refused
    job = jobs.queue(_catalog(), folder, options, by=g.user.name)
    for name in kept.refused:
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
    if not _job_shown(found.created_by):
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
    events = [e for e in events if _shown_event(e)]
    data = {
        "filters": {"kind": kind, "subject": subject, "actor": actor},
        "events": [vars(e) for e in events],
    }
    return _twin("staff/audit.html", data)
