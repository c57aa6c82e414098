"""The bilingual analyzer as tables of text → terms, the transliteration key, and pickling."""

from __future__ import annotations

import pickle

import pytest

from archive.index.analysis import (
    ScriptFilter,
    analyze,
    bilingual_analyzer,
    light_stem_arabic,
)
from archive.index.translit import name_parts, same_name


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # Arabic: article, clitics, ta marbuta, hamza forms, alef maqsura, plural suffixes
        ("المفاوضات", ["مفاوض"]),
        ("والمفاوضات بالمفاوضات مفاوضات", ["مفاوض", "مفاوض", "مفاوض"]),
        ("اتفاقية اتفاقيه الاتفاقية", ["اتفاق", "اتفاق", "اتفاق"]),
        ("الأسرى الاسرى أسرى", ["اسر", "اسر", "اسر"]),
        ("إطلاق اطلاق", ["اطلاق", "اطلاق"]),
        ("مستشفى مستشفي", ["مستشف", "مستشف"]),
        # diacritized text: harakat and tatweel do not change the term
        ("وَقْفُ إِطْلَاقِ النَّارِ", ["وقف", "اطلاق", "نار"]),
        ("محضـــر", ["محضر"]),
        # presentation forms (legacy PDFs) fold to letters
        ("\ufeb3\ufefc\ufee1", ["سلام"]),
        # Arabic-Indic and Persian digits are digits
        ("٢٠١٩ ۲۰۲۰ 2021", ["2019", "2020", "2021"]),
        # English: stems, case, stop words
        ("The Negotiations on ceasefires", ["negoti", "ceasefir"]),
        ("negotiating negotiated", ["negoti", "negoti"]),
        # Latin names: accents and letters that do not decompose, ʿayn and apostrophes, article
        ("Sørvik Åkerlund Łódź Straße", ["sorvik", "akerlund", "lodz", "strass"]),
        ("ʿAbd al-Ḥamīd al-Ṣabbāgh", ["abd", "hamid", "sabbagh"]),
        ("Saʿid Sa'id Said", ["said", "said", "said"]),
        # mixed text keeps its order
        ("Round 2 الجولة الثانية", ["round", "2", "جول", "ثان"]),
        # nothing to index
        ("", []),
        ("... — ! ؟ ،", []),
        ("في من على the of", []),
    ],
)
def test_text_is_analyzed_into_these_terms(text, terms):
    assert analyze(text) == terms


def test_harakat_stay_inside_the_token_span_so_highlights_land_on_the_original():
    text = "عقد وَالْمَدْرَسَةُ اجتماعا"
    tokens = [
        (t.text, text[t.startchar : t.endchar]) for t in bilingual_analyzer()(text, chars=True)
    ]
    assert ("مدرس", "وَالْمَدْرَسَةُ") in tokens


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("والكتاب", "كتاب"),
        ("وقف", "وقف"),
        ("ولد", "ولد"),
        ("المعلمون", "معلم"),
        ("بالسيارات", "سيار"),
        ("للطلاب", "طلاب"),
        ("كتابها", "كتاب"),
        ("آبارهم", "آبار"),  # an attached pronoun goes where four letters stay
        ("تفاهم", "تفاهم"),  # … and stays where it is the word's own root letters
        ("المتهم", "متهم"),
        ("الحاكم", "حاكم"),
        ("الراهن", "راهن"),
        ("مفاوضاتهم", "مفاوض"),
    ],
)
def test_light10_stemming(word, stem):
    assert light_stem_arabic(word) == stem


def test_the_filter_pickles_and_compares_equal():
    analyzer = bilingual_analyzer()
    assert analyze("المفاوضات") == ["مفاوض"]  # the stemmer has been built
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy == analyzer
    assert [t.text for t in copy("The negotiations والمفاوضات")] == ["negoti", "مفاوض"]
    assert ScriptFilter(stem=False) != ScriptFilter()


@pytest.mark.parametrize(
    "forms",
    [
        ["محمد حداد", "Mohammed Haddad", "Muhammad al-Haddad", "Mohamed El-Haddad", "محمد الحداد"],
        ["عبد الرحمن", "Abdel Rahman", "Abdul-Rahman", "Abd al-Rahman"],
        ["نور الدين شرف", "Nour al-Din Sharaf", "Nur ad-Din Sharaf"],
        ["يوسف", "Yousef", "Youssef", "Yusuf"],
        ["خالد", "Khaled", "Khalid"],
        ["جمال", "Jamal", "Gamal"],
        ["غسان", "Ghassan"],
        ["عبد الحميد الصباغ", "ʿAbd al-Ḥamīd al-Ṣabbāgh", "Abd al-Hamid al-Sabbagh"],
        # conventions: ث as th or s, ة as -a/-ah/-e, ou/u, ch/sh, dj/j/g, ee/i, a compound
        ["عثمان الحدادين", "Osman Haddadin", "Uthman al-Haddadeen", "Othmane el-Haddadine"],
        ["فاطمة", "Fatima", "Fatimah", "Fatme"],
        ["شكري", "Shukri", "Choukri"],
        ["جمال", "Djamal", "Gamal"],
        ["عبدالرحمن", "Abdelrahman", "Abdul Rahman", "عبد الرحمن"],
        ["أبو خليل", "Abou Khalil", "Abu Khaleel"],
        ["بنت سالم", "bint Salem", "Bint Saalim"],
        # particles of kinship apart, fused or left out
        ["شكري أبو خليل", "Choukri Aboukhalil", "Shukri Abu-Khalil", "Shukri Khalil"],
        ["ضاحي بن غانم", "Dhahi ben Ghanem", "Dahi Ghanim"],
        ["عيسى بو شهاب", "Eissa Boushehab", "Isa Abu Shihab"],
    ],
)
def test_a_name_and_its_spellings_share_a_transliteration_key(forms):
    for form in forms[1:]:
        assert same_name(forms[0], form), (forms[0], form, name_parts(form))


@pytest.mark.parametrize(
    ("one", "other"), [("Haddad", "Hamid"), ("عثمان", "Salman"), ("Jamal", "Kamel Jabr")]
)
def test_different_names_do_not_share_keys(one, other):
    assert not same_name(one, other)
