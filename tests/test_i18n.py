"""The interface's words come from gettext catalogs a translator can edit: every message has its
Arabic, with Arabic's six plural forms where a count is said ("3 وثائق", "28 وثيقة"); dates and
numbers are written by locale; an error is said in the interface's language, from its code."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from archive.access.users import Users
from tests.conftest import REPO
from tests.test_reading_room import PASSWORD, _post, _sign_in
from webui.i18n import TRANSLATIONS, texts

ARABIC_PLURALS = "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _catalogs():
    with open(TRANSLATIONS / "messages.pot", "rb") as fh:
        english = {m.context: m for m in read_po(fh) if m.id}
    with open(TRANSLATIONS / "ar" / "LC_MESSAGES" / "messages.po", "rb") as fh:
        arabic = read_po(fh, locale="ar")
    return english, arabic


def test_every_message_has_its_arabic_with_the_same_placeholders():
    english, arabic = _catalogs()
    assert arabic.plural_forms.startswith(ARABIC_PLURALS)
    translated = {m.context: m for m in arabic if m.id}
    assert set(translated) == set(english)
    problems = []
    for key, message in translated.items():
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.pluralizable and len(forms) != 6:
            problems.append((key, "not six plural forms"))
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        allowed = {name for text in sources for name in PLACEHOLDER.findall(text)}
        for form in forms:
            if not form:
                problems.append((key, "untranslated"))
            elif not set(PLACEHOLDER.findall(form)) <= allowed:  # a form may leave out the count
                problems.append((key, form))
    assert problems == []


@pytest.mark.parametrize(
    ("count", "said"),
    [
        (0, "لا وثائق"),
        (1, "وثيقة واحدة"),
        (2, "وثيقتان"),
        (3, "3 وثائق"),
        (10, "10 وثائق"),
        (11, "11 وثيقة"),
        (28, "28 وثيقة"),
        (100, "100 وثيقة"),
        (103, "103 وثائق"),
        (1234, "1,234 وثيقة"),
    ],
)
def test_a_count_takes_its_arabic_plural_form(count, said):
    assert texts("ar").n("results", count, total=count) == said


def test_the_home_page_counts_records_and_processes_each_in_its_form():
    words = texts("ar")
    said = words["holds"].format(
        records=words.n("results", 3, total=3), processes=words.n("processes_count", 1, total=1)
    )
    assert said == "في المستودع 3 وثائق من عملية وساطة واحدة."
    english = texts("en")
    assert english["holds"].format(
        records=english.n("results", 1, total=1),
        processes=english.n("processes_count", 2, total=2),
    ) == ("The depository holds 1 record from 2 mediation processes.")
    # no process known to the asker: the records alone ("من لا عمليات وساطة" is no Arabic)
    assert words["holds_records"].format(records=words.n("results", 2, total=2)) == (
        "في المستودع وثيقتان."
    )


def test_english_counts_and_dates_by_locale():
    words = texts("en")
    assert [words.n("results", n, total=n) for n in (1, 2, 12345)] == [
        "1 record",
        "2 records",
        "12,345 records",
    ]
    assert words.date("2019-03-14") == "14 March 2019"
    assert texts("ar").date("2019-03-14") == "14 مارس 2019"
    assert texts("ar").date("2019-03") == "مارس 2019"
    assert words.date("2019") == "2019"  # a year alone, or a range, as it is
    assert words.date("2019..2021") == "2019..2021"
    assert texts("ar").moment("2026-12-07T23:07:12Z") == "7 ديسمبر 2026، 23:07 UTC"


def test_every_error_code_raised_has_words_in_both_catalogs():
    codes = set()
    for folder in ("archive", "ingest", "webui"):
        for path in (REPO / folder).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            codes |= set(re.findall(r'\bcode="(\w+)"', source))  # raised with a code
            codes |= set(re.findall(r'^    code = "(\w+)"', source, re.M))  # a class's own
    assert {"user_exists", "own_release", "would_open", "not_found", "failed"} <= codes
    english, arabic = _catalogs()
    translated = {m.context for m in arabic if m.id and all(_forms(m))}
    missing = [code for code in sorted(codes) if f"error.{code}" not in english]
    untranslated = [code for code in sorted(codes) if f"error.{code}" not in translated]
    assert (missing, untranslated) == ([], [])


def _forms(message) -> tuple:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_an_error_that_counts_says_its_count_in_its_form():
    from archive.access.users import UserError

    def short(minimum):
        return UserError("short", code="password_short", minimum=minimum)

    arabic = texts("ar")
    assert arabic.error(short(10)) == "تحتاج كلمة المرور إلى 10 أحرف على الأقل."
    assert arabic.error(short(12)) == "تحتاج كلمة المرور إلى 12 حرفًا على الأقل."
    assert texts("en").error(short(1)) == "A password needs at least 1 character."
    missing = UserError("missing", code="profile_missing", fields=["full_name", "email"])
    assert arabic.error(missing) == f"حقول ناقصة: {arabic['full_name']}، {arabic['email']}."


def test_the_arabic_pages_count_in_arabic_and_staff_errors_are_said_in_arabic(app, client):
    Users(app.config["SITE"].depository.catalog).add("archivist", PASSWORD, "staff", actor="x")
    total = client.get("/browse.json").get_json()["total"]
    page = client.get("/browse?lang=ar").get_data(as_text=True)
    assert texts("ar").n("results", total, total=total) in page
    assert texts("en").n("results", total, total=total) not in page

    staff = app.test_client()
    staff.get("/?lang=ar")  # the language is remembered
    assert _sign_in(staff, "archivist").status_code == 302
    record = "nd-2021-r1-minutes-ar"
    via = f"/staff/edit/records/{record}"
    _post(staff, f"/staff/releases/{record}/propose", {"basis": "declassified"}, via=via)
    answer = _post(staff, f"/staff/releases/{record}/approve", {}, via=via)
    shown = staff.get(answer.headers["Location"]).get_data(as_text=True)
    assert "قائمة الإفراج" in shown  # one word for a release throughout
    assert "اقترح archivist هذا الإفراج؛ يجب أن يوافق عليه موظف آخر" in shown
    assert "another staff member must approve it" not in shown  # not the core's English
