"""The public pages: home, search and record, each with its JSON twin at the same path plus
`.json`, both built from the same data. Every answer is the public audience's view: a record
it may not know answers 404 exactly like one that does not exist."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, g, jsonify, render_template, request, url_for

from archive.access.policy import NEVER

public = Blueprint("public", __name__)
AUDIENCE = "public"  # readers and staff sign in with the next part of the site
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
    listing = site.search.search("", audience=AUDIENCE, limit=PAGE_SIZE, sort="date")
    processes = [
        {k: p.get(k) for k in ("id", "name_en", "name_ar", "track")} for p in catalog.processes()
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
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        abort(400)
    sort = request.args.get("sort") or None
    if sort not in (None, "relevance", "date", "title"):
        abort(400)
    expand = request.args.get("expand", "1") != "0"
    result = g.site.search.search(
        q, audience=AUDIENCE, page=page, limit=PAGE_SIZE, sort=sort, expand=expand
    )
    data = result.as_data()
    if request.path.endswith(".json"):
        return jsonify(data)
    pages = max(1, -(-result.total // PAGE_SIZE))
    return render_template("search.html", data=data, q=q, pages=pages, expand=expand, sort=sort)


@public.route("/records/<identifier>")
@public.route("/records/<identifier>.json", endpoint="record_json")
def record(identifier: str):
    site = g.site
    catalog = site.depository.catalog
    now = site.now()
    view = site.access.view_by_id(catalog, identifier, AUDIENCE, now)
    if view is None:
        abort(404)
    closed_until = None
    if not view.full:
        opens = site.access.facts(catalog, catalog.record(identifier)).opens_at
        closed_until = None if opens in (None, NEVER) else opens.date().isoformat()
    data = {
        "record": view.record,
        "open": view.full,
        "closed_until": closed_until,
        "text": view.text.pages if view.text else None,
    }
    return _twin(
        "record.html",
        data,
        request.path.endswith(".json"),
        json_url=url_for("public.record_json", identifier=identifier),
    )
