"""Translations a depository teaches: the words of its own bilingual records, paired.

Many mediation records come in both languages in one file (a communiqué, an agreement, a
participant list: the Arabic text, then the English one) and most carry a title in each.
Aligned sentence by sentence, they are a parallel corpus of the collection's own words
(نبع ↔ spring, ثلج ↔ ice, مسبق ↔ prepaid) that a general dictionary lacks or gives in
another sense.

A record's text is split by script into its Arabic and its English part, each part into
sentences, and the sentences aligned by length and shared numbers (a dynamic programme in
the manner of Gale and Church, allowing one sentence to match two). Each aligned pair, and
the pair of titles, is a unit: the Arabic terms and the English terms it holds, analysed as
the index analyses them. Over the units, a pair of terms seen together in MIN_UNITS units or
more is a translation when its Dice coefficient reaches MIN_DICE.

Each audience's index holds the units of the records it may read, as the audience sees
them (redactions applied): two fields, `units_ar` and `units_en`, in which every term of a
record's k-th unit stands at position k, and a column keeps each unit's terms a line. A translation is looked for only
when a query asks for a word, among the units that hold it (`taught`): the other language's
terms at the same positions of the same records, counted over live documents only, so that
a record closed to the audience (or removed and not yet merged away) teaches it nothing, and
nothing is counted ahead for 100,000 records.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from whoosh.analysis import Token, Tokenizer
from whoosh.columns import CompressedBytesColumn
from whoosh.fields import TEXT

from archive import arabic
from archive.index.analysis import analyze, is_arabic
from archive.index.formats import PackedPositions
from archive.index.matches import column

if TYPE_CHECKING:
    from archive.index.matches import Evaluation

MIN_UNITS = 2  # aligned units a pair must share
MIN_DICE = 0.8  # 2·shared / (units of one + units of the other)
KEPT = 2  # translations kept per term, the best first
TEACHING_UNITS = 60  # a word in more records' units than this is common: the dictionary's
MAX_SENTENCES = 400  # per language: a longer text is aligned by its first ones only
BAND = 20  # sentences off the diagonal an alignment may stray

_ARABIC_LETTER = re.compile(f"[{arabic.LETTERS_BASIC}]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
_NUMBER = re.compile(r"\d+")
# costs of the alignment: a sentence left without a partner, two sentences read as one
_UNMATCHED = 6.0
_MERGED = 0.8
_LENGTH = 3.0  # per unit of |log(length ratio)|
_NUMBERS_DIFFER = 2.0
_NUMBERS_SHARED = 1.0

Unit = tuple[frozenset[str], frozenset[str]]  # (Arabic terms, English terms)


def parts_by_script(text: str) -> tuple[str, str]:
    """A bilingual text's Arabic lines and its Latin lines, each joined into one text."""
    arabic, latin = [], []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        ar, en = len(_ARABIC_LETTER.findall(line)), len(_LATIN_LETTER.findall(line))
        (arabic if ar > en else latin).append(line)
    return " ".join(arabic), " ".join(latin)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def align(arabic: list[str], english: list[str]) -> list[tuple[str, str]]:
    """The sentences of two translations paired in order: one with one, one with two, two
    with one, or left alone, whichever costs least over the whole text."""
    n, m = len(arabic), len(english)
    if not n or not m:
        return []
    ratio = sum(map(len, english)) / max(1, sum(map(len, arabic)))
    numbers_a = [set(_NUMBER.findall(s)) for s in arabic]
    numbers_e = [set(_NUMBER.findall(s)) for s in english]

    def cost(i0: int, i1: int, j0: int, j1: int) -> float:
        if i0 == i1 or j0 == j1:
            return _UNMATCHED
        length_a = sum(len(arabic[k]) for k in range(i0, i1)) * ratio
        length_e = sum(len(english[k]) for k in range(j0, j1))
        found = _LENGTH * abs(math.log((length_a + 1) / (length_e + 1)))
        na = set().union(*numbers_a[i0:i1])
        ne = set().union(*numbers_e[j0:j1])
        if na or ne:
            found += _NUMBERS_DIFFER * len(na ^ ne) / len(na | ne)
            found -= _NUMBERS_SHARED * bool(na & ne)
        return found + (_MERGED if (i1 - i0) + (j1 - j0) > 2 else 0.0)

    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m // n  # a band about the diagonal: translations keep their order
        for j in range(max(0, centre - BAND), min(m, centre + BAND) + 1):
            if best[i][j] == math.inf:
                continue
            for di, dj in ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1)):
                if i + di <= n and j + dj <= m:
                    c = best[i][j] + cost(i, i + di, j, j + dj)
                    if c < best[i + di][j + dj]:
                        best[i + di][j + dj] = c
                        back[i + di][j + dj] = (i, j)
    pairs: list[tuple[str, str]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None
        pi, pj = step
        if i > pi and j > pj:
            pairs.append((" ".join(arabic[pi:i]), " ".join(english[pj:j])))
        i, j = pi, pj
    return pairs[::-1]


def _unit(arabic: str, english: str) -> Unit | None:
    ar = frozenset(t for t in analyze(arabic) if _ARABIC_LETTER.search(t))
    en = frozenset(t for t in analyze(english) if _LATIN_LETTER.search(t))
    return (ar, en) if ar and en else None


def record_units(
    pages: Iterable[str], title_ar: str | None, title_en: str | None, *, bilingual: bool = True
) -> list[Unit]:
    """A record's aligned units: its text's sentence pairs where it holds both languages
    (`bilingual`: the record's languages say so), and its pair of titles."""
    pairs = []
    if bilingual:
        arabic, english = parts_by_script("\n".join(pages))
        if arabic and english:
            pairs = align(sentences(arabic)[:MAX_SENTENCES], sentences(english)[:MAX_SENTENCES])
    if title_ar and title_en:
        pairs.append((title_ar, title_en))
    return [u for u in (_unit(a, e) for a, e in pairs) if u is not None]


class UnitTokenizer(Tokenizer):
    """Terms already analysed, one unit a line: every term of the k-th unit at position k."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for at, line in enumerate(value.split("\n")):
            for term in dict.fromkeys(line.split()):
                token.text, token.boost, token.stopped = term, 1.0, False
                if positions:
                    token.pos = start_pos + at
                if chars:
                    token.startchar = token.endchar = start_char
                yield token


def unit_field() -> TEXT:
    """A field of units: searched by no query, read by `taught` (its positions, and its value,
    a unit's terms a line, kept in a column of its own: read faster than a term vector, and
    not in the stored fields every hit reads)."""
    field = TEXT(analyzer=UnitTokenizer(), phrase=True)
    field.format = PackedPositions()
    field.column_type = CompressedBytesColumn()
    field.scorable = False
    return field


def unit_fields(units: list[Unit]) -> dict[str, str]:
    """The values of `units_ar` and `units_en` for a record's units."""
    if not units:
        return {}
    return {
        "units_ar": "\n".join(" ".join(sorted(ar)) for ar, _ in units),
        "units_en": "\n".join(" ".join(sorted(en)) for _, en in units),
    }


def taught(evaluation: Evaluation, term: str) -> list[str]:
    """The other language's terms the audience's own bilingual records pair with an analysed
    term (KEPT at most, the best first): seen with it in MIN_UNITS units or more, at a Dice
    coefficient of MIN_DICE or more, and pairing with nothing better themselves (a word of
    every title, جولة, goes with round, not with each topic its titles name). Only live
    documents count."""
    kept = []
    for _, word in _partners(evaluation, term)[:KEPT]:
        rivals = _partners(evaluation, word)
        if any(other == term for best, other in rivals if best >= rivals[0][0]):
            kept.append(word)
    return kept


def holder(evaluation: Evaluation, term: str) -> str | None:
    """The record with the lowest identifier whose units hold a term (where to read how it
    is written), or None. The lowest, not the first found: which is first depends on how the
    index is laid out, and what an audience is shown must not."""
    name = "units_ar" if is_arabic(term) else "units_en"
    lowest = None
    for reader, docnum, _ in evaluation.places(name, term):
        found = column(reader, "id")[docnum]
        found = found.decode() if isinstance(found, bytes) else found
        if lowest is None or found < lowest:
            lowest = found
    return lowest


def _partners(evaluation: Evaluation, term: str) -> list[tuple[float, str]]:
    """(Dice, term) of the other language's terms seen with a term in MIN_UNITS units or
    more, at MIN_DICE or more, the best first."""
    source, other = ("units_ar", "units_en") if is_arabic(term) else ("units_en", "units_ar")
    if not 0 < evaluation.doc_frequency(source, term) <= TEACHING_UNITS:  # records
        return []
    holding = 0
    shared: Counter[str] = Counter()
    for reader, docnum, at in evaluation.places(source, term):
        holding += len(at)
        units = column(reader, other)[docnum].split("\n")
        for k in at:
            if k < len(units):
                shared.update(units[k].split())
    if not MIN_UNITS <= holding <= TEACHING_UNITS:
        return []
    found = []
    # a word's units hold its units with the term: Dice ≤ 2·together / (holding + together)
    least = max(MIN_UNITS, math.ceil(MIN_DICE * holding / (2 - MIN_DICE) - 1e-9))
    for word, together in shared.items():
        if together < least:
            continue
        # the other word's records bound its units from below: most fail before counting
        if 2 * together / (holding + evaluation.doc_frequency(other, word)) < MIN_DICE:
            continue
        units = sum(len(at) for _, _, at in evaluation.places(other, word))
        dice = 2 * together / (holding + units)
        if dice >= MIN_DICE:
            found.append((dice, word))
    return sorted(found, key=lambda f: (-f[0], f[1]))
