"""`mediarch ingest` as an archivist relies on it: every file accounted for, bad files refused
with their reason while the batch goes on, Arabic text in reading order, nothing doubled on a
re-run, and a killed run that finishes when started again."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from archive.depository import Depository
from archive.errors import ArchiveError
from archive.index.search import RecordSearch
from ingest.pipeline import IngestOptions, run_ingest
from tests.conftest import REPO, SAMPLE_CORPUS, require_tool, run_mediarch

DATA = REPO / "tests" / "data"


def _traps():
    return json.loads((SAMPLE_CORPUS / "traps.json").read_text(encoding="utf-8"))


def _record_for(report, path):
    [entry] = [f for f in report.files if f.path == path]
    return entry


def test_every_sample_file_goes_in_with_its_text(ingested_corpus):
    root, report = ingested_corpus
    assert [f for f in report.files if f.outcome != "ingested"] == []
    assert report.exit_code == 0
    with Depository.open(root) as dep:
        for entry in report.files:
            text = dep.catalog.text(entry.record_id)
            assert text is not None and len(text.pages) == entry.pages
            if "scan" not in entry.path:
                assert any(p.strip() for p in text.pages), entry.path


@pytest.mark.parametrize(
    "trap",
    [t for t in _traps() if t["trap"] in ("libreoffice_arabic_pdf", "legacy_pdf")],
    ids=lambda t: t["file"],
)
def test_arabic_pdf_text_is_in_reading_order(ingested_corpus, trap):
    root, report = ingested_corpus
    entry = _record_for(report, trap["file"])
    with Depository.open(root) as dep:
        text = "\n".join(dep.catalog.text(entry.record_id).pages)
    for word in trap["arabic_words"]:
        assert word in text, word
        assert word[::-1] not in text, word
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in text)


def test_the_scan_is_read_by_ocr(ingested_corpus):
    require_tool("tesseract")
    [trap] = [t for t in _traps() if t["trap"] == "scan"]
    root, report = ingested_corpus
    entry = _record_for(report, trap["file"])
    with Depository.open(root) as dep:
        text = dep.catalog.text(entry.record_id)
    assert text.details.get("ocr_pages") == [1]
    found = [w for w in trap["arabic_words"] if w in text.pages[0]]
    assert len(found) >= len(trap["arabic_words"]) - 1, (found, text.pages[0][:300])


def test_the_manifest_wins_and_defaults_close_what_it_leaves_open(ingested_corpus):
    root, report = ingested_corpus
    with Depository.open(root) as dep:
        listed = dep.catalog.record("wq-2019-r1-minutes-ar")
        assert listed["document_type"] == "minutes"  # given as the label محضر اجتماع
        assert listed["collection"] == "sample"
        unlisted = _record_for(report, "unlisted/scanner-inbox-note.txt")
        record = dep.catalog.record(unlisted.record_id)
        assert (record["access"], record["description_visibility"], record["status"]) == (
            "staff",
            "hidden",
            "published",
        )
        assert record.get("title_en") or record.get("title_ar")


def test_names_are_linked_to_their_authority_records(ingested_corpus):
    root, report = ingested_corpus
    with Depository.open(root) as dep:
        linked = dep.catalog.conn.execute(
            "SELECT count(*) FROM record_agents WHERE agent_id IS NOT NULL"
        ).fetchone()[0]
        unlinked = dep.catalog.conn.execute(
            "SELECT count(*) FROM record_agents WHERE agent_id IS NULL"
        ).fetchone()[0]
    assert linked > 20 and unlinked == 0
    # every name in the sample manifest matches an authority record by one of its names, but
    # the leak suite's canary author, who has none on purpose
    new = [w for f in report.files for w in f.warnings if "no authority record" in w]
    assert new == [
        "agent 'Ilsabet Drommvik' has no authority record; created 'ilsabet-drommvik' for review"
    ]


# 50 manifest rows (4 of them the leak suite's canary records), 1 unlisted file and the
# attachment of a canary e-mail
SAMPLE_RECORDS = 52
BAD_FILES = {
    "encrypted.pdf": ("extract", "encrypted"),
    "truncated.pdf": ("extract", "corrupt or truncated PDF"),
    "not-a-pdf.pdf": ("extract", "corrupt"),
    "not-a-docx.docx": ("identify", "not a valid package"),
    "zip-not-docx.docx": ("identify", "unsupported format"),
    "decompression-bomb.docx": ("extract", "decompression bomb"),
    "empty.txt": ("identify", "empty file"),
}


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in [*BAD_FILES, "windows-1256.txt", "arabic-rtl.docx", "email-with-attachment.eml"]:
        shutil.copy(DATA / name, folder / name)
    return folder


def test_bad_files_are_refused_with_their_reason_and_the_batch_goes_on(depository, bad_folder):
    report = run_ingest(depository, IngestOptions(folder=bad_folder))
    outcomes = {f.path: f for f in report.files}
    for name, (stage, reason) in BAD_FILES.items():
        assert outcomes[name].outcome == "failed", name
        assert outcomes[name].stage == stage, (name, outcomes[name].stage)
        assert reason in outcomes[name].reason, (name, outcomes[name].reason)
    for name in ("windows-1256.txt", "arabic-rtl.docx", "email-with-attachment.eml"):
        assert outcomes[name].outcome == "ingested", (name, outcomes[name].reason)
    assert report.exit_code == 1
    failed_ids = {outcomes[n].record_id for n in BAD_FILES}
    assert not failed_ids & set(depository.catalog.record_ids())
    stored = set(depository.store)
    assert {
        f.sha256 for f in depository.catalog.files()
    } == stored  # nothing kept for refused files


def test_an_email_attachment_becomes_a_record_of_its_own(depository, bad_folder):
    report = run_ingest(depository, IngestOptions(folder=bad_folder))
    message = _record_for(report, "email-with-attachment.eml")
    record = depository.catalog.record(message.record_id)
    assert record["title_ar"] == "دعوة إلى الجولة الرابعة"
    assert record["date"] == "2019-05-14"
    # the subject is the message's own words: a guess, unconfirmed, read from the file
    assert record["unconfirmed"]["title_ar"] == ["file"]
    attachment = depository.catalog.record(f"{message.record_id}-attachment-1")
    assert attachment["part_of"] == message.record_id and attachment["access"] == record["access"]
    # Its name is content, kept with the file; the title (listed while closed) names the
    # message, by its identifier while the message's title is only guessed.
    name = attachment["files"][0]["original_name"]
    assert attachment["title_ar"] == f"المرفق 1 من {message.record_id}"
    assert "دعوة" not in json.dumps(attachment, ensure_ascii=False)
    assert name not in json.dumps(
        {k: attachment[k] for k in ("title_en", "title_ar") if k in attachment}, ensure_ascii=False
    )


def test_what_a_file_says_about_itself_is_kept_with_the_file(depository, bad_folder):
    report = run_ingest(depository, IngestOptions(folder=bad_folder))
    docx = depository.catalog.record(_record_for(report, "arabic-rtl.docx").record_id)
    assert docx["files"][0]["properties"]["author"]
    message = depository.catalog.record(_record_for(report, "email-with-attachment.eml").record_id)
    assert set(message["files"][0]["properties"]) >= {"title", "author", "to", "created"}


def test_passages_marked_in_the_manifest_are_located_and_redacted(depository, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The envoy met Orvanstrel Quay at the\nwell, then Orvanstrel   Quay left.",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text("Nothing to hide here.", encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "file,identifier,title_en,access,description_visibility,abstract_en,redact\n"
        'a.txt,a-1,Note,public,listed,About Quay,"abstract_en; ""Orvanstrel Quay"""\n'
        'b.txt,b-1,Other,public,listed,,"""a passage it does not hold"""\n',
        encoding="utf-8",
    )
    report = run_ingest(depository, IngestOptions(folder=folder, manifest=manifest))
    outcomes = {f.path: f for f in report.files}
    assert outcomes["a.txt"].outcome == "ingested"
    refused = outcomes["b.txt"]
    assert refused.outcome == "failed" and refused.stage == "describe"
    assert "'a passage it does not hold' is not in the extracted text" in refused.reason
    assert "b-1" not in depository.catalog.record_ids()
    marks = depository.catalog.record("a-1")["redactions"]
    assert [m.get("field") for m in marks] == ["abstract_en", "text", "text"]  # both places
    search = RecordSearch(depository.indexes, depository.catalog)
    assert search.search("Orvanstrel", audience="public").total == 0
    assert search.search("Quay", audience="public").total == 0  # nor the redacted abstract
    assert search.search("envoy", audience="public").total == 1
    assert search.search("Orvanstrel", audience="staff").total == 1


def test_paths_that_escape_the_folder_are_refused(depository, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    secret = tmp_path / "outside.txt"
    secret.write_text("outside the folder", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    (folder / "ok.txt").write_text("Minutes of the meeting", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,identifier\n../outside.txt,escape-1\nmissing.txt,missing-1\nok.txt,ok-1\n",
        encoding="utf-8",
    )
    report = run_ingest(depository, IngestOptions(folder=folder, manifest=manifest))
    reasons = {f.path: f.reason for f in report.files if f.outcome == "failed"}
    assert "escapes the folder" in reasons["../outside.txt"]
    assert "no such file in the folder" in reasons["missing.txt"]
    assert "symbolic link pointing outside" in reasons["link.txt"]
    assert depository.catalog.record_ids() == ["ok-1"]


def test_a_file_above_the_size_limit_is_refused(depository, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "big.txt").write_bytes(b"a" * (1024 * 1024 + 1))
    report = run_ingest(depository, IngestOptions(folder=folder, max_file_mb=1))
    assert "larger than the limit" in report.files[0].reason


@pytest.mark.parametrize(
    "manifest",
    [
        "manifest-utf16.csv",
        "manifest-cp1256.csv",
        "manifest-utf8-bom.csv",
        "manifest.xlsx",
        "manifest.json",
    ],
)
def test_manifests_are_read_in_every_format_and_encoding(depository, tmp_path, manifest):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in ("utf-8.txt", "windows-1256.txt"):
        shutil.copy(DATA / name, folder / name)
    report = run_ingest(depository, IngestOptions(folder=folder, manifest=DATA / manifest))
    assert report.exit_code == 0, [(f.path, f.reason) for f in report.files]
    first = depository.catalog.record("t-utf8")
    assert (first["title_ar"], first["document_type"], first["access"]) == (
        "محضر الجولة الثالثة",
        "minutes",
        "public",
    )
    second = depository.catalog.record("t-cp1256")
    assert second["languages"] == ["ar"] and second["access"] == "public"
    assert second["description_visibility"] == "hidden"  # not given: the closed default


def test_an_unknown_column_fails_its_rows_naming_the_column(depository, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(DATA / "utf-8.txt", folder / "utf-8.txt")
    report = run_ingest(
        depository, IngestOptions(folder=folder, manifest=DATA / "manifest-unknown-column.csv")
    )
    [entry] = [f for f in report.files if f.path == "utf-8.txt"]
    assert entry.outcome == "failed" and "identifier_typo: unknown column" in entry.reason


def test_a_bad_value_fails_its_row_naming_the_field(depository, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(DATA / "utf-8.txt", folder / "a.txt")
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "file,identifier,document_type,embargo_until\na.txt,a-1,memo of sorts,2031\n",
        encoding="utf-8",
    )
    report = run_ingest(depository, IngestOptions(folder=folder, manifest=manifest))
    reason = report.files[0].reason
    assert "document_type: 'memo of sorts' is not a term of document_types" in reason
    assert "embargo_until: '2031' is not a date (YYYY-MM-DD)" in reason


def test_unknown_process_and_names_create_bare_entries_with_warnings(depository, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(DATA / "utf-8.txt", folder / "a.txt")
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "file,identifier,process,session,agents\n"
        "a.txt,a-1,river-talks,river-talks-r1,Zayd Qorban (Mediator); Ilse Varga\n",
        encoding="utf-8",
    )
    report = run_ingest(depository, IngestOptions(folder=folder, manifest=manifest))
    warnings = " | ".join(report.files[0].warnings)
    assert (
        "process 'river-talks' is not described" in warnings
        and "session 'river-talks-r1'" in warnings
    )
    assert "'Zayd Qorban' has no authority record" in warnings
    record = depository.catalog.record("a-1")
    assert [(a["name"], a["role"]) for a in record["agents"]] == [
        ("Zayd Qorban", "mediator"),
        ("Ilse Varga", "participant"),
    ]
    assert depository.catalog.agent(record["agents"][0]["agent"])["needs_review"] is True


def test_running_the_same_ingest_again_adds_nothing_and_says_so(depository, bad_folder):
    first = run_ingest(depository, IngestOptions(folder=bad_folder))
    records, events = depository.catalog.count("records"), depository.catalog.count("events")
    again = run_ingest(depository, IngestOptions(folder=bad_folder))
    assert (
        depository.catalog.count("records") == records
        and depository.catalog.count("events") == events
    )
    for before, after in zip(first.files, again.files, strict=True):
        if before.outcome == "ingested":
            assert (after.outcome, after.record_id) == ("duplicate", before.record_id)


def test_the_same_content_twice_is_kept_once(depository, tmp_path):
    folder = tmp_path / "incoming"
    (folder / "copy").mkdir(parents=True)
    shutil.copy(DATA / "utf-8.txt", folder / "a.txt")
    shutil.copy(DATA / "utf-8.txt", folder / "copy" / "a-again.txt")
    report = run_ingest(depository, IngestOptions(folder=folder))
    assert [f.outcome for f in report.files] == ["ingested", "duplicate"]
    assert report.files[1].record_id == report.files[0].record_id
    assert depository.catalog.count("records") == 1


def _ingest_with_fault(tmp_path, folder, fault, *extra):
    root = tmp_path / "dep"
    Depository.create(root).close()
    report_path = tmp_path / "report.json"
    result = run_mediarch(
        "--root",
        str(root),
        "ingest",
        str(folder),
        "--report",
        str(report_path),
        *extra,
        env={"MEDIARCH_FAULT": fault},
    )
    assert result.returncode == 1, result.stderr
    return json.loads(report_path.read_text(encoding="utf-8"))["files"]


@pytest.mark.slow
def test_a_hung_extraction_is_killed_and_the_batch_goes_on(tmp_path, bad_folder):
    files = _ingest_with_fault(
        tmp_path, bad_folder, "extract.start=arabic-rtl.docx:hang", "--timeout", "3"
    )
    [hung] = [f for f in files if f["path"] == "arabic-rtl.docx"]
    assert (
        hung["outcome"] == "failed" and hung["stage"] == "extract" and "timed out" in hung["reason"]
    )
    assert sum(f["outcome"] == "ingested" for f in files) == 2


def test_a_crashing_extraction_is_one_failed_file(tmp_path, bad_folder):
    files = _ingest_with_fault(
        tmp_path, bad_folder, "extract.start=windows-1256.txt", "--jobs", "2"
    )
    [crashed] = [f for f in files if f["path"] == "windows-1256.txt"]
    assert crashed["outcome"] == "failed" and "killed by signal 9" in crashed["reason"]
    assert sum(f["outcome"] == "ingested" for f in files) == 2


@pytest.mark.parametrize("fault", ["catalog.before_commit@25", "store.before_rename@9"])
@pytest.mark.slow
def test_an_ingest_killed_mid_batch_finishes_when_run_again(tmp_path, fault):
    root = tmp_path / "dep"
    Depository.create(root).close()
    args = [
        "--root",
        str(root),
        "ingest",
        str(SAMPLE_CORPUS / "files"),
        "--manifest",
        str(SAMPLE_CORPUS / "manifest.csv"),
        "--processes",
        str(SAMPLE_CORPUS / "processes.json"),
        "--sessions",
        str(SAMPLE_CORPUS / "sessions.json"),
        "--agents",
        str(SAMPLE_CORPUS / "agents.json"),
    ]
    killed = subprocess.run(
        [sys.executable, "-m", "archive.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "MEDIARCH_FAULT": fault},
        timeout=600,
    )
    assert killed.returncode == -signal.SIGKILL
    with Depository.open(root) as dep:
        partial = dep.catalog.count("records")
    assert 0 < partial < SAMPLE_RECORDS
    report_path = tmp_path / "report.json"
    finished = run_mediarch(*args, "--report", str(report_path))
    assert finished.returncode == 0, finished.stdout + finished.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    outcomes = {f["outcome"] for f in report["files"]}
    assert outcomes <= {"ingested", "duplicate"}
    assert report["summary"]["duplicate"] == partial
    with Depository.open(root) as dep:
        assert dep.catalog.count("records") == SAMPLE_RECORDS
        files = dep.catalog.files()
        assert len(files) == SAMPLE_RECORDS == len({f.sha256 for f in files})
        assert set(dep.store) == {f.sha256 for f in dep.catalog.files()} | set(dep.store) - set()


def test_the_command_reports_and_exits_by_outcome(tmp_path, bad_folder):
    root = tmp_path / "dep"
    Depository.create(root).close()
    report_path = tmp_path / "report.json"
    result = run_mediarch(
        "ingest", str(bad_folder), "--root", str(root), "--report", str(report_path)
    )
    assert result.returncode == 1
    assert "failed encrypted.pdf [extract]: encrypted" in result.stdout
    data = json.loads(report_path.read_text(encoding="utf-8"))
    assert set(data) == {"summary", "files"}
    assert {"path", "outcome", "record_id", "stage", "reason", "warnings"} <= set(data["files"][0])
    assert data["summary"]["failed"] == len(BAD_FILES) and data["summary"]["ingested"] == 3
    nothing = run_mediarch("ingest", str(tmp_path / "no-such-folder"), "--root", str(root))
    assert nothing.returncode == 2 and "not a folder" in nothing.stderr
    no_depository = run_mediarch("ingest", str(bad_folder), "--root", str(tmp_path / "none"))
    assert no_depository.returncode == 2


@pytest.mark.parametrize("name", ["arabic.odt", "arabic.rtf", "arabic.doc"])
def test_older_office_formats_are_converted_by_libreoffice(depository, tmp_path, name):
    require_tool("soffice")
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(DATA / name, folder / name)
    report = run_ingest(depository, IngestOptions(folder=folder))
    [entry] = report.files
    assert entry.outcome == "ingested", entry.reason
    assert "converted to DOCX by LibreOffice for extraction" in entry.warnings
    text = "\n".join(depository.catalog.text(entry.record_id).pages)
    assert "وقف إطلاق النار وتبادل الأسرى" in text
    assert (folder / name).read_bytes() == (DATA / name).read_bytes()


def test_without_libreoffice_older_formats_are_refused_with_advice(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(DATA / "arabic.odt", folder / "arabic.odt")
    root = tmp_path / "dep"
    Depository.create(root).close()
    report_path = tmp_path / "r.json"
    bare_path = os.pathsep.join(
        p
        for p in os.environ["PATH"].split(os.pathsep)
        if not (shutil.which("soffice", path=p) or shutil.which("libreoffice", path=p))
    )
    result = run_mediarch(
        "--root",
        str(root),
        "ingest",
        str(folder),
        "--report",
        str(report_path),
        env={"PATH": bare_path},
    )
    assert result.returncode == 1
    [entry] = json.loads(report_path.read_text(encoding="utf-8"))["files"]
    assert entry["stage"] == "identify" and "convert it to DOCX or PDF first" in entry["reason"]


def test_known_agents_named_in_the_text_are_linked_when_the_manifest_names_nobody(
    depository, tmp_path
):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "note.txt").write_text(
        "Note for the file.\n\nMohamed El-Haddad and the facilitator met on 3 May 2021; "
        "وحضر اللقاء محمد حداد بصفته مستشارا.\n",
        encoding="utf-8",
    )
    report = run_ingest(
        depository, IngestOptions(folder=folder, agents=SAMPLE_CORPUS / "agents.json")
    )
    record = depository.catalog.record(report.files[0].record_id)
    haddad = depository.catalog.agents_named("محمد حداد")
    assert len(haddad) == 1
    assert [a["agent"] for a in record["agents"]] == haddad
    assert record["date"] == "2021-05-03"


def test_a_record_is_searchable_within_a_second_while_the_batch_goes_on(tmp_path):
    """The indexer drains on its own: the first file is found while the second still hangs."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-first.txt").write_text(
        "Minutes of the wadi council on the qarnun wells and the grazing calendar.\n"
    )
    (folder / "z-slow.txt").write_text("Notes that take their time.\n")
    root = tmp_path / "dep"
    Depository.create(root).close()
    command = ["--root", str(root), "ingest", str(folder), "--jobs", "1", "--timeout", "20"]
    ingest = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", *command],
        env={**os.environ, "MEDIARCH_FAULT": "extract.start=z-slow.txt:hang"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its extraction workers are killed with it
    )
    try:
        with Depository.open(root) as dep:
            search = RecordSearch(dep.indexes, dep.catalog)
            committed = found = None
            deadline = time.monotonic() + 60
            while found is None and time.monotonic() < deadline:
                now = time.monotonic()
                if committed is None and dep.catalog.count("records"):
                    committed = now
                if committed is not None:
                    try:
                        if search.search("qarnun").total:
                            found = now
                    except ArchiveError:  # the index is not built yet
                        pass
                time.sleep(0.02)
            assert committed is not None and found is not None
            assert found - committed <= 1.0
            assert ingest.poll() is None  # the second file still hangs
    finally:
        os.killpg(ingest.pid, signal.SIGKILL)
        ingest.wait()


def _what_a_worker_holds(task: str, report=None) -> tuple[bool, bool]:
    """A worker's job for the test below: die on "die", else say what the worker had loaded
    before it was given anything (the forkserver's preload)."""
    import langdetect.detector_factory

    if task == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return "ingest.extract.pdf" in sys.modules, langdetect.detector_factory._factory is not None


def test_a_replaced_worker_starts_with_the_extractors_and_language_profiles_loaded():
    """A killed worker's replacement is forked ready (about 1.3 s of imports and langdetect's
    profiles read once by the forkserver, not by every worker)."""
    from ingest.workers import WorkerPool

    pool = WorkerPool(_what_a_worker_holds, jobs=1, preload="ingest.warm")
    outcomes = {o.key: o for o in pool.run([(1, "die"), (2, "ask")])}
    assert outcomes[1].kind == "crashed"
    assert outcomes[2].kind == "done" and outcomes[2].value == (True, True)


def test_a_long_pdfs_time_bound_grows_by_its_pages_before_its_reading(tmp_path):
    """`--timeout` grows by 2 s a page (docs/cli.md) from the start of the reading, not once it
    is done: a 3-page PDF that hangs while being read is killed after 1 + 3 × 2 s, not 1 s
    (found from outside: a 397-page manual killed at the flat 60 s)."""
    from tests.conftest import pdf_bytes

    folder = tmp_path / "inbox"
    folder.mkdir()
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 "
               "/BaseFont /Helvetica >>"]  # fmt: skip
    kids = []
    for n in range(3):
        content = f"BT /F1 12 Tf 72 720 Td (Minutes of the wells council, page {n + 1}.) Tj ET"
        kids.append(f"{len(objects) + 1} 0 R")
        objects += [
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
            f"<< /F1 3 0 R >> >> /Contents {len(objects) + 2} 0 R >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        ]
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count 3 >>"
    (folder / "long.pdf").write_bytes(pdf_bytes(objects))
    [row] = _ingest_with_fault(tmp_path, folder, "extract.read:hang", "--timeout", "1")
    assert row["outcome"] == "failed" and "timed out after 7 s" in row["reason"], row
