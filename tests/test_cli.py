"""The `mediarch` command as a user runs it: --root before or after the command or from the
environment, JSON records, and one plain error line with a non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from archive.depository import Original
from tests.conftest import a_record, run_mediarch


def test_init_creates_a_depository_with_its_parts(tmp_path):
    root = tmp_path / "dep"
    result = run_mediarch(
        "init",
        str(root),
        "--name-en",
        "National Mediation Archive",
        "--name-ar",
        "الأرشيف الوطني للوساطة",
    )
    assert result.returncode == 0, result.stderr
    assert (root / "catalog.sqlite").is_file() and (root / "store" / "objects").is_dir()
    assert (root / "index").is_dir()
    config = (root / "mediarch.toml").read_text(encoding="utf-8")
    assert 'name_ar = "الأرشيف الوطني للوساطة"' in config and 'access = "staff"' in config
    again = run_mediarch("init", "--root", str(root))
    assert again.returncode == 1 and "already exists" in again.stderr


def test_root_is_taken_before_or_after_the_command_or_from_the_environment(depository, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("بيان ختامي", encoding="utf-8")
    depository.deposit(a_record(), [Original(src, "a.txt", "round1/a.txt")], actor="test")
    root = str(depository.root)
    for args, env in (
        (["--root", root, "show", "test-record-1"], {}),
        (["show", "test-record-1", "--root", root], {}),
        (["show", "test-record-1"], {"MEDIARCH_ROOT": root}),
    ):
        result = run_mediarch(*args, env=env)
        assert result.returncode == 0, result.stderr
        record = json.loads(result.stdout)
        assert record["title_ar"] == "محضر الجولة الأولى"
        assert record["files"][0]["path"] == "round1/a.txt"


def test_errors_are_one_plain_line_and_exit_non_zero(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "MEDIARCH_ROOT"}
    cases = [
        (["show", "x"], "no depository given"),
        (["--root", str(tmp_path / "none"), "show", "x"], "no depository here"),
    ]
    for args, message in cases:
        result = subprocess.run(
            [sys.executable, "-m", "archive.cli", *args], capture_output=True, text=True, env=env
        )
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and message in result.stderr
        assert "Traceback" not in result.stderr


def test_show_names_a_missing_record(depository, runner):
    result = runner.invoke("show", "no-such-record", "--root", depository.root)
    assert result.returncode == 1
    assert result.stderr.strip() == "mediarch: no record with identifier 'no-such-record'"


def test_a_broken_configuration_is_named_with_its_key(depository):
    config = depository.root / "mediarch.toml"
    config.write_text(config.read_text().replace('time_zone = "UTC"', 'time_zone = "Mars/Olympus"'))
    result = run_mediarch("fixity", "--root", str(depository.root))
    assert result.returncode == 1
    assert f"{config}: depository.time_zone: unknown time zone 'Mars/Olympus'" in result.stderr
    config.write_text(
        config.read_text().replace('"Mars/Olympus"', '"UTC"') + "\n[web]\nschedule_seconds = 0\n"
    )
    result = run_mediarch("fixity", "--root", str(depository.root))
    assert result.returncode == 1
    assert f"{config}: web.schedule_seconds: must be a number of seconds" in result.stderr


def test_the_log_shows_who_did_what(depository):
    depository.catalog.add_record(a_record(), actor="archivist")
    result = run_mediarch("log", "--root", str(depository.root))
    assert result.returncode == 0
    assert (
        "archivist" in result.stdout
        and "created" in result.stdout
        and "test-record-1" in result.stdout
    )


def test_importing_the_core_is_silent_under_warnings_as_errors():
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import archive, archive.cli, ingest, webui"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


def test_ingest_says_once_which_optional_tool_is_missing_and_what_that_costs(tmp_path):
    from pathlib import Path

    from tests.conftest import IN_CI

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "note.txt").write_text("Minutes of the wells committee.\n")
    assert run_mediarch("init", str(tmp_path / "dep")).returncode == 0
    bare = {"PATH": str(Path(sys.executable).parent)}  # no tesseract, pdftotext, soffice
    done = run_mediarch("--root", str(tmp_path / "dep"), "ingest", str(folder), env=bare)
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stderr.splitlines() if line.startswith("note: ")]
    assert (
        'note: tesseract with Arabic is not installed: scanned PDFs go in unread, flagged "needs OCR"'
        in notes
    )
    assert any(n.startswith("note: LibreOffice is not installed: .doc") for n in notes)
    assert len(notes) == len(set(notes)) and done.stderr.count("install: sudo apt-get") == 1
    if IN_CI:  # where .ci/setup installed everything, nothing is said
        again = run_mediarch("--root", str(tmp_path / "dep"), "ingest", str(folder))
        assert "note: " not in again.stderr and "apt-get" not in again.stderr


def test_output_read_only_in_part_ends_quietly(ingested_corpus):
    """`mediarch search … | head`: the reader leaves before the output ends; the command stops
    without a traceback, with the exit code a shell expects of a writer whose reader left."""
    command = [sys.executable, "-m", "archive.cli", "--root", str(ingested_corpus[0])]
    for args in (
        ["search", "peace", "--as", "staff", "--json"],
        ["export", "csv", "--as", "staff"],
    ):
        writer = subprocess.Popen([*command, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        writer.stdout.read(20)
        writer.stdout.close()  # as `head -c 20` does
        said = writer.stderr.read().decode()
        writer.stderr.close()
        assert writer.wait(timeout=60) in (0, 141) and "Traceback" not in said, said
