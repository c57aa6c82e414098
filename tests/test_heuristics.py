"""Metadata guessed from extracted text: dates in English and Arabic (three month-name families,
Arabic-Indic digits, Hijri dates converted to Gregorian, approximate dates), the document's date,
its title and its type. Every example is invented: the places, people and processes are fictional.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.heuristics import (
    FoundDate,
    find_dates,
    guess_date,
    guess_document_type,
    guess_title,
    hijri_to_gregorian,
)

G, H = "gregorian", "hijri"

# text -> (value, precision, approximate, calendar) of the one date in it
SINGLE_DATES = [
    # numeric, day first; month first only when day first is impossible
    ("Signed 2019-03-14 in Valmora", ("2019-03-14", "day", False, G)),
    ("Date: 14/03/2019", ("2019-03-14", "day", False, G)),
    ("Date: 14.03.2019", ("2019-03-14", "day", False, G)),
    ("dated 04/03/2019", ("2019-03-04", "day", False, G)),
    ("dated 03/14/2019", ("2019-03-14", "day", False, G)),
    ("filed 2019/03/14", ("2019-03-14", "day", False, G)),
    ("في 14/3/2019", ("2019-03-14", "day", False, G)),
    # English month names
    ("held on 14 March 2019 in Valmora", ("2019-03-14", "day", False, G)),
    ("March 14, 2019", ("2019-03-14", "day", False, G)),
    ("the 14th March 2019 session", ("2019-03-14", "day", False, G)),
    ("on the 2nd of September, 2021", ("2021-09-02", "day", False, G)),
    ("Round three, March 2019", ("2019-03", "month", False, G)),
    ("Mar. 2019", ("2019-03", "month", False, G)),
    ("Sept 2020 follow-up", ("2020-09", "month", False, G)),
    ("the talks resumed in 2019 after a pause", ("2019", "year", False, G)),
    ("held on 14–16 March 2019", ("2019-03-14", "day", False, G)),
    # Arabic: standard names, with and without hamza, with م after the year
    ("14 مارس 2019", ("2019-03-14", "day", False, G)),
    ("عقد في 3 أبريل 2018م", ("2018-04-03", "day", False, G)),
    ("عقد في 3 ابريل 2018", ("2018-04-03", "day", False, G)),
    ("7 إبريل 2018", ("2018-04-07", "day", False, G)),
    ("شهر أغسطس 2017", ("2017-08", "month", False, G)),
    ("22 يونيه 2016", ("2016-06-22", "day", False, G)),
    ("مارس 2019", ("2019-03", "month", False, G)),
    # Arabic: Levantine/Iraqi names, Arabic-Indic and Persian digits
    ("١٤ آذار ٢٠١٩", ("2019-03-14", "day", False, G)),
    ("۱۴ آذار ۲۰۱۹", ("2019-03-14", "day", False, G)),
    ("بتاريخ 5 كانون الثاني 2020", ("2020-01-05", "day", False, G)),
    ("تشرين الأول 2017", ("2017-10", "month", False, G)),
    ("30 تشرين الثاني 2015", ("2015-11-30", "day", False, G)),
    ("شهر أيار 2021", ("2021-05", "month", False, G)),
    ("1 آب 2014", ("2014-08-01", "day", False, G)),
    ("١٤ آذار/مارس ٢٠١٩", ("2019-03-14", "day", False, G)),
    ("12 كانون الأول من عام 2012", ("2012-12-12", "day", False, G)),
    # Arabic: Maghrebi names (Algeria/Tunisia, Morocco)
    ("15 جانفي 2021", ("2021-01-15", "day", False, G)),
    ("فيفري 2020", ("2020-02", "month", False, G)),
    ("9 أفريل 2019", ("2019-04-09", "day", False, G)),
    ("20 جويلية 2016", ("2016-07-20", "day", False, G)),
    ("أوت 2018", ("2018-08", "month", False, G)),
    ("5 غشت 2015", ("2015-08-05", "day", False, G)),
    ("شتنبر 2014", ("2014-09", "month", False, G)),
    ("9 دجنبر 2013", ("2013-12-09", "day", False, G)),
    ("18 يوليوز 2022", ("2022-07-18", "day", False, G)),
    # Hijri, converted with the tabular calendar
    ("1 رمضان 1440 هـ", ("2019-05-06", "day", False, H)),
    ("12 رجب 1440 هـ", ("2019-03-19", "day", False, H)),
    ("١٢ رجب ١٤٤٠هـ", ("2019-03-19", "day", False, H)),
    ("رجب 1440هـ", ("2019-03", "month", False, H)),
    ("5 ذي القعدة 1439هـ", ("2018-07-18", "day", False, H)),
    ("ربيع الأول 1441 هـ", ("2019-10", "month", False, H)),
    ("جمادى الآخرة 1442 هـ", ("2021-01", "month", False, H)),
    ("عام 1440 هـ", ("2018", "year", False, H)),
    ("12/7/1440هـ", ("2019-03-19", "day", False, H)),
    # approximate
    ("circa 2019", ("2019", "year", True, G)),
    ("c. 2015", ("2015", "year", True, G)),
    ("around March 2019", ("2019-03", "month", True, G)),
    ("late 2019", ("2019", "year", True, G)),
    ("in the spring of 2020", ("2020", "year", True, G)),
    ("by mid-2018", ("2018", "year", True, G)),
    ("حوالي عام 2019", ("2019", "year", True, G)),
    ("في أوائل 2020", ("2020", "year", True, G)),
    ("أواخر شهر مارس 2019", ("2019-03", "month", True, G)),
    ("في ربيع 2020", ("2020", "year", True, G)),
    ("منتصف رجب 1440 هـ", ("2019-03", "month", True, H)),
]


@pytest.mark.parametrize(("text", "expected"), SINGLE_DATES)
def test_a_date_is_found_with_its_precision_approximation_and_calendar(text, expected):
    found = find_dates(text)
    assert len(found) == 1, found
    assert (found[0].value, found[0].precision, found[0].approximate, found[0].calendar) == expected


NO_DATES = [
    "31 February 2019",
    "31/02/2019",
    "30 شباط 2020",
    "31 نيسان 2019",
    "30 ذو الحجة 1440 هـ",  # 1440 is not a leap year in the tabular calendar
    "Article 1999 of the draft",
    "see paragraphs 12-1950",
    "reference 123456789",
    "the 1990s",
    "a sum of 1850 units",
    "14 March",
    "",
]


@pytest.mark.parametrize("text", NO_DATES)
def test_impossible_dates_and_numbers_that_are_not_years_give_nothing(text):
    assert find_dates(text) == []


def test_dates_come_in_text_order_with_their_source_and_offset():
    text = "عقد في ١٢ رجب ١٤٤٠هـ الموافق ١٩ مارس ٢٠١٩م، وتلاه لقاء في 2020."
    found = find_dates(text)
    assert [(d.value, d.calendar) for d in found] == [
        ("2019-03-19", H),
        ("2019-03-19", G),
        ("2020", G),
    ]
    for d in found:
        assert text[d.start : d.start + len(d.source)] == d.source
    assert found[0].source == "١٢ رجب ١٤٤٠هـ"
    assert found[1].source == "١٩ مارس ٢٠١٩م"


def test_the_source_keeps_harakat_and_the_qualifier():
    text = "اجتمعوا في ١٤ مَارِس ٢٠١٩ ثم أواخر ٢٠٢٠"
    first, second = find_dates(text)
    assert first.source == "١٤ مَارِس ٢٠١٩"
    assert (second.source, second.approximate, second.value) == ("أواخر ٢٠٢٠", True, "2020")
    assert text.index("أواخر") == second.start


def test_a_year_range_gives_both_years_but_an_article_range_none():
    assert [d.value for d in find_dates("from 2018-2020")] == ["2018", "2020"]
    assert find_dates("pages 1950-1960 of the annex") == []


def test_an_impossible_date_is_not_read_again_as_a_bare_year():
    assert find_dates("the meeting of 31 February 2019") == []


# Hijri conversion: tabular (arithmetic) calendar, civil epoch (JD 1948439.5), leap years
# 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29. Exact values, no tolerance.
@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1, 1, 1), date(622, 7, 19)),  # the epoch: 16 July 622 Julian
        ((1364, 12, 6), date(1945, 11, 12)),  # Reingold & Dershowitz's sample table, R.D. 710347
        ((1440, 9, 1), date(2019, 5, 6)),  # also Umm al-Qura's 1 Ramadan 1440
        ((1440, 7, 12), date(2019, 3, 19)),  # Umm al-Qura agrees
        ((1441, 1, 1), date(2019, 9, 1)),  # Umm al-Qura: 31 August; tabular runs a day later here
    ],
)
def test_hijri_dates_convert_by_the_tabular_calendar(hijri, gregorian):
    assert hijri_to_gregorian(*hijri) == gregorian


def test_a_hijri_date_that_does_not_exist_is_refused():
    with pytest.raises(ValueError):
        hijri_to_gregorian(1440, 2, 30)


DOCUMENT_DATES = [
    # a cued full date near the top wins over an earlier one
    ("Background: the talks of 2 February 2018 failed.\nDate: 12 June 2019\n", "2019-06-12"),
    ("CONFIDENTIAL\nValmora, 14 March 2019\n\nMinutes\nRecalling 2 February 2019", "2019-03-14"),
    (
        "بسم الله الرحمن الرحيم\nمدينة قادرة، ١٤ آذار ٢٠١٩\nمحضر اجتماع\nإشارة إلى لقاء ٣ شباط ٢٠١٩",
        "2019-03-14",
    ),
    ("ورد في رسالة 2 أيار 2018 ما يلي.\nعقد الاجتماع بتاريخ 5 حزيران 2018", "2018-06-05"),
    ("On 1 May 2018 the convener wrote; the round was held on 3 May 2018.", "2018-05-03"),
    # else the first day or month date, an exact one before an approximate one
    ("Notes on the approach taken around May 2017 and in June 2017.", "2017-06"),
    ("Progress in 2015 and March 2016.", "2016-03"),
    # else the first plausible year
    ("An overview of the process since circa 2010.", "2010"),
    ("Founded 1850; reorganised 1999.", "1999"),
    ("No date here at all.", None),
]


@pytest.mark.parametrize(("text", "expected"), DOCUMENT_DATES)
def test_the_document_date_prefers_a_cued_full_date_near_the_top(text, expected):
    found = guess_date(text)
    assert (found.value if found else None) == expected


def test_the_document_date_is_a_found_date():
    assert guess_date("Date: 12/06/2019") == FoundDate(
        "2019-06-12", "day", False, G, "12/06/2019", 6
    )


TITLES = [
    ([""], {"title": "Concept Note on Water Sharing in the Ebrin Basin"}, "Concept Note on Water Sharing in the Ebrin Basin"),
    (["Agenda for the Valmora Talks\n"], {"title": "Untitled"}, "Agenda for the Valmora Talks"),
    (["  Minutes of the Third Round:  \nText"], {"title": "Microsoft Word - minutes_v2.docx"}, "Minutes of the Third Round"),
    (["CONFIDENTIAL\n\nAgenda for the Talks\n"], {"title": "Document1"}, "Agenda for the Talks"),
    (["سري للغاية\nبسم الله الرحمن الرحيم\nمحضر اجتماع اللجنة المشتركة:\n"], {}, "محضر اجتماع اللجنة المشتركة"),
    (["Page 1 of 3\n- 2 -\n***\n12\nValmora, 14 March 2019\nJoint Statement of the Parties\n"], {"title": "scan0001.pdf"}, "Joint Statement of the Parties"),
    (["Date: 12/03/2019\nRef: VT/12\nOptions Paper\n"], {"title": "   "}, "Options Paper"),
    (["ok\nLetter to the Convener\n"], {}, "Letter to the Convener"),
    (["Minutes of the meeting held on 14 March 2019\n"], {}, "Minutes of the meeting held on 14 March 2019"),
    (["\n\n  \n"], {}, None),
    ([], {"title": "final_draft_v3"}, None),
    (["CONFIDENTIAL – NOT FOR CIRCULATION\nReport of the Facilitators\n"], {}, "Report of the Facilitators"),
    (["التاريخ: ١٤ آذار ٢٠١٩\nالصفحة ١ من ٣\nتقرير التقييم النهائي\n"], {"title": "بدون عنوان"}, "تقرير التقييم النهائي"),
    (["Title page\n"], {"title": "  Draft Framework   for Ebrin  "}, "Draft Framework for Ebrin"),
]  # fmt: skip


@pytest.mark.parametrize(("pages", "metadata", "expected"), TITLES)
def test_the_title_is_the_meaningful_metadata_title_or_the_first_heading(pages, metadata, expected):
    assert guess_title(pages, metadata) == expected


DOCUMENT_TYPES = [
    # by title, English
    ("", "Draft Agreement on the Northern Ports", "draft_agreement"),
    ("", "Framework Agreement (draft 2)", "draft_agreement"),
    ("", "Zero Draft", "draft_agreement"),
    ("", "Agreement on the Ebrin River", "agreement"),
    ("", "Memorandum of Understanding between the Valmora Council and the Hill Parties", "agreement"),
    ("", "Joint Statement on the Agreement", "communique"),
    ("", "Final Communiqué of the Fourth Round", "communique"),
    ("", "Verbatim record of the plenary", "transcript"),
    ("", "Non-paper on security options", "concept_memo"),
    ("", "Evaluation of the Valmora Dialogue", "report"),
    ("Concept note\n", "Minutes of the Second Session", "minutes"),
    # by title, Arabic (with harakat, tatweel and hamza forms that fold away)
    ("", "مسودة اتفاق وقف إطلاق النار", "draft_agreement"),
    ("", "مشروع الاتفاق الإطاري", "draft_agreement"),
    ("", "مذكرة تفاهم", "agreement"),
    ("", "محضر حرفي للجلسة الثانية", "transcript"),
    ("", "مَحْضَر اجتمـاع اللجنة", "minutes"),
    ("", "البيان الختامي للجولة الرابعة", "communique"),
    ("", "بيان صحفي", "press_release"),
    ("", "قائمة المشاركين", "participant_list"),
    ("", "مذكرة مفاهيمية حول الحوار", "concept_memo"),
    ("", "ورقة غير رسمية", "concept_memo"),
    ("", "تقرير تقييم المرحلة الأولى", "report"),
    ("", "تفريغ التسجيل الصوتي", "transcript"),
    # by body
    ("Dear Dr Halloran,\nThank you for the report of the meeting.", None, "correspondence"),
    ("FOR IMMEDIATE RELEASE\nThe parties signed an agreement today.", None, "press_release"),
    ("AGREEMENT ON THE EBRIN RIVER\nThe parties, recalling their joint statement...", None, "agreement"),
    ("Welcome.\nThe attached report covers the session. List of participants follows.", None, "participant_list"),
    ("List of participants\n1. Ms Noor Tallan\n2. Mr Edmund Vask", None, "participant_list"),
    ("سعادة السيد كريم الوادي المحترم\nتحية طيبة وبعد،", None, "correspondence"),
    ("وقائع الجلسة الأولى\nافتتح الميسر الجلسة", None, "minutes"),
    ("اتفاقية السلام بين الطرفين", None, "agreement"),
    ("Summary record of the closing session", None, "minutes"),
    # no cue
    ("The session lasted forty minutes. The parties then left.", None, None),
    ("Nothing here names a kind of document.", "Valmora, spring", None),
    ("", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "title", "expected"), DOCUMENT_TYPES)
def test_the_document_type_follows_cue_words_title_first(text, title, expected):
    assert guess_document_type(text, title) == expected


def test_a_body_cue_beyond_the_first_thousand_characters_is_not_read():
    assert guess_document_type("x " * 600 + "Joint statement") is None
