"""From a catalog record (and its text) to the document an index holds.

The text fields carry everything a scholar might type: titles, abstract, body, every name of
every agent the record names, its process and session in both languages, subject labels in
both languages, places, the identifier and the original file names, and what each file says
about itself (author, keywords and the like, in the context field).
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from archive import arabic
from archive.catalog import Catalog, RecordText
from archive.errors import NotFound, UnknownTerm
from archive.index.analysis import arabic_root, fold_latin, is_arabic, normalize_arabic
from archive.index.parallel import record_units, unit_fields
from archive.index.translit import name_keys
from archive.vocabulary import thesaurus, vocabulary

_DATES = frozenset({"created", "modified"})
_TITLE_ARTICLE = re.compile(r"^(ال|the\s+|a\s+|an\s+)", re.I)


def date_bounds(value: str | None) -> tuple[int, int] | None:
    """The first and last day a partial date covers, as yyyymmdd numbers."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month_from, month_to = (parts[1], parts[1]) if len(parts) > 1 else (1, 12)
    day_from = parts[2] if len(parts) > 2 else 1
    day_to = parts[2] if len(parts) > 2 else calendar.monthrange(year, month_to)[1]
    return year * 10000 + month_from * 100 + day_from, year * 10000 + month_to * 100 + day_to


def title_sort_key(record: dict[str, Any]) -> str:
    """A record filed by its title (the Arabic one first)."""
    return filing_key(record.get("title_ar") or record.get("title_en") or record["identifier"])


def filing_key(title: str) -> str:
    """A title or name filed as an Arabic reader expects: without the article, hamza forms of
    alef as alef, marks ignored; Latin ones without a leading article, accents folded."""
    words = title.split()
    if words and words[0].startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    key = " ".join(words)
    key = normalize_arabic(key) if re.search(f"[{arabic.BLOCK}]", key) else fold_latin(key)
    return _TITLE_ARTICLE.sub("", key).strip()


def _agent_names(catalog: Catalog, record: dict[str, Any]) -> tuple[list[str], list[str]]:
    names, ids = [], []
    for agent in record.get("agents", []):
        names.append(agent["name"])
        if agent.get("agent"):
            ids.append(agent["agent"])
            names.extend(catalog.agent_names_of(agent["agent"]))
    return names, ids


def _context(catalog: Catalog, record: dict[str, Any]) -> tuple[list[str], str | None]:
    parts, track = [], None
    for field, getter in (("process", catalog.process), ("session", catalog.session)):
        if not record.get(field):
            continue
        try:
            described = getter(record[field])
        except NotFound:
            continue
        parts.append(record[field])
        parts.extend(
            str(v)
            for k, v in described.items()
            if k.endswith(("_en", "_ar")) and isinstance(v, str)
        )
        track = track or described.get("track")
    if record.get("document_type"):  # a guessed type an audience may not see is not there
        doc_type = vocabulary("document_types").term(record["document_type"])
        parts += [doc_type.en, doc_type.ar]
    for file in record.get("files", []):  # what the file says about itself
        parts.extend(v for k, v in file.get("properties", {}).items() if k not in _DATES)
    return parts, track


def _subjects(record: dict[str, Any]) -> list[str]:
    labels = []
    for code in record.get("subjects", []):
        try:
            labels.extend(thesaurus().concept(code).labels())
        except UnknownTerm:  # a code the thesaurus no longer has still indexes as itself
            labels.append(code)
    return labels


def record_document(
    catalog: Catalog, record: dict[str, Any], text: RecordText | None
) -> dict[str, Any]:
    names, agent_ids = _agent_names(catalog, record)
    context, track = _context(catalog, record)
    pages = text.pages if text else []
    body = "\n".join(pages)
    titles = " \n ".join(t for t in (record.get("title_en"), record.get("title_ar")) if t)
    files = record.get("files", [])
    bounds = date_bounds(record.get("date"))
    end_bounds = date_bounds(record.get("date_end")) or bounds
    doc: dict[str, Any] = {
        "id": record["identifier"],
        "title": titles,
        "abstract": " \n ".join(
            t for t in (record.get("abstract_en"), record.get("abstract_ar")) if t
        ),
        "body": body,
        "names": " \n ".join(names),
        "subjects": " \n ".join(_subjects(record)),
        "context": " \n ".join(context),
        "places": " \n ".join(record.get("places", [])),
        "identifiers": " ".join([record["identifier"], *(f["original_name"] for f in files)]),
        **_name_key_fields(" ".join([*names, titles]), body),
        "roots": _roots(
            " \n ".join([titles, body, *(record.get(f"abstract_{x}") or "" for x in ("en", "ar"))])
        ),
        **unit_fields(
            record_units(
                pages,
                record.get("title_ar"),
                record.get("title_en"),
                bilingual={"ar", "en"} <= set(record.get("languages", [])),
            )
        ),
        "process": record.get("process", ""),
        "session": record.get("session", ""),
        "collection": record.get("collection", ""),
        "track": track or "",
        "document_type": record.get("document_type", ""),
        "languages": ",".join(record.get("languages", [])),
        "agents": ",".join(sorted(set(agent_ids))),
        "subject_codes": ",".join(record.get("subjects", [])),
        "title_sort": title_sort_key(record),
        "shown": {
            "title_en": record.get("title_en"),
            "title_ar": record.get("title_ar"),
            "date": record.get("date"),
            "document_type": record.get("document_type"),
            "languages": record.get("languages", []),
            "process": record.get("process"),
            "source_path": files[0].get("path") if files else None,
            "page_starts": _page_starts(pages),
        },
    }
    if bounds:
        doc["date_from"], doc["date_to"] = bounds[0], end_bounds[1]
        doc["year"] = ",".join(
            str(y) for y in range(bounds[0] // 10000, end_bounds[1] // 10000 + 1)
        )
    return doc


def _roots(text: str) -> str:
    """The roots of the text's Arabic words (each once)."""
    found = {arabic_root(w) for w in _ARABIC_WORDS.findall(text)}
    found.discard(None)
    return " ".join(sorted(found))


_ARABIC_WORDS = re.compile(f"[{arabic.WORD_LETTERS}]+")


def _name_key_fields(names: str, body: str) -> dict[str, str]:
    """The transliteration keys of names, titles and the words of the text that may be names,
    by script: `namekey` of Latin-written words, `namekey_ar` of Arabic ones (a query word
    looks for the other script's, and a Latin one for other Latin spellings too)."""
    keys: dict[str, set[str]] = {"namekey": set(), "namekey_ar": set()}
    for text, running in ((names, False), (body, True)):
        for word in _WORDS.findall(text):
            target = "namekey_ar" if is_arabic(word) else "namekey"
            keys[target].update(name_keys(word, running_text=running))
    return {name: " ".join(sorted(found)) for name, found in keys.items()}


_WORDS = re.compile(r"[^\W\d_]+(?:['’ʿ-][^\W\d_]+)*")


def _page_starts(pages: list[str]) -> list[int]:
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    return starts
