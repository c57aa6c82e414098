"""Searching an audience's index: query building, facets, sorting, paging, snippets, "did you
mean". The only module that builds Whoosh queries."""

from __future__ import annotations

import bisect
import copy
import html
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from whoosh.query import And, Every, Not, NullQuery, NumericRange, Or, Phrase, Query, Term
from whoosh.support.levenshtein import distance

from archive.catalog import Catalog, RecordText
from archive.errors import NotFound, UnknownTerm
from archive.index.analysis import (
    LATIN_FUNCTION_WORDS,
    analyze,
    arabic_root,
    bilingual_analyzer,
    fold_latin,
    is_arabic,
    phrase_slop,
    term_spans,
)
from archive.index.dictionary import lookup as dictionary_lookup
from archive.index.documents import date_bounds
from archive.index.expansion import Expansion, find_expansions
from archive.index.indexes import SearchIndexes
from archive.index.matches import TIER, AtLeast, Evaluation
from archive.index.parallel import holder, taught
from archive.index.query import Clause, DateRange, ParsedQuery, parse
from archive.index.schema import FACETS, TEXT_FIELDS
from archive.index.translit import is_particle, name_parts
from archive.vocabulary import thesaurus, vocabulary

SNIPPET_CHARS = 240
NAMEKEY_BOOST = 0.4
EXPANSION_BOOST = 0.8
# a general dictionary's translations: weighed as a thesaurus label is (from 0.4: cross-lingual
# recall@10 0.890 -> 0.910 on bench/outsider-set and 0.894 -> 0.917 on a held-out collection
# nobody tuned on; the own set's keyword queries lose one record from rank 10 to 11)
DICTIONARY_BOOST = 0.8
ROOT_BOOST = 0.2  # an Arabic word's root: the coarsest match, weighed lowest
# where a translation is looked for: the text, not names, places or identifiers (each field
# more is a posting list more to read for each translation)
TRANSLATION_FIELDS = ("title", "abstract", "subjects", "body")
COMPOUND_BOOST = 0.5  # the two words a word no record holds may be made of
SORTS = ("relevance", "date", "title")
SUGGEST_FROM = ("title", "names", "places", "body")  # where did-you-mean finds words
FACET_VALUES = 30  # values shown per facet, the most frequent first


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


@dataclass
class _Built:
    highlight: set[str]
    expanded: list[dict[str, Any]]
    words: list[str]
    typed: list[tuple[str, Query]]  # each typed word (or an expansion's words) as a query
    minimum: int  # of them a record must match
    must: list[Query]  # the rest: phrases, fields, dates
    must_not: list[Query]

    @property
    def units(self) -> list[tuple[str, Query]]:
        """The typed words a record may lack some of (none where all must match)."""
        return self.typed if self.minimum < len(self.typed) else []

    @property
    def query(self) -> Query:
        must = list(self.must)
        if self.units:
            must.insert(0, AtLeast([q for _, q in self.typed], self.minimum))
        else:
            must[:0] = [q for _, q in self.typed]
        query: Query = And(must) if must else Every()
        return And([query, Not(Or(self.must_not))]) if self.must_not else query

    def widened(self) -> _Built | None:
        """The same query where a record holding any one of the typed words matches (ranked
        by how many it holds), or None where it already does."""
        if len(self.typed) < 2 or self.minimum <= 1:
            return None
        return replace(self, minimum=1)


PARTIAL_FROM = 3  # a query of this many words or more matches records holding most of them
FILL = 10  # fewer records than this holding them: records holding any one word follow


def minimum_should_match(units: int, *, name_like: bool = False) -> int:
    """Of a query's words, how many a record must hold: all of one or two, at least half of
    three or more (they rank by how many they hold). A name of two parts (Hala Qandil, هالة
    قنديل) finds the records that name one of them too, after those naming both: a record
    often names a person by the family name alone."""
    if units < PARTIAL_FROM and not (name_like and units == 2):
        return units
    return -(-units // 2)


def _any_field(term: str, boost: float = 1.0) -> Query:
    return Or([Term(f, term, boost=w * boost) for f, w in TEXT_FIELDS.items()])


def _phrase_any_field(
    terms: tuple[str, ...] | list[str],
    boost: float = 1.0,
    slop: int = 2,
    fields: tuple[str, ...] | None = None,
) -> Query:
    weights = {f: w for f, w in TEXT_FIELDS.items() if fields is None or f in fields}
    if len(terms) == 1:
        return Or([Term(f, terms[0], boost=w * boost) for f, w in weights.items()])
    return Or([Phrase(f, list(terms), slop=slop, boost=w * boost) for f, w in weights.items()])


# Where the other forms of an expanded concept or name are looked for.
EXPANSION_FIELDS = {
    "subject": ("title", "abstract", "body", "context"),
    "agent": ("title", "abstract", "body", "names"),
}


def _with_translations(
    evaluation: Evaluation,
    q: Query,
    said: str,
    terms: list[str],
    expanded: list[dict[str, Any]],
    highlight: set[str],
) -> Query:
    """A typed word no concept or name covers, or else its translations that records of this
    audience hold: those its own bilingual records teach (archive/index/parallel.py) and those
    of the general dictionary (archive/index/dictionary.py), weighed as a thesaurus label
    (DICTIONARY_BOOST) and reported as such."""

    def held(translation: tuple[str, ...]) -> bool:
        return all(any(evaluation.holds(f, t) for f in TRANSLATION_FIELDS) for t in translation)

    learned = [(t,) for t in taught(evaluation, terms[0])] if len(terms) == 1 else []
    if learned:
        expanded.append(
            {"said": said, "kind": "collection", "code": None, "also": [t for (t,) in learned]}
        )
    found = [t for t in dictionary_lookup(terms, held) if t.terms not in learned]
    if found:
        expanded.append(
            {"said": said, "kind": "dictionary", "code": None, "also": [t.written for t in found]}
        )
    if not found and not learned:
        return q
    translations = [*learned, *(t.terms for t in found)]
    for t in translations:
        highlight.update(t)
    options = [
        q,
        *(_phrase_any_field(t, DICTIONARY_BOOST, fields=TRANSLATION_FIELDS) for t in translations),
    ]
    roots = {arabic_root(t.written) for t in found if len(t.terms) == 1 and is_arabic(t.written)}
    options += [Term("roots", r, boost=ROOT_BOOST) for r in sorted(roots - {None})]
    return Or(options)


def _may_match(evaluation: Evaluation, q: Query) -> bool:
    """Whether some record may match a query: one of its terms is held somewhere (its phrases
    and conjunctions may still match nothing; this only finds the words no record holds)."""
    return any(
        evaluation.doc_frequency(t.fieldname, t.text) for t in q.leaves() if type(t) is Term
    ) or any(
        all(evaluation.doc_frequency(p.fieldname, w) for w in p.words)
        for p in q.leaves()
        if type(p) is Phrase
    )


def _compound_parts(evaluation: Evaluation, word: str) -> list[str] | None:
    """A Latin word no record holds, read as two words records hold (schoolgirls: school,
    girls; ceasefire: cease, fire), split where both parts are commonest; their terms."""
    best, best_count = None, 0
    for cut in range(3, len(word) - 2):
        left, right = analyze(word[:cut]), analyze(word[cut:])
        if len(left) != 1 or len(right) != 1:
            continue
        count = min(
            max(evaluation.doc_frequency(f, t) for f in TEXT_FIELDS) for t in (left[0], right[0])
        )
        if count > best_count:
            best, best_count = [left[0], right[0]], count
    return best


def _keys_query(
    parts: list[frozenset[str]], fields: tuple[str, ...], boost: float = NAMEKEY_BOOST
) -> Query:
    """Every part of a name by one of its keys, in one of the fields."""
    return And(
        [Or([Term(f, k, boost=boost) for f in fields for k in sorted(part)]) for part in parts]
    )


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
    def _lacking(evaluation: Evaluation, built: _Built, docnums: list[int]) -> dict[int, list]:
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
    def _every_word(evaluation, built: _Built, found, scores, sort: str) -> int:
        """How many of the records found hold every typed word."""
        if sort == "relevance":
            return int(np.count_nonzero(scores >= len(built.units) * TIER))
        every, _ = evaluation.matches(And([q for _, q in built.units]), scored=False)
        return int(np.count_nonzero(np.isin(found, every)))

    # -- building --------------------------------------------------------------------
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

    def _build(
        self,
        parsed: ParsedQuery,
        evaluation: Evaluation,
        expand: bool,
        notes: list[str],
        agents: set[str] | None,
    ) -> _Built:
        """The query; names are expanded only through the agents the audience's own index
        names (all of them for staff: agents=None)."""
        must: list[Query] = []
        must_not: list[Query] = []
        highlight: set[str] = set()
        expanded: list[dict[str, Any]] = []
        words = [
            c for c in parsed.clauses if c.kind == "words" and not c.negated and not c.alternatives
        ]
        analyzed = [analyze(c.text) for c in words]
        found: list[tuple[int, str, Query]] = []  # each typed word, or those an expansion covers
        expansions = find_expansions(analyzed, self.catalog, agents) if expand else []
        covered: dict[int, Expansion] = {}
        for e in expansions:
            for i in range(e.start, e.end):
                covered[i] = e
        for e in expansions:
            said = " ".join(words[i].text for i in range(e.start, e.end))
            original = [t for i in range(e.start, e.end) for t in analyzed[i]]
            options: list[Query] = [_all_words(original)]
            fields = EXPANSION_FIELDS["subject" if e.subject else "agent"]
            options += [_phrase_any_field(p, EXPANSION_BOOST, fields=fields) for p in e.phrases]
            if e.subject:
                options.append(Term("subject_codes", e.subject))
            if e.agent:
                options.append(Term("agents", e.agent))
                parts = name_parts(said)  # and the name as other scripts and spellings write it
                if parts:
                    options.append(_keys_query(parts, ("namekey", "namekey_ar")))
            found.append((e.start, said, Or(options)))
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
        # two words or more that may be names (capitalised, or Arabic): their keys together
        # say enough that short ones (Rana, Hala: two letters) may be looked for too
        name_like = sum(is_arabic(c.text) or c.text[:1].isupper() for c in words) >= 2
        function = {  # typed in small letters: US, WHO, IF, May, Will are what they say
            i
            for i, c in enumerate(words)
            if c.text.islower() and fold_latin(c.text) in LATIN_FUNCTION_WORDS
        }
        if all(i in function for i, terms in enumerate(analyzed) if terms):
            function = set()  # a query of such words (and stop words) only: it asks for them
        for i, (clause, terms) in enumerate(zip(words, analyzed, strict=True)):
            if i in covered or not terms or (name_like and is_particle(clause.text)):
                continue  # bin, Abu, بو in a name: no word a record must hold
            if i in function:
                continue  # between, after: what the query is about is in its other words
            q = self._words(evaluation, clause.text, terms, short_keys=name_like)
            if expand:
                q = _with_translations(evaluation, q, clause.text, terms, expanded, highlight)
            found.append((i, clause.text, q))
            highlight.update(terms)
        units = [(said, q) for _, said, q in sorted(found, key=lambda u: u[0])]
        for _, q in units:
            q.kept = True  # the evaluation keeps what each word matched: asked again below
        if len(units) > 1:  # a word no record holds (in any form) does not empty the answer
            held = [(said, q) for said, q in units if _may_match(evaluation, q)]
            nowhere = [said for said, _ in units if all(said != h for h, _ in held)]
            if nowhere and held:
                notes.append("no record holds: " + ", ".join(nowhere))
                units = held
        minimum = minimum_should_match(len(units), name_like=name_like)
        for clause in parsed.clauses:
            if clause.kind == "words" and not clause.negated and not clause.alternatives:
                continue
            q = self._clause(evaluation, clause, notes, highlight)
            if q is None:
                continue
            (must_not if clause.negated else must).append(q)
        must += [self._dates(d) for d in parsed.dates]
        return _Built(highlight, expanded, [c.text for c in words], units, minimum, must, must_not)

    def _words(
        self, evaluation: Evaluation, text: str, terms: list[str], *, short_keys: bool = False
    ) -> Query:
        """One typed word: its terms in any text field, or, for a word that may be a name, its
        transliteration keys: a Latin word (capitalised, or found nowhere) in the keys of
        Arabic words and of other Latin spellings; an Arabic word in those of Latin-written
        names (its own script's spellings its analysis already finds)."""
        q = _phrase_any_field(terms)
        unknown = all(evaluation.doc_frequency(f, t) == 0 for t in terms for f in TEXT_FIELDS)
        if unknown and len(terms) == 1 and not is_arabic(text):
            parts = _compound_parts(evaluation, text)
            if parts:  # schoolgirls: school and girls
                q = Or([q, And([_any_field(t, COMPOUND_BOOST) for t in parts])])
        root = arabic_root(text) if is_arabic(text) and len(terms) == 1 else None
        if root:  # a broken plural or another form of the word, weighed low
            q = Or([q, Term("roots", root, boost=ROOT_BOOST)])
        parts = name_parts(text)
        if not parts:
            return q
        least = 2 if short_keys else 3
        if is_arabic(text):
            fields = ("namekey",) if unknown or max(len(k) for k in parts[-1]) >= least else ()
        else:
            long_enough = any(len(k) >= least for part in parts for k in part)
            wanted = (unknown or text[:1].isupper()) and long_enough
            fields = ("namekey", "namekey_ar") if wanted else ()
        if fields:
            q = Or([q, _keys_query(parts, fields)])
        return q

    def _clause(
        self, evaluation: Evaluation, clause: Clause, notes: list[str], highlight: set[str]
    ) -> Query | None:
        if clause.kind in ("words", "phrase"):
            options = []
            for c in [clause, *clause.alternatives]:
                terms = analyze(c.text)
                if terms:
                    options.append(
                        self._words(evaluation, c.text, terms)
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
            parts = name_parts(value)
            if any(len(k) >= 3 for part in parts for k in part):
                options.append(_keys_query(parts, ("namekey", "namekey_ar"), boost=1.0))
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

    def _suggest(
        self,
        evaluation: Evaluation,
        words: list[str],
        text: str,
        audience: str,
        now,
        ids_of,
        lexicon,
    ) -> list[str]:
        """For each typed word no text field holds, the word of the texts closest to it
        (within two edits of its indexed form, the most frequent first), written as a text
        the audience may read writes it."""
        corrected, changed = text, False
        for word in words:
            forms = analyze(word)
            if len(forms) != 1 or any(evaluation.doc_frequency(f, forms[0]) for f in SUGGEST_FROM):
                continue
            best: tuple[int, int, str, str] | None = None  # (edits, -frequency, field, term)
            typed_form = forms[0]
            for name in SUGGEST_FROM:
                # the field's terms that share the first letter, by one distance function
                # (Whoosh's own search differs between one segment and several)
                terms = lexicon(name)
                lo = bisect.bisect_left(terms, typed_form[:1])
                hi = bisect.bisect_left(terms, typed_form[:1] + "\uffff")
                for term in terms[lo:hi]:
                    if abs(len(term) - len(typed_form)) > 2:
                        continue
                    edits = distance(term, typed_form, limit=3)
                    if edits > 2:
                        continue
                    frequency = evaluation.doc_frequency(name, term)
                    if not frequency:  # only in documents removed from this index
                        continue
                    found = (edits, -frequency, name, term)
                    best = min(best, found) if best else found
            if best is None:
                continue
            holders, _ = evaluation.matches(Term(best[2], best[3]), scored=False)
            surface = self._written_form(min(ids_of(holders)), best[3], word, audience, now)
            if surface:
                corrected = corrected.replace(word, surface, 1)
                changed = True
        return [corrected] if changed else []

    def _learned_form(self, evaluation: Evaluation, term: str, audience: str, now) -> str:
        """A learned term as a record that taught it writes it (the stem where none can)."""
        found = holder(evaluation, term)
        return (self._written_form(found, term, term, audience, now) if found else None) or term

    def _written_form(
        self, record_id: str, term: str, typed: str, audience: str, now
    ) -> str | None:
        """How a record (the one with the lowest identifier that holds the term) writes an
        indexed term: among its words, the one closest to what was typed."""
        seen = self._seen(record_id, audience, now)
        if seen is None:
            return None
        record, text = seen
        writings = [record.get("title_en"), record.get("title_ar")]
        writings += [a["name"] for a in record.get("agents", [])]
        writings += record.get("places", []) + (text.pages if text else [])
        found = {
            page[t.startchar : t.endchar]
            for page in writings
            if page
            for t in _HIGHLIGHT_ANALYZER(page, chars=True)
            if t.text == term
        }
        if not found:
            return None
        lowered = typed == typed.lower()
        forms = {f.lower() if lowered else f for f in found}
        return min(forms, key=lambda f: (distance(f, typed), f))


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


_HIGHLIGHT_ANALYZER = bilingual_analyzer()


def make_snippet(
    pages: list[str], terms: set[str], width: int = SNIPPET_CHARS
) -> tuple[int | None, str | None]:
    """The passage with the most matching words, HTML-escaped, matches in <mark>, and its page."""
    best: tuple[int, int, int, list[tuple[int, int]]] | None = None  # (count, page, start, spans)
    for number, page in enumerate(pages, start=1):
        spans = term_spans(page, terms)
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
