"""A transliteration key that Arabic names and their Latin spellings share.

Rule-based, per word: both scripts are reduced to a skeleton of consonant classes (vowels,
hamza, ʿayn and the article dropped; letters that transliterations confuse merged: ح ه خ and
h/kh, ق ك and q/k/g… ), so محمد حداد, Mohammed Haddad, Muhammad al-Haddad and Mohamed
El-Haddad all give `mhmd hdd`. It is lossy on purpose and indexed in a field of its own, used to
find a name that has no authority record from the other script, not to rank ordinary words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from archive.index.analysis import fold_latin, is_arabic, normalize_arabic

_ARABIC_CLASSES = {
    "ب": "b",
    "ت": "t",
    "ث": "t",
    "ط": "t",
    "ج": "j",
    "ح": "h",
    "خ": "h",
    "ه": "h",
    "د": "d",
    "ذ": "d",
    "ض": "d",
    "ر": "r",
    "ز": "z",
    "ظ": "z",
    "س": "s",
    "ش": "s",
    "ص": "s",
    "ع": "",
    "غ": "g",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ا": "",
    "ء": "",
    "ئ": "",
    "ؤ": "",
    "ي": "y",
    "و": "w",
    "پ": "b",
    "چ": "j",
    "گ": "k",
    "ڤ": "f",
    "ک": "k",
    "ی": "y",
}
# Digraphs first, then single letters; vowels go.
# (Upper case marks a class already decided, so the single-letter rules leave it alone.)
_LATIN_RULES = [
    ("kh", "H"),
    ("gh", "G"),
    ("sh", "S"),
    ("ch", "S"),
    ("th", "T"),
    ("dh", "D"),
    ("dj", "J"),
    ("ph", "F"),
    ("ou", "W"),
    ("oo", "W"),
    ("ee", "Y"),
]
_LATIN_SINGLE = {
    "q": "k",
    "c": "k",
    "g": "j",
    "p": "b",
    "v": "f",
    "x": "ks",
    "e": "",
    "a": "",
    "i": "",
    "o": "",
    "u": "",
}
_COMPOUND_ABD = re.compile(r"^(abd|abdel|abdul|abdal|abdol|abdil)$")
_LATIN_ARTICLE = re.compile(r"^(al|el|ul|ad|ar|as|ash|at|az|an|ed|er|es|et|ez)$")
MIN_KEY = 2


def _arabic_key(word: str) -> str:
    word = normalize_arabic(word)
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    out = []
    for i, ch in enumerate(word):
        cls = _ARABIC_CLASSES.get(ch, "")
        if cls in ("w", "y") and i > 0:  # و and ي inside a word are mostly long vowels
            continue
        out.append(cls)
    return "".join(out)


def _latin_key(word: str) -> str:
    word = re.sub(r"[^a-z]", "", fold_latin(word))
    if _COMPOUND_ABD.match(word):
        return "bd"
    for digraph, cls in _LATIN_RULES:
        word = word.replace(digraph, cls)
    out = []
    for i, ch in enumerate(word):
        cls = _LATIN_SINGLE.get(ch, ch).lower()
        if cls in ("w", "y") and i > 0:
            continue
        out.append(cls)
    return "".join(out)


def _squeeze(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    if is_arabic(word):
        return _squeeze(_arabic_key(word))
    folded = fold_latin(word)
    if _LATIN_ARTICLE.match(folded):
        return ""
    return _squeeze(_latin_key(word))


def name_keys(text: str, *, running_text: bool = False) -> list[str]:
    """Keys of the words of a name or text, in order; words that reduce to too little are left
    out. In running text only the words that may be names: Arabic words (Arabic has no
    capitals) and capitalised Latin ones."""
    words = re.findall(r"[^\W\d_]+(?:['’ʿ][^\W\d_]+)*", text.replace("-", " "))
    keys = []
    for w in words:
        if running_text and w[0].islower():
            continue
        key = word_key(w)
        if len(key) >= MIN_KEY:
            keys.append(key)
    return keys
