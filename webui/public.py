"""The public pages: home, search and record, each with its JSON twin at the same path plus
`.json`, both built from the same data. Every answer is the public audience's view: a record
it may not know answers 404 exactly like one that does not exist."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    g,
    jsonify,
    render_template,
    request,
    send_file,
    url_for,
)

from archive.access.derived import NEUTRAL, opening_shown
from archive.errors import NotFound
from webui import citation
from webui.authorities import known
from webui.errors import json_error

public = Blueprint("public", __name__)
PUBLIC = "public"
PAGE_SIZE = 10


def _twin(template: str, data: dict[str, Any], json: bool, **extra: Any):
    if json:
        return jsonify(data)
    return render_template(template, data=data, **extra)


@public.route("/")
@public.route("/index.json", endpoint="home_json")
def home():
    site = g.site
    catalog = site.depository.catalog
    listing = site.search.search("", audience=g.audience, limit=PAGE_SIZE, sort="date")
    processes = [
        {k: p.get(k) for k in ("id", "name_en", "name_ar", "track")}
        for p in known().only("process", catalog.processes())
    ]
    data = {
        "institution": {
            "name_en": site.depository.config.name_en,
            "name_ar": site.depository.config.name_ar,
            "about_en": site.depository.config.about_en,
            "about_ar": site.depository.config.about_ar,
        },
        "records": listing.total,
        "processes": processes,
        "recent": [vars(h) for h in listing.hits],
    }
    return _twin("home.html", data, request.path.endswith(".json"))


@public.route("/search")
@public.route("/search.json", endpoint="search_json")
def search():
    q = request.args.get("q", "")
    asked_page = request.args.get("page", "1")
    page = int(asked_page) if asked_page.isdigit() and int(asked_page) > 0 else 1
    sort = request.args.get("sort") or None  # an unknown one is a note of the search's
    expand = request.args.get("expand", "1") != "0"
    result = g.site.search.search(
        q, audience=g.audience, page=page, limit=PAGE_SIZE, sort=sort, expand=expand
    )
    if str(page) != asked_page:  # like any other mistake in a query: a note, the first page
        result.notes.append(f"page {asked_page!r} is not a page number: the first page shown")
    data = result.as_data()
    if request.path.endswith(".json"):
        return jsonify(data)
    pages = max(1, -(-result.total // PAGE_SIZE))
    return render_template("search.html", data=data, q=q, pages=pages, expand=expand, sort=sort)


def _audit(kind: str, identifier: str) -> None:
    """A reader's or staff member's view or download of a record the public may not read goes
    on the audit queue (written off the request's path)."""
    site = g.site
    if g.user is None:
        return
    catalog = site.depository.catalog
    public_view = site.access.view_by_id(catalog, identifier, PUBLIC, site.now(), with_text=False)
    if public_view is None or not public_view.full:
        site.audit.record(kind, identifier, g.user.name, {"audience": g.audience})


def _view(identifier: str):
    """The asker's audience's view of the record, or 404 exactly as for one that does not
    exist."""
    site = g.site
    view = site.access.view_by_id(site.depository.catalog, identifier, g.audience, site.now())
    if view is None:
        abort(404)
    return view


def _tombstone(identifier: str) -> dict[str, Any] | None:
    """What stands for a record the public could read until it was withdrawn: its identifier,
    titles and the day it was withdrawn. Any other record the public may not see has none."""
    site = g.site
    catalog = site.depository.catalog
    try:
        current = catalog.record(identifier)
    except NotFound:
        return None
    if current.get("status") != "withdrawn":
        return None
    withdrawn = [e for e in catalog.events("record", identifier) if e.kind == "withdrawn"]
    if not withdrawn:  # deposited withdrawn: never public
        return None
    at = dt.datetime.fromisoformat(withdrawn[-1].at.replace("Z", "+00:00"))
    before = {**current, "status": "published"}
    was = site.access.view(catalog, before, None, PUBLIC, at - dt.timedelta(seconds=1))
    if was is None or not was.full:
        return None
    titles = {k: v for k, v in was.record.items() if k in ("title_en", "title_ar", NEUTRAL)}
    return {"identifier": identifier, **titles, "withdrawn_on": at.date().isoformat()}


@public.route("/records/<identifier>")
@public.route("/records/<identifier>.json", endpoint="record_json")
def record(identifier: str):
    site = g.site
    catalog = site.depository.catalog
    view = site.access.view_by_id(catalog, identifier, g.audience, site.now())
    if view is None:
        stone = _tombstone(identifier)
        if stone is None:
            abort(404)
        if request.path.endswith(".json"):
            return json_error(410, details={"tombstone": stone})
        return render_template("tombstone.html", data=stone), 410
    _audit("viewed", identifier)
    closed_until = None
    if not view.full:
        record = catalog.record(identifier)
        closed_until = opening_shown(view, record, site.access.facts(catalog, record))
    url = url_for("public.record", identifier=identifier, _external=True)
    institution = site.depository.config.name_en
    data = {
        "record": view.record,
        "open": view.full,
        "closed_until": closed_until,
        "text": view.text.pages if view.text else None,
        "files": [
            {
                "name": f["original_name"],
                "media_type": f["media_type"],
                "size": f["size"],
                "url": url_for("public.download", identifier=identifier, number=n),
            }
            for n, f in enumerate(view.record.get("files", []) if view.files else [], start=1)
        ],
        "cite": {
            "chicago": citation.chicago(view.record, institution, url),
            "bibtex": url_for("public.cite", identifier=identifier, style="bib"),
            "ris": url_for("public.cite", identifier=identifier, style="ris"),
        },
    }
    return _twin(
        "record.html",
        data,
        request.path.endswith(".json"),
        json_url=url_for("public.record_json", identifier=identifier),
    )


@public.route("/records/<identifier>/files/<int:number>")
def download(identifier: str, number: int):
    """An original file, where the public may have it (never below a redaction): from the
    store by its checksum, never by a path the request names."""
    view = _view(identifier)
    files = view.record.get("files", []) if view.files else []
    if not 1 <= number <= len(files):
        abort(404)
    entry = files[number - 1]
    path = g.site.depository.store.path_for(entry["sha256"])
    _audit("downloaded", identifier)
    return send_file(
        path,
        mimetype=entry["media_type"],
        as_attachment=request.args.get("view") != "1",
        download_name=entry["original_name"],
        max_age=0,
    )


@public.route("/records/<identifier>.<any(bib, ris):style>", endpoint="cite")
def cite(identifier: str, style: str):
    view = _view(identifier)
    url = url_for("public.record", identifier=identifier, _external=True)
    institution = g.site.depository.config.name_en
    if style == "bib":
        body, kind = citation.bibtex(view.record, institution, url), "application/x-bibtex"
    else:
        body, kind = (
            citation.ris(view.record, institution, url),
            "application/x-research-info-systems",
        )
    return Response(
        body,
        mimetype=kind,
        headers={"Content-Disposition": f'attachment; filename="{identifier}.{style}"'},
    )


BROWSE_BY = {"process": "process", "document_type": "type", "year": "date", "languages": "lang"}


@public.route("/browse")
@public.route("/browse.json", endpoint="browse_json")
def browse():
    """The holdings by process, document type, year and language, each value with its count
    and a link to its records in title order (Arabic titles without the article, hamza forms
    of alef as alef, marks ignored)."""
    everything = g.site.search.search("", audience=g.audience, limit=1)
    data = {
        "total": everything.total,
        "by": {
            name: [
                {
                    **value,
                    "url": url_for(
                        "public.search", q=f"{BROWSE_BY[name]}:{value['value']}", sort="title"
                    ),
                }
                for value in everything.facets.get(name, [])
            ]
            for name in BROWSE_BY
        },
    }
    return _twin("browse.html", data, request.path.endswith(".json"))
