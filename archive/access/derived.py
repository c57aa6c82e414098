"""What is derived from closed content is closed content.

Ingest guesses some fields from a file: a title from its first heading or its properties, a
date, a document type, its languages, the agents its text names. Each such value stays
*unconfirmed* (`record["unconfirmed"]`: field → the sources it was read from) until staff
confirm it or edit it. An audience below staff is shown an unconfirmed value only when it may
read every source whole: the text with nothing redacted in it, the original file itself. So
what it sees was derived from its own view, never from the full text. A record listed while
its only titles are unconfirmed gets a neutral title ("Untitled minutes, 12 March 2019").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from archive.access.policy import NEVER, AccessFacts, content_open, may_see
from archive.errors import UnknownTerm
from archive.vocabulary import vocabulary

TITLES = ("title_en", "title_ar")
NEUTRAL = "title_neutral"
RULE_FIELDS = (
    "date",
    "document_type",
    "process",
)  # what embargo rules read of a record  # a view's flag: its titles stand for titles it may not see

_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "ar": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
}


def readable_sources(facts: AccessFacts, audience: str, at: dt.datetime) -> frozenset[str]:
    """The sources the audience reads whole: the text when no passage of it is redacted,
    the file when it may have the file (never below any redaction)."""
    if not content_open(facts, audience, at):
        return frozenset()
    readable = set()
    if may_see(audience, facts, "text", at) and not facts.passages:
        readable.add("text")
    if may_see(audience, facts, "file", at):
        readable.add("file")
    return frozenset(readable)


def withheld(record: dict[str, Any], readable: frozenset[str]) -> set[str]:
    """The unconfirmed fields of a record whose sources are not all readable."""
    unconfirmed = record.get("unconfirmed") or {}
    return {name for name, sources in unconfirmed.items() if not set(sources) <= readable}


def confirmed_view(
    shown: dict[str, Any], record: dict[str, Any], readable: frozenset[str]
) -> dict[str, Any]:
    """The fields of a view without the unconfirmed values it may not see (nor the note of
    which were unconfirmed); neutral titles where every title was withheld."""
    hidden = withheld(record, readable)
    out = {k: v for k, v in shown.items() if k not in hidden and k != "unconfirmed"}
    had_title = any(record.get(t) for t in TITLES)
    if had_title and not any(out.get(t) for t in TITLES):
        out.update(neutral_titles(out))
    return out


def neutral_titles(shown: dict[str, Any]) -> dict[str, Any]:
    """Titles in both languages that say only what the view already shows: its type and
    its date ("Untitled minutes, 12 March 2019")."""
    code = shown.get("document_type")
    date = shown.get("date")
    titles: dict[str, Any] = {NEUTRAL: True}
    for lang, key in (("en", "title_en"), ("ar", "title_ar")):
        label = _type_label(code, lang)
        if lang == "en":
            title = f"Untitled {label.lower()}" if label else "Untitled document"
        else:
            title = f"{label} بلا عنوان" if label else "وثيقة بلا عنوان"
        if date:
            title += (", " if lang == "en" else "، ") + _spelled(date, lang)
        titles[key] = title
    return titles


def _type_label(code: str | None, lang: str) -> str | None:
    if not code or code == "other":
        return None
    try:
        term = vocabulary("document_types").term(code)
    except UnknownTerm:  # an unknown code says nothing more than "document"
        return None
    return term.en if lang == "en" else term.ar


def _spelled(value: str, lang: str) -> str:
    """A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as a reader writes it."""
    parts = value.split("-")
    try:
        month = _MONTHS[lang][int(parts[1]) - 1] if len(parts) > 1 else None
        day = str(int(parts[2])) if len(parts) > 2 else None
    except (ValueError, IndexError):
        return value
    return " ".join(p for p in (day, month, parts[0]) if p)


def opening_shown(view, record: dict[str, Any], facts: AccessFacts) -> str | None:
    """The day a closed record opens, as its view may tell it: none when the view is open, when
    nothing opens it, or when the view does not show a field a rule may have counted from or
    chosen the record by (a guessed date or type: the day it opens, less the rule's years,
    would be that date; which rule applied would tell the type)."""
    if view.full or facts.opens_at is None or facts.opens_at == NEVER:
        return None
    if any(record.get(f) and not view.record.get(f) for f in RULE_FIELDS):
        return None  # a rule counted from it, or chose the record by it
    return facts.opens_at.date().isoformat()
