"""The one shape of an error in JSON, for every route and every status (as datasette answers
its errors): `{"error": {"status", "message", "details"?}}`, the message in the asker's
language; `details` where there is more to say (a withdrawn record's tombstone)."""

from __future__ import annotations

from typing import Any

from flask import g, jsonify

from webui.i18n import texts


def json_error(status: int, *, details: dict[str, Any] | None = None):
    words = getattr(g, "t", None) or texts("en")
    body: dict[str, Any] = {"status": status, "message": words[f"error_{status}"]}
    if details:
        body["details"] = details
    return jsonify({"error": body}), status
