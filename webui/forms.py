"""Forms drawn from the metadata schema: one input per top-level field of a record, process,
session or agent (a line, a text area, or JSON for lists and objects, and a choice where a
vocabulary applies), read back into a description the catalog validates; its problems come
back by field."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from archive import schema
from archive.errors import Problem
from archive.vocabulary import vocabulary

LONG = 2000  # a string field allowed this many characters or more gets a text area
READ_ONLY = {"identifier", "id", "files", "unconfirmed"}


@dataclass(frozen=True)
class Field:
    name: str
    widget: str  # line, area, json, choice, number, flag
    labels: dict[str, str]
    choices: tuple[tuple[str, dict[str, str]], ...] = ()
    read_only: bool = False


def fields(kind: str) -> list[Field]:
    root = schema.schema(kind)
    labels = schema.field_labels(kind)
    out = []
    for name, node in root["properties"].items():
        node = schema._resolve_ref(root, node)
        kind_of = node.get("type")
        choices: tuple = ()
        if kind_of == "string" and "x-vocabulary" in node:
            widget = "choice"
            terms = vocabulary(node["x-vocabulary"]).terms
            choices = tuple((t.code, {"en": t.en, "ar": t.ar}) for t in terms)
        elif kind_of == "string":
            widget = "area" if node.get("maxLength", 0) >= LONG else "line"
        elif kind_of in ("integer", "number"):
            widget = "number"
        elif kind_of == "boolean":
            widget = "flag"
        else:
            widget = "json"
        out.append(Field(name, widget, labels.get(name, {}), choices, name in READ_ONLY))
    return out


def shown(field: Field, value: Any) -> str:
    """A field's value as its input holds it."""
    if value is None:
        return ""
    if field.widget == "json":
        return json.dumps(value, ensure_ascii=False, indent=1)
    return str(value)


def read(kind: str, form, current: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The description the form asks for (fields left empty removed), and what could not even
    be read (JSON that does not parse, a number that is not one)."""
    wanted = dict(current)
    problems = []
    for field in fields(kind):
        if field.read_only:
            continue
        raw = form.get(field.name, "")
        if field.widget == "flag":
            value: Any = True if form.get(field.name) else None
        elif not raw.strip():
            value = None
        elif field.widget == "json":
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as exc:
                problems.append(Problem(field.name, f"not JSON: {exc.msg} (line {exc.lineno})"))
                continue
        elif field.widget == "number":
            try:
                value = int(raw)
            except ValueError:
                problems.append(Problem(field.name, f"{raw!r} is not a whole number"))
                continue
        else:
            value = raw.replace("\r\n", "\n").strip()
        if value is None:
            wanted.pop(field.name, None)
        else:
            wanted[field.name] = value
    return wanted, problems


def by_field(problems: list[Problem]) -> dict[str, list[str]]:
    """Problems grouped by the top-level field they are in ('' for the whole description)."""
    grouped: dict[str, list[str]] = {}
    for p in problems:
        top = p.path.split(".")[0].split("[")[0] if p.path else ""
        grouped.setdefault(top, []).append(str(p))
    return grouped
