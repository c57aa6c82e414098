"""Languages of a text: the script decides Arabic against Latin per paragraph (it is right where
langdetect guesses, on short text); seeded langdetect names the language of longer Latin-script
passages; short ones stay undetermined. A document with both is mixed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from langdetect import DetectorFactory, LangDetectException, detect
from langdetect.detector_factory import init_factory

from archive import arabic

DetectorFactory.seed = 0  # langdetect is random without a seed
MIN_LATIN_LETTERS = 120
MIN_SHARE = 0.1
SAMPLE_CHARS = 3000

_ARABIC = re.compile(f"[{arabic.LETTERS}]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class Languages:
    codes: tuple[str, ...]  # most letters first
    letters: dict[str, int]

    @property
    def mixed(self) -> bool:
        return len(self.codes) > 1


def detect_languages(text: str) -> Languages:
    letters: Counter[str] = Counter()
    long_latin: list[tuple[str, int]] = []
    for paragraph in re.split(r"\n\s*\n|\f", text):
        arabic, latin = len(_ARABIC.findall(paragraph)), len(_LATIN.findall(paragraph))
        if arabic:
            letters["ar"] += arabic
        if latin >= MIN_LATIN_LETTERS:
            long_latin.append((paragraph, latin))
        elif latin:
            letters[_short_latin_language(paragraph)] += latin
    if long_latin:
        # langdetect is the slow part: one call on a sample of the long Latin passages.
        sample = "\n".join(p for p, _ in long_latin)[:SAMPLE_CHARS]
        letters[_langdetect(sample)] += sum(n for _, n in long_latin)
    total = sum(letters.values())
    codes = tuple(
        code
        for code, count in letters.most_common()
        if code != "und" and total and count / total >= MIN_SHARE
    )
    return Languages(codes, dict(letters))


def _short_latin_language(paragraph: str) -> str:
    return "en" if re.search(r"\b(the|and|of|to|in|is|for|on)\b", paragraph, re.I) else "und"


def load_profiles() -> None:
    """Read langdetect's language profiles now rather than at the first detection."""
    init_factory()


def _langdetect(text: str) -> str:
    try:
        code = detect(_ARABIC.sub(" ", text))
    except LangDetectException:
        return "und"
    return code.split("-")[0]
