"""Metadata guessed from extracted text when nothing better is given: a title, a type, and
(from ingest/dates.py) a date.

Pure functions, standard library only. Arabic is matched after folding (ingest/dates.py:
hamza forms to alef, ة to ه, ى to ي, harakat and tatweel removed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.dates import (
    FoundDate,
    _fold,
    _fold_for_cues,
    find_dates,
    guess_date,
    hijri_to_gregorian,
)

__all__ = [
    "FoundDate",
    "find_dates",
    "guess_date",
    "guess_document_type",
    "guess_title",
    "hijri_to_gregorian",
]


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
