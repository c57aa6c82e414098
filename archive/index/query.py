"""The query language a scholar can use without a manual.

    ceasefire monitoring            both words (AND)
    "وقف إطلاق النار"                a phrase
    water OR المياه                 either
    -draft                          not
    title:minutes process:wadi-qarnun type:communique lang:ar agent:haddad
    date:2019  date:2019..2021  date:..2019-06-30  date:2020-03..  date:>=2020-03  date:<2021

Field names may also be given in Arabic (عنوان، عملية، نوع، لغة، فاعل، تاريخ). Nothing a user
types raises: what cannot be read is read as words, and `notes` says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

FIELD_ALIASES = {
    "title": "title",
    "عنوان": "title",
    "العنوان": "title",
    "process": "process",
    "عملية": "process",
    "العملية": "process",
    "session": "session",
    "جلسة": "session",
    "الجلسة": "session",
    "type": "type",
    "نوع": "type",
    "النوع": "type",
    "lang": "lang",
    "language": "lang",
    "لغة": "lang",
    "اللغة": "lang",
    "agent": "agent",
    "فاعل": "agent",
    "شخص": "agent",
    "date": "date",
    "تاريخ": "date",
    "التاريخ": "date",
    "subject": "subject",
    "موضوع": "subject",
    "place": "place",
    "مكان": "place",
    "track": "track",
    "مسار": "track",
    "collection": "collection",
    "id": "id",
}
OR_WORDS = {"OR", "أو", "او"}
_TOKEN = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[^\s:"()]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))'
)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Clause:
    """One thing the query asks: words or a phrase in text, or a field filter."""

    kind: str  # "words", "phrase", "field"
    text: str
    field: str | None = None
    negated: bool = False
    alternatives: list[Clause] = dataclasses.field(default_factory=list)  # OR'ed with this one


@dataclass
class DateRange:
    start: str | None  # partial dates; None = open
    end: str | None


@dataclass
class ParsedQuery:
    clauses: list[Clause] = dataclasses.field(default_factory=list)
    dates: list[DateRange] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(c.kind in ("words", "phrase") and not c.negated for c in self.clauses)


def _is_date(value: str) -> bool:
    """A partial date (YYYY, YYYY-MM, YYYY-MM-DD) that the calendar has: no month 13, no
    day 0, no 30 February."""
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except ValueError:
        return False
    return True


def parse_date(value: str) -> DateRange | None:
    value = value.strip()
    for op, make in (
        (">=", lambda v: DateRange(v, None)),
        ("<=", lambda v: DateRange(None, v)),
        (">", lambda v: DateRange(v, None)),
        ("<", lambda v: DateRange(None, v)),
    ):
        if value.startswith(op):
            rest = value[len(op) :]
            return make(rest) if _is_date(rest) else None
    if ".." in value:
        start, _, end = value.partition("..")
        if (start and not _is_date(start)) or (end and not _is_date(end)) or not (start or end):
            return None
        return DateRange(start or None, end or None)
    return DateRange(value, value) if _is_date(value) else None


def parse(text: str) -> ParsedQuery:
    query = ParsedQuery()
    pending_or = False
    for m in _TOKEN.finditer(text or ""):
        neg, name, phrase, word = (
            bool(m.group("neg")),
            m.group("field"),
            m.group("phrase"),
            m.group("word"),
        )
        if phrase is not None and not _closed(m.group(0)):
            query.notes.append(
                f'a quotation mark is not closed: "{phrase.strip()}" read as a phrase'
                if phrase.strip()
                else "a lone quotation mark: ignored"
            )
        if word in OR_WORDS and not name and not neg:
            pending_or = bool(query.clauses)
            continue
        clause = _clause(query, neg, name, phrase, word)
        if clause is None:
            continue
        if pending_or and query.clauses and not clause.negated and clause.kind != "field":
            query.clauses[-1].alternatives.append(clause)
        else:
            query.clauses.append(clause)
        pending_or = False
    return query


def _closed(matched: str) -> bool:
    """Whether a phrase's match ends in its closing quotation mark (not the text's end)."""
    opening = matched.index('"')
    return len(matched) > opening + 1 and matched.endswith('"')


def _clause(
    query: ParsedQuery, neg: bool, name: str | None, phrase: str | None, word: str | None
) -> Clause | None:
    value = phrase if phrase is not None else word or ""
    if name is not None:
        key = FIELD_ALIASES.get(name.lower()) or FIELD_ALIASES.get(name)
        if key is None:
            query.notes.append(f"unknown field {name!r}: read as words")
            return Clause("words", f"{name} {value}".strip(), negated=neg)
        if key == "date":
            found = parse_date(value)
            if found is None:
                query.notes.append(
                    f"date:{value} is not a date or range (e.g. date:2019..2021): ignored"
                )
                return None
            query.dates.append(found)
            return None
        if not value.strip():
            query.notes.append(f"{name}: has no value: ignored")
            return None
        return Clause("field", value, field=key, negated=neg)
    if phrase is not None:
        return Clause("phrase", phrase, negated=neg) if phrase.strip() else None
    value = value.strip("()")
    return Clause("words", value, negated=neg) if value else None
