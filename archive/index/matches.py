"""Every document a query matches, with its score, as numpy arrays.

Whoosh scores one posting at a time in Python: 130–210 ms for a common word at 100,000
records, before any facet is counted. Here a query tree of Every, Term, And, Or, Not and
numeric ranges is evaluated over whole posting blocks with numpy set operations, and each
term's BM25F score (Whoosh's formula and statistics, so rankings agree with Whoosh's own) is
computed for all its postings at once. Anything else (a phrase) goes through its own Whoosh
matcher. Facet counts, totals and every sort order then work from the same arrays.

The block reading uses the internals of Whoosh-Reloaded 2.7.5's W3 codec (the pinned version);
tests compare every result with Whoosh's own search.
"""

from __future__ import annotations

from math import log

import numpy as np
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.query import And, Every, Not, NullQuery, NumericRange, Or, Phrase, Query, Term
from whoosh.query.compound import CompoundQuery
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F

from archive.index.formats import PackedPositions
from archive.index.postings import (  # noqa: F401 - re-exported: facets, opened, parallel
    ABSENT_KEPT,
    EMPTY,
    LIVE,
    MISSING_NUMBER,
    NO_SCORES,
    POSTINGS_BUDGET,
    Postings,
    SegmentStatistics,
    column,
    common,
    date_column,
    leaf_readers,
    live_docnums,
    numeric_column,
    read_postings,
)

_BM25 = BM25F()
TIER = 1_000_000.0  # the score a matched word of an AtLeast is worth above any BM25 sum


class AtLeast(CompoundQuery):
    """The documents matching at least `minimum` of the subqueries (the words of a query, as
    Lucene's minimum-should-match), scored so that a document matching more of them ranks
    above any matching fewer: each matched subquery adds TIER, then their BM25 scores. Not an
    Or, so that no Or flattens it; Whoosh's own search of it (the tests compare) agrees."""

    JOINT = " ATLEAST "

    def __init__(self, subqueries, minimum: int, boost: float = 1.0):
        super().__init__(list(subqueries), boost=boost)
        self.minimum = minimum

    def __eq__(self, other):
        return super().__eq__(other) and getattr(other, "minimum", None) == self.minimum

    def __hash__(self):
        return hash((super().__hash__(), self.minimum))

    def normalize(self):
        return AtLeast([q.normalize() for q in self.subqueries], self.minimum, self.boost)

    def apply(self, fn):
        return AtLeast([fn(q) for q in self.subqueries], self.minimum, self.boost)

    def matcher(self, searcher, context=None):
        counts: dict[int, int] = {}
        totals: dict[int, float] = {}
        for q in self.subqueries:
            m = q.matcher(searcher, context)
            while m.is_active():
                d = m.id()
                counts[d] = counts.get(d, 0) + 1
                totals[d] = totals.get(d, 0.0) + m.score()
                m.next()
        ids = sorted(d for d, n in counts.items() if n >= max(1, self.minimum))
        if not ids:
            return NullMatcher()
        weights = [(counts[d] * TIER + totals[d]) * self.boost for d in ids]
        return ListMatcher(ids, weights=weights)


class Evaluation:
    """Evaluates queries against one top-level searcher.

    Every statistic comes from live documents only: a record removed from an audience's index
    (closed to it) leaves its postings in the segment until a merge, and Whoosh's own document
    frequencies and field lengths would still count them, so that scores, did-you-mean and the
    choice of a query's form would carry closed text. BM25F is Whoosh's formula over these
    live statistics."""

    def __init__(self, searcher, statistics: SegmentStatistics):
        self.searcher = searcher
        self.statistics = statistics
        self._df: dict[tuple[str, str], int] = {}
        self._avgfl: dict[str, float] = {}
        self._memo: dict[tuple[int, str, str | bytes], Postings | None] = {}
        self._doc_count: int | None = None
        self._kept: dict[tuple[int, int, bool], tuple[np.ndarray, np.ndarray]] = {}

    def doc_count(self) -> int:
        if self._doc_count is None:  # the searcher's documents do not change under it
            self._doc_count = self.searcher.doc_count()
        return self._doc_count

    def doc_frequency(self, name: str, text: str | bytes) -> int:
        """How many live documents hold the term in the field."""
        key = (name, text.decode() if isinstance(text, bytes) else text)
        if key not in self._df:
            self._df[key] = sum(self._live_count(reader, *key) for reader in self._holders(*key))
        return self._df[key]

    def places(self, name: str, text: str):
        """(segment reader, docnum, positions) of each live document holding the term in a
        field stored with packed positions."""
        for sub, _ in self.searcher.leaf_searchers():
            reader = sub.reader()
            if name not in reader.schema or reader.segment() is None:
                continue
            found = self._postings(reader, name, text)
            if found is None or found.places is None:
                continue
            places = found.places
            live = self._live_mask(reader)
            if live is not None:
                places = places[live[places >> 32]]
            if not len(places):
                continue
            docs = places >> 32
            for chunk in np.split(places, np.flatnonzero(np.diff(docs)) + 1):
                yield reader, int(chunk[0] >> 32), set((chunk & 0xFFFFFFFF).tolist())

    def holds(self, name: str, text: str) -> bool:
        """Whether a live document holds the term in the field (doc_frequency > 0), asking
        each segment's term table before reading any postings."""
        if (name, text) in self._df:
            return self._df[(name, text)] > 0
        return any(self._live_count(reader, name, text) for reader in self._holders(name, text))

    def _holders(self, name: str, text: str):
        """The readers of the segments whose term tables hold the term."""
        for sub, _ in self.searcher.leaf_searchers():
            reader = sub.reader()
            if name not in reader.schema or reader.segment() is None:  # an empty index
                continue
            if self.statistics.present(reader, name, reader.schema[name].to_bytes(text)):
                yield reader

    def _live_count(self, reader, name: str, text: str) -> int:
        """How many live documents of a segment that holds the term hold it: its term table's
        count where nothing is deleted, else the postings' live ones."""
        live = self._live_mask(reader)
        if live is None:
            return reader.doc_frequency(name, reader.schema[name].to_bytes(text))
        found = self._postings(reader, name, text)
        return 0 if found is None else int(live[found.ids].sum())

    def avg_field_length(self, name: str) -> float:
        if name not in self._avgfl:
            total = 0.0
            for sub, _ in self.searcher.leaf_searchers():
                reader = sub.reader()
                lengths = self.statistics.lengths(reader, name)
                live = self._live_mask(reader)
                total += float(lengths.sum() if live is None else lengths[live].sum())
            self._avgfl[name] = total / (self.doc_count() or 1)
        return self._avgfl[name]

    def idf(self, name: str, text: str | bytes) -> float:
        return log(self.doc_count() / (self.doc_frequency(name, text) + 1)) + 1

    def matches(self, q: Query, scored: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Every live docnum q matches, sorted, and its score (zeros when not scored)."""
        ids, scores = [EMPTY], [NO_SCORES]
        for sub, offset in self.searcher.leaf_searchers():
            d, s = self._eval(sub, q, scored)
            ids.append(d + offset)
            scores.append(s if scored else np.zeros(len(d)))
        return np.concatenate(ids), np.concatenate(scores)

    # -- the tree ------------------------------------------------------------------------
    def _eval(self, sub, q: Query, scored: bool) -> tuple[np.ndarray, np.ndarray]:
        if getattr(q, "kept", False):
            # a query's word: which records hold it is asked again (which words a hit lacks)
            found = self._kept.get((id(sub), id(q), True))
            if found is not None:
                return found if scored else (found[0], NO_SCORES)
            key = (id(sub), id(q), scored)
            if key not in self._kept:
                self._kept[key] = self._eval_node(sub, q, scored)
            return self._kept[key]
        return self._eval_node(sub, q, scored)

    def _eval_node(self, sub, q: Query, scored: bool) -> tuple[np.ndarray, np.ndarray]:
        kind = type(q)
        if kind is Term:
            return self._term(sub, q, scored)
        if kind is Or:
            parts = [self._eval(sub, c, scored) for c in q.subqueries]
            parts = [p for p in parts if len(p[0])]
            if not parts:
                return EMPTY, NO_SCORES
            if len(parts) == 1:
                ids, scores = parts[0]
            else:  # dense over the segment: cheaper than sorting the concatenated parts
                n = sub.reader().doc_count_all()
                hit = np.zeros(n, dtype=bool)
                total = np.zeros(n) if scored else None
                for part_ids, part_scores in parts:
                    hit[part_ids] = True
                    if scored:
                        total[part_ids] += part_scores  # a part's ids are unique
                ids = np.flatnonzero(hit).astype(np.int32)
                scores = total[ids] if scored else NO_SCORES
            return ids, (scores * q.boost if scored and q.boost != 1 else scores)
        if kind is AtLeast:
            n = sub.reader().doc_count_all()
            count = np.zeros(n, dtype=np.int32)
            total = np.zeros(n) if scored else None
            for c in q.subqueries:
                part_ids, part_scores = self._eval(sub, c, scored)
                count[part_ids] += 1
                if scored:
                    total[part_ids] += part_scores
            ids = np.flatnonzero(count >= max(1, q.minimum)).astype(np.int32)
            if not scored:
                return ids, NO_SCORES
            return ids, (count[ids] * TIER + total[ids]) * q.boost
        if kind is And:
            positive = [c for c in q.subqueries if type(c) is not Not]
            if not positive:
                ids = live_docnums(sub.reader())
                scores = np.zeros(len(ids)) if scored else NO_SCORES
            else:
                ids, scores = self._eval(sub, positive[0], scored)
            for c in positive[1:]:
                if not len(ids):
                    return EMPTY, NO_SCORES
                other, other_scores = self._eval(sub, c, scored)
                a, b = common(ids, other)
                ids = ids[a]
                scores = scores[a] + other_scores[b] if scored else NO_SCORES
            for c in q.subqueries:
                if type(c) is Not and len(ids):
                    drop, _ = self._eval(sub, c.query, False)
                    keep = np.ones(len(ids), dtype=bool)
                    keep[common(ids, drop)[0]] = False
                    ids, scores = ids[keep], (scores[keep] if scored else NO_SCORES)
            return ids, (scores * q.boost if scored and q.boost != 1 else scores)
        if kind is Every and not q.fieldname:
            ids = live_docnums(sub.reader())
            return ids, (np.full(len(ids), float(q.boost)) if scored else NO_SCORES)
        if kind is NumericRange:
            return self._range(sub, q, scored)
        if kind is Phrase and self._packed(sub, q.fieldname) and q.slop >= 1:
            return self._phrase(sub, q, scored)
        if kind is NullQuery or q is NullQuery:
            return EMPTY, NO_SCORES
        return self._whoosh(sub, q, scored)

    def _postings(self, reader, name: str, text: str | bytes) -> Postings | None:
        """A term's postings in a segment, None when the segment lacks it (looked up once per
        query: an expanded concept asks for the same words in several fields and phrases)."""
        key = (id(reader), name, text)
        if key in self._memo:
            return self._memo[key]
        found = None
        if name in reader.schema and reader.segment() is not None:  # not an empty index
            field = reader.schema[name]
            btext = field.to_bytes(text)
            found = self.statistics.postings(reader, name, btext, field.format)
        self._memo[key] = found
        return found

    def _term_scores(self, reader, name: str, text, ids: np.ndarray, weights: np.ndarray):
        """BM25F of a term in a field for the given postings, as Whoosh computes it."""
        field = reader.schema[name]
        if not field.scorable:  # Whoosh scores such a term by its weight
            return weights.astype(np.float64)
        idf = self.idf(name, text)
        avgfl = self.avg_field_length(name) or 1
        lengths = self.statistics.lengths(reader, name)[ids]
        k1, b = _BM25.K1, _BM25.B
        w = weights.astype(np.float64)
        return idf * (w * (k1 + 1)) / (w + k1 * ((1 - b) + b * lengths / avgfl))

    @staticmethod
    def _live_mask(reader) -> np.ndarray | None:
        if not reader.has_deletions():
            return None
        return LIVE.mask(reader)

    def _term(self, sub, q: Term, scored: bool) -> tuple[np.ndarray, np.ndarray]:
        reader = sub.reader()
        found = self._postings(reader, q.fieldname, q.text)
        if found is None:
            return EMPTY, NO_SCORES
        ids, weights = found.ids, found.weights
        live = self._live_mask(reader)
        if live is not None:
            keep = live[ids]
            ids, weights = ids[keep], weights[keep]
        if not scored:
            return ids, NO_SCORES
        return ids, self._term_scores(reader, q.fieldname, q.text, ids, weights) * q.boost

    def _phrase(self, sub, q: Phrase, scored: bool) -> tuple[np.ndarray, np.ndarray]:
        """Whoosh's phrase (SpanNear2, ordered, each word 1 to slop positions after the one
        before), over every candidate document at once; scored as Whoosh does, the sum of
        its words' scores."""
        reader = sub.reader()
        if q.fieldname not in reader.schema or reader.segment() is None:
            return EMPTY, NO_SCORES
        field = reader.schema[q.fieldname]
        present = self.statistics.present
        if not all(present(reader, q.fieldname, field.to_bytes(w)) for w in q.words):
            return EMPTY, NO_SCORES  # a word the segment lacks: no other word's postings read
        found = [self._postings(reader, q.fieldname, word) for word in q.words]
        if any(f is None for f in found):
            return EMPTY, NO_SCORES
        ends = found[0].places
        for f in found[1:]:
            step = [(ends + gap)[common(ends + gap, f.places)[0]] for gap in range(1, q.slop + 1)]
            ends = step[0] if len(step) == 1 else np.unique(np.concatenate(step))
            if not len(ends):
                return EMPTY, NO_SCORES
        ids = np.unique(ends >> 32).astype(np.int32)
        live = self._live_mask(reader)
        if live is not None:
            ids = ids[live[ids]]
        if not scored:
            return ids, NO_SCORES
        scores = np.zeros(len(ids))
        for word, f in zip(q.words, found, strict=True):
            at = np.searchsorted(f.ids, ids)
            scores += self._term_scores(reader, q.fieldname, word, ids, f.weights[at])
        return ids, scores * q.boost

    def _range(self, sub, q: NumericRange, scored: bool) -> tuple[np.ndarray, np.ndarray]:
        reader = sub.reader()
        if not reader.has_column(q.fieldname):
            return self._whoosh(sub, q, scored)
        values = self.statistics.dates(reader, q.fieldname)
        mask = values != MISSING_NUMBER
        if q.start is not None:
            mask &= values > q.start if q.startexcl else values >= q.start
        if q.end is not None:
            mask &= values < q.end if q.endexcl else values <= q.end
        ids = np.flatnonzero(mask).astype(np.int32)
        if reader.has_deletions():
            ids = np.intersect1d(ids, live_docnums(reader), assume_unique=True)
        return ids, (np.full(len(ids), float(q.boost)) if scored else NO_SCORES)

    @staticmethod
    def _packed(sub, name: str) -> bool:
        schema = sub.reader().schema
        return name in schema and isinstance(schema[name].format, PackedPositions)

    @staticmethod
    def _whoosh(sub, q: Query, scored: bool) -> tuple[np.ndarray, np.ndarray]:
        """A query numpy does not evaluate (a phrase): its own matcher, one match at a time."""
        try:
            m = q.matcher(sub, sub.boolean_context() if not scored else sub.context())
        except TermNotFound:
            return EMPTY, NO_SCORES
        ids, scores = [], []
        while m.is_active():
            ids.append(m.id())
            if scored:
                scores.append(m.score())
            m.next()
        order = np.argsort(ids, kind="stable")
        ids_array = np.asarray(ids, dtype=np.int32)[order]
        if not scored:
            return ids_array, NO_SCORES
        return ids_array, np.asarray(scores, dtype=np.float64)[order]
