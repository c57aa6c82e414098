"""The interface's words in Arabic and English; the records' own words come from the records
and the schema's labels.

The words are gettext catalogs a translator edits with any PO editor:
`webui/translations/messages.pot` holds every message in English, each under a context that
names it (`msgctxt "results"`, the key the templates use), and
`webui/translations/ar/LC_MESSAGES/messages.po` its Arabic, with Arabic's six plural forms
(CLDR's zero, one, two, few, many, other) wherever a message counts something. Babel reads them
when this module is imported; Python's gettext chooses the forms. A message the Arabic catalog
lacks is shown in English. Numbers and dates are written by Babel for the page's language.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from archive import arabic, schema
from archive.vocabulary import vocabulary

LANGUAGES = ("ar", "en")
DIRECTION = {"ar": "rtl", "en": "ltr"}
TRANSLATIONS = Path(__file__).parent / "translations"
_ARABIC_LETTER = re.compile(f"[{arabic.BLOCK}]")
_LIST_SEPARATOR = {"ar": "، ", "en": ", "}
_LOCALE = {"ar": "ar", "en": "en_GB"}  # "14 March 2019", as the depository's English writes it


class Words(dict):
    """One language's words by key (`words["search"]`, `{{ g.t.search }}` in a template), and
    what a key alone cannot say: a count's plural form, a number, a date, an error."""

    def __init__(self, lang: str, english: dict[str, Any], translations: gettext.NullTranslations):
        self.lang = lang
        self._plurals: dict[str, tuple[str, str]] = {}
        self._translations = translations
        for key, msgid in english.items():
            if isinstance(msgid, tuple):
                self._plurals[key] = msgid
                self[key] = translations.npgettext(key, msgid[0], msgid[1], 11)
            else:
                self[key] = translations.pgettext(key, msgid)

    def n(self, key: str, count: int, **values: Any) -> str:
        """The message `key` in the form for `count` ("3 وثائق", "28 وثيقة"), its values
        filled in, numbers written for the language."""
        singular, plural = self._plurals[key]
        form = self._translations.npgettext(key, singular, plural, int(count))
        shown = {k: self.number(v) if isinstance(v, int) else v for k, v in values.items()}
        return form.format(**shown)

    def number(self, value: int | float) -> str:
        return format_decimal(value, locale=_LOCALE.get(self.lang, self.lang))

    def date(self, value: Any) -> str:
        """An ISO date (a year, a month or a day) as the language writes it; anything else as
        it is."""
        text = str(value or "")
        locale = _LOCALE.get(self.lang, self.lang)
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?", text):
                day = dt.date.fromisoformat(text[:10])
                return format_date(day, "d MMMM y", locale=locale)
            if re.fullmatch(r"\d{4}-\d{2}", text):
                day = dt.date.fromisoformat(text + "-01")
                return format_date(day, "MMMM y", locale=locale)
        except ValueError:
            pass
        return text

    def moment(self, value: Any, *, seconds: bool = False) -> str:
        """A timestamp of the catalog (UTC) as the language writes a day and a time."""
        text = str(value or "")
        try:
            when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
        pattern = ("d MMMM y، " if self.lang == "ar" else "d MMMM y, ") + (
            "HH:mm:ss" if seconds else "HH:mm"
        )
        return (
            format_datetime(when, pattern, tzinfo=dt.UTC, locale=_LOCALE.get(self.lang, self.lang))
            + " UTC"
        )

    def error(self, error: BaseException) -> str:
        """What went wrong, in this language: the message for the error's code with its details
        filled in; the error's own English line when no message fits it."""
        details = getattr(error, "details", {}) or {}
        shown = {
            k: self._listed(k, v) if isinstance(v, list | tuple) else v for k, v in details.items()
        }
        key = f"error.{getattr(error, 'code', 'failed')}"
        counts = [v for v in details.values() if isinstance(v, int)]
        template = self.get(key)
        if key in self._plurals and counts:  # a count said in its form ("10 أحرف", "11 حرفًا")
            template = self._translations.npgettext(key, *self._plurals[key], counts[0])
        if template:
            try:
                return template.format(**shown)
            except (KeyError, IndexError):
                pass  # a detail the message needs is missing: say it plainly
        return self["error.failed"].format(message=str(error))

    def _listed(self, name: str, values: list | tuple) -> str:
        """A list an error names, joined as the language joins; field names by their labels."""
        if name == "fields":
            values = [self.get(v, v) for v in values]
        return _LIST_SEPARATOR.get(self.lang, ", ").join(map(str, values))


def _english() -> dict[str, Any]:
    with open(TRANSLATIONS / "messages.pot", "rb") as fh:
        template = read_po(fh)
    return {m.context: m.id for m in template if m.id and m.context}


def _translations(lang: str) -> gettext.GNUTranslations:
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _load() -> dict[str, Words]:
    english = _english()
    words = {"en": Words("en", english, gettext.NullTranslations())}
    for lang in LANGUAGES:
        if lang != "en":
            words[lang] = Words(lang, english, _translations(lang))
    return words


_WORDS = _load()


def texts(lang: str) -> Words:
    return _WORDS[lang if lang in _WORDS else "en"]


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
