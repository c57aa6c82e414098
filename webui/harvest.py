"""What machines read: OAI-PMH at `/oai` (GET or POST, no session, no CSRF: it changes
nothing), the depository's record schema it points to, an Atom feed of records newly opened to
the public, and a sitemap of the public pages. All from the publication ledger, each record
through the access decision as the public sees it."""

from __future__ import annotations

from importlib import resources

from flask import Blueprint, Response, abort, g, request, url_for

from archive import publication
from archive.authorities import known as known_to
from archive.errors import NotFound
from archive.publish import exports, feeds
from archive.publish.oai import OaiRepository, Site
from archive.publish.record_xml import MEDIARCH_XSD_NAME

harvest = Blueprint("harvest", __name__)


def oai_site() -> Site:
    site = g.site
    config = site.depository.config
    return Site(
        catalog=site.depository.catalog,
        access=site.access,
        base_url=url_for("harvest.oai", _external=True),
        record_url=_addresses().record,
        file_url=_addresses().file,
        schema_url=url_for("harvest.record_schema", _external=True),
        name_en=config.name_en,
        name_ar=config.name_ar,
        admin_email=config.admin_email,
        repository_id=config.repository_id,
        now=site.now,
        page=config.oai_page,
    )


@harvest.route("/oai", methods=["GET", "POST"])
def oai():
    arguments = request.form if request.method == "POST" else request.args
    answer = OaiRepository(oai_site()).respond(arguments.to_dict(flat=False))
    return Response(answer, mimetype="text/xml", headers={"Cache-Control": "no-store"})


@harvest.route(f"/oai/{MEDIARCH_XSD_NAME}")
def record_schema():
    xsd = resources.files("metadata_schema").joinpath(MEDIARCH_XSD_NAME).read_bytes()
    return Response(xsd, mimetype="text/xml")


@harvest.route("/feed.atom")
def feed():
    site = g.site
    config = site.depository.config
    body = feeds.atom(
        site.depository.catalog,
        site.access,
        now=site.now(),
        feed_url=url_for("harvest.feed", _external=True),
        site_url=url_for("public.home", _external=True),
        record_url=_addresses().record,
        title={"en": config.name_en, "ar": config.name_ar},
        repository_id=config.repository_id,
    )
    return Response(body, mimetype="application/atom+xml")


def _public_urls() -> list[tuple[str, str | None]]:
    site = g.site
    catalog = site.depository.catalog
    urls: list[tuple[str, str | None]] = [
        (url_for("public.home", _external=True), None),
        (url_for("public.browse", _external=True), None),
    ]
    public = known_to(site.depository.indexes, catalog, "public")  # a sitemap is the public's
    for process in public.only("process", catalog.processes()):
        urls.append(
            (url_for("authorities.process", identifier=process["id"], _external=True), None)
        )
    for agent in public.only("agent", catalog.agents()):
        urls.append((url_for("authorities.agent", identifier=agent["id"], _external=True), None))
    # the ledger's present entries are the records whose public view existed when the indexer
    # last applied a change to them (a closing is applied before its request returns): a
    # sitemap lists addresses only, and each page still answers through the access decision
    for entry in publication.entries(catalog, deleted=False, limit=10**9):
        url = url_for("public.record", identifier=entry.record_id, _external=True)
        urls.append((url, entry.datestamp))
    return urls


@harvest.route("/sitemap.xml")
def sitemap():
    """The public pages; past the protocol's 50,000 a sitemap index of numbered parts."""
    urls = _public_urls()
    if len(urls) <= feeds.SITEMAP_URLS:
        return Response(feeds.sitemap(urls), mimetype="application/xml")
    parts = -(-len(urls) // feeds.SITEMAP_URLS)
    locations = [
        url_for("harvest.sitemap_part", number=n, _external=True) for n in range(1, parts + 1)
    ]
    return Response(feeds.sitemap_index(locations), mimetype="application/xml")


@harvest.route("/sitemap-<int:number>.xml")
def sitemap_part(number: int):
    urls = _public_urls()
    chunk = urls[(number - 1) * feeds.SITEMAP_URLS : number * feeds.SITEMAP_URLS]
    if number < 1 or not chunk:
        abort(404)
    return Response(feeds.sitemap(chunk), mimetype="application/xml")


def _addresses():
    return exports.Addresses(
        record=lambda i: url_for("public.record", identifier=i, _external=True),
        file=lambda i, n: url_for("public.download", identifier=i, number=n, _external=True),
    )


def _export(build, identifier: str):
    """An export as the asker's audience sees it; 404 like a missing one otherwise."""
    site = g.site
    try:
        body = build(site.depository, site.access, identifier, g.audience, site.now(), _addresses())
    except NotFound:
        abort(404)
    return Response(body, mimetype="application/xml")


@harvest.route("/records/<identifier>/dc.xml")
def record_dc(identifier: str):
    """The record's Dublin Core as the asker's audience may see it."""
    return _export(exports.record_dc, identifier)


@harvest.route("/processes/<identifier>/ead.xml")
def process_ead(identifier: str):
    """The process's EAD3 finding aid, with the records the asker's audience may see."""
    return _export(exports.process_ead, identifier)
