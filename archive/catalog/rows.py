"""What the catalog's tables hold, as the rest of the depository sees it: rows as dataclasses,
moments as UTC timestamps, descriptions checked against `metadata_schema/` before they are
written."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from archive import schema

# Fields whose change is an access change (logged as such, and acted on by access control).
ACCESS_FIELDS = ("status", "access", "embargo_until", "description_visibility", "redactions")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def timestamp(moment: dt.datetime | None = None) -> str:
    return (moment or utc_now()).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class FileRow:
    record_id: str
    sha256: str
    size: int
    media_type: str
    original_name: str
    source_path: str | None
    properties: str | None = None  # JSON: what the file says about itself


@dataclass(frozen=True)
class RecordText:
    """A record's extracted text, page by page, with how it was obtained."""

    pages: list[str]
    details: dict[str, Any]


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    actor: str
    kind: str
    subject_type: str
    subject_id: str | None
    detail: dict[str, Any]


def valid(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    data = schema.normalize(kind, data)
    schema.check(kind, data)
    return data


def dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
