"""What staff upload through the web, kept as an ingest job's folder: every name checked (no
path that leaves the folder, no control or bidi character), zips unpacked within bounds shared
by the whole upload. A name refused or given twice is said, never silently dropped; the
reasons are codes (`name_refused`, `name_twice`, `zip_too_large`) the interface words in the
reader's language."""

from __future__ import annotations

import shutil
import unicodedata
import zipfile
from pathlib import Path, PurePosixPath

from archive.errors import ArchiveError

MAX_ZIP_MEMBERS = 20000
MAX_ZIP_BYTES = 4 * 1024**3


class UploadTooLarge(ArchiveError):
    def __init__(self, name: str):
        self.name = name
        super().__init__(
            f"{name}: the zips of this upload would unpack beyond its bounds",
            code="zip_too_large",
            name=name,
        )


JOINERS = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner: Arabic script needs them
MAX_NAME_BYTES = 200


def clean_part(part: str) -> str | None:
    """One part of an uploaded file's path as it may be kept, or None: no control or
    formatting character (a bidi override reorders what a page shows), no `.` or `..`, not
    too long for the file system."""
    part = unicodedata.normalize("NFC", part)
    if part in ("", ".", "..") or len(part.encode("utf-8")) > MAX_NAME_BYTES:
        return None
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") and ch not in JOINERS for ch in part):
        return None
    return part


def clean_path(name: str) -> PurePosixPath | None:
    """A path inside the upload for a zip member or a file's name, or None when it would leave
    the upload or holds a name that cannot be kept."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or not path.parts:
        return None
    parts = [clean_part(p) for p in path.parts]
    if any(p is None for p in parts):
        return None
    return PurePosixPath(*parts)


class Upload:
    """The files of one upload, kept under its folder within bounds shared by all its zips:
    a name refused, a name given twice or a bound passed is said, never silently dropped."""

    def __init__(self, folder: Path):
        self.files = folder / "files"
        self.files.mkdir(parents=True)
        self.refused: list[tuple[str, str]] = []  # (name, why: name_refused | name_twice)
        self.members_left, self.bytes_left = MAX_ZIP_MEMBERS, MAX_ZIP_BYTES

    def _target(self, name: str) -> Path | None:
        path = clean_path(name)
        if path is None:
            self.refused.append((name, "name_refused"))
            return None
        target = self.files / Path(*path.parts)
        if target.exists():
            self.refused.append((name, "name_twice"))
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def add_file(self, item) -> None:
        target = self._target(Path(item.filename.replace("\\", "/")).name)
        if target is not None:
            item.save(target)

    def add_zip(self, stream, name: str) -> None:
        with zipfile.ZipFile(stream) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            size = sum(m.file_size for m in members)
            self.members_left -= len(members)
            self.bytes_left -= size
            free = shutil.disk_usage(self.files).free
            if self.members_left < 0 or self.bytes_left < 0 or size > free // 2:
                raise UploadTooLarge(name)
            for member in members:
                target = self._target(member.filename)
                if target is None:
                    continue
                with archive.open(member) as src, open(target, "wb") as out:
                    shutil.copyfileobj(src, out)  # no more than the size declared (and CRC)
