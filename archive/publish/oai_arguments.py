"""The arguments of an OAI-PMH request as the protocol defines them: metadata formats, `from`
and `until` datestamps of one granularity, sets by collection and by process, and resumption
tokens that carry their place (datestamp and identifier) and refuse any other list's token.
Each violation is the protocol's error (`OaiError` with its code)."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from typing import Any

GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
FORMATS = ("oai_dc", "mediarch")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
SET = re.compile(r"^(collection|process)(?::([A-Za-z0-9\-_.!~*'()]+))?$")


class OaiError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def metadata_format(prefix: str) -> str:
    if prefix not in FORMATS:
        raise OaiError(
            "cannotDisseminateFormat", f"{prefix}: formats here are {', '.join(FORMATS)}"
        )
    return prefix


def bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """`from` and `until` as datestamps to compare with (a day stands for all of it)."""
    kinds = set()
    out = []
    for value, end in ((since, False), (until, True)):
        if value is None:
            out.append(None)
        elif _SECOND.match(value) and _valid(value, "%Y-%m-%dT%H:%M:%SZ"):
            kinds.add("second")
            out.append(value)
        elif _DAY.match(value) and _valid(value, "%Y-%m-%d"):
            kinds.add("day")
            out.append(value + ("T23:59:59Z" if end else "T00:00:00Z"))
        else:
            raise OaiError(
                "badArgument", f"{value}: not a date of the form {GRANULARITY} or YYYY-MM-DD"
            )
    if len(kinds) > 1:
        raise OaiError("badArgument", "from and until have different granularities")
    if out[0] and out[1] and out[0] > out[1]:
        raise OaiError("badArgument", "from is later than until")
    return out[0], out[1]


def _valid(value: str, pattern: str) -> bool:
    try:
        dt.datetime.strptime(value, pattern)
    except ValueError:
        return False
    return True


def set_selection(spec: str | None) -> dict[str, Any]:
    if spec is None:
        return {}
    m = SET.match(spec)
    if m is None:
        raise OaiError("badArgument", f"{spec}: not a set of this repository")
    kind, code = m.group(1), m.group(2)
    return {kind: code} if code else {f"in_{kind}": True}


def write_token(state: dict[str, Any], with_metadata: bool) -> str:
    state = {**state, "v": "R" if with_metadata else "I"}
    raw = json.dumps(state, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def read_token(token: str, with_metadata: bool) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        state = json.loads(raw)
        if not isinstance(state, dict) or state.get("v") != ("R" if with_metadata else "I"):
            raise ValueError("another list's token")
        if state.get("m") not in FORMATS or not isinstance(state.get("c"), int):
            raise ValueError("not a token of ours")
        a = state.get("a")
        if not (isinstance(a, list) and len(a) == 2 and all(isinstance(x, str) for x in a)):
            raise ValueError("not a token of ours")
        if state.get("s") is not None and not SET.match(str(state["s"])):
            raise ValueError("not a token of ours")
        bounds(state.get("f"), state.get("u"))
    except (ValueError, binascii.Error, UnicodeDecodeError, OaiError, TypeError):
        raise OaiError("badResumptionToken", "the resumption token is not valid") from None
    return state
