"""Did you mean: for a typed word no record holds, the closest word the texts hold, written as a
record the audience may read writes it; and a learned translation written the same way."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from whoosh.query import Term
from whoosh.support.levenshtein import distance

from archive.catalog import RecordText
from archive.index.analysis import analyze, bilingual_analyzer
from archive.index.matches import Evaluation
from archive.index.parallel import holder

SUGGEST_FROM = ("title", "names", "places", "body")  # where did-you-mean finds words


class Suggesting:
    """Mixed into RecordSearch (archive/index/search.py), whose view of a record it reads."""

    _seen: Callable[..., tuple[dict[str, Any], RecordText | None] | None]

    def _suggest(
        self,
        evaluation: Evaluation,
        words: list[str],
        text: str,
        audience: str,
        now,
        ids_of,
        lexicon,
    ) -> list[str]:
        """For each typed word no text field holds, the word of the texts closest to it
        (within two edits of its indexed form, the most frequent first), written as a text
        the audience may read writes it."""
        corrected, changed = text, False
        for word in words:
            forms = analyze(word)
            if len(forms) != 1 or any(evaluation.doc_frequency(f, forms[0]) for f in SUGGEST_FROM):
                continue
            best: tuple[int, int, str, str] | None = None  # (edits, -frequency, field, term)
            typed_form = forms[0]
            for name in SUGGEST_FROM:
                # the field's terms that share the first letter, by one distance function
                # (Whoosh's own search differs between one segment and several)
                terms = lexicon(name)
                lo = bisect.bisect_left(terms, typed_form[:1])
                hi = bisect.bisect_left(terms, typed_form[:1] + "\uffff")
                for term in terms[lo:hi]:
                    if abs(len(term) - len(typed_form)) > 2:
                        continue
                    edits = distance(term, typed_form, limit=3)
                    if edits > 2:
                        continue
                    frequency = evaluation.doc_frequency(name, term)
                    if not frequency:  # only in documents removed from this index
                        continue
                    found = (edits, -frequency, name, term)
                    best = min(best, found) if best else found
            if best is None:
                continue
            holders, _ = evaluation.matches(Term(best[2], best[3]), scored=False)
            surface = self._written_form(min(ids_of(holders)), best[3], word, audience, now)
            if surface:
                corrected = corrected.replace(word, surface, 1)
                changed = True
        return [corrected] if changed else []

    def _learned_form(self, evaluation: Evaluation, term: str, audience: str, now) -> str:
        """A learned term as a record that taught it writes it (the stem where none can)."""
        found = holder(evaluation, term)
        return (self._written_form(found, term, term, audience, now) if found else None) or term

    def _written_form(
        self, record_id: str, term: str, typed: str, audience: str, now
    ) -> str | None:
        """How a record (the one with the lowest identifier that holds the term) writes an
        indexed term: among its words, the one closest to what was typed."""
        seen = self._seen(record_id, audience, now)
        if seen is None:
            return None
        record, text = seen
        writings = [record.get("title_en"), record.get("title_ar")]
        writings += [a["name"] for a in record.get("agents", [])]
        writings += record.get("places", []) + (text.pages if text else [])
        found = {
            page[t.startchar : t.endchar]
            for page in writings
            if page
            for t in _HIGHLIGHT_ANALYZER(page, chars=True)
            if t.text == term
        }
        if not found:
            return None
        lowered = typed == typed.lower()
        forms = {f.lower() if lowered else f for f in found}
        return min(forms, key=lambda f: (distance(f, typed), f))


_HIGHLIGHT_ANALYZER = bilingual_analyzer()
