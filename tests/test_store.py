"""The object store keeps originals exactly, never lets a path escape it, and a crash
between writing and renaming leaves neither a partial object nor an inconsistent catalog."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from archive.depository import Depository, Original
from archive.errors import ObjectNotFound, PathOutsideStore
from archive.store import ObjectStore
from tests.conftest import a_record


@pytest.mark.parametrize("size", [0, 1, 4095, 1 << 20, 3 * (1 << 20) + 17])
def test_objects_round_trip_byte_for_byte(tmp_path, size):
    store = ObjectStore(tmp_path / "store")
    store.create()
    data = os.urandom(size)
    source = tmp_path / "original.bin"
    source.write_bytes(data)
    stored = store.put_file(source)
    assert stored.sha256 == hashlib.sha256(data).hexdigest() and stored.size == size
    with store.open(stored.sha256) as fh:
        assert fh.read() == data
    assert source.read_bytes() == data  # the original is untouched


def test_the_same_content_is_kept_once_and_stored_objects_are_read_only(tmp_path):
    store = ObjectStore(tmp_path / "store")
    store.create()
    first = store.put_bytes("وقف إطلاق النار".encode())
    second = store.put_bytes("وقف إطلاق النار".encode())
    assert first == second
    assert list(store) == [first.sha256]
    assert not os.access(store.path_for(first.sha256), os.W_OK) or os.geteuid() == 0
    assert oct(store.path_for(first.sha256).stat().st_mode & 0o777) == "0o444"
    assert list(store.tmp.iterdir()) == []


@pytest.mark.parametrize(
    "address",
    ["../../etc/passwd", "/etc/passwd", "ab/../../x", "A" * 64, "0" * 63, "", "0" * 64 + "/.."],
)
def test_an_address_that_is_not_a_sha256_inside_the_store_is_refused(tmp_path, address):
    store = ObjectStore(tmp_path / "store")
    with pytest.raises(PathOutsideStore):
        store.path_for(address)


def test_a_missing_object_is_a_typed_error(tmp_path):
    store = ObjectStore(tmp_path / "store")
    store.create()
    with pytest.raises(ObjectNotFound):
        store.open("0" * 64)


def test_a_process_killed_between_write_and_rename_leaves_no_object_and_a_consistent_catalog(
    tmp_path,
):
    root = tmp_path / "dep"
    Depository.create(root).close()
    original = tmp_path / "memo.txt"
    original.write_text("مذكرة مفاهيمية حول تبادل الأسرى\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from archive.depository import Depository, Original
        from tests.conftest import a_record
        with Depository.open(Path({str(root)!r})) as dep:
            dep.deposit(a_record(identifier="killed-1"), [Original(Path({str(original)!r}), "memo.txt")],
                        actor="test")
    """)
    env = {**os.environ, "MEDIARCH_FAULT": "store.before_rename", "PYTHONPATH": os.getcwd()}
    child = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert list((root / "store" / "tmp").glob("*.part")), (
        "the fault point should leave a temporary file"
    )
    with Depository.open(root) as dep:  # opening clears what the dead writer left
        assert list(dep.store) == []
        assert list(dep.store.tmp.iterdir()) == []
        assert dep.catalog.record_ids() == [] and dep.catalog.files() == []
        record = dep.deposit(
            a_record(identifier="killed-1"), [Original(original, "memo.txt")], actor="test"
        )
        assert record["files"][0]["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()


def test_a_process_killed_before_the_catalog_commit_leaves_no_record(tmp_path):
    root = tmp_path / "dep"
    Depository.create(root).close()
    original = tmp_path / "memo.txt"
    original.write_text("Concept memo on grazing rights\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        from pathlib import Path
        from archive.depository import Depository, Original
        from tests.conftest import a_record
        with Depository.open(Path({str(root)!r})) as dep:
            dep.deposit(a_record(identifier="killed-2"), [Original(Path({str(original)!r}), "memo.txt")],
                        actor="test")
    """)
    env = {**os.environ, "MEDIARCH_FAULT": "catalog.before_commit", "PYTHONPATH": os.getcwd()}
    child = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    with Depository.open(root) as dep:
        assert dep.catalog.record_ids() == [] and dep.catalog.files() == []
        assert dep.catalog.events("record") == []
        # The object may stay, unreferenced (fixity only checks what the catalog names).
        dep.deposit(a_record(identifier="killed-2"), [Original(original, "memo.txt")], actor="test")
        assert dep.catalog.record_ids() == ["killed-2"]
