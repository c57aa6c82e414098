"""`mediarch serve`: the site through gunicorn, a production WSGI server with several worker
processes. Each worker builds the application itself (no preloading: SQLite connections and
open indexes belong to one process)."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

from gunicorn.app.base import BaseApplication

from archive.errors import ArchiveError


class _Server(BaseApplication):
    def __init__(self, root: Path, options: dict):
        self.root, self.options = root, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from webui.app import create_app

        return create_app(self.root, schedule=True)


def _worker_exit(server, worker) -> None:
    """A worker stopping writes what its audit queue holds and closes its depository."""
    app = getattr(worker, "wsgi", None)
    site = app.config.get("SITE") if app is not None else None
    if site is not None:
        site.close()


def _holder(port: int) -> str | None:
    """Which process listens on the port ("process 4242 (mediarch serve …)"), where /proc
    tells (Linux, a process this user may look into); None otherwise."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if (
                len(fields) > 9
                and fields[3] == "0A"
                and int(fields[1].rsplit(":", 1)[1], 16) == port
            ):
                inodes.add(f"socket:[{fields[9]}]")
    if not inodes:
        return None
    for process in Path("/proc").iterdir():
        if not process.name.isdigit():
            continue
        try:
            if any(os.readlink(fd) in inodes for fd in (process / "fd").iterdir()):
                words = (process / "cmdline").read_bytes().decode(errors="replace").split("\0")
                named = [Path(w).name for w in words[:2]] + words[2:]  # the program, its script
                return f"process {process.name} ({' '.join(w for w in named if w)[:80]})"
        except OSError:
            continue
    return None


def _free(host: str, port: int) -> None:
    """Refuse, once and plainly, an address another program holds (gunicorn would say so
    five times, retrying, and exit)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                holder = _holder(port) or "another program"
                raise ArchiveError(
                    f"port {port} on {host} is taken by {holder}: stop it, or choose "
                    "another port with --port N"
                ) from None
            raise ArchiveError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def serve(root: Path, *, host: str, port: int, workers: int) -> int:
    _free(host, port)
    print(
        f"serving {root} on http://{host}:{port}/ with {workers} workers (Ctrl-C stops)", flush=True
    )  # a pipe or a log gets it now
    _Server(
        root,
        {
            "bind": f"{host}:{port}",
            "workers": max(1, workers),
            "timeout": 120,
            "graceful_timeout": 10,
            "accesslog": "-",
            "errorlog": "-",
            "worker_exit": _worker_exit,
        },
    ).run()
    return 0
