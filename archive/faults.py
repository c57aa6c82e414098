"""Fault points for crash tests, set by the environment, not by monkeypatching.

`MEDIARCH_FAULT=<name>[=<text>][@N][:hang]` acts when execution reaches the point `<name>`:
with `=<text>` only where the point's detail (a file path, say) contains that text; with `@N`
only the Nth time this process reaches it; with `:hang` it sleeps (a hung extension, for
timeout tests) instead of killing the process with SIGKILL. Unset, a point costs one lookup.
"""

from __future__ import annotations

import os
import re
import signal
import time
from collections import Counter

_SPEC = re.compile(
    r"^(?P<name>[\w.]+)(?:=(?P<text>[^@:]+))?(?:@(?P<nth>\d+))?(?::(?P<action>hang))?$"
)
_reached: Counter[str] = Counter()


def fault_point(name: str, detail: str = "") -> None:
    spec = os.environ.get("MEDIARCH_FAULT")
    if not spec:
        return
    m = _SPEC.match(spec)
    if not m or m.group("name") != name or (m.group("text") and m.group("text") not in detail):
        return
    _reached[name] += 1
    if m.group("nth") and _reached[name] != int(m.group("nth")):
        return
    if m.group("action") == "hang":
        time.sleep(3600)
    else:
        os.kill(os.getpid(), signal.SIGKILL)
