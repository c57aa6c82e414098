"""The index schema: what a record is searched and shown by. Bump SCHEMA_VERSION whenever a
field or the analysis changes; an index of another version is rebuilt, not read."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from archive.index.analysis import ANALYSIS_VERSION, bilingual_analyzer
from archive.index.formats import PackedPositions
from archive.index.parallel import unit_field

SCHEMA_VERSION = 7 * 100 + ANALYSIS_VERSION

# The text fields a plain word is looked for in, with their weight.
TEXT_FIELDS = {
    "title": 3.0,
    "abstract": 1.5,
    "names": 2.0,
    "subjects": 1.5,
    "context": 0.2,  # process and session names: shared by every record of a process
    "places": 1.0,
    "body": 1.0,
    "identifiers": 2.0,
}
FACETS = ("process", "track", "document_type", "languages", "year", "agents")


def _text(analyzer) -> TEXT:
    """A text field whose word positions numpy can read in bulk (phrases)."""
    field = TEXT(analyzer=analyzer, phrase=True)
    field.format = PackedPositions(field_boost=field.format.field_boost)
    return field


def build_schema() -> Schema:
    analyzer = bilingual_analyzer()
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),  # a column: ties broken by it
        title=_text(analyzer),
        abstract=_text(analyzer),
        body=_text(analyzer),
        names=_text(analyzer),
        subjects=_text(analyzer),
        context=_text(analyzer),  # process, session, venue, conflict, type labels
        places=_text(analyzer),
        identifiers=_text(bilingual_analyzer(stem=False, stop=False)),
        namekey=KEYWORD(lowercase=False, scorable=True),  # keys of Latin-written words
        namekey_ar=KEYWORD(lowercase=False, scorable=True),  # keys of Arabic words
        roots=KEYWORD(lowercase=False, scorable=True),  # roots of Arabic words (a fallback)
        units_ar=unit_field(),  # a bilingual record's aligned units (archive/index/parallel.py)
        units_en=unit_field(),
        process=ID(stored=True),
        session=ID(stored=True),
        collection=ID(stored=True),
        track=ID(stored=True),
        document_type=ID(stored=True),
        languages=KEYWORD(stored=True, commas=True),
        agents=KEYWORD(stored=True, commas=True),
        subject_codes=KEYWORD(commas=True),
        year=KEYWORD(commas=True),
        date_from=NUMERIC(int, bits=32, stored=True, sortable=True),
        date_to=NUMERIC(int, bits=32, sortable=True),  # a column: ranges in numpy
        title_sort=ID(sortable=True),
        shown=STORED,  # what a result shows: titles, date, type, languages, process, path, pages
    )
