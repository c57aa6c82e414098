"""A collection or a process as a BagIt package (RFC 8493, with the `bagit` library): for each
record an audience may see, its description (`metadata.json`), its extracted text where the
audience may read it (`text.txt`, redacted where passages are) and its original files where
the audience may have them, under `data/records/ID/`; SHA-256 and SHA-512 manifests."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import bagit

from archive.errors import ArchiveError
from archive.publish.exports import no_such_selector


class BagError(ArchiveError):
    pass


def export_bag(
    depository, access, selector: str, out: Path, *, audience: str, now: dt.datetime
) -> dict:
    """`selector`: a collection's or a process's identifier. Returns a summary."""
    catalog = depository.catalog
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BagError(f"{out}: exists and is not empty")
    ids = catalog.records_in(selector)
    views = [
        v
        for v in (access.view_by_id(catalog, i, audience, now) for i in ids)
        if v is not None and selector in (v.record.get("collection"), v.record.get("process"))
    ]  # by what each view shows: a record whose process is redacted is in no process's bag
    if not views:
        seen = (
            access.view_by_id(catalog, i, audience, now, with_text=False)
            for i in catalog.record_ids()
        )
        raise BagError(no_such_selector(selector, audience, [v for v in seen if v is not None]))
    out.mkdir(parents=True, exist_ok=True)
    files = 0
    for view in views:
        record = view.record
        folder = out / "records" / record["identifier"]
        folder.mkdir(parents=True)
        (folder / "metadata.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        if view.text is not None and view.full:
            pages = "\n\f\n".join(view.text.pages)
            (folder / "text.txt").write_text(pages, encoding="utf-8")
        if view.files:
            originals = folder / "originals"
            originals.mkdir()
            for n, f in enumerate(record.get("files", []), start=1):
                name = f"{n:02d}-{Path(f['original_name']).name}"
                shutil.copyfile(depository.store.path_for(f["sha256"]), originals / name)
                files += 1
    info = {
        "Source-Organization": f"{depository.config.name_en} — {depository.config.name_ar}",
        "External-Description": f"Records of {selector} as the {audience} may see them",
        "External-Identifier": selector,
        "Bagging-Date": now.date().isoformat(),
        "Bag-Software-Agent": "mediarch",
    }
    bag = bagit.make_bag(str(out), bag_info=info, checksums=["sha256", "sha512"])
    bag.validate()
    return {"records": len(views), "files": files, "folder": str(out)}
