"""Facet counts from numpy arrays of facet codes per docnum.

Whoosh's own grouping costs seconds per broad query at 100,000 records (docs/spike-facets.md);
counting with numpy over cached arrays costs milliseconds. A segment's postings never change
while it lives, so its arrays are built once (from each facet value's posting list) and kept
by segment id: a commit costs only its new or merged segments. Deleted documents keep their
codes, which is harmless: the docnums counted are matches, and deleted ones never match.
"""

from __future__ import annotations

import threading
from collections import Counter

import numpy as np

from archive.index.matches import (
    EMPTY,
    MISSING_NUMBER,
    date_column,
    leaf_readers,
    read_postings,
)

MULTI_VALUED = frozenset({"languages", "year", "agents"})


class SegmentFacets:
    """One segment's facet codes: for a single-valued facet an int32 code per docnum (the
    code len(values) meaning none); for a multi-valued one each (docnum, code) pair, as CSR
    rows by docnum. Also each document's first day (yyyymmdd) for sorting by date."""

    def __init__(self, doc_count: int):
        self.doc_count = doc_count
        self.values: dict[str, np.ndarray] = {}
        self.single: dict[str, np.ndarray] = {}
        self.pairs: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self.date_from = np.zeros(doc_count, dtype=np.int32)
        self.global_codes: dict[str, np.ndarray] = {}  # filled by the FacetCounter
        self._title_keys = np.full(doc_count, "", dtype=object)
        self.ids = np.full(doc_count, "", dtype=object)
        self._title_rank: np.ndarray | None = None

    @classmethod
    def build(cls, reader, facets: tuple[str, ...]) -> SegmentFacets:
        self = cls(reader.doc_count_all())
        terms = reader._terms  # the raw term reader: postings without the deletion filter
        for name in facets:
            fmt = reader.schema[name].format
            values, owners, codes = [], [EMPTY], [EMPTY]
            for k, btext in enumerate(reader.lexicon(name)):
                values.append(btext.decode("utf-8"))
                ids = read_postings(terms.matcher(name, btext, fmt), fmt, weights=False).ids
                owners.append(ids)
                codes.append(np.full(len(ids), k, dtype=np.int32))
            self.values[name] = np.array(values, dtype=object)
            self._fill(name, np.concatenate(owners), np.concatenate(codes))
        if reader.has_column("date_from"):
            dates = date_column(reader, "date_from")
            dates[dates == MISSING_NUMBER] = 0  # undated: after every dated record
            self.date_from = dates.astype(np.int32)
        if reader.has_column("id"):
            self.ids = np.array(
                [k.decode("utf-8") if isinstance(k, bytes) else (k or "") for k in
                 reader.column_reader("id")],
                dtype=object,
            )  # fmt: skip
        if reader.has_column("title_sort"):
            keys = reader.column_reader("title_sort")
            self._title_keys = np.array(
                [k.decode("utf-8") if isinstance(k, bytes) else (k or "") for k in keys],
                dtype=object,
            )
        return self

    def _fill(self, name: str, owner: np.ndarray, codes: np.ndarray) -> None:
        n = self.doc_count
        if name in MULTI_VALUED:
            order = np.argsort(owner, kind="stable")
            owner, codes = owner[order], codes[order]
            indptr = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(np.bincount(owner, minlength=n), out=indptr[1:])
            self.pairs[name] = (indptr, codes, owner)
        else:
            single = np.full(n, len(self.values[name]), dtype=np.int32)
            single[owner] = codes
            self.single[name] = single

    def title_keys(self) -> np.ndarray:
        """Each document's title sort key."""
        return self._title_keys

    def title_rank(self) -> np.ndarray:
        """Each document's place in the segment's title order."""
        if self._title_rank is None:
            order = np.argsort(self.title_keys(), kind="stable")
            rank = np.empty(self.doc_count, dtype=np.int32)
            rank[order] = np.arange(self.doc_count, dtype=np.int32)
            self._title_rank = rank
        return self._title_rank

    @property
    def nbytes(self) -> int:
        total = self.date_from.nbytes + sum(a.nbytes for a in self.single.values())
        return total + sum(a.nbytes for arrays in self.pairs.values() for a in arrays)

    def count(self, docnums: np.ndarray) -> dict[str, np.ndarray]:
        """Counts per value code of segment-local, sorted, live docnums."""
        out = {}
        for name, codes in self.single.items():
            nvalues = len(self.values[name])
            out[name] = np.bincount(codes[docnums], minlength=nvalues + 1)[:nvalues]
        for name, (indptr, codes, owner) in self.pairs.items():
            if len(docnums) * 8 < self.doc_count:  # few matches: gather their rows
                starts, lengths = indptr[docnums], indptr[docnums + 1] - indptr[docnums]
                shift = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
                picked = codes[np.arange(int(lengths.sum()), dtype=np.int64) + shift]
            else:  # many: a mask over docnums, then every pair whose owner matched
                mask = np.zeros(self.doc_count, dtype=bool)
                mask[docnums] = True
                picked = codes[mask[owner]]
            out[name] = np.bincount(picked, minlength=len(self.values[name]))
        return out


class FacetCounter:
    """Facet counts for the searchers of one index, its segments' arrays kept across commits."""

    def __init__(self, facets: tuple[str, ...]):
        self.facets = facets
        self._segments: dict[str, SegmentFacets] = {}
        self._codes: dict[str, dict[str, int]] = {name: {} for name in facets}
        self._values: dict[str, list[str]] = {name: [] for name in facets}
        self._lock = threading.RLock()

    def segments(self, searcher) -> list[tuple[SegmentFacets, int]]:
        """(arrays, docnum offset) for each segment of the searcher, building what is missing
        and forgetting segments that are gone."""
        out, keep = [], {}
        with self._lock:
            for reader, offset in leaf_readers(searcher.reader()):
                key = reader.segment().segment_id()
                arrays = self._segments.get(key) or SegmentFacets.build(reader, self.facets)
                keep[key] = arrays
                out.append((arrays, offset))
            self._segments = keep
        return out

    def _global_codes(self, arrays: SegmentFacets, name: str) -> np.ndarray:
        """The segment's value codes mapped to this counter's codes (which only grow)."""
        mapped = arrays.global_codes.get(name)
        if mapped is None:
            known, values = self._codes[name], self._values[name]
            for value in arrays.values[name].tolist():
                if value not in known:
                    known[value] = len(values)
                    values.append(value)
            mapped = np.array([known[v] for v in arrays.values[name].tolist()], dtype=np.int64)
            arrays.global_codes[name] = mapped
        return mapped

    def count(self, searcher, docnums: np.ndarray, top: int | None = None) -> dict[str, Counter]:
        """Counts per facet value of the given sorted docnums; with `top`, only the `top` most
        frequent values of each facet (ties by value)."""
        totals: dict[str, np.ndarray] = {}
        with self._lock:
            for arrays, offset in self.segments(searcher):
                lo, hi = np.searchsorted(docnums, (offset, offset + arrays.doc_count))
                if lo == hi:
                    continue
                for name, counts in arrays.count(docnums[lo:hi] - offset).items():
                    mapped = self._global_codes(arrays, name)
                    summed = np.bincount(mapped, weights=counts, minlength=len(self._values[name]))
                    if name in totals and len(totals[name]) < len(summed):
                        totals[name] = np.pad(totals[name], (0, len(summed) - len(totals[name])))
                    totals[name] = totals[name] + summed if name in totals else summed
            out: dict[str, Counter] = {}
            for name in self.facets:
                counts = totals.get(name)
                if counts is None:
                    out[name] = Counter()
                    continue
                nz = np.flatnonzero(counts)
                if top is not None and len(nz) > top:
                    threshold = np.partition(counts[nz], len(nz) - top)[len(nz) - top]
                    nz = nz[counts[nz] >= threshold]
                values = self._values[name]
                found = sorted(((values[i], int(counts[i])) for i in nz.tolist()), key=_by_count)
                out[name] = Counter(dict(found[:top] if top is not None else found))
        return out

    def first(self, searcher, docnums: np.ndarray, n: int, by: str) -> list[int]:
        """The first n of the given sorted docnums by date (newest first) or by title, ties
        broken by identifier: the same order however the index is laid out in segments."""
        candidates: list[tuple] = []
        for arrays, offset in self.segments(searcher):
            lo, hi = np.searchsorted(docnums, (offset, offset + arrays.doc_count))
            local = docnums[lo:hi] - offset
            if not len(local):
                continue
            if by == "date":
                rank = 99_999_999 - arrays.date_from[local].astype(np.int64)
            else:
                rank = arrays.title_rank()[local].astype(np.int64)
            if len(local) > n:  # the n best and every tie of the last of them
                threshold = np.partition(rank, n - 1)[n - 1]
                keep = rank <= threshold
                local, rank = local[keep], rank[keep]
            sort_keys = rank.tolist() if by == "date" else arrays.title_keys()[local].tolist()
            ids = arrays.ids[local].tolist()
            candidates += zip(sort_keys, ids, (local + offset).tolist(), strict=True)
        candidates.sort()
        return [d for _, _, d in candidates[:n]]

    def ids_of(self, searcher, docnums: np.ndarray) -> np.ndarray:
        """The record identifiers of sorted docnums."""
        out = np.empty(len(docnums), dtype=object)
        for arrays, offset in self.segments(searcher):
            lo, hi = np.searchsorted(docnums, (offset, offset + arrays.doc_count))
            out[lo:hi] = arrays.ids[docnums[lo:hi] - offset]
        return out


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
