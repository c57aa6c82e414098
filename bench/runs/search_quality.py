"""Search quality over the sample corpus: recall@10 and MRR of mediarch's search and of a plain
Whoosh baseline (StandardAnalyzer), in one run, on the relevance set of tests/relevance/.

    python -m bench.runs.search_quality [--out docs/search-quality.md]
                                        [--json bench/results/search-quality-<stamp>.json]
                                        [--queries tests/relevance/queries.json]

The run ingests sample_corpus/ into a temporary depository (staff index), runs every query of
the set through `RecordSearch` (as staff, expansion on) and through the baseline, scores both,
writes the raw results as JSON (git commit, date, versions) and renders docs/search-quality.md
from that JSON. tests/test_search_quality.py imports this module for the scoring and the goals.

Scoring. A query's cut-off k is 10, or the number of its expected records when that is larger
(so that a query with 14 expected records can reach recall 1). recall@k: the share of expected
records in the top k; RR: 1/rank of the first expected record in the top k, 0 if none. Per kind
and overall: mean recall and MRR over queries. The goals of the search issue are on the mean
recall of the queries of a group of kinds.

Baseline. A Whoosh index built in a temporary folder from the same catalog records: fields
title (title_en + title_ar), body (the record's text pages) and names (the agent names as the
record writes them), all with `whoosh.analysis.StandardAnalyzer()`; queries parsed by
`MultifieldParser(["title", "body", "names"])` with AND grouping. Our query language is read
with mediarch's own parser: words and quoted phrases go to the baseline as they are typed;
`agent:` becomes a fielded search of `names`; `type:`, `lang:`, `process:` and `date:` are
applied as a post-filter on the stored document type, languages, process and date (overlap,
as mediarch reads dates); a query of filters alone lists the matching records newest first.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from statistics import fmean
from typing import Any

from bench.harness.common import REPO, RESULTS

QUERIES = REPO / "tests" / "relevance" / "queries.json"
DOC = REPO / "docs" / "search-quality.md"
TOP = 10

KINDS: dict[str, str] = {
    "keyword_en": "English keywords",
    "keyword_ar": "Arabic keywords",
    "spelling_variant": "Arabic spelling variants",
    "phrase": "phrases",
    "filter": "filters (type, lang, process, agent)",
    "date_range": "date ranges",
    "name_cross_script": "names across scripts",
    "name_no_accents": "names without accents",
    "cross_lingual_en_to_ar": "cross-lingual, English to Arabic",
    "cross_lingual_ar_to_en": "cross-lingual, Arabic to English",
}
KEYWORD_KINDS = ("keyword_en", "keyword_ar", "spelling_variant", "phrase", "filter", "date_range")
NAME_KINDS = (
    "name_cross_script",
    "name_no_accents",
    "cross_lingual_en_to_ar",
    "cross_lingual_ar_to_en",
)
# The goals of the search issue: mean recall@10 of the queries of each group.
GOALS: dict[str, tuple[tuple[str, ...], float]] = {
    "keywords": (KEYWORD_KINDS, 0.95),
    "names and cross-lingual": (NAME_KINDS, 0.9),
}
SYSTEMS = {
    "mediarch": "mediarch RecordSearch (staff, expansion on)",
    "whoosh_standard": "Whoosh StandardAnalyzer baseline",
}
MIN_QUERIES, MIN_PER_KIND = 48, 4
_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

Search = Callable[[str, int], list[str]]


# -- the relevance set -----------------------------------------------------------------
@dataclass(frozen=True)
class RelevanceQuery:
    name: str
    kind: str
    query: str
    expected: tuple[str, ...]
    note: str

    @property
    def depth(self) -> int:
        """The cut-off: 10, or the number of expected records when there are more."""
        return max(TOP, len(self.expected))


def load_queries(path: Path = QUERIES) -> list[RelevanceQuery]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        RelevanceQuery(q["name"], q["kind"], q["query"], tuple(q["expected"]), q["note"])
        for q in data
    ]


def check_queries(queries: Sequence[RelevanceQuery], known_ids: Iterable[str]) -> list[str]:
    """What is wrong with the set: size, kinds, duplicate names, unknown or repeated records."""
    known = set(known_ids)
    problems = []
    if len(queries) < MIN_QUERIES:
        problems.append(f"{len(queries)} queries, fewer than {MIN_QUERIES}")
    for kind in KINDS:
        count = sum(q.kind == kind for q in queries)
        if count < MIN_PER_KIND:
            problems.append(f"{kind}: {count} queries, fewer than {MIN_PER_KIND}")
    names = [q.name for q in queries]
    problems += [f"duplicate name {n}" for n in sorted({n for n in names if names.count(n) > 1})]
    for q in queries:
        if not _KEBAB.fullmatch(q.name):
            problems.append(f"{q.name}: not a kebab-case name")
        if q.kind not in KINDS:
            problems.append(f"{q.name}: unknown kind {q.kind}")
        if not q.expected or len(set(q.expected)) != len(q.expected):
            problems.append(f"{q.name}: no expected records, or one listed twice")
        problems += [f"{q.name}: unknown record {e}" for e in q.expected if e not in known]
    return problems


# -- scoring ---------------------------------------------------------------------------
@dataclass
class Scored:
    name: str
    kind: str
    query: str
    depth: int
    expected: list[str]
    ranked: list[str]
    recall: float
    rr: float
    missed: list[str]


def score(query: RelevanceQuery, ranked: Sequence[str]) -> Scored:
    top = list(ranked[: query.depth])
    found = [e for e in query.expected if e in top]
    first = next((i for i, rid in enumerate(top, start=1) if rid in query.expected), None)
    return Scored(
        query.name,
        query.kind,
        query.query,
        query.depth,
        list(query.expected),
        top,
        len(found) / len(query.expected),
        1 / first if first else 0.0,
        [e for e in query.expected if e not in top],
    )


def evaluate(queries: Iterable[RelevanceQuery], search: Search) -> list[Scored]:
    return [score(q, search(q.query, q.depth)) for q in queries]


def aggregate(results: Sequence[Scored]) -> dict[str, float | int]:
    if not results:
        return {"queries": 0, "recall": 0.0, "mrr": 0.0}
    return {
        "queries": len(results),
        "recall": fmean(r.recall for r in results),
        "mrr": fmean(r.rr for r in results),
    }


def by_kind(results: Sequence[Scored]) -> dict[str, dict[str, float | int]]:
    return {kind: aggregate([r for r in results if r.kind == kind]) for kind in KINDS}


def group_recall(results: Sequence[Scored], kinds: Iterable[str]) -> float:
    kinds = set(kinds)
    return float(aggregate([r for r in results if r.kind in kinds])["recall"])


def goal_status(results: Sequence[Scored]) -> list[dict[str, Any]]:
    rows = []
    for group, (kinds, goal) in GOALS.items():
        recall = group_recall(results, kinds)
        rows.append(
            {
                "group": group,
                "kinds": list(kinds),
                "goal": goal,
                "recall": recall,
                "met": recall >= goal,
            }
        )
    return rows


# -- the systems -----------------------------------------------------------------------
def ingest_sample_corpus(root: Path):
    """A new depository at `root` with the sample corpus ingested (and indexed for staff)."""
    from archive.depository import Depository
    from ingest.pipeline import run_ingest
    from tests.conftest import corpus_options

    dep = Depository.create(root)
    try:
        run_ingest(dep, corpus_options())
    except BaseException:
        dep.close()
        raise
    return dep


def our_search(dep) -> Search:
    """mediarch's search as staff, expansion on: the identifiers of the top `depth` hits."""
    from archive.index.search import RecordSearch

    searcher = RecordSearch(dep.indexes, dep.catalog)

    def run(text: str, depth: int) -> list[str]:
        result = searcher.search(text, audience="staff", limit=depth, expand=True)
        return [hit.id for hit in result.hits]

    return run


@dataclass
class _BaselineQuery:
    text: str  # for MultifieldParser; empty when the query is filters alone
    filters: list[tuple[str, str, bool]]  # (stored field, code, negated)
    dates: list[tuple[int | None, int | None]]  # yyyymmdd bounds, None = open


class WhooshBaseline:
    """A plain Whoosh index of the same records with StandardAnalyzer (see the module doc)."""

    FIELDS = ("title", "body", "names")

    def __init__(self, dep, folder: Path):
        from whoosh import index
        from whoosh.analysis import StandardAnalyzer
        from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

        analyzer = StandardAnalyzer()
        self.schema = Schema(
            id=ID(stored=True, unique=True),
            title=TEXT(analyzer=analyzer),
            body=TEXT(analyzer=analyzer),
            names=TEXT(analyzer=analyzer),
            document_type=ID(stored=True),
            languages=KEYWORD(stored=True, commas=True),
            process=ID(stored=True),
            date_from=NUMERIC(int, bits=32, stored=True),
            date_to=NUMERIC(int, bits=32, stored=True),
        )
        folder.mkdir(parents=True, exist_ok=True)
        self.index = index.create_in(str(folder), self.schema)
        self._fill(dep)

    def _fill(self, dep) -> None:
        from archive.index.documents import date_bounds

        writer = self.index.writer()
        for record_id in dep.catalog.record_ids():
            record = dep.catalog.record(record_id)
            text = dep.catalog.text(record_id)
            bounds = date_bounds(record.get("date")) or (0, 0)
            writer.add_document(
                id=record_id,
                title="\n".join(t for t in (record.get("title_en"), record.get("title_ar")) if t),
                body="\n".join(text.pages) if text else "",
                names="\n".join(a["name"] for a in record.get("agents", [])),
                document_type=record["document_type"],
                languages=",".join(record.get("languages", [])),
                process=record.get("process") or "",
                date_from=bounds[0],
                date_to=bounds[1],
            )
        writer.commit()

    def search(self, text: str, depth: int) -> list[str]:
        from whoosh.qparser import AndGroup, MultifieldParser
        from whoosh.query import Every

        wanted = translate_for_baseline(text)
        parser = MultifieldParser(list(self.FIELDS), self.schema, group=AndGroup)
        query = parser.parse(wanted.text) if wanted.text.strip() else Every()
        with self.index.searcher() as searcher:
            if wanted.text.strip():
                hits = searcher.search(query, limit=None)
            else:
                hits = searcher.search(query, limit=None, sortedby="date_from", reverse=True)
            kept = [hit["id"] for hit in hits if _passes(hit, wanted)]
        return kept[:depth]


def translate_for_baseline(text: str) -> _BaselineQuery:
    """Our query language read by mediarch's parser, rewritten for the baseline: words and
    phrases as typed, `agent:` and `title:` as fielded searches, `type:`, `lang:`, `process:`
    and dates as post-filters; other fields are read as words."""
    from archive.index.query import parse

    parsed = parse(text)
    parts: list[str] = []
    filters: list[tuple[str, str, bool]] = []
    for clause in parsed.clauses:
        if clause.kind == "field" and clause.field in _POST_FILTERS:
            filters.append((_POST_FILTERS[clause.field], _code_of(clause), clause.negated))
            continue
        options = [_baseline_words(c) for c in [clause, *clause.alternatives]]
        words = options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"
        parts.append(("NOT " if clause.negated else "") + words)
    return _BaselineQuery(" ".join(parts), filters, [_bounds(d) for d in parsed.dates])


_POST_FILTERS = {"type": "document_type", "lang": "languages", "process": "process"}
_VOCABULARIES = {"type": "document_types", "lang": "languages"}
_FIELDED = {"agent": "names", "title": "title"}


def _code_of(clause) -> str:
    """A filter's value as stored: a vocabulary code where the field has a vocabulary."""
    from archive.vocabulary import vocabulary

    if clause.field in _VOCABULARIES:
        return vocabulary(_VOCABULARIES[clause.field]).find(clause.text) or clause.text
    return clause.text


def _bounds(found) -> tuple[int | None, int | None]:
    from archive.index.documents import date_bounds

    return (
        date_bounds(found.start)[0] if found.start else None,
        date_bounds(found.end)[1] if found.end else None,
    )


def _baseline_words(clause) -> str:
    if clause.kind == "field" and clause.field in _FIELDED:
        return f'{_FIELDED[clause.field]}:"{clause.text}"'
    return f'"{clause.text}"' if clause.kind == "phrase" else clause.text


def _passes(hit, wanted: _BaselineQuery) -> bool:
    for field, value, negated in wanted.filters:
        stored = hit.get(field) or ""
        found = value in stored.split(",") if field == "languages" else stored == value
        if found == negated:
            return False
    return all(_overlaps(hit, start, end) for start, end in wanted.dates)


def _overlaps(hit, start: int | None, end: int | None) -> bool:
    if not hit.get("date_from"):
        return False
    return not (start is not None and hit["date_to"] < start) and not (
        end is not None and hit["date_from"] > end
    )


# -- the run ---------------------------------------------------------------------------
def _git(*args: str) -> str:
    try:
        out = subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _dictionaries() -> dict[str, str]:
    """The general dictionaries search falls back on, as installed: name -> Debian version."""
    from archive.index.dictionary import DICTD, DICTIONARIES

    found = {}
    for name in DICTIONARIES:
        if (DICTD / f"{name}.index").is_file():
            try:
                out = subprocess.run(
                    ["dpkg-query", "-W", "-f", "${Version}", f"dict-{name}"],
                    capture_output=True,
                    text=True,
                    timeout=30,
                )
                found[name] = out.stdout.strip() or "installed"
            except (OSError, subprocess.SubprocessError):
                found[name] = "installed"
    return found


def environment() -> dict[str, Any]:
    from archive.index.analysis import ANALYSIS_VERSION
    from archive.index.schema import SCHEMA_VERSION

    return {
        "git": {"commit": _git("rev-parse", "HEAD"), "dirty": bool(_git("status", "--porcelain"))},
        "versions": {
            "python": platform.python_version(),
            "mediation-archive": _version("mediation-archive"),
            "whoosh-reloaded": _version("whoosh-reloaded"),
            "pystemmer": _version("pystemmer"),
            "analysis_version": ANALYSIS_VERSION,
            "schema_version": SCHEMA_VERSION,
        },
        "platform": platform.platform(),
        "dictionaries": _dictionaries(),
    }


def system_data(results: Sequence[Scored]) -> dict[str, Any]:
    return {
        "by_kind": by_kind(results),
        "overall": aggregate(results),
        "goals": goal_status(results),
        "queries": [asdict(r) for r in results],
    }


def _outside(held_out: Path | None = None) -> dict[str, Any]:
    """The measures on what nobody here made: the outsider collection's relevance set
    (bench/runs/outsider_quality.py), a held-out collection kept outside the repository where
    one is given, and PDFs from Debian's packages (bench/runs/pdf_reading.py)."""
    from bench.runs import outsider_quality, pdf_reading

    pdfs = pdf_reading.measure()
    pdfs["sample"] = pdf_reading.sample_corpus_cer()
    pdfs["totals"] = pdf_reading.totals(pdfs)
    outsider = outsider_quality.run()
    outsider.pop("queries", None)  # its per-query lists are in the JSON of its own runs
    found = {"outsider": outsider, "pdfs": pdfs}
    if held_out is not None:
        kept_apart = outsider_quality.run(held_out)
        kept_apart.pop("queries", None)  # its misses are not looked at: nothing tunes to it
        found["held_out"] = kept_apart
    return found


def run(
    queries_path: Path = QUERIES, *, with_outside: bool = True, held_out: Path | None = None
) -> dict[str, Any]:
    """Ingest, evaluate both systems, and return the run as JSON-ready data (with the
    measures on the outsider collection and on real PDFs, unless `with_outside` is off)."""
    queries = load_queries(queries_path)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mediarch-search-quality-") as tmp:
        dep = ingest_sample_corpus(Path(tmp) / "depository")
        try:
            ingest_seconds = time.monotonic() - started
            record_ids = dep.catalog.record_ids()
            problems = check_queries(queries, record_ids)
            if problems:
                raise SystemExit("the relevance set is not usable:\n  " + "\n  ".join(problems))
            ours = evaluate(queries, our_search(dep))
            baseline = evaluate(queries, WhooshBaseline(dep, Path(tmp) / "baseline").search)
        finally:
            dep.close()
    outside = _outside(held_out) if with_outside else None
    return {
        **(outside or {}),
        "benchmark": "search-quality",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        **environment(),
        "corpus": {"records": len(record_ids), "ingest_seconds": round(ingest_seconds, 1)},
        "run_seconds": round(time.monotonic() - started, 1),
        "queries_file": _shown_path(queries_path),
        "top": TOP,
        "kinds": {kind: sum(q.kind == kind for q in queries) for kind in KINDS},
        "systems": {"mediarch": system_data(ours), "whoosh_standard": system_data(baseline)},
    }


def _shown_path(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


# -- the document ----------------------------------------------------------------------
def _pct(value: float) -> str:
    return f"{value:.3f}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    """Inline code that survives a query containing backticks or pipes."""
    return f"`{_cell(text)}`" if "`" not in text else f"`` {_cell(text)} ``"


def render_markdown(run_data: dict[str, Any]) -> str:
    sections = [
        _render_intro(run_data),
        _render_kinds(run_data),
        _render_goals(run_data),
        _render_outsider(run_data),
        _render_held_out(run_data),
        _render_pdfs(run_data),
        _render_failing(run_data, "mediarch", detailed=True),
        _render_failing(run_data, "whoosh_standard", detailed=False),
        _render_every_query(run_data),
    ]
    return "\n\n".join(sections).rstrip() + "\n"


def _collection_tables(scored: dict[str, Any]) -> list[str]:
    """A collection's recall and MRR by kind of query, and the issue's goals on it (as
    bench/runs/outsider_quality.py scores it)."""
    from bench.runs import outsider_quality

    kinds, everything = scored["kinds"], scored["all"]
    return [
        "| kind | queries | recall@10 | MRR |",
        "| --- | ---: | ---: | ---: |",
        *(
            f"| {outsider_quality.KINDS[kind]} | {k['queries']} | {_pct(k['recall'])}"
            f" | {_pct(k['mrr'])} |"
            for kind, k in kinds.items()
        ),
        f"| **all** | {sum(k['queries'] for k in kinds.values())}"
        f" | **{_pct(everything['recall'])}** | **{_pct(everything['mrr'])}** |",
        "",
        "| goal of the issue | recall@10 | goal | |",
        "| --- | ---: | ---: | --- |",
        *(
            f"| {name} | {_pct(g['recall'])} | {g['goal']}"
            f" | {'met' if g['recall'] >= g['goal'] else 'not met'} |"
            for name, g in scored["goals"].items()
        ),
    ]


def _render_outsider(run_data: dict[str, Any]) -> str:
    outsider = run_data.get("outsider")
    if not outsider:
        return "## On a collection nobody here made\n\nNot measured in this run."
    return "\n".join(
        [
            "## On a collection nobody here made",
            "",
            "[`bench/outsider-set/`](../bench/outsider-set/): four invented processes, 45 records",
            "(LibreOffice PDFs, DOCX, UTF-8 and Windows-1256 text), written by a helper session that",
            "read none of the code, the sample corpus or `tests/relevance/`; people named in one",
            "script only in the manifest, no authority files, topics outside the thesaurus. Another",
            "such session wrote the 62 queries (other transliterations, other words for the same",
            "things) and judged them by reading the texts. Its misses have been read while",
            "search was improved since, so it is no longer held out: the next section's collection",
            "is. `python -m bench.runs.outsider_quality --misses` lists each query's misses.",
            "",
            *_collection_tables(outsider),
        ]
    )


def _render_held_out(run_data: dict[str, Any]) -> str:
    held = run_data.get("held_out")
    if not held:
        return "## On a collection kept apart\n\nNot measured in this run."
    return "\n".join(
        [
            "## On a collection kept apart",
            "",
            f"A second collection made the same way (December 2026: {held['records']} records of",
            "four invented processes, PDF, DOCX and UTF-8 and Windows-1256 text, 40% Arabic, 40%",
            "English, 20% both; 26 people named in one spelling in the manifest and others in the",
            "texts; queries judged by reading) by a helper session that read only the README and the",
            "user documentation and ran no search while writing its queries. It is kept outside the",
            "repository (`python -m bench.runs.outsider_quality --set PATH`, and `--held-out PATH` here) so that",
            "nobody tunes to it: its misses are not printed, and it has been used to check four",
            "choices made on the set above (the weight of the dictionary's translations, that",
            "English function words are not words a record must hold, a spike of translations",
            "learned from bilingual records, and then the same built into the index: keywords",
            "0.937 → 0.966, cross-lingual 0.917 → 0.924), nothing else.",
            "",
            *_collection_tables(held),
        ]
    )


def _render_pdfs(run_data: dict[str, Any]) -> str:
    pdfs = run_data.get("pdfs")
    if not pdfs:
        return "## Reading PDFs\n\nNot measured in this run."
    t = pdfs["totals"]

    def share(cell):
        return _pct(cell[0] / cell[1]) if cell[1] else "–"

    rows = [
        f"| `{r['file']}` | {share(r['kept'])} | {share(r['pdfminer_repaired'])}"
        f" | {share(r['pdftotext_repaired'])} | {sum(w['found'] for w in r['words'])}/{len(r['words'])}"
        f" | {', '.join(f'{k} {len(v)}' for k, v in (r['extractors'] or {}).items()) or '–'} |"
        for r in pdfs["rows"]
    ]
    sample = [
        f"| `{r['record']}` | {r['maker']} | {r['errors'] / r['chars']:.4f} |"
        for r in pdfs["sample"]
    ]
    return "\n".join(
        [
            "## Reading PDFs",
            "",
            "Real PDFs that other people made (`bench/runs/pdf_reading.py`; sources, licences and the",
            "words a person read on each rendered page in [`bench/real-pdfs/`](../bench/real-pdfs/)),",
            "ingested as an archivist would: the share of the kept text's Arabic words that",
            "hunspell-ar accepts (against pdfminer.six's and poppler's texts through our repair),",
            "the words that find their document when searched alone, and the pages another",
            "extractor read better.",
            "",
            "| file | valid Arabic words | pdfminer + repair | pdftotext + repair | findable | pages read by |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
            *rows,
            "",
            f"In all: valid Arabic words {_pct(t['valid_kept'])} (pdfminer + repair"
            f" {_pct(t['valid_pdfminer_repaired'])}, pdftotext + repair"
            f" {_pct(t['valid_pdftotext_repaired'])}); findable words {t['findable_words'][0]} of"
            f" {t['findable_words'][1]} ({_pct(t['findable'])}); Latin lines reversed"
            f" {t['latin_lines_reversed']}; digit runs backwards against poppler's"
            f" {t['digit_runs_reversed']}.",
            "",
            "The sample corpus's Arabic PDFs against the generator's source text: character error",
            f"rate of the kept Arabic words **{t['sample_cer']:.4f}** in all.",
            "",
            "| record | made by | character error rate |",
            "| --- | --- | ---: |",
            *sample,
        ]
    )


def _render_intro(run_data: dict[str, Any]) -> str:
    git, versions = run_data["git"], run_data["versions"]
    commit = (git["commit"][:12] or "unknown") + (
        " with uncommitted changes" if git["dirty"] else ""
    )
    return "\n".join(
        [
            "# Search quality",
            "",
            f"Generated by `bench/runs/search_quality.py` on {run_data['date']}, commit {commit};",
            f"Python {versions['python']}, whoosh-reloaded {versions['whoosh-reloaded']},",
            f"analysis version {versions['analysis_version']}. Do not edit by hand: rerun the script.",
            "The raw results of each run are in `bench/results/search-quality-*.json`.",
            "",
            _render_set(run_data),
            "",
            METHOD,
            "",
            _render_dictionaries(run_data),
            "",
            _render_depths(run_data),
            "",
            HOW_TO_RUN.format(**run_data, ingest=run_data["corpus"]["ingest_seconds"]),
        ]
    )


def _render_set(run_data: dict[str, Any]) -> str:
    total = sum(run_data["kinds"].values())
    rows = [f"| {KINDS[kind]} | `{kind}` | {n} |" for kind, n in run_data["kinds"].items()]
    return "\n".join(
        [
            "## What is measured",
            "",
            "The relevance set, [`tests/relevance/queries.json`](../tests/relevance/queries.json),",
            f"has {total} queries over the sample corpus ({run_data['corpus']['records']} records).",
            "Each lists every record a scholar would want, in either language, judged by reading",
            "the corpus texts and metadata, not by running the search;",
            "[`tests/relevance/README.md`](../tests/relevance/README.md) says how, and what each",
            "kind means.",
            "",
            "| kind | code | queries |",
            "| --- | --- | ---: |",
            *rows,
        ]
    )


METHOD = """One run ingests `sample_corpus/` into a temporary depository and sends every query to two
systems:

- **mediarch**: `RecordSearch.search(query, audience="staff", expand=True)`, as `mediarch search`
  does.
- **Whoosh StandardAnalyzer baseline**: a plain Whoosh index of the same catalog records, in a
  temporary folder: fields `title` (English and Arabic titles), `body` (the record's text) and
  `names` (agent names as the record writes them), all with `StandardAnalyzer()`, searched with
  `MultifieldParser(["title", "body", "names"])` and AND grouping. Words and quoted phrases go to
  it as typed. It gets the filters too: `agent:` becomes a search of `names`, and `type:`,
  `lang:`, `process:` and `date:` are a post-filter on its stored document type, languages,
  process and date (a record matches when its date overlaps the range); a query of filters alone
  lists the matching records newest first. So for filter and date queries its figures measure
  how it handles the words and the `agent:` names, not the filters themselves.

mediarch orders records of equal score by their place in the index, which depends on the order
in which a parallel ingest committed them: a query whose expected records tie around rank 10 can
pass in one run and miss in the next."""


def _render_dictionaries(run_data: dict[str, Any]) -> str:
    from archive.index.search import DICTIONARY_BOOST

    found = run_data.get("dictionaries") or {}
    used = (
        "This run had "
        + " and ".join(f"`dict-{name}` {version}" for name, version in found.items())
        + "."
        if found
        else "This run had neither installed: no dictionary expansion."
    )
    return f"""mediarch's expansion: a concept of the thesaurus finds its labels in both languages and a
name finds every form of its agent; a typed word that neither covers also looks for its short
translations in FreeDict's English-Arabic and Arabic-English dictionaries, at weight
{DICTIONARY_BOOST} (`"kind": "dictionary"` in `expanded`), after the translations the audience's own
bilingual records teach (`"kind": "collection"`: sentences of records written in both languages,
and pairs of titles, aligned; terms seen together in two aligned units or more at a Dice
coefficient of 0.8 or more; archive/index/parallel.py). The dictionaries (data under GPL-2+) are
read at run time from the Debian packages `dict-freedict-eng-ara` and `dict-freedict-ara-eng`, not
copied into the repository; without them search does without. {used} Measured when it was added
(November 2026): recall@10 0.910 and MRR 0.964 without it, 0.920 and 0.964 with it
(`humanitarian-release-en` and `whispered-interpretation-ar` reach 1; keywords 0.884 → 0.901,
names and cross-lingual 0.954 unchanged), or 0.905 and 0.916 in runs where the tie of
`family-visits-phrase` at rank 10 (a phrase: no dictionary) falls the other way."""


def _render_depths(run_data: dict[str, Any]) -> str:
    deep = ", ".join(
        f"`{q['name']}` ({q['depth']})"
        for q in run_data["systems"]["mediarch"]["queries"]
        if q["depth"] > run_data["top"]
    )
    return f"""**recall@10** is the share of a query's expected records in its top 10. A query with more
than 10 expected records is scored at its number of expected records instead (recall@n over the
top n), so that it can reach 1: {deep or "none in this set"}. **RR** is 1/rank of the first
expected record in that list (0 when none is there) and **MRR** its mean. Figures per kind and
overall are means over queries; the goals are on the mean over the queries of a group of kinds."""


HOW_TO_RUN = """## How to run

```sh
.venv/bin/python -m bench.runs.search_quality   # this file, and bench/results/search-quality-<UTC stamp>.json
.venv/bin/python -m bench.runs.search_quality --out /tmp/sq.md --json /tmp/sq.json
.venv/bin/python -m pytest tests/test_search_quality.py   # the goals, mediarch only
```

This run took {run_seconds} seconds, {ingest} of them the ingest."""


def _render_kinds(run_data: dict[str, Any]) -> str:
    ours = run_data["systems"]["mediarch"]
    base = run_data["systems"]["whoosh_standard"]
    lines = [
        "## Results per kind",
        "",
        "| kind | queries | mediarch recall@10 | mediarch MRR | baseline recall@10 | baseline MRR |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, label in KINDS.items():
        o, b = ours["by_kind"][kind], base["by_kind"][kind]
        lines.append(
            f"| {label} (`{kind}`) | {o['queries']} | {_pct(o['recall'])} | {_pct(o['mrr'])}"
            f" | {_pct(b['recall'])} | {_pct(b['mrr'])} |"
        )
    o, b = ours["overall"], base["overall"]
    lines.append(
        f"| **all** | {o['queries']} | **{_pct(o['recall'])}** | **{_pct(o['mrr'])}**"
        f" | **{_pct(b['recall'])}** | **{_pct(b['mrr'])}** |"
    )
    return "\n".join(lines)


def _render_goals(run_data: dict[str, Any]) -> str:
    base_goals = {g["group"]: g for g in run_data["systems"]["whoosh_standard"]["goals"]}
    lines = [
        "## Goals of the search issue",
        "",
        "Mean recall@10 over the queries of each group (mediarch; the baseline for comparison).",
        "",
        "| group | kinds | goal | mediarch | met | baseline |",
        "| --- | --- | ---: | ---: | --- | ---: |",
    ]
    for goal in run_data["systems"]["mediarch"]["goals"]:
        kinds = ", ".join(f"`{k}`" for k in goal["kinds"])
        met = "yes" if goal["met"] else "**no**"
        lines.append(
            f"| {goal['group']} | {kinds} | ≥ {goal['goal']} | {_pct(goal['recall'])} | {met}"
            f" | {_pct(base_goals[goal['group']]['recall'])} |"
        )
    by_kind = run_data["systems"]["mediarch"]["by_kind"]
    short = [
        f"`{kind}` ({_pct(by_kind[kind]['recall'])} < {goal})"
        for kinds, goal in GOALS.values()
        for kind in kinds
        if by_kind[kind]["recall"] < goal
    ]
    lines += [
        "",
        "Kinds below their group's goal on their own: " + (", ".join(short) or "none") + ".",
    ]
    return "\n".join(lines)


def _render_failing(run_data: dict[str, Any], system: str, *, detailed: bool) -> str:
    failing = [q for q in run_data["systems"][system]["queries"] if q["recall"] < 1]
    title = f"## Failing queries: {SYSTEMS[system]}"
    if not failing:
        return f"{title}\n\nNone: every query found all its expected records."
    intro = f"{len(failing)} queries with recall@10 below 1"
    if detailed:
        lines = [
            title,
            "",
            intro + ", with the expected records missing from the top 10 (or top n).",
            "",
            "| query | kind | typed | recall | RR | missed |",
            "| --- | --- | --- | ---: | ---: | --- |",
        ]
        for q in failing:
            missed = ", ".join(q["missed"])
            lines.append(
                f"| `{q['name']}` | `{q['kind']}` | {_code(q['query'])} | {_pct(q['recall'])}"
                f" | {_pct(q['rr'])} | {missed} |"
            )
        return "\n".join(lines)
    names = ", ".join(
        f"`{q['name']}` ({len(q['missed'])} of {len(q['expected'])} missed)" for q in failing
    )
    return f"{title}\n\n{intro}: {names}."


def _render_every_query(run_data: dict[str, Any]) -> str:
    ours = {q["name"]: q for q in run_data["systems"]["mediarch"]["queries"]}
    base = {q["name"]: q for q in run_data["systems"]["whoosh_standard"]["queries"]}
    lines = [
        "## Every query",
        "",
        "| query | kind | typed | expected | mediarch recall | mediarch RR | baseline recall | baseline RR |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, q in ours.items():
        b = base[name]
        lines.append(
            f"| `{name}` | `{q['kind']}` | {_code(q['query'])} | {len(q['expected'])}"
            f" | {_pct(q['recall'])} | {_pct(q['rr'])} | {_pct(b['recall'])} | {_pct(b['rr'])} |"
        )
    return "\n".join(lines)


def print_summary(run_data: dict[str, Any]) -> None:
    for system, label in SYSTEMS.items():
        data = run_data["systems"][system]
        print(
            f"{label}: recall@10 {_pct(data['overall']['recall'])}, MRR {_pct(data['overall']['mrr'])}"
        )
        for goal in data["goals"]:
            state = "met" if goal["met"] else "NOT met"
            print(f"  {goal['group']}: {_pct(goal['recall'])} (goal {goal['goal']}, {state})")


def main(argv: Sequence[str] | None = None) -> int:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DOC, help="the Markdown report")
    parser.add_argument(
        "--json", type=Path, default=RESULTS / f"search-quality-{stamp}.json", help="raw results"
    )
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the relevance set")
    parser.add_argument(
        "--no-outside", action="store_true", help="the sample corpus's set only (seconds)"
    )
    parser.add_argument(
        "--held-out",
        type=Path,
        help="a collection kept outside the repository, laid out as bench/outsider-set/",
    )
    args = parser.parse_args(argv)
    run_data = run(args.queries.resolve(), with_outside=not args.no_outside, held_out=args.held_out)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(run_data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_markdown(run_data), encoding="utf-8")
    print_summary(run_data)
    print(f"wrote {args.out} and {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
