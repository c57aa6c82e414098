"""Dates found in extracted text, and the document's own date guessed from them.

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

from archive import arabic

# --- Folding, with a map back to the original offsets ------------------------------------------

_CHAR_FOLD = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    **dict.fromkeys("آأإٱ", "ا"), "ى": "ي", "ة": "ه", "\u00a0": " ",
    "\u060d": "/", "\u066b": ".", "\u066c": ",",  # date, decimal and thousands separators
}  # fmt: skip
_FOLDED = arabic.TATWEEL + arabic.VOWEL_SIGNS + arabic.HAMZA_MARKS + arabic.SUPERSCRIPT_ALEF
_MARKS = re.compile(f"[{_FOLDED}]")
_DROPPED = re.compile(f"[{_FOLDED}{arabic.BIDI_CONTROLS}]")


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
