"""One list of audiences (`archive/audiences.py`, read from the `audiences` vocabulary) for
every module, and the catalog's CHECK constraints holding the same."""

from __future__ import annotations

import re
from pathlib import Path

from archive.audiences import AUDIENCES, OUTSIDERS, PUBLIC, ROLES
from archive.vocabulary import vocabulary
from tests.conftest import REPO

SOURCES = [p for top in ("archive", "ingest", "webui") for p in (REPO / top).rglob("*.py")]


def test_the_list_is_the_vocabularys_from_the_least_trusted_to_the_most():
    assert tuple(t.code for t in vocabulary("audiences").terms) == AUDIENCES
    assert AUDIENCES[0] == PUBLIC and AUDIENCES[1:] == ROLES
    assert set(OUTSIDERS) < set(AUDIENCES) and "staff" not in OUTSIDERS


def test_the_catalogs_constraints_name_the_same_audiences():
    migrations = "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "archive/catalog/migrations").glob("*.sql"))
    )
    access = re.findall(r"CHECK \(access IN \(([^)]*)\)\)", migrations)
    roles = re.findall(r"CHECK \(role IN \(([^)]*)\)\)", migrations)
    assert access and roles
    assert tuple(re.findall(r"'(\w+)'", access[-1])) == AUDIENCES
    assert tuple(re.findall(r"'(\w+)'", roles[-1])) == ROLES


def test_no_module_writes_its_own_list_of_audiences():
    """A list of two audiences or more written out (`("public", "reader"`) belongs in
    `archive/audiences.py` alone: adding an audience must not mean finding every copy."""
    listed = re.compile(
        r"""["'](public|reader|staff|admin)["'],\s*["'](public|reader|staff|admin)["']"""
    )
    found = [
        f"{p.relative_to(REPO)}:{n}"
        for p in SOURCES
        if p != Path(REPO / "archive/audiences.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if listed.search(line)
    ]
    assert found == []
