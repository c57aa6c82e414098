"""Bilingual analysis: each token routed by script.

Arabic tokens: orthographic normalization (hamza forms of alef, alef maqsura, ta marbuta,
tatweel, harakat, digits) and light10 stemming (Larkey et al., as Lucene and Elasticsearch
do). Latin tokens: lowercase, accents and letters that do not decompose folded, apostrophes
and ʿayn marks dropped, English Snowball stemming. The harakat stay inside the token's span so
that highlighting lands on the original text. Filters keep only their configuration when
pickled (Whoosh stores the schema, analyzers included, in the index) and live at this path.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from whoosh.analysis import Composable, Filter, RegexTokenizer

from archive import arabic

ANALYSIS_VERSION = 5
TERM_CACHE_SIZE = 200_000

ARABIC_MARKS = arabic.MARKS
# A word: letters and digits with Arabic marks inside it; an apostrophe or ʿayn sign between
# Latin letters stays in (Sa'id, Saʿid, Qur’an) and is dropped when folding.
TOKEN_PATTERN = rf"[\w{ARABIC_MARKS}]+(?:['’ʼ][\w{ARABIC_MARKS}]+)*"
_ARABIC_LETTER = re.compile(f"[{arabic.LETTERS}]")

_ARABIC_FOLD = str.maketrans(
    {
        "\u0622": "\u0627",
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0671": "\u0627",  # آ أ إ ٱ → ا
        "\u0649": "\u064a",  # ى → ي
        "\u0629": "\u0647",  # ة → ه
        "\u06cc": "\u064a",  # ی (Farsi yeh, Persian keyboards) → ي
        "\u06d2": "\u064a",  # ے → ي
        "\u06a9": "\u0643",  # ک (keheh) → ك
        "\u06c0": "\u0647",  # ۀ → ه
        "\u0640": None,  # tatweel
        **dict.fromkeys(arabic.characters(arabic.VOWEL_SIGNS)),  # harakat
        "\u0670": None,
        "\u0653": None,
        "\u0654": None,
        "\u0655": None,
    }
)
_DIGITS = str.maketrans(
    {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}}
)
_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
# light10's suffixes, with the attached pronouns هم، هن، كم after ها (آبارهم finds آبار).
_SUFFIXES = (
    "ها",
    "هم",
    "هن",
    "كم",
    "تان",
    "تين",
    "ان",
    "ات",
    "ون",
    "ين",
    "يه",
    "ية",
    "ه",
    "ة",
    "ي",
)
# The feminine dual (قريتين، الحكومتان: ة written ت before the ending) goes where three
# letters stay; the plain dual and plural endings after it, as light10 has them.
_DUAL = frozenset(("تان", "تين"))
_DUAL_STEM = 3
# The pronouns cut only a word that keeps four letters: a shorter one ends in its own root
# letters (تفاهم، متهم، حاكم، راهن), not in a pronoun.
_PRONOUNS = frozenset(("هم", "هن", "كم"))
_PRONOUN_STEM = 4

_LATIN_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "ı": "i",
        "ħ": "h",
        "ŋ": "n",
        "ſ": "s",
        "'": None,
        "’": None,
        "ʼ": None,
        "ʿ": None,
        "ʾ": None,
        "ʻ": None,
        "`": None,
    }
)

# English, plus the Arabic article as names write it in Latin letters (al-Haddad, El-Haddad).
LATIN_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "al",
        "el",
    ]
)
# English words a typed query holds around what it is about (prepositions, pronouns,
# auxiliaries, conjunctions): indexed, and found in phrases, but no word a record must hold
# when the query has others ("ceasefire between the two quarters" is about the ceasefire and
# the quarters). Arabic ones (بين، عند) are stop words of the index already.
LATIN_FUNCTION_WORDS = frozenset([
    "about", "above", "across", "after", "against", "along", "also", "among", "around", "because",
    "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "both",
    "but", "can", "could", "did", "do", "does", "done", "during", "each", "either", "every",
    "had", "having", "he", "her", "hers", "him", "his", "how", "however", "i", "if", "into", "me",
    "more", "most", "my", "near", "neither", "no", "nor", "not", "off", "onto", "other", "our",
    "ours", "out", "over", "per", "she", "should", "since", "so", "some", "such", "than", "then",
    "there", "these", "they", "them", "their", "theirs", "those", "though", "through",
    "throughout", "till", "toward", "towards", "under", "unless", "until", "up", "upon", "us",
    "very", "via", "we", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "why", "within", "without", "would", "you", "your", "yours",
])  # fmt: skip
# After normalization (so ى → ي, ة → ه, hamza on alef dropped).
ARABIC_STOP_WORDS = frozenset(
    [
        "في",
        "من",
        "علي",
        "الي",
        "عن",
        "مع",
        "ان",
        "او",
        "ثم",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "هو",
        "هي",
        "هم",
        "كان",
        "كانت",
        "قد",
        "لا",
        "ما",
        "لم",
        "لن",
        "كل",
        "بين",
        "عند",
    ]
)


def is_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def normalize_arabic(word: str) -> str:
    return unicodedata.normalize("NFKC", word).translate(_ARABIC_FOLD)


def _strip_prefix(word: str) -> tuple[str, str]:
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            rest = len(word) - len(prefix)
            if (len(prefix) == 1 and len(word) >= 4) or (len(prefix) > 1 and rest >= 2):
                return word[len(prefix) :], prefix
    return word, ""


def light_stem_arabic(word: str) -> str:
    """light10: at most one prefix (in order), then each suffix tried once (in order).

    One addition: after و, a prefix that carries the article (بال، كال، فال، لل، ال) goes too,
    so وبالمفاوضات stems like المفاوضات (light10 alone stops at بالمفاوض)."""
    word, prefix = _strip_prefix(word)
    if prefix == "و" and word.startswith(("بال", "كال", "فال", "لل", "ال")):
        word, _ = _strip_prefix(word)
    for suffix in _SUFFIXES:
        least = _PRONOUN_STEM if suffix in _PRONOUNS else _DUAL_STEM if suffix in _DUAL else 2
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            word = word[: -len(suffix)]
    return word


def fold_latin(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_LATIN_SPECIAL)


class ScriptFilter(Filter):
    """Route each token by script: Arabic normalization and light stemming, or Latin folding
    and English stemming; drop stop words of either language (positions are kept)."""

    is_morph = True

    def __init__(self, stem: bool = True, stop: bool = True):
        self.stem, self.stop = stem, stop
        self._stemmer = None
        self._terms: dict[str, str | None] = {}  # words repeat: analyse each once

    def __getstate__(self):
        return {"stem": self.stem, "stop": self.stop}

    def __setstate__(self, state):
        self.__init__(**state)

    def __eq__(self, other):
        return type(other) is type(self) and self.__getstate__() == other.__getstate__()

    def _english(self, word: str) -> str:
        if self._stemmer is None:
            import Stemmer

            self._stemmer = Stemmer.Stemmer("english")
        return self._stemmer.stemWord(word)

    def term(self, text: str) -> str | None:
        """The indexed form of one word, or None for a stop word."""
        try:
            return self._terms[text]
        except KeyError:
            pass
        if len(self._terms) >= TERM_CACHE_SIZE:
            self._terms.clear()
        term = self._terms[text] = self._term(text)
        return term

    def _term(self, text: str) -> str | None:
        text = text.translate(_DIGITS)  # Arabic-Indic and Persian digits are digits
        if is_arabic(text):
            word = normalize_arabic(text)
            if self.stop and word in ARABIC_STOP_WORDS:
                return None
            return light_stem_arabic(word) if self.stem else word
        word = fold_latin(text)
        if self.stop and word in LATIN_STOP_WORDS:
            return None
        return self._english(word) if self.stem and not word.isdigit() else word

    def __call__(self, tokens):
        for token in tokens:
            term = self.term(token.text)
            if term is None:  # a stop word: dropped, its position left empty
                continue
            token.text = term
            yield token


def bilingual_analyzer(stem: bool = True, stop: bool = True) -> Composable:
    return RegexTokenizer(TOKEN_PATTERN) | ScriptFilter(stem=stem, stop=stop)


def phrase_slop(text: str) -> int:
    """How far apart a phrase's terms may stand: one more than the widest gap its dropped stop
    words leave ("state of the river" keeps state and river three positions apart)."""
    positions = [t.pos for t in bilingual_analyzer()(text, positions=True)]
    gaps = [b - a for a, b in itertools.pairwise(positions)]
    return max(gaps, default=1) + 1


_SHARED: dict[tuple[bool, bool], Composable] = {}
_WORD = re.compile(TOKEN_PATTERN)
_SPAN_FILTER = ScriptFilter()
_UNSEEN = object()


def term_spans(text: str, terms: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Where in the text words indexed under one of the terms stand (start, end): what the
    analyzer does, without building a token per word (snippets of every hit on a page)."""
    term, known = _SPAN_FILTER.term, _SPAN_FILTER._terms
    spans = []
    for m in _WORD.finditer(text):
        word = m.group()
        found = known.get(word, _UNSEEN)  # the filter's own cache, without a call per word
        if found is _UNSEEN:
            found = term(word)
        if found in terms:
            spans.append(m.span())
    return spans


def analyze(text: str, stem: bool = True, stop: bool = True) -> list[str]:
    """The terms a text is indexed under, in order (for tests, expansion and query building)."""
    analyzer = _SHARED.get((stem, stop))
    if analyzer is None:
        analyzer = _SHARED[(stem, stop)] = bilingual_analyzer(stem, stop)
    return [t.text for t in analyzer(text)]


_ROOTS: dict[str, str] = {}


def arabic_root(word: str) -> str | None:
    """The root an Arabic word is built on (ISRI's root stemmer: شباك، الشبكة، شبكات → شبك;
    تلقيح، اللقاح → لقح), a coarser key than the light stem: it joins broken plurals and
    derived forms the light stem keeps apart, and some words it should not (مطعم، طعم), so it
    is looked for at a low weight only. None for a word of fewer than three letters."""
    found = _ROOTS.get(word)
    if found is None:
        normal = normalize_arabic(word)
        if len(_ROOTS) >= TERM_CACHE_SIZE:
            _ROOTS.clear()
        found = _ROOTS[word] = _ISRI.stem(normal) if len(normal) >= 3 else ""
    return found or None


class _LazyIsri:
    _stemmer = None

    def stem(self, word: str) -> str:
        if self._stemmer is None:
            from whoosh.lang.isri import ISRIStemmer

            type(self)._stemmer = ISRIStemmer()
        return self._stemmer.stem(word)


_ISRI = _LazyIsri()
