"""Spike: facet counting for broad queries at 100,000 records (the search issue).

Builds (or reuses, under bench/.cache/spike-100k/) a Whoosh index of synthetic bilingual records
with the real schema (`archive.index.schema.build_schema()`) and realistic facet cardinalities,
then times, for broad queries, the facet counting search.py does today (Whoosh `groupedby`
Facets) against no facets and against cached per-document facet codes counted with numpy (and
two other counters: plain Python, an SQLite side table). Figures go to the terminal and to
`results-*.json` in the cache folder; docs/spike-facets.md discusses them.

    .venv/bin/python bench/spike_facets.py                  # 100,000 records, 200 repetitions
    .venv/bin/python bench/spike_facets.py --records 3000 --reps 20 --cache /tmp/spike-small

Needs numpy (not a project dependency): `.venv/bin/pip install numpy`.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import time
from array import array
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import __version__ as whoosh_version
from whoosh import index as whoosh_index
from whoosh import sorting
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import And, Every, Not, Or, Query, Term
from whoosh.reading import TermNotFound

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.index.analysis import analyze  # noqa: E402
from archive.index.documents import title_sort_key  # noqa: E402
from archive.index.indexes import SearchIndexes  # noqa: E402
from archive.index.schema import FACETS, SCHEMA_VERSION, build_schema  # noqa: E402
from archive.index.search import _any_field, make_snippet  # noqa: E402
from archive.index.translit import name_keys  # noqa: E402
from archive.vocabulary import vocabulary  # noqa: E402

GENERATOR_VERSION = 1
MULTI = ("languages", "year", "agents")  # the facets search.py counts with allow_overlap
DEFAULT_CACHE = ROOT / "bench" / ".cache" / "spike-100k"

# -- synthetic records ---------------------------------------------------------------------------
DOC_TYPES = {  # code: share of records (minutes ~10%: the "filter alone" query)
    "minutes": 0.10,
    "concept_memo": 0.08,
    "draft_agreement": 0.07,
    "agreement": 0.04,
    "communique": 0.09,
    "participant_list": 0.08,
    "transcript": 0.06,
    "correspondence": 0.20,
    "report": 0.14,
    "press_release": 0.08,
    "other": 0.06,
}
LANGUAGES = {"ar": 0.40, "en": 0.35, "ar,en": 0.25}
TRACKS = {"1": 0.45, "1.5": 0.2, "2": 0.25, "3": 0.1}
# Words every English (Arabic) text carries with this probability: "parties" is the common word
# of query (c), in about 0.6 * 0.65 = 39% of records.
COMMON_EN = {"talks": 0.85, "parties": 0.65, "ceasefire": 0.30}
COMMON_AR = {"المحادثات": 0.85, "الأطراف": 0.65, "الهدنة": 0.30}
RARE_WORD, RARE_SHARE = "qurtubah", 0.001
FIRST_EN = ("Amira", "Tomas", "Leyla", "Jonas", "Samir", "Ingrid", "Karim", "Helena", "Rashid", "Marta", "Yusuf", "Clara", "Idris", "Noor", "Anton", "Salma", "Elias", "Dalia", "Viktor", "Hana")  # fmt: skip
FIRST_AR = ("أميرة", "توماس", "ليلى", "يوناس", "سمير", "إنغريد", "كريم", "هيلينا", "رشيد", "مارتا", "يوسف", "كلارا", "إدريس", "نور", "أنطون", "سلمى", "إلياس", "داليا", "فيكتور", "هناء")  # fmt: skip
EN_ONSETS = ("b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "dr", "gr", "kr", "pl", "st", "th", "sh", "ch")  # fmt: skip
EN_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ou")
STOP_EN = ("the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "with", "as", "by", "was", "it", "at", "from", "be", "will", "this")  # fmt: skip
STOP_AR = ("في", "من", "على", "إلى", "عن", "مع", "أن", "أو", "ثم", "هذا", "هذه", "التي", "الذي", "قد", "لا", "كان", "بين")  # fmt: skip
STOP_SHARE = 0.33
AR_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _weighted(rng: random.Random, table: dict[str, float]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


class Corpus:
    """Deterministic synthetic records: record(i) is the same for the same seed and i."""

    def __init__(self, seed: int, processes: int = 60, agents: int = 3000, vocab: int = 12000):
        rng = random.Random(seed)
        self.seed = seed
        self.vocab_en = self._words(rng, vocab, self._en_word)
        self.vocab_ar = self._words(rng, vocab, self._ar_word)
        # Running text: stop words (dropped by the analyzer) about a third of the tokens, then
        # content words by a Zipf law: about 130 distinct terms in 300 words.
        zipf = [1.0 / (rank + 2) ** 1.05 for rank in range(vocab)]
        self.text_en = (*STOP_EN, *self.vocab_en)
        self.text_ar = (*STOP_AR, *self.vocab_ar)
        stop_weight = sum(zipf) * STOP_SHARE / (1 - STOP_SHARE)
        self.cum_en = list(itertools.accumulate([stop_weight / len(STOP_EN)] * len(STOP_EN) + zipf))
        self.cum_ar = list(itertools.accumulate([stop_weight / len(STOP_AR)] * len(STOP_AR) + zipf))
        self.processes = []
        for p in range(processes):
            start = rng.randint(1995, 2024)
            self.processes.append(
                {
                    "code": f"proc-{p + 1:03d}",
                    "en": " ".join(rng.choice(self.vocab_en[:3000]).title() for _ in range(3))
                    + " Talks",
                    "ar": "محادثات " + " ".join(rng.choice(self.vocab_ar[:3000]) for _ in range(3)),
                    "track": _weighted(rng, TRACKS),
                    "years": (start, min(2026, start + rng.randint(0, 6))),
                    "sessions": rng.randint(3, 25),
                    "place": rng.choice(self.vocab_en[:2000]).title(),
                }
            )
        self.process_weights = [1.0 / (p + 3) for p in range(processes)]
        families = self._words(rng, 400, self._en_word)
        pairs = rng.sample([(f, s) for f in range(len(FIRST_EN)) for s in range(400)], agents)
        self.agents = [
            (
                f"agent-{a + 1:04d}",
                f"{FIRST_EN[f]} {families[s].title()}",
                f"{FIRST_AR[f]} {self.vocab_ar[5000 + s]}",
            )
            for a, (f, s) in enumerate(pairs)
        ]
        self.agent_cum = list(itertools.accumulate(1.0 / (a + 5) ** 0.9 for a in range(agents)))
        self.subjects = [
            (f"sub-{s + 1:03d}", self.vocab_en[200 + s], self.vocab_ar[200 + s]) for s in range(200)
        ]
        self.labels = {t.code: (t.en, t.ar) for t in vocabulary("document_types").terms}

    @staticmethod
    def _words(rng: random.Random, n: int, make: Callable[[random.Random], str]) -> list[str]:
        seen: dict[str, None] = {}
        while len(seen) < n:
            seen.setdefault(make(rng))
        return list(seen)

    @staticmethod
    def _en_word(rng: random.Random) -> str:
        return "".join(
            rng.choice(EN_ONSETS) + rng.choice(EN_VOWELS) for _ in range(rng.randint(2, 3))
        ) + rng.choice(("", "n", "r", "s", "t", "l"))

    @staticmethod
    def _ar_word(rng: random.Random) -> str:
        word = "".join(rng.choice(AR_LETTERS) for _ in range(rng.randint(3, 5)))
        return ("ال" + word) if rng.random() < 0.3 else word

    def _text(self, rng: random.Random, n: int, arabic: bool) -> list[str]:
        if arabic:
            words = rng.choices(self.text_ar, cum_weights=self.cum_ar, k=n)
            common = COMMON_AR
        else:
            words = rng.choices(self.text_en, cum_weights=self.cum_en, k=n)
            common = COMMON_EN
        for word, share in common.items():
            if rng.random() < share:
                for _ in range(rng.randint(1, 3)):
                    words.insert(rng.randrange(len(words) + 1), word)
        return words

    def record(self, i: int) -> tuple[dict[str, Any], list[str]]:
        """The index document of record i (as documents.record_document builds it) and its
        pages (for snippets)."""
        rng = random.Random(self.seed * 1_000_003 + i)
        rid = f"rec-{i + 1:06d}"
        proc = rng.choices(self.processes, weights=self.process_weights)[0]
        doc_type = _weighted(rng, DOC_TYPES)
        langs = _weighted(rng, LANGUAGES)
        size = rng.randint(200, 400)
        pages = []
        if "en" in langs:
            words = self._text(rng, size if langs == "en" else size // 2, arabic=False)
            pages.append(" ".join(words))
        if "ar" in langs:
            words = self._text(rng, size if langs == "ar" else size // 2, arabic=True)
            pages.append(" ".join(words))
        if rng.random() < RARE_SHARE:
            pages[0] += f" {RARE_WORD}"
        if len(pages) == 1:  # two pages of about 150 words
            words = pages[0].split(" ")
            pages = [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])]
        year = rng.randint(*proc["years"])
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        date_from = date_to = year * 10000 + month * 100 + day
        shape = rng.random()
        if shape < 0.10:  # month only
            date_from, date_to = year * 10000 + month * 100 + 1, year * 10000 + month * 100 + 28
        elif shape < 0.15:  # a span of years
            date_to = min(2026, year + rng.randint(1, 2)) * 10000 + 1231
        date = f"{year}-{month:02d}-{day:02d}" if shape >= 0.10 else f"{year}-{month:02d}"
        agent_ids = rng.choices(range(len(self.agents)), cum_weights=self.agent_cum, k=16)
        agents = [self.agents[a] for a in dict.fromkeys(agent_ids)][: rng.randint(2, 8)]
        subjects = rng.sample(self.subjects, rng.randint(1, 4))
        session = rng.randint(1, proc["sessions"])
        title_en = f"{self.labels[doc_type][0]} of session {session}, {proc['en']}"
        title_ar = f"{self.labels[doc_type][1]} الجلسة {session} {proc['ar']}"
        titles = " \n ".join(
            t for t in ((title_en if "en" in langs else None), title_ar if "ar" in langs else None)
            if t
        )  # fmt: skip
        names = " \n ".join(n for _, en, ar in agents for n in (en, ar))
        body = "\n".join(pages)
        record = {
            "identifier": rid,
            "title_en": title_en if "en" in langs else None,
            "title_ar": title_ar if "ar" in langs else None,
        }
        starts, offset = [], 0
        for page in pages:
            starts.append(offset)
            offset += len(page) + 1
        doc = {
            "id": rid,
            "title": titles,
            "abstract": " ".join(self._text(rng, 30, arabic="ar" in langs)),
            "body": body,
            "names": names,
            "subjects": " \n ".join(f"{en} \n {ar}" for _, en, ar in subjects),
            "context": " \n ".join(
                [
                    proc["code"],
                    proc["en"],
                    proc["ar"],
                    f"{proc['code']}-s{session:02d}",
                    *self.labels[doc_type],
                ]
            ),
            "places": proc["place"],
            "identifiers": f"{rid} {rid}-original.pdf",
            "spelling": f"{titles} {body}",
            "namekey": " ".join(sorted(set(name_keys(f"{names} {titles}")))),
            "process": proc["code"],
            "session": f"{proc['code']}-s{session:02d}",
            "collection": f"coll-{proc['code']}",
            "track": proc["track"],
            "document_type": doc_type,
            "languages": langs,
            "agents": ",".join(sorted(a for a, _, _ in agents)),
            "subject_codes": ",".join(s for s, _, _ in subjects),
            "year": ",".join(str(y) for y in range(date_from // 10000, date_to // 10000 + 1)),
            "date_from": date_from,
            "date_to": date_to,
            "title_sort": title_sort_key(record),
            "shown": {
                "title_en": record["title_en"],
                "title_ar": record["title_ar"],
                "date": date,
                "document_type": doc_type,
                "languages": langs.split(","),
                "process": proc["code"],
                "source_path": f"{proc['code']}/{rid}.pdf",
                "page_starts": starts,
            },
        }
        return doc, pages


# -- building ------------------------------------------------------------------------------------
def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build_index(cache: Path, records: int, seed: int) -> dict[str, Any]:
    """The index under cache/index/ laid out as SearchIndexes expects (a pointer file and a
    generation folder), built or reused; returns the build figures."""
    params = {
        "records": records,
        "seed": seed,
        "schema_version": SCHEMA_VERSION,
        "generator_version": GENERATOR_VERSION,
    }
    meta_path = cache / "build.json"
    folder = cache / "index" / "staff-spike"
    if meta_path.exists() and folder.is_dir():
        meta = json.loads(meta_path.read_text())
        if meta.get("params") == params:
            print(f"reusing the index in {folder} (built in {meta['total_s']:.0f} s)")
            return meta
    shutil.rmtree(cache / "index", ignore_errors=True)
    folder.mkdir(parents=True)
    (cache / "index" / "staff.current").write_text("staff-spike\n")
    (folder / "mediarch-meta.json").write_text(
        json.dumps({"schema_version": SCHEMA_VERSION, "complete": True, "audience": "staff"})
    )
    print(f"building {records:,} records in {folder} …", flush=True)
    t0 = time.perf_counter()
    corpus = Corpus(seed)
    ix = whoosh_index.create_in(str(folder), build_schema())
    writer = ix.writer(procs=2, multisegment=True, limitmb=128)
    gen_s = 0.0
    try:
        for i in range(records):
            g = time.perf_counter()
            doc, _ = corpus.record(i)
            gen_s += time.perf_counter() - g
            writer.add_document(**doc)
            if (i + 1) % 10000 == 0:
                print(f"  {i + 1:,} documents, {time.perf_counter() - t0:.0f} s", flush=True)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    t1 = time.perf_counter()
    segments_before = len(ix._segments())
    size_before = folder_size(folder)
    ix.close()
    ix = whoosh_index.open_dir(str(folder))
    ix.optimize()
    ix.close()
    t2 = time.perf_counter()
    meta = {
        "params": params,
        "write_s": t1 - t0,
        "generate_s": gen_s,
        "merge_s": t2 - t1,
        "total_s": t2 - t0,
        "segments_before_merge": segments_before,
        "size_before_merge": size_before,
        "size_bytes": folder_size(folder),
        "docs_per_s": records / (t1 - t0),
    }
    meta_path.write_text(json.dumps(meta, indent=1))
    print(
        f"built in {meta['total_s']:.0f} s (write {meta['write_s']:.0f} s, of which generating "
        f"{gen_s:.0f} s; merge {meta['merge_s']:.0f} s), {meta['size_bytes'] / 2**20:.0f} MiB"
    )
    return meta


# -- the current way (search.py) -----------------------------------------------------------------
def whoosh_facets(names: tuple[str, ...] = FACETS) -> sorting.Facets:
    facets = sorting.Facets()
    for name in names:
        facets.add_field(name, allow_overlap=name in MULTI, maptype=sorting.Count)
    return facets


def page_shown(page) -> list[Any]:
    return [hit["shown"] for hit in page]


def search_with_whoosh_facets(
    searcher, q: Query, names: tuple[str, ...] = FACETS
) -> tuple[int, dict[str, dict[str, int]]]:
    page = searcher.search_page(q, 1, pagelen=10, groupedby=whoosh_facets(names), terms=False)
    total = len(page.results)
    page_shown(page)
    counts = {}
    for name in names:
        groups = page.results.groups(name)
        counts[name] = {
            (v.decode() if isinstance(v, bytes) else str(v)): n
            for v, n in groups.items()
            if v not in (None, "", b"")
        }
    return total, counts


def search_only(searcher, q: Query, sortedby=None) -> int:
    page = searcher.search_page(q, 1, pagelen=10, sortedby=sortedby, terms=False)
    total = len(page.results)
    page_shown(page)
    return total


# -- matching docnums ----------------------------------------------------------------------------
def docnums_scored(searcher, q: Query) -> np.ndarray:
    results = searcher.search(q, limit=None, terms=False)
    return np.sort(np.fromiter((d for _, d in results.top_n), dtype=np.int32))


def docnums_unscored_collector(searcher, q: Query) -> np.ndarray:
    results = searcher.search(q, limit=None, scored=False, terms=False)
    return np.sort(np.fromiter(results.docs(), dtype=np.int32))


def docnums_matcher(searcher, q: Query) -> np.ndarray:
    """Public API: the query's matcher per segment, unscored."""
    parts = [np.empty(0, dtype=np.int32)]
    for sub, offset in searcher.leaf_searchers():
        try:
            ids = q.matcher(sub, sub.boolean_context()).all_ids()
        except TermNotFound:
            continue
        parts.append(np.fromiter(ids, dtype=np.int32) + offset)
    return np.concatenate(parts)


EMPTY = np.empty(0, dtype=np.int32)


def live_docnums(reader) -> np.ndarray:
    """A segment's undeleted docnums."""
    n = reader.doc_count_all()
    if not reader.has_deletions():
        return np.arange(n, dtype=np.int32)
    mask = np.ones(n, dtype=bool)
    mask[np.fromiter(reader.segment().deleted_docs(), dtype=np.int64)] = False
    return np.flatnonzero(mask).astype(np.int32)


def _leaf_array(m: W3LeafMatcher) -> np.ndarray:
    """A posting list's docnums from its blocks (private API): each block's pickled tuple of
    id deltas, summed by numpy instead of Whoosh's per-posting generator."""
    chunks = []
    while m.is_active():
        if m._data is None:
            m._read_data()
        ids = np.cumsum(np.array(m._data[0], dtype=np.int64))
        chunks.append(ids[m._i :] if m._i else ids)
        m._next_block()
    return np.concatenate(chunks).astype(np.int32) if chunks else EMPTY


def _matcher_ids(m) -> np.ndarray:
    """All docnums of a fresh matcher: block by block when it is a plain posting list."""
    if type(m) is W3LeafMatcher and not m._byteids:
        return _leaf_array(m)
    return np.fromiter(m.all_ids(), dtype=np.int32)


def _term_ids(sub, q: Term) -> np.ndarray:
    """A term's live docnums in one segment, its posting blocks read whole (private API)."""
    try:
        m = q.matcher(sub, sub.boolean_context())
    except TermNotFound:
        return EMPTY
    if type(m) is FilterMatcher and type(m.child) is W3LeafMatcher and m._exclude:
        m.child.reset()  # the filter has moved it past leading deleted docnums
        ids = _leaf_array(m.child)
        live = np.ones(sub.reader().doc_count_all(), dtype=bool)
        live[np.fromiter(m._ids, dtype=np.int64, count=len(m._ids))] = False
        return ids[live[ids]]
    return _matcher_ids(m)


def _tree_ids(sub, q: Query) -> np.ndarray:
    """The live docnums of a query in one segment: Every, Term, And, Or and Not evaluated
    with numpy set operations; anything else (a phrase, a range) through its own matcher."""
    if isinstance(q, Every) and not q.fieldname:
        return live_docnums(sub.reader())
    if type(q) is Term:
        return _term_ids(sub, q)
    if type(q) is Or:
        parts = [_tree_ids(sub, c) for c in q.subqueries]
        return np.unique(np.concatenate(parts)) if parts else EMPTY
    if type(q) is And:
        positive = [c for c in q.subqueries if type(c) is not Not]
        ids = _tree_ids(sub, positive[0]) if positive else live_docnums(sub.reader())
        for c in positive[1:]:
            ids = np.intersect1d(ids, _tree_ids(sub, c), assume_unique=True)
        for c in q.subqueries:
            if type(c) is Not:
                ids = np.setdiff1d(ids, _tree_ids(sub, c.query), assume_unique=True)
        return ids
    try:
        return np.fromiter(q.matcher(sub, sub.boolean_context()).all_ids(), dtype=np.int32)
    except TermNotFound:
        return EMPTY


def docnums_fast(searcher, q: Query) -> np.ndarray:
    """All live docnums matching q, sorted: _tree_ids per segment."""
    parts = [EMPTY]
    for sub, offset in searcher.leaf_searchers():
        parts.append(_tree_ids(sub, q) + offset)
    return np.concatenate(parts)


# -- the numpy facet cache -----------------------------------------------------------------------
class SegmentFacets:
    """Facet codes of one segment's documents: an int32 code per docnum for a single-valued
    facet (len(values) = none), CSR (indptr, codes) plus each entry's docnum for a multi-valued
    one. A segment's postings never change, so this stays valid as long as the segment lives
    (deletions only hide docnums, and deleted docnums never match)."""

    def __init__(self, doc_count: int):
        self.doc_count = doc_count
        self.values: dict[str, list[str]] = {}
        self.single: dict[str, np.ndarray] = {}
        self.csr: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}  # indptr, codes, owner
        self.date_from: np.ndarray | None = None
        self._arrays: dict[str, np.ndarray] = {}

    def value_array(self, name: str) -> np.ndarray:
        if name not in self._arrays:
            self._arrays[name] = np.array(self.values[name], dtype=object)
        return self._arrays[name]

    @property
    def nbytes(self) -> int:
        total = sum(a.nbytes for a in self.single.values())
        total += sum(a.nbytes for arrays in self.csr.values() for a in arrays)
        return total + (self.date_from.nbytes if self.date_from is not None else 0)

    def _fill(self, name: str, pairs_doc: np.ndarray, pairs_code: np.ndarray) -> None:
        n = self.doc_count
        if name in MULTI:
            order = np.argsort(pairs_doc, kind="stable")
            owner, codes = pairs_doc[order], pairs_code[order]
            indptr = np.zeros(n + 1, dtype=np.int32)
            np.cumsum(np.bincount(owner, minlength=n), out=indptr[1:])
            self.csr[name] = (indptr, codes, owner)
        else:
            codes = np.full(n, len(self.values[name]), dtype=np.int32)
            codes[pairs_doc] = pairs_code
            self.single[name] = codes

    @classmethod
    def from_postings(cls, reader, dates: bool = True) -> SegmentFacets:
        """From each facet term's posting list (all docnums, deleted ones too)."""
        self = cls(reader.doc_count_all())
        terms = reader._terms  # the segment's term reader: postings without the deletion filter
        for name in FACETS:
            fmt = reader.schema[name].format
            values, docs, codes = [], [], []
            for k, btext in enumerate(reader.lexicon(name)):
                values.append(btext.decode("utf-8"))
                ids = _matcher_ids(terms.matcher(name, btext, fmt))
                docs.append(ids)
                codes.append(np.full(len(ids), k, dtype=np.int32))
            self.values[name] = values
            empty = np.empty(0, dtype=np.int32)
            self._fill(name, np.concatenate(docs or [empty]), np.concatenate(codes or [empty]))
        if dates:
            self.date_from = np.array(list(reader.column_reader("date_from")), dtype=np.int32)
        return self

    @classmethod
    def from_stored(cls, reader) -> SegmentFacets:
        """From the stored fields (process, track, document_type, languages, agents are
        stored; year is not, so it is read from the date_from/date_to postings' stored date)."""
        self = cls(reader.doc_count_all())
        seen: dict[str, dict[str, int]] = {name: {} for name in FACETS}
        pairs: dict[str, tuple[array, array]] = {name: (array("i"), array("i")) for name in FACETS}
        for docnum, stored in reader.iter_docs():
            date = stored["shown"]["date"]
            y = date[:4]
            years = [y] if y else []
            row = {
                "process": [stored["process"]],
                "track": [stored["track"]],
                "document_type": [stored["document_type"]],
                "languages": stored["languages"].split(","),
                "agents": stored["agents"].split(","),
                "year": years,  # a real build would store the year list: here only the first
            }
            for name, vals in row.items():
                lookup, (docs, codes) = seen[name], pairs[name]
                for v in vals:
                    if v:
                        docs.append(docnum)
                        codes.append(lookup.setdefault(v, len(lookup)))
        for name in FACETS:
            self.values[name] = list(seen[name])
            docs, codes = (np.frombuffer(a, dtype=np.int32) for a in pairs[name])
            self._fill(name, docs.copy(), codes.copy())
        return self

    def count(self, docnums: np.ndarray) -> dict[str, np.ndarray]:
        """Counts per value code of the given (segment-local, sorted, live) docnums."""
        out = {}
        for name, codes in self.single.items():
            out[name] = np.bincount(codes[docnums], minlength=len(self.values[name]) + 1)[:-1]
        for name, (indptr, codes, owner) in self.csr.items():
            nvalues = len(self.values[name])
            if len(docnums) * 8 < self.doc_count:  # few matches: gather their slices
                starts, ends = indptr[docnums], indptr[docnums + 1]
                lens = ends - starts
                total = int(lens.sum())
                if total:
                    shift = np.repeat(starts - np.cumsum(lens) + lens, lens)
                    picked = codes[np.arange(total, dtype=np.int32) + shift]
                else:
                    picked = codes[:0]
            else:  # many: a mask over the docnums, then every entry whose owner matched
                mask = np.zeros(self.doc_count, dtype=bool)
                mask[docnums] = True
                picked = codes[mask[owner]]
            out[name] = np.bincount(picked, minlength=nvalues)
        return out


class FacetCounter:
    """Facet counts over an index of one or more segments, with a SegmentFacets per segment id,
    kept across searchers: a new commit costs only its new (or merged) segments."""

    def __init__(self, build: Callable[[Any], SegmentFacets] = SegmentFacets.from_postings):
        self.build = build
        self.segments: dict[str, SegmentFacets] = {}

    def leaves(self, searcher) -> list[tuple[SegmentFacets, int, Any]]:
        """(facets, offset, segment reader) per segment of this searcher, building what is missing
        and forgetting segments that are gone."""
        out, keep = [], {}
        for reader, offset in _leaf_readers(searcher.reader()):
            key = reader.segment().segment_id()
            facets = self.segments.get(key) or self.build(reader)
            keep[key] = facets
            out.append((facets, offset, reader))
        self.segments = keep
        return out

    def count(self, searcher, docnums: np.ndarray) -> dict[str, dict[str, int]]:
        totals: dict[str, Counter] = {name: Counter() for name in FACETS}
        for facets, offset, _ in self.leaves(searcher):
            lo, hi = np.searchsorted(docnums, (offset, offset + facets.doc_count))
            local = docnums[lo:hi] - offset
            for name, counts in facets.count(local).items():
                nz = np.flatnonzero(counts)
                found = zip(facets.value_array(name)[nz].tolist(), counts[nz].tolist(), strict=True)
                totals[name].update(dict(found))
        return {name: dict(c) for name, c in totals.items()}


def _leaf_readers(reader) -> list[tuple[Any, int]]:
    return [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()


# -- other counters, for comparison --------------------------------------------------------------
class PythonCounter:
    """The same cache without numpy: array('i') codes and per-document tuples of codes."""

    def __init__(self, facets: SegmentFacets):
        self.values = facets.values
        self.single = {n: array("i", a.tobytes()) for n, a in facets.single.items()}
        self.lists = {}
        for name, (indptr, codes, _) in facets.csr.items():
            ptr, c = indptr.tolist(), codes.tolist()
            self.lists[name] = [tuple(c[ptr[d] : ptr[d + 1]]) for d in range(facets.doc_count)]

    def count(self, docnums: list[int]) -> dict[str, dict[str, int]]:
        out = {}
        for name, codes in self.single.items():
            values = self.values[name]
            counts = Counter(map(codes.__getitem__, docnums))
            out[name] = {values[k]: n for k, n in counts.items() if k < len(values)}
        for name, lists in self.lists.items():
            values = self.values[name]
            counts = Counter(itertools.chain.from_iterable(map(lists.__getitem__, docnums)))
            out[name] = {values[k]: n for k, n in counts.items()}
        return out


class SqliteCounter:
    """An in-memory SQLite side table (docnum, facet, code), joined with the matching docnums."""

    def __init__(self, facets: SegmentFacets):
        self.values = facets.values
        self.names = list(FACETS)
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE TABLE fv (docnum INTEGER, facet INTEGER, code INTEGER, "
            "PRIMARY KEY (docnum, facet, code)) WITHOUT ROWID"
        )
        rows: list[tuple[int, int, int]] = []
        for f, name in enumerate(self.names):
            if name in facets.single:
                codes = facets.single[name]
                rows += [
                    (d, f, c) for d, c in enumerate(codes.tolist()) if c < len(facets.values[name])
                ]
            else:
                _, codes, owner = facets.csr[name]
                rows += [(d, f, c) for d, c in zip(owner.tolist(), codes.tolist(), strict=True)]
        rows.sort()
        self.db.executemany("INSERT INTO fv VALUES (?, ?, ?)", rows)
        self.db.commit()

    def count(self, docnums: np.ndarray) -> dict[str, dict[str, int]]:
        rows = self.db.execute(
            "SELECT facet, code, count(*) FROM json_each(?) AS m "
            "JOIN fv ON fv.docnum = m.value GROUP BY facet, code",
            (json.dumps(docnums.tolist()),),
        ).fetchall()
        out: dict[str, dict[str, int]] = {name: {} for name in self.names}
        for f, code, n in rows:
            name = self.names[f]
            out[name][self.values[name][code]] = n
        return out


# -- the approaches, end to end ------------------------------------------------------------------
def top10(searcher, q: Query) -> None:
    """The first page alone: search_page without its total (which, after a search that skipped
    blocks by quality, is a second pass over every match)."""
    results = searcher.search(q, limit=10, terms=False)
    [hit["shown"] for hit in results]


def search_numpy(searcher, q: Query, counter: FacetCounter, docnums=docnums_fast):
    """The first page from Whoosh (top 10 by score, blocks skipped by quality), then the total
    and the counts from one unscored pass over the matches."""
    top10(searcher, q)
    found = docnums(searcher, q)
    return len(found), counter.count(searcher, found)


def search_numpy_one_pass(searcher, q: Query, counter: FacetCounter):
    """One scored pass over every match: the first page, the total and the docnums from it."""
    results = searcher.search(q, limit=None, terms=False)
    [hit["shown"] for hit in results[:10]]
    found = np.sort(np.fromiter((d for _, d in results.top_n), dtype=np.int32))
    return len(found), counter.count(searcher, found)


def browse_numpy(searcher, counter: FacetCounter, facet: str | None, value: str | None):
    """A filter alone, Whoosh left out: the docnums from the cached codes, the first page by
    date (newest first) from the cached date_from, the counts with numpy."""
    parts = []
    tops: list[tuple[int, int]] = []
    for facets, offset, reader in counter.leaves(searcher):
        local = live_docnums(reader)
        if facet is not None:
            k = facets.values[facet].index(value) if value in facets.values[facet] else -1
            local = local[facets.single[facet][local] == k]
        dates = facets.date_from[local]
        best = np.argpartition(-dates, 9)[:10] if len(local) > 10 else np.arange(len(local))
        tops += [(int(dates[i]), int(local[i]) + offset) for i in best]
        parts.append(local + offset)
    docnums = np.concatenate(parts)
    tops.sort(key=lambda t: -t[0])
    [searcher.stored_fields(d)["shown"] for _, d in tops[:10]]
    return len(docnums), counter.count(searcher, docnums)


# -- timing --------------------------------------------------------------------------------------
def timed(fn: Callable[[], Any], reps: int, warmup: int, budget_s: float) -> dict[str, Any]:
    gc.collect()
    for _ in range(warmup):
        fn()
    times = []
    start = time.perf_counter()
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
        if time.perf_counter() - start > budget_s:
            break
    times.sort()
    return {
        "n": len(times),
        "p50": times[len(times) // 2],
        "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "max": times[-1],
        "mean": sum(times) / len(times),
    }


def rss_mib() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def same_counts(a: dict[str, dict[str, int]], b: dict[str, dict[str, int]]) -> bool:
    return all(a.get(n, {}) == b.get(n, {}) for n in FACETS)


def queries() -> dict[str, Query]:
    return {
        "a_filter": Term("document_type", "minutes"),
        "b_every": Every(),
        "c_common": Term("body", analyze("parties")[0]),
        "d_rare": Term("body", analyze(RARE_WORD)[0]),
        "e_common_any": _any_field(analyze("parties")[0]),
    }


# -- main ----------------------------------------------------------------------------------------
GROUPS = {
    "builds": "facet cache builds (numpy from postings or stored fields, Python, SQLite)",
    "checks": "every counter gives Whoosh's counts; match sizes",
    "A": "search.py today: Whoosh groupedby Facets, new searcher per query and reused",
    "A1": "Whoosh groupedby, the three single-valued facets only (reused searcher)",
    "B": "no facets: search_page (with its total), new searcher and reused; top 10 alone",
    "C": "numpy cache: top 10 by Whoosh + docnums in one unscored pass + bincount",
    "D": "filters alone without Whoosh: numpy docnums, first page by date, counts",
    "components": "all matching docnums (scored, unscored), counting given the docnums",
    "open": "opening a searcher: SearchIndexes.searcher (mmap) and with mmap off, then B and C "
    "with a new searcher per query, mmap off",
    "snippets": "make_snippet for the 10 hits of a page",
    "after-commit": "500 updates committed: incremental cache refresh against a full one",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument(
        "--cell-budget", type=float, default=150.0, help="seconds at most per timed cell"
    )
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument(
        "--only", nargs="+", choices=list(GROUPS), help="measure only these groups (default all)"
    )
    args = parser.parse_args(argv)
    groups = set(args.only or GROUPS)
    cache: Path = args.cache
    cache.mkdir(parents=True, exist_ok=True)

    out: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "whoosh": ".".join(map(str, whoosh_version)),
            "numpy": np.__version__,
            "sqlite": sqlite3.sqlite_version,
        },
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    out["build"] = build_index(cache, args.records, args.seed)
    if args.build_only:
        return 0
    indexes = SearchIndexes(cache / "index")
    ix = whoosh_index.open_dir(str(cache / "index" / "staff-spike"))
    searcher = ix.searcher()
    reader = searcher.reader()
    n_docs = reader.doc_count()
    out["index"] = {
        "docs": n_docs,
        "segments": len(ix._segments()),
        "facet_values": {name: len(list(reader.lexicon(name))) for name in FACETS},
    }
    print(json.dumps(out["index"]))
    qs = queries()
    timings: dict[str, dict[str, Any]] = {}
    out["timings"] = timings

    def record(name: str, key: str, fn: Callable[[], Any], reps: int | None = None) -> None:
        r = timed(fn, reps or args.reps, args.warmup, args.cell_budget)
        timings.setdefault(name, {})[key] = r
        print(
            f"{name:34s} {key:13s} n={r['n']:4d} p50={r['p50']:9.2f} p95={r['p95']:9.2f} "
            f"max={r['max']:9.2f} ms",
            flush=True,
        )

    builds: dict[str, Any] = {}
    rss0 = rss_mib()
    t = time.perf_counter()
    counter = FacetCounter()
    counter.leaves(searcher)
    builds["numpy_from_postings_s"] = time.perf_counter() - t
    builds["numpy_rss_delta_mib"] = rss_mib() - rss0
    builds["numpy_nbytes"] = sum(s.nbytes for s in counter.segments.values())
    seg = next(iter(counter.segments.values()))
    if groups & {"builds", "checks", "components"}:
        t = time.perf_counter()
        SegmentFacets.from_postings(reader, dates=False)
        builds["numpy_from_postings_no_dates_s"] = time.perf_counter() - t
        t = time.perf_counter()
        SegmentFacets.from_stored(reader)
        builds["numpy_from_stored_fields_s"] = time.perf_counter() - t
        t = time.perf_counter()
        py_counter = PythonCounter(seg)
        builds["python_from_numpy_s"] = time.perf_counter() - t
        t = time.perf_counter()
        sql_counter = SqliteCounter(seg)
        builds["sqlite_from_numpy_s"] = time.perf_counter() - t
        t = time.perf_counter()
        with indexes.searcher("staff") as s:
            s.search_page(qs["a_filter"], 1, pagelen=10, groupedby=whoosh_facets(), terms=False)
        builds["whoosh_first_facet_query_new_searcher_s"] = time.perf_counter() - t
    out["cache_builds"] = builds
    print(json.dumps(builds, indent=1), flush=True)

    if "checks" in groups:
        out["checks"] = run_checks(searcher, qs, counter, py_counter, sql_counter, n_docs)

    def new_searcher(fn):
        def run(q):
            with indexes.searcher("staff") as s:
                return fn(s, q)

        return run

    approaches: dict[str, tuple[str, Callable[[Query], Any]]] = {
        "A_whoosh_facets_new_searcher": ("A", new_searcher(search_with_whoosh_facets)),
        "A_whoosh_facets_reused": ("A", lambda q: search_with_whoosh_facets(searcher, q)),
        "A_whoosh_single_valued_only_reused": (
            "A1",
            lambda q: search_with_whoosh_facets(
                searcher, q, tuple(n for n in FACETS if n not in MULTI)
            ),
        ),
        "B_no_facets_new_searcher": ("B", new_searcher(search_only)),
        "B_no_facets_reused": ("B", lambda q: search_only(searcher, q)),
        "B_top10_no_total_reused": ("B", lambda q: top10(searcher, q)),
        "C_numpy_reused": ("C", lambda q: search_numpy(searcher, q, counter)),
        "C_numpy_new_searcher": ("C", new_searcher(lambda s, q: search_numpy(s, q, counter))),
        "C_numpy_public_api_docnums": (
            "C",
            lambda q: search_numpy(searcher, q, counter, docnums_matcher),
        ),
        "C_numpy_one_scored_pass": ("C", lambda q: search_numpy_one_pass(searcher, q, counter)),
    }
    for name, (group, fn) in approaches.items():
        if group in groups:
            for key, q in qs.items():
                record(name, key, lambda fn=fn, q=q: fn(q))
    if "B" in groups:
        date_sort = sorting.FieldFacet("date_from", reverse=True)
        for key in ("a_filter", "b_every"):
            record(
                "B_no_facets_date_sort", key, lambda q=qs[key]: search_only(searcher, q, date_sort)
            )
    if "D" in groups:
        for key, facet, value in (
            ("a_filter", "document_type", "minutes"),
            ("b_every", None, None),
        ):
            record(
                "D_numpy_browse_date_sort",
                key,
                lambda f=facet, v=value: browse_numpy(searcher, counter, f, v),
            )
    if "components" in groups:
        for key, q in qs.items():
            for fname, f in (
                ("docnums_scored", docnums_scored),
                ("docnums_unscored_collector", docnums_unscored_collector),
                ("docnums_matcher", docnums_matcher),
                ("docnums_fast", docnums_fast),
            ):
                record(fname, key, lambda f=f, q=q: f(searcher, q))
            dn = docnums_fast(searcher, q)
            dl = dn.tolist()
            record("count_numpy", key, lambda dn=dn: counter.count(searcher, dn))
            record("count_python", key, lambda dl=dl: py_counter.count(dl))
            record("count_sqlite", key, lambda dn=dn: sql_counter.count(dn))
    if "open" in groups:

        def open_only():
            with indexes.searcher("staff"):
                pass

        record("open_searcher_only", "-", open_only)
        folder = str(cache / "index" / "staff-spike")

        def open_no_mmap():
            no_mmap = FileStorage(folder, supports_mmap=False).open_index()
            no_mmap.searcher().close()
            no_mmap.close()

        record("open_searcher_only_no_mmap", "-", open_no_mmap)

        def no_mmap_searcher(fn):
            def run(q):
                no_mmap = FileStorage(folder, supports_mmap=False).open_index()
                try:
                    with no_mmap.searcher() as s:
                        return fn(s, q)
                finally:
                    no_mmap.close()

            return run

        for name, fn in (
            ("B_no_facets_new_searcher_no_mmap", no_mmap_searcher(search_only)),
            (
                "C_numpy_new_searcher_no_mmap",
                no_mmap_searcher(lambda s, q: search_numpy(s, q, counter)),
            ),
        ):
            for key, q in qs.items():
                record(name, key, lambda fn=fn, q=q: fn(q))
    if "snippets" in groups:
        corpus = Corpus(args.seed)
        for key in ("c_common", "d_rare"):
            page = searcher.search_page(qs[key], 1, pagelen=10, terms=False)
            texts = [corpus.record(int(hit["id"][4:]) - 1)[1] for hit in page]
            words = {analyze("parties")[0] if key == "c_common" else analyze(RARE_WORD)[0]}
            record(
                "snippets_10_hits",
                key,
                lambda texts=texts, w=words: [make_snippet(p, w) for p in texts],
            )
    searcher.close()
    ix.close()
    if "after-commit" in groups:
        out["after_commit"] = after_commit(cache, args, qs)

    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    path = cache / f"results-{stamp}.json"
    path.write_text(json.dumps(out, indent=1))
    print(f"results: {path}")
    print_table(out)
    return 0


def run_checks(searcher, qs, counter, py_counter, sql_counter, n_docs) -> dict[str, Any]:
    checks: dict[str, Any] = {}
    for key, q in qs.items():
        total, expected = search_with_whoosh_facets(searcher, q)
        dn = docnums_fast(searcher, q)
        checks[key] = {
            "total": total,
            "share": total / n_docs,
            "numpy_same": same_counts(expected, counter.count(searcher, dn)) and len(dn) == total,
            "python_same": same_counts(expected, py_counter.count(dn.tolist())),
            "sqlite_same": same_counts(expected, sql_counter.count(dn)),
            "search_numpy_same": search_numpy(searcher, q, counter) == (total, expected),
            "one_pass_same": search_numpy_one_pass(searcher, q, counter) == (total, expected),
            "docnums_same": all(
                np.array_equal(dn, f(searcher, q))
                for f in (docnums_scored, docnums_unscored_collector, docnums_matcher)
            ),
        }
        print(key, checks[key], flush=True)
    for key, facet, value in (("a_filter", "document_type", "minutes"), ("b_every", None, None)):
        expected = search_with_whoosh_facets(searcher, qs[key])
        checks[f"browse_{key}_same"] = browse_numpy(searcher, counter, facet, value) == expected
    bad = [
        (key, k)
        for key, c in checks.items()
        for k, v in (c.items() if isinstance(c, dict) else [(key, c)])
        if k.endswith("_same") and not v
    ]
    if bad:
        print(f"COUNTS DIFFER: {bad}", file=sys.stderr)
    return checks


def after_commit(cache: Path, args, qs: dict[str, Query]) -> dict[str, Any]:
    """On a copy, one commit of 500 records as a search-index drain makes it (one writer, no
    merge): "update" replaces 500 existing records (their old versions become deletions in the
    big segment), "add" adds 500 new ones (no deletions). Then what the facet cache costs on
    the new searcher (only the new segment is built) against building it all again (what a
    merge into one segment costs: every docnum changes), and the queries on two segments."""
    out: dict[str, Any] = {}
    corpus = Corpus(args.seed)
    for mode in ("update", "add"):
        work = cache / "after-commit"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(cache / "index" / "staff-spike", work)
        res: dict[str, Any] = {}
        ix = whoosh_index.open_dir(str(work))
        counter = FacetCounter()
        with ix.searcher() as s:
            counter.leaves(s)
        rng = random.Random(7)
        chosen = rng.sample(range(args.records), 500)
        t = time.perf_counter()
        writer = ix.writer(limitmb=128)
        for n, i in enumerate(chosen):
            doc, _ = corpus.record(i)
            doc["agents"] = ",".join(sorted({*doc["agents"].split(","), "agent-9999"}))
            if mode == "add":
                doc["id"] = f"new-{n:06d}"
                writer.add_document(**doc)
            else:
                writer.update_document(**doc)
        writer.commit(merge=False)
        res["commit_500_s"] = time.perf_counter() - t
        with ix.searcher() as s:
            res["segments"] = len(s.reader().leaf_readers())
            res["deleted"] = s.reader().doc_count_all() - s.reader().doc_count()
            t = time.perf_counter()
            counter.leaves(s)
            res["cache_refresh_incremental_s"] = time.perf_counter() - t
            t = time.perf_counter()
            FacetCounter().leaves(s)
            res["cache_build_full_s"] = time.perf_counter() - t
            same = {}
            for key, q in qs.items():
                total, expected = search_with_whoosh_facets(s, q)
                dn = docnums_fast(s, q)
                same[key] = len(dn) == total and same_counts(expected, counter.count(s, dn))
            res["counts_same_as_whoosh"] = same
            for key in ("a_filter", "b_every", "c_common", "e_common_any"):
                for name, fn in (
                    ("B_no_facets", lambda q, s=s: search_only(s, q)),
                    ("B_top10_no_total", lambda q, s=s: top10(s, q)),
                    ("C_numpy", lambda q, s=s, c=counter: search_numpy(s, q, c)),
                    ("docnums_fast", lambda q, s=s: docnums_fast(s, q)),
                ):
                    r = timed(lambda q=qs[key], fn=fn: fn(q), 50, 3, 60)
                    res.setdefault("two_segments", {}).setdefault(name, {})[key] = r
        ix.close()
        shutil.rmtree(work, ignore_errors=True)
        out[mode] = res
        print(mode, json.dumps({k: v for k, v in res.items() if k != "two_segments"}), flush=True)
        for name, cells in res["two_segments"].items():
            print(
                f"  {name}: "
                + ", ".join(f"{k} {v['p50']:.1f}/{v['p95']:.1f}" for k, v in cells.items())
            )
    return out


def print_table(out: dict[str, Any]) -> None:
    keys = list(queries())
    t = out["timings"]
    print("\n| approach (p50 / p95 ms) | " + " | ".join(keys) + " |")
    print("| --- |" + " --- |" * len(keys))
    for name, cells in t.items():
        row = [f"{cells[k]['p50']:.1f} / {cells[k]['p95']:.1f}" if k in cells else "" for k in keys]
        if "-" in cells:
            row[0] = f"{cells['-']['p50']:.1f} / {cells['-']['p95']:.1f} (no query)"
        print(f"| {name} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
