"""How readable an extracted text is: the share of its words that a lexicon of both languages
knows, once analysed as the index analyses them (normalized, light-stemmed). Extractors read
some PDFs badly (glyphs they cannot map, spaces dropped or pushed inside words, lines in
visual order); comparing this share between two extractions of a page says which to keep.

The lexicon is the Arabic word list of the Debian package hunspell-ar (Ayaspell, 170,000
forms) and the headwords of FreeDict's English-Arabic and Arabic-English dictionaries, both
read where the packages put them; with neither installed every text scores alike and the
first extractor's text is kept. The analysed lexicon is cached like the dictionary's table.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from pathlib import Path

from archive.index.analysis import ANALYSIS_VERSION, TOKEN_PATTERN, ScriptFilter
from archive.index.dictionary import table

HUNSPELL_AR = Path("/usr/share/hunspell/ar.dic")
_WORD = re.compile(TOKEN_PATTERN)
_LETTERS = re.compile(r"[^\W\d_]")
_LOCK = threading.Lock()
_LEXICON: frozenset[str] | None = None


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    made_from = [ANALYSIS_VERSION, len(table())]
    if HUNSPELL_AR.is_file():
        stat = HUNSPELL_AR.stat()
        made_from += [stat.st_size, stat.st_mtime_ns]
    digest = hashlib.sha256(json.dumps(made_from).encode()).hexdigest()[:16]
    return Path(base) / "mediarch" / f"lexicon-{digest}.json"


def _build() -> set[str]:
    script = ScriptFilter(stop=False)
    terms = {k for k in table() if " " not in k}
    if HUNSPELL_AR.is_file():
        with open(HUNSPELL_AR, encoding="utf-8", errors="replace") as dic:
            for line in dic:
                word = line.split("/", 1)[0].strip()
                if word and not word.isdigit():
                    term = script.term(word)
                    if term:
                        terms.add(term)
    return terms


def lexicon() -> frozenset[str]:
    """The analysed terms of every word the installed word lists know (read once)."""
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                path = _cache_path()
                try:
                    found = set(json.loads(path.read_text(encoding="utf-8")))
                except (OSError, ValueError):
                    found = _build()
                    try:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        partial = path.with_suffix(f".{os.getpid()}.tmp")
                        partial.write_text(json.dumps(sorted(found), ensure_ascii=False))
                        os.replace(partial, path)
                    except OSError:
                        pass
                _LEXICON = frozenset(found)
    return _LEXICON


_SCRIPT = ScriptFilter(stop=False)
_STOP = ScriptFilter(stem=False)  # term() is None for a stop word of either language
MIN_LETTERS = 3  # a shorter "word" the lexicon knows is as often a fragment of a longer one


def readability(text: str, sample: int = 400) -> float | None:
    """The share of the letters of the text's words (the first `sample` with letters) that
    stand in words the lexicon knows: a stop word, or a word of MIN_LETTERS letters or more
    whose analysed term it holds. A word cut in pieces, glyphs read as other letters, a line
    read backwards all lower it. None for a text without words or without a lexicon."""
    known = lexicon()
    if not known:
        return None
    words = [w for w in _WORD.findall(text) if _LETTERS.search(w)][:sample]
    if not words:
        return None
    total = found = 0
    for word in words:
        letters = len(_LETTERS.findall(word))
        total += letters
        if _STOP.term(word) is None or (letters >= MIN_LETTERS and _SCRIPT.term(word) in known):
            found += letters
    return found / total


def known_word(word: str) -> bool:
    """Whether the lexicon knows a word (of MIN_LETTERS letters or more, or a stop word);
    with no lexicon installed, every word is known (nothing is changed on its word)."""
    known = lexicon()
    if not known:
        return True
    if _STOP.term(word) is None:
        return True
    return len(_LETTERS.findall(word)) >= MIN_LETTERS and _SCRIPT.term(word) in known
