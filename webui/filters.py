"""Template filters: directions, labels and the shapes values are shown in."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Flask, g
from jinja2 import pass_context

from archive.errors import ArchiveError
from archive.vocabulary import thesaurus
from webui.i18n import field_label, term_label, text_direction

FACET_FIELDS = {  # a facet's name → the query field that filters by it
    "process": "process",
    "track": "track",
    "document_type": "type",
    "languages": "lang",
    "year": "date",
    "agents": "agent",
}
DATE_FIELDS = {"date", "date_end", "embargo_until"}  # written as the page's language writes dates
VOCABULARY_FIELDS = {
    "document_type": "document_types",
    "status": "publication_status",
    "access": "audiences",
    "description_visibility": "description_visibility",
}


def register(app: Flask) -> None:
    """Filters that read the request (its language) take the context, which keeps Jinja from
    evaluating them once when the template is compiled: `{{ 'agents' | label }}` would
    otherwise say "Agents" to every visitor after the first, whatever their language."""
    app.add_template_filter(text_direction, "direction")
    app.add_template_filter(_request_bound(lambda name: field_label(name, g.lang)), "label")
    app.add_template_filter(
        _request_bound(lambda code, vocab: term_label(vocab, code, g.lang)), "term"
    )
    app.add_template_filter(lambda name: FACET_FIELDS.get(name, name), "facet_field")
    app.add_template_filter(_request_bound(_other_language), "other_language")
    app.add_template_filter(_request_bound(_shown), "shown")


def _request_bound(function):
    @pass_context
    def bound(context, *args):
        return function(*args)

    return bound


def _other_language(args) -> str:
    """The query string of this page in the other language."""
    pairs = [(k, v) for k, v in args.items(multi=True) if k != "lang"]
    return urlencode([*pairs, ("lang", "en" if g.lang == "ar" else "ar")])


def _shown(value: Any, key: str) -> str:
    if key in DATE_FIELDS and isinstance(value, str):
        return g.t.date(value)
    if key in VOCABULARY_FIELDS and isinstance(value, str):
        return term_label(VOCABULARY_FIELDS[key], value, g.lang)
    if key == "subjects" and isinstance(value, str):
        try:
            return thesaurus().concept(value).pref[g.lang]
        except (ArchiveError, KeyError):
            return value
    if key in ("process", "session") and isinstance(value, str):
        names = g.setdefault(f"{key}_names", {})  # a page names a process many times
        if value not in names:
            names[value] = _authority_name(key, value)
        return names[value]
    if isinstance(value, list):
        return ("، " if g.lang == "ar" else ", ").join(
            term_label("languages", v, g.lang) if key == "languages" else _shown(v, key)
            for v in value
        )
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _authority_name(kind: str, identifier: str) -> str:
    """A process's or session's name in the page's language (a session: its title, or its
    number and date), else its identifier."""
    catalog = g.site.depository.catalog
    try:
        described = (
            catalog.process(identifier) if kind == "process" else catalog.session(identifier)
        )
    except ArchiveError:
        return identifier
    field = "name" if kind == "process" else "title"
    named = described.get(f"{field}_{g.lang}") or described.get(f"{field}_en")
    if named:
        return named
    if kind == "session" and described.get("number"):
        label = "الجلسة" if g.lang == "ar" else "Session"
        date = f" ({described['date']})" if described.get("date") else ""
        return f"{label} {described['number']}{date}"
    return identifier
