"""Building a search's query from the parsed text: the typed words (expanded to concepts,
names and translations), how many of them a record must hold, the fields, phrases and dates.
With archive/index/words.py, the only modules that build the Whoosh queries of a search."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from whoosh.query import And, Every, Not, NullQuery, NumericRange, Or, Phrase, Query, Term

from archive.catalog import Catalog
from archive.index.analysis import (
    LATIN_FUNCTION_WORDS,
    analyze,
    arabic_root,
    fold_latin,
    is_arabic,
    phrase_slop,
)
from archive.index.documents import date_bounds
from archive.index.expansion import Expansion, find_expansions
from archive.index.matches import AtLeast, Evaluation
from archive.index.query import Clause, DateRange, ParsedQuery
from archive.index.schema import TEXT_FIELDS
from archive.index.translit import is_particle, name_parts
from archive.index.words import (
    ROOT_BOOST,
    all_words,
    any_field,
    compound_parts,
    keys_query,
    may_match,
    phrase_any_field,
    with_translations,
)
from archive.vocabulary import thesaurus, vocabulary

EXPANSION_BOOST = 0.8
COMPOUND_BOOST = 0.5  # the two words a word no record holds may be made of


@dataclass
class Built:
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

    def widened(self) -> Built | None:
        """The same query where a record holding any one of the typed words matches (ranked
        by how many it holds), or None where it already does."""
        if len(self.typed) < 2 or self.minimum <= 1:
            return None
        return replace(self, minimum=1)


PARTIAL_FROM = 3  # a query of this many words or more matches records holding most of them


def minimum_should_match(units: int, *, name_like: bool = False) -> int:
    """Of a query's words, how many a record must hold: all of one or two, at least half of
    three or more (they rank by how many they hold). A name of two parts (Hala Qandil, هالة
    قنديل) finds the records that name one of them too, after those naming both: a record
    often names a person by the family name alone."""
    if units < PARTIAL_FROM and not (name_like and units == 2):
        return units
    return -(-units // 2)


# Where the other forms of an expanded concept or name are looked for.
EXPANSION_FIELDS = {
    "subject": ("title", "abstract", "body", "context"),
    "agent": ("title", "abstract", "body", "names"),
}


class QueryBuilding:
    """Mixed into RecordSearch (archive/index/search.py), whose catalog it reads."""

    catalog: Catalog

    # -- building --------------------------------------------------------------------
    def _build(
        self,
        parsed: ParsedQuery,
        evaluation: Evaluation,
        expand: bool,
        notes: list[str],
        agents: set[str] | None,
    ) -> Built:
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
            options: list[Query] = [all_words(original)]
            fields = EXPANSION_FIELDS["subject" if e.subject else "agent"]
            options += [phrase_any_field(p, EXPANSION_BOOST, fields=fields) for p in e.phrases]
            if e.subject:
                options.append(Term("subject_codes", e.subject))
            if e.agent:
                options.append(Term("agents", e.agent))
                parts = name_parts(said)  # and the name as other scripts and spellings write it
                if parts:
                    options.append(keys_query(parts, ("namekey", "namekey_ar")))
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
                q = with_translations(evaluation, q, clause.text, terms, expanded, highlight)
            found.append((i, clause.text, q))
            highlight.update(terms)
        units = [(said, q) for _, said, q in sorted(found, key=lambda u: u[0])]
        for _, q in units:
            q.kept = True  # the evaluation keeps what each word matched: asked again below
        if len(units) > 1:  # a word no record holds (in any form) does not empty the answer
            held = [(said, q) for said, q in units if may_match(evaluation, q)]
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
        return Built(highlight, expanded, [c.text for c in words], units, minimum, must, must_not)

    def _words(
        self, evaluation: Evaluation, text: str, terms: list[str], *, short_keys: bool = False
    ) -> Query:
        """One typed word: its terms in any text field, or, for a word that may be a name, its
        transliteration keys: a Latin word (capitalised, or found nowhere) in the keys of
        Arabic words and of other Latin spellings; an Arabic word in those of Latin-written
        names (its own script's spellings its analysis already finds)."""
        q = phrase_any_field(terms)
        unknown = all(evaluation.doc_frequency(f, t) == 0 for t in terms for f in TEXT_FIELDS)
        if unknown and len(terms) == 1 and not is_arabic(text):
            parts = compound_parts(evaluation, text)
            if parts:  # schoolgirls: school and girls
                q = Or([q, And([any_field(t, COMPOUND_BOOST) for t in parts])])
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
            q = Or([q, keys_query(parts, fields)])
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
                        else phrase_any_field(terms, slop=phrase_slop(c.text))
                    )
                    highlight.update(terms)
            return Or(options) if options else None
        return self._field(evaluation, clause, notes, highlight)

    def _field(
        self, evaluation: Evaluation, clause: Clause, notes: list[str], highlight: set[str]
    ) -> Query | None:
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
            if evaluation.doc_frequency("agents", value):
                # an identifier the asker's own index holds (a facet's link, an agent's page):
                # that agent's records only, not those of names that sound alike
                return Term("agents", value)
            options: list[Query] = [Term("agents", a) for a in self.catalog.agents_named(value)]
            if terms:
                options.append(
                    Phrase("names", terms) if len(terms) > 1 else Term("names", terms[0])
                )
            parts = name_parts(value)
            if any(len(k) >= 3 for part in parts for k in part):
                options.append(keys_query(parts, ("namekey", "namekey_ar"), boost=1.0))
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
