"""Reading PDFs right: Arabic rebuilt from where pdfium found each character (marks back on
their letters, guessed spaces dropped, ligatures in order, lines drawn in pieces gathered,
runs of the other direction put in reading order); lam-alef ligatures read backwards put back
by the lexicon; the share of words a lexicon knows, and the reading it prefers."""

from __future__ import annotations

import sys

import pypdfium2 as pdfium
import pytest

from ingest.extract.pdf_glyphs import page_text, reorder
from ingest.readability import known_word, readability
from ingest.repair import repair, restore_lam_alef
from tests.conftest import REPO, pdf_bytes


def _boxes(*spans):
    """Boxes on one line (bottom 100, top 108) from (left, right) pairs."""
    return [(left, 100.0, right, 108.0) for left, right in spans]


def test_a_mark_drawn_after_the_line_goes_back_on_its_letter():
    # "رحّبت": pdfium gives the shadda first, then a space it guessed from the gap
    chars = ["ّ", "ر", "ح", " ", "ب", "ت"]
    boxes = [(21.0, 109.0, 22.5, 111.0), *_boxes((25, 29), (18, 25), (18, 18), (15, 18.6), (6, 15))]
    assert reorder(chars, boxes) == "رحّبت"


def test_a_ligature_read_alef_then_lam_is_lam_alef():
    chars = ["ا", "ل", " ", "ي", "ن", "ف", "ع"]  # لا ينفع, the ligature in one box
    boxes = _boxes((40, 46), (40, 46), (36, 39), (31, 35), (27, 31), (22, 27), (15, 22))
    assert reorder(chars, boxes) == "لا ينفع"


def test_pieces_of_one_line_are_one_line_in_reading_order():
    # pdfium gives the line's left part first, as a line of its own
    chars = ["ب", "ت", "\r", "\n", "ر", "ح", " "]
    boxes = _boxes((10, 14), (5, 10), (5, 5), (5, 5), (30, 34), (25, 30), (18, 22))
    assert reorder(chars, boxes) == "رح بت"


def test_latin_and_digits_in_an_arabic_line_read_left_to_right():
    chars = list("في 2019 UN")
    # drawn right to left for the Arabic, each run left to right: UN at the far left
    boxes = _boxes(
        (90, 95), (85, 90), (80, 84), (60, 64), (64, 68), (68, 72), (72, 76), (56, 59),
        (40, 45), (45, 50),
    )  # fmt: skip
    assert reorder(chars, boxes) == "في 2019 UN"


def test_a_heading_drawn_twice_as_a_shadow_reads_once():
    # "البند 12" drawn, then drawn again 4 points lower (a shadow): each character once
    chars = list("البند 12") + list("البند 12")
    lefts = [(60, 64), (56, 60), (52, 56), (48, 52), (44, 48), (40, 44), (30, 35), (35, 40)]
    boxes = _boxes(*lefts) + [(a + 0.5, 96.0, b + 0.5, 104.0) for a, b in lefts]
    assert reorder(chars, boxes) == "البند 12"


def test_letters_of_one_ligature_and_a_rotated_line_are_no_shadows():
    from ingest.extract.pdf_glyphs import shadows

    # "effects": pdfium gives both letters of the ff ligature one box
    ligature = _boxes((0, 5), (5, 12), (5, 12), (12, 17), (17, 22), (22, 26), (26, 30))
    assert shadows(list("effects"), ligature) == set()
    # "dddd" on a line turned upright: each box overlaps the one before by most of its height
    upright = [(10.0, 100.0 + 4 * k, 17.0, 107.0 + 4 * k) for k in range(4)]
    assert shadows(list("dddd"), upright) == set()
    # "12.3" drawn again 4 points lower: the second drawing is the shadow
    heading = _boxes((10, 16), (16, 22), (22, 25), (25, 31))
    shadow = [(a + 0.6, b - 4, c + 0.6, d - 4) for a, b, c, d in heading]
    assert shadows(list("12.3") + list("12.3"), heading + shadow) == {4, 5, 6, 7}


def test_pdfminer_reads_a_shadowed_heading_once():
    """A PDF whose heading is drawn twice, the second copy 3 points lower (as a shadow): the
    second reading (pdfminer's) keeps one copy; the numbers stay whole and in order."""
    import tempfile
    from pathlib import Path

    from ingest.extract.pdf import _pdfminer_pages

    text = "BT /F1 14 Tf 72 700 Td (Section 12.3 Crossings) Tj ET "
    shadow = "BT /F1 14 Tf 72.6 697 Td (Section 12.3 Crossings) Tj ET "
    body = "BT /F1 11 Tf 72 660 Td (The gate opens at 6 and closes at 18.) Tj ET"
    stream = text + shadow + body
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "shadowed.pdf"
        path.write_bytes(pdf_bytes(objects))
        read = _pdfminer_pages(path, [0])[0]
    assert read.count("Section 12.3 Crossings") == 1, read
    assert "The gate opens at 6 and closes at 18." in read
    assert "1122" not in read and "SSee" not in read


def test_a_libreoffice_arabic_pdf_reads_as_its_source():
    """The sample corpus's minutes (LibreOffice, harakat and shadda): its kept text against the
    generator's source, letter for letter, under 1%."""
    from rapidfuzz.distance import Levenshtein

    sys.path.insert(0, str(REPO / "sample_corpus"))
    import generate

    from bench.runs.pdf_reading import arabic_line

    record = next(r for r in generate.RECORDS if r["id"] == "wq-2019-r1-minutes-ar")
    document = pdfium.PdfDocument(
        str(REPO / "sample_corpus" / "files" / generate.record_path(record))
    )
    pages = [repair(page_text(document[i].get_textpage())).text for i in range(len(document))]
    document.close()
    kept = "\n".join(pages)
    assert "رحّبت الميسّرة أستريد سولفانغ" in kept
    source = arabic_line("\n".join(t for _, t in generate.parse_body(record["body"])))
    assert Levenshtein.distance(source, arabic_line(kept)) / len(source) < 0.01


@pytest.mark.parametrize(
    ("read", "restored"),
    [
        ("التحصين ال ينفع", "التحصين لا ينفع"),  # a lone ال is no word: لا
        ("أربعة آالف جرعة", "أربعة آلاف جرعة"),
        ("القرط األصفر", "القرط الأصفر"),
        ("قال الرجل", "قال الرجل"),  # a word the lexicon knows stays
        ("المال العام", "المال العام"),
    ],
)
def test_lam_alef_read_backwards_is_put_back_where_the_lexicon_says(read, restored):
    assert restore_lam_alef(read, known_word)[0] == restored


def test_readability_is_the_share_of_letters_in_words_the_lexicon_knows():
    assert readability("عقد الاجتماع الأول في المدينة") == 1.0
    assert readability("The parties agreed on a ceasefire") == 1.0
    assert readability("يف عامتجالا لوألا دقع") < 0.3  # backwards
    assert readability("تwفyق اlحكyم") < 0.3  # glyphs read as Latin letters
    assert readability("رحّ بت الميسّ رة") < readability("رحّبت الميسّرة")  # cut in pieces
    assert readability("12 34") is None


def test_a_reading_replaces_the_first_only_where_it_reads_better():
    from ingest.extract.pdf import better_reading

    first = readability("تwفyق اlحكyم كتب مسرحية")
    good = "توفيق الحكيم كتب مسرحية"
    assert better_reading(first, {"pdftotext": "تwفyق اlحكyم", "pdfminer": good}) == "pdfminer"
    assert better_reading(readability(good), {"pdfminer": good}) is None
