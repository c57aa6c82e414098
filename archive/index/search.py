"""Searching an audience's index: facets, sorting, paging and the results. The query is built
in archive/index/queries.py (its words in words.py), snippets are made in snippets.py and "did
you mean" in suggestions.py."""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from whoosh.query import And

from archive.catalog import Catalog, RecordText
from archive.errors import NotFound, UnknownTerm
from archive.index.indexes import SearchIndexes
from archive.index.matches import TIER, Evaluation
from archive.index.queries import Built, QueryBuilding
from archive.index.query import parse
from archive.index.schema import FACETS
from archive.index.snippets import make_snippet
from archive.index.suggestions import Suggesting
from archive.index.words import DICTIONARY_BOOST as DICTIONARY_BOOST  # bench/search_quality.py
from archive.vocabulary import vocabulary

SORTS = ("relevance", "date", "title")
FACET_VALUES = 30  # values shown per facet, the most frequent first
FILL = 10  # fewer records than this holding them: records holding any one word follow


@dataclass
class Hit:
    id: str
    title_en: str | None
    title_ar: str | None
    date: str | None
    document_type: str
    languages: list[str]
    process: str | None
    source_path: str | None
    page: int | None
    snippet: str | None
    score: float | None
    missing: list[str] = field(default_factory=list)  # typed words this record lacks


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    limit: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    expanded: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # When a query's words need not all match: how many records hold every one (they come
    # first), of how many words, and how many a record must hold.
    partial: dict[str, int] | None = None

    def as_data(self) -> dict[str, Any]:
        """The result as JSON-ready data (copies: the caller may change them)."""
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "limit": self.limit,
            "hits": [
                {
                    **vars(hit),
                    "languages": list(hit.languages),
                    "missing": list(hit.missing),
                    "score": None if hit.score is None else round(hit.score, 4),
                }
                for hit in self.hits
            ],
            "facets": {name: [dict(v) for v in values] for name, values in self.facets.items()},
            "expanded": copy.deepcopy(self.expanded),
            "suggestions": list(self.suggestions),
            "notes": list(self.notes),
            "partial": dict(self.partial) if self.partial else None,
        }


class RecordSearch(QueryBuilding, Suggesting):
    def __init__(self, indexes: SearchIndexes, catalog: Catalog):
        self.indexes, self.catalog = indexes, catalog

    def search(
        self,
        text: str,
        *,
        audience: str = "staff",
        page: int = 1,
        limit: int = 10,
        sort: str | None = None,
        expand: bool = True,
    ) -> SearchResult:
        parsed = parse(text)
        page, limit = max(1, page), max(1, min(limit, 200))
        result = SearchResult(text, 0, page, limit, notes=list(parsed.notes))
        if sort is not None and sort not in SORTS:
            result.notes.append(f"unknown sort {sort!r}: sorted by relevance")
            sort = None
        now = self.indexes.clock()
        with self.indexes.reading(audience) as opened:
            searcher = opened.searcher
            evaluation = opened.evaluation()
            agents = None if audience == "admin" else opened.present("agents")
            built = self._build(parsed, evaluation, expand, result.notes, agents)
            sort = sort or ("relevance" if parsed.has_text else "date")
            found, scores = evaluation.matches(built.query, scored=sort == "relevance")
            wider = built.widened() if len(found) < FILL else None
            if wider is not None:  # few hold most words: those holding fewer follow them
                built = wider
                found, scores = evaluation.matches(built.query, scored=sort == "relevance")
            result.total = len(found)
            result.facets = self._facets(opened.facets.count(searcher, found, FACET_VALUES))
            first = (page - 1) * limit
            shown: list[tuple[int, float | None]] = []
            if first < result.total and sort == "relevance":
                order = best_first(
                    scores, first + limit, lambda at: opened.facets.ids_of(searcher, found[at])
                )[first:]
                shown = [(int(found[i]), float(scores[i])) for i in order]
            elif first < result.total:
                nums = opened.facets.first(searcher, found, first + limit, by=sort)
                shown = [(docnum, None) for docnum in nums[first:]]
            lacking = self._lacking(evaluation, built, [d for d, _ in shown])
            for docnum, score in shown:
                stored = searcher.stored_fields(docnum)
                seen = self._seen(stored["id"], audience, now)
                shown_score = None if score is None else score % TIER  # the BM25 part
                hit = self._hit(stored, seen, built.highlight, shown_score)
                hit.missing = lacking.get(docnum, [])
                result.hits.append(hit)
            if built.units:
                result.partial = {
                    "words": len(built.units),
                    "minimum": built.minimum,
                    "every_word": self._every_word(evaluation, built, found, scores, sort),
                }
            for e in built.expanded:  # a learned term shown as a record writes it
                if e["kind"] == "collection":
                    e["also"] = [
                        self._learned_form(evaluation, t, audience, now) for t in e["also"]
                    ]
            result.expanded = built.expanded
            if result.total < 3 and built.words:
                result.suggestions = self._suggest(
                    evaluation,
                    built.words,
                    text,
                    audience,
                    now,
                    lambda d: opened.facets.ids_of(searcher, d),
                    opened.lexicon,
                )
        return result

    @staticmethod
    def _lacking(evaluation: Evaluation, built: Built, docnums: list[int]) -> dict[int, list]:
        """For each shown record, the typed words it does not hold (a query whose words need
        not all match)."""
        if not built.units or not docnums:
            return {}
        wanted = np.array(sorted(docnums), dtype=np.int64)
        lacking: dict[int, list[str]] = {}
        for said, q in built.units:
            holders, _ = evaluation.matches(q, scored=False)
            for docnum in wanted[~np.isin(wanted, holders)]:
                lacking.setdefault(int(docnum), []).append(said)
        return lacking

    @staticmethod
    def _every_word(evaluation, built: Built, found, scores, sort: str) -> int:
        """How many of the records found hold every typed word."""
        if sort == "relevance":
            return int(np.count_nonzero(scores >= len(built.units) * TIER))
        every, _ = evaluation.matches(And([q for _, q in built.units]), scored=False)
        return int(np.count_nonzero(np.isin(found, every)))

    def _seen(
        self, record_id: str, audience: str, now
    ) -> tuple[dict[str, Any], RecordText | None] | None:
        """The record and text the audience may see (what snippets and suggestions read)."""
        access = self.indexes.access
        if access is None:
            try:
                return self.catalog.record(record_id), self.catalog.text(record_id)
            except NotFound:
                return None
        view = access.view_by_id(self.catalog, record_id, audience, now)
        return (view.record, view.text) if view is not None else None

    # -- results ---------------------------------------------------------------------
    def _hit(
        self,
        stored: dict[str, Any],
        seen: tuple[dict[str, Any], RecordText | None] | None,
        highlight: set[str],
        score: float | None,
    ) -> Hit:
        shown = stored["shown"]
        page, snippet = None, None
        if highlight and seen is not None and seen[1] is not None:
            page, snippet = make_snippet(seen[1].pages, highlight)
        return Hit(
            stored["id"],
            shown.get("title_en"),
            shown.get("title_ar"),
            shown.get("date"),
            shown.get("document_type"),
            shown.get("languages", []),
            shown.get("process"),
            shown.get("source_path"),
            page,
            snippet,
            score,
        )

    def _facets(self, counts: dict[str, Counter]) -> dict[str, list[dict[str, Any]]]:
        """Each facet's values by count (the FACET_VALUES most frequent), labelled in both
        languages."""
        out = {}
        top = {
            name: [(v, n) for v, n in counts[name].most_common() if v][:FACET_VALUES]
            for name in FACETS
        }
        described = {  # one query for each kind of authority the facets name
            "process": self.catalog.described("process", [v for v, _ in top["process"]]),
            "agents": self.catalog.described("agent", [v for v, _ in top["agents"]]),
        }
        for name in FACETS:
            out[name] = [
                {"value": v, "count": n, "label": self._facet_label(name, v, described.get(name))}
                for v, n in top[name]
            ]
        return out

    def _facet_label(
        self, name: str, value: str, described: dict[str, dict] | None = None
    ) -> dict[str, str]:
        try:
            if name == "document_type":
                term = vocabulary("document_types").term(value)
                return {"en": term.en, "ar": term.ar}
            if name == "track":
                term = vocabulary("tracks").term(value)
                return {"en": term.en, "ar": term.ar}
            if name == "languages":
                term = vocabulary("languages").term(value)
                return {"en": term.en, "ar": term.ar}
            if name == "process":
                p = (
                    described[value]
                    if described and value in described
                    else self.catalog.process(value)
                )
                return {
                    "en": p.get("name_en") or value,
                    "ar": p.get("name_ar") or p.get("name_en") or value,
                }
            if name == "agents":
                a = (
                    described[value]
                    if described and value in described
                    else self.catalog.agent(value)
                )
                arabic = next(
                    (n["name"] for n in a.get("parallel_names", []) if n["lang"] == "ar"), None
                )
                return {"en": a["authorised_name"], "ar": arabic or a["authorised_name"]}
        except (NotFound, UnknownTerm):
            pass
        return {"en": value, "ar": value}


def best_first(scores: np.ndarray, n: int, ids_of) -> np.ndarray:
    """Positions of the n best scores, best first; equal scores by record identifier (so the
    order does not depend on how the index is laid out). Scores are rounded to 9 places first:
    sums of the same terms in another order differ in the last bits."""
    scores = np.round(scores, 9)
    if len(scores) > n:
        threshold = np.partition(scores, len(scores) - n)[len(scores) - n]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(len(scores))
    ids = ids_of(candidates)
    order = sorted(range(len(candidates)), key=lambda i: (-scores[candidates[i]], ids[i]))
    return candidates[order[:n]]
