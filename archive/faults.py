"""Fault points for crash tests: `MEDIARCH_FAULT=<name>` kills the process with SIGKILL when
execution reaches the point of that name. Unset (the normal case), a point costs one lookup."""

from __future__ import annotations

import os
import signal


def fault_point(name: str) -> None:
    if os.environ.get("MEDIARCH_FAULT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
