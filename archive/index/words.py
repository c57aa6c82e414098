"""The queries of one typed word: in any text field, as a phrase, by the keys of a name, with
its translations, read as two words; and whether any record may match one. With
archive/index/queries.py, what builds the Whoosh queries of a search."""

from __future__ import annotations

from typing import Any

from whoosh.query import And, Or, Phrase, Query, Term

from archive.index.analysis import analyze, arabic_root, is_arabic
from archive.index.dictionary import lookup as dictionary_lookup
from archive.index.matches import Evaluation
from archive.index.parallel import taught
from archive.index.schema import TEXT_FIELDS

NAMEKEY_BOOST = 0.4
# a general dictionary's translations: weighed as a thesaurus label is (from 0.4: cross-lingual
# recall@10 0.890 -> 0.910 on bench/outsider-set and 0.894 -> 0.917 on a held-out collection
# nobody tuned on; the own set's keyword queries lose one record from rank 10 to 11)
DICTIONARY_BOOST = 0.8
ROOT_BOOST = 0.2  # an Arabic word's root: the coarsest match, weighed lowest
# where a translation is looked for: the text, not names, places or identifiers (each field
# more is a posting list more to read for each translation)
TRANSLATION_FIELDS = ("title", "abstract", "subjects", "body")


def any_field(term: str, boost: float = 1.0) -> Query:
    return Or([Term(f, term, boost=w * boost) for f, w in TEXT_FIELDS.items()])


def phrase_any_field(
    terms: tuple[str, ...] | list[str],
    boost: float = 1.0,
    slop: int = 2,
    fields: tuple[str, ...] | None = None,
) -> Query:
    weights = {f: w for f, w in TEXT_FIELDS.items() if fields is None or f in fields}
    if len(terms) == 1:
        return Or([Term(f, terms[0], boost=w * boost) for f, w in weights.items()])
    return Or([Phrase(f, list(terms), slop=slop, boost=w * boost) for f, w in weights.items()])


def with_translations(
    evaluation: Evaluation,
    q: Query,
    said: str,
    terms: list[str],
    expanded: list[dict[str, Any]],
    highlight: set[str],
) -> Query:
    """A typed word no concept or name covers, or else its translations that records of this
    audience hold: those its own bilingual records teach (archive/index/parallel.py) and those
    of the general dictionary (archive/index/dictionary.py), weighed as a thesaurus label
    (DICTIONARY_BOOST) and reported as such."""

    def held(translation: tuple[str, ...]) -> bool:
        return all(any(evaluation.holds(f, t) for f in TRANSLATION_FIELDS) for t in translation)

    learned = [(t,) for t in taught(evaluation, terms[0])] if len(terms) == 1 else []
    if learned:
        expanded.append(
            {"said": said, "kind": "collection", "code": None, "also": [t for (t,) in learned]}
        )
    found = [t for t in dictionary_lookup(terms, held) if t.terms not in learned]
    if found:
        expanded.append(
            {"said": said, "kind": "dictionary", "code": None, "also": [t.written for t in found]}
        )
    if not found and not learned:
        return q
    translations = [*learned, *(t.terms for t in found)]
    for t in translations:
        highlight.update(t)
    options = [
        q,
        *(phrase_any_field(t, DICTIONARY_BOOST, fields=TRANSLATION_FIELDS) for t in translations),
    ]
    roots = {arabic_root(t.written) for t in found if len(t.terms) == 1 and is_arabic(t.written)}
    options += [Term("roots", r, boost=ROOT_BOOST) for r in sorted(roots - {None})]
    return Or(options)


def may_match(evaluation: Evaluation, q: Query) -> bool:
    """Whether some record may match a query: one of its terms is held somewhere (its phrases
    and conjunctions may still match nothing; this only finds the words no record holds)."""
    return any(
        evaluation.doc_frequency(t.fieldname, t.text) for t in q.leaves() if type(t) is Term
    ) or any(
        all(evaluation.doc_frequency(p.fieldname, w) for w in p.words)
        for p in q.leaves()
        if type(p) is Phrase
    )


def compound_parts(evaluation: Evaluation, word: str) -> list[str] | None:
    """A Latin word no record holds, read as two words records hold (schoolgirls: school,
    girls; ceasefire: cease, fire), split where both parts are commonest; their terms. The
    right part is looked up only where the left one could beat the best split so far."""
    best, best_count = None, 0
    for cut in range(3, len(word) - 2):
        left = analyze(word[:cut])
        if len(left) != 1:
            continue
        held = _records_holding(evaluation, left[0])
        if held <= best_count:
            continue
        right = analyze(word[cut:])
        if len(right) != 1:
            continue
        count = min(held, _records_holding(evaluation, right[0]))
        if count > best_count:
            best, best_count = [left[0], right[0]], count
    return best


def _records_holding(evaluation: Evaluation, term: str) -> int:
    """How many records hold the term in the text field that holds it most."""
    return max(evaluation.doc_frequency(f, term) for f in TEXT_FIELDS)


def keys_query(
    parts: list[frozenset[str]], fields: tuple[str, ...], boost: float = NAMEKEY_BOOST
) -> Query:
    """Every part of a name by one of its keys, in one of the fields."""
    return And(
        [Or([Term(f, k, boost=boost) for f in fields for k in sorted(part)]) for part in parts]
    )


def all_words(terms: list[str]) -> Query:
    """Each term somewhere in the record, in any order and any field."""
    return And([any_field(t) for t in terms]) if len(terms) > 1 else any_field(terms[0])
