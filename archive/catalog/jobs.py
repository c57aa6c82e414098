"""The catalog's tables of background jobs: the only SQL that reads or writes them."""

from __future__ import annotations

import sqlite3


class JobTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection
