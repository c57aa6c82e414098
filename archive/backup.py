"""Backup and restore. A backup is a folder: `catalog.sqlite` (a consistent copy taken through
SQLite's online backup while the depository works: users, events and all), the store's objects
that copy refers to (each checked against its name, the checksum, as it is copied), the
configuration, and `MANIFEST.json` with the SHA-256 and size of every file, checked again
once everything is written. The search indexes are not kept: a restore rebuilds them from the
catalog. The session key is not kept either: a restored site starts new sessions."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

from archive.config import CONFIG_NAME
from archive.errors import ArchiveError

MANIFEST = "MANIFEST.json"
CATALOG = "catalog.sqlite"
FORMAT = 1


class BackupError(ArchiveError):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup(depository, out: Path) -> dict:
    """Write a backup of the depository into the new folder `out`; returns its manifest."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BackupError(f"{out}: exists and is not empty")
    out.mkdir(parents=True, exist_ok=True)
    os.chmod(out, 0o700)  # a backup holds every closed text: its owner's alone
    shas, records = depository.catalog.copy_to(out / CATALOG)  # one snapshot, writers go on
    files: dict[str, dict] = {}
    for sha in shas:
        source = depository.store.path_for(sha)
        relative = f"store/objects/{sha[:2]}/{sha[2:]}"
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        found = _sha256(target)
        if found != sha:
            raise BackupError(
                f"{source}: the object does not match its checksum (run mediarch fixity)"
            )
        files[relative] = {"sha256": found, "size": target.stat().st_size}
    shutil.copyfile(depository.root / CONFIG_NAME, out / CONFIG_NAME)
    for name in (CATALOG, CONFIG_NAME):
        files[name] = {"sha256": _sha256(out / name), "size": (out / name).stat().st_size}
    manifest = {
        "format": FORMAT,
        "made_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "source": str(depository.root),
        "records": records,
        "objects": len(shas),
        "files": files,
    }
    (out / MANIFEST).write_text(
        json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    problems = verify(out)
    if problems:
        raise BackupError(f"{out}: the backup does not verify: {problems[0]}")
    return manifest


def verify(folder: Path) -> list[str]:
    """What is wrong with a backup (each file against the manifest; nothing extra): empty
    when it is whole."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError) as exc:
        return [f"{folder / MANIFEST}: unreadable ({exc})"]
    problems = []
    for relative, expected in sorted(files.items()):
        path = folder / relative
        if not path.is_file():
            problems.append(f"{relative}: missing")
        elif path.stat().st_size != expected["size"] or _sha256(path) != expected["sha256"]:
            problems.append(f"{relative}: does not match its checksum")
    listed = set(files) | {MANIFEST}
    for path in folder.rglob("*"):
        if path.is_file() and path.relative_to(folder).as_posix() not in listed:
            problems.append(f"{path.relative_to(folder)}: not in the manifest")
    return problems


def restore(folder: Path, root: Path) -> dict:
    """Check the backup whole, then copy it into the new depository folder `root` (the indexes
    are the caller's to rebuild)."""
    folder, root = Path(folder), Path(root)
    problems = verify(folder)
    if problems:
        raise BackupError(
            f"{folder}: not restored, the backup does not verify: " + "; ".join(problems[:5])
        )
    if root.exists() and any(root.iterdir()):
        raise BackupError(f"{root}: exists and is not empty")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    for relative in manifest["files"]:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / relative, target)
    (root / "store" / "tmp").mkdir(parents=True, exist_ok=True)
    return manifest
