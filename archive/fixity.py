"""Fixity: is every original still there, byte for byte?

A full check re-hashes every object the catalog names; `fast` compares sizes and counts only.
Each missing or altered original is reported with its store path, the records it belongs to,
and the expected and found checksum; the check itself goes into the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archive.depository import Depository
from archive.errors import ObjectNotFound


@dataclass(frozen=True)
class FixityProblem:
    kind: str  # "missing", "altered" or "size"
    path: Path
    sha256: str
    records: tuple[str, ...]
    expected: str
    found: str | None

    def __str__(self) -> str:
        names = ", ".join(self.records)
        if self.kind == "missing":
            return f"{self.path}: missing (expected sha256 {self.expected}; records {names})"
        what = "sha256" if self.kind == "altered" else "size"
        return f"{self.path}: altered (expected {what} {self.expected}, found {self.found}; records {names})"


@dataclass
class FixityReport:
    fast: bool
    objects: int = 0
    bytes: int = 0
    problems: list[FixityProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_data(self) -> dict:
        return {
            "fast": self.fast,
            "objects": self.objects,
            "bytes": self.bytes,
            "ok": self.ok,
            "problems": [
                {
                    "kind": p.kind,
                    "path": str(p.path),
                    "sha256": p.sha256,
                    "records": list(p.records),
                    "expected": p.expected,
                    "found": p.found,
                }
                for p in self.problems
            ],
        }


def check_fixity(
    depository: Depository, *, fast: bool = False, actor: str = "system"
) -> FixityReport:
    report = FixityReport(fast=fast)
    expected: dict[str, tuple[int, set[str]]] = {}
    for f in depository.catalog.files():
        size, records = expected.setdefault(f.sha256, (f.size, set()))
        records.add(f.record_id)
    store = depository.store
    for sha256, (size, records) in sorted(expected.items()):
        report.objects += 1
        path, recs = store.path_for(sha256), tuple(sorted(records))
        try:
            if fast:
                found_size = store.size(sha256)
                report.bytes += found_size
                if found_size != size:
                    report.problems.append(
                        FixityProblem("size", path, sha256, recs, str(size), str(found_size))
                    )
                continue
            found = store.verify(sha256)
        except ObjectNotFound:
            report.problems.append(FixityProblem("missing", path, sha256, recs, sha256, None))
            continue
        report.bytes += found.size
        if found.sha256 != sha256:
            report.problems.append(
                FixityProblem("altered", path, sha256, recs, sha256, found.sha256)
            )
    depository.catalog.log(
        "fixity_checked",
        "depository",
        None,
        actor=actor,
        detail={
            "fast": fast,
            "objects": report.objects,
            "bytes": report.bytes,
            "problems": [str(p) for p in report.problems],
        },
    )
    return report
