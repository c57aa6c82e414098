"""What every benchmark shares: where results and work go, a quiet machine waited for and the
CPU other processes used while measuring, what was measured on (commit, machine), and the
result written as JSON.

- `RESULTS` (bench/results, kept in git), `WORK` (bench/.cache/runs, the runs' depositories),
  `CACHE` (bench/.cache, the generated corpora), `BENCH` and `REPO`;
- `WaitBudget`, `wait_quiet`, `QUIET_CORES`, `OtherLoad`, `own_cpu_s`, `children_cpu`: before
  each measurement the benchmark waits until other processes use less than QUIET_CORES of a
  core, for at most its budget in all, and records the CPU they used during it;
- `phase`: a timed phase on a quiet machine, with that load and this process's peak RSS;
- `stats`: p50/p95/p99/max/mean of a list of milliseconds;
- `git_state`, `machine`, `command_line`: what a result says about the code, the machine and
  how the benchmark was started; `write_result`: the result as RESULTS/NAME-YYYYMMDD-HHMMSS.json;
- `copy_depository`: a cached depository copied for one run, without its index.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import math
import os
import platform
import resource
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import fmean
from typing import Any

from bench.harness.proctree import system_busy_s

BENCH = Path(__file__).resolve().parents[1]
REPO = BENCH.parent
RESULTS = BENCH / "results"
CACHE = BENCH / ".cache"
WORK = CACHE / "runs"
QUIET_CORES = 0.15  # other processes' CPU, in cores, above which the machine is "busy"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# -- load --------------------------------------------------------------------------------------
def children_cpu() -> float:
    """CPU of the children of this process already waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu_s(children: bool) -> float:
    """CPU of this process (all threads), and of its children already waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime + (children_cpu() if children else 0.0)


class OtherLoad:
    """CPU that processes other than ours used between `start()` and `stop()`: what the
    machine spent busy, less our own (with the children we waited for, when `children`) and
    the measured process tree's."""

    def __init__(self, *, children: bool = True) -> None:
        self.children = children
        self.busy = self.own = 0.0

    def start(self) -> None:
        self.busy, self.own = system_busy_s(), own_cpu_s(self.children)

    def stop(self, tree_cpu_s: float = 0.0, seconds: float = 1.0) -> dict[str, float]:
        own = own_cpu_s(self.children) - self.own
        other = system_busy_s() - self.busy - own - tree_cpu_s
        other = max(0.0, other)
        return {"other_cpu_s": round(other, 2), "other_cores": round(other / seconds, 3)}


class WaitBudget:
    """The seconds the whole benchmark may spend waiting for a quiet machine."""

    def __init__(self, seconds: float):
        self.left = seconds


def wait_quiet(budget: WaitBudget) -> dict[str, Any]:
    """Wait, while the budget lasts, until other processes use less than QUIET_CORES cores
    over 3 s: the machine is shared, and a busy neighbour would slow the run down."""
    started = time.monotonic()
    while True:
        load = OtherLoad()
        load.start()
        time.sleep(3)
        cores = load.stop(seconds=3)["other_cores"]
        waited = time.monotonic() - started
        if cores < QUIET_CORES or waited >= budget.left:
            budget.left = max(0.0, budget.left - waited)
            return {
                "other_cores_before": cores,
                "waited_s": round(waited, 1),
                "quiet": cores < QUIET_CORES,
            }
        log(f"  other processes use {cores:.2f} cores: waiting for a quiet machine")
        time.sleep(12)


# -- phases ------------------------------------------------------------------------------------
def peak_rss_mb() -> float | None:
    """This process's highest RSS since the last `reset_peak()` (VmHWM)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


@contextmanager
def phase(name: str, budget: WaitBudget, out: dict[str, Any]) -> Iterator[None]:
    """A timed phase on a quiet machine: waits, then records the other processes' CPU and this
    process's peak RSS during it in out['machine_load'] and out['bench_peak_rss_mb']."""
    quiet = wait_quiet(budget)
    log(f"{name}")
    load = OtherLoad()
    reset = reset_peak()
    load.start()
    clock = time.monotonic()
    yield
    out["machine_load"] = {**quiet, **load.stop(seconds=max(1e-3, time.monotonic() - clock))}
    out["bench_peak_rss_mb"] = peak_rss_mb() if reset else None


def stats(ms: list[float]) -> dict[str, float | int]:
    if not ms:
        return {"n": 0}
    xs = sorted(ms)

    def pct(p: float) -> float:
        return round(xs[max(0, math.ceil(p / 100 * len(xs)) - 1)], 2)

    return {
        "n": len(xs),
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "max": round(xs[-1], 2),
        "mean": round(fmean(xs), 2),
    }


# -- what was measured, on what ----------------------------------------------------------------
def run_text(command: list[str], cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=120, cwd=cwd, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable: {exc}"
    return (done.stdout or done.stderr).strip()


def package_versions(names) -> dict[str, str]:
    """The installed version of each package named, or "not installed"."""
    found = {}
    for name in names:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def git_state() -> dict[str, Any]:
    commit = run_text(["git", "rev-parse", "HEAD"], REPO)
    status = subprocess.run(
        ["git", "status", "--porcelain"], capture_output=True, text=True, cwd=REPO, check=False
    ).stdout.splitlines()
    paths = [line[3:] for line in status if line.strip()]  # "XY path"
    outside = [p for p in paths if not p.startswith("bench/") and p != "docs/benchmarks.md"]
    return {
        "commit": commit,
        "dirty": bool(paths),
        "dirty_outside_bench": outside[:30],
        "subject": run_text(["git", "log", "-1", "--format=%s"], REPO)[:200],
    }


def machine() -> dict[str, Any]:
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    total_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), "")
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "memory_gib": round(total_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def command_line() -> str:
    """How this benchmark was started, as typed at the repository root: `python -m
    bench.runs.NAME ARGS` (under -m, sys.argv[0] is the module's file, which cannot be run)."""
    spec = getattr(sys.modules["__main__"], "__spec__", None)
    start = ["-m", spec.name] if spec is not None else sys.argv[:1]
    return shlex.join([Path(sys.executable).name, *start, *sys.argv[1:]])


def write_result(result: dict[str, Any], out_dir: Path, name: str = "ingest") -> Path:
    """The result as bench/results/NAME-YYYYMMDD-HHMMSS.json (UTC of the run's start)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.fromisoformat(result["date"]).strftime("%Y%m%d-%H%M%S")
    path = out_dir / f"{name}-{stamp}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


# -- a run's depository ------------------------------------------------------------------------
def copy_depository(source: Path, work: Path) -> Path:
    """The cached depository copied for one run, without any index built in it: the run's
    reindex starts from the catalog alone."""
    target = work / "depository"

    def index_contents(folder: str, names: list[str]) -> list[str]:
        return names if Path(folder) == source / "index" else []

    shutil.copytree(source, target, ignore=index_contents)
    return target
