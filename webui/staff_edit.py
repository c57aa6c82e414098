"""The staff pages that edit: descriptions (through archive/editing.py), confirming guessed
values, publishing authorities, reviewing and merging agents."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, g, redirect, render_template, request, url_for

from archive import agents as agent_work
from archive import editing
from archive.access import releases
from archive.access.guard import WouldOpen
from archive.authorities import known as known_to
from archive.authorities import what_publishing_shows
from archive.errors import ArchiveError, NotFound, Problem, ValidationFailed
from webui import forms
from webui.authorities import known
from webui.staff import (
    KINDS,
    _catalog,
    _drain,
    _twin,
    _whole,
    staff,
    staff_only,
)


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
                problems = [Problem("", g.t.error(exc))]
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
        flash(g.t.error(exc))
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
        flash(g.t.error(exc))
    else:
        _drain()
        shown = [r for r in changed if _whole(r)]  # records kept for admins go uncounted
        flash(g.t.n("agent_merged", len(shown), old=identifier, new=into, records=len(shown)))
    return redirect(url_for("staff.agents_review"))
