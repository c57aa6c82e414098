"""From what a file says about itself to a record description: guessed metadata first, the
manifest's row over it, the depository's (closed) defaults under it, names linked to agents."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from archive import schema
from archive.catalog import Catalog
from archive.vocabulary import label_key
from ingest.heuristics import guess_date, guess_document_type, guess_title

if TYPE_CHECKING:
    from ingest.stages import FileExtraction

_ARABIC = re.compile("[\u0600-\u06ff]")


def slug(text: str, *, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out[:limit].rstrip("-")


def identifier_for(relative_path: str, sha256: str) -> str:
    """A stable identifier for a file the manifest does not name: its path and its checksum."""
    stem = slug(relative_path.rsplit(".", 1)[0]) or "file"
    return f"{stem}-{sha256[:8]}"


@dataclass
class Described:
    record: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


HEAD_CHARS = 4000  # a document's date and type are stated near its top


def guess_fields(pages: list[str], metadata: dict[str, str]) -> dict[str, str]:
    """Title, date and document type suggested by a file's text and properties (run in the
    extraction worker, where text work belongs)."""
    head = "\n".join(pages)[:HEAD_CHARS]
    fields: dict[str, str] = {}
    title = guess_title(pages, metadata)
    if title:
        fields["title"] = title[:1000]
    found = guess_date(head)
    if found is not None:
        fields["date"] = found.value
    elif re.fullmatch(r"\d{4}(-\d{2}){0,2}", metadata.get("created", "")):
        fields["date"] = metadata["created"]
    fields["document_type"] = guess_document_type(head, title) or "other"
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


def guessed_description(extraction: FileExtraction, file_name: str) -> dict[str, Any]:
    """What the file suggests, for the fields the manifest leaves empty."""
    guesses = extraction.guesses
    title = guesses.get("title") or file_name.rsplit(".", 1)[0]
    guess: dict[str, Any] = {"title_ar" if _ARABIC.search(title) else "title_en": title}
    guess["document_type"] = guesses.get("document_type", "other")
    if guesses.get("date"):
        guess["date"] = guesses["date"]
    if extraction.languages:
        guess["languages"] = list(extraction.languages)
    return guess


_names_cache: dict[tuple[str, int, int], list[tuple[str, str, str]]] = {}


def known_names(catalog: Catalog) -> list[tuple[str, str, str]]:
    """(lookup key, name, agent id) for every name of two words or more an agent is known by;
    read again only when the authority records have changed."""
    count, last = catalog.conn.execute(
        "SELECT count(*), coalesce(max(rowid), 0) FROM agent_names"
    ).fetchone()
    key = (str(catalog.path), count, last)
    if key not in _names_cache:
        rows = catalog.conn.execute(
            "SELECT name_key, name, agent_id FROM agent_names ORDER BY length(name_key) DESC"
        )
        _names_cache.clear()
        _names_cache[key] = [(r[0], r[1], r[2]) for r in rows if len(r[0].split()) >= 2]
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
    while catalog.conn.execute("SELECT 1 FROM agents WHERE id = ?", (candidate,)).fetchone():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def ensure_process_and_session(
    catalog: Catalog, record: dict[str, Any], *, actor: str
) -> list[str]:
    """Create a bare process or session for an identifier nothing describes; warn about it."""
    warnings = []
    process, session = record.get("process"), record.get("session")
    if (
        process
        and not catalog.conn.execute("SELECT 1 FROM processes WHERE id = ?", (process,)).fetchone()
    ):
        catalog.put_process({"id": process, "name_en": process}, actor=actor)
        warnings.append(f"process {process!r} is not described anywhere; created a bare entry")
    if (
        session
        and not catalog.conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session,)).fetchone()
    ):
        if not process:
            return [
                *warnings,
                f"session {session!r} is not described and the row names no process for it",
            ]
        catalog.put_session({"id": session, "process": process}, actor=actor)
        warnings.append(f"session {session!r} is not described anywhere; created a bare entry")
    return warnings
