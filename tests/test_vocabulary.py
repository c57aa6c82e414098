"""Controlled vocabularies and the thesaurus: the codes the manifest and queries rely on, a
label in each language for each, and lookup by code or either label."""

from __future__ import annotations

import re

import pytest

from archive.errors import UnknownTerm
from archive.vocabulary import VOCABULARY_NAMES, label_key, thesaurus, vocabulary

EXPECTED_CODES = {
    "document_types": [
        "minutes",
        "concept_memo",
        "draft_agreement",
        "agreement",
        "communique",
        "participant_list",
        "transcript",
        "correspondence",
        "report",
        "press_release",
        "other",
    ],
    "tracks": ["1", "1.5", "2", "3"],
    "audiences": ["public", "reader", "staff", "admin"],
    "publication_status": ["draft", "published", "withdrawn"],
    "description_visibility": ["listed", "hidden"],
    "mediator_kinds": ["outsider_neutral", "international", "insider_partial"],
    "agent_roles": [
        "mediator",
        "facilitator",
        "participant",
        "observer",
        "interpreter",
        "rapporteur",
        "convener",
        "signatory",
        "author",
    ],
}
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.mark.parametrize(("name", "codes"), EXPECTED_CODES.items())
def test_vocabularies_hold_the_agreed_codes_in_order(name, codes):
    assert list(vocabulary(name).codes) == codes


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_every_term_has_an_english_and_an_arabic_label_and_none_is_ambiguous(name):
    vocab = vocabulary(name)
    assert vocab.labels["en"] and ARABIC.search(vocab.labels["ar"])
    seen: dict[str, str] = {}
    for term in vocab.terms:
        assert re.fullmatch(r"[a-z0-9._]+", term.code), term.code
        assert term.en and ARABIC.search(term.ar), term.code
        for form in (term.code, term.en, term.ar):
            assert seen.setdefault(label_key(form), term.code) == term.code, (
                f"{form!r} names two terms"
            )


@pytest.mark.parametrize(
    ("name", "given", "code"),
    [
        ("tracks", "Track 1.5", "1.5"),
        ("tracks", "المسار الثاني", "2"),
        ("audiences", "PUBLIC", "public"),
        ("mediator_kinds", "Insider-partial", "insider_partial"),
        ("agent_roles", "مقرّر", "rapporteur"),
        ("agent_roles", "مقرر", "rapporteur"),
        ("languages", "ara", "ar"),
        ("languages", "eng", "en"),
        ("languages", "French", "fr"),
        ("languages", "العربية", "ar"),
        ("languages", "fre", "fr"),
    ],
)
def test_a_code_or_either_label_resolves(name, given, code):
    assert vocabulary(name).resolve(given) == code


def test_an_unknown_label_is_a_typed_error():
    with pytest.raises(UnknownTerm, match="'memo' is not a term of document_types"):
        vocabulary("document_types").resolve("memo")


def test_languages_are_iso_639_1():
    codes = vocabulary("languages").codes
    assert len(codes) >= 180 and codes[:2] == ("ar", "en")
    assert all(re.fullmatch(r"[a-z]{2}", c) for c in codes)


def test_the_thesaurus_covers_the_mediation_process_and_its_subjects():
    concepts = thesaurus().concepts
    by_group = {g: [c for c in concepts if c.group == g] for g in ("process", "subject")}
    assert len(by_group["process"]) >= 80 and len(by_group["subject"]) >= 150
    codes = [c.code for c in concepts]
    assert len(codes) == len(set(codes))
    for c in concepts:
        assert re.fullmatch(r"[a-z0-9_]+", c.code), c.code
        assert c.pref["en"] and ARABIC.search(c.pref["ar"]), c.code
        assert c.broader is None or c.broader in codes, c.code


def test_no_label_of_the_thesaurus_names_two_concepts():
    seen: dict[str, str] = {}
    for c in thesaurus().concepts:
        for form in c.labels():
            assert seen.setdefault(label_key(form), c.code) == c.code, (
                f"{form!r}: {seen[label_key(form)]}, {c.code}"
            )


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("ceasefire", "ceasefire"),
        ("وقف إطلاق النار", "ceasefire"),
        ("prisoner exchange", "prisoner_exchange"),
        ("تبادل الأسرى", "prisoner_exchange"),
        ("water", "water"),
        ("transitional justice", "transitional_justice"),
    ],
)
def test_concepts_are_found_from_either_language(label, code):
    concept = thesaurus().concept(thesaurus().resolve(label))
    assert concept.code == code
    assert concept.pref["en"] and concept.pref["ar"]
