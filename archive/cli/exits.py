"""What `mediarch` exits with: the one place where an error becomes an exit code.

A handler returns the verdict on its own work, 0 or 1: `fixity` 1 when an original is missing
or altered, `check` when anything is inconsistent, `restore` when the restored originals are
not intact, `ingest` and `demo` when a file failed or the run stopped at a fault of the
machine, `import-metadata` when a row was refused, `publish` without --yes, `serve --get` on an
answer other than 200. It does not choose a code for an error: it raises, and `run` maps what
it raised, saying it once on standard error as `mediarch: ` and one plain line:

- 1: an `ArchiveError`: no depository, a record that does not exist, a broken configuration,
  a refused change; and a fault of the machine (`EnvironmentFault`, or the operating-system or
  SQLite error it names: a folder that cannot be written, a full disk).
- 2: nothing could run, because what the command was to work on is unusable: the folder,
  manifest or authority file of `ingest` (and `demo`), or the depository `ingest` was to
  deposit into (`IngestError`), the spreadsheet of `import-metadata` (`ManifestError`). A usage
  error (an unknown option, a missing argument) is 2 as well, from argparse, with the usage.
- 130: interrupted (Ctrl-C).
- 141: the reader of standard output went away (`mediarch search … | head`), said nowhere,
  as a shell expects of a writer killed by SIGPIPE. A broken pipe elsewhere is no such thing.

So a missing depository is 1, except for `ingest`, which counts it among its inputs (as
docs/cli.md says and the tests hold). Any other exception is a fault of ours and ends in
Python's traceback (exit 1).
"""

from __future__ import annotations

import argparse
import os
import select
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from archive.errors import ArchiveError, EnvironmentFault

FAILED = 1
NOTHING_RAN = 2
INTERRUPTED = 130
READER_GONE = 141  # 128 + SIGPIPE


def run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """The handler's verdict, or the exit code of what it raised (said on stderr)."""
    try:
        return handler(args)
    except BrokenPipeError:
        if not _reader_gone():
            raise
        return READER_GONE
    except BaseException as error:
        judged = exit_for(error, getattr(args, "root", None))
        if judged is None:  # not an error the map knows: raised on, traceback and all
            raise
        code, said = judged
        print(f"mediarch: {said}", file=sys.stderr)
        return code


def exit_for(error: BaseException, root: str | Path | None) -> tuple[int, str] | None:
    """The exit code of an error and the line that says it, or None for a fault of ours."""
    if isinstance(error, ArchiveError):
        return (NOTHING_RAN if isinstance(error, _nothing_ran()) else FAILED), str(error)
    if isinstance(error, (OSError, sqlite3.OperationalError)):  # the machine's fault?
        fault = EnvironmentFault.of(error, root)
        return None if fault is None else (FAILED, str(fault))
    if isinstance(error, KeyboardInterrupt):
        return INTERRUPTED, "interrupted"
    return None


def _nothing_ran() -> tuple[type[ArchiveError], ...]:
    """The errors that say nothing could run (ingest's, loaded only when an error is mapped)."""
    from ingest.manifest import ManifestError
    from ingest.pipeline import IngestError

    return (IngestError, ManifestError)


def _reader_gone() -> bool:
    """Whether standard output is a pipe whose reader left (the system reports an error on
    its write end); if so, what is still buffered for it goes to /dev/null (Python would
    otherwise complain of it at exit)."""
    try:
        fd = sys.stdout.fileno()
        poll = select.poll()
        poll.register(fd, select.POLLOUT)
        if not any(events & select.POLLERR for _, events in poll.poll(0)):
            return False
    except (OSError, ValueError):  # no file behind it (a test's capture)
        return False
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
    return True
