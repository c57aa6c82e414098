"""One list of audiences (`archive/audiences.py`, read from the `audiences` vocabulary) for
every module, and the catalog's CHECK constraints holding the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive.audiences import AUDIENCES, OUTSIDERS, PUBLIC, ROLES
from archive.vocabulary import vocabulary
from tests.conftest import REPO

SOURCES = [p for top in ("archive", "ingest", "webui") for p in (REPO / top).rglob("*.py")]


def test_the_list_is_the_vocabularys_from_the_least_trusted_to_the_most():
    assert tuple(t.code for t in vocabulary("audiences").terms) == AUDIENCES
    assert AUDIENCES[0] == PUBLIC and AUDIENCES[1:] == ROLES
    assert set(OUTSIDERS) < set(AUDIENCES) and "staff" not in OUTSIDERS


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


def test_the_catalog_names_no_audience(tmp_path):
    """The vocabulary is the one list: no table of the catalog constrains access levels or
    roles to a list of its own (migration 0014 dropped the two that did), so an audience added
    to the vocabulary needs no migration."""
    from archive.catalog import Catalog

    catalog = Catalog(tmp_path / "catalog.sqlite")
    try:
        tables = " ".join(
            r[0] for r in catalog.conn.execute("SELECT sql FROM sqlite_master WHERE type='table'")
        )
    finally:
        catalog.close()
    assert "CHECK (access IN" not in tables and "CHECK (role IN" not in tables


@pytest.mark.slow
def test_an_audience_added_to_the_vocabulary_reaches_search_pages_and_the_leak_suite(tmp_path):
    """The newcomer's task "add an audience", done for real: a copy of the audiences vocabulary
    with `scholar` between registered readers and staff, named by `MEDIARCH_VOCABULARIES`, and
    nothing else changed. The depository then serves a scholar's index; a record opened to
    scholars only is found and shown to a scholar (command line and web site) and to staff, and
    to neither the public nor a reader; and the leak suite attacks the new audience too (it is
    outside the institution) and passes."""
    import json
    import os
    import subprocess
    import sys

    vocabularies = tmp_path / "vocabularies"
    vocabularies.mkdir()
    doc = json.loads((REPO / "metadata_schema/vocabularies/audiences.json").read_text("utf-8"))
    at = [t["code"] for t in doc["terms"]].index("staff")
    doc["terms"].insert(at, {"code": "scholar", "en": "Accredited scholar", "ar": "باحث معتمد"})
    (vocabularies / "audiences.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    env = {**os.environ, "MEDIARCH_VOCABULARIES": str(vocabularies)}
    sample = tmp_path / "sample"  # the script's ingest, kept for the leak suite's run
    sample.mkdir()
    done = subprocess.run(
        [sys.executable, str(REPO / "tests/added_audience.py"), str(tmp_path / "dep"), "scholar",
         str(sample)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    shown = json.loads(done.stdout.splitlines()[-1])
    chosen = shown["chosen"]
    assert shown["audiences"] == ["public", "reader", "scholar", "staff", "admin"]
    assert "scholar" in shown["outsiders"] and "scholar" in shown["served"]
    for asker in ("scholar", "staff"):
        assert chosen in shown[f"search:{asker}"], asker
    for asker in ("public", "reader"):
        assert chosen not in shown[f"search:{asker}"], asker
    assert shown["page:sam"] == 200 and chosen in shown["web:sam"]
    assert shown["may_ask:sam"] and shown["may_ask:rana"] and not shown["may_ask:public"]
    for name in ("public", "rana"):
        assert shown[f"page:{name}"] == 404 and chosen not in shown[f"web:{name}"], name
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         "-n", "0", "tests/test_leaks.py", "-k", "scholar"],
        capture_output=True, text=True, env={**env, "MEDIARCH_TEST_SAMPLE": str(sample)},
        cwd=REPO, timeout=1200,
    )  # fmt: skip
    assert suite.returncode == 0, suite.stdout[-3000:]
    assert re.search(r"\b([2-9]|\d\d+) passed", suite.stdout), suite.stdout[-500:]
