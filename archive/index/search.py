"""Searching an audience's index: query building, facets, sorting, paging, snippets, "did you
mean". The only module that builds Whoosh queries."""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field
from typing import Any

from whoosh import sorting
from whoosh.query import And, Every, Not, NullQuery, NumericRange, Or, Phrase, Query, Term

from archive.catalog import Catalog
from archive.errors import NotFound, UnknownTerm
from archive.index.analysis import analyze, bilingual_analyzer, phrase_slop
from archive.index.documents import date_bounds
from archive.index.expansion import Expansion, find_expansions
from archive.index.indexes import SearchIndexes
from archive.index.query import Clause, DateRange, ParsedQuery, parse
from archive.index.schema import FACETS, TEXT_FIELDS
from archive.index.translit import name_keys
from archive.vocabulary import thesaurus, vocabulary

SNIPPET_CHARS = 240
NAMEKEY_BOOST = 0.4
EXPANSION_BOOST = 0.8
SORTS = ("relevance", "date", "title")


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

    def as_data(self) -> dict[str, Any]:
        data = asdict(self)
        for hit in data["hits"]:
            hit["score"] = None if hit["score"] is None else round(hit["score"], 4)
        return data


@dataclass
class _Built:
    query: Query
    highlight: set[str]
    expanded: list[dict[str, Any]]
    words: list[str]


def _any_field(term: str, boost: float = 1.0) -> Query:
    return Or([Term(f, term, boost=w * boost) for f, w in TEXT_FIELDS.items()])


def _phrase_any_field(
    terms: tuple[str, ...] | list[str], boost: float = 1.0, slop: int = 2
) -> Query:
    if len(terms) == 1:
        return _any_field(terms[0], boost)
    return Or([Phrase(f, list(terms), slop=slop, boost=w * boost) for f, w in TEXT_FIELDS.items()])


def _all_words(terms: list[str]) -> Query:
    """Each term somewhere in the record, in any order and any field."""
    return And([_any_field(t) for t in terms]) if len(terms) > 1 else _any_field(terms[0])


class RecordSearch:
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
        with self.indexes.searcher(audience) as searcher:
            built = self._build(parsed, searcher, expand, result.notes)
            sort = sort or ("relevance" if parsed.has_text else "date")
            sortedby = {
                "date": sorting.FieldFacet("date_from", reverse=True),
                "title": sorting.FieldFacet("title_sort"),
            }.get(sort)
            facets = sorting.Facets()
            for name in FACETS:
                facets.add_field(
                    name,
                    allow_overlap=name in ("languages", "year", "agents"),
                    maptype=sorting.Count,
                )
            hits = searcher.search_page(
                built.query, page, pagelen=limit, sortedby=sortedby, groupedby=facets, terms=False
            )
            result.total = len(hits.results)
            result.facets = self._facets(hits.results)
            for hit in hits:
                result.hits.append(self._hit(hit, built.highlight, sort == "relevance"))
            result.expanded = built.expanded
            if result.total < 3 and built.words:
                result.suggestions = self._suggest(searcher, built.words, text)
        return result

    # -- building --------------------------------------------------------------------
    def _build(self, parsed: ParsedQuery, searcher, expand: bool, notes: list[str]) -> _Built:
        reader = searcher.reader()
        must: list[Query] = []
        must_not: list[Query] = []
        highlight: set[str] = set()
        expanded: list[dict[str, Any]] = []
        words = [
            c for c in parsed.clauses if c.kind == "words" and not c.negated and not c.alternatives
        ]
        analyzed = [analyze(c.text) for c in words]
        expansions = find_expansions(analyzed, self.catalog) if expand else []
        covered: dict[int, Expansion] = {}
        for e in expansions:
            for i in range(e.start, e.end):
                covered[i] = e
        for e in expansions:
            said = " ".join(words[i].text for i in range(e.start, e.end))
            original = [t for i in range(e.start, e.end) for t in analyzed[i]]
            options: list[Query] = [_all_words(original)]
            options += [_phrase_any_field(p, EXPANSION_BOOST) for p in e.phrases]
            if e.subject:
                options.append(Term("subject_codes", e.subject))
            if e.agent:
                options.append(Term("agents", e.agent))
            must.append(Or(options))
            highlight.update(original)
            for p in e.phrases:
                highlight.update(p)
            others = [label for label in e.labels if tuple(analyze(label)) != tuple(original)]
            expanded.append(
                {
                    "said": said,
                    "kind": "subject" if e.subject else "agent",
                    "code": e.subject or e.agent,
                    "also": others,
                }
            )
        for i, (clause, terms) in enumerate(zip(words, analyzed, strict=True)):
            if i in covered or not terms:
                continue
            must.append(self._words(reader, clause.text, terms))
            highlight.update(terms)
        for clause in parsed.clauses:
            if clause.kind == "words" and not clause.negated and not clause.alternatives:
                continue
            q = self._clause(reader, clause, notes, highlight)
            if q is None:
                continue
            (must_not if clause.negated else must).append(q)
        must += [self._dates(d) for d in parsed.dates]
        query: Query = And(must) if must else Every()
        if must_not:
            query = And([query, Not(Or(must_not))])
        return _Built(query, highlight, expanded, [c.text for c in words])

    def _words(self, reader, text: str, terms: list[str]) -> Query:
        """One typed word: its terms in any text field; a name written in the other script is
        found by its transliteration key when the word is capitalised or nowhere in the text."""
        q = _phrase_any_field(terms)
        unknown = all(reader.doc_frequency(f, t) == 0 for t in terms for f in TEXT_FIELDS)
        if unknown or text[:1].isupper():
            keys = [k for k in name_keys(text) if len(k) >= 3]
            if keys:
                q = Or([q, And([Term("namekey", k, boost=NAMEKEY_BOOST) for k in keys])])
        return q

    def _clause(
        self, reader, clause: Clause, notes: list[str], highlight: set[str]
    ) -> Query | None:
        if clause.kind in ("words", "phrase"):
            options = []
            for c in [clause, *clause.alternatives]:
                terms = analyze(c.text)
                if terms:
                    options.append(
                        self._words(reader, c.text, terms)
                        if c.kind == "words"
                        else _phrase_any_field(terms, slop=phrase_slop(c.text))
                    )
                    highlight.update(terms)
            return Or(options) if options else None
        return self._field(clause, notes, highlight)

    def _field(self, clause: Clause, notes: list[str], highlight: set[str]) -> Query | None:
        name, value = clause.field, clause.text
        terms = analyze(value)
        if name == "title":
            return (
                Phrase("title", terms)
                if len(terms) > 1
                else (Term("title", terms[0]) if terms else None)
            )
        if name in ("process", "session", "collection", "id"):
            target = {"id": "id"}.get(name, name)
            text_match = (
                [Phrase("context", terms)]
                if len(terms) > 1
                else [Term("context", t) for t in terms]
            )
            return Or(
                [Term(target, value), *(text_match if name in ("process", "session") else [])]
            )
        if name in ("type", "lang", "track"):
            vocab = {"type": "document_types", "lang": "languages", "track": "tracks"}[name]
            code = vocabulary(vocab).find(value)
            if code is None:
                notes.append(
                    f"{name}:{value} is not a known {vocab.replace('_', ' ')} value: ignored"
                )
                return None
            return Term(
                {"type": "document_type", "lang": "languages", "track": "track"}[name], code
            )
        if name == "agent":
            options: list[Query] = [Term("agents", a) for a in self.catalog.agents_named(value)]
            if terms:
                options.append(
                    Phrase("names", terms) if len(terms) > 1 else Term("names", terms[0])
                )
            keys = [k for k in name_keys(value) if len(k) >= 3]
            if keys:
                options.append(And([Term("namekey", k) for k in keys]))
            highlight.update(terms)
            return Or(options) if options else None
        if name == "subject":
            code = thesaurus().find(value)
            options = [Term("subject_codes", code)] if code else []
            if terms:
                options.append(
                    Phrase("subjects", terms) if len(terms) > 1 else Term("subjects", terms[0])
                )
            return Or(options) if options else None
        if name == "place":
            return (
                (Phrase("places", terms) if len(terms) > 1 else Term("places", terms[0]))
                if terms
                else None
            )
        return NullQuery

    @staticmethod
    def _dates(found: DateRange) -> Query:
        start = date_bounds(found.start)[0] if found.start else None
        end = date_bounds(found.end)[1] if found.end else None
        parts = []
        if start is not None:
            parts.append(NumericRange("date_to", start, None))
        if end is not None:
            parts.append(NumericRange("date_from", None, end))
        return And(parts) if parts else Every()

    # -- results ---------------------------------------------------------------------
    def _hit(self, hit, highlight: set[str], scored: bool) -> Hit:
        shown = hit["shown"]
        page, snippet = None, None
        if highlight:
            text = self.catalog.text(hit["id"])
            if text:
                page, snippet = make_snippet(text.pages, highlight)
        return Hit(
            hit["id"],
            shown.get("title_en"),
            shown.get("title_ar"),
            shown.get("date"),
            shown["document_type"],
            shown.get("languages", []),
            shown.get("process"),
            shown.get("source_path"),
            page,
            snippet,
            hit.score if scored else None,
        )

    def _facets(self, results) -> dict[str, list[dict[str, Any]]]:
        out = {}
        for name in FACETS:
            counts = results.groups(name)
            rows = [{"value": v, "count": n} for v, n in counts.items() if v not in (None, "", b"")]
            rows.sort(key=lambda r: (-r["count"], str(r["value"])))
            for row in rows:
                row["value"] = (
                    row["value"].decode() if isinstance(row["value"], bytes) else str(row["value"])
                )
                row["label"] = self._facet_label(name, row["value"])
            out[name] = rows
        return out

    def _facet_label(self, name: str, value: str) -> dict[str, str]:
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
                p = self.catalog.process(value)
                return {
                    "en": p.get("name_en") or value,
                    "ar": p.get("name_ar") or p.get("name_en") or value,
                }
            if name == "agents":
                a = self.catalog.agent(value)
                arabic = next(
                    (n["name"] for n in a.get("parallel_names", []) if n["lang"] == "ar"), None
                )
                return {"en": a["authorised_name"], "ar": arabic or a["authorised_name"]}
        except (NotFound, UnknownTerm):
            pass
        return {"en": value, "ar": value}

    def _suggest(self, searcher, words: list[str], text: str) -> list[str]:
        corrector = searcher.corrector("spelling")
        corrected, changed = text, False
        for word in words:
            forms = analyze(word, stem=False, stop=False)
            if len(forms) != 1 or searcher.reader().doc_frequency("spelling", forms[0]):
                continue
            options = corrector.suggest(forms[0], limit=1, maxdist=2)
            if options:
                corrected = corrected.replace(word, options[0], 1)
                changed = True
        return [corrected] if changed else []


_HIGHLIGHT_ANALYZER = bilingual_analyzer()


def make_snippet(
    pages: list[str], terms: set[str], width: int = SNIPPET_CHARS
) -> tuple[int | None, str | None]:
    """The passage with the most matching words, HTML-escaped, matches in <mark>, and its page."""
    best: tuple[int, int, int, list[tuple[int, int]]] | None = None  # (count, page, start, spans)
    for number, page in enumerate(pages, start=1):
        spans = [
            (t.startchar, t.endchar)
            for t in _HIGHLIGHT_ANALYZER(page, chars=True)
            if t.text in terms
        ]
        for i, (start, _) in enumerate(spans):
            inside = [s for s in spans[i:] if s[1] - start <= width]
            if best is None or len(inside) > best[0]:
                best = (len(inside), number, start, inside)
    if best is None:
        return None, None
    _, number, start, spans = best
    page = pages[number - 1]
    begin = max(0, start - width // 3)
    begin = page.rfind(" ", 0, begin) + 1 if begin else 0
    end = min(len(page), begin + width)
    out, cursor = [], begin
    for s, e in spans:
        if e > end:
            break
        out += [html.escape(page[cursor:s]), "<mark>", html.escape(page[s:e]), "</mark>"]
        cursor = e
    out.append(html.escape(page[cursor:end]))
    text = " ".join("".join(out).split())
    return number, ("… " if begin else "") + text + (" …" if end < len(page) else "")
