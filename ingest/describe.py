"""From what a file says about itself to a record description: guessed metadata first, the
manifest's row over it, the depository's (closed) defaults under it, names linked to agents."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archive import arabic, schema
from archive.catalog import Catalog
from archive.vocabulary import label_key
from ingest.heuristics import guess_date, guess_document_type, guess_title

if TYPE_CHECKING:
    from ingest.stages import FileExtraction

_ARABIC = re.compile(f"[{arabic.BLOCK}]")


def slug(text: str, *, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out[:limit].rstrip("-")


def identifier_for(sha256: str, key: str) -> str:
    """A stable identifier for a file the manifest does not name. Neither its name nor its
    checksum shows through (a file's name is content, and a bare checksum would let anyone
    holding a copy confirm it is here): a digest of the checksum under the depository's own
    key."""
    digest = hmac.new(key.encode(), sha256.encode(), hashlib.sha256).digest()
    return "record-" + base64.b32encode(digest[:10]).decode().lower()


@dataclass
class Described:
    record: dict[str, Any]


HEAD_CHARS = 4000  # a document's date and type are stated near its top


def guess_fields(pages: list[str], metadata: dict[str, str]) -> dict[str, Any]:
    """Title, date and document type suggested by a file's text and properties (run in the
    extraction worker, where text work belongs), and for each the sources it was read from
    (`sources`: field → "text" and/or "file"), which decide who may see it."""
    head = "\n".join(pages)[:HEAD_CHARS]
    fields: dict[str, Any] = {}
    sources: dict[str, list[str]] = {}
    title = guess_title([], metadata)  # the file's own title property, when it means something
    title_from = ["file"]
    if not title:
        title, title_from = guess_title(pages, {}), ["text"]
    if title:
        fields["title"] = title[:1000]
        sources["title"] = title_from
    found = guess_date(head)
    if found is not None:
        fields["date"], sources["date"] = found.value, ["text"]
    elif re.fullmatch(r"\d{4}(-\d{2}){0,2}", metadata.get("created", "")):
        fields["date"], sources["date"] = metadata["created"], ["file"]
    fields["document_type"] = guess_document_type(head, title) or "other"
    sources["document_type"] = sorted({"text", *(title_from if title else [])})
    fields["sources"] = sources
    return fields


def file_properties(metadata: dict[str, str]) -> dict[str, str]:
    """What the file says about itself, as the schema's file properties (kept as found)."""
    known = schema.schema("record")["properties"]["files"]["items"]["properties"]["properties"]
    return {k: v[:4000] for k, v in sorted(metadata.items()) if k in known["properties"] and v}


class PassageNotFound(ValueError):
    pass


def marked_redactions(
    fields: list[str], passages: list[str], pages: list[str]
) -> list[dict[str, Any]]:
    """Redactions for the fields and every occurrence of each passage in the text (offsets
    in the pages joined by one character, any run of spaces matching any other). A passage
    the text does not hold raises PassageNotFound: the file is not deposited half-redacted."""
    reason = "marked in the manifest at deposit"
    out: list[dict[str, Any]] = [{"field": f, "reason": reason} for f in fields]
    text = "\n".join(pages)
    for passage in passages:
        words = passage.split()
        pattern = re.compile(r"\s+".join(map(re.escape, words))) if words else None
        found = list(pattern.finditer(text)) if pattern else []
        if not found:
            raise PassageNotFound(
                f"redact: the passage {passage!r} is not in the extracted text "
                "(copy it from `mediarch show`; the file was not deposited)"
            )
        out += [
            {"field": "text", "start": m.start(), "end": m.end(), "reason": reason} for m in found
        ]
    return out


def guessed_description(
    extraction: FileExtraction, file_name: str, given: dict[str, Any]
) -> dict[str, Any]:
    """What the file suggests for the fields the manifest's row (`given`) leaves empty, each
    noted as unconfirmed with the sources it was read from. A row that gives either title
    gets no guessed title."""
    guesses = extraction.guesses
    sources = guesses.get("sources", {})
    guess: dict[str, Any] = {}
    unconfirmed: dict[str, list[str]] = {}
    if not any(given.get(t) for t in ("title_en", "title_ar")):
        title = guesses.get("title")
        title_from = sources.get("title", ["text"])
        if not title:
            title, title_from = file_name.rsplit(".", 1)[0], ["file"]
        arabic = len(_ARABIC.findall(title))
        key = "title_ar" if arabic > len(re.findall("[A-Za-z]", title)) else "title_en"
        guess[key], unconfirmed[key] = title, title_from
    guess["document_type"] = guesses.get("document_type", "other")
    unconfirmed["document_type"] = sources.get("document_type", ["text"])
    if guesses.get("date"):
        guess["date"], unconfirmed["date"] = guesses["date"], sources.get("date", ["text"])
    if extraction.languages:
        guess["languages"], unconfirmed["languages"] = list(extraction.languages), ["text"]
    guess = {k: v for k, v in guess.items() if given.get(k) in (None, "", [])}
    unconfirmed = {k: v for k, v in unconfirmed.items() if k in guess}
    if unconfirmed:
        guess["unconfirmed"] = unconfirmed
    return guess


_names_cache: dict[tuple[str, tuple], list[tuple[str, str, str]]] = {}


def known_names(catalog: Catalog) -> list[tuple[str, str, str]]:
    """(lookup key, name, agent id) for every name of two words or more an agent is known by;
    read again only when the authority records have changed."""
    key = (str(catalog.path), catalog.agent_names_state())
    if key not in _names_cache:
        rows = catalog.all_agent_names()
        _names_cache.clear()
        _names_cache[key] = [r for r in rows if len(r[0].split()) >= 2]
    return _names_cache[key]


def agents_in_text(names: list[tuple[str, str, str]], text: str) -> list[dict[str, str]]:
    """Known agents whose name (any form, any script) appears in the text, each once, as
    participants: what a record mentions when its description names nobody."""
    haystack = f" {label_key(text)} "
    found: dict[str, dict[str, str]] = {}
    for key, name, agent_id in names:
        if agent_id not in found and f" {key} " in haystack:
            found[agent_id] = {"name": name, "role": "participant", "agent": agent_id}
    return list(found.values())


def link_agents(catalog: Catalog, record: dict[str, Any], *, actor: str) -> list[str]:
    """Point each named agent at its authority record; a name with none gets a new agent
    flagged for review, an ambiguous name stays unlinked. Returns warnings."""
    warnings = []
    for agent in record.get("agents", []):
        if agent.get("agent"):
            continue
        matches = catalog.agents_named(agent["name"])
        if len(matches) == 1:
            agent["agent"] = matches[0]
        elif len(matches) > 1:
            warnings.append(
                f"agent {agent['name']!r} matches several authority records: {', '.join(matches)}"
            )
        else:
            new_id = _free_agent_id(catalog, agent["name"])
            catalog.put_agent(
                {
                    "id": new_id,
                    "kind": "person",
                    "authorised_name": agent["name"],
                    "needs_review": True,
                },
                actor=actor,
            )
            agent["agent"] = new_id
            warnings.append(
                f"agent {agent['name']!r} has no authority record; created {new_id!r} for review"
            )
    return warnings


def _free_agent_id(catalog: Catalog, name: str) -> str:
    base = slug(name) or "agent"
    candidate, n = base, 1
    while catalog.exists("agent", candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def ensure_process_and_session(
    catalog: Catalog, record: dict[str, Any], *, actor: str
) -> list[str]:
    """Create a bare process or session for an identifier nothing describes; warn about it."""
    warnings = []
    process, session = record.get("process"), record.get("session")
    if process and not catalog.exists("process", process):
        catalog.put_process({"id": process, "name_en": process, "needs_review": True}, actor=actor)
        warnings.append(f"process {process!r} is not described anywhere; created a bare entry")
    if session and not catalog.exists("session", session):
        if not process:
            return [
                *warnings,
                f"session {session!r} is not described and the row names no process for it",
            ]
        catalog.put_session({"id": session, "process": process, "needs_review": True}, actor=actor)
        warnings.append(f"session {session!r} is not described anywhere; created a bare entry")
    return warnings
