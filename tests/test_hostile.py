"""Hostile input: property-based fuzzing (hypothesis) of the text repair, the query parser and
the manifest reader finds no crash; a folder of hostile files (deeply nested PDF objects, a
PDF claiming a million pages, a zip bomb, malformed UTF-8, control and bidi characters in
names, a 10,000-character title, a path that leaves the folder) ends in clear refusals, file
by file, with the depository consistent."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.check import check
from archive.errors import ArchiveError
from archive.index.query import parse
from archive.index.search import RecordSearch
from ingest.manifest import ManifestError, read_manifest, row_to_record
from ingest.pipeline import IngestOptions, run_ingest
from ingest.repair import repair
from tests.conftest import pdf_bytes, run_mediarch

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
FORMS = st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF)  # presentation forms
ANY = st.characters(codec="utf-8")
QUERY_BITS = st.sampled_from(
    ['"', "(", ")", "-", "OR", "AND", "NOT", ":", "..", "type:", "date:", "agent:", "lang:",
     "title:", "*", "?", "~", "^", ">=", "<", "وقف", "ceasefire", " ", "\u202e", "\u0000"]
)  # fmt: skip


@FUZZ
@given(st.text(st.one_of(ARABIC, FORMS, ANY), max_size=400))
def test_the_text_repair_never_crashes_and_loses_no_latin_letter_or_digit(text):
    """Repairing Arabic (shaping, order, marks) never drops or invents a Latin letter or a
    digit, whatever else the text holds."""
    repaired = repair(text)
    assert _latin(repaired.text) == _latin(text)


def _latin(text: str) -> Counter:
    return Counter(c for c in text if c.isascii() and c.isalnum())


@FUZZ
@given(st.lists(st.one_of(QUERY_BITS, st.text(ANY, max_size=8)), max_size=20).map("".join))
def test_the_query_parser_never_crashes_and_says_each_note_in_words(text):
    parsed = parse(text)
    assert all(isinstance(note, str) and note.strip() for note in parsed.notes)
    assert parse(text) == parsed  # the same text, the same reading


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(QUERY_BITS, st.text(ANY, max_size=6)), max_size=10).map("".join))
def test_a_fuzzed_query_searches_without_error(searcher, text):
    result = searcher.search(text, audience="public", limit=5)
    assert len(result.hits) == min(result.total, 5)  # the first page of what it counts


@FUZZ
@given(st.dictionaries(st.sampled_from(["file", "identifier", "title_en", "title_ar", "date",
       "document_type", "languages", "agents", "redact", "access", "embargo_until", "bogus"]),
       st.text(ANY, max_size=60), max_size=10))  # fmt: skip
def test_a_manifest_row_never_crashes(row):
    described = row_to_record(row, 2)
    assert all(p.reason for p in described.problems)  # each refusal says why
    if "bogus" in row:
        assert any(p.path == "bogus" for p in described.problems)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_a_manifest_file_of_any_bytes_is_read_or_refused(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("m") / "manifest.csv"
    path.write_bytes(data)
    try:
        read_manifest(path)
    except ManifestError as refused:  # a refusal is fine where it names the file and why
        assert str(refused).startswith(f"{path}: ") and refused.reason


@pytest.fixture(scope="module")
def searcher(ingested_corpus):
    from archive.depository import Depository

    dep = Depository.open(ingested_corpus[0])
    yield RecordSearch(dep.indexes, dep.catalog)
    dep.close()


def _nested_pdf(depth: int) -> bytes:
    """A PDF whose one page holds an array nested `depth` deep."""
    nested = "[" * depth + "]" * depth
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Hostile {nested} >>",
    ]
    return pdf_bytes(objects)


def _million_pages() -> bytes:
    return pdf_bytes(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ]
    )


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))  # 300 MB of zeros
    return out.getvalue()


@pytest.mark.slow
def test_hostile_files_end_in_clear_refusals_and_the_depository_stays_whole(depository, tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "nested.pdf").write_bytes(_nested_pdf(5000))
    (folder / "million-pages.pdf").write_bytes(_million_pages())
    (folder / "bomb.docx").write_bytes(_zip_bomb())
    (folder / "malformed-utf8.txt").write_bytes(
        b"Minutes of the round \xff\xfe\xc3\x28 \xe2\x82 broken bytes " * 40
    )
    (folder / "evil\u202etxt.pdf").write_bytes(_nested_pdf(2))
    (folder / "control\x07bell.txt").write_text("A note with a bell in its name.", encoding="utf-8")
    (folder / "fine.txt").write_text("An ordinary note about the water gauges.", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    long_title = "Minutes " * 1250  # 10,000 characters
    manifest.write_text(
        "file,identifier,title_en,document_type\n"
        f"fine.txt,hostile-fine,{long_title.strip()},minutes\n"
        "../../etc/passwd,hostile-escape,Escape,minutes\n",
        encoding="utf-8",
    )
    report = run_ingest(depository, IngestOptions(folder=folder, manifest=manifest, jobs=1))
    outcomes = {f.path: f for f in report.files}
    for entry in report.files:  # every file has its outcome, every refusal its reason
        assert entry.outcome in ("ingested", "failed", "duplicate")
        if entry.outcome == "failed":
            assert entry.reason and entry.stage, entry
    assert outcomes["bomb.docx"].outcome == "failed"
    assert "bomb" in outcomes["bomb.docx"].reason
    assert any("escapes the folder" in (f.reason or "") for f in report.files)
    assert outcomes["fine.txt"].outcome == "failed"  # its title is over the schema's 1,000
    assert "title_en" in outcomes["fine.txt"].reason
    assert outcomes["malformed-utf8.txt"].outcome == "ingested"  # repaired, decoded, kept
    depository.indexes.drain(depository.catalog)
    assert check(depository) == []
    for name in ("million-pages.pdf", "nested.pdf"):
        assert outcomes[name].outcome in ("ingested", "failed"), outcomes[name]
    assert run_mediarch("--root", str(depository.root), "check").returncode == 0


def test_an_archive_error_names_its_file(depository, tmp_path):
    try:
        read_manifest(tmp_path / "missing.csv")
    except ArchiveError as exc:
        assert "missing.csv" in str(exc)
