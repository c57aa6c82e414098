"""The sample corpus is valid, bilingual, varied, and carries the traps it exists for:
LibreOffice Arabic PDFs that pdfminer reads reversed, legacy PDFs in presentation forms, a scan
with no text layer, and text in every common encoding."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTFigure, LTImage

from archive import schema
from archive.depository import Depository
from ingest.manifest import read_descriptions, read_manifest
from ingest.pipeline import IngestOptions, run_ingest
from tests.conftest import SAMPLE_CORPUS, require_tool

FILES = SAMPLE_CORPUS / "files"


@cache
def rows():
    return read_manifest(SAMPLE_CORPUS / "manifest.csv")


@cache
def traps() -> dict[str, list[dict]]:
    by_kind: dict[str, list[dict]] = {}
    for trap in json.loads((SAMPLE_CORPUS / "traps.json").read_text(encoding="utf-8")):
        by_kind.setdefault(trap["trap"], []).append(trap)
    return by_kind


def test_the_schema_accepts_every_sample_row():
    assert len(rows()) >= 40
    for row in rows():
        assert row.problems == [], (row.line, row.problems)
        assert schema.validate("record", row.record) == [], (
            row.line,
            schema.validate("record", row.record),
        )
        assert (FILES / row.file).is_file(), row.file


@pytest.mark.parametrize("kind", ["process", "session", "agent"])
def test_the_schema_accepts_every_sample_authority(kind):
    plural = {"process": "processes", "session": "sessions", "agent": "agents"}[kind]
    descriptions = read_descriptions(SAMPLE_CORPUS / f"{plural}.json")
    assert descriptions
    for d in descriptions:
        assert schema.validate(kind, schema.normalize(kind, d)) == [], d["id"]


def test_the_corpus_is_bilingual_varied_and_carries_every_access_case():
    records = [r.record for r in rows()]
    assert len({r["identifier"] for r in records}) == len(records)
    assert len({r["process"] for r in records if r.get("process")}) >= 3
    languages = Counter(tuple(sorted(r["languages"])) for r in records)
    arabic, english, both = languages[("ar",)], languages[("en",)], languages[("ar", "en")]
    assert arabic >= 15 and english >= 15 and both >= 3, languages
    types = {r["document_type"] for r in records}
    assert {
        "minutes",
        "concept_memo",
        "draft_agreement",
        "communique",
        "participant_list",
        "transcript",
    } <= types
    access = Counter(r.get("access") for r in records)
    assert access["public"] and access["reader"] and access["staff"]
    embargoes = [r["embargo_until"] for r in records if r.get("embargo_until")]
    assert any(e > "2030" for e in embargoes) and any(e < "2026-11" for e in embargoes)
    assert any(
        r.get("embargo_until", "") > "2030" and r["description_visibility"] == "listed"
        for r in records
    )
    assert {r.get("status") for r in records} >= {"published", "draft", "withdrawn"}


def test_the_corpus_has_every_format():
    suffixes = Counter(p.suffix.lower() for p in FILES.rglob("*") if p.is_file())
    assert (
        suffixes[".pdf"] >= 15
        and suffixes[".docx"] >= 5
        and suffixes[".txt"] >= 8
        and suffixes[".eml"] >= 2
    )


def _encoding_of(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        raw.decode("cp1256")
        return "cp1256"


def test_plain_text_comes_in_every_common_encoding():
    encodings = Counter(_encoding_of(p.read_bytes()) for p in FILES.rglob("*.txt"))
    assert encodings["utf-8"] >= 1 and encodings["utf-8-sig"] >= 1
    assert encodings["utf-16"] >= 1 and encodings["cp1256"] >= 1, encodings
    for p in FILES.rglob("*.txt"):
        raw = p.read_bytes()
        if _encoding_of(raw) == "cp1256":
            assert any("\u0600" <= ch <= "\u06ff" for ch in raw.decode("cp1256")), p


def test_raw_pdfminer_output_of_libreoffice_arabic_pdfs_is_reversed():
    cases = traps()["libreoffice_arabic_pdf"]
    assert len(cases) >= 5
    for trap in cases:
        text = extract_text(FILES / trap["file"])
        for word in trap["arabic_words"]:
            assert word[::-1] in text, (trap["file"], word)
            assert word not in text, (trap["file"], word)


def test_legacy_pdfs_hold_presentation_forms():
    cases = traps()["legacy_pdf"]
    assert len(cases) >= 2
    for trap in cases:
        text = extract_text(FILES / trap["file"])
        forms = [ch for ch in text if "\ufb50" <= ch <= "\ufeff"]
        assert len(forms) > 20, trap["file"]


def _has_image(layout) -> bool:
    return any(
        isinstance(el, LTImage) or (isinstance(el, LTFigure) and _has_image(el)) for el in layout
    )


def test_the_scan_has_no_text_layer_only_an_image():
    [trap] = traps()["scan"]
    path = FILES / trap["file"]
    assert extract_text(path).strip() == ""
    assert all(_has_image(page) for page in extract_pages(path))


def test_pdftotext_gives_logical_order_wrapped_in_bidi_controls():
    # What ingest will meet if it uses poppler instead of pdfminer: words in order, marks around.
    require_tool("pdftotext")
    trap = traps()["libreoffice_arabic_pdf"][0]
    out = subprocess.run(
        ["pdftotext", str(FILES / trap["file"]), "-"], capture_output=True, text=True, check=True
    )
    assert any(word in out.stdout for word in trap["arabic_words"])


@pytest.mark.slow
def test_the_whole_corpus_goes_in_and_every_original_checks_out(tmp_path: Path):
    options = IngestOptions(
        folder=FILES,
        manifest=SAMPLE_CORPUS / "manifest.csv",
        processes=SAMPLE_CORPUS / "processes.json",
        sessions=SAMPLE_CORPUS / "sessions.json",
        agents=SAMPLE_CORPUS / "agents.json",
        jobs=2,
    )
    with Depository.create(tmp_path / "dep") as dep:
        report = run_ingest(dep, options)
        failed = [(f.path, f.stage, f.reason) for f in report.files if f.outcome == "failed"]
        assert failed == []
        ingested = {f.path for f in report.files if f.outcome == "ingested"}
        assert {r.file for r in rows()} <= ingested
        unlisted = [f for f in report.files if f.path.startswith("unlisted/")]
        assert unlisted and all(
            dep.catalog.record(f.record_id)["access"] == "staff" for f in unlisted
        )
        for row in rows():
            [f] = dep.catalog.files(row.record["identifier"])
            assert dep.store.path_for(f.sha256).read_bytes() == (FILES / row.file).read_bytes()
