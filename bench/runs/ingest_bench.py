"""Benchmark `mediarch ingest` from start to exit on a generated bilingual corpus.

    python -m bench.runs.ingest_bench [--files 2000] [--jobs 1 2] [--subset 500] [--no-trace]

Run it with the project's virtual environment (`.venv/bin/python`): the versions it records
and the `mediarch` it runs are that environment's. It generates (or reuses) the corpus of
`bench/corpora/ingest_corpus.py`, then, in one run:

1. the baselines: `pdftotext FILE.pdf -` over the same PDFs, one at a time and two at a time,
   and pypdfium2's text of every PDF page in this process (what ingest's PDF extractor calls);
2. an ingest of an empty folder (the fixed cost of a run);
3. for each `--jobs` value, in a fresh depository (`mediarch init`): `mediarch --root R ingest
   FOLDER --jobs N --report R/report.json` as a subprocess, timed from start to exit, with the
   memory and CPU of its whole process tree sampled from /proc every 0.1 s; then, unless
   `--no-trace`, the same run again through `bench/harness/traced_mediarch.py`, which times
   each search-index drain (the per-file stages are in ingest's own report);
4. unless `--subset 0`, a plain run of the first N files (default a quarter), to compare the
   memory of a smaller run.

Each run is checked: every file ingested, pages equal to the corpus's, the catalog's records,
texts and events, an empty index outbox and the index's document count. The results go to
`bench/results/ingest-YYYYMMDD-HHMMSS.json` (UTC); `python -m bench.report` writes
docs/benchmarks.md from them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from bench.corpora.ingest_corpus import (
    Corpus,
    CorpusSpec,
    default_out,
    ensure_corpus,
    soffice_version,
)
from bench.harness.common import (
    BENCH,
    QUIET_CORES,
    REPO,
    RESULTS,
    WORK,
    OtherLoad,
    WaitBudget,
    children_cpu,
    command_line,
    git_state,
    log,
    machine,
    package_versions,
    run_text,
    wait_quiet,
    write_result,
)
from bench.harness.proctree import TreeSampler, mb

TRACED = BENCH / "harness" / "traced_mediarch.py"  # run by path: `archive` is all it imports
GOAL_PAGES_PER_S = 200
MAIN_STAGES = ("describe", "store", "catalog")  # every other stage of the report is the worker's
SHARES = (0.1, 0.25, 0.5, 0.75, 1.0)
OUTCOMES = ("ingested", "duplicate", "failed")
PACKAGES = (
    "mediation-archive",
    "pypdfium2",
    "pdfminer.six",
    "python-docx",
    "Whoosh-Reloaded",
    "langdetect",
    "lxml",
    "jsonschema",
)


# -- what was measured, on what ----------------------------------------------------------------
def versions() -> dict[str, str]:
    found = package_versions(PACKAGES)
    try:
        import pypdfium2

        found["pdfium"] = str(getattr(pypdfium2, "PDFIUM_INFO", "unknown"))
    except ImportError:
        pass
    found["sqlite"] = sqlite3.sqlite_version
    found["libreoffice"] = soffice_version()
    found["pdftotext"] = run_text(["pdftotext", "-v"]).splitlines()[0]
    return found


# -- baselines ---------------------------------------------------------------------------------
def pdftotext_pass(pdfs: list[Path], pages: int, jobs: int) -> dict[str, Any]:
    """`pdftotext FILE.pdf -` over every PDF, `jobs` processes at a time."""

    def one(path: Path) -> int:
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        return len(out.stdout.decode("utf-8", "replace"))

    cpu, clock = children_cpu(), time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        characters = sum(pool.map(one, pdfs))
    seconds = time.monotonic() - clock
    return {
        "command": "pdftotext FILE.pdf -",
        "jobs": jobs,
        "files": len(pdfs),
        "pages": pages,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "files_per_s": round(len(pdfs) / seconds, 1),
        "characters": characters,
        "cpu_s": round(children_cpu() - cpu, 2),
    }


def pypdfium2_pass(pdfs: list[Path]) -> dict[str, Any]:
    """pypdfium2's text of every page, in this process, one file at a time."""
    import pypdfium2 as pdfium

    pages = characters = 0
    cpu, clock = time.process_time(), time.monotonic()
    for path in pdfs:
        document = pdfium.PdfDocument(str(path))
        for page in document:
            textpage = page.get_textpage()
            characters += len(textpage.get_text_range())
            textpage.close()
            page.close()
            pages += 1
        document.close()
    seconds = time.monotonic() - clock
    return {
        "what": "pypdfium2 PdfDocument → get_textpage().get_text_range(), in-process",
        "jobs": 1,
        "files": len(pdfs),
        "pages": pages,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "files_per_s": round(len(pdfs) / seconds, 1),
        "characters": characters,
        "cpu_s": round(time.process_time() - cpu, 2),
    }


def with_load(measure: Callable[[], dict[str, Any]], budget: WaitBudget) -> dict[str, Any]:
    """A measurement on a quiet machine, with the CPU other processes used meanwhile."""
    quiet = wait_quiet(budget)
    load = OtherLoad()
    load.start()
    clock = time.monotonic()
    result = measure()
    result["machine_load"] = {**quiet, **load.stop(seconds=time.monotonic() - clock)}
    return result


def baselines(corpus: Corpus, budget: WaitBudget) -> dict[str, Any]:
    pdf_rows = [f for f in corpus.files if f["format"] == "pdf"]
    pdfs = [corpus.files_dir / f["path"] for f in pdf_rows]
    pages = sum(f["pages"] for f in pdf_rows)
    log(f"baseline: pdftotext over {len(pdfs)} PDFs ({pages} pages), 1 then 2 at a time")
    out = {
        "pdftotext_jobs1": with_load(lambda: pdftotext_pass(pdfs, pages, 1), budget),
        "pdftotext_jobs2": with_load(lambda: pdftotext_pass(pdfs, pages, 2), budget),
    }
    log("baseline: pypdfium2 in-process")
    out["pypdfium2_jobs1"] = with_load(lambda: pypdfium2_pass(pdfs), budget)
    return out


# -- one ingest run ----------------------------------------------------------------------------
@dataclass
class LineLog:
    """Lines of a stream with the time each arrived, and a count of files done."""

    origin: float
    lines: list[tuple[float, str]] = field(default_factory=list)
    done: int = 0

    def follow(self, stream: IO[str]) -> threading.Thread:
        def read() -> None:
            for line in stream:
                now = round(time.monotonic() - self.origin, 3)
                self.lines.append((now, line.rstrip("\n")))
                if line.split(" ", 1)[0] in OUTCOMES:
                    self.done += 1

        thread = threading.Thread(target=read, daemon=True)
        thread.start()
        return thread


@dataclass
class Launch:
    """How to start mediarch: the console script, or the traced entry point."""

    argv: list[str]
    env: dict[str, str]
    traced: bool = False


def launcher(trace_file: Path | None) -> Launch:
    env = {k: v for k, v in os.environ.items() if k != "MEDIARCH_ROOT"}
    env["PYTHONUNBUFFERED"] = "1"  # stdout lines arrive when printed (the summary's time)
    if trace_file is None:
        return Launch([mediarch_path()], env)
    env["MEDIARCH_BENCH_TRACE"] = str(trace_file)
    return Launch([sys.executable, str(TRACED)], env, traced=True)


def mediarch_path() -> str:
    beside = Path(sys.executable).parent / "mediarch"
    found = str(beside) if beside.exists() else shutil.which("mediarch")
    if not found:
        raise SystemExit("mediarch not found: run with the project's venv (.venv/bin/python)")
    return found


def new_depository(work: Path, name: str) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=work))
    subprocess.run([mediarch_path(), "init", str(root)], check=True, capture_output=True)
    return root


def run_ingest(
    folder: Path,
    jobs: int,
    *,
    traced: bool,
    keep: bool,
    reindex: bool = False,
    budget: WaitBudget | None = None,
) -> dict[str, Any]:
    """One `mediarch ingest` in a fresh depository, measured from start to exit; with
    `reindex`, then a `mediarch reindex` of the same depository, timed."""
    root = new_depository(WORK, f"jobs{jobs}{'-traced' if traced else ''}")
    trace_file = root / "drains.jsonl" if traced else None
    launch = launcher(trace_file)
    report_path = root / "report.json"
    command = [*launch.argv, "--root", str(root), "ingest", str(folder)]
    command += ["--jobs", str(jobs), "--report", str(report_path)]
    quiet = wait_quiet(budget or WaitBudget(0))
    load = OtherLoad(children=False)  # the tree's CPU comes from the sampler
    load.start()
    origin, wall_origin = time.monotonic(), time.time()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=launch.env, text=True
    )
    out, err = LineLog(origin), LineLog(origin)
    readers = [out.follow(proc.stdout), err.follow(proc.stderr)]
    sampler = TreeSampler(
        proc.pid, origin, done=lambda: err.done, maps_under=str(root / "index") + "/"
    )
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    exit_s = time.monotonic() - origin
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    for reader in readers:
        reader.join(30)
    machine_load = {**quiet, **load.stop(sampler.tree_cpu_s, exit_s)}
    report = json.loads(report_path.read_text(encoding="utf-8"))
    drains = _read_drains(trace_file, origin) if trace_file else None
    result = {
        "jobs": jobs,
        "traced": traced,
        "command": shlex.join(command),
        "env": {"PYTHONUNBUFFERED": "1"}
        | ({"MEDIARCH_BENCH_TRACE": str(trace_file)} if trace_file else {}),
        "exit_code": proc.returncode,
        "wall_s": round(exit_s, 2),
        "main_maxrss_mb_by_kernel": round(usage.ru_maxrss / 1024, 1),
        "stdout_tail": [line for _, line in out.lines][-6:],
        "stderr_other": [line for _, line in err.lines if line.split(" ", 1)[0] not in OUTCOMES][
            :20
        ],
        **analyse(report, out, err, sampler, drains, exit_s),
        "checks": check_depository(root, report, wall_origin),
        "machine_load": machine_load,
    }
    if reindex:
        result["reindex"] = timed_reindex(root)
    if not keep:
        shutil.rmtree(root, ignore_errors=True)
    else:
        result["depository"] = str(root)
    return result


def _read_drains(trace_file: Path, origin: float) -> list[dict[str, float]]:
    if not trace_file.exists():
        return []
    rows = [json.loads(line) for line in trace_file.read_text().splitlines() if line.strip()]
    return [
        {
            "start": round(r["start"] - origin, 3),
            "end": round(r["end"] - origin, 3),
            "rows": r["rows"],
        }
        for r in rows
    ]


# -- analysis ----------------------------------------------------------------------------------
def analyse(
    report: dict[str, Any],
    out: LineLog,
    err: LineLog,
    sampler: TreeSampler,
    drains: list[dict[str, float]] | None,
    exit_s: float,
) -> dict[str, Any]:
    files = report["files"]
    ingested = [f for f in files if f["outcome"] == "ingested"]
    pages = sum(f["pages"] for f in ingested)
    committed = [(t, line.split()[1]) for t, line in err.lines if line.startswith("ingested ")]
    commits = [t for t, _ in committed]
    first = next((f for f in ingested if committed and f["path"] == committed[0][1]), None)
    summary_t = next((t for t, line in out.lines if line.startswith("ingested ")), exit_s)
    searchable = drains[-1]["end"] if drains else summary_t
    stages = stage_sums(ingested, first)
    result = {
        "files": len(files),
        "outcomes": {o: sum(f["outcome"] == o for f in files) for o in OUTCOMES},
        "pages": pages,
        "pages_by_format": _by_format(ingested),
        "pages_per_s": round(pages / exit_s, 1),
        "files_per_s": round(len(ingested) / exit_s, 2),
        "times": {
            "first_commit_s": commits[0] if commits else None,
            "last_commit_s": commits[-1] if commits else None,
            "last_searchable_s": round(searchable, 3),
            "summary_printed_s": summary_t,
            "exit_s": round(exit_s, 2),
            "report_seconds": report["summary"].get("seconds"),
        },
        "stages": stages,
        "memory": memory(sampler, len(files)),
        "cpu_s_by_role": sampler.cpu_by_role(),
        "sampler": {
            "samples": len(sampler.samples),
            "interval_s": sampler.interval,
            "own_cpu_s": round(sampler.own_cpu_s, 2),
        },
        "breakdown": breakdown(first, commits, searchable, exit_s, stages, drains),
    }
    if drains is not None:
        result["index"] = index_figures(drains, commits)
    return result


def _by_format(ingested: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for f in ingested:
        row = out.setdefault(f["format"] or "unknown", {"files": 0, "pages": 0})
        row["files"] += 1
        row["pages"] += f["pages"]
    return dict(sorted(out.items()))


def stage_sums(ingested: list[dict[str, Any]], first: dict[str, Any] | None) -> dict[str, Any]:
    """Seconds by stage summed over files, per page, and the same by format; and the stages
    of the first file committed (its worker's first file: one-time costs show there)."""
    pages = max(1, sum(f["pages"] for f in ingested))
    total: dict[str, float] = {}
    by_format: dict[str, dict[str, float]] = {}
    for f in ingested:
        per = by_format.setdefault(f["format"] or "unknown", {})
        for stage, seconds in f["seconds"].items():
            total[stage] = total.get(stage, 0.0) + seconds
            per[stage] = per.get(stage, 0.0) + seconds
    worker = sum(v for s, v in total.items() if s not in MAIN_STAGES)
    main = sum(total.get(s, 0.0) for s in MAIN_STAGES)
    return {
        "seconds": {k: round(v, 2) for k, v in total.items()},
        "ms_per_page": {k: round(1000 * v / pages, 2) for k, v in total.items()},
        "worker_s": round(worker, 2),
        "main_s": round(main, 2),
        "by_format_s": {
            fmt: {k: round(v, 2) for k, v in per.items()} for fmt, per in sorted(by_format.items())
        },
        "first_file_s": {k: round(v, 3) for k, v in (first or {}).get("seconds", {}).items()},
        "slowest_language_s": round(
            max((f["seconds"].get("language", 0) for f in ingested), default=0), 3
        ),
    }


def breakdown(
    first: dict[str, Any] | None,
    commits: list[float],
    searchable: float,
    exit_s: float,
    stages: dict[str, Any],
    drains: list[dict[str, float]] | None,
) -> dict[str, Any]:
    """Where the wall-clock time went, from start to exit: before the first file (start-up,
    walk and checksums, estimated as the first commit less that file's stages), the files (to
    the last catalog commit), the final index drain, and the report and exit."""
    if not commits:
        return {}
    start = max(0.0, commits[0] - (sum(first["seconds"].values()) if first else 0.0))
    out = {
        "before_first_file_s": round(start, 2),  # start-up, walk, checksums (estimated)
        "files_s": round(commits[-1] - start, 2),  # to the last catalog commit
        "last_commit_to_searchable_s": round(searchable - commits[-1], 2),
        "searchable_to_exit_s": round(exit_s - searchable, 2),
        "worker_stages_s": stages["worker_s"],
        "main_stages_s": stages["main_s"],
    }
    if drains is not None:
        loop = [d for d in drains if d["end"] <= commits[-1] + 1e-3]
        out["index_drains_s"] = round(sum(d["end"] - d["start"] for d in drains), 2)
        out["index_drains_during_files_s"] = round(sum(d["end"] - d["start"] for d in loop), 2)
        busy = stages["main_s"] + out["index_drains_during_files_s"]
        span = max(1e-6, out["files_s"])
        out["main_busy_share_of_file_span"] = round(busy / span, 3)
    return out


def index_figures(drains: list[dict[str, float]], commits: list[float]) -> dict[str, Any]:
    """Index drains, and how long each file waited from its catalog commit to the end of the
    drain that made it searchable."""
    lags = []
    ends = sorted((d["start"], d["end"]) for d in drains)
    for t in commits:
        end = next((e for s, e in ends if s >= t), None)
        if end is not None:
            lags.append(end - t)
    lags.sort()
    durations = [d["end"] - d["start"] for d in drains]
    return {
        "drains": len(drains),
        "rows": sum(d["rows"] for d in drains),
        "seconds": round(sum(durations), 2),
        "longest_s": round(max(durations, default=0), 3),
        "final_s": round(durations[-1], 3) if durations else None,
        "commit_to_searchable_s": {
            "median": round(lags[len(lags) // 2], 3) if lags else None,
            "p95": round(lags[int(len(lags) * 0.95)], 3) if lags else None,
            "max": round(lags[-1], 3) if lags else None,
        },
        "per_drain": [[d["start"], round(d["end"] - d["start"], 3), d["rows"]] for d in drains],
    }


def memory(sampler: TreeSampler, files: int) -> dict[str, Any]:
    return {
        "peak_total_rss_mb": mb(sampler.peak_total_rss),
        "peak_main_rss_mb": mb(sampler.peak_main_rss),
        "peak_main_anon_mb": mb(sampler.peak_main_split[0]),
        "peak_main_file_mb": mb(sampler.peak_main_split[1]),
        "peak_main_index_mappings": sampler.peak_main_maps_under,
        "peak_total_pss_mb": mb(sampler.peak_total_pss),
        "peak_rss_mb_by_role": {k: mb(v) for k, v in sampler.peak_rss_by_role().items()},
        "processes_seen": len(sampler.procs),
        "at_progress": sampler.at_progress(files, SHARES),
        "timeline": {
            "columns": [
                "t_s",
                "main_rss_mb",
                "total_rss_mb",
                "files_done",
                "main_anon_mb",
                "main_file_mb",
            ],
            "rows": sampler.timeline(),
        },
    }


def check_depository(root: Path, report: dict[str, Any], wall_origin: float) -> dict[str, Any]:
    """What the catalog and the index hold after the run."""
    conn = sqlite3.connect(root / "catalog.sqlite")
    try:
        count = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("records", "texts", "files", "index_outbox")
        }
        (last,) = conn.execute("SELECT max(at) FROM events WHERE kind = 'ingested'").fetchone()
    finally:
        conn.close()
    out: dict[str, Any] = {f"catalog_{k}": v for k, v in count.items()}
    if last:
        at = dt.datetime.fromisoformat(last.replace("Z", "+00:00")).timestamp()
        out["last_ingested_event_s"] = round(at - wall_origin, 3)
    out["index_documents"] = _index_documents(root)
    ingested = report["summary"]["ingested"]
    out["all_ingested"] = ingested == report["summary"]["files"]
    out["records_match"] = count["records"] == ingested == count["texts"]
    out["outbox_empty"] = count["index_outbox"] == 0
    out["index_match"] = out["index_documents"] == ingested
    return out


def _index_documents(root: Path) -> int | str:
    try:
        from archive.index.indexes import SearchIndexes

        current = SearchIndexes(root / "index").current("staff")
        if current is None:
            return "no index"
        ix = current.open()
        try:
            return ix.doc_count()
        finally:
            ix.close()
    except Exception as exc:  # the index API may change under the benchmark: say so, go on
        return f"unreadable: {type(exc).__name__}: {exc}"


def timed_reindex(root: Path) -> dict[str, Any]:
    """The whole index built again from the catalog and the kept text, in batches of 500
    records: the indexing cost without ingest's drain every second."""
    command = [mediarch_path(), "--root", str(root), "reindex"]
    clock = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return {
        "command": shlex.join(command),
        "wall_s": round(time.monotonic() - clock, 2),
        "exit": done.returncode,
        "output": done.stdout.strip()[-300:],
    }


def empty_run() -> dict[str, Any]:
    """The fixed cost of a run: ingest of an empty folder in a fresh depository."""
    root = new_depository(WORK, "empty")
    folder = root / "empty-folder"
    folder.mkdir()
    command = [mediarch_path(), "--root", str(root), "ingest", str(folder), "--jobs", "1"]
    clock = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - clock
    shutil.rmtree(root, ignore_errors=True)
    return {"command": shlex.join(command), "wall_s": round(seconds, 2), "exit": done.returncode}


# -- the subset run ----------------------------------------------------------------------------
def subset_folder(corpus: Corpus, count: int) -> Path:
    """The first `count` files of the corpus (by generation order), hard-linked (or copied)."""
    target = corpus.root.parent / f"{corpus.root.name}-first-{count}"
    marker = target / "subset.json"
    wanted = [f["path"] for f in corpus.files[:count]]
    if marker.exists() and json.loads(marker.read_text()) == wanted:
        return target / "files"
    shutil.rmtree(target, ignore_errors=True)
    for relative in wanted:
        source, dest = corpus.files_dir / relative, target / "files" / relative
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, dest)
        except OSError:
            shutil.copy2(source, dest)
    marker.write_text(json.dumps(wanted))
    return target / "files"


# -- main --------------------------------------------------------------------------------------
def corpus_summary(corpus: Corpus) -> dict[str, Any]:
    data = corpus.data
    return {
        "path": str(corpus.root),
        "spec": data["spec"],
        "generator": data["generator"],
        "generated_seconds": data["seconds"],
        "totals": data["totals"],
        "words_per_page": round(data["totals"]["words"] / max(1, data["totals"]["pages"]), 1),
    }


def run_all(args: argparse.Namespace, corpus: Corpus) -> dict[str, Any]:
    started = dt.datetime.now(dt.UTC)
    budget = WaitBudget(args.max_wait)
    result: dict[str, Any] = {
        "benchmark": "ingest",
        "format": 1,
        "date": started.isoformat(timespec="seconds"),
        "git": git_state(),
        "machine": machine(),
        "versions": versions(),
        "goal_pages_per_s": GOAL_PAGES_PER_S,
        "quiet_cores": QUIET_CORES,
        "commands": {
            "benchmark": command_line(),
            "corpus": f"python -m bench.corpora.ingest_corpus --files {args.files} --seed {args.seed}",
            "pdftotext": "pdftotext FILE.pdf -",
        },
        "corpus": corpus_summary(corpus),
        "baselines": baselines(corpus, budget),
    }
    log("empty run")
    result["empty_run"] = empty_run()
    result["runs"] = []
    pages = corpus.totals["pages"]
    for n, jobs in enumerate(args.jobs):
        for traced in (False, True) if args.trace else (False,):
            log(f"ingest --jobs {jobs}{' (traced)' if traced else ''}")
            run = run_ingest(
                corpus.files_dir,
                jobs,
                traced=traced,
                keep=args.keep,
                reindex=n == 0 and not traced,
                budget=budget,
            )
            run["checks"]["pages_match_corpus"] = run["pages"] == pages
            log(_one_line(run))
            result["runs"].append(run)
    if args.subset:
        folder = subset_folder(corpus, args.subset)
        log(f"subset: ingest --jobs {args.jobs[0]} of the first {args.subset} files")
        run = run_ingest(folder, args.jobs[0], traced=False, keep=args.keep, budget=budget)
        expected = sum(f["pages"] for f in corpus.files[: args.subset])
        run["checks"]["pages_match_corpus"] = run["pages"] == expected
        run["subset"] = True
        log(_one_line(run))
        result["subset_run"] = run
    result["seconds"] = round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1)
    return result


def _one_line(run: dict[str, Any]) -> str:
    return (
        f"  {run['files']} files, {run['pages']} pages in {run['wall_s']} s: "
        f"{run['pages_per_s']} pages/s, {run['files_per_s']} files/s, peak RSS "
        f"{run['memory']['peak_total_rss_mb']} MB (main {run['memory']['peak_main_rss_mb']} MB), "
        f"exit {run['exit_code']}"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="default: 1 2")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--corpus", type=Path, help="corpus folder (bench/.cache/ingest-N)")
    parser.add_argument(
        "--subset",
        type=int,
        help="also ingest the first N files, for memory (default: a quarter; 0: no)",
    )
    parser.add_argument(
        "--no-trace", dest="trace", action="store_false", help="skip the traced runs"
    )
    parser.add_argument("--keep", action="store_true", help="keep the depositories")
    parser.add_argument(
        "--max-wait",
        type=float,
        default=900,
        help="seconds the benchmark may spend in all waiting, before its measurements, for "
        "other processes to go quiet (default 900; 0: measure at once); what they used "
        "during each measurement is recorded either way",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the JSON goes")
    args = parser.parse_args(argv)
    if args.subset is None:
        args.subset = args.files // 4 if args.files >= 100 else 0
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    spec = CorpusSpec(files=args.files, seed=args.seed)
    corpus = ensure_corpus(spec, args.corpus or default_out(args.files), log=log)
    result = run_all(args, corpus)
    path = write_result(result, args.results)
    log(f"results: {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    log("docs: python -m bench.report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
