"""Text repair for everything ingest extracts, OCR output included.

PDF text of Arabic arrives damaged in known ways (see the shared notes on Arabic text):
bidi control marks around runs, presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) from legacy
reshaped PDFs, whole lines in visual order (characters reversed, Latin and digit runs inside
them in their own order), and a space pushed in front of each haraka. `repair` undoes all of
it and says what it did.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from archive import arabic

BIDI_CONTROLS = re.compile(f"[{arabic.BIDI_CONTROLS}]")
HARAKAT = arabic.MARKS
_LETTER = arabic.LETTERS_BASIC
# Spaces (never a line break) an extractor pushed between a letter and its haraka.
_SPACE_BEFORE_HARAKA = re.compile(f"(?<=[{_LETTER}{HARAKAT}])[ \t]+(?=[{HARAKAT}])")
# Presentation forms of letters; the ornate parentheses ﴾﴿ (U+FD3E, U+FD3F) in that block are
# punctuation, not a sign of a legacy reshaped PDF.
# Justification by kashida, as a text layer gives it: tatweel, a space, tatweel inside a word
# (البشـ ـر): the word is one word.
_KASHIDA_SPLIT = re.compile("\u0640[ \t]+\u0640")
_PRESENTATION_FORM = re.compile(f"[{arabic.RESHAPED}]")
_ARABIC_LETTER = re.compile(f"[{arabic.LETTERS}]")
# A run that keeps its own left-to-right order inside a right-to-left line: Latin letters and
# digits, with what joins them inside a number, a date, a name or an address.
# Arabic-Indic and Persian digits read left to right as well (١٢٣ is one hundred and twenty-three).
_LTR_CHARS = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff" + arabic.DIGITS
_LTR_RUN = re.compile(f"[{_LTR_CHARS}](?:[{_LTR_CHARS}.,:/@'’_%+\\-\u066b\u066c]*[{_LTR_CHARS}%])?")
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")  # ﴾﴿ are not mirrored: kept as drawn
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(f"[{_LETTER}{HARAKAT}]+")


@dataclass
class Repair:
    text: str
    fixes: list[str] = field(default_factory=list)


def fold_presentation_forms(text: str) -> str:
    """Presentation forms to letters (NFKC on those characters only; the rest is untouched)."""
    return _PRESENTATION_FORM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def has_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def visual_order_score(text: str) -> int:
    """Evidence that Arabic words run backwards: > 0 means visual order, < 0 logical.

    Counts the article and the feminine/alef-maqsura endings at the side of a word where the
    reading order puts them (ال… and …ة/…ى) against the mirror side (…لا and ة…/ى…)."""
    score = 0
    for word in _WORD.findall(fold_presentation_forms(text)):
        letters = re.sub(f"[{HARAKAT}]", "", word)
        if len(letters) < 3:
            continue
        score += letters.endswith("لا") + (letters[0] in "ةى")
        score -= letters.startswith("ال") + (letters[-1] in "ةى")
    return score


def _restore_line(line: str) -> str:
    """A visual-order line in reading order: reverse it, then put each left-to-right run and
    each bracket back the way it reads."""
    reversed_line = line[::-1].translate(_MIRROR)
    return _LTR_RUN.sub(lambda m: m.group()[::-1], reversed_line)


_ARABIC_RUN = re.compile(f"[{_LETTER}{HARAKAT}]+(?:[ \t]+[{_LETTER}{HARAKAT}]+)*")


def _restore_arabic_runs(line: str) -> str:
    """A left-to-right line with Arabic words in visual order: each Arabic run reversed where
    it stands, the Latin around it untouched."""
    return _ARABIC_RUN.sub(lambda m: m.group()[::-1], line)


def repair(text: str, *, visual: bool | None = None) -> Repair:
    """Repair extracted text. `visual` says the extractor is known to give Arabic lines in
    visual order (pdfminer on LibreOffice PDFs); None lets the text decide, line by line, with
    the whole text's evidence breaking ties."""
    result = Repair(text)
    if BIDI_CONTROLS.search(text):
        text = BIDI_CONTROLS.sub("", text)
        result.fixes.append("bidi_controls_removed")
    lines = text.split("\n")
    overall = visual_order_score(text) if visual is None else (1 if visual else -1)
    restored = 0
    for i, line in enumerate(lines):
        if not has_arabic(line):
            continue
        score = visual_order_score(line) if visual is None else overall
        legacy = _PRESENTATION_FORM.search(line) is not None
        # in a line of mostly Latin letters only the Arabic runs read backwards, and only on
        # their own evidence: reversing the line would put its words backwards
        if len(_ARABIC_LETTER.findall(line)) <= len(_LATIN_LETTER.findall(line)):
            if score > 0:
                lines[i] = _restore_arabic_runs(line)
                restored += 1
            continue
        if score > 0 or (score == 0 and (overall > 0 or legacy)):
            lines[i] = _restore_line(line)
            restored += 1
    if restored:
        result.fixes.append("visual_order_restored")
    text = "\n".join(lines)
    if _PRESENTATION_FORM.search(text):
        text = fold_presentation_forms(text)
        result.fixes.append("presentation_forms_folded")
    if _KASHIDA_SPLIT.search(text):
        text = _KASHIDA_SPLIT.sub("", text)
        result.fixes.append("kashida_split_joined")
    if _SPACE_BEFORE_HARAKA.search(text):
        text = _SPACE_BEFORE_HARAKA.sub("", text)
        result.fixes.append("space_before_harakat_removed")
    result.text = text
    return result


_ALEF_LAM = re.compile("[\u0627\u0623\u0625\u0622]\u0644")  # ا أ إ آ then ل
_ARTICLE_AT = re.compile("^(?:[وفبكل]?ال|لل)")  # where an article legitimately stands


def restore_lam_alef(text: str, known) -> tuple[str, int]:
    """Put back the lam-alef ligatures (لا لأ لإ لآ) an extractor read as alef then lam: a PDF
    that maps one glyph to two letters has them reordered with the line (لا ينفع read ال ينفع,
    ثلاثة read ثالثة, الأصفر read األصفر). A word is changed only where the lexicon (`known`,
    a test of a word) knows the restored word and not the word as read; a lone ال, which no
    word is, is لا. Returns the text and how many words changed."""
    changed = 0

    def fix(m: re.Match) -> str:
        nonlocal changed
        word = m.group()
        if word == "ال":
            changed += 1
            return "لا"
        if known(word):
            return word
        start = _ARTICLE_AT.match(word)
        restored = list(word)
        for hit in _ALEF_LAM.finditer(word):
            i = hit.start()
            if start and i == start.end() - 2:  # the article's own ال
                continue
            restored[i], restored[i + 1] = "ل", word[i]
        candidate = "".join(restored)
        if candidate != word and known(candidate):
            changed += 1
            return candidate
        return word

    fixed = re.sub(f"[{_LETTER}{HARAKAT}]+", fix, text)
    return fixed, changed
