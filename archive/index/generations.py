"""A generation of an audience's index: its folder, its meta file and the record of its files'
sizes and checksums; what counts as damage to it, and what a search of a damaged index (or of
an audience no index serves) answers."""

from __future__ import annotations

import errno
import json
import os
import pickle
import struct
import threading
import zlib
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from archive.errors import ArchiveError
from archive.index.schema import SCHEMA_VERSION


class IndexDamaged(ArchiveError):
    """An audience's index cannot be read (a segment file missing: a disk error, a careless
    backup). The next drain (the server's schedule, `mediarch indexer`, most commands) builds
    it again from the catalog; meanwhile its searches answer this."""

    def __init__(self, audience: str, folder: Path, reason: str):
        self.audience, self.folder, self.reason = audience, folder, reason
        super().__init__(
            f"the {audience} index is damaged ({reason}): it is being built again from the "
            "catalog by the server or `mediarch indexer` (or now: `mediarch reindex`)",
            code="index_damaged",
            audience=audience,
        )


class AudienceNotServed(ArchiveError):
    def __init__(self, audience: str, served: tuple[str, ...] = ("staff",)):
        self.audience = audience
        super().__init__(
            f"no index for the audience {audience!r} (this one serves {', '.join(served)})",
            code="audience_not_served",
            audience=audience,
        )


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = _temporary(path)
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Generation:
    """One built (or building) index folder and its meta file."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.meta_path = folder / "mediarch-meta.json"

    @property
    def meta(self) -> dict[str, Any]:
        try:
            return json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def save(self, *, seal: bool = False, **changes: Any) -> None:
        """Write changes into the meta file; with `seal` (after a commit), the files' record
        too (`sealed`), from the same reading of it."""
        meta = self.meta
        if seal:
            changes["files"] = self.sealed(meta.get("files") or {})
        _write_json(self.meta_path, {**meta, **changes})

    @property
    def usable(self) -> bool:
        meta = self.meta
        return (
            meta.get("schema_version") == SCHEMA_VERSION
            and meta.get("complete") is True
            and not meta.get("damaged")
        )

    def sealed(self, known: dict[str, list[int]]) -> dict[str, list[int]]:
        """The size and CRC-32 of each of the index's own files, to be saved in the meta file
        after a commit: files already recorded at the same size are not read again (Whoosh
        writes a file once under a new name and never changes it)."""
        files = {}
        for path in sorted(self.folder.iterdir()):
            name = path.name
            if name.startswith(("mediarch-", "MAIN_WRITELOCK")) or name.endswith(".tmp"):
                continue
            size = path.stat().st_size
            if name in known and known[name][0] == size:
                files[name] = known[name]
            else:
                files[name] = [size, _crc32(path)]
        return files

    def altered(self) -> str | None:
        """Which of the index's files recorded at a commit now differs from its record (size
        or bytes): a disk error or a careless hand, never a write of ours. Files gone are for
        `missing`; files written since the last record are not judged."""
        for name, (size, crc) in sorted((self.meta.get("files") or {}).items()):
            path = self.folder / name
            try:
                if path.stat().st_size != size:
                    return f"{name} is {path.stat().st_size} bytes, {size} when written"
                if _crc32(path) != crc:
                    return f"the bytes of {name} changed since it was written"
            except FileNotFoundError:
                continue
        return None

    def foreign(self, audience: str, meta: dict[str, Any] | None = None) -> str | None:
        """Why the generation is not the audience's index, or None: its folder is named for
        another audience (a pointer rewritten by hand), or its meta file says it was built for
        another (files copied over from another index). Either would show one audience what
        only another may see; its files' checksums cannot tell, they match the copy."""
        if not self.folder.name.startswith(f"{audience}-"):
            return f"{self.folder.name} is not an index of the {audience} audience"
        owner = (self.meta if meta is None else meta).get("audience")
        if owner is not None and owner != audience:
            return f"{self.folder.name} holds the {owner} index (so says its meta file)"
        return None

    def missing(self) -> str | None:
        """What of the generation cannot be found (its table of contents, a segment's file),
        or None: a few file lookups, no segment opened."""
        try:
            ix = self.open()
        except Exception as error:  # no table of contents, or one that cannot be read
            return f"{type(error).__name__}: {error}"
        try:
            for segment in ix._read_toc().segments:
                if segment.is_compound():
                    names = [segment.make_filename(".seg")]
                else:
                    names = [segment.make_filename(ext) for ext in (".trm", ".pst")]
                for name in names:
                    if not ix.storage.file_exists(name):
                        return f"segment file {name} missing"
        except Exception as error:
            return f"{type(error).__name__}: {error}"
        finally:
            ix.close()
        return None

    def open(self):
        return whoosh_index.open_dir(str(self.folder))


# what reading an index whose files are missing or cut short raises (Whoosh reads pickles,
# structs and arrays): such an index is damaged
_UNREADABLE = (
    FileNotFoundError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
    whoosh_index.IndexError,  # no table of contents (EmptyIndexError), or one of another version
)
_CORRUPT_WHILE_READING = (
    FileNotFoundError,
    EOFError,
    struct.error,
    zlib.error,
    pickle.UnpicklingError,
)  # met in a search: a file cut short or its bytes changed (an OSError EINVAL or EIO too)


def is_damage(error: BaseException, folder: Path, *, searching: bool = False) -> bool:
    """Whether an error says the index's files are damaged: a file of the generation gone,
    data that does not decompress or unpickle, a read past its end, an offset the system
    refuses (EINVAL) or an I/O error. Opening an index, what Whoosh raises on a file cut
    short counts too; in a search, only what cannot be a fault of ours. Any other error
    counts when a file differs from its record (Generation.altered)."""
    if isinstance(error, FileNotFoundError):
        return str(error.filename or "").startswith(str(folder))
    if isinstance(error, OSError):
        return error.errno in (errno.EINVAL, errno.EIO)
    if isinstance(error, _CORRUPT_WHILE_READING if searching else _UNREADABLE):
        return True
    # bytes changed in a pickle can raise anything (TypeError, OverflowError, MemoryError…):
    # the files' record of size and checksum tells a damaged index from a fault of ours
    try:
        return Generation(folder).altered() is not None
    except OSError:
        return False


def _crc32(path: Path) -> int:
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def _temporary(path: Path) -> Path:
    """A temporary name beside `path` that no other process or thread writes."""
    return path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")


def write_json_pointer(path: Path, name: str) -> None:
    tmp = _temporary(path)
    tmp.write_text(name + "\n", encoding="utf-8")
    os.replace(tmp, path)
