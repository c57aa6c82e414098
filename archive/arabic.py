"""Arabic letters and marks, named once for every module: the analyzer, the text repair, the
date finder, language detection, the PDF glyph reader, the vocabulary's lookup keys and the
interface's direction. Each is a character-class fragment, to be put inside `[…]` of a regular
expression (several may be joined in one class).

Where modules mean different things they use different names here, never a range of their own:
`LETTERS` is any Arabic-script letter (with the presentation forms a legacy PDF gives),
`LETTERS_BASIC` the letters of Arabic itself, `BLOCK` any character of the Arabic block
(letters, marks, digits and punctuation: enough to say a text runs right to left).
"""

from __future__ import annotations

# Letters. U+0620 (Kashmiri yeh) to U+064A (yeh): hamza, alef … yeh, the letters of Arabic.
LETTERS_BASIC = "\u0620-\u064a"
# U+0671 (alef wasla) to U+06D3 (yeh barree with hamza): Persian, Urdu and Quranic letters.
LETTERS_EXTENDED = "\u0671-\u06d3"
# Presentation forms A and B (the shaped glyphs of reshaped text), not their trailing specials.
PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufefc"
# What reshaped text (a legacy PDF's) is made of: the presentation forms, without the ornate
# parentheses U+FD3E and U+FD3F, which are punctuation.
RESHAPED = "\ufb50-\ufd3d\ufd40-\ufdff\ufe70-\ufeff"
LETTERS = LETTERS_BASIC + LETTERS_EXTENDED + PRESENTATION_FORMS
WORD_LETTERS = LETTERS_BASIC + LETTERS_EXTENDED  # the letters of a word as written

# Marks. Harakat (fathatan … sukun), the other combining marks of the block (maddah, hamza
# above and below, …), superscript alef, the Quranic annotation signs.
VOWEL_SIGNS = "\u064b-\u0652"  # fathatan, dammatan, kasratan, fatha, damma, kasra, shadda, sukun
HAMZA_MARKS = "\u0653-\u0655"  # maddah above, hamza above, hamza below
SUPERSCRIPT_ALEF = "\u0670"
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"  # every combining mark of the block
TATWEEL = "\u0640"  # the kashida: stretches a word, is no letter

DIGITS = "\u0660-\u0669\u06f0-\u06f9"  # Arabic-Indic and Persian (Eastern) digits

# Bidirectional controls: marks, embeddings, overrides and isolates, and the Arabic letter mark.
BIDI_CONTROLS = "\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"

BLOCK = "\u0600-\u06ff"  # any character of the Arabic block


def characters(fragment: str) -> str:
    """Every character a class fragment of this module stands for, its ranges expanded."""
    out, at = [], 0
    while at < len(fragment):
        if at + 2 < len(fragment) and fragment[at + 1] == "-":
            out.extend(chr(c) for c in range(ord(fragment[at]), ord(fragment[at + 2]) + 1))
            at += 3
        else:
            out.append(fragment[at])
            at += 1
    return "".join(out)
