"""Which authority records (agents, processes, sessions) an audience knows.

An authority exists for an audience only when a record that audience may see names it (its
own index holds the record), when the description of a process or session it knows names it
(a convener, a mediator, a participant, an interpreter), or when staff published it
deliberately. Staff also know every authority described (all but those ingest created from a
record, which wait for review), except those only records kept for admins name. Admins know
every one. An authority an audience
does not know answers exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from archive.catalog import Catalog

KINDS = ("agent", "process", "session")
INDEX_FIELDS = {"agent": "agents", "process": "process", "session": "session"}
AGENT_KEYS = ("agent", "convener")  # where a process or session names an agent


@dataclass(frozen=True)
class Known:
    """The authorities one audience knows (`everything` for admins)."""

    audience: str
    ids: dict[str, frozenset[str]]
    everything: bool = False

    def __call__(self, kind: str, identifier: str | None) -> bool:
        if not identifier:
            return False
        return self.everything or identifier in self.ids[kind]

    def only(self, kind: str, described: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The descriptions (of one kind) the audience knows, in their order."""
        return [d for d in described if self(kind, d.get("id"))]


def agents_named(description: dict[str, Any]) -> Iterator[str]:
    """The agents a process's or session's description names, wherever they stand in it."""
    if isinstance(description, dict):
        for key, value in description.items():
            if key in AGENT_KEYS and isinstance(value, str):
                yield value
            else:
                yield from agents_named(value)
    elif isinstance(description, list):
        for value in description:
            yield from agents_named(value)


def known(indexes, catalog: Catalog, audience: str) -> Known:
    """What the audience knows now, read from its own index and the catalog."""
    if audience == "admin" or indexes.access is None:
        return Known(audience, {k: frozenset() for k in KINDS}, everything=True)
    with indexes.reading(audience) as opened:
        found = {kind: opened.holding(field) for kind, field in INDEX_FIELDS.items()}
    for kind, identifier in catalog.published_authorities():
        found[kind].add(identifier)
    if audience == "staff":  # and what they described, unless only admins' records name it
        for kind in KINDS:
            kept_for_admins = catalog.named_only_for_admins(kind) - found[kind]
            found[kind] |= catalog.reviewed_authorities(kind) - kept_for_admins
    for kind in ("process", "session"):
        for description in catalog.described(kind, sorted(found[kind])).values():
            found["agent"].update(agents_named(description))
    return Known(audience, {k: frozenset(v) for k, v in found.items()})


def what_publishing_shows(catalog: Catalog, kind: str, identifier: str) -> list[str]:
    """In words, what publishing an authority makes public: its names and what its
    description says, the agents a process's or session's description names with it."""
    description = getattr(catalog, kind)(identifier)
    shown = [
        f"{k}: {_spelled(v)}" for k, v in description.items() if k not in ("id", "needs_review")
    ]
    names = sorted(set(agents_named(description)))
    if names:
        shown.append("agents named: " + ", ".join(names))
    return shown


def _spelled(value: Any) -> str:
    """A description's value as a person reads it (lists and objects without brackets)."""
    if isinstance(value, dict):
        return ", ".join(_spelled(v) for v in value.values())
    if isinstance(value, list):
        return "; ".join(_spelled(v) for v in value)
    return str(value)
