"""The layers of docs/architecture.md: the core (`archive/`) imports neither `ingest/` nor
`webui/` (but the command line, the one composition root), and those two do not import each
other. Imports inside functions count too."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

RULES = {  # package: the packages it must not import
    "archive": ("ingest", "webui"),
    "ingest": ("webui",),
    "webui": ("ingest",),
}
COMPOSITION_ROOT = REPO / "archive" / "cli"  # the package: every module in it


def _imported(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(RULES))
def test_a_layer_imports_no_layer_above_or_beside_it(package):
    broken = [
        f"{path.relative_to(REPO)} imports {name}"
        for path in sorted((REPO / package).rglob("*.py"))
        if COMPOSITION_ROOT not in path.parents
        for name in sorted(_imported(path) & set(RULES[package]))
    ]
    assert broken == []


def test_every_extractor_is_one_the_ingest_protocol_describes():
    """Each format's reader offers what ingest asks of it (`ingest.extract.Extractor`), and no
    two claim the same format."""
    from ingest.extract import Extractor
    from ingest.stages import EXTRACTORS

    claimed: list[str] = []
    for extractor in EXTRACTORS:
        assert isinstance(extractor, Extractor), type(extractor).__name__
        assert extractor.formats and callable(extractor.extract)
        claimed += extractor.formats
    assert len(claimed) == len(set(claimed))


def test_only_the_catalog_speaks_sql():
    """Every statement is in `archive/catalog/` (one module per family of tables, behind the
    `Catalog` facade): a change of the tables, or a second database, is made there alone. A
    call of `.execute`, `.executemany` or `.executescript` anywhere else fails this test."""
    catalog = REPO / "archive" / "catalog"
    speaking = []
    for package in ("archive", "ingest", "webui"):
        for path in sorted((REPO / package).rglob("*.py")):
            if catalog in path.parents:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany", "executescript")
                ):
                    speaking.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert speaking == []


def test_arabic_letters_and_marks_are_named_in_one_place():
    """A range of Arabic characters (letters, marks, digits, presentation forms, the bidi
    controls) is written in `archive/arabic.py` alone; every other module composes its names,
    so the analyzer, the repair, the dates and the vocabulary cannot drift apart again."""
    import re

    written = re.compile(r"\\u0[5-6][0-9a-fA-F]{2}-\\u0|\\ufb50|\\ufe70|\\u200e\\u200f|range\(0x06")
    found = [
        f"{path.relative_to(REPO)}:{n}"
        for package in ("archive", "ingest", "webui")
        for path in sorted((REPO / package).rglob("*.py"))
        if path != REPO / "archive" / "arabic.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if written.search(line)
    ]
    assert found == []


LONGEST = 400  # lines: a module longer than this holds more than one responsibility
LONGER_ALLOWED: dict[str, str] = {}  # path: why it may be longer (none today)


def test_no_module_holds_more_than_one_screenful_of_responsibilities():
    """No module of `archive/`, `ingest/` or `webui/` is over 400 lines, but those named in
    LONGER_ALLOWED with the reason: a long module is where a newcomer stops finding things."""
    long = {
        str(path.relative_to(REPO)): n
        for package in ("archive", "ingest", "webui")
        for path in sorted((REPO / package).rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST
    }
    assert {p: n for p, n in long.items() if p not in LONGER_ALLOWED} == {}
