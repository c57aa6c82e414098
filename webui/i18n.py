"""The interface's words in Arabic and English; the records' own words come from the records
and the schema's labels."""

from __future__ import annotations

import re
from typing import Any

from archive import arabic, schema
from archive.vocabulary import vocabulary

LANGUAGES = ("ar", "en")
DIRECTION = {"ar": "rtl", "en": "ltr"}
_ARABIC_LETTER = re.compile(f"[{arabic.BLOCK}]")

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
        "people": "People and organisations",
        "people_count": "{total} people and organisations",
        "processes_count": "{total} mediation processes",
        "recent": "Records",
        "error_400": "The request is not understood.",
        "error_404": "There is no such page or record.",
        "error_410": "This record was withdrawn.",
        "error_405": "That method is not allowed here.",
        "error_500": "Something went wrong on our side; the request was not answered.",
        "error_503": "Search is being repaired: its index is being built again from the depository's records. Please try again in a few minutes.",
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
        "holds": "يضم المستودع {records} وثيقة من {processes} من عمليات الوساطة.",
        "processes": "عمليات الوساطة",
        "people": "الأشخاص والمنظمات",
        "people_count": "{total} من الأشخاص والمنظمات",
        "processes_count": "{total} من عمليات الوساطة",
        "recent": "الوثائق",
        "error_400": "الطلب غير مفهوم.",
        "error_404": "لا توجد صفحة أو وثيقة بهذا العنوان.",
        "error_410": "سُحبت هذه الوثيقة.",
        "error_405": "هذه الطريقة غير مسموح بها هنا.",
        "error_500": "حدث خطأ من جهتنا، ولم يُجب الطلب.",
        "error_503": "البحث قيد الإصلاح: يُعاد بناء فهرسه من سجلات المستودع. يُرجى المحاولة بعد دقائق.",
        "facet_process": "العملية",
        "facet_track": "المسار",
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
    return "rtl" if _ARABIC_LETTER.search(str(text or "")) else "ltr"


# The reading room: signing in, registering, asking for access, and the staff desk.
_TEXTS["en"].update(
    {
        "signin": "Sign in",
        "signout": "Sign out",
        "register": "Register as a reader",
        "account": "Your account",
        "desk": "Staff desk",
        "user_name": "User name",
        "password": "Password",
        "password_again": "Password again",
        "full_name": "Full name",
        "email": "E-mail",
        "affiliation": "Institution or affiliation",
        "research": "Your research, and why you need the records",
        "signin_failed": "That user name and password do not open an active account.",
        "throttled": "Too many failed attempts. Try again in {minutes} min.",
        "passwords_differ": "The two passwords differ.",
        "registered": "Thank you, {name}. Staff will look at your registration; you can sign in once they approve it.",
        "register_note": "Readers are registered researchers. Staff approve each registration; a password has at least 10 characters.",
        "request_access": "Ask for access",
        "request_reason": "Why you need this record",
        "request_sent": "Your request was sent. Staff will answer it; see your account.",
        "signin_to_request": "Sign in as a reader to ask for access to this record.",
        "your_requests": "Your requests for access",
        "answer_waiting": "waiting for an answer",
        "answer_release_proposed": "a release has been proposed",
        "answer_refused": "refused",
        "role": "Role",
        "since": "Since",
        "none": "None.",
        "readers_waiting": "Readers waiting for approval",
        "requests_waiting": "Access requests",
        "releases_waiting": "Release queue",
        "agents_to_review": "Agents to review",
        "upload": "Upload a collection",
        "jobs": "Ingest jobs",
        "audit_log": "Audit log",
        "approve": "Approve",
        "refuse": "Refuse",
        "propose_release": "Propose a release",
        "release_redacted": "the redacted version only",
        "basis": "Basis (a declassification decision, say)",
        "note": "Note",
        "reason": "Reason",
        "reader_approved": "{name} may now sign in.",
        "request_answered": "The request is answered.",
        "release_proposed": "Release proposed: another staff member must approve it.",
        "release_approved": "Released: the record is open to its audience now.",
        "proposed_by": "Proposed by",
        "saved": "Saved; the indexes have it.",
        "save": "Save",
        "edit": "Edit",
        "fix_fields": "Nothing was saved: correct the fields marked.",
        "mark_reviewed": "Reviewed",
        "merge_into": "Merge into (agent identifier)",
        "merge": "Merge",
        "agent_merged": "{old} merged into {new}; {records} records changed.",
        "upload_refused": "Refused",
        "upload_empty": "The upload holds no file.",
        "upload_note": "Files (PDF, DOCX, text, e-mail) or a zip of them; the manifest and the processes, sessions and agents files are optional.",
        "upload_files": "Files or a zip",
        "collection": "Collection",
        "queue_job": "Queue the ingest",
        "job_status": "Status",
        "job_progress": "{done} of {total} files",
        "status_queued": "queued",
        "status_running": "running",
        "status_done": "done",
        "status_failed": "failed",
        "filter": "Filter",
        "kind": "Kind",
        "subject": "Subject",
        "actor": "Who",
        "at": "When",
        "detail": "Detail",
        "history": "History",
        "error_401": "Sign in to see this page.",
        "error_403": "This page is for staff.",
        "error_413": "The upload is too large.",
    }
)
_TEXTS["ar"].update(
    {
        "signin": "تسجيل الدخول",
        "signout": "تسجيل الخروج",
        "register": "التسجيل باحثًا",
        "account": "حسابك",
        "desk": "مكتب الموظفين",
        "user_name": "اسم المستخدم",
        "password": "كلمة المرور",
        "password_again": "كلمة المرور مرة أخرى",
        "full_name": "الاسم الكامل",
        "email": "البريد الإلكتروني",
        "affiliation": "المؤسسة أو الجهة",
        "research": "بحثك، ولماذا تحتاج إلى الوثائق",
        "signin_failed": "اسم المستخدم وكلمة المرور هذان لا يفتحان حسابًا نشطًا.",
        "throttled": "محاولات فاشلة كثيرة. حاول مرة أخرى بعد {minutes} دقيقة.",
        "passwords_differ": "كلمتا المرور مختلفتان.",
        "registered": "شكرًا يا {name}. سينظر الموظفون في تسجيلك، ويمكنك الدخول بعد موافقتهم.",
        "register_note": "القرّاء باحثون مسجَّلون. يوافق الموظفون على كل تسجيل؛ وكلمة المرور عشرة أحرف على الأقل.",
        "request_access": "اطلب الاطلاع",
        "request_reason": "لماذا تحتاج إلى هذه الوثيقة",
        "request_sent": "أُرسل طلبك. سيجيب عنه الموظفون؛ انظر حسابك.",
        "signin_to_request": "سجّل الدخول بصفتك قارئًا لتطلب الاطلاع على هذه الوثيقة.",
        "your_requests": "طلباتك للاطلاع",
        "answer_waiting": "في انتظار الرد",
        "answer_release_proposed": "اقتُرح الإفراج عنها",
        "answer_refused": "رُفض",
        "role": "الدور",
        "since": "منذ",
        "none": "لا شيء.",
        "readers_waiting": "قرّاء ينتظرون الموافقة",
        "requests_waiting": "طلبات الاطلاع",
        "releases_waiting": "قائمة الإفراج",
        "agents_to_review": "فاعلون للمراجعة",
        "upload": "رفع مجموعة",
        "jobs": "مهام الإيداع",
        "audit_log": "سجل التدقيق",
        "approve": "موافقة",
        "refuse": "رفض",
        "propose_release": "اقتراح الإفراج",
        "release_redacted": "النسخة المنقّحة فقط",
        "basis": "الأساس (قرار رفع السرية مثلًا)",
        "note": "ملاحظة",
        "reason": "السبب",
        "reader_approved": "يمكن لـ{name} الدخول الآن.",
        "request_answered": "أُجيب عن الطلب.",
        "release_proposed": "اقتُرح الإفراج: يجب أن يوافق عليه موظف آخر.",
        "release_approved": "أُفرج عنها: الوثيقة مفتوحة لجمهورها الآن.",
        "proposed_by": "اقترحه",
        "saved": "حُفظ، والفهارس محدَّثة.",
        "save": "حفظ",
        "edit": "تحرير",
        "fix_fields": "لم يُحفظ شيء: صحّح الحقول المعلَّمة.",
        "mark_reviewed": "تمت المراجعة",
        "merge_into": "دمج في (معرّف الفاعل)",
        "merge": "دمج",
        "agent_merged": "دُمج {old} في {new}؛ تغيّرت {records} وثيقة.",
        "upload_refused": "مرفوض",
        "upload_empty": "لا يحوي الرفع أي ملف.",
        "upload_note": "ملفات (PDF وDOCX ونص وبريد إلكتروني) أو ملف zip يضمها؛ البيان وملفات العمليات والجلسات والفاعلين اختيارية.",
        "upload_files": "الملفات أو ملف zip",
        "collection": "المجموعة",
        "queue_job": "إدراج الإيداع في الانتظار",
        "job_status": "الحالة",
        "job_progress": "{done} من {total} ملفًا",
        "status_queued": "في الانتظار",
        "status_running": "قيد التنفيذ",
        "status_done": "انتهت",
        "status_failed": "فشلت",
        "filter": "تصفية",
        "kind": "النوع",
        "subject": "الموضوع",
        "actor": "من",
        "at": "متى",
        "detail": "التفاصيل",
        "history": "السجل",
        "error_401": "سجّل الدخول لرؤية هذه الصفحة.",
        "error_403": "هذه الصفحة للموظفين.",
        "error_413": "الرفع أكبر مما يُقبل.",
    }
)
_TEXTS["en"].update(
    {
        "indexing_pending": "Saved; the indexes take the change at their next round.",
        "edited_meanwhile": "Someone saved this description after you opened the form: open it again to see their change.",
        "would_open": "{record}: not saved, it would open the record ({reasons}). Opening is a release: propose one, another staff member approves it.",
        "registrations_throttled": "Too many registrations from your address lately. Try again later.",
        "name_refused": "a file name that cannot be kept (a control or bidi character, '.' or '..', or too long)",
        "name_twice": "a second file with the same name",
        "zip_too_large": "the zips of this upload would unpack beyond its bounds or the free space",
    }
)
_TEXTS["ar"].update(
    {
        "indexing_pending": "حُفظ، وستأخذ الفهارس التغيير في جولتها التالية.",
        "edited_meanwhile": "حفظ أحدهم هذا الوصف بعد أن فتحت النموذج: افتحه مرة أخرى لترى تغييره.",
        "would_open": "{record}: لم يُحفظ، لأنه سيفتح الوثيقة ({reasons}). الفتح إفراج: اقترحه، ويوافق عليه موظف آخر.",
        "registrations_throttled": "تسجيلات كثيرة من عنوانك مؤخرًا. حاول لاحقًا.",
        "name_refused": "اسم ملف لا يمكن حفظه (حرف تحكم أو اتجاه، أو '.' أو '..'، أو طويل جدًا)",
        "name_twice": "ملف ثانٍ بالاسم نفسه",
        "zip_too_large": "ستتجاوز ملفات zip في هذا الرفع حدوده أو المساحة الحرة",
    }
)
_TEXTS["en"].update(
    {
        "unconfirmed": "Guessed at ingest, not yet confirmed",
        "unconfirmed_help": "Below staff, a guessed value is shown only to whoever may read all it was read from (the whole text, the file itself); a listed record whose titles are all guessed is listed by a neutral title. Confirm a value once you have checked it, or edit it.",
        "from_text": "from the text",
        "from_file": "from the file",
        "confirm_chosen": "Confirm the values chosen",
        "confirmed": "Confirmed: {fields}.",
        "publish_authority": "Publish",
        "publish_authority_help": "Not yet known to the public: no record it may see names it. Publishing makes public what follows{what}.",
        "published_authority": "Published: {what}.",
    }
)
_TEXTS["ar"].update(
    {
        "unconfirmed": "مستنتَج عند الإيداع، لم يُؤكَّد بعد",
        "unconfirmed_help": "لا تُعرض القيمة المستنتجة لمن دون الموظفين إلا لمن يحق له قراءة كل ما استُنتجت منه (النص كاملًا، والملف نفسه)؛ والوثيقة المدرجة التي كل عناوينها مستنتجة تُدرج بعنوان محايد. أكّد القيمة بعد التحقق منها، أو عدّلها.",
        "from_text": "من النص",
        "from_file": "من الملف",
        "confirm_chosen": "أكّد القيم المختارة",
        "confirmed": "أُكِّد: {fields}.",
        "publish_authority": "انشر",
        "publish_authority_help": "غير معروف للجمهور بعد: لا تذكره وثيقة يحق له رؤيتها. النشر يجعل ما يلي علنيًا{what}.",
        "published_authority": "نُشر: {what}.",
    }
)
_TEXTS["en"].update(
    {
        "partial_note": "Not every record holds every word: {every} hold all {words}, and they come first; the others hold at least {minimum}.",
        "missing_words": "Missing",
        "unseen_record": "a record you may not see",
    }
)
_TEXTS["ar"].update(
    {
        "partial_note": "لا تحوي كل الوثائق كل الكلمات: {every} منها تحوي الكلمات الـ{words} كلها وتأتي أولًا، والبقية تحوي {minimum} منها على الأقل.",
        "missing_words": "ينقصها",
        "unseen_record": "وثيقة لا يحق لك رؤيتها",
    }
)
