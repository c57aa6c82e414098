"""Text repair, decoding, identification and language detection, as tables of input → output."""

from __future__ import annotations

import pytest

from ingest.decoding import decode
from ingest.identify import identify
from ingest.language import detect_languages
from ingest.repair import repair
from tests.conftest import REPO

DATA = REPO / "tests" / "data"


@pytest.mark.parametrize(
    ("extracted", "expected", "fix"),
    [
        # pdfminer on a LibreOffice PDF: the line reversed, the number kept in its own order
        ("يف عامتجالا لوألا دقع 2019", "2019 عقد الأول الاجتماع في", "visual_order_restored"),
        ("(ةيلوألا) تاضوافملا", "المفاوضات (الأولية)", "visual_order_restored"),
        ("ةسلجلا نم UN-42 ةقيثولا", "الوثيقة UN-42 من الجلسة", "visual_order_restored"),
        # legacy reshaped PDF: presentation forms in visual order
        ("\ufee6\ufef4\ufe91 \ufe8e\ufee3", "ما بين", "presentation_forms_folded"),
        # bidi controls around runs (pdftotext, OCR)
        (
            "\u202bوقف إطلاق النار\u202c \u200eUN\u200e",
            "وقف إطلاق النار UN",
            "bidi_controls_removed",
        ),
        # a space pushed before each haraka
        ("و َق ْف ُ", "وَقْفُ", "space_before_harakat_removed"),
        ("ال ْم َد ْر َس َة", "الْمَدْرَسَة", "space_before_harakat_removed"),
        # Arabic-Indic digits keep their order when the line is put back
        ("ةيآلا ١٢٣٤٥ ةروسلا", "السورة ١٢٣٤٥ الآية", "visual_order_restored"),
        ("ةداملا 12 نم", "من 12 المادة", "visual_order_restored"),
        # justified by kashida: tatweel, space, tatweel inside a word
        ("رفات البشـ ـر", "رفات البشر", "kashida_split_joined"),
        # ornate parentheses are punctuation, not a legacy PDF's presentation forms
        ("﴾ميحرلا نمحرلا﴿", "﴿الرحمن الرحيم﴾", "visual_order_restored"),
        # a Latin line: only its Arabic words are put back, where they stand
        (
            "The meeting of the ةيلوألا ةنجللا was held",
            "The meeting of the اللجنة الأولية was held",
            "visual_order_restored",
        ),
    ],
)
def test_damaged_arabic_is_repaired(extracted, expected, fix):
    result = repair(extracted)
    assert result.text == expected
    assert fix in result.fixes


@pytest.mark.parametrize(
    "text",
    [
        "المفاوضات في مدينة 2019",
        "Minutes of the first round",
        "",
        "   ",
        "...!؟",
        "الطرفان اتفقا على وقف إطلاق النار",
        "﴿الحمد لله﴾ الآية ١٢",
        "Minutes of the meeting in the Bayt Rimal office",
        "سورة ١٢ الآية",
        # a haraka after a line break stays on its line: words are never fused across lines
        "كتبَ\n َالولد",
        "رحّبت الميسّرة بالوفود",
    ],
)
def test_text_in_good_order_is_left_alone(text):
    assert repair(text).text == text
    assert repair(text).fixes == []


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf-8.txt", "utf-8"),
        ("utf-8-bom.txt", "utf-8-sig"),
        ("utf-16.txt", "utf-16"),
        ("windows-1256.txt", "cp1256"),
    ],
)
def test_plain_text_is_decoded_in_its_encoding(name, encoding):
    decoded = decode((DATA / name).read_bytes())
    assert decoded.encoding == encoding
    assert decoded.text.startswith("محضر الجولة الثالثة من المفاوضات")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("وقف إطلاق النار في المنطقة", "utf-16-le"),
        ("Ceasefire talks resumed", "utf-16-be"),
        ("Réunion à Genève, déjà vu", "cp1252"),
    ],
)
def test_text_without_a_bom_is_recognised(text, encoding):
    assert decode(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    ("name", "format_"),
    [
        ("born-digital-english.pdf", "pdf"),
        ("arabic-rtl.docx", "docx"),
        ("utf-16.txt", "text"),
        ("windows-1256.txt", "text"),
        ("email-with-attachment.eml", "email"),
        ("empty.txt", "empty"),
        ("not-a-docx.docx", "broken_zip"),
        ("zip-not-docx.docx", "zip"),
        ("manifest.xlsx", "zip"),
    ],
)
def test_files_are_identified_by_content(name, format_):
    assert identify(DATA / name).name == format_


def test_a_misleading_extension_does_not_fool_identification(tmp_path):
    disguised = tmp_path / "minutes.pdf"
    disguised.write_bytes((DATA / "arabic-rtl.docx").read_bytes())
    assert identify(disguised).name == "docx"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("وقف إطلاق النار في المنطقة", ("ar",)),
        ("The parties agreed on a ceasefire.", ("en",)),
        (
            "The parties agreed on the ceasefire.\n\nاتفق الطرفان على وقف إطلاق النار وتبادل الأسرى في الجولة الثانية",
            ("ar", "en"),
        ),
        (
            "Les parties se sont réunies à Genève pour discuter du cessez-le-feu et de l'échange de prisonniers, "
            "avec la participation des observateurs internationaux et des médiateurs.",
            ("fr",),
        ),
        ("", ()),
        ("12 / 34 — 56", ()),
    ],
)
def test_languages_are_detected_by_script_then_langdetect(text, codes):
    assert detect_languages(text).codes == codes
