"""A general bilingual dictionary, the fallback of query expansion: a typed word
that no thesaurus concept or name covers is looked for in the other language too.

The dictionaries are FreeDict's English-Arabic and Arabic-English (Arabeyes word lists, data
under GPL-2+), read at run time from the Debian packages dict-freedict-eng-ara and
dict-freedict-ara-eng (dictd files in /usr/share/dictd): they are not copied into this
repository. Without the packages there are no translations, and search works as before.

The .index file of a dictd dictionary is tab-separated: headword, offset and length (base64)
into the .dict.dz file (dictzip, which gzip reads). An entry is the headword with its
pronunciation, then one translation a line, numbered when there are several. Only short
translations are kept: one to three words in the other script, without the glosses that
follow a dash, parenthetical notes or lists. Headwords and translations are analysed as the
index is, so a word finds the entries of its inflections (exchanges, الأسرى) and a
translation is looked for as its terms.

Reading and analysing the 140,000 headwords takes about 2 s; the table they give is kept in
the user's cache folder ($XDG_CACHE_HOME or ~/.cache, mediarch/), named after the analysis
version and the dictionary files' sizes and dates, so that later processes read it in a few
hundredths of a second. Translations are analysed when a word is looked up.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import threading
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from archive.index.analysis import (
    ANALYSIS_VERSION,
    TOKEN_PATTERN,
    ScriptFilter,
    analyze,
    is_arabic,
)

DICTD = Path("/usr/share/dictd")
DICTIONARIES = ("freedict-eng-ara", "freedict-ara-eng")  # each: to Arabic, to English
MAX_WORDS = 3  # words in a translation kept
MAX_TRANSLATIONS = 4  # translations searched for per word, the most frequent first
CANDIDATES = 24  # translations looked at per word, of which the ones records hold are kept
TABLE_FORMAT = 2  # of the cached table: raise it when load() changes what it keeps

_B64 = {
    c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}
_NUMBER = re.compile(r"^\s*\d+\.\s*")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


class Translation(NamedTuple):
    written: str  # as the dictionary writes it
    terms: tuple[str, ...]  # as the index holds it


def _number(code: str) -> int:
    n = 0
    for c in code:
        n = n * 64 + _B64[c]
    return n


def short_translation(line: str, to_arabic: bool) -> str | None:
    """A dictionary line as a translation to search for, or None: numbering, "::" marks and
    parenthetical text dropped; a gloss (after " - "), a list, digits, a line in the wrong
    script or of more than MAX_WORDS words refused."""
    text = _NUMBER.sub("", line).replace("::", "")
    text = re.sub(r"\([^)]*\)?|\[[^\]]*\]?", " ", text)  # a note, closed or cut off
    text = " ".join(text.split())
    if not text or " - " in text or any(c in text for c in ",،;:/)]") or _DIGIT.search(text):
        return None
    if to_arabic != is_arabic(text) or (to_arabic and _LATIN.search(text)):
        return None
    return text if len(text.split()) <= MAX_WORDS else None


def _entries(name: str, folder: Path):
    """(headword, translation lines) of one dictd dictionary."""
    data = gzip.decompress((folder / f"{name}.dict.dz").read_bytes())
    with open(folder / f"{name}.index", encoding="utf-8") as index:
        for line in index:
            headword, offset, length = line.rstrip("\n").split("\t")[:3]
            if headword.startswith("00database"):
                continue
            start = _number(offset)
            body = data[start : start + _number(length)].decode("utf-8", "replace")
            yield headword, body.split("\n")[1:]  # the first line: headword /pronunciation/


def _analyzer():
    """analyze() with a cache of its own, dropped after loading (the dictionaries hold 140,000
    headwords; the shared cache is the search's)."""
    word, script = re.compile(TOKEN_PATTERN), ScriptFilter()
    return lambda text: [t for w in word.findall(text) if (t := script.term(w)) is not None]


def load(folder: Path = DICTD) -> dict[str, str]:
    """Analysed headword (its terms joined by a space) -> its short translations into the other
    language, one a line, repeated as often as entries give them, from every dictionary
    installed in folder (none: an empty table). Translations are analysed when looked up."""
    terms_of = _analyzer()
    found: dict[str, list[str]] = {}
    backwards: dict[str, list[str]] = {}
    for name in _installed(folder):
        to_arabic = name.endswith("-ara")
        for headword, lines in _entries(name, folder):
            written = [t for t in (short_translation(x, to_arabic) for x in lines) if t]
            key = " ".join(terms_of(headword))
            if written and key:
                found.setdefault(key, []).extend(dict.fromkeys(written))
                back = short_translation(headword, not to_arabic)
                for translation in written if back else ():
                    if reverse_key := " ".join(terms_of(translation)):
                        backwards.setdefault(reverse_key, []).append(back)
    for key, written in backwards.items():  # read backwards: after what the entries give
        found.setdefault(key, []).extend(written)
    return {key: "\n".join(written) for key, written in found.items()}


def _installed(folder: Path) -> list[str]:
    return [
        name
        for name in DICTIONARIES
        if (folder / f"{name}.index").is_file() and (folder / f"{name}.dict.dz").is_file()
    ]


def _cache_file(folder: Path, cache: Path) -> Path:
    """The cached table's name: what it was made from and how."""
    made_from = [ANALYSIS_VERSION, TABLE_FORMAT, MAX_WORDS, str(folder)]
    for name in _installed(folder):
        for suffix in (".index", ".dict.dz"):
            found = (folder / f"{name}{suffix}").stat()
            made_from += [name + suffix, found.st_size, found.st_mtime_ns]
    digest = hashlib.sha256(json.dumps(made_from).encode()).hexdigest()[:16]
    return cache / f"freedict-{digest}.json"


def cached_load(folder: Path = DICTD, cache: Path | None = None) -> dict[str, str]:
    """load(), through a file in the cache folder (written when missing; a folder that cannot
    be written to only costs the time)."""
    if not _installed(folder):
        return {}
    if cache is None:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        cache = Path(base) / "mediarch"
    path = _cache_file(folder, cache)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    found = load(folder)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob("freedict-*.json"):  # made from other files, or another analysis
            old.unlink(missing_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass
    return found


_TABLE: dict[str, str] | None = None
_LOCK = threading.Lock()


def table() -> dict[str, str]:
    """The installed dictionaries, loaded once."""
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                _TABLE = cached_load()
    return _TABLE


@lru_cache(maxsize=4096)
def _lookup(key: str) -> tuple[Translation, ...]:
    given = table().get(key)
    if not given:
        return ()
    count: Counter[tuple[str, ...]] = Counter()
    first: dict[tuple[str, ...], str] = {}
    for written in given.split("\n"):
        terms = tuple(analyze(written))
        if terms and " ".join(terms) != key:
            count[terms] += 1
            first.setdefault(terms, written)
    ranked = sorted(first, key=lambda terms: -count[terms])  # stable
    sounded = {terms for terms in ranked if _sounds_like(key, first[terms])}
    if len(sounded) < len(ranked):  # a word of its own beside them: the others are names
        ranked = [terms for terms in ranked if terms not in sounded]
    best = ranked[:CANDIDATES]
    return tuple(Translation(first[terms], terms) for terms in best)


def _sounds_like(key: str, written: str) -> bool:
    """Whether a translation only writes the headword in the other script (the dictionaries
    list names and loanwords: mill → ميل, olive → أوليفير): its transliteration key begins
    with the headword's."""
    from archive.index.translit import name_parts

    ours = name_parts(key)
    theirs = name_parts(written)
    if len(ours) != 1 or not theirs:
        return False
    return any(t.startswith(o) for o in ours[0] for t in theirs[0] if len(o) >= 2)


def lookup(
    terms: list[str] | tuple[str, ...], held: Callable[[tuple[str, ...]], bool] | None = None
) -> tuple[Translation, ...]:
    """The translations of a word given as its analysed terms, the ones most entries give
    first (none when the dictionaries are not installed), at most MAX_TRANSLATIONS. Given
    held (whether some record holds a translation's terms), the first ones records hold among
    the CANDIDATES: a sense no record uses (عداد: abacus) leaves room for one they do (counter).
    An Arabic word the dictionaries do not list (a broken plural: شكاوى) takes the
    translations of the words built on its root (شكوى، شكا: complaint, complain)."""
    if not terms:
        return ()
    found = _lookup(" ".join(terms))
    arabic_word = len(terms) == 1 and is_arabic(terms[0])
    if not found and arabic_word:
        found = _by_root(terms[0])
    if held is not None:
        found = tuple(t for t in found if held(t.terms))
        if len(found) < MAX_TRANSLATIONS and arabic_word:  # a broken plural's singular's senses
            found += tuple(t for t in _by_root(terms[0]) if t not in found and held(t.terms))
    return found[:MAX_TRANSLATIONS]


@lru_cache(maxsize=4096)
def _by_root(term: str) -> tuple[Translation, ...]:
    from archive.index.analysis import arabic_root

    root = arabic_root(term)
    if not root:
        return ()
    gathered: dict[tuple[str, ...], Translation] = {}
    for key in _root_index().get(root, ()):
        for translation in _lookup(key):
            gathered.setdefault(translation.terms, translation)
    return tuple(gathered.values())[:CANDIDATES]


_ROOT_INDEX: dict[str, list[str]] | None = None


def _root_index() -> dict[str, list[str]]:
    """Root → the Arabic one-word headwords built on it, shortest first (read once)."""
    global _ROOT_INDEX
    if _ROOT_INDEX is None:
        from archive.index.analysis import arabic_root

        index: dict[str, list[str]] = {}
        for key in table():
            if " " not in key and is_arabic(key):
                root = arabic_root(key)
                if root:
                    index.setdefault(root, []).append(key)
        _ROOT_INDEX = {r: sorted(keys, key=len) for r, keys in index.items()}
    return _ROOT_INDEX


def translations(terms: list[str] | tuple[str, ...]) -> list[tuple[str, ...]]:
    """The analysed terms of each translation of a word given as its analysed terms."""
    return [t.terms for t in lookup(terms)]
