"""Typed errors of the archive core; each carries the path or field it is about.

`str(error)` is the one plain line the CLI shows, in English. `error.code` names the kind of
error and `error.details` the values its message names, so that the web can say it in the
reader's language (`webui/i18n.py`, `error.<code>`) and a JSON answer can carry both.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ArchiveError(Exception):
    """Base of every error the archive raises on purpose: the English line, a `code` (a
    subclass's own, or one given where it is raised) and the `details` the line names."""

    code = "failed"

    def __init__(self, message: str = "", *, code: str | None = None, **details: Any):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.details: dict[str, Any] = {k: v for k, v in details.items() if v is not None}


class DepositoryNotFound(ArchiveError):
    def __init__(self, root: Path, reason: str = "no depository here (run `mediarch init`)"):
        self.root = root
        super().__init__(f"{root}: {reason}", code="no_depository", path=str(root))


class DepositoryExists(ArchiveError):
    def __init__(self, root: Path):
        self.root = root
        super().__init__(
            f"{root}: a depository already exists here", code="depository_exists", path=str(root)
        )


class ConfigError(ArchiveError):
    def __init__(self, path: Path, key: str, reason: str):
        self.path, self.key, self.reason = path, key, reason
        super().__init__(
            f"{path}: {key}: {reason}", code="config", path=str(path), key=key, reason=reason
        )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a description: where (a field path) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class ValidationFailed(ArchiveError):
    """A description broke the schema; `problems` lists every reason at once."""

    def __init__(self, kind: str, subject: str | None, problems: list[Problem]):
        self.kind, self.subject, self.problems = kind, subject, problems
        where = f"{kind} {subject!r}" if subject else kind
        lines = "; ".join(str(p) for p in problems)
        super().__init__(
            f"{where} is not valid: {lines}",
            code="not_valid",
            kind=kind,
            subject=subject,
            problems=[str(p) for p in problems],
        )


class UnknownTerm(ArchiveError):
    def __init__(self, vocabulary: str, value: str):
        self.vocabulary, self.value = vocabulary, value
        super().__init__(
            f"{value!r} is not a term of {vocabulary}",
            code="unknown_term",
            vocabulary=vocabulary,
            value=value,
        )


class StoreError(ArchiveError):
    """Something is wrong with the object store."""


class PathOutsideStore(StoreError):
    def __init__(self, path: str):
        self.path = path
        super().__init__(
            f"{path}: refused, it would resolve outside the object store",
            code="outside_store",
            path=path,
        )


class ObjectNotFound(StoreError):
    def __init__(self, sha256: str):
        self.sha256 = sha256
        super().__init__(
            f"object {sha256} is not in the store", code="object_missing", sha256=sha256
        )


class NotFound(ArchiveError):
    """A catalog entry (record, process, session, agent) that does not exist."""

    def __init__(self, kind: str, identifier: str):
        self.kind, self.identifier = kind, identifier
        super().__init__(
            f"no {kind} with identifier {identifier!r}",
            code="not_found",
            kind=kind,
            identifier=identifier,
        )


class Conflict(ArchiveError):
    """A catalog write that clashes with what is there (a duplicate identifier, say)."""

    def __init__(self, kind: str, identifier: str, reason: str):
        self.kind, self.identifier, self.reason = kind, identifier, reason
        super().__init__(
            f"{kind} {identifier!r}: {reason}",
            code="conflict",
            kind=kind,
            identifier=identifier,
            reason=reason,
        )


class CatalogError(ArchiveError):
    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}", code="catalog", path=str(path), reason=reason)


_ADVICE = {
    errno.EACCES: "give the user who runs mediarch write access to it",
    errno.EPERM: "give the user who runs mediarch write access to it",
    errno.EROFS: "mount it read-write",
    errno.ENOSPC: "free some space on that disk",
    errno.EDQUOT: "the disk quota is used up: free some space or raise the quota",
}
ENVIRONMENT_ERRNOS = frozenset(_ADVICE)
WRITABLE_ADVICE = (  # SQLite says "read-only" for a file, a folder or a mount alike
    "mount its file system read-write, or give the user who runs mediarch write access to the"
    " file and its folder"
)


class EnvironmentFault(ArchiveError):
    """The machine, not the input, stopped the work: a folder that cannot be written, a full
    disk. Says which path and what to do; what was done before it is kept."""

    def __init__(self, path: str | Path | None, reason: str, advice: str):
        self.path, self.reason, self.advice = path, reason, advice
        super().__init__(
            f"{path or 'the depository'}: {reason}: {advice}",
            code="environment",
            path=str(path) if path else None,
            reason=reason,
            advice=advice,
        )

    @classmethod
    def of(cls, error: BaseException, fallback: Path | None = None) -> EnvironmentFault | None:
        """The fault an operating-system or SQLite error reports, or None when it is another
        kind of error (a fault of ours or of the input)."""
        if isinstance(error, EnvironmentFault):
            return error
        if isinstance(error, OSError) and error.errno in ENVIRONMENT_ERRNOS:
            path = error.filename or fallback
            if path and not os.path.exists(path):  # a file it was making: name its folder
                path = os.path.dirname(path) or path
            return cls(path, error.strerror.lower(), _ADVICE[error.errno])
        if isinstance(error, sqlite3.OperationalError):  # the catalog: SQLite says it in words
            said = str(error)
            if "readonly" in said or "read-only" in said:
                return cls(fallback, "cannot be written", WRITABLE_ADVICE)
            if "disk is full" in said:
                return cls(fallback, "no space left on device", _ADVICE[errno.ENOSPC])
        return None
