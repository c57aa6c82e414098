"""Query expansion: a concept typed in one language finds its labels in the other (through the
thesaurus), and a name typed in any of an agent's forms finds all of them (through the
authority records). Both work on analyzed terms, so spelling variants match as in search."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from archive.catalog import Catalog
from archive.index.analysis import analyze
from archive.vocabulary import thesaurus


@dataclass(frozen=True)
class Expansion:
    start: int  # span of query words it replaces (word indexes, end exclusive)
    end: int
    said: str  # what the user typed
    phrases: tuple[tuple[str, ...], ...]  # analyzed term sequences to look for as well
    labels: tuple[str, ...]  # the other forms, as written, for "also searched"
    subject: str | None = None  # a thesaurus concept code
    agent: str | None = None  # an agent identifier


@cache
def _concept_forms() -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    forms: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
    for concept in thesaurus().concepts:
        labels = tuple(dict.fromkeys(concept.labels()))
        for label in labels:
            terms = tuple(analyze(label))
            if terms:
                forms.setdefault(terms, (concept.code, labels))
    return forms


_AGENT_FORMS: dict[str, tuple[tuple, dict]] = {}  # catalog path -> (state, forms)


def _agent_forms(catalog: Catalog) -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    """The analysed forms of every agent name, rebuilt only when the agents change (3,000
    agents take a quarter of a second to analyse)."""
    state = catalog.agent_names_state()
    key = str(catalog.path)
    cached = _AGENT_FORMS.get(key)
    if cached is not None and cached[0] == state:
        return cached[1]
    forms = _read_agent_forms(catalog)
    _AGENT_FORMS[key] = (state, forms)
    return forms


def _read_agent_forms(catalog: Catalog) -> dict[tuple[str, ...], tuple[str, tuple[str, ...]]]:
    names = catalog.agent_names_by_agent()
    forms: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
    for agent_id, all_names in names.items():
        for name in all_names:
            terms = tuple(analyze(name))
            if len(terms) >= 2 or (terms and len(terms[0]) >= 5 and len(all_names) > 1):
                forms.setdefault(terms, (agent_id, tuple(all_names)))
    return forms


def find_expansions(
    words: list[list[str]], catalog: Catalog, agents: set[str] | None = None
) -> list[Expansion]:
    """Spans of the query's words (each word a list of its analyzed terms) that name a concept or
    an agent, longest first, not overlapping; only the given agents when a set is given."""
    flat: list[tuple[int, str]] = [(i, t) for i, terms in enumerate(words) for t in terms]
    found: list[Expansion] = []
    taken: set[int] = set()
    tables = ((_concept_forms(), "subject", None), (_agent_forms(catalog), "agent", agents))
    for size in range(min(len(flat), 6), 0, -1):
        for start in range(len(flat) - size + 1):
            span = flat[start : start + size]
            first, last = span[0][0], span[-1][0]
            if any(i in taken for i in range(first, last + 1)):
                continue
            key = tuple(t for _, t in span)
            for table, kind, allowed in tables:
                if key in table and (allowed is None or table[key][0] in allowed):
                    code, labels = table[key]
                    phrases = tuple(
                        dict.fromkeys(
                            p for p in (tuple(analyze(label)) for label in labels) if p and p != key
                        )
                    )
                    found.append(
                        Expansion(
                            first,
                            last + 1,
                            "",
                            phrases,
                            labels,
                            subject=code if kind == "subject" else None,
                            agent=code if kind == "agent" else None,
                        )
                    )
                    taken.update(range(first, last + 1))
                    break
    return sorted(found, key=lambda e: e.start)
