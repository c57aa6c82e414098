"""The general bilingual dictionary (FreeDict, read from the Debian packages at run time): how
its files are read, and that search uses it as a flagged, low-weight fallback."""

from __future__ import annotations

import gzip
import json

import pytest

from archive.depository import Depository
from archive.index import dictionary
from archive.index.analysis import analyze
from archive.index.dictionary import DICTD, DICTIONARIES, cached_load, load, short_translation
from archive.index.search import RecordSearch
from tests.conftest import IN_CI, run_mediarch

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(n: int) -> str:
    out = ""
    while True:
        out = B64[n % 64] + out
        n //= 64
        if n == 0:
            return out


def write_dictd(folder, name: str, entries: list[tuple[str, str]]) -> None:
    """A dictd dictionary as the Debian packages install it: .index and gzipped .dict.dz."""
    data, index = b"", ["00databaseshort\tA\tB"]
    data += b"x\n"
    for headword, body in entries:
        raw = body.encode()
        index.append(f"{headword}\t{b64(len(data))}\t{b64(len(raw))}")
        data += raw
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (folder / f"{name}.dict.dz").write_bytes(gzip.compress(data))


@pytest.fixture
def made_up(tmp_path):
    """Two small dictionaries written for the test (not FreeDict's data)."""
    folder = tmp_path / "dictd"
    write_dictd(
        folder,
        "freedict-eng-ara",
        [
            ("whisper", "Whisper /wˈɪspə/\nالهمس\n"),
            ("whispered", "Whispered /wˈɪspəd/\n1. مهموس\n2. الهمس\n"),
            ("aardvark", "Aardvark /ˈɑːdvɑːk/\nخنزير الأرض (حيوان ثديي أفريقي)\n"),
            ("a", "A /ɐ/\nآي - الحرف الأول في اللغة الإنجليزية\n"),
            ("acth", "Acth /ˈakθ/\nهرمون Adrenocorticotropic\n"),
        ],
    )
    write_dictd(folder, "freedict-ara-eng", [("الهمس", "الهمس /ʔalhˈams/\n1. Whisper\n2. Hush\n")])
    return folder


@pytest.mark.parametrize(
    ("line", "to_arabic", "kept"),
    [
        ("الهدنة", True, "الهدنة"),
        ("2. من الدرجة الأولى", True, "من الدرجة الأولى"),
        ("3. النّكران ::", True, "النّكران"),
        ("الذهول (السهو)", True, "الذهول"),
        ("الأكتينيّة (قدرة في الطاقة المشعة على", True, "الأكتينيّة"),  # a note cut off
        ("آي - الحرف الأول في اللغة الإنجليزية", True, None),  # a gloss
        ("الجمعية الأمريكية لتقدّم العلم الحديث", True, None),  # four words
        ("الدّجل, الإقناع", True, None),  # a list
        ("هرمون Adrenocorticotropic", True, None),  # not Arabic only
        ("1. Guinea pigs", False, "Guinea pigs"),
        ("Whisper", True, None),  # the wrong language
        ("أسامة بن لادن 1957", True, None),
    ],
)
def test_only_short_translations_in_the_other_language_are_kept(line, to_arabic, kept):
    assert short_translation(line, to_arabic) == kept


def test_headwords_are_analysed_and_their_entries_merged_and_read_backwards(made_up):
    found = load(made_up)
    whisper = ["الهمس", "مهموس", "الهمس"]  # whisper, whispered: one headword once analysed
    assert found[" ".join(analyze("whispered"))].split("\n") == [*whisper, "الهمس"]  # ara-eng
    assert found[" ".join(analyze("aardvark"))] == "خنزير الأرض"
    assert " ".join(analyze("acth")) not in found and "a" not in found
    given = ["Whisper", "Hush"]  # and backwards, after them: eng-ara's whisper, whispered
    assert found[" ".join(analyze("الهمس"))].split("\n") == [*given, "whisper", "whispered"]


def test_lookup_gives_the_most_given_translations_first_as_terms(made_up, monkeypatch):
    monkeypatch.setattr(dictionary, "_TABLE", load(made_up))
    dictionary._lookup.cache_clear()
    try:
        [first, second] = dictionary.lookup(analyze("whispering"))
        assert first.written == "الهمس" and first.terms == tuple(analyze("الهمس"))
        assert second.written == "مهموس"
        assert dictionary.translations(analyze("همس")) == [("whisper",), ("hush",)]
        assert dictionary.translations(analyze("zebra")) == []
        held = {tuple(analyze("مهموس"))}  # a sense records hold is kept before one they do not
        assert [t.written for t in dictionary.lookup(analyze("whispering"), held.__contains__)] == [
            "مهموس"
        ]
    finally:
        dictionary._lookup.cache_clear()


def test_without_the_packages_there_are_no_translations(tmp_path):
    assert load(tmp_path / "nothing") == {}
    assert cached_load(tmp_path / "nothing", tmp_path / "cache") == {}
    assert not (tmp_path / "cache").exists()


def test_the_analysed_table_is_cached_and_remade_when_the_files_change(made_up, tmp_path):
    cache = tmp_path / "cache"
    first = cached_load(made_up, cache)
    [kept] = cache.glob("freedict-*.json")
    assert json.loads(kept.read_text(encoding="utf-8")) == first
    kept.write_text('{"marker": "read from the cache"}', encoding="utf-8")
    assert cached_load(made_up, cache) == {"marker": "read from the cache"}
    write_dictd(made_up, "freedict-ara-eng", [("حصاد", "حصاد /ħasˤˈaːd/\nHarvest\n")])
    again = cached_load(made_up, cache)
    assert again[" ".join(analyze("حصاد"))] == "Harvest"
    assert len(list(cache.glob("freedict-*.json"))) == 1  # the old table is gone


def require_dictionaries() -> None:
    """FreeDict's eng-ara and ara-eng installed; otherwise skip, or fail under CI=true."""
    missing = [n for n in DICTIONARIES if not (DICTD / f"{n}.index").is_file()]
    if missing:
        message = f"dictionaries not installed in {DICTD}: {', '.join(missing)}"
        if IN_CI:
            pytest.fail(message + " (CI must install dict-freedict-eng-ara and -ara-eng)")
        pytest.skip(message)


@pytest.fixture(scope="module")
def search(ingested_corpus):
    root, _ = ingested_corpus
    dep = Depository.open(root)
    yield lambda q, **kw: RecordSearch(dep.indexes, dep.catalog).search(q, **kw)
    dep.close()


def test_a_word_only_the_other_language_has_is_found_through_the_dictionary(search):
    require_dictionaries()
    assert search("rain", expand=False).total == 0  # no record writes "rain"
    result = search("rain", limit=20)
    hits = {h.id: h for h in result.hits}
    principles = hits["wq-2020-r3-draft-principles"]  # Arabic only: الأمطار
    assert principles.languages == ["ar"] and "<mark>الأمطار</mark>" in principles.snippet
    [expansion] = result.expanded
    assert expansion["kind"] == "dictionary" and expansion["said"] == "rain"
    assert expansion["also"] and expansion["code"] is None
    assert "المطر" not in expansion["also"]  # a translation no record holds is not searched for


def test_the_dictionary_is_a_fallback_after_the_thesaurus(search):
    require_dictionaries()
    result = search("prisoner exchange")
    assert [e["kind"] for e in result.expanded] == ["subject"]  # covered: no dictionary


def test_the_command_flags_a_dictionary_expansion(ingested_corpus):
    require_dictionaries()
    root, _ = ingested_corpus
    result = run_mediarch("--root", str(root), "search", "rain")
    assert result.returncode == 0, result.stderr
    assert "also searched for 'rain' (general dictionary): " in result.stdout
    plain = run_mediarch("--root", str(root), "search", "rain", "--no-expand")
    assert plain.stdout.startswith("0 record(s)") and "also searched" not in plain.stdout
