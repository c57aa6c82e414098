"""Validation against the JSON Schemas of `metadata_schema/` (draft 2020-12).

Our schemas add four keywords: `x-vocabulary` (the value is a code of that vocabulary),
`x-thesaurus` (a thesaurus concept code), `x-date` (a real calendar date, `partial` allowing
YYYY and YYYY-MM) and `x-require-one-of` (at least one of these fields, e.g. a title in either
language). `normalize` turns labels into codes first, so a manifest or a query may give either.
Every problem is reported at once, with its field path.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

from archive.errors import Problem, ValidationFailed
from archive.vocabulary import thesaurus, vocabulary

KINDS = ("record", "process", "session", "agent")
SLUG_PATTERN = "^[a-z0-9][a-z0-9._-]{0,99}$"
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_precision(value: str) -> str | None:
    """'year', 'month' or 'day' for a valid partial date, None otherwise."""
    m = _PARTIAL_DATE.match(value)
    if not m:
        return None
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "day" if day else "month" if month else "year"


def _x_vocabulary(validator, name, instance, schema):
    if isinstance(instance, str) and vocabulary(name).find(instance) != instance:
        codes = ", ".join(vocabulary(name).codes[:12])
        more = ", …" if len(vocabulary(name).codes) > 12 else ""
        yield ValidationError(f"{instance!r} is not a term of {name} (codes: {codes}{more})")


def _x_thesaurus(validator, enabled, instance, schema):
    if enabled and isinstance(instance, str) and thesaurus().find(instance) != instance:
        yield ValidationError(f"{instance!r} is not a concept of the thesaurus")


def moment_of(value: str) -> dt.datetime | None:
    """A date and time with its UTC offset (ISO 8601), as UTC; None when it is not one."""
    if "T" not in value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(dt.UTC) if moment.tzinfo else None


def _x_date(validator, kind, instance, schema):
    if not isinstance(instance, str):
        return
    if kind == "moment":
        if moment_of(instance) is None and date_precision(instance) != "day":
            yield ValidationError(
                f"{instance!r} is not a date (YYYY-MM-DD) or a date and time with its offset"
                " (YYYY-MM-DDTHH:MM+03:00)"
            )
        return
    precision = date_precision(instance)
    if precision is None or (kind == "full" and precision != "day"):
        shape = "YYYY-MM-DD" if kind == "full" else "YYYY, YYYY-MM or YYYY-MM-DD"
        yield ValidationError(f"{instance!r} is not a valid date ({shape})")


def _x_require_one_of(validator, fields, instance, schema):
    if isinstance(instance, dict) and not any(instance.get(f) for f in fields):
        yield ValidationError(f"needs at least one of {', '.join(fields)}")


_Validator = validators.extend(
    Draft202012Validator,
    {
        "x-vocabulary": _x_vocabulary,
        "x-thesaurus": _x_thesaurus,
        "x-date": _x_date,
        "x-require-one-of": _x_require_one_of,
    },
)


@cache
def schema(kind: str) -> dict[str, Any]:
    if kind not in KINDS:
        raise KeyError(f"no schema for {kind!r}")
    ref = resources.files("metadata_schema").joinpath(f"{kind}.schema.json")
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def _validator(kind: str):
    return _Validator(schema(kind))


def _path(parts) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _problems(error: ValidationError) -> Iterator[Problem]:
    """Plain reasons for the errors jsonschema words for schema authors."""
    base = list(error.absolute_path)
    kw, value = error.validator, error.instance
    if kw == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        yield Problem(_path([*base, missing.group(1) if missing else "?"]), "is required")
    elif kw == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        for key in sorted(k for k in value if k not in known):
            yield Problem(_path([*base, key]), "is not a field of this schema")
    elif kw == "pattern" and error.validator_value == SLUG_PATTERN:
        yield Problem(
            _path(base),
            f"{value!r} is not a valid identifier (lowercase letters, digits, '.', '_', '-')",
        )
    elif kw == "type":
        yield Problem(_path(base), f"must be of type {error.validator_value}, not {value!r}")
    elif kw == "minLength" and error.validator_value == 1:
        yield Problem(_path(base), "must not be empty")
    elif kw == "maxLength":
        yield Problem(_path(base), f"is longer than {error.validator_value} characters")
    elif kw == "minItems":
        yield Problem(_path(base), f"needs at least {error.validator_value} item(s)")
    elif kw == "uniqueItems":
        yield Problem(_path(base), "has repeated items")
    else:
        yield Problem(_path(base), error.message)


def validate(kind: str, data: Any) -> list[Problem]:
    """Every problem of `data` as a `kind` description, sorted by path; [] when valid."""
    problems = [p for e in _validator(kind).iter_errors(data) for p in _problems(e)]
    return sorted(set(problems), key=lambda p: (p.path, p.reason))


def check(kind: str, data: Any, subject: str | None = None) -> None:
    """Raise ValidationFailed listing every problem, or return quietly."""
    problems = validate(kind, data)
    if problems:
        ident = subject or (
            data.get("identifier") or data.get("id") if isinstance(data, dict) else None
        )
        raise ValidationFailed(kind, ident, problems)


def _resolve_ref(root: dict, node: dict) -> dict:
    while "$ref" in node:
        target = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _normalize(root: dict, node: dict, value: Any) -> Any:
    node = _resolve_ref(root, node)
    if isinstance(value, str):
        value = value.strip()
        if "x-vocabulary" in node:
            return vocabulary(node["x-vocabulary"]).find(value) or value
        if node.get("x-thesaurus"):
            return thesaurus().find(value) or value
        return value
    if isinstance(value, list) and "items" in node:
        return [_normalize(root, node["items"], v) for v in value]
    if isinstance(value, dict) and "properties" in node:
        props = node["properties"]
        return {k: _normalize(root, props[k], v) if k in props else v for k, v in value.items()}
    return value


def normalize(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A copy of `data` with surrounding spaces trimmed and every vocabulary or thesaurus
    label replaced by its code; unknown values are left for `validate` to name."""
    root = schema(kind)
    return _normalize(root, root, copy.deepcopy(data))


def field_labels(kind: str) -> dict[str, dict[str, str]]:
    """The Arabic and English label of each top-level field, for the UI and the docs."""
    root = schema(kind)
    return {
        name: _resolve_ref(root, node).get("x-labels", {}) | node.get("x-labels", {})
        for name, node in root["properties"].items()
    }
