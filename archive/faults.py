"""Fault points for crash tests: `MEDIARCH_FAULT=<name>` kills the process with SIGKILL when
execution reaches the point of that name; `<name>@N` waits for the Nth time; `<name>:hang`
sleeps instead (a hung extension, for timeout tests). Unset, a point costs one lookup."""

from __future__ import annotations

import os
import signal
import time
from collections import Counter

_reached: Counter[str] = Counter()


def fault_point(name: str) -> None:
    spec = os.environ.get("MEDIARCH_FAULT")
    if not spec or not spec.startswith(name):
        return
    point, _, action = spec.partition(":")
    point, _, nth = point.partition("@")
    if point != name:
        return
    _reached[name] += 1
    if nth and _reached[name] != int(nth):
        return
    if action == "hang":
        time.sleep(3600)
    else:
        os.kill(os.getpid(), signal.SIGKILL)
