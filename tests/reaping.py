"""A test run reaps what it starts: at the end of the session, a process started by any test
(a server, an ingest, its extraction workers) that is still alive fails the run, named, and is
killed.

Every process the run starts inherits a mark in its environment (`MEDIARCH_TEST_RUN`); at the
end the processes carrying this run's mark are looked up in /proc. Under pytest-xdist the
workers inherit the controller's mark and the controller alone looks, once every worker is
done. Multiprocessing's forkserver and resource tracker that belong to the test process itself
are left alone: they exit with it.
A process gets a few seconds to finish exiting first (a server told to stop).

A job runner that a site in the test process started (`webui.schedule.start_job_runner`, which
leaves it running on purpose: an ingest outlives the worker that started it) is waited for at
the end of the test that started it, so that no unreaped `Popen` is left for the interpreter's
exit to warn about.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

MARK = "MEDIARCH_TEST_RUN"
GRACE_S = 5.0
_HELPERS = ("multiprocessing.forkserver", "multiprocessing.resource_tracker")


def pytest_configure(config: pytest.Config) -> None:
    """The run's mark, made before xdist starts its workers: they inherit it, so that what
    their tests start carries the mark the controller looks for at the end (a worker that made
    a mark of its own would hide its leftovers from the one check)."""
    if not hasattr(config, "workerinput") or MARK not in os.environ:
        os.environ[MARK] = f"{os.getpid()}-{uuid.uuid4().hex}"


@pytest.fixture(autouse=True)
def _job_runners_waited_for():
    yield
    schedule = sys.modules.get("webui.schedule")
    runners = getattr(schedule, "_runners", [])
    for runner in runners:
        try:
            runner.wait(timeout=120)  # it exits when no job is left
        except subprocess.TimeoutExpired:
            runner.kill()
            runner.wait()
    runners.clear()


def _marked(mark: str) -> dict[int, str]:
    """pid → command line of every live process carrying the mark, but this one."""
    found = {}
    needle = f"{MARK}={mark}".encode() + b"\0"
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle not in (entry / "environ").read_bytes() + b"\0":
                continue
            state, parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
            if state == "Z":  # exited, waiting to be reaped
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile, or not ours to read
        if int(parent) == os.getpid() and any(h in command for h in _HELPERS):
            continue  # this process's own forkserver or resource tracker: they exit with it
        found[int(entry.name)] = command.strip()
    return found


def survivors(mark: str, grace_s: float = GRACE_S) -> dict[int, str]:
    """The processes of the run still alive after the grace period."""
    deadline = time.monotonic() + grace_s
    found = _marked(mark)
    while found and time.monotonic() < deadline:
        time.sleep(0.2)
        found = _marked(mark)
    return found


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    mark = os.environ.get(MARK)
    if not mark or hasattr(session.config, "workerinput"):
        return
    left = survivors(mark)
    if not left:
        return
    for pid in left:
        with contextlib.suppress(OSError):  # gone meanwhile
            os.kill(pid, signal.SIGKILL)
    lines = "\n".join(f"  {pid}: {command[:200]}" for pid, command in sorted(left.items()))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    message = f"{len(left)} process(es) started by the tests were left running (now killed):\n"
    if reporter is not None:
        reporter.write_line(message + lines, red=True)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
