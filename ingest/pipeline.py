"""`mediarch ingest`: a folder of files (and a manifest describing them) into the depository.

The driver walks the folder, matches files to manifest rows, skips what is already kept
(by sha256), hands each remaining file to a worker for extraction, then describes, stores and
catalogues it in the main process. Each file is committed on its own, so a killed ingest run
again picks up where it stopped, and a bad file is one failed row while the batch goes on.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive import schema
from archive.catalog import RecordText
from archive.depository import Depository, Original
from archive.errors import ArchiveError, EnvironmentFault
from archive.index.indexer import BackgroundIndexer
from archive.store import sha256_of
from ingest.describe import (
    Described,
    PassageNotFound,
    agents_in_text,
    ensure_process_and_session,
    file_properties,
    guessed_description,
    identifier_for,
    known_names,
    link_agents,
    marked_redactions,
)
from ingest.manifest import ManifestRow, read_descriptions, read_manifest
from ingest.options import ACTOR, IngestError, IngestOptions
from ingest.report import FileEntry, IngestReport
from ingest.stages import FileExtraction, Task, extract_file
from ingest.workers import Outcome, WorkerPool

__all__ = ["ACTOR", "IngestError", "IngestOptions", "run_ingest"]
SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass
class _Pending:
    entry: FileEntry
    source: Path
    sha256: str
    row: ManifestRow | None
    size: int = 0


def load_authorities(depository: Depository, options: IngestOptions) -> None:
    """Agents, then processes, then sessions (each may refer to the ones before)."""
    catalog = depository.catalog
    for path, put in (
        (options.agents, catalog.put_agent),
        (options.processes, catalog.put_process),
        (options.sessions, catalog.put_session),
    ):
        if path is None:
            continue
        try:
            descriptions = read_descriptions(path)
        except (OSError, ValueError) as exc:
            raise IngestError(f"{path}: cannot be read: {exc}") from None
        with catalog.transaction():
            for description in descriptions:
                try:
                    put(description, actor=options.actor)
                except ArchiveError as exc:
                    raise IngestError(f"{path}: {exc}") from None


def _manifest_rows(
    options: IngestOptions, folder: Path, report: IngestReport
) -> dict[str, ManifestRow]:
    if options.manifest is None:
        return {}
    try:
        rows = read_manifest(options.manifest)
    except ArchiveError as exc:
        raise IngestError(str(exc)) from None
    by_file: dict[str, ManifestRow] = {}
    for row in rows:
        entry = FileEntry(row.file or f"(manifest line {row.line})", stage="manifest")
        target = (folder / row.file).resolve() if row.file else None
        if not row.file:
            entry.reason = f"manifest line {row.line}: the `file` cell is empty"
        elif row.file.startswith("/") or target is None or not target.is_relative_to(folder):
            entry.reason = f"manifest line {row.line}: file: the path escapes the folder"
        elif row.file in by_file:
            entry.reason = f"manifest line {row.line}: file: a second row for the same file"
        elif not (folder / row.file).is_file():
            entry.reason = f"manifest line {row.line}: file: no such file in the folder"
        else:
            by_file[row.file] = row
            continue
        report.files.append(entry)
    return by_file


def _walk(folder: Path, skip: set[Path]) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or name in SKIPPED_NAMES or path.resolve() in skip:
                continue
            found.append(path)
    return found


def _admit(path: Path, folder: Path, options: IngestOptions, entry: FileEntry) -> bool:
    """Refuse, before anything is read, what must not go in."""
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(folder):
            entry.reason = "a symbolic link pointing outside the folder"
            return False
        if not target.is_file():
            entry.reason = "a broken symbolic link"
            return False
    size = path.stat().st_size
    if size == 0:
        entry.stage, entry.reason = "identify", "empty file"
        return False
    if size > options.max_file_mb * 1024 * 1024:
        entry.reason = (
            f"larger than the limit: {size} bytes (the limit is {options.max_file_mb} MB)"
        )
        return False
    return True


def _plan(depository: Depository, options: IngestOptions, report: IngestReport) -> list[_Pending]:
    folder = options.folder.resolve()
    key = depository.catalog.lasting_setting("identifier_key", secrets.token_hex(16))
    rows = _manifest_rows(options, folder, report)
    skip = {
        p.resolve()
        for p in (options.manifest, options.processes, options.sessions, options.agents)
        if p
    }
    pending: list[_Pending] = []
    seen: dict[str, FileEntry] = {}
    for path in _walk(folder, skip):
        relative = path.relative_to(folder).as_posix()
        entry = FileEntry(relative)
        report.files.append(entry)
        if not _admit(path, folder, options, entry):
            continue
        entry.stage = "checksum"
        stored = sha256_of(path)
        sha256 = stored.sha256
        existing = depository.catalog.records_with_file(sha256)
        if existing or sha256 in seen:
            entry.outcome, entry.stage = "duplicate", "checksum"
            entry.record_id = existing[0] if existing else seen[sha256].record_id
            entry.reason = (
                "the same content is already in the depository"
                if existing
                else (f"the same content as {seen[sha256].path} in this folder")
            )
            continue
        row = rows.get(relative)
        identifier = (row.record.get("identifier") if row else None) or identifier_for(sha256, key)
        entry.record_id = identifier
        seen[sha256] = entry
        if row and row.problems:
            entry.stage, entry.reason = "manifest", "; ".join(map(str, row.problems))
            continue
        if identifier in depository.catalog.record_ids():
            entry.stage = "describe"
            entry.reason = (
                f"identifier {identifier!r} is already used by a record with other content"
            )
            continue
        pending.append(_Pending(entry, path, sha256, row, stored.size))
    return pending


def _describe(
    depository: Depository, item: _Pending, extraction: FileExtraction, options: IngestOptions
) -> Described:
    given = item.row.record if item.row else {}
    record: dict[str, Any] = guessed_description(extraction, item.source.name, given)
    if item.row:
        record.update(item.row.record)
        marks = marked_redactions(
            item.row.redact_fields, item.row.redact_passages, extraction.pages
        )
        if marks:
            record["redactions"] = marks
    if not record.get("agents"):
        named = agents_in_text(known_names(depository.catalog), "\n".join(extraction.pages))
        if named:
            record["agents"] = named
            record.setdefault("unconfirmed", {})["agents"] = ["text"]
    if options.collection and not record.get("collection"):
        record["collection"] = options.collection
    record["identifier"] = item.entry.record_id
    return Described(depository.with_defaults(record))


@contextmanager
def _stage(entry: FileEntry, name: str) -> Iterator[None]:
    """Mark how far a file got, and time the stage."""
    entry.stage, clock = name, time.perf_counter()
    yield
    entry.seconds[name] = time.perf_counter() - clock


def _deposit(
    depository: Depository, item: _Pending, extraction: FileExtraction, options: IngestOptions
) -> None:
    entry, catalog = item.entry, depository.catalog
    with _stage(entry, "describe"):
        described = _describe(depository, item, extraction, options)
        # refused before its original is kept: a description the catalog would refuse must
        # not leave an object in the store that no record names
        schema.check("record", schema.normalize("record", described.record), entry.path)
    with _stage(entry, "store"):
        original = Original(item.source, item.source.name, entry.path, extraction.media_type)
        files = depository.keep_originals([original])
        properties = file_properties(extraction.metadata)
        if properties:
            files[0]["properties"] = properties
    with _stage(entry, "catalog"), catalog.transaction():
        existing = catalog.records_with_file(files[0]["sha256"])
        if existing:  # another ingest of the same file got there first: one record, not two
            entry.outcome, entry.stage, entry.record_id = "duplicate", "checksum", existing[0]
            entry.reason = f"the same content is already in the depository as {existing[0]}"
            return
        entry.warnings += ensure_process_and_session(catalog, described.record, actor=options.actor)
        entry.warnings += link_agents(catalog, described.record, actor=options.actor)
        text = RecordText(extraction.pages, extraction.details)
        record = {**described.record, "files": files}
        catalog.add_record(record, actor=options.actor, event="ingested", text=text)
        for n, attachment in enumerate(extraction.attachments, start=1):
            said = _deposit_attachment(depository, described.record, attachment, n, options)
            entry.warnings += said
            entry.attachments += "kept as record" in said[0]
    entry.outcome, entry.stage = "ingested", "done"


def _deposit_attachment(
    depository, parent: dict[str, Any], attachment, n: int, options
) -> list[str]:
    """An e-mail's attachment kept as a record of its own, part of the message's record."""
    stored = depository.store.put_bytes(attachment.data)
    if depository.catalog.records_with_file(stored.sha256):
        return [f"attachment {attachment.name!r} is already in the depository"]
    # Its title says what it is attached to: the attachment's own name is content (a title is
    # listed while the content is closed), kept with the file; so is a title guessed for the
    # message (its subject): then the message's identifier stands for it.
    guessed = parent.get("unconfirmed", {})
    titles = {}
    if parent.get("title_en") and "title_en" not in guessed:
        titles["title_en"] = f"Attachment {n} to: {parent['title_en']}"
    if parent.get("title_ar") and "title_ar" not in guessed:
        titles["title_ar"] = f"المرفق {n} من: {parent['title_ar']}"
    if not titles:
        titles = {
            "title_en": f"Attachment {n} to {parent['identifier']}",
            "title_ar": f"المرفق {n} من {parent['identifier']}",
        }
    record = {
        "identifier": f"{parent['identifier']}-attachment-{n}",
        **titles,
        "document_type": "other",
        "part_of": parent["identifier"],
        "access": parent["access"],
        "status": parent["status"],
        "description_visibility": parent["description_visibility"],
        "files": [
            {
                "sha256": stored.sha256,
                "size": stored.size,
                "media_type": attachment.media_type,
                "original_name": attachment.name,
            }
        ],
    }
    for key in ("process", "session", "collection", "embargo_until", "date"):
        if parent.get(key) and key not in guessed:
            record[key] = parent[key]
    depository.catalog.add_record(record, actor=options.actor, event="ingested")
    return [
        f"attachment {attachment.name!r} kept as record {record['identifier']!r} (not extracted)"
    ]


def run_ingest(
    depository: Depository,
    options: IngestOptions,
    on_file: Callable[[FileEntry], None] | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> IngestReport:
    started = time.monotonic()
    if not options.folder.is_dir():
        raise IngestError(f"{options.folder}: not a folder")
    report = IngestReport(str(options.folder))
    load_authorities(depository, options)
    pending = _plan(depository, options, report)
    if on_plan:
        on_plan(len(report.files))
    for entry in report.files:
        if (entry.outcome == "duplicate" or entry.reason) and on_file:
            on_file(entry)
    if options.jobs > 1:  # the largest (a scan's OCR) first, not left as the batch's tail
        pending.sort(key=lambda item: item.size, reverse=True)
    by_key = {i: item for i, item in enumerate(pending)}
    pool = WorkerPool(extract_file, jobs=options.jobs, bounds=options.bounds, preload="ingest.warm")
    tasks = ((i, Task(str(item.source), options.limits)) for i, item in by_key.items())
    settled: set[int] = set()
    try:
        with (
            BackgroundIndexer(depository.indexes, depository.catalog.path),
            contextlib.closing(pool.run(tasks)) as outcomes,
        ):
            for outcome in outcomes:
                settled.add(outcome.key)
                try:
                    _settle(depository, by_key[outcome.key], outcome, options)
                except (OSError, sqlite3.OperationalError, EnvironmentFault) as error:
                    fault = EnvironmentFault.of(error, depository.catalog.path)
                    if fault is None:
                        raise
                    entry = by_key[outcome.key].entry
                    entry.outcome, entry.stage, entry.reason = "failed", "deposit", str(fault)
                    report.fault = str(fault)
                    break
                finally:
                    if on_file:
                        on_file(by_key[outcome.key].entry)
        depository.indexes.drain(depository.catalog)
    except (OSError, sqlite3.OperationalError, EnvironmentFault) as error:  # the index unwritable
        fault = EnvironmentFault.of(error, depository.root / "index")
        if fault is None:
            raise
        report.fault = report.fault or (
            f"{fault}; what went in is in the catalog, and is indexed by the next command"
            " that can write the index (or `mediarch reindex`)"
        )
    for key, item in by_key.items():
        if key not in settled:
            item.entry.outcome, item.entry.stage = "not_tried", "extract"
            item.entry.reason = "the run stopped at a fault of the environment"
    report.seconds = time.monotonic() - started
    return report


def _settle(
    depository: Depository, item: _Pending, outcome: Outcome, options: IngestOptions
) -> None:
    entry = item.entry
    if outcome.kind != "done":
        entry.stage, entry.reason = outcome.value
        return
    extraction: FileExtraction = outcome.value
    entry.format, entry.languages, entry.pages = (
        extraction.format,
        list(extraction.languages),
        len(extraction.pages),
    )
    entry.warnings += extraction.warnings
    entry.seconds.update(extraction.timings)
    try:
        _deposit(depository, item, extraction, options)
    except PassageNotFound as exc:
        entry.stage, entry.reason = "describe", str(exc)
    except EnvironmentFault:
        raise  # not this file's fault: the run stops (run_ingest)
    except ArchiveError as exc:
        entry.outcome, entry.reason = "failed", str(exc)
