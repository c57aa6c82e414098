"""A transliteration key that Arabic names and their Latin spellings share.

Rule-based, per word: both scripts are reduced to a skeleton of consonant classes (vowels,
hamza, ʿayn and the article dropped; letters that transliterations confuse merged: ح ه خ and
h/kh, ق ك and q/k… ), so محمد حداد, Mohammed Haddad, Muhammad al-Haddad and Mohamed
El-Haddad all give `mhmd hdd`. Where conventions differ (ث as th or s: Uthman, Osman; ج as j,
dj or g: Jamal, Djamal, Gamal; ة as -a, -ah or -e) a word has several keys, and two spellings
match when they share one. It is lossy on purpose and indexed in fields of its own, used to
find a name that has no authority record from the other script, not to rank ordinary words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from archive import arabic
from archive.index.analysis import fold_latin, is_arabic, normalize_arabic

# Each letter's classes; a letter that transliterations render two ways (ث as t or s, ذ as d
# or z, ق as k or g) gives a key for each.
_ARABIC_CLASSES: dict[str, tuple[str, ...]] = {
    "ب": ("b",), "ت": ("t",), "ث": ("t", "s"), "ط": ("t",), "ج": ("j",), "ح": ("h",),
    "خ": ("h",), "ه": ("h",), "د": ("d",), "ذ": ("d", "z"), "ض": ("d",), "ر": ("r",),
    "ز": ("z",), "ظ": ("z", "d"), "س": ("s",), "ش": ("s",), "ص": ("s",), "ع": ("",),
    "غ": ("g",), "ف": ("f",), "ق": ("k", "g"), "ك": ("k",), "ل": ("l",), "م": ("m",),
    "ن": ("n",), "ا": ("",), "ء": ("",), "ئ": ("",), "ؤ": ("",), "ي": ("y",), "و": ("w",),
    "پ": ("b",), "چ": ("j",), "گ": ("k",), "ڤ": ("f",), "ک": ("k",), "ی": ("y",),
}  # fmt: skip
# Latin digraphs first (upper case marks a class decided, left alone by the single letters).
_LATIN_RULES = [
    ("kh", "H"), ("gh", "G"), ("sh", "S"), ("ch", "S"), ("th", "T"), ("dh", "D"),
    ("dj", "J"), ("ph", "F"), ("zh", "Z"), ("ou", "W"), ("oo", "W"), ("ee", "Y"),
]  # fmt: skip
_LATIN_CLASSES: dict[str, tuple[str, ...]] = {
    "H": ("h",), "G": ("g",), "S": ("s",), "T": ("t", "s"), "D": ("d", "z"), "J": ("j",),
    "F": ("f",), "Z": ("z", "j"), "W": ("w",), "Y": ("y",),
    "q": ("k",), "c": ("k",), "k": ("k",), "g": ("j", "g", "k"), "j": ("j",), "p": ("b",),
    "v": ("f",), "x": ("ks",), "e": ("",), "a": ("",), "i": ("",), "o": ("",), "u": ("",),
}  # fmt: skip
_LATIN_ARTICLE = re.compile(r"^(al|el|ul|il|ad|ar|as|ash|at|az|an|ed|er|es|et|ez|ud|ur|us|un)$")
_LATIN_ABD = re.compile(r"^(abd(?:el|ul|al|ol|il|ou|u|e)?)(?=[a-z]{3})")
_ARABIC_ABD = re.compile(r"^عبد(?:ال)?(?=..)")
# Particles of kinship (son, daughter, father of), written apart or not: no key of their own,
# so that Abu Khalil, Abou-Khalil and Aboukhalil, or Dhahi bin Ghanim and Dhahi Ghanim, match.
_LATIN_PARTICLE = re.compile(r"^(bin|ben|ibn|bint|binte|ould|wuld|abu|abou|abo|bou|bu)$")
_LATIN_FUSED = re.compile(r"^(abou|abu|abo|bou)(?=[a-z]{4})")
_ARABIC_PARTICLES = frozenset({"بن", "ابن", "بنت", "ابو", "بو", "ولد"})
MIN_KEY = 2
_VOWEL_LETTERS = {"i": "y", "e": "y", "u": "w", "o": "w"}  # long vowels as و and ي write them
MAX_AMBIGUOUS = 3  # letters of a word read two ways that each double its keys


def _expand(classes: list[tuple[str, ...]]) -> frozenset[str]:
    """Every key the letters' classes spell, each with its doubled letters squeezed; only the
    first MAX_AMBIGUOUS letters read two ways give two keys (later ones their first reading),
    so that two spellings of one long name keep comparable sets."""
    keys = [""]
    ambiguous = 0
    for options in classes:
        if len(options) > 1:
            ambiguous += 1
            if ambiguous > MAX_AMBIGUOUS:
                options = options[:1]
        keys = [k + o for k in keys for o in options]
    return frozenset(_squeeze(k) for k in keys)


def _arabic_classes(word: str, consonants: bool = False) -> list[tuple[str, ...]]:
    word = normalize_arabic(word) if "ة" not in word[-1:] else normalize_arabic(word[:-1]) + "ة"
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    out = []
    for i, ch in enumerate(word):
        if ch == "ة":  # ta marbuta: silent, or the h of -ah
            out.append(("", "h"))
            continue
        options = _ARABIC_CLASSES.get(ch, ("",))
        if options in (("w",), ("y",)) and i > 0:  # و and ي inside a word: long vowels
            options = ("",) if not consonants else ("", options[0])
        if ch == "ه" and i == len(word) - 1 and i > 0:  # a final ه written for ة
            options = ("h", "")
        out.append(options)
    return out


def _latin_classes(word: str, consonants: bool = False) -> list[tuple[str, ...]]:
    word = re.sub(r"[^a-z]", "", fold_latin(word))
    for digraph, cls in _LATIN_RULES:
        word = word.replace(digraph, cls)
    out = []
    for i, ch in enumerate(word):
        options = _LATIN_CLASSES.get(ch, (ch,))
        if options in (("w",), ("y",)) and i > 0:  # as و and ي inside an Arabic word
            options = ("",) if not consonants else ("", options[0])
        elif consonants and ch in _VOWEL_LETTERS:  # the letter an Arabic spelling may write
            options = ("", _VOWEL_LETTERS[ch])
        if ch == "h" and i == len(word) - 1 and i > 0 and word[i - 1] in "aeiou":
            options = ("", "h")  # -ah, -eh: the ta marbuta's h, or none
        out.append(options)
    return out


def _squeeze(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


def _keys(classes_of, word: str) -> frozenset[str]:
    """A word's keys; where they come to less than MIN_KEY letters (Awwad, عواد: only d), its
    و and ي (w and y) inside are read as the consonants they may be too (wd)."""
    keys = _expand(classes_of(word))
    if max((len(k) for k in keys), default=0) < MIN_KEY:
        keys |= _expand(classes_of(word, consonants=True))
    return keys


def is_particle(word: str) -> bool:
    """An article or a particle of kinship (al-, bin, bint, Abu, بن، أبو): no part of a name
    of its own."""
    if is_arabic(word):
        return normalize_arabic(word) in _ARABIC_PARTICLES or normalize_arabic(word) == "ال"
    folded = re.sub(r"[^a-z]", "", fold_latin(word))
    return bool(_LATIN_ARTICLE.match(folded) or _LATIN_PARTICLE.match(folded))


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> tuple[frozenset[str], ...]:
    """The keys of one written word: one set of variants per name part (a compound such as
    Abdelrahman or عبدالرحمن gives two parts, as Abd al-Rahman does); none for an article."""
    if is_arabic(word):
        if normalize_arabic(word) in _ARABIC_PARTICLES:
            return ()
        m = _ARABIC_ABD.match(normalize_arabic(word))
        if m and normalize_arabic(word) != "عبد":
            rest = normalize_arabic(word)[m.end() :]
            return (frozenset({"bd"}), _expand(_arabic_classes(rest)))
        return (_keys(_arabic_classes, word),)
    folded = re.sub(r"[^a-z]", "", fold_latin(word))
    if _LATIN_ARTICLE.match(folded) or _LATIN_PARTICLE.match(folded):
        return ()
    fused = _LATIN_FUSED.match(folded)
    if fused:
        return (_expand(_latin_classes(folded[fused.end() :])),)
    m = _LATIN_ABD.match(folded)
    if m:
        return (frozenset({"bd"}), _expand(_latin_classes(folded[m.end() :])))
    if re.fullmatch(r"abd(?:el|ul|al|ol|il|ou|u|e)?", folded):
        return (frozenset({"bd"}),)
    return (_keys(_latin_classes, word),)


_MARKS = re.compile(
    f"[{arabic.MARKS}{arabic.TATWEEL}]"
)  # harakat and tatweel: not letters of a key
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’ʿ][^\W\d_]+)*")


def name_parts(text: str, *, running_text: bool = False) -> list[frozenset[str]]:
    """The key variants of each part of a name or text, in order; parts that reduce to less
    than MIN_KEY letters in every variant are left out. In running text only the words that
    may be names: Arabic words (Arabic has no capitals) and capitalised Latin ones."""
    parts = []
    for w in _NAME_WORD.findall(_MARKS.sub("", text).replace("-", " ")):
        if running_text and w[0].islower():
            continue
        for variants in word_keys(w):
            kept = frozenset(k for k in variants if len(k) >= MIN_KEY)
            if kept:
                parts.append(kept)
    return parts


def name_keys(text: str, *, running_text: bool = False) -> list[str]:
    """Every key variant of every part, in order (what the index holds)."""
    return [k for part in name_parts(text, running_text=running_text) for k in sorted(part)]


def same_name(one: str, other: str) -> bool:
    """Whether two written names could be the same: as many parts, each sharing a key."""
    a, b = name_parts(one), name_parts(other)
    return len(a) == len(b) and all(x & y for x, y in zip(a, b, strict=True))
