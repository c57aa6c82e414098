"""The object store: originals addressed by their sha256, written atomically, never modified.

An object lives at `objects/ab/cdef…` (the first two hex digits name the folder). A write
streams into `tmp/` while hashing, fsyncs, then renames into place, so a crash leaves either
the whole object or nothing but a temporary file that the next opening clears away.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from archive.errors import EnvironmentFault, ObjectNotFound, PathOutsideStore, StoreError
from archive.faults import fault_point

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredObject:
    sha256: str
    size: int


def sha256_of(path: Path) -> StoredObject:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return StoredObject(digest.hexdigest(), size)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ObjectStore:
    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self.objects = self.root / "objects"
        self.tmp = self.root / "tmp"

    def create(self) -> None:
        self.objects.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_for(self, sha256: str) -> Path:
        """Where the object lives; anything that is not a sha256 inside the store is refused."""
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            raise PathOutsideStore(str(sha256))
        path = (self.objects / sha256[:2] / sha256[2:]).resolve()
        if not path.is_relative_to(self.objects):
            raise PathOutsideStore(str(path))
        return path

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        try:
            return open(self.path_for(sha256), "rb")
        except FileNotFoundError:
            raise ObjectNotFound(sha256) from None

    def put_file(self, source: Path) -> StoredObject:
        with open(source, "rb") as fh:
            return self.put_stream(fh)

    def put_bytes(self, data: bytes) -> StoredObject:
        return self.put_stream(io.BytesIO(data))

    def put_stream(self, stream: BinaryIO) -> StoredObject:
        """Copy a stream into the store; an object already there is left untouched."""
        self.tmp.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        tmp_path = self.tmp / f"{os.getpid()}-{os.urandom(8).hex()}.part"
        try:
            with open(tmp_path, "xb") as out:
                while chunk := stream.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            obj = StoredObject(digest.hexdigest(), size)
            final = self.path_for(obj.sha256)
            if final.exists():
                return obj
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp_path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            fault_point("store.before_rename")
            os.replace(tmp_path, final)
            _fsync_dir(final.parent)
            return obj
        except OSError as exc:
            fault = EnvironmentFault.of(exc, self.tmp)
            if fault is not None:  # the store cannot be written: no file can go in
                raise fault from exc
            raise StoreError(f"{self.root}: cannot write object: {exc}") from exc
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp_path.unlink()

    def verify(self, sha256: str) -> StoredObject:
        """Re-hash an object; ObjectNotFound when it is gone."""
        try:
            return sha256_of(self.path_for(sha256))
        except FileNotFoundError:
            raise ObjectNotFound(sha256) from None

    def size(self, sha256: str) -> int:
        try:
            return self.path_for(sha256).stat().st_size
        except FileNotFoundError:
            raise ObjectNotFound(sha256) from None

    def __iter__(self) -> Iterator[str]:
        """Every object's sha256 (what is on disk, whatever the catalog says)."""
        if not self.objects.is_dir():
            return
        for sub in sorted(self.objects.iterdir()):
            for f in sorted(sub.iterdir()):
                yield sub.name + f.name

    def clear_abandoned(self) -> int:
        """Remove temporary files left by writers that are no longer running."""
        removed = 0
        if not self.tmp.is_dir():
            return 0
        for part in self.tmp.glob("*.part"):
            pid = part.name.split("-", 1)[0]
            if pid.isdigit() and _pid_alive(int(pid)) and int(pid) != os.getpid():
                continue
            with contextlib.suppress(OSError):  # gone meanwhile, or not ours to remove now
                part.unlink()
                removed += 1
        return removed
