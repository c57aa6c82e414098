"""The staff pages of uploads and ingest jobs: files and zips kept by archive/uploads.py,
queued as a job that `mediarch jobs run` ingests."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

from flask import abort, flash, g, redirect, render_template, request, url_for

from archive import jobs, uploads
from archive.catalog import timestamp
from archive.errors import ArchiveError, NotFound
from webui.schedule import start_job_runner
from webui.staff import (
    UPLOAD_NAMES,
    _catalog,
    _job_data,
    _job_shown,
    _twin,
    staff,
    staff_only,
)


# -- uploads and ingest jobs -------------------------------------------------------------------
@staff.route("/staff/upload", methods=["GET", "POST"])
@staff_only
def upload():
    if request.method == "GET":
        return render_template("staff/upload.html")
    root = g.site.depository.root
    folder = jobs.uploads(root) / timestamp().replace(":", "").replace(".", "-")
    kept = uploads.Upload(folder)
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
        reason = g.t.error(exc) if isinstance(exc, ArchiveError) else type(exc).__name__
        flash(f"{g.t['upload_refused']}: {reason}")  # never the server's paths
        return render_template("staff/upload.html"), 400
    if not any(p.is_file() for p in kept.files.rglob("*")):
        shutil.rmtree(folder, ignore_errors=True)
        for name, why in kept.refused:
            flash(f"{g.t['upload_refused']}: {name!r}: {g.t[why]}")
        flash(g.t["upload_empty"])
        return render_template("staff/upload.html"), 400
    refused = [f"{name!r}: {g.t[why]}" for name, why in kept.refused]
    options["refused"] = refused
    job = jobs.queue(_catalog(), folder, options, by=g.user.name)
    for said in refused:
        flash(f"{g.t['upload_refused']}: {said}")
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
