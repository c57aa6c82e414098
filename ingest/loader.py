"""Deposit a described folder: the authority files, then one record per manifest row with its
file kept as the original. No text extraction yet (the ingest pipeline adds it); used by
`mediarch demo` to load the sample corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archive.depository import Depository, Original
from archive.errors import ArchiveError, Problem
from ingest.manifest import read_descriptions, read_manifest


@dataclass
class LoadReport:
    deposited: list[str] = field(default_factory=list)
    already_there: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    not_in_manifest: list[str] = field(default_factory=list)


def load_authorities(depository: Depository, folder: Path, *, actor: str) -> None:
    """Agents, processes and sessions from `agents.json`, `processes.json`, `sessions.json`."""
    catalog = depository.catalog
    for name, put in (
        ("agents", catalog.put_agent),
        ("processes", catalog.put_process),
        ("sessions", catalog.put_session),
    ):
        path = folder / f"{name}.json"
        if path.is_file():
            with catalog.transaction():
                for description in read_descriptions(path):
                    put(description, actor=actor)


def load_described_folder(
    depository: Depository, files_dir: Path, manifest: Path, *, actor: str
) -> LoadReport:
    report = LoadReport()
    rows = read_manifest(manifest)
    listed = set()
    for row in rows:
        listed.add(row.file)
        source = (files_dir / row.file).resolve()
        problems = list(row.problems)
        if not row.file:
            problems.append(Problem("file", "is empty"))
        elif not source.is_relative_to(files_dir.resolve()):
            problems.append(Problem("file", "points outside the folder"))
        elif not source.is_file():
            problems.append(Problem("file", "no such file in the folder"))
        if problems:
            report.refused.append((row.file or f"line {row.line}", "; ".join(map(str, problems))))
            continue
        ident = row.record.get("identifier")
        if ident and ident in depository.catalog.record_ids():
            report.already_there.append(ident)
            continue
        original = Original(source, source.name, row.file)
        try:
            record = depository.deposit(row.record, [original], actor=actor, event="ingested")
        except ArchiveError as exc:
            report.refused.append((row.file, str(exc)))
            continue
        report.deposited.append(record["identifier"])
    for path in sorted(files_dir.rglob("*")):
        rel = path.relative_to(files_dir).as_posix()
        if path.is_file() and rel not in listed:
            report.not_in_manifest.append(rel)
    return report
