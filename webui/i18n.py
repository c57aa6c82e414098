"""The interface's words in Arabic and English; the records' own words come from the records
and the schema's labels."""

from __future__ import annotations

from typing import Any

from archive import schema
from archive.vocabulary import vocabulary

LANGUAGES = ("ar", "en")
DIRECTION = {"ar": "rtl", "en": "ltr"}

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home",
        "browse": "Browse the holdings",
        "search": "Search",
        "search_placeholder": "Words, names, “a phrase”, type:minutes, date:2019..2021",
        "results": "{total} records",
        "no_results": "No record matches.",
        "did_you_mean": "Did you mean",
        "also_searched": "Also searched",
        "without_expansion": "search only the words typed",
        "page": "Page {page} of {pages}",
        "previous": "Previous",
        "next": "Next",
        "facets": "Refine",
        "closed_until": "Closed until {date}",
        "closed": "Closed",
        "withdrawn_on": "Withdrawn on {date}.",
        "text": "Text",
        "json": "JSON",
        "files": "Original files",
        "download": "download",
        "cite": "Cite",
        "other_language": "العربية",
        "timeline": "Timeline of sessions and documents",
        "timeline_caption": "Circles: sessions (numbered); ticks: documents the public may read.",
        "mediators": "Convener and mediators",
        "convener": "convener",
        "sessions": "Sessions",
        "working_languages": "Working languages",
        "interpretation": "interpretation",
        "interpreters": "Interpreters",
        "native": "from the conflict's society",
        "not_native": "from outside it",
        "variants": "Also written",
        "holds": "The depository holds {records} records of {processes} mediation processes.",
        "processes": "Processes",
        "recent": "Records",
        "error_400": "The request is not understood.",
        "error_404": "There is no such page or record.",
        "error_405": "That method is not allowed here.",
        "facet_process": "Process",
        "facet_track": "Track",
        "facet_document_type": "Document type",
        "facet_languages": "Language",
        "facet_year": "Year",
        "facet_agents": "Agents",
    },
    "ar": {
        "home": "الرئيسية",
        "browse": "تصفّح المقتنيات",
        "search": "بحث",
        "search_placeholder": "كلمات، أسماء، «عبارة»، type:minutes، date:2019..2021",
        "results": "{total} وثيقة",
        "no_results": "لا توجد وثيقة مطابقة.",
        "did_you_mean": "هل تقصد",
        "also_searched": "بُحث أيضًا عن",
        "without_expansion": "البحث عن الكلمات المكتوبة وحدها",
        "page": "الصفحة {page} من {pages}",
        "previous": "السابق",
        "next": "التالي",
        "facets": "تضييق النتائج",
        "closed_until": "مغلقة حتى {date}",
        "closed": "مغلقة",
        "withdrawn_on": "سُحبت في {date}.",
        "text": "النص",
        "json": "JSON",
        "files": "الملفات الأصلية",
        "download": "تنزيل",
        "cite": "الاستشهاد",
        "other_language": "English",
        "timeline": "الخط الزمني للجلسات والوثائق",
        "timeline_caption": "الدوائر: الجلسات (مرقّمة)؛ الشَّرطات: الوثائق المتاحة للجمهور.",
        "mediators": "الجهة الداعية والوسطاء",
        "convener": "الجهة الداعية",
        "sessions": "الجلسات",
        "working_languages": "لغات العمل",
        "interpretation": "الترجمة الفورية",
        "interpreters": "المترجمون",
        "native": "من أبناء مجتمع النزاع",
        "not_native": "من خارجه",
        "variants": "يُكتب أيضًا",
        "holds": "يضم المستودع {records} وثيقة من {processes} من مسارات الوساطة.",
        "processes": "المسارات",
        "recent": "الوثائق",
        "error_400": "الطلب غير مفهوم.",
        "error_404": "لا توجد صفحة أو وثيقة بهذا العنوان.",
        "error_405": "هذه الطريقة غير مسموح بها هنا.",
        "facet_process": "المسار",
        "facet_track": "المستوى",
        "facet_document_type": "نوع الوثيقة",
        "facet_languages": "اللغة",
        "facet_year": "السنة",
        "facet_agents": "الفاعلون",
    },
}


def texts(lang: str) -> dict[str, str]:
    return _TEXTS[lang if lang in _TEXTS else "en"]


def field_label(name: str, lang: str) -> str:
    labels = schema.schema("record")["properties"].get(name, {}).get("x-labels", {})
    return labels.get(lang) or labels.get("en") or name


def term_label(vocab: str, code: str, lang: str) -> str:
    try:
        term = vocabulary(vocab).term(code)
    except Exception:  # a code the vocabulary no longer has shows as itself
        return code
    return getattr(term, lang, None) or code


def text_direction(text: Any) -> str:
    """The direction a block of text reads in: right to left when it holds Arabic letters."""
    return "rtl" if any("\u0600" <= ch <= "\u06ff" for ch in str(text or "")) else "ltr"
