"""The Atom feed of records newly opened to the public, and the sitemap of the public pages."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable

from archive import publication
from archive.publish.record_xml import XML, to_bytes

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_ENTRIES = 50
SITEMAP_URLS = 50000  # the protocol's limit per file


def atom(
    catalog,
    access,
    *,
    now: dt.datetime,
    feed_url: str,
    site_url: str,
    record_url: Callable[[str], str],
    title: dict[str, str],
    repository_id: str,
) -> bytes:
    """The newest records the public may read, newest first: each entry when its public view
    last changed (an embargo's lifting, a release, a new deposit)."""
    a = f"{{{ATOM}}}"
    feed = ET.Element(a + "feed")
    ET.SubElement(feed, a + "title").text = f"{title['en']} — {title['ar']}"
    ET.SubElement(feed, a + "id").text = f"tag:{repository_id},2026:feed"
    ET.SubElement(feed, a + "link", {"rel": "self", "href": feed_url})
    ET.SubElement(feed, a + "link", {"rel": "alternate", "href": site_url})
    entries = []
    for entry in publication.entries(
        catalog, deleted=False, newest_first=True, limit=FEED_ENTRIES * 2
    ):
        view = access.view_by_id(catalog, entry.record_id, "public", now, with_text=False)
        if view is None or not view.full:
            continue
        entries.append((entry, view))
        if len(entries) == FEED_ENTRIES:
            break
    updated = entries[0][0].datestamp if entries else publication.datestamp(now)
    ET.SubElement(feed, a + "updated").text = updated
    author = ET.SubElement(feed, a + "author")
    ET.SubElement(author, a + "name").text = title["en"]
    for entry, view in entries:
        record = view.record
        item = ET.SubElement(feed, a + "entry")
        heading = record.get("title_en") or record.get("title_ar") or record["identifier"]
        element = ET.SubElement(item, a + "title")
        element.text = heading
        if not record.get("title_en"):
            element.set(f"{{{XML}}}lang", "ar")
        ET.SubElement(
            item, a + "id"
        ).text = f"tag:{repository_id},2026:record:{record['identifier']}"
        ET.SubElement(
            item, a + "link", {"rel": "alternate", "href": record_url(record["identifier"])}
        )
        ET.SubElement(item, a + "updated").text = entry.datestamp
        for lang in ("en", "ar"):
            text = record.get(f"abstract_{lang}") or (
                record.get("title_ar") if lang == "ar" else None
            )
            if text:
                summary = ET.SubElement(item, a + "summary", {f"{{{XML}}}lang": lang})
                summary.text = text
    return to_bytes(feed, ATOM)


def sitemap(urls: list[tuple[str, str | None]]) -> bytes:
    s = f"{{{SITEMAP}}}"
    root = ET.Element(s + "urlset")
    for loc, modified in urls:
        url = ET.SubElement(root, s + "url")
        ET.SubElement(url, s + "loc").text = loc
        if modified:
            ET.SubElement(url, s + "lastmod").text = modified
    return to_bytes(root, SITEMAP)


def sitemap_index(locations: list[str]) -> bytes:
    s = f"{{{SITEMAP}}}"
    root = ET.Element(s + "sitemapindex")
    for loc in locations:
        ET.SubElement(ET.SubElement(root, s + "sitemap"), s + "loc").text = loc
    return to_bytes(root, SITEMAP)
