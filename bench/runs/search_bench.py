"""Benchmark search at 10,000 and 100,000 records, with SQLite FTS5 over the same texts beside it.

    python -m bench.runs.search_bench --records 10000 [--records 100000] [--queries 1000]
                                      [--seed 1] [--results DIR] [--max-wait S] [--keep]

Run it with the project's virtual environment (`.venv/bin/python`). For each `--records` N:

1. the depository of `bench/corpora/search_corpus.py` (N synthetic bilingual records written
   straight into the catalog), made once and cached in `bench/.cache/search-N/`, is copied to
   a work folder (`bench/.cache/runs/`), so that a run never changes the cache;
2. the full reindex (`SearchIndexes.rebuild` and then `drain`, what `mediarch reindex` does) in
   a child process: wall time, records/s, index size and segments, peak RSS and CPU of its
   process tree (the rebuild may write with several processes);
3. SQLite FTS5 over the same texts (titles, abstracts, body, agent names, subject labels;
   tokenizer `unicode61 remove_diacritics 2`), built in this process from the catalog;
4. `--queries` queries drawn with a fixed seed from the records (one English word, one Arabic
   word, two words, a phrase, a filter alone, a word and a filter, a concept in the other
   language, an agent's name in the other script) through `RecordSearch.search` (staff, 10 a
   page, facets and snippets as it returns them), one `RecordSearch` and one `SearchIndexes`
   for all of them, after `SearchIndexes.warm` (where the index has it) and a warm-up; then
   the same queries through FTS5 (top 10 by bm25 with `snippet()`, the total, the six facets
   by GROUP BY over the matches);
5. 20 times: one new record with a word of its own added through a second catalog connection,
   `drain` as ingest calls it, and searches for that word until the record is found: the time
   from the catalog commit to the record in the results.

Before each timed phase the benchmark waits (for at most `--max-wait` seconds in all) until
other processes use less than 0.15 of a core, and records what they used during the phase.
Results: `bench/results/search-N-YYYYMMDD-HHMMSS.json` (UTC), one file per N;
`python -m bench.report` renders them into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean, median
from typing import Any

from archive.depository import Depository
from archive.index.analysis import analyze
from archive.index.documents import date_bounds
from archive.index.indexes import SearchIndexes
from archive.index.search import RecordSearch
from archive.vocabulary import thesaurus
from bench.corpora.search_corpus import (
    ARABIC,
    WORD,
    SearchCorpus,
    Spec,
    cached_depository,
    default_out,
    ensure_depository,
    folder_bytes,
    record_text,
)
from bench.harness.common import (
    QUIET_CORES,
    REPO,
    RESULTS,
    WORK,
    WaitBudget,
    command_line,
    copy_depository,
    git_state,
    log,
    machine,
    package_versions,
    phase,
    stats,
    write_result,
)
from bench.harness.proctree import mb, run_sampled

GOAL_RECORDS = 100_000
GOALS = {  # issue 4, at 100,000 records
    "query_p95_ms": 50.0,
    "reindex_s": 600.0,
    "searchable_s": 1.0,
}
KINDS = {  # kind: (share of the queries, what it is)
    "word_en": (0.14, "one English word from a record's text"),
    "word_ar": (0.14, "one Arabic word from a record's text"),
    "two_words": (0.14, "two words from one record's text"),
    "phrase": (0.14, "2–3 consecutive words of a record, in quotes"),
    "filter": (0.12, "a filter alone: type, process, lang, date range, track or agent"),
    "word_filter": (0.14, "a word and a filter, both from one record"),
    "concept": (0.09, "a thesaurus label in the other language than the record's"),
    "agent": (0.09, "an agent's name in the other script than the record's"),
}
FILTERS = {"type": 0.25, "process": 0.2, "lang": 0.15, "date": 0.25, "track": 0.05, "agent": 0.1}
WARMUP = 30
TRIALS = 20
SEARCHABLE_TIMEOUT_S = 10.0
FACET_VALUES = 30
PACKAGES = ("mediation-archive", "Whoosh-Reloaded", "PyStemmer", "jsonschema", "numpy")
FTS_COLUMNS = ("title", "abstract", "body", "names", "subjects")
FTS_WEIGHTS = (3.0, 1.5, 1.0, 2.0, 1.5)  # as archive.index.schema.TEXT_FIELDS weighs them


def versions() -> dict[str, str]:
    found = package_versions(PACKAGES)
    found["sqlite"] = sqlite3.sqlite_version
    return found


# -- queries -----------------------------------------------------------------------------------
@dataclass
class Query:
    kind: str
    text: str  # as a scholar types it, for RecordSearch
    match: str | None = None  # the FTS5 MATCH expression
    where: list[tuple[str, list[Any]]] = field(default_factory=list)  # conditions on `meta`
    by_date: bool = False  # no words: newest first, as RecordSearch sorts

    def as_data(self) -> dict[str, Any]:
        where = [w for w, _ in self.where]
        return {"kind": self.kind, "text": self.text, "fts_match": self.match, "fts_where": where}


def fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _script(lang: str) -> Callable[[str], bool]:
    return (lambda w: bool(ARABIC.search(w))) if lang == "ar" else (lambda w: not ARABIC.search(w))


class QueryMaker:
    """Queries drawn from the catalog's records: a random record, then a random word (or words)
    of its text, so that a word comes up as often as it is written."""

    def __init__(self, catalog, seed: int):
        self.catalog, self.rng = catalog, random.Random(seed)
        self.ids = catalog.record_ids()
        self.thesaurus = thesaurus()

    def make(self, count: int) -> list[Query]:
        kinds = [k for k, (share, _) in KINDS.items() for _ in range(round(share * count))]
        while len(kinds) < count:
            kinds.append(self.rng.choice(list(KINDS)))
        kinds = kinds[:count]
        self.rng.shuffle(kinds)
        return [getattr(self, kind)() for kind in kinds]

    # -- pieces --------------------------------------------------------------------------------
    def _record(
        self, lang: str | None = None, need: Callable[[dict[str, Any]], Any] | None = None
    ) -> tuple[dict[str, Any], list[str]]:
        while True:
            rid = self.rng.choice(self.ids)
            record = self.catalog.record(rid)
            if lang and lang not in record["languages"]:
                continue
            if need and not need(record):
                continue
            text = self.catalog.text(rid)
            return record, text.pages if text else []

    def _tokens(self, pages: list[str], lang: str) -> list[list[str]]:
        """Runs of consecutive plain words in the language's script, page by page."""
        ok, runs = _script(lang), []
        for page in pages:
            run: list[str] = []
            for token in page.split():
                if WORD.match(token) and not token.isdigit() and ok(token):
                    run.append(token)
                else:
                    if run:
                        runs.append(run)
                    run = []
            if run:
                runs.append(run)
        return runs

    def _word(self, pages: list[str], lang: str) -> str | None:
        words = [w for run in self._tokens(pages, lang) for w in run]
        for _ in range(50):
            if not words:
                return None
            word = self.rng.choice(words)
            if analyze(word):  # not a stop word
                return word
        return None

    def _lang(self, record: dict[str, Any]) -> str:
        return self.rng.choice(record["languages"])

    def _filter(self, record: dict[str, Any], kinds: dict[str, float]) -> Query | None:
        """A filter the record passes (so that a word of it and the filter find it)."""
        kind = self.rng.choices(list(kinds), weights=list(kinds.values()))[0]
        if kind == "type":
            code = record["document_type"]
            return Query("", f"type:{code}", where=[("document_type = ?", [code])])
        if kind == "process":
            code = record["process"]
            return Query("", f"process:{code}", where=[("process = ?", [code])])
        if kind == "lang":
            lang = self._lang(record)
            return Query(
                "",
                f"lang:{lang}",
                where=[("doc IN (SELECT doc FROM langs WHERE lang = ?)", [lang])],
            )
        if kind == "date":
            if not record.get("date"):
                return None
            year = int(record["date"][:4])
            start = year - self.rng.randint(0, 2)
            end = start + self.rng.randint(0, 4)
            if end < year:
                end = year
            text = f"date:{start}" if start == end else f"date:{start}..{end}"
            bounds = [start * 10000 + 101, end * 10000 + 1231]
            return Query("", text, where=[("date_to >= ? AND date_from <= ?", bounds)])
        if kind == "track":
            track = self.catalog.process(record["process"]).get("track")
            return Query("", f"track:{track}", where=[("track = ?", [track])]) if track else None
        agent = self.rng.choice(record["agents"])
        name = agent["name"]
        return Query("", f'agent:"{name}"', match=f"names : {fts_phrase(name)}")

    # -- kinds ---------------------------------------------------------------------------------
    def word_en(self) -> Query:
        return self._one_word("en", "word_en")

    def word_ar(self) -> Query:
        return self._one_word("ar", "word_ar")

    def _one_word(self, lang: str, kind: str) -> Query:
        while True:
            _, pages = self._record(lang)
            word = self._word(pages, lang)
            if word:
                return Query(kind, word, match=fts_phrase(word))

    def two_words(self) -> Query:
        while True:
            record, pages = self._record()
            lang = self._lang(record)
            first, second = self._word(pages, lang), self._word(pages, lang)
            if first and second and analyze(first) != analyze(second):
                return Query(
                    "two_words",
                    f"{first} {second}",
                    match=f"{fts_phrase(first)} {fts_phrase(second)}",
                )

    def phrase(self) -> Query:
        while True:
            record, pages = self._record()
            runs = [r for r in self._tokens(pages, self._lang(record)) if len(r) >= 3]
            if not runs:
                continue
            run = self.rng.choice(runs)
            size = self.rng.choice((2, 3))
            start = self.rng.randrange(len(run) - size + 1)
            words = run[start : start + size]
            if analyze(words[0]) and analyze(words[-1]):
                text = " ".join(words)
                return Query("phrase", f'"{text}"', match=fts_phrase(text))

    def filter(self) -> Query:
        while True:
            record, _ = self._record()
            q = self._filter(record, FILTERS)
            if q:
                q.kind, q.by_date = "filter", True
                return q

    def word_filter(self) -> Query:
        kinds = {k: v for k, v in FILTERS.items() if k != "agent"}
        while True:
            record, pages = self._record()
            word = self._word(pages, self._lang(record))
            q = self._filter(record, kinds)
            if word and q:
                return Query(
                    "word_filter", f"{word} {q.text}", match=fts_phrase(word), where=q.where
                )

    def _other(self, record: dict[str, Any]) -> str:
        langs = record["languages"]
        return self.rng.choice(("ar", "en")) if len(langs) > 1 else {"ar": "en"}.get(langs[0], "ar")

    def concept(self) -> Query:
        record, _ = self._record(need=lambda r: r.get("subjects"))
        concept = self.thesaurus.concept(self.rng.choice(record["subjects"]))
        label = self.rng.choice(concept.labels(self._other(record)))
        every = " OR ".join(fts_phrase(x) for x in dict.fromkeys(concept.labels()))
        return Query("concept", label, match=every)

    def agent(self) -> Query:
        record, _ = self._record(need=lambda r: any(a.get("agent") for a in r.get("agents", [])))
        ref = self.rng.choice([a["agent"] for a in record["agents"] if a.get("agent")])
        agent = self.catalog.agent(ref)
        names = [agent["authorised_name"], *(p["name"] for p in agent.get("parallel_names", []))]
        other = self._other(record)
        typed = next((n for n in names if _script(other)(n)), names[0])
        every = " OR ".join(fts_phrase(n) for n in dict.fromkeys(names))
        return Query("agent", typed, match=every)


# -- SQLite FTS5, the reference ----------------------------------------------------------------
FTS_SCHEMA = f"""
CREATE VIRTUAL TABLE docs USING fts5({", ".join(FTS_COLUMNS)},
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO docs(docs, rank) VALUES ('rank', 'bm25({", ".join(map(str, FTS_WEIGHTS))})');
CREATE TABLE meta (doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, process TEXT, track TEXT,
    document_type TEXT, date TEXT, date_from INTEGER, date_to INTEGER, title_en TEXT,
    title_ar TEXT, languages TEXT);
CREATE TABLE langs (doc INTEGER NOT NULL, lang TEXT NOT NULL);
CREATE TABLE years (doc INTEGER NOT NULL, year INTEGER NOT NULL);
CREATE TABLE agents (doc INTEGER NOT NULL, agent TEXT NOT NULL);
CREATE TABLE labels (facet TEXT, value TEXT, en TEXT, ar TEXT, PRIMARY KEY (facet, value));
"""
FTS_INDEXES = """
CREATE INDEX meta_type ON meta (document_type, doc);
CREATE INDEX meta_process ON meta (process, doc);
CREATE INDEX meta_track ON meta (track, doc);
CREATE INDEX meta_from ON meta (date_from);
CREATE INDEX meta_to ON meta (date_to);
CREATE INDEX langs_by_lang ON langs (lang, doc);
CREATE INDEX langs_by_doc ON langs (doc);
CREATE INDEX years_by_doc ON years (doc);
CREATE INDEX agents_by_doc ON agents (doc);
"""
FACET_SQL = {  # counted over the matches in temp.hits, the most frequent first
    "process": "SELECT m.process, count(*) AS n FROM temp.hits h JOIN meta m ON m.doc = h.doc"
    " WHERE m.process IS NOT NULL GROUP BY m.process",
    "track": "SELECT m.track, count(*) AS n FROM temp.hits h JOIN meta m ON m.doc = h.doc"
    " WHERE m.track IS NOT NULL GROUP BY m.track",
    "document_type": "SELECT m.document_type, count(*) AS n FROM temp.hits h"
    " JOIN meta m ON m.doc = h.doc GROUP BY m.document_type",
    "languages": "SELECT l.lang, count(*) AS n FROM temp.hits h JOIN langs l ON l.doc = h.doc"
    " GROUP BY l.lang",
    "year": "SELECT y.year, count(*) AS n FROM temp.hits h JOIN years y ON y.doc = h.doc"
    " GROUP BY y.year",
    "agents": "SELECT a.agent, count(*) AS n FROM temp.hits h JOIN agents a ON a.doc = h.doc"
    " GROUP BY a.agent",
}
LABELLED = ("process", "agents")


def build_fts(catalog, path: Path) -> dict[str, Any]:
    """FTS5 and its side tables over the catalog's records; the build figures."""
    path.unlink(missing_ok=True)
    clock = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    for statement in FTS_SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    names: dict[str, list[str]] = {}
    tracks: dict[str, str | None] = {}
    conn.execute("BEGIN")
    for agent in catalog.agents():
        arabic = next((p["name"] for p in agent.get("parallel_names", []) if p["lang"] == "ar"), "")
        names[agent["id"]] = [
            agent["authorised_name"],
            *(p["name"] for p in agent.get("parallel_names", [])),
        ]
        conn.execute(
            "INSERT INTO labels VALUES ('agents', ?, ?, ?)",
            (agent["id"], agent["authorised_name"], arabic or agent["authorised_name"]),
        )
    for process in catalog.processes():
        tracks[process["id"]] = process.get("track")
        conn.execute(
            "INSERT INTO labels VALUES ('process', ?, ?, ?)",
            (process["id"], process.get("name_en"), process.get("name_ar")),
        )
    concepts = {c.code: c.labels() for c in thesaurus().concepts}
    for doc, rid in enumerate(catalog.record_ids(), start=1):
        record, text = catalog.record(rid), catalog.text(rid)
        agent_names = []
        for a in record.get("agents", []):
            agent_names += [a["name"], *names.get(a.get("agent", ""), [])]
        titles = [record.get(k) for k in ("title_en", "title_ar") if record.get(k)]
        abstracts = [record.get(k) for k in ("abstract_en", "abstract_ar") if record.get(k)]
        subjects = [
            label for code in record.get("subjects", []) for label in concepts.get(code, [code])
        ]
        conn.execute(
            "INSERT INTO docs (rowid, title, abstract, body, names, subjects)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                doc,
                "\n".join(titles),
                "\n".join(abstracts),
                "\n".join(text.pages if text else []),
                "\n".join(agent_names),
                "\n".join(subjects),
            ),
        )
        bounds = date_bounds(record.get("date"))
        end = date_bounds(record.get("date_end")) or bounds
        conn.execute(
            "INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc,
                rid,
                record.get("process"),
                tracks.get(record.get("process", "")),
                record["document_type"],
                record.get("date"),
                bounds[0] if bounds else None,
                end[1] if bounds else None,
                record.get("title_en"),
                record.get("title_ar"),
                ",".join(record.get("languages", [])),
            ),
        )
        conn.executemany(
            "INSERT INTO langs VALUES (?, ?)", [(doc, x) for x in record.get("languages", [])]
        )
        if bounds:
            conn.executemany(
                "INSERT INTO years VALUES (?, ?)",
                [(doc, y) for y in range(bounds[0] // 10000, end[1] // 10000 + 1)],
            )
        agent_ids = sorted({a["agent"] for a in record.get("agents", []) if a.get("agent")})
        conn.executemany("INSERT INTO agents VALUES (?, ?)", [(doc, a) for a in agent_ids])
    conn.execute("COMMIT")
    for statement in FTS_INDEXES.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    seconds = time.perf_counter() - clock
    records = len(catalog.record_ids())
    return {
        "seconds": round(seconds, 2),
        "records_per_s": round(records / seconds, 1),
        "bytes": path.stat().st_size,
        "columns": list(FTS_COLUMNS),
        "rank": f"bm25({', '.join(map(str, FTS_WEIGHTS))})",
        "tokenizer": "unicode61 remove_diacritics 2",
    }


class FtsSearch:
    """One open connection; a query gives the top 10 (bm25, or newest first without words) with
    their snippets and shown fields, the total, and the six facets (30 values each, labelled)."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("CREATE TEMP TABLE hits (doc INTEGER PRIMARY KEY)")

    def close(self) -> None:
        self.conn.close()

    def search(self, q: Query) -> dict[str, Any]:
        conn = self.conn
        where = " AND ".join(w for w, _ in q.where)
        args = [a for _, values in q.where for a in values]
        snippet = "snippet(docs, -1, '<mark>', '</mark>', '…', 24)"
        conn.execute("DELETE FROM temp.hits")
        if q.match is None:  # filters alone: newest first, no snippets
            top = [
                (doc, None)
                for (doc,) in conn.execute(
                    f"SELECT doc FROM meta WHERE {where} ORDER BY date_from DESC LIMIT 10", args
                )
            ]
            conn.execute(f"INSERT INTO temp.hits SELECT doc FROM meta WHERE {where}", args)
        else:
            # `+rowid`: the filter is applied to FTS5's matches (which FTS5 gives in rank order)
            # rather than handed to FTS5 as rowids to look up one by one (50 times slower).
            within = f" AND +docs.rowid IN (SELECT doc FROM meta WHERE {where})" if where else ""
            if q.by_date:
                docs = conn.execute(
                    "SELECT docs.rowid FROM docs JOIN meta ON meta.doc = docs.rowid"
                    f" WHERE docs MATCH ?{within} ORDER BY meta.date_from DESC LIMIT 10",
                    [q.match, *args],
                ).fetchall()
                top = [
                    conn.execute(
                        f"SELECT rowid, {snippet} FROM docs WHERE docs MATCH ? AND rowid = ?",
                        (q.match, doc),
                    ).fetchone()
                    for (doc,) in docs
                ]
            else:
                top = conn.execute(
                    f"SELECT rowid, {snippet} FROM docs WHERE docs MATCH ?{within}"
                    " ORDER BY rank LIMIT 10",
                    [q.match, *args],
                ).fetchall()
            conn.execute(
                f"INSERT INTO temp.hits SELECT rowid FROM docs WHERE docs MATCH ?{within}",
                [q.match, *args],
            )
        total = conn.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
        hits = []
        for doc, text in top:
            row = conn.execute(
                "SELECT id, title_en, title_ar, date, document_type, languages, process"
                " FROM meta WHERE doc = ?",
                (doc,),
            ).fetchone()
            hits.append((*row, text))
        facets = {}
        for name, sql in FACET_SQL.items():
            rows = conn.execute(
                f"SELECT v.*, l.en, l.ar FROM ({sql} ORDER BY n DESC LIMIT {FACET_VALUES}) v"
                f" LEFT JOIN labels l ON l.facet = '{name}' AND l.value = v.{_first_column(name)}"
                if name in LABELLED
                else f"{sql} ORDER BY n DESC LIMIT {FACET_VALUES}"
            ).fetchall()
            facets[name] = rows
        return {"total": total, "hits": hits, "facets": facets}


def _first_column(name: str) -> str:
    return {"process": "process", "agents": "agent"}[name]


# -- phases ------------------------------------------------------------------------------------
def staff_indexes(depository: Depository) -> SearchIndexes:
    """The staff index alone, every record whole: what this benchmark (the search issue)
    measures. The depository keeps one index per audience (the access issue); their costs
    are measured by the access benchmark."""
    return SearchIndexes(depository.index_dir)


def run_reindex(root: Path) -> dict[str, Any]:
    """`rebuild` and `drain` in a child process (`mediarch reindex` does the same): its own
    timings and peak RSS, and the memory and CPU of its whole process tree (a rebuild may
    write with several processes), sampled from /proc every 0.1 s."""
    command = [sys.executable, "-m", "bench.runs.search_bench", "--reindex-child", str(root)]
    out, wall, sampler = run_sampled(command, "reindex")
    figures = json.loads(out.strip().splitlines()[-1])
    figures["child_wall_s"] = round(wall, 2)
    figures["tree_peak_rss_mb"] = mb(sampler.peak_total_rss)
    figures["tree_processes"] = len(sampler.procs)
    figures["tree_cpu_s"] = round(sampler.tree_cpu_s, 2)
    return figures


def reindex_child(root: Path) -> int:
    """In the child: rebuild the staff index from the catalog, then drain, and print figures."""
    fill_s = [0.0]
    original = getattr(SearchIndexes, "_fill", None)
    if original is not None:  # split the rebuild into writing the records and the rest

        def timed_fill(self, *args, **kwargs):
            clock = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                fill_s[0] += time.perf_counter() - clock

        SearchIndexes._fill = timed_fill
    clock = time.perf_counter()
    depository = Depository.open(root)
    try:
        indexes = staff_indexes(depository)
        records = depository.catalog.count("records")
        open_s = time.perf_counter() - clock
        clock = time.perf_counter()
        generation = indexes.rebuild(depository.catalog, "staff")
        rebuild_s = time.perf_counter() - clock
        clock = time.perf_counter()
        indexes.drain(depository.catalog)
        drain_s = time.perf_counter() - clock
        ix = generation.open()
        try:
            segments = len(ix._segments()) if hasattr(ix, "_segments") else None
            documents = ix.doc_count()
        finally:
            ix.close()
        if hasattr(indexes, "close"):
            indexes.close()
    finally:
        depository.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # writer processes, if any
    seconds = rebuild_s + drain_s
    figures = {
        "records": records,
        "documents": documents,
        "open_s": round(open_s, 3),
        "rebuild_s": round(rebuild_s, 2),
        "fill_s": round(fill_s[0], 2) if original is not None else None,
        "after_fill_s": round(rebuild_s - fill_s[0], 2) if original is not None else None,
        "drain_s": round(drain_s, 2),
        "seconds": round(seconds, 2),
        "records_per_s": round(records / seconds, 1),
        "index_bytes": folder_bytes(generation.folder),
        "segments": segments,
        "generation": generation.folder.name,
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "children_peak_rss_mb": round(children.ru_maxrss / 1024, 1),  # the largest one
        "children_cpu_s": round(children.ru_utime + children.ru_stime, 2),
    }
    print(json.dumps(figures))
    return 0


def warm(indexes: SearchIndexes) -> dict[str, Any] | None:
    """What a server does once it has started, where the index offers it: read ahead what
    searches need most (`SearchIndexes.warm`)."""
    if not hasattr(indexes, "warm"):
        return None
    clock = time.perf_counter()
    read = indexes.warm("staff")
    seconds = time.perf_counter() - clock
    log(f"  warmed the index in {seconds:.1f} s ({read} posting lists read ahead)")
    return {"seconds": round(seconds, 2), "lists": read}


def ours_once(search: RecordSearch, q: Query) -> tuple[float, dict[str, Any]]:
    clock = time.perf_counter()
    result = search.search(q.text, audience="staff", limit=10, page=1)
    ms = 1000 * (time.perf_counter() - clock)
    return ms, {
        "total": result.total,
        "hits": len(result.hits),
        "snippets": sum(1 for h in result.hits if h.snippet),
        "facet_values": sum(len(v) for v in result.facets.values()),
        "expanded": bool(result.expanded),
    }


def fts_once(fts: FtsSearch, q: Query) -> tuple[float, dict[str, Any]]:
    clock = time.perf_counter()
    result = fts.search(q)
    ms = 1000 * (time.perf_counter() - clock)
    return ms, {
        "total": result["total"],
        "hits": len(result["hits"]),
        "snippets": sum(1 for h in result["hits"] if h[-1]),
        "facet_values": sum(len(v) for v in result["facets"].values()),
    }


def run_queries(
    name: str,
    once: Callable[[Query], tuple[float, dict[str, Any]]],
    queries: list[Query],
    warmup: list[Query],
) -> list[tuple[float, dict[str, Any]]]:
    for q in warmup:
        once(q)
    out, clock = [], time.monotonic()
    for n, q in enumerate(queries, start=1):
        out.append(once(q))
        if n % 200 == 0 or n == len(queries):
            log(f"  {name}: {n}/{len(queries)} queries, {time.monotonic() - clock:.1f} s")
    return out


def by_kind(queries: list[Query], ours: list, fts: list) -> dict[str, Any]:
    kinds: dict[str, Any] = {}
    for kind in [*KINDS, "all"]:
        picked = [i for i, q in enumerate(queries) if kind in ("all", q.kind)]
        if not picked:
            continue
        o = stats([ours[i][0] for i in picked])
        f = stats([fts[i][0] for i in picked])
        kinds[kind] = {
            "queries": len(picked),
            "ours": o,
            "fts5": f,
            "ratio_p50": round(o["p50"] / f["p50"], 2) if f["p50"] else None,
            "ratio_p95": round(o["p95"] / f["p95"], 2) if f["p95"] else None,
            "ours_mean_total": round(fmean(ours[i][1]["total"] for i in picked), 1),
            "fts5_mean_total": round(fmean(fts[i][1]["total"] for i in picked), 1),
            "ours_empty": sum(1 for i in picked if ours[i][1]["total"] == 0),
            "fts5_empty": sum(1 for i in picked if fts[i][1]["total"] == 0),
            "ours_mean_snippets": round(fmean(ours[i][1]["snippets"] for i in picked), 2),
            "fts5_mean_snippets": round(fmean(fts[i][1]["snippets"] for i in picked), 2),
            "ours_expanded": sum(1 for i in picked if ours[i][1]["expanded"]),
        }
    return kinds


def searchable(root: Path, spec: Spec, search: RecordSearch, trials: int) -> dict[str, Any]:
    """New records through a second catalog connection and index handle (the ingest's side),
    drained as ingest drains, searched through the benchmark's RecordSearch (the reader's)."""
    corpus = SearchCorpus(spec)
    writer = Depository.open(root)
    indexes = staff_indexes(writer)
    rows = []
    try:
        for k in range(trials):
            record, pages = corpus.record(spec.records + 1000 + k)
            rid = f"new-{k + 1:03d}"
            word = f"xq{k + 1:02d}{random.Random(spec.seed * 7 + k).getrandbits(32):08x}"
            record["identifier"] = rid
            words = pages[0].split(" ")
            words.insert(len(words) // 2, word)
            pages[0] = " ".join(words)
            time.sleep(0.2)
            writer.catalog.add_record(record, actor="bench", text=record_text(record, pages))
            committed = time.perf_counter()
            indexes.drain(writer.catalog)
            drained = time.perf_counter()
            found, searches = False, 0
            while time.perf_counter() - committed < SEARCHABLE_TIMEOUT_S:
                result = search.search(word, audience="staff", limit=10)
                searches += 1
                if any(h.id == rid for h in result.hits):
                    found = True
                    break
                time.sleep(0.01)
            done = time.perf_counter()
            rows.append(
                {
                    "record": rid,
                    "word": word,
                    "found": found,
                    "drain_s": round(drained - committed, 4),
                    "search_s": round(done - drained, 4),
                    "searches": searches,
                    "seconds": round(done - committed, 4),
                }
            )
    finally:
        if hasattr(indexes, "close"):
            indexes.close()
        writer.close()
    seconds = [r["seconds"] for r in rows]
    return {
        "trials": rows,
        "found": sum(r["found"] for r in rows),
        "median_s": round(median(seconds), 4),
        "max_s": round(max(seconds), 4),
        "median_drain_s": round(median(r["drain_s"] for r in rows), 4),
        "median_search_s": round(median(r["search_s"] for r in rows), 4),
    }


def goals(result: dict[str, Any]) -> list[dict[str, Any]]:
    applies = result["parameters"]["records"] >= GOAL_RECORDS
    overall = result["queries"]["by_kind"]["all"]["ours"]
    s = result["searchable"]
    rows = [
        {
            "goal": "query p95 with facets and snippets",
            "limit": GOALS["query_p95_ms"],
            "unit": "ms",
            "value": overall["p95"],
            "met": overall["p95"] <= GOALS["query_p95_ms"],
        },
        {
            "goal": "full reindex (rebuild and drain)",
            "limit": GOALS["reindex_s"],
            "unit": "s",
            "value": result["reindex"]["seconds"],
            "met": result["reindex"]["seconds"] <= GOALS["reindex_s"],
        },
        {
            "goal": "a new record searchable after its commit (max of the trials)",
            "limit": GOALS["searchable_s"],
            "unit": "s",
            "value": s["max_s"],
            "met": s["found"] == len(s["trials"]) and s["max_s"] <= GOALS["searchable_s"],
        },
    ]
    for row in rows:
        row["at_goal_size"] = applies
    return rows


# -- one run -----------------------------------------------------------------------------------
def archive_source() -> str:
    import archive

    where = Path(archive.__file__).resolve().parent
    return str(where.relative_to(REPO)) if where.is_relative_to(REPO) else str(where)


def run_one(args: argparse.Namespace, records: int, budget: WaitBudget) -> dict[str, Any]:
    started = dt.datetime.now(dt.UTC)
    spec = Spec(records=records, seed=args.seed)
    result: dict[str, Any] = {
        "benchmark": "search",
        "format": 1,
        "date": started.isoformat(timespec="seconds"),
        "git": git_state(),
        "archive_source": archive_source(),
        "machine": machine(),
        "versions": versions(),
        "quiet_cores": QUIET_CORES,
        "goals": GOALS,
        "goal_records": GOAL_RECORDS,
        "parameters": {
            "records": records,
            "queries": args.queries,
            "seed": args.seed,
            "warmup": WARMUP,
            "trials": TRIALS,
            "kinds": {k: {"share": s, "what": w} for k, (s, w) in KINDS.items()},
            "filters": FILTERS,
        },
        "commands": {
            "benchmark": command_line(),
            "corpus": f"python -m bench.corpora.search_corpus --records {records} --seed {args.seed}",
        },
    }
    corpus: dict[str, Any] = {}
    cache = default_out(records)
    found = cached_depository(spec, cache)
    if found:
        (root, made), reused = found, True
    else:
        with phase(f"depository of {records:,} records", budget, corpus):
            root, made, reused = ensure_depository(spec, cache, log)
    corpus.update(made)
    corpus["reused"] = reused
    corpus["path"] = str(cache.relative_to(REPO) if cache.is_relative_to(REPO) else cache)
    result["corpus"] = corpus
    log(
        f"  {'reused' if reused else 'written'}: {made['counts']['records']:,} records in "
        f"{made['records_s']} s ({made['records_per_s']}/s), "
        f"catalog {made['catalog_bytes'] / 2**20:.0f} MiB"
    )
    work = WORK / f"search-{records}-{started.strftime('%Y%m%d-%H%M%S')}"
    work.mkdir(parents=True)
    try:
        root = copy_depository(root, work)
        reindex: dict[str, Any] = {}
        with phase("full reindex (child process)", budget, reindex):
            reindex.update(run_reindex(root))
        result["reindex"] = reindex
        log(
            f"  {reindex['seconds']} s ({reindex['records_per_s']} records/s), "
            f"{reindex['index_bytes'] / 2**20:.0f} MiB, {reindex['segments']} segment(s), "
            f"peak RSS {reindex['tree_peak_rss_mb']} MB (all its processes)"
        )
        depository = Depository.open(root)
        indexes = staff_indexes(depository)
        try:
            search = RecordSearch(indexes, depository.catalog)
            log("drawing the queries")
            queries = QueryMaker(depository.catalog, args.seed).make(args.queries)
            warmup = QueryMaker(depository.catalog, args.seed + 1000).make(WARMUP)
            fts_figures: dict[str, Any] = {}
            with phase("FTS5 build", budget, fts_figures):
                fts_figures.update(build_fts(depository.catalog, work / "fts5.sqlite"))
            ours_load: dict[str, Any] = {}
            with phase(f"{len(queries)} queries through RecordSearch", budget, ours_load):
                warmed = warm(indexes)
                ours = run_queries("ours", lambda q: ours_once(search, q), queries, warmup)
            fts = FtsSearch(work / "fts5.sqlite")
            fts_load: dict[str, Any] = {}
            try:
                with phase(f"{len(queries)} queries through FTS5", budget, fts_load):
                    fts_results = run_queries("fts5", lambda q: fts_once(fts, q), queries, warmup)
            finally:
                fts.close()
            result["fts5"] = fts_figures
            result["queries"] = {
                "count": len(queries),
                "by_kind": by_kind(queries, ours, fts_results),
                "ours_run": ours_load,
                "warm": warmed,
                "fts5_run": fts_load,
                "raw": [
                    [q.kind, q.text, round(o[0], 3), o[1]["total"], round(f[0], 3), f[1]["total"]]
                    for q, o, f in zip(queries, ours, fts_results, strict=True)
                ],
                "raw_columns": ["kind", "query", "ours_ms", "ours_total", "fts5_ms", "fts5_total"],
                "examples": {
                    kind: [q.as_data() for q in queries if q.kind == kind][:3] for kind in KINDS
                },
            }
            s: dict[str, Any] = {}
            with phase(f"{TRIALS} new records until searchable", budget, s):
                s.update(searchable(root, spec, search, TRIALS))
            result["searchable"] = s
        finally:
            if hasattr(indexes, "close"):
                indexes.close()
            depository.close()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    result["work"] = str(work) if args.keep else None
    result["goals_met"] = goals(result)
    result["seconds"] = round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1)
    return result


def summary(result: dict[str, Any]) -> list[str]:
    n = result["parameters"]["records"]
    r, c = result["reindex"], result["corpus"]
    lines = [
        "",
        f"search benchmark, {n:,} records ({result['queries']['count']} queries)",
        f"  catalog inserts: {c['records_s']} s ({c['records_per_s']} records/s)"
        + (" [cached]" if c["reused"] else ""),
        f"  reindex: {r['seconds']} s ({r['records_per_s']} records/s), index "
        f"{r['index_bytes'] / 2**20:.1f} MiB, {r['segments']} segment(s), "
        f"peak RSS {r['tree_peak_rss_mb']} MB (all its processes)",
        f"  FTS5 build: {result['fts5']['seconds']} s, {result['fts5']['bytes'] / 2**20:.1f} MiB",
        "",
        f"  {'kind':12s} {'n':>5s} {'p50':>8s} {'p95':>8s} {'p99':>8s} {'max':>8s} | "
        f"{'fts p50':>8s} {'fts p95':>8s} | {'x p50':>6s} {'x p95':>6s} | "
        f"{'hits':>8s} {'fts hits':>8s}",
    ]
    for kind, k in result["queries"]["by_kind"].items():
        o, f = k["ours"], k["fts5"]
        lines.append(
            f"  {kind:12s} {k['queries']:5d} {o['p50']:8.1f} {o['p95']:8.1f} {o['p99']:8.1f} "
            f"{o['max']:8.1f} | {f['p50']:8.1f} {f['p95']:8.1f} | {k['ratio_p50'] or 0:6.1f} "
            f"{k['ratio_p95'] or 0:6.1f} | {k['ours_mean_total']:8.1f} {k['fts5_mean_total']:8.1f}"
        )
    s = result["searchable"]
    lines += [
        "",
        f"  new record searchable: median {s['median_s']} s, max {s['max_s']} s "
        f"({s['found']}/{len(s['trials'])} found; drain median {s['median_drain_s']} s)",
        "",
    ]
    for g in result["goals_met"]:
        where = "" if g["at_goal_size"] else f" (goal is for {GOAL_RECORDS:,} records)"
        lines.append(
            f"  goal {g['goal']} ≤ {g['limit']} {g['unit']}: {g['value']} {g['unit']} "
            f"{'met' if g['met'] else 'NOT met'}{where}"
        )
    return lines


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--records", type=int, nargs="+", action="extend", help="record counts (default 10000)"
    )
    parser.add_argument("--queries", type=int, default=1000, help="timed queries (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus and query seed (default 1)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the JSON goes")
    parser.add_argument(
        "--max-wait",
        type=float,
        default=900,
        help="seconds the benchmark may spend in all waiting for other processes to go quiet "
        "before its phases (default 900; 0: measure at once)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--reindex-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.records = args.records or [10_000]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.reindex_child:
        return reindex_child(args.reindex_child)
    budget = WaitBudget(args.max_wait)
    for records in args.records:
        result = run_one(args, records, budget)
        path = write_result(result, args.results, f"search-{result['parameters']['records']}")
        print("\n".join(summary(result)), flush=True)
        log(f"results: {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    log("docs: python -m bench.report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
