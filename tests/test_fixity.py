"""Fixity finds every missing or altered original, names its path, logs the check and exits 1."""

from __future__ import annotations

import json
import os

from archive.depository import Original
from archive.fixity import check_fixity
from tests.conftest import a_record, run_mediarch


def _deposit_two(depository, tmp_path):
    paths = []
    for n, text in enumerate(["محضر الجولة الثانية", "Communiqué of the third round"], start=1):
        src = tmp_path / f"doc{n}.txt"
        src.write_text(text * 50, encoding="utf-8")
        record = depository.deposit(
            a_record(identifier=f"doc-{n}"), [Original(src, src.name)], actor="test"
        )
        paths.append(depository.store.path_for(record["files"][0]["sha256"]))
    return paths


def _flip_a_byte(path):
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_an_intact_depository_passes(depository, tmp_path):
    _deposit_two(depository, tmp_path)
    report = check_fixity(depository)
    assert report.ok and report.objects == 2 and report.bytes > 0


def test_a_flipped_byte_is_found_with_expected_and_found_checksums(depository, tmp_path):
    altered, _intact = _deposit_two(depository, tmp_path)
    _flip_a_byte(altered)
    report = check_fixity(depository)
    assert [p.kind for p in report.problems] == ["altered"]
    problem = report.problems[0]
    assert problem.path == altered and problem.records == ("doc-1",)
    assert (
        problem.expected == altered.parent.name + altered.name and problem.found != problem.expected
    )
    assert str(altered) in str(problem)


def test_a_deleted_file_is_found_even_by_the_fast_check(depository, tmp_path):
    _, deleted = _deposit_two(depository, tmp_path)
    deleted.unlink()
    for fast in (False, True):
        report = check_fixity(depository, fast=fast)
        assert [(p.kind, p.path, p.records) for p in report.problems] == [
            ("missing", deleted, ("doc-2",))
        ]


def test_the_fast_check_compares_sizes(depository, tmp_path):
    shortened, _ = _deposit_two(depository, tmp_path)
    os.chmod(shortened, 0o644)
    shortened.write_bytes(shortened.read_bytes()[:-3])
    assert [p.kind for p in check_fixity(depository, fast=True).problems] == ["size"]


def test_each_check_is_logged(depository, tmp_path):
    _deposit_two(depository, tmp_path)
    check_fixity(depository, fast=True, actor="archivist")
    event = depository.catalog.events("depository")[-1]
    assert event.kind == "fixity_checked" and event.actor == "archivist"
    assert event.detail["objects"] == 2 and event.detail["fast"] is True


def test_the_command_exits_1_and_names_each_damaged_path(depository, tmp_path):
    altered, deleted = _deposit_two(depository, tmp_path)
    _flip_a_byte(altered)
    deleted.unlink()
    result = run_mediarch("fixity", "--root", str(depository.root))
    assert result.returncode == 1
    assert f"{altered}: altered" in result.stderr and f"{deleted}: missing" in result.stderr
    assert "2 problem(s)" in result.stdout
    as_json = run_mediarch("--root", str(depository.root), "fixity", "--json")
    assert as_json.returncode == 1
    assert {p["kind"] for p in json.loads(as_json.stdout)["problems"]} == {"altered", "missing"}
