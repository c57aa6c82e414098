"""An audience's index kept open between searches: its searcher, the facet arrays and the
statistics of its segments, refreshed after a commit."""

from __future__ import annotations

import threading
import time
from typing import Any

from whoosh.query import Every
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

from archive.index.facets import FacetCounter
from archive.index.generations import Generation
from archive.index.matches import Evaluation, SegmentStatistics, leaf_readers
from archive.index.schema import FACETS

WARM_FIELDS = ("body", "title", "abstract")


class OpenIndex:
    """One generation kept open: its searcher, the facet arrays and the statistics of its
    segments. After a commit only the segments that are new or whose deletions changed are
    opened (Whoosh-Reloaded's own `Searcher.refresh` fails on a one-segment index)."""

    def __init__(self, generation: Generation):
        self.folder = generation.folder
        self._ix = generation.open()
        self.facets = FacetCounter(FACETS)
        self.statistics = SegmentStatistics()
        self.lock = threading.RLock()
        self._present: dict[str, Any] = {}
        self._lexicons: dict[str, tuple[Any, list[str]]] = {}
        self._holding: dict[str, tuple[Any, set[str]]] = {}
        self._generation = self._ix.latest_generation()
        self.searcher = self._searcher(self._open_segments({}))

    def _open_segments(self, reusable: dict[tuple[str, int], Any]) -> list[Any]:
        toc = self._ix._read_toc()
        self._generation = toc.generation
        readers = []
        for segment in toc.segments:
            key = (segment.segment_id(), segment.deleted_count())
            reader = reusable.pop(key, None)
            if reader is None:
                reader = SegmentReader(self._ix.storage, toc.schema, segment, toc.generation)
            readers.append(reader)
        for reader in reusable.values():
            reader.close()
        return readers

    def _searcher(self, readers: list[Any]) -> Searcher:
        if len(readers) == 1:
            reader = readers[0]
        elif readers:
            reader = MultiReader(readers, self._generation)
        else:
            reader = EmptyReader(self._ix.schema)
        return Searcher(reader, fromindex=self._ix)

    def refresh(self) -> None:
        if self._ix.latest_generation() == self._generation:
            return
        reusable = {
            (r.segment().segment_id(), r.segment().deleted_count()): r
            for r, _ in leaf_readers(self.searcher.reader())
            if r.segment() is not None
        }
        self.searcher = self._searcher(self._open_segments(reusable))
        self.statistics.forget_except(
            {r.segment().segment_id() for r, _ in leaf_readers(self.searcher.reader())}
        )

    def warm(self, seconds: float = 10.0, terms_per_field: int = 300) -> int:
        """Read the facet arrays and the posting lists of the most frequent words ahead of
        the first searches (a server does this once it has started); returns how many lists
        it read before the time was up."""
        deadline = time.monotonic() + seconds
        read = 0
        with self.lock:
            self.refresh()
            self.facets.segments(self.searcher)
            for name in ("title", "names", "places", "body"):  # what did-you-mean scans
                self.lexicon(name)
            for reader, _ in leaf_readers(self.searcher.reader()):
                for name in WARM_FIELDS:
                    for _, btext in reader.most_frequent_terms(name, terms_per_field):
                        if time.monotonic() > deadline:
                            return read
                        self.statistics.postings(reader, name, btext, reader.schema[name].format)
                        read += 1
        return read

    def present(self, name: str) -> set[str]:
        """The values of a facet field that live documents hold (terms of removed documents
        linger in the lexicon until a merge)."""
        key = (self._generation, self.searcher.doc_count(), name)
        if self._present.get("key") != key:
            docnums, _ = self.evaluation().matches(Every(), scored=False)
            self._present = {"key": key, "values": self.facets.count(self.searcher, docnums)}
        return set(self._present["values"].get(name, {}))

    def holding(self, name: str) -> set[str]:
        """The values of an identifier field (process, session, agents) that live documents
        hold: the authorities this index's audience knows through its records."""
        if name in FACETS:
            return self.present(name)
        key = (self._generation, self.searcher.doc_count(), name)
        cached = self._holding.get(name)
        if cached is None or cached[0] != key:
            values = set()
            for reader, _ in leaf_readers(self.searcher.reader()):
                for btext in reader.lexicon(name):
                    if reader.postings(name, btext).is_active():  # not only deleted ones
                        values.add(btext.decode("utf-8"))
            cached = self._holding[name] = (key, values)
        return set(cached[1])

    def lexicon(self, name: str) -> list[str]:
        """A field's terms, sorted (kept until the next commit): what did-you-mean scans."""
        key = (self._generation, self.searcher.doc_count(), name)
        found = self._lexicons.get(name)
        if found is None or found[0] != key:
            terms = sorted(t.decode("utf-8") for t in self.searcher.reader().lexicon(name))
            found = self._lexicons[name] = (key, terms)
        return found[1]

    def evaluation(self) -> Evaluation:
        return Evaluation(self.searcher, self.statistics)

    def close(self) -> None:
        self.searcher.close()
        self._ix.close()
