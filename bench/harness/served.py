"""A real `mediarch serve` for the benchmarks: on a free port of 127.0.0.1, waited for until it
answers, stopped at the end."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def served(
    root: Path, workers: int = 2, wait_s: float = 600
) -> Iterator[tuple[subprocess.Popen, str, float]]:
    """(the server process, its base URL, seconds until it answered)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "archive.cli", "--root", str(root), "serve",
               "--port", str(port), "--workers", str(workers)]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    clock = time.monotonic()
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/index.json", timeout=10).read()
                break
            except OSError:
                if time.monotonic() - clock > wait_s or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)
        yield server, base, time.monotonic() - clock
    finally:
        server.terminate()
        server.wait(timeout=60)
