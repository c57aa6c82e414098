"""Metadata guessed from extracted text when nothing better is given: dates, a title, a type.

Pure functions, standard library only. Dates are found in English and Arabic: numeric forms
(day first, as in the region), English month names, the three Arabic month-name families
(standard, Levantine/Iraqi, Maghrebi), Arabic-Indic and Persian digits, and Hijri dates, which
are converted to Gregorian with the tabular (arithmetic) Islamic calendar. Arabic is matched
after folding (hamza forms to alef, ة to ه, ى to ي, harakat and tatweel removed); reported
offsets and source text are those of the original string.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# --- Folding, with a map back to the original offsets ------------------------------------------

_CHAR_FOLD = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    **dict.fromkeys("آأإٱ", "ا"), "ى": "ي", "ة": "ه", "\u00a0": " ",
    "\u060d": "/", "\u066b": ".", "\u066c": ",",  # date, decimal and thousands separators
}  # fmt: skip
_MARKS = re.compile("[\u0640\u064b-\u0655\u0670]")
_DROPPED = re.compile("[\u0640\u064b-\u0655\u0670\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def _fold(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each of its characters, the offset of its source character."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if _DROPPED.match(ch):
            continue
        chars.append(_CHAR_FOLD.get(ch, ch))
        where.append(i)
    where.append(len(text))
    return "".join(chars), where


def _fold_for_cues(text: str) -> str:
    """Folded, case-folded text for cue matching (offsets not kept)."""
    return _fold(unicodedata.normalize("NFKC", text))[0].casefold()


# --- Month names ----------------------------------------------------------------------------


def _months(*months: str) -> dict[str, int]:
    """Month number by name, from one comma-separated list of spellings per month."""
    return {
        name.strip(): n for n, spellings in enumerate(months, 1) for name in spellings.split(",")
    }


_EN_MONTHS = _months(
    "january,jan", "february,feb", "march,mar", "april,apr", "may", "june,jun", "july,jul",
    "august,aug", "september,sept,sep", "october,oct", "november,nov", "december,dec",
)  # fmt: skip
# Folded spellings (hamza forms folded to ا, ة to ه, ى to ي). Standard (Egypt, the Gulf),
# Moroccan and Algerian/Tunisian names, then the Levantine/Iraqi (Syriac) ones.
_AR_MONTHS = {
    **_months(
        "يناير,جانفي", "فبراير,فيفري", "مارس", "ابريل,افريل", "مايو,ماي", "يونيو,يونيه,جوان",
        "يوليو,يوليه,يوليوز,جويليه", "اغسطس,اغشت,غشت,اوت", "سبتمبر,شتنبر", "اكتوبر",
        "نوفمبر,نونبر", "ديسمبر,دجنبر",
    ),
    **_months(
        "كانون الثاني,كانون ثاني", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب",
        "ايلول", "تشرين الاول,تشرين اول", "تشرين الثاني,تشرين ثاني", "كانون الاول,كانون اول",
    ),
}  # fmt: skip
_HIJRI_MONTHS = _months(
    "محرم,المحرم", "صفر", "ربيع الاول,ربيع اول", "ربيع الاخر,ربيع الثاني,ربيع اخر,ربيع ثاني",
    "جمادي الاولي,جمادي الاول,جمادي اولي", "جمادي الاخره,جمادي الثانيه,جمادي الاخر,جمادي الثاني",
    "رجب", "شعبان", "رمضان", "شوال", "ذو القعده,ذي القعده,ذا القعده", "ذو الحجه,ذي الحجه,ذا الحجه",
)  # fmt: skip


def _names(table: dict[str, int]) -> str:
    """An alternation of the names, longest first, spaces matching any run of whitespace."""
    ordered = sorted(table, key=len, reverse=True)
    return "(?:" + "|".join(name.replace(" ", r"\s+") for name in ordered) + r")(?![^\W\d_])"


def _month_number(table: dict[str, int], name: str) -> int:
    return table[" ".join(name.casefold().rstrip(".").split())]


# --- Date patterns, on folded text ------------------------------------------------------------

_EN = _names(_EN_MONTHS)
_AR = _names(_AR_MONTHS)
_HM = _names(_HIJRI_MONTHS)
_DAY = r"(?<!\d)(\d{1,2})"
_ORD = r"(?:st|nd|rd|th)?"
_DAY_RANGE = r"(?:\s*[-–—]\s*\d{1,2}" + _ORD + ")?"  # "14–16 March": the first day is kept
_YEAR = r"(\d{4})(?:\s?م)?(?!\w)"  # "2019م": م marks a Gregorian year
_HIJRI_MARK = r"(?:هجريه|هجري|للهجره|ه)(?!\w)"
_HIJRI_YEAR = rf"(\d{{1,4}})(?:\s*({_HIJRI_MARK}))?(?!\w)"
_AR_YEAR_WORD = r"(?:(?:من\s+)?(?:ال|لل|ل)?(?:عام|سنه)\s+)?"
_AR_ALT = r"(?:\s*[/(]\s*" + _AR + r"\s*\)?)?"  # "آذار/مارس", "آذار (مارس)"
_SEP = r"\s*[,،]?\s*"

_PATTERN_TEXT = {
    "num_ymd": rf"(?<!\d)(?<!\d[/.-])(\d{{4}})([/.-])(\d{{1,2}})\2(\d{{1,2}})(?!\d)(?![/.-]\d)"
    rf"(?:\s*({_HIJRI_MARK}|م(?!\w)))?",
    "num_dmy": rf"(?<!\d)(?<!\d[/.-])(\d{{1,2}})([/.-])(\d{{1,2}})\2(\d{{4}})(?!\d)(?![/.-]\d)"
    rf"(?:\s*({_HIJRI_MARK}|م(?!\w)))?",
    "hijri_dmy": rf"{_DAY}\s*(?:من\s+)?(?:شهر\s+)?({_HM}){_SEP}{_AR_YEAR_WORD}{_HIJRI_YEAR}",
    "ar_dmy": rf"{_DAY}{_DAY_RANGE}\s*(?:من\s+)?(?:شهر\s+)?({_AR}){_AR_ALT}{_SEP}{_AR_YEAR_WORD}{_YEAR}",
    "en_dmy": rf"{_DAY}{_ORD}{_DAY_RANGE}\s+(?:of\s+)?({_EN})\.?,?\s+{_YEAR}",
    "en_mdy": rf"\b({_EN})\.?\s+(\d{{1,2}}){_ORD}{_DAY_RANGE},?\s+{_YEAR}",
    "hijri_my": rf"(?<!\w)(?:شهر\s+)?({_HM}){_SEP}{_AR_YEAR_WORD}{_HIJRI_YEAR}",
    "ar_my": rf"(?<!\w)(?:شهر\s+)?({_AR}){_AR_ALT}{_SEP}{_AR_YEAR_WORD}{_YEAR}",
    "en_my": rf"\b({_EN})\.?,?\s+(?:of\s+)?{_YEAR}",
    "hijri_y": rf"(?<!\w)(\d{{3,4}})\s*({_HIJRI_MARK})",
    # A bare year; "2018-2019" gives two, "03-2019", "2019-03" and "1.2019" none.
    "year": r"(?<![^\W_])(?<!\d[.,/:])(?<!\b\d-)(?<!\b\d\d-)(\d{4})(?![.,/:]\d)(?!-\d{1,2}\b)"
    r"(?:\s?م)?(?!\w)",
}
# In order of preference where two patterns match the same text.
_PATTERNS = [(kind, re.compile(text, re.I)) for kind, text in _PATTERN_TEXT.items()]
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERNS)}

_EN_APPROX = re.compile(
    r"(?<![^\W_])(?:circa|c\.|ca\.|about|around|approximately|approx\.|roughly|early|mid|late"
    r"|spring|summer|autumn|fall|winter)(?:[\s-]+of)?[\s-]*$",
    re.I,
)
_AR_APPROX = re.compile(
    r"(?<!\w)(?:حوالي|نحو|قرابه|اوائل|اواسط|منتصف|اواخر|مطلع|ربيع|صيف|خريف|شتاء)\s+"
    r"(?:(?:ال|ل)?(?:عام|سنه|شهر)\s+)?$"
)
# Numbers that count articles, paragraphs, pages or resolutions, not years.
_NUMBERED = re.compile(
    r"(?<![^\W_])(?:articles?|arts?\.|paras?\.?|paragraphs?|sections?|§+|nos?\.|numbers?|pages?"
    r"|pp?\.|resolutions?|chapters?|items?|الماده|المواد|ماده|مواد|الفقره|الفقرات|فقره|البند"
    r"|البنود|بند|رقم|ص|القرار|الصفحه|الصفحات)\s*(?:\d+\s*(?:[-–—,]|and|to|و|الي)\s*)*$",
    re.I,
)

# --- Hijri (tabular) calendar -----------------------------------------------------------------

_HIJRI_EPOCH = 227015  # 1 Muharram 1 AH = 16 July 622 Julian, as a proleptic Gregorian ordinal


def _hijri_leap(year: int) -> bool:
    """Leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle."""
    return (14 + 11 * year) % 30 < 11


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """A Hijri date in the tabular Islamic calendar (civil epoch) as a Gregorian date.

    The arithmetic of Reingold and Dershowitz's "arithmetic Islamic calendar", equal to the
    Julian-day form JD = day + ceil(29.5 (month - 1)) + 354 (year - 1) + floor((3 + 11 year) / 30)
    + 1948439.5 - 1. Raises ValueError for a date that does not exist."""
    length = 30 if month % 2 == 1 or (month == 12 and _hijri_leap(year)) else 29
    if not (year >= 1 and 1 <= month <= 12 and 1 <= day <= length):
        raise ValueError(f"no Hijri date {year}-{month}-{day}")
    days = (year - 1) * 354 + (3 + 11 * year) // 30 + 29 * (month - 1) + month // 2 + day
    return date.fromordinal(_HIJRI_EPOCH - 1 + days)


# --- Finding dates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundDate:
    value: str  # ISO partial date: "2019", "2019-03" or "2019-03-14"
    precision: str  # "year" | "month" | "day"
    approximate: bool
    calendar: str  # "gregorian" | "hijri" (value is always Gregorian)
    source: str  # the matched text as it appears
    start: int  # character offset in the input


# (calendar, year, month, day); month and day None when not given.
_Parts = tuple[str, int, int | None, int | None]


def _gregorian_parts(year: int, month: int | None, day: int | None) -> _Parts | None:
    return ("gregorian", year, month, day) if 1000 <= year <= 2999 else None


def _hijri_parts(year: int, month: int | None, day: int | None, marked: bool) -> _Parts | None:
    low = 1 if marked else 1300
    return ("hijri", year, month, day) if low <= year <= 1600 else None


def _numeric_parts(year: int, first: int, second: int, mark: str | None) -> _Parts | None:
    """Day first as in the region; month first only when day first cannot be a date."""
    hijri = (mark is not None and mark != "م") or 1300 <= year <= 1600
    day, month = first, second
    if not _valid(("hijri" if hijri else "gregorian", year, month, day)):
        day, month = second, first
    if hijri:
        return _hijri_parts(year, month, day, marked=True)
    return ("gregorian", year, month, day) if 1700 <= year <= 2999 else None


def _parts(kind: str, m: re.Match[str]) -> _Parts | None:
    """The date a pattern's match names, or None when it is not a date after all."""
    g = m.groups()
    if kind == "num_ymd":
        return _numeric_parts(int(g[0]), int(g[3]), int(g[2]), g[4])
    if kind == "num_dmy":
        return _numeric_parts(int(g[3]), int(g[0]), int(g[2]), g[4])
    if kind == "hijri_dmy":
        return _hijri_parts(int(g[2]), _month_number(_HIJRI_MONTHS, g[1]), int(g[0]), bool(g[3]))
    if kind == "hijri_my":
        return _hijri_parts(int(g[1]), _month_number(_HIJRI_MONTHS, g[0]), None, bool(g[2]))
    if kind == "hijri_y":
        return _hijri_parts(int(g[0]), None, None, marked=True)
    if kind in ("ar_dmy", "en_dmy"):
        table = _AR_MONTHS if kind == "ar_dmy" else _EN_MONTHS
        return _gregorian_parts(int(g[2]), _month_number(table, g[1]), int(g[0]))
    if kind == "en_mdy":
        return _gregorian_parts(int(g[2]), _month_number(_EN_MONTHS, g[0]), int(g[1]))
    if kind in ("ar_my", "en_my"):
        table = _AR_MONTHS if kind == "ar_my" else _EN_MONTHS
        return _gregorian_parts(int(g[1]), _month_number(table, g[0]), None)
    year = int(g[0])  # a bare year: only when clearly one
    if not 1900 <= year <= 2100 or _NUMBERED.search(m.string, max(0, m.start() - 60), m.start()):
        return None
    return ("gregorian", year, None, None)


def _to_gregorian(parts: _Parts) -> tuple[str, str]:
    """(ISO partial value, precision); ValueError when the date does not exist."""
    calendar, year, month, day = parts
    if calendar == "hijri":
        first = hijri_to_gregorian(year, month or 1, day or 1)
        year, month, day = first.year, month and first.month, day and first.day
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        date(year, month, 1)
        return f"{year:04d}-{month:02d}", "month"
    return date(year, month, day).isoformat(), "day"


def _valid(parts: _Parts) -> bool:
    try:
        _to_gregorian(parts)
    except ValueError:
        return False
    return True


def _candidates(folded: str) -> list[tuple[int, int, int, _Parts]]:
    found = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            parts = _parts(kind, m)
            if parts is not None:
                found.append((m.start(), m.end(), _PRIORITY[kind], parts))
    found.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))
    return found


def _approximate_start(folded: str, start: int) -> int | None:
    """Where a qualifier such as "circa", "late" or "أواخر" right before the date begins."""
    before = folded[max(0, start - 40) : start]
    qualifier = _EN_APPROX.search(before) or _AR_APPROX.search(before)
    return None if qualifier is None else start - len(before) + qualifier.start()


def _end_of_letter(text: str, end: int) -> int:
    """Past the harakat and tatweel that belong to the last letter ("هـ")."""
    while end < len(text) and _MARKS.match(text[end]):
        end += 1
    return end


def find_dates(text: str) -> list[FoundDate]:
    """Every date in the text, in text order. Dates that do not exist (31 February) are dropped,
    and the text they cover is not read again as a bare year."""
    folded, where = _fold(text)
    dates: list[FoundDate] = []
    taken = 0
    for start, end, _, parts in _candidates(folded):
        if start < taken:
            continue
        taken = end
        try:
            value, precision = _to_gregorian(parts)
        except ValueError:
            continue
        qualified = _approximate_start(folded, start)
        first = where[start if qualified is None else qualified]
        last = _end_of_letter(text, where[end - 1] + 1)
        dates.append(
            FoundDate(value, precision, qualified is not None, parts[0], text[first:last], first)
        )
    return dates


# --- The document's date --------------------------------------------------------------------

_HEAD = 1500
_DATE_CUE = re.compile(
    r"(?<![^\W_])(?:date|dated|held|signed|done|issued|convened|التاريخ|تاريخ|بتاريخ|عقد|عقدت"
    r"|انعقد|انعقدت|حرر|حررت|صدر|صدرت|الموافق)(?![^\W_])[^\n]{0,50}$",
    re.I,
)
_PLACE_BEFORE_DATE = re.compile(r"^\s*[^\W\d_][^\d\n,،:]{0,40}(?:[,،]|\s+في)\s*$")


def _has_cue(text: str, found: FoundDate) -> bool:
    """A cue word before the date, a place-date line ("Geneva, 14 March 2019"), or the date
    alone on its line."""
    folded = _fold(text[max(0, found.start - 80) : found.start])[0]
    before = folded.rsplit("\n", 1)[-1]
    after = text[found.start + len(found.source) :].split("\n", 1)[0]
    alone = not before.strip() and not re.search(r"[^\W_]", after)
    return alone or bool(_DATE_CUE.search(before) or _PLACE_BEFORE_DATE.match(before))


def guess_date(text: str) -> FoundDate | None:
    """The document's date: a cued full date near the top, else the first day or month date,
    else the first year; only dates from 1900 to 2100 count."""
    dates = [d for d in find_dates(text) if 1900 <= int(d.value[:4]) <= 2100]
    for found in dates:
        if found.start < _HEAD and found.precision == "day" and _has_cue(text, found):
            return found
    precise = [d for d in dates if d.precision in ("day", "month")]
    exact = [d for d in precise if not d.approximate]
    if exact or precise:
        return (exact or precise)[0]
    return dates[0] if dates else None


# --- Title --------------------------------------------------------------------------------

_PLACEHOLDER_TITLE = re.compile(
    r"^(?:untitled\b.*|no title|title|new document|document|doc|presentation|slide|word document"
    r"|بدون عنوان|مستند|وثيقه|مستند جديد)[\s_-]*\d*$",
    re.I,
)
_OFFICE_TITLE = re.compile(r"^microsoft\s+(?:office\s+)?(?:word|powerpoint|excel)\s*-", re.I)
_FILE_NAME = re.compile(
    r"^\S+\.(?:docx?|pdf|odt|rtf|txt|xlsx?|pptx?|html?|jpe?g|png|tiff?)$|^[^\s]*_[^\s]*$"
    r"|^(?:scan|img|image|dsc)[\s_-]*\d+$",
    re.I,
)
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:page|p\.|صفحه|الصفحه|ص)?\s*\d+\s*(?:(?:of|/|من)\s*\d+)?[-–—\s]*$", re.I
)
_MARKINGS = {
    "confidential", "strictly confidential", "highly confidential", "personal and confidential",
    "secret", "top secret", "restricted", "draft", "internal", "urgent", "embargoed",
    "not for circulation", "not for distribution", "not for publication", "for official use only",
    "chatham house rule", "under embargo", "سري", "سري للغايه", "سري جدا", "سري وشخصي",
    "شخصي وسري", "سري ومكتوم", "مكتوم", "محدود التداول", "للاستخدام الرسمي فقط", "ليس للنشر",
    "غير للنشر", "عاجل", "مسوده", "بسم الله الرحمن الرحيم",
}  # fmt: skip
_REFERENCE_LINE = re.compile(
    r"^(?:ref|reference|our ref|your ref|no|المرجع|الرقم|رقم)\s*[.:]", re.I
)


def _meaningful_title(title: str) -> bool:
    return not (
        len(title) < 3
        or not re.search(r"[^\W\d_]", title)
        or _PLACEHOLDER_TITLE.match(title)
        or _OFFICE_TITLE.match(title)
        or _FILE_NAME.match(title)
    )


def _is_marking(line: str) -> bool:
    """A letterhead marking: "CONFIDENTIAL", "سري للغاية – ليس للنشر", the basmala."""
    parts = re.split(r"\s*[-–—/|•·]\s*", _fold_for_cues(line))
    return all(" ".join(re.sub(r"[^\w\s]", " ", p).split()) in _MARKINGS for p in parts if p)


def _is_date_line(line: str) -> bool:
    """A line that is a day or month date with at most a place or a cue word around it."""
    dates = [d for d in find_dates(line) if d.precision != "year"]
    for found in dates:
        line = line.replace(found.source, " ")
    return bool(dates) and len(re.findall(r"[^\W\d_]+", line)) <= 3


def _heading_like(line: str) -> bool:
    return (
        3 <= len(line) <= 200
        and re.search(r"[^\W\d_]", line) is not None
        and not _PAGE_NUMBER.match(_fold(line)[0])
        and not _REFERENCE_LINE.match(_fold(line)[0])
        and not _is_marking(line)
        and not _is_date_line(line)
    )


def guess_title(pages: list[str], metadata: dict[str, str]) -> str | None:
    """The metadata title when it means something, else the first heading-like line of page 1."""
    given = _clean(metadata.get("title") or "")
    if _meaningful_title(given):
        return given
    lines = (_clean(raw) for raw in (pages[0] if pages else "").splitlines())
    return next((line for line in lines if _heading_like(line)), None)


def _clean(line: str) -> str:
    return " ".join(line.split()).rstrip(":：").rstrip()


# --- Document type ----------------------------------------------------------------------------

_AR_PREFIX = r"(?<!\w)(?:[وف]?(?:[بكل]?ال|لل|[بكل])?)"


def _ar(core: str) -> str:
    """An Arabic cue with the clitics and article it may carry, and any ending."""
    return _AR_PREFIX + core.replace(" ", r"\s+") + r"\w*"


# (code, pattern, strong). Where phrases overlap at one place the longer match wins.
_TYPE_CUES: list[tuple[str, str, bool]] = [
    ("transcript", r"\btranscripts?\b|\bverbatim\b", True),
    ("transcript", _ar("نص حرفي|محضر حرفي"), True),
    ("transcript", _ar("تفريغ"), False),
    ("minutes", r"\bminutes\b|\bsummary records?\b|\brecords? of (?:the )?meeting\b", True),
    ("minutes", _ar("محضر|وقائع (?:ال)?جلس"), True),
    ("concept_memo", r"\bconcept (?:note|memo|paper)s?\b|\bnon-?\s?papers?\b|\boptions? papers?\b", True),
    ("concept_memo", _ar("(?:مذكره|ورقه) مفاهيمي|ورقه غير رسمي|ورقه (?:ال)?خيارات"), True),
    ("draft_agreement", r"\bdraft (?:[\w-]+ ){0,3}agreement\b|\bdraft (?:framework|text)\b|\bzero draft\b", True),
    ("draft_agreement", _ar("(?:مشروع|مسوده) (?:ال)?اتفا"), True),
    ("draft_agreement", _ar("مسود(?:ه|ات)"), False),
    ("agreement", r"\bmemorand(?:um|a) of understanding\b", True),
    ("agreement", _ar("مذكره تفاهم"), True),
    ("agreement", r"\bagreements?\b|\baccords?\b", False),
    ("agreement", _ar("اتفاق"), False),
    ("communique", r"\bcommuniqu[eé]s?\b|\b(?:joint|final) (?:statement|declaration)\b", True),
    ("communique", _ar("بيان (?:ال)?(?:ختامي|مشترك)"), True),
    ("participant_list", r"\blists? of participants\b|\bparticipants?'? lists?\b|\battendees\b|\battendance list\b", True),
    ("participant_list", _ar("(?:قائمه|كشف) (?:باسماء )?(?:ال)?(?:مشاركين|حضور)"), True),
    ("correspondence", r"\bdear\s|\byours (?:sincerely|faithfully|truly)\b", True),
    ("correspondence", _ar("تحيه طيبه") + r"|(?<!\w)(?:السيد|السيده|سعاده|معالي)\s[^\n]{0,60}?(?:ال)?محترم", True),
    ("correspondence", r"\bletters?\b", False),
    ("correspondence", _ar("رسال[هت]"), False),
    ("report", r"\breports?\b|\bevaluations?\b", False),
    ("report", _ar("تقرير|تقييم"), False),
    ("press_release", r"\b(?:press|news|media) releases?\b|\bfor immediate release\b", True),
    ("press_release", _ar("بيان (?:ال)?(?:صحفي|اعلامي)"), True),
]  # fmt: skip
_COMPILED_CUES = [(code, re.compile(p), strong) for code, p, strong in _TYPE_CUES]
_DRAFT_MARK = re.compile(r"\bdraft\b|" + _ar("مسود(?:ه|ات)|مشروع"))
_DURATION = re.compile(r"(?<![^\W_])(?:\d+|few|several|many|one|two|ten|\w+teen|\w+ty)[ \t-]*$")
_BODY_HEAD = 1000


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    code: str
    strong: bool


def _cues(folded: str) -> list[_Cue]:
    """Every cue, earliest first; at one place the longest, then the strong one."""
    cues = []
    for code, pattern, strong in _COMPILED_CUES:
        for m in pattern.finditer(folded):
            if code == "minutes" and _DURATION.search(folded, max(0, m.start() - 20), m.start()):
                continue  # "for thirty minutes"
            cues.append(_Cue(m.start(), m.end(), code, strong))
    return sorted(cues, key=lambda c: (c.start, c.start - c.end, not c.strong))


def _line_of(folded: str, at: int) -> str:
    end = folded.find("\n", at)
    return folded[folded.rfind("\n", 0, at) + 1 : len(folded) if end == -1 else end]


def _settle(cue: _Cue, scope: str) -> str:
    """An agreement with "draft" in its scope (the title, or the cue's line) is a draft."""
    return "draft_agreement" if cue.code == "agreement" and _DRAFT_MARK.search(scope) else cue.code


def _body_type(body: str) -> str | None:
    folded = _fold_for_cues(body[:_BODY_HEAD])
    cues = _cues(folded)
    if not cues:
        return None
    heading_end = folded.find("\n", len(folded) - len(folded.lstrip()))
    in_first_line = heading_end == -1 or cues[0].start < heading_end
    strong = [c for c in cues if c.strong]
    chosen = cues[0] if in_first_line or not strong else strong[0]
    return _settle(chosen, _line_of(folded, chosen.start))


def guess_document_type(text: str, title: str | None = None) -> str | None:
    """A code of the document_types vocabulary from cue words in either language: a cue in the
    title wins; else the body's heading, else its earliest strong cue, else its earliest weak
    one, within the first 1000 characters. None when nothing cues a type."""
    if title:
        folded_title = _fold_for_cues(title)
        cues = _cues(folded_title)
        if cues:
            return _settle(cues[0], folded_title)
    return _body_type(text or "")
