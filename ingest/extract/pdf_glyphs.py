"""Arabic text of a PDF page put back in order from where pdfium found each character.

pypdfium2 gives Arabic in logical order, but PDFs made the usual way (LibreOffice, Word) draw a
word's harakat after its letters, sometimes at the end of the line, and a ligature as one
glyph: so the text it returns has marks far from their letters (رح ّ بت for رحّبت), spaces
it guessed from the gaps the misplaced marks left, and the two letters of a lam-alef ligature
in the wrong order (ال ينفع for لا ينفع, both letters in one glyph's box). Each character comes
with its box on the page; this module moves every mark after the letter it is drawn over,
drops the spaces that stand between two touching letters of one word, puts the letters
of a ligature that share one box in reading order, and reads once a character drawn a second
time over itself (a heading's shadow: "1 . 21 . 2" for "1.2" drawn twice).
"""

from __future__ import annotations

import itertools
import re

from archive import arabic

MARKS = re.compile(f"[{arabic.MARKS}]")
ARABIC_LETTER = re.compile(f"[{arabic.WORD_LETTERS}]")
ALEFS = "\u0627\u0623\u0625\u0622"
LAM = "\u0644"
WINDOW = 60  # characters either side where a mark's letter is looked for
TOUCH = 1.0  # points: letters this close belong to one word
LINE = 12.0  # points: a line of ordinary text
WIDE_GAP = 0.6  # of a letter's height: a gap this wide is between words even without a space
SIGN_GAP = 0.25  # … or beside a sign (a dash, a bullet): no letter's own gap is there
SHADOW_WIDTH = 0.7  # of a character's width, covered by a copy of it drawn over it …
SHADOW_HEIGHT = 0.4  # … and of its height (a shadow drawn a few points lower)
SHADOW_COLUMN = 4.0  # points: where copies of a character are looked for
SHADOW_SHIFT = 0.5  # points: the least a copy is shifted (less: one glyph's letters, or bold)
SHADOW_ALIKE = 0.2  # of a letter's height: neighbours' shifts this close are one copy's


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return min(a[2], b[2]) - max(a[0], b[0])


def _same_line(mark: tuple[float, ...], letter: tuple[float, ...]) -> bool:
    """Whether a mark (or a letter) stands on a letter's line: within the letter's height, or
    half a line, above or below its box (boxes hug the ink: a shadda floats over a short سـ)."""
    reach = max(letter[3] - letter[1], LINE / 2)
    return letter[1] - reach <= (mark[1] + mark[3]) / 2 <= letter[3] + reach


def reorder(chars: list[str], boxes: list[tuple[float, float, float, float]]) -> str:
    """The page's text from its characters (in pdfium's order, lines ended by its generated
    \\r\\n) and their boxes (left, bottom, right, top), each line in reading order."""
    n = len(chars)
    drawn_over = shadows(chars, boxes)
    # 1. a ligature's letters share one box: alef then lam is lam-alef read backwards
    for i in range(n - 1):
        if chars[i] in ALEFS and chars[i + 1] == LAM and boxes[i] == boxes[i + 1]:
            chars[i], chars[i + 1] = LAM, chars[i]
    # 2. each mark goes with the letter it is drawn over (the most overlap, on its line)
    attached: dict[int, list[int]] = {}
    placed: set[int] = set()
    for i, ch in enumerate(chars):
        if not MARKS.match(ch) or boxes[i][2] <= boxes[i][0] or i in drawn_over:
            continue
        best, best_overlap = None, 0.0
        for j in range(max(0, i - WINDOW), min(n, i + WINDOW)):
            if ARABIC_LETTER.match(chars[j]) and _same_line(boxes[i], boxes[j]):
                overlap = _overlap(boxes[i], boxes[j])
                if overlap > best_overlap:
                    best, best_overlap = j, overlap
        if best is not None:
            attached.setdefault(best, []).append(i)
            placed.add(i)
    # 3. pdfium's pieces of lines (ended by its line breaks), gathered into the lines they
    #    stand on: a line drawn in several pieces comes out in several, interleaved
    pieces: list[list[int]] = [[]]
    for i, ch in enumerate(chars):
        if ch in "\r\n":
            if pieces[-1]:
                pieces.append([])
        elif i in drawn_over:
            continue  # a second copy of a character drawn over it
        elif i not in placed and not (ch == " " and boxes[i][2] - boxes[i][0] < 0.3):
            pieces[-1].append(i)  # a space without width is pdfium's guess: left out
    pieces = [p for p in pieces if p]
    letters = [i for p in pieces for i in p if not chars[i].isspace()]
    heights = sorted(boxes[i][3] - boxes[i][1] for i in letters) or [8.0]
    tolerance = max(0.6 * heights[len(heights) // 2], 3.0)  # half a letter: one line
    lines: list[tuple[float, float, list[int]]] = []  # (middle, weight, indexes)
    for piece in pieces:
        middle, weight = _middle(piece, chars, boxes)
        for k, (m, w, members) in enumerate(lines):
            if abs(m - middle) < tolerance:  # the same line: its middle by all its letters
                members.extend(piece)
                lines[k] = ((m * w + middle * weight) / (w + weight), w + weight, members)
                break
        else:
            lines.append((middle, weight, list(piece)))
    # 4. each line's characters by where they stand, right to left where Arabic leads
    height = heights[len(heights) // 2]
    return "\n".join(_line_text(members, chars, boxes, attached, height) for *_, members in lines)


def shadows(chars: list[str], boxes) -> set[int]:
    """The characters drawn a second time over themselves: a heading with a shadow, a number
    drawn twice. A copy repeats a run of characters in order, each shifted by the same small
    offset over the first drawing: a character is one when it and a neighbour both cover
    SHADOW_WIDTH of the width and SHADOW_HEIGHT of the height of earlier characters (not the
    one just before) that they repeat, shifted alike. The letters of one ligature share one
    box (no shift) and neighbours on a rotated line copy nothing: neither is a shadow."""
    seen: dict[tuple[str, int], list[int]] = {}  # (character, column) → drawn there
    copies: dict[int, list[tuple[int, float, float]]] = {}  # i → (earlier j, dx, dy)
    for i, ch in enumerate(chars):
        left, bottom, right, top = boxes[i]
        if ch.isspace() or right <= left or top <= bottom:
            continue
        column = int(left // SHADOW_COLUMN)
        for c in (column - 1, column, column + 1):
            for j in seen.get((ch, c), ()):
                other = boxes[j]
                dx, dy = left - other[0], bottom - other[1]
                if j >= i - 1 or max(abs(dx), abs(dy)) < SHADOW_SHIFT:
                    continue
                wide = _overlap(boxes[i], other) >= SHADOW_WIDTH * max(
                    right - left, other[2] - other[0]
                )
                high = min(top, other[3]) - max(bottom, other[1])
                if wide and high >= SHADOW_HEIGHT * max(top - bottom, other[3] - other[1]):
                    copies.setdefault(i, []).append((j, dx, dy))
        seen.setdefault((ch, column), []).append(i)

    def alike(i: int, j: int, dx: float, dy: float) -> bool:
        if i not in copies:
            return False
        near = max(SHADOW_SHIFT, SHADOW_ALIKE * (boxes[i][3] - boxes[i][1]))
        return any(
            k == j and abs(kx - dx) < near and abs(ky - dy) < near for k, kx, ky in copies[i]
        )

    drawn = [i for i, ch in enumerate(chars) if not ch.isspace()]  # neighbours across spaces
    after = dict(itertools.pairwise(drawn))
    before = {b: a for a, b in after.items()}

    def neighbours(i: int, j: int, dx: float, dy: float) -> bool:
        return (i in before and j in before and alike(before[i], before[j], dx, dy)) or (
            i in after and j in after and alike(after[i], after[j], dx, dy)
        )

    return {i for i, found in copies.items() if any(neighbours(i, *c) for c in found)}


def _middle(piece: list[int], chars: list[str], boxes) -> tuple[float, int]:
    """A piece's vertical middle (the median over its letters) and how many letters it has."""
    letters = [i for i in piece if not chars[i].isspace()] or piece
    middles = sorted((boxes[i][1] + boxes[i][3]) / 2 for i in letters)
    return middles[len(middles) // 2], len(letters)


_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_LTR = re.compile(f"[A-Za-z0-9\u00c0-\u024f{arabic.DIGITS}]")


SPACE = -1  # a word gap in a line's visual order
_STRONG = re.compile(f"[^\\W\\d_]|[0-9{arabic.DIGITS}]")  # letters and digits


def _line_text(members: list[int], chars, boxes, attached, height: float) -> str:
    """One line: its characters in visual order (by where they stand), a space where pdfium
    put one or the gap is as wide as one, then each run written the other way round put back
    in reading order (Latin and digits in an Arabic line, Arabic in a Latin one)."""
    arabic = sum(1 for i in members if ARABIC_LETTER.match(chars[i]))
    if not arabic:  # no Arabic: pdfium's own order (some PDFs draw digits right to left)
        ordered = sorted(members)
        text = [chars[ordered[0]]]
        for a, b in itertools.pairwise(ordered):
            if " " in chars[a + 1 : b] and text[-1] != " ":  # the spaces it put between
                text.append(" ")
            text.append(chars[b])
        return "".join(text).strip()
    latin = sum(1 for i in members if _LATIN.match(chars[i]))  # digits are weak: not counted
    rtl = arabic >= latin
    order = sorted(
        members, key=lambda i: (-1 if rtl else 1) * (boxes[i][0] + boxes[i][2]) / 2
    )  # stable: a ligature's two letters keep the order step 1 gave them
    visual: list[int] = []
    previous = None
    for i in order:
        if chars[i] == " ":
            if visual and visual[-1] != SPACE:
                visual.append(SPACE)
            previous = None
            continue
        if previous is not None and visual[-1] != SPACE:
            gap = _gap(boxes[previous], boxes[i])
            sign = not (_STRONG.match(chars[previous]) and _STRONG.match(chars[i]))
            if gap > WIDE_GAP * height or (sign and gap > SIGN_GAP * height):
                visual.append(SPACE)  # a word gap where pdfium put no space (or none here)
        visual.append(i)
        previous = i
    while visual and visual[-1] == SPACE:
        visual.pop()
    other = _LTR if rtl else ARABIC_LETTER  # the script written the other way round

    def kind(i: int) -> str:
        if i == SPACE or not _STRONG.match(chars[i]):
            return "separator" if i != SPACE and chars[i] in ".,:/" else "neutral"
        if _DIGIT.match(chars[i]):
            return "digit"
        return "opposite" if other.match(chars[i]) else "own"

    tokens = _reverse_runs(visual, kind, digits_opposite=rtl)
    return "".join(
        " " if i == SPACE else chars[i] + "".join(chars[m] for m in attached.get(i, []))
        for i in tokens
    )


_DIGIT = re.compile(f"[0-9{arabic.DIGITS}]")


def _reverse_runs(visual: list[int], kind, *, digits_opposite: bool) -> list[int]:
    """Each run written the other way round put in reading order where it stands, runs as
    the bidi algorithm makes them: words of the other script with the spaces and signs
    between them; a number (digits, with one separator . , : / between digits) on its own,
    since a dash or a space between two numbers in an Arabic line leaves them two runs."""
    out = list(visual)
    k = 0
    while k < len(out):
        first = kind(out[k])
        if first == "digit" and digits_opposite:
            end = k
            j = k + 1
            while j < len(out):
                here = kind(out[j])
                if here == "digit":
                    end = j
                elif here == "separator" and j + 1 < len(out) and kind(out[j + 1]) == "digit":
                    pass
                else:
                    break
                j += 1
            out[k : end + 1] = _in_drawing_order(out[k : end + 1])
            k = end + 1
            continue
        if first != "opposite":
            k += 1
            continue
        end = k
        for j in range(k, len(out)):
            here = kind(out[j])
            if here == "own":
                break
            if here == "opposite" or (here == "digit" and digits_opposite):
                end = j
        run = out[k : end + 1]  # Arabic in a Latin line: its visual order, reversed
        out[k : end + 1] = _in_drawing_order(run) if digits_opposite else run[::-1]
        k = end + 1
    return out


def _in_drawing_order(run: list[int]) -> list[int]:
    """A run written the other way round in the order the PDF drew it (pdfium's order of
    characters, which is the reading order, whichever way a producer placed the glyphs: some
    draw the digits of a number from right to left): its words by their first character,
    each word's characters in order."""
    words: list[list[int]] = [[]]
    for i in run:
        if i == SPACE:
            words.append([])
        else:
            words[-1].append(i)
    words = sorted((sorted(w) for w in words if w), key=lambda w: w[0])
    out: list[int] = []
    for word in words:
        if out:
            out.append(SPACE)
        out.extend(word)
    return out


def _gap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The empty space between two boxes on a line, whichever side each stands."""
    return max(b[0] - a[2], a[0] - b[2])


def page_text(textpage) -> str:
    """A pypdfium2 text page's text; a page holding Arabic rebuilt line by line from where
    its characters stand."""
    text = textpage.get_text_range()
    if not ARABIC_LETTER.search(text) or len(text) != textpage.count_chars():
        return text
    boxes = [textpage.get_charbox(i) for i in range(len(text))]
    return reorder(list(text), boxes)
