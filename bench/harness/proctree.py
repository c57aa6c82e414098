"""Memory and CPU of a process and all its descendants, read from /proc (Linux only).

`TreeSampler` is a thread that, every `interval` seconds, finds the descendants of a process
(through `/proc/PID/task/TID/children`, or by scanning `/proc` where that file is missing),
sums their resident set sizes, keeps the peaks and a timeline, and remembers the last CPU time
seen for each process, so that the CPU a process used is known after it has exited (to within
one interval). PSS, which shares pages fairly between processes forked from one another, is
read every `pss_every` samples: summed RSS counts the pages a forkserver and its workers share
once per process.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024


@dataclass
class ProcStat:
    pid: int
    ppid: int
    cpu_s: float
    rss: int  # bytes


@dataclass
class Sample:
    t: float  # seconds since the sampler's origin
    main_rss: int
    total_rss: int
    processes: int
    done: int  # files done when sampled (from the caller's counter)
    main_anon: int = 0  # the main process's RSS split: anonymous memory …
    main_file: int = 0  # … and mapped files (file-backed pages)
    total_pss: int | None = None
    main_maps_under: int | None = None  # the main process's mappings of files under `maps_under`


@dataclass
class ProcInfo:
    role: str
    cpu_s: float = 0.0
    peak_rss: int = 0


class TreeSampler:
    """Samples the tree under `root` every `interval` s in a thread, from `start()` to `stop()`;
    `done()` says how many files the caller has seen finished (for the timeline)."""

    def __init__(
        self,
        root: int,
        origin: float,
        done: Callable[[], int] = lambda: 0,
        *,
        interval: float = 0.1,
        pss_every: int = 5,
        maps_under: str | None = None,
    ):
        self.root, self.origin, self.done = root, origin, done
        self.interval, self.pss_every, self.maps_under = interval, pss_every, maps_under
        self.samples: list[Sample] = []
        self.procs: dict[int, ProcInfo] = {}
        self.peak_total_pss = 0
        self.own_cpu_s = 0.0
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="tree-sampler")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._halt.set()
        self._thread.join()

    def _loop(self) -> None:
        n = 0
        while not self._halt.is_set():
            self.sample(with_pss=n % self.pss_every == 0)
            n += 1
            self._halt.wait(self.interval)
        self.own_cpu_s = time.thread_time()

    def sample(self, *, with_pss: bool) -> None:
        stats = [s for s in (read_stat(pid) for pid in tree(self.root)) if s is not None]
        if not stats:
            return
        main = next((s.rss for s in stats if s.pid == self.root), 0)
        sample = Sample(
            round(time.monotonic() - self.origin, 3),
            main,
            sum(s.rss for s in stats),
            len(stats),
            self.done(),
            *read_rss_split(self.root),
        )
        if with_pss:
            sample.total_pss = sum(read_pss(s.pid) for s in stats)
            self.peak_total_pss = max(self.peak_total_pss, sample.total_pss)
            if self.maps_under:
                sample.main_maps_under = count_maps(self.root, self.maps_under)
        self.samples.append(sample)
        for s in stats:
            info = self.procs.get(s.pid)
            if info is None:
                info = self.procs[s.pid] = ProcInfo(self._role(s))
            info.cpu_s = max(info.cpu_s, s.cpu_s)
            info.peak_rss = max(info.peak_rss, s.rss)

    def _role(self, stat: ProcStat) -> str:
        if stat.pid == self.root:
            return "main"
        parent = self.procs.get(stat.ppid)
        if parent is not None and parent.role == "forkserver":
            return "worker"
        command = cmdline(stat.pid)
        for role in ("forkserver", "resource_tracker"):
            if role in command:
                return role
        return "other"

    # -- summaries -----------------------------------------------------------------------------
    @property
    def peak_main_rss(self) -> int:
        return max((s.main_rss for s in self.samples), default=0)

    @property
    def peak_total_rss(self) -> int:
        return max((s.total_rss for s in self.samples), default=0)

    @property
    def peak_main_split(self) -> tuple[int, int]:
        """The highest anonymous and file-backed RSS of the main process (each on its own)."""
        anon = max((s.main_anon for s in self.samples), default=0)
        return anon, max((s.main_file for s in self.samples), default=0)

    @property
    def peak_main_maps_under(self) -> int:
        return max((s.main_maps_under or 0 for s in self.samples), default=0)

    @property
    def tree_cpu_s(self) -> float:
        return sum(info.cpu_s for info in self.procs.values())

    def cpu_by_role(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for info in self.procs.values():
            out[info.role] = round(out.get(info.role, 0.0) + info.cpu_s, 2)
        return dict(sorted(out.items()))

    def peak_rss_by_role(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for info in self.procs.values():
            out[info.role] = max(out.get(info.role, 0), info.peak_rss)
        return dict(sorted(out.items()))

    def at_progress(self, total: int, shares: tuple[float, ...]) -> list[dict]:
        """Main and total RSS when each share of the files was done, and the peaks so far."""
        rows = []
        for share in shares:
            target = max(1, round(total * share))
            seen = [s for s in self.samples if s.done < target]
            reached = next((s for s in self.samples if s.done >= target), None)
            upto = [*seen, reached] if reached else seen
            if not upto:
                continue
            rows.append(
                {
                    "share": share,
                    "files_done": reached.done if reached else upto[-1].done,
                    "t": (reached or upto[-1]).t,
                    "main_rss_mb": mb((reached or upto[-1]).main_rss),
                    "main_peak_so_far_mb": mb(max(s.main_rss for s in upto)),
                    "main_anon_mb": mb((reached or upto[-1]).main_anon),
                    "main_file_mb": mb((reached or upto[-1]).main_file),
                    "total_rss_mb": mb((reached or upto[-1]).total_rss),
                    "total_peak_so_far_mb": mb(max(s.total_rss for s in upto)),
                }
            )
        return rows

    def timeline(self, points: int = 300) -> list[list[float]]:
        """[t, main MB, total MB, files done, main anonymous MB, main file-backed MB], thinned
        to about `points` rows."""
        step = max(1, len(self.samples) // points)
        chosen = self.samples[::step]
        if self.samples and chosen[-1] is not self.samples[-1]:
            chosen.append(self.samples[-1])
        return [
            [s.t, mb(s.main_rss), mb(s.total_rss), s.done, mb(s.main_anon), mb(s.main_file)]
            for s in chosen
        ]


def run_sampled(command: list[str], what: str) -> tuple[str, float, TreeSampler]:
    """Run a command to its end with its process tree sampled: its output, its wall time and
    the sampler (peak RSS, CPU, processes). A failure ends the benchmark, naming `what`."""
    clock = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid, clock, pss_every=10**9)
    sampler.start()
    try:
        out, err = proc.communicate()
    finally:
        sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{what} failed ({proc.returncode}):\n{err[-3000:]}")
    return out, time.monotonic() - clock, sampler


def system_busy_s() -> float:
    """CPU seconds all processors have spent busy since boot (from /proc/stat)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / TICK


def mb(value: int) -> float:
    return round(value / MB, 1)


def children(pid: int) -> list[int] | None:
    """Direct children of a process; None where the kernel does not list them."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:
            if not (task / "stat").exists():
                continue  # the thread ended meanwhile
            return None
        except OSError:
            continue
    return found


def _scan_children() -> dict[int, list[int]]:
    by_parent: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = read_stat(int(entry.name))
            if stat is not None:
                by_parent.setdefault(stat.ppid, []).append(stat.pid)
    return by_parent


def tree(root: int) -> list[int]:
    """The process and all its descendants that are alive now."""
    found, todo = [], [root]
    scanned: dict[int, list[int]] | None = None
    while todo:
        pid = todo.pop()
        found.append(pid)
        kids = children(pid)
        if kids is None:
            scanned = scanned if scanned is not None else _scan_children()
            kids = scanned.get(pid, [])
        todo.extend(kids)
    return found


def read_stat(pid: int) -> ProcStat | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rfind(")") + 2 :].split()
    # After the command: state ppid … utime(14) stime(15) … rss(24), numbered from 1 with pid.
    ppid, utime, stime, rss = int(fields[1]), int(fields[11]), int(fields[12]), int(fields[21])
    return ProcStat(pid, ppid, (utime + stime) / TICK, rss * PAGE)


def read_rss_split(pid: int) -> tuple[int, int]:
    """(anonymous, file-backed) resident bytes of a process, from /proc/PID/status."""
    found = {"RssAnon:": 0, "RssFile:": 0}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key = line.split(":", 1)[0] + ":"
            if key in found:
                found[key] = int(line.split()[1]) * 1024
    except OSError:
        pass
    return found["RssAnon:"], found["RssFile:"]


def count_maps(pid: int, prefix: str) -> int:
    """How many memory mappings of a process are of files whose path starts with `prefix`."""
    try:
        with open(f"/proc/{pid}/maps", encoding="utf-8", errors="replace") as fh:
            return sum(1 for line in fh if f" {prefix}" in line)
    except OSError:
        return 0


def read_pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
