"""Controlled vocabularies and the thesaurus of `metadata_schema/`: codes with Arabic and
English labels, resolved from whatever an archivist or a scholar typed (code or either label).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from archive import arabic
from archive.errors import UnknownTerm

# Harakat, superscript alef and tatweel: how a label is typed must not decide whether it matches.
_ARABIC_MARKS = re.compile(f"[{arabic.VOWEL_SIGNS}{arabic.SUPERSCRIPT_ALEF}{arabic.TATWEEL}]")


def label_key(text: str) -> str:
    """The form under which a code or label is looked up: NFKC, casefolded, marks and extra
    spaces dropped, hyphens and underscores treated as spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS.sub("", text)
    text = text.replace("_", " ").replace("-", " ")
    return " ".join(text.casefold().split())


# A folder whose vocabulary files replace the packaged ones of the same name (an institution's
# own audiences or document types, a test's configuration); read once, when a process starts.
OVERRIDE_VARIABLE = "MEDIARCH_VOCABULARIES"


def _read_json(*parts: str) -> dict:
    override = os.environ.get(OVERRIDE_VARIABLE)
    if override and parts[0] == "vocabularies" and Path(override, *parts[1:]).is_file():
        return json.loads(Path(override, *parts[1:]).read_text(encoding="utf-8"))
    ref = resources.files("metadata_schema").joinpath(*parts)
    return json.loads(ref.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    ar: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


@dataclass(frozen=True)
class Vocabulary:
    name: str
    labels: dict[str, str]
    terms: tuple[Term, ...]
    _lookup: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            for form in (term.code, term.en, term.ar, *term.aliases):
                self._lookup.setdefault(label_key(form), term.code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.terms)

    def find(self, value: str) -> str | None:
        """The code for a code or label, or None."""
        return self._lookup.get(label_key(value))

    def resolve(self, value: str) -> str:
        code = self.find(value)
        if code is None:
            raise UnknownTerm(self.name, value)
        return code

    def term(self, code: str) -> Term:
        for t in self.terms:
            if t.code == code:
                return t
        raise UnknownTerm(self.name, code)


VOCABULARY_NAMES = (
    "document_types",
    "tracks",
    "audiences",
    "publication_status",
    "description_visibility",
    "mediator_kinds",
    "agent_roles",
    "agent_kinds",
    "interpretation_modes",
    "languages",
)


@cache
def vocabulary(name: str) -> Vocabulary:
    if name not in VOCABULARY_NAMES:
        raise KeyError(f"no vocabulary named {name!r}")
    doc = _read_json("vocabularies", f"{name}.json")
    terms = tuple(
        Term(t["code"], t["en"], t["ar"], tuple(t.get("alpha3", ())) + tuple(t.get("aliases", ())))
        for t in doc["terms"]
    )
    return Vocabulary(doc["name"], doc["labels"], terms)


@dataclass(frozen=True)
class Concept:
    code: str
    group: str
    pref: dict[str, str]
    alt: dict[str, tuple[str, ...]]
    broader: str | None = None

    def labels(self, lang: str | None = None) -> list[str]:
        langs = [lang] if lang else ["en", "ar"]
        out: list[str] = []
        for lg in langs:
            out.append(self.pref[lg])
            out.extend(self.alt.get(lg, ()))
        return out


@dataclass(frozen=True)
class Thesaurus:
    concepts: tuple[Concept, ...]
    groups: dict[str, dict[str, str]]
    _lookup: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for c in self.concepts:
            for form in (c.code, *c.labels()):
                self._lookup.setdefault(label_key(form), c.code)

    def find(self, value: str) -> str | None:
        return self._lookup.get(label_key(value))

    def resolve(self, value: str) -> str:
        code = self.find(value)
        if code is None:
            raise UnknownTerm("thesaurus", value)
        return code

    def concept(self, code: str) -> Concept:
        for c in self.concepts:
            if c.code == code:
                return c
        raise UnknownTerm("thesaurus", code)

    def in_group(self, group: str) -> Iterable[Concept]:
        return (c for c in self.concepts if c.group == group)


@cache
def thesaurus() -> Thesaurus:
    doc = _read_json("thesaurus.json")
    concepts = tuple(
        Concept(
            c["code"],
            c["group"],
            dict(c["pref"]),
            {lang: tuple(v) for lang, v in c.get("alt", {}).items()},
            c.get("broader"),
        )
        for c in doc["concepts"]
    )
    return Thesaurus(concepts, doc["groups"])
