"""Posting lists, live documents and per-document columns of an index's segments, read in
whole blocks into numpy arrays and kept between searches within a memory budget
(`SegmentStatistics`): what archive/index/matches.py evaluates queries over, and facets count.

The block reading uses the internals of Whoosh-Reloaded 2.7.5's W3 codec (the pinned version);
tests compare every result with Whoosh's own search.
"""

from __future__ import annotations

import threading
import weakref
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pickle import loads
from typing import Any

import numpy as np
from whoosh.codec import whoosh3
from whoosh.columns import NumericColumn

from archive.index.formats import PackedPositions

EMPTY = np.empty(0, dtype=np.int32)
NO_SCORES = np.empty(0, dtype=np.float64)
_LENGTHS = np.array([whoosh3.byte_to_length(b) for b in range(256)], dtype=np.float64)
POSTINGS_BUDGET = 256 * 2**20  # bytes of decoded posting lists kept per open index
ABSENT_KEPT = 200_000  # (segment, field, term) lookups that found nothing, remembered
MISSING_NUMBER = 2**31 - 1  # what a 32-bit numeric column holds for a document without a value


class _LiveMasks:
    """Live-document masks by segment reader and deletion count (deletions only grow). Keyed
    by the reader object, not the segment id: a copied index has the same segment ids with
    other deletions."""

    def __init__(self):
        self._masks: weakref.WeakKeyDictionary[Any, tuple[int, np.ndarray]] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()

    def mask(self, reader) -> np.ndarray:
        segment = reader.segment()
        count = segment.deleted_count()
        with self._lock:
            found = self._masks.get(reader)
            if found is not None and found[0] == count:
                return found[1]
        live = np.ones(reader.doc_count_all(), dtype=bool)
        live[np.fromiter(segment.deleted_docs(), dtype=np.int64)] = False
        with self._lock:
            self._masks[reader] = (count, live)
        return live


LIVE = _LiveMasks()


def leaf_readers(reader) -> list[tuple[Any, int]]:
    """(segment reader, docnum offset) for each segment of a reader (none for an index
    without segments)."""
    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    return [(r, offset) for r, offset in leaves if r.segment() is not None]


def live_docnums(reader) -> np.ndarray:
    """A segment's docnums that are not deleted."""
    n = reader.doc_count_all()
    if not reader.has_deletions():
        return np.arange(n, dtype=np.int32)
    mask = np.ones(n, dtype=bool)
    mask[np.fromiter(reader.segment().deleted_docs(), dtype=np.int64)] = False
    return np.flatnonzero(mask).astype(np.int32)


def column(reader, name: str):
    """A segment reader's column reader for a field, made once and kept as long as the segment
    reader lives: making one reads every document's offset in a Python loop (4 ms a segment of
    25,000 documents), which the query path must not pay each time."""
    kept = reader.__dict__.setdefault("_mediarch_columns", {})
    found = kept.get(name)
    if found is None:
        found = kept[name] = reader.column_reader(name)
    return found


def numeric_column(column, n: int) -> np.ndarray:
    """A Whoosh numeric column's raw values for n documents, read in one piece (a Python
    loop over 100,000 documents takes a tenth of a second per column)."""
    if not isinstance(column, NumericColumn.Reader):
        return np.fromiter(column, dtype=np.int64, count=n)
    raw = column._dbfile.get(column._basepos, column._count * column._fixedlen)
    values = np.frombuffer(raw, dtype=np.dtype(">" + column._typecode)).astype(np.int64)
    if len(values) < n:
        values = np.concatenate([values, np.full(n - len(values), column._default, np.int64)])
    return values[:n]


def date_column(reader, field: str) -> np.ndarray:
    """A 32-bit numeric field's column as numbers (a missing value reads MISSING_NUMBER)."""
    n = reader.doc_count_all()
    raw = reader.column_reader(field, translate=False)
    if not isinstance(raw, NumericColumn.Reader) or raw._typecode != "I":
        return np.fromiter(reader.column_reader(field), dtype=np.int64, count=n)
    return numeric_column(raw, n) - 2**31  # stored shifted to sort as unsigned


def common(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions in a and in b of the values both sorted, unique arrays hold (a binary search
    of the shorter in the longer, no sorting)."""
    if len(a) > len(b):
        in_b, in_a = common(b, a)
        return in_a, in_b
    if not len(a) or not len(b):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    at = np.searchsorted(b, a)
    found = at < len(b)
    found[found] = b[at[found]] == a[found]
    return np.flatnonzero(found), at[found]


@dataclass(frozen=True)
class Postings:
    """One term's postings in one segment (deleted documents included)."""

    ids: np.ndarray  # docnums, ascending (int32)
    weights: np.ndarray  # term frequency (float32)
    places: np.ndarray | None  # docnum << 32 | position, ascending (int64), or None

    @property
    def nbytes(self) -> int:
        return (
            self.ids.nbytes
            + self.weights.nbytes
            + (self.places.nbytes if self.places is not None else 0)
        )


def read_postings(m, fmt, weights: bool = True) -> Postings:
    """A fresh posting matcher's postings, block by block; with packed positions, every
    position of every posting decoded in one numpy call."""
    packed = isinstance(fmt, PackedPositions)
    values: list[bytes] = []
    if type(m) is not whoosh3.W3LeafMatcher or m._byteids:
        ids_list, ws = [], []
        while m.is_active():
            ids_list.append(m.id())
            ws.append(m.weight())
            if packed:
                values.append(m.value())
            m.next()
        ids = np.array(ids_list, dtype=np.int32)
        weight_array = np.array(ws, dtype=np.float32)
    else:
        id_chunks, weight_chunks = [], []
        postfile = m._postfile
        while True:
            raw = postfile.get(m._dataoffset, m._nextoffset - m._dataoffset)
            data = loads(zlib.decompress(raw) if m._compression else raw)
            id_chunks.append(np.cumsum(np.asarray(data[0], dtype=np.int64)))
            if weights:
                w = data[1]
                if w is None or isinstance(w, float):
                    weight_chunks.append(np.full(m._blocklength, 1.0 if w is None else w))
                else:
                    weight_chunks.append(np.asarray(w, dtype=np.float32))
            if packed:
                values.extend(data[2])
            if m._lastblock:
                break
            m._goto(m._nextoffset)
        ids = np.concatenate(id_chunks).astype(np.int32)
        weight_array = (
            np.concatenate(weight_chunks).astype(np.float32)
            if weights
            else np.ones(len(ids), dtype=np.float32)
        )
    places = None
    if packed:
        counts = np.fromiter(map(len, values), dtype=np.int64, count=len(values)) // 4
        positions = np.frombuffer(b"".join(values), dtype="<u4").astype(np.int64)
        places = np.repeat(ids.astype(np.int64), counts) << 32 | positions
    return Postings(ids, weight_array, places)


class SegmentStatistics:
    """Per segment arrays scoring needs, kept while the segment lives: field lengths (for
    BM25's length normalisation), the date columns, and the most used posting lists decoded
    (unpickling Whoosh's blocks is most of a query's cost; a common word's postings are read
    by query after query), within a memory budget, least recently used dropped first."""

    def __init__(self, postings_budget: int = POSTINGS_BUDGET):
        self._lengths: dict[tuple[str, str], np.ndarray] = {}
        self._dates: dict[tuple[str, str], np.ndarray] = {}
        self._postings: OrderedDict[tuple[str, str, bytes], Postings] = OrderedDict()
        self._postings_bytes = 0
        self._absent: OrderedDict[tuple[str, str, bytes], None] = OrderedDict()
        self.postings_budget = postings_budget
        self._lock = threading.Lock()

    def forget_except(self, keys: set[str]) -> None:
        with self._lock:
            for cache in (self._lengths, self._dates, self._postings, self._absent):
                for key in [k for k in cache if k[0] not in keys]:
                    if cache is self._postings:
                        self._postings_bytes -= cache[key].nbytes
                    del cache[key]

    def postings(self, reader, name: str, btext: bytes, fmt) -> Postings | None:
        """A term's postings in one segment (deleted documents too), None if it has none."""
        key = (reader.segment().segment_id(), name, btext)
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                return found
            if key in self._absent:
                return None
        if (name, btext) not in reader:
            with self._lock:
                self._absent[key] = None
                while len(self._absent) > ABSENT_KEPT:
                    self._absent.popitem(last=False)
            return None
        found = read_postings(reader._terms.matcher(name, btext, fmt), fmt)
        if found.nbytes * 4 > self.postings_budget:
            return found
        with self._lock:
            if key not in self._postings:
                self._postings[key] = found
                self._postings_bytes += found.nbytes
                while self._postings_bytes > self.postings_budget:
                    _, dropped = self._postings.popitem(last=False)
                    self._postings_bytes -= dropped.nbytes
        return found

    def present(self, reader, name: str, btext: bytes) -> bool:
        """Whether one segment holds a term (deleted documents too), remembered as postings
        read or as absent."""
        key = (reader.segment().segment_id(), name, btext)
        with self._lock:
            if key in self._postings:
                return True
            if key in self._absent:
                return False
        if (name, btext) in reader:
            return True
        with self._lock:
            self._absent[key] = None
            while len(self._absent) > ABSENT_KEPT:
                self._absent.popitem(last=False)
        return False

    def lengths(self, reader, field: str) -> np.ndarray:
        key = (reader.segment().segment_id(), field)
        with self._lock:
            if key not in self._lengths:
                column = reader._perdoc._cached_reader(
                    whoosh3._lenfield(field), whoosh3.LENGTHS_COLUMN
                )
                n = reader.doc_count_all()
                raw = (
                    numeric_column(column, n).astype(np.uint8)
                    if column is not None
                    else np.zeros(n, dtype=np.uint8)
                )
                self._lengths[key] = _LENGTHS[raw]
            return self._lengths[key]

    def dates(self, reader, field: str) -> np.ndarray:
        key = (reader.segment().segment_id(), field)
        with self._lock:
            if key not in self._dates:
                n = reader.doc_count_all()
                self._dates[key] = (
                    date_column(reader, field)
                    if reader.has_column(field)
                    else np.zeros(n, dtype=np.int64)
                )
            return self._dates[key]
