"""A depository on disk: its configuration, catalog, object store and index folder.

ROOT/mediarch.toml     configuration (institution, time zone, defaults, embargo rules)
ROOT/catalog.sqlite    the catalog, the source of truth
ROOT/store/            originals by sha256
ROOT/index/            search indexes, derived from the catalog and rebuildable
"""

from __future__ import annotations

import datetime as dt
import functools
import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.access.gate import Access
from archive.catalog import Catalog, RecordText
from archive.config import CONFIG_NAME, Config, ConfigError, load_config, render_template
from archive.errors import DepositoryExists, DepositoryNotFound
from archive.index.indexes import SearchIndexes
from archive.store import ObjectStore

CATALOG_NAME = "catalog.sqlite"
DEFAULT_NAME_EN = "The Mediation Depository"
DEFAULT_NAME_AR = "مستودع الوساطة"


@dataclass(frozen=True)
class Original:
    """A file to keep as a record's original, with where it came from."""

    source: Path
    original_name: str
    relative_path: str | None = None
    media_type: str | None = None


class Depository:
    def __init__(self, root: Path, config: Config, catalog: Catalog, store: ObjectStore):
        self.root, self.config, self.catalog, self.store = root, config, catalog, store
        self.access = Access.of(config)  # the one copy of the rules every reader decides by

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @functools.cached_property
    def indexes(self) -> SearchIndexes:
        return SearchIndexes(self.index_dir, self.access, reload=self.reload_config)

    @classmethod
    def create(
        cls, root: Path, *, name_en: str = DEFAULT_NAME_EN, name_ar: str = DEFAULT_NAME_AR
    ) -> Depository:
        root = Path(root).resolve()
        if (root / CONFIG_NAME).exists() or (root / CATALOG_NAME).exists():
            raise DepositoryExists(root)
        root.mkdir(parents=True, exist_ok=True)
        (root / "index").mkdir(exist_ok=True)
        ObjectStore(root / "store").create()
        for private in ("index", "store"):  # closed texts and originals: the owner's alone
            os.chmod(root / private, 0o700)
        config_path = root / CONFIG_NAME
        tmp = config_path.with_suffix(".tmp")
        tmp.write_text(render_template(name_en, name_ar), encoding="utf-8")
        os.replace(tmp, config_path)
        Catalog(root / CATALOG_NAME).close()
        return cls.open(root)

    @classmethod
    def open(cls, root: Path, *, tidy: bool = True) -> Depository:
        """The depository at root; `tidy` removes the store's temporary files that writers no
        longer running left (`check`, which changes nothing, opens without)."""
        root = Path(root).resolve()
        if not (root / CONFIG_NAME).is_file() or not (root / CATALOG_NAME).is_file():
            raise DepositoryNotFound(root)
        config = load_config(root / CONFIG_NAME)
        store = ObjectStore(root / "store")
        if tidy:
            store.clear_abandoned()
        depository = cls(root, config, Catalog(root / CATALOG_NAME), store)
        depository.reload_config()  # notes what was read
        return depository

    def reload_config(self, catalog: Catalog | None = None) -> bool:
        """Read `mediarch.toml` again if it changed since it was read (a long-running process
        calls this often: a stat); the depository's access decision takes the new rules, for
        every reader at once. True if it changed. `catalog`: the calling thread's connection
        (a connection belongs to its thread), the depository's own by default."""
        path = self.root / CONFIG_NAME
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if getattr(self, "_config_stamp", None) is None:
            self._config_stamp, self._config_broken = stamp, False
            return False
        if stamp == self._config_stamp:
            return self._config_broken and self._follow_the_indexes(catalog or self.catalog)
        try:
            config = load_config(path)
        except ConfigError:  # said once: nothing is read again until the file changes again
            self._config_stamp, self._config_broken = stamp, True
            self._follow_the_indexes(catalog or self.catalog)
            raise
        self._config_stamp, self._config_broken = stamp, False
        self.config = config
        self.access.take(self.config)
        return True

    def _follow_the_indexes(self, catalog: Catalog) -> bool:
        """While `mediarch.toml` cannot be read, decide by the rules the indexes were last
        written by (the catalog keeps them), not by this process's own last reading: another
        process (a second web worker) may have read a rule this one never saw, and closed the
        indexes by it. True if the rules changed."""
        if self.access is None:
            return False
        stored = catalog.setting("access_rules")
        if stored is None or stored == self.access.rules_state():
            return False
        self.access.adopt(stored)
        return True

    def close(self) -> None:
        if "indexes" in self.__dict__:
            self.indexes.close()
        self.catalog.close()

    def __enter__(self) -> Depository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def with_defaults(self, record: dict[str, Any]) -> dict[str, Any]:
        """Fill what a description leaves out from the configuration's defaults (closed ones)."""
        defaults = {
            "access": self.config.default_access,
            "status": self.config.default_status,
            "description_visibility": self.config.default_description_visibility,
        }
        return {**defaults, **{k: v for k, v in record.items() if v not in (None, "", [])}}

    def keep_originals(self, originals: list[Original]) -> list[dict[str, Any]]:
        """Copy originals into the store; their file descriptions for the record."""
        files = []
        for original in originals:
            stored = self.store.put_file(original.source)
            media_type = original.media_type or mimetypes.guess_type(original.original_name)[0]
            entry = {
                "sha256": stored.sha256,
                "size": stored.size,
                "media_type": media_type or "application/octet-stream",
                "original_name": original.original_name,
            }
            if original.relative_path:
                entry["path"] = original.relative_path
            files.append(entry)
        return files

    def deposit(
        self,
        record: dict[str, Any],
        originals: list[Original],
        *,
        actor: str,
        event: str = "created",
        at: dt.datetime | None = None,
        text: RecordText | None = None,
    ) -> dict[str, Any]:
        """Keep the originals in the store, then write the record, its files and its text in one
        catalog transaction. A crash in between leaves only unreferenced objects, never a
        record without its files."""
        description = self.with_defaults(record)
        files = self.keep_originals(originals)
        if files:
            description["files"] = files
        return self.catalog.add_record(description, actor=actor, event=event, at=at, text=text)
