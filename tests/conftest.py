"""Shared fixtures: a fresh depository per test, the repository's paths, and `require_tool`,
which skips a test for a missing system tool locally but fails it under CI=true."""

from __future__ import annotations

import contextlib
import faulthandler
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import traceback
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.depository import Depository

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = REPO / "sample_corpus"

# scratch: temporary folders in memory; reaping: a process a test leaves running fails the run;
# ordering: the longest files start first
pytest_plugins = ["tests.scratch", "tests.reaping", "tests.ordering"]
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_tool(name: str) -> str:
    """The tool's path; without it the test skips, or fails under CI=true."""
    path = shutil.which(name)
    if path is None:
        message = f"system tool {name!r} is not installed"
        if IN_CI:
            pytest.fail(message + " (CI must install it: see .ci/run)")
        pytest.skip(message)
    return path


@pytest.fixture
def depository(tmp_path: Path):
    with Depository.create(tmp_path / "depository") as dep:
        yield dep


def pdf_bytes(objects: list[str]) -> bytes:
    """A PDF file written by hand from its objects (object 1 the catalog), with its
    cross-reference table: for PDFs no tool would make (hostile ones, text drawn twice)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def run_mediarch(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    stdin: str = "",
    child: bool = False,
) -> subprocess.CompletedProcess:
    """Run the real command as a user would, and answer what a shell would see: its exit code,
    standard output and standard error.

    In this process by default, as Flask's `test_cli_runner` runs a command: the same `main`,
    the same exit codes, a fraction of the time. A process of its own where the test needs one:
    with `env` (the environment a process starts with: a PATH without the optional tools, a
    fault to inject, which extraction workers inherit) or `child=True` (a signal)."""
    if child or env:
        return subprocess.run(
            [sys.executable, "-m", "archive.cli", *args],
            capture_output=True,
            input=stdin,
            text=True,
            env={**os.environ, **(env or {})},
            cwd=cwd,
            timeout=300,
        )
    return _in_process(list(args), cwd, stdin)


def _in_process(args: list[str], cwd, stdin: str):
    from archive.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    here = os.getcwd()
    written = [  # as a process writes them: undecodable names escaped, not refused
        io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    ]
    sys.stdin = io.StringIO(stdin)
    sys.stdout, sys.stderr = written
    try:
        if cwd is not None:
            os.chdir(cwd)
        faulthandler.dump_traceback_later(
            300, exit=True, file=sys.__stderr__
        )  # a hang: said, ended
        try:
            code = main(args)
        except SystemExit as exc:  # argparse's usage errors, as a process would exit
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception:  # a fault of ours: the traceback a process would print, exit 1
            traceback.print_exc()
            code = 1
    finally:
        faulthandler.cancel_dump_traceback_later()
        for wrapper in written:
            wrapper.flush()
            wrapper.detach()  # the bytes stay readable when the wrapper goes
        sys.stdin, sys.stdout, sys.stderr = streams
        os.chdir(here)
    return subprocess.CompletedProcess(
        args, code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8")
    )


class CliRunner:
    """The `runner` fixture: `runner.invoke("--root", root, "search", "wells")`."""

    def invoke(self, *args: str, **options) -> subprocess.CompletedProcess:
        return run_mediarch(*(str(a) for a in args), **options)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def a_record(**fields) -> dict:
    """A minimal valid record description; keyword arguments override or add fields."""
    record = {
        "identifier": "test-record-1",
        "title_en": "Minutes of the first round",
        "title_ar": "محضر الجولة الأولى",
        "date": "2019-03-14",
        "document_type": "minutes",
        "languages": ["ar", "en"],
        "status": "published",
        "access": "public",
        "description_visibility": "listed",
    }
    record.update(fields)
    return {k: v for k, v in record.items() if v is not None}


def corpus_options(**overrides):
    from ingest.pipeline import IngestOptions

    return IngestOptions.of_corpus(
        SAMPLE_CORPUS, **{"collection": "sample", "jobs": 2, **overrides}
    )


@pytest.fixture(scope="session")
def ingested_corpus(tmp_path_factory):
    """The sample corpus ingested once for the whole run: (depository root, report). Read only.
    The workers of one run share it: the first to ask ingests it (the others wait on a lock
    meanwhile), the report kept beside it. A run started by a test that has ingested it already
    (tests/added_audience.py) names that folder in `MEDIARCH_TEST_SAMPLE`."""
    import fcntl
    import pickle

    from ingest.pipeline import run_ingest

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder = Path(os.environ.get("MEDIARCH_TEST_SAMPLE") or base / "sample-corpus")
    folder.mkdir(exist_ok=True)
    root, kept = folder / "depository", folder / "report.pickle"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if kept.is_file():
            return root, pickle.loads(kept.read_bytes())
        shutil.rmtree(root, ignore_errors=True)  # a worker that died while it ingested
        with Depository.create(root) as dep:
            report = run_ingest(dep, corpus_options())
        kept.write_bytes(pickle.dumps(report))
    return root, report


@pytest.fixture
def app(ingested_corpus, tmp_path: Path):
    """The web site (a Flask app) over a copy of the ingested sample corpus, as Flask's own
    tests name it; `client` asks it, `runner` runs the command line."""
    from webui.app import create_app

    root = tmp_path / "depository"
    shutil.copytree(ingested_corpus[0], root)
    site = create_app(root)
    yield site
    if site.config["SITE"] is not None:
        site.config["SITE"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@contextlib.contextmanager
def serving(root: Path, workers: int = 2) -> Iterator[str]:
    """A real `mediarch serve` (gunicorn) of the depository on a free port of 127.0.0.1, once it
    answers; its base URL. Stopped when the block ends."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "--root", str(root), "serve",
         "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/index.json", timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "no server"
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=60)
