"""The catalog's tables of the public ledger (what the public could see, when: OAI-PMH and feeds): the only SQL that reads or writes them."""

from __future__ import annotations

import sqlite3


class LedgerTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection
