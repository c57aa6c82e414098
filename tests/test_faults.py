"""Fault runs, bounded in time and on this machine only (an ingest killed at ten points is in
tests/test_killed_ingests.py): ingests at once, unwritable folders, a full disk, damaged
indexes; hostile files that end in clear refusals with the depository intact; flipped bytes
and deleted originals found by fixity."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from archive.check import check
from archive.depository import Depository
from tests.conftest import IN_CI, run_mediarch


def _notes(folder, prefix: str, count: int) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"{prefix}-{n:02d}.txt").write_text(
            f"Field note {prefix} {n}: the gauges of the upper wadi read {n * 7 + len(prefix)} cm "
            f"on the morning the committee {prefix} met; the shepherds asked for a second well.\n",
            encoding="utf-8",
        )


def _started(root, *command: str) -> subprocess.Popen:
    """`mediarch --root ROOT COMMAND…` started in the background, its output read later."""
    return subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "--root", str(root), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("runs", [(2, 1), (2, 2), (2, 3), (4, 1)])
@pytest.mark.slow
def test_ingests_of_different_folders_at_once_all_exit_0_with_every_file_in_once(tmp_path, runs):
    """Two (three times) and four ingests into one depository at the same time: every one
    exits 0, every file is in once, and `check` passes."""
    at_once, _ = runs
    root = tmp_path / "dep"
    assert run_mediarch("init", str(root)).returncode == 0
    per_folder = 12
    for k in range(at_once):
        _notes(tmp_path / f"batch-{k}", f"b{k}", per_folder)
    started = [
        _started(root, "ingest", str(tmp_path / f"batch-{k}"), "--collection", f"batch-{k}")
        for k in range(at_once)
    ]
    done = [(p, *p.communicate(timeout=600)) for p in started]
    for p, out, err in done:
        assert p.returncode == 0, out[-2000:] + err[-2000:]
        assert "Traceback" not in err
    with Depository.open(root) as dep:
        kept = Counter(
            r[0] for r in dep.catalog.conn.execute("SELECT source_path FROM files").fetchall()
        )
        assert len(kept) == at_once * per_folder and set(kept.values()) == {1}
        assert check(dep) == []
    searched = run_mediarch("--root", str(root), "search", "gauges", "--json")
    assert json.loads(searched.stdout)["total"] == at_once * per_folder


# -- faults of the environment: a folder that cannot be written, a full disk ----------------------
@contextlib.contextmanager
def _read_only(path):
    """The folder read-only for this process: a read-only bind mount where the tests run as
    root (permissions do not stop root), its mode otherwise."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o500)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    subprocess.run(["mount", "--bind", str(path), str(path)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(path)], check=True)


def _ingest_fault(root, folder, report):
    return run_mediarch("--root", str(root), "ingest", str(folder), "--report", str(report))


@pytest.mark.parametrize("where", ["store", "index"])
@pytest.mark.slow
def test_an_unwritable_store_or_index_ends_in_one_line_a_summary_and_the_report(tmp_path, where):
    """The store (or the index folder) cannot be written: no traceback; the summary, the
    report file with what was done, and one `mediarch:` line naming the folder and what to
    do. Run again once it can be written, the ingest finishes with every file in once."""
    root = tmp_path / "dep"
    assert run_mediarch("init", str(root)).returncode == 0
    _notes(tmp_path / "notes", "n", 6)
    report = tmp_path / "report.json"
    with _read_only(root / where):
        done = _ingest_fault(root, tmp_path / "notes", report)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    said = [line for line in done.stderr.splitlines() if line.startswith("mediarch: ")]
    assert len(said) == 1, done.stderr
    assert str(root / where) in said[0] and ("write" in said[0] or "read-only" in said[0])
    assert "ingested" in done.stdout and "of 6 files" in done.stdout  # the summary
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["fault"] and len(written["files"]) == 6
    again = _ingest_fault(root, tmp_path / "notes", report)
    assert again.returncode == 0, again.stderr
    with Depository.open(root) as dep:
        assert dep.catalog.count("records") == 6
        assert check(dep) == []
    searched = run_mediarch("--root", str(root), "search", "gauges", "--json")
    assert json.loads(searched.stdout)["total"] == 6


def test_check_changes_nothing_even_a_writers_leftover(tmp_path):
    """`check` leaves the store's temporary files alone (and does not fail on a store it
    cannot write); the next command that may tidy removes a dead writer's leftover."""
    root = tmp_path / "dep"
    assert run_mediarch("init", str(root)).returncode == 0
    assert run_mediarch("--root", str(root), "search", "anything").returncode == 0  # indexes built
    leftover = root / "store" / "tmp" / "999999999-0123456789abcdef.part"
    leftover.write_bytes(b"half an original")
    with _read_only(root / "store"):
        done = run_mediarch("--root", str(root), "check")
    assert done.returncode == 0, done.stderr
    assert leftover.exists()
    assert run_mediarch("--root", str(root), "search", "anything").returncode == 0
    assert not leftover.exists()


def test_a_full_disk_stops_the_ingest_with_one_line_and_keeps_what_went_in(tmp_path):
    """A depository on a small file system of its own fills up half-way: the files deposited
    before stay whole, the rest are not tried, one line says the disk is full."""
    if os.geteuid() != 0:
        pytest.skip("making a small file system needs root") if not IN_CI else pytest.fail(
            "CI runs as root: a tmpfs of a fixed size is made for this test"
        )
    small = tmp_path / "small"
    small.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(small)], check=True)
    try:
        root = small / "dep"
        assert run_mediarch("init", str(root)).returncode == 0
        big = tmp_path / "big"
        big.mkdir()
        for n in range(12):  # 12 × 1 MB of text: more than the disk holds
            line = f"Minutes {n} of the committee on the wells of the upper wadi, page by page. "
            (big / f"minutes-{n:02d}.txt").write_text(line * (1_000_000 // len(line)))
        report = tmp_path / "report.json"
        done = _ingest_fault(root, big, report)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr, done.stderr[-3000:]
        said = [line for line in done.stderr.splitlines() if line.startswith("mediarch: ")]
        assert len(said) == 1 and "full" in said[0], done.stderr
        written = json.loads(report.read_text(encoding="utf-8"))
        outcomes = Counter(f["outcome"] for f in written["files"])
        assert outcomes["ingested"] >= 1 and outcomes["not_tried"] >= 1, outcomes
    finally:
        subprocess.run(["umount", "-l", str(small)], check=True)


# -- an index with a segment file missing --------------------------------------------------------
def _a_segment_of(root, audience: str):
    folder = root / "index" / (root / "index" / f"{audience}.current").read_text().strip()
    return folder, sorted(folder.glob("*.seg"), key=lambda f: -f.stat().st_size)[0]


def _damage(root, audience: str, how: str):
    """Damage the audience's current index as a disk or a careless hand would; its folder."""
    folder, segment = _a_segment_of(root, audience)
    if how == "segment deleted":
        segment.unlink()
    elif how == "segment cut short":
        data = segment.read_bytes()
        segment.write_bytes(data[: len(data) // 2])
    elif how == "bytes changed":
        data = bytearray(segment.read_bytes())
        for at in range(0, len(data), 97):
            data[at] ^= 0x5A
        segment.write_bytes(bytes(data))
    elif how == "table of contents deleted":
        for toc in folder.glob("_MAIN_*.toc"):
            toc.unlink()
    return folder


DAMAGES = ["segment deleted", "segment cut short", "bytes changed", "table of contents deleted"]


def test_a_missing_segment_is_said_plainly_and_the_next_drain_builds_the_index_again(
    ingested_corpus, tmp_path
):
    """A segment file of the public index deleted: the site answers the documented JSON
    error (503) and a page saying search is being repaired, never a traceback; the next drain
    (the server's schedule, `mediarch indexer`, a command) builds it again from the catalog,
    and search answers as before. The staff's index answers all along."""
    import shutil

    from webui.app import create_app

    root = tmp_path / "dep"
    shutil.copytree(ingested_corpus[0], root)
    before = json.loads(
        run_mediarch("--root", str(root), "search", "ceasefire", "--as", "public", "--json").stdout
    )
    app = create_app(root)  # its start drains: a damage found then is mended at once
    folder, segment = _a_segment_of(root, "public")
    segment.unlink()  # under it: its open index reads on from the files it holds open
    with Depository.open(root) as dep:
        assert any(i.kind == "index unreadable" for i in check(dep))
    assert folder.exists() and "damaged" not in (folder / "mediarch-meta.json").read_text()
    site = app.config["SITE"]
    site.depository.indexes.close()  # as a worker that starts now, or reopens after a commit
    try:
        client = app.test_client()
        answer = client.get("/search.json?q=ceasefire")
        assert answer.status_code == 503
        assert answer.get_json()["error"]["status"] == 503
        assert answer.headers["Retry-After"]
        page = client.get("/search?q=ceasefire&lang=ar")
        assert page.status_code == 503 and "قيد الإصلاح" in page.get_data(as_text=True)
        staff = app.config["SITE"].search.search("ceasefire", audience="staff")
        assert staff.total >= before["total"]  # the other audiences keep answering
        app.config["SITE"].depository.indexes.drain(app.config["SITE"].depository.catalog)
        again = client.get("/search.json?q=ceasefire").get_json()
        assert again["total"] == before["total"]
        assert [h["id"] for h in again["hits"]] == [h["id"] for h in before["hits"]]
    finally:
        app.config["SITE"].close()
    assert not folder.exists()  # the damaged generation went when the new one came in
    with Depository.open(root) as dep:
        assert check(dep) == []


@pytest.mark.parametrize("how", DAMAGES)
def test_a_command_meeting_a_damaged_index_builds_it_again_and_answers(
    ingested_corpus, tmp_path, how
):
    """`mediarch search` meets the damage, says so once, builds the index again from the
    catalog and answers as before, exit 0; `mediarch indexer --once` mends it too."""
    import shutil

    root = tmp_path / "dep"
    shutil.copytree(ingested_corpus[0], root)
    ask = ("--root", str(root), "search", "ceasefire", "--as", "public", "--json")
    before = json.loads(run_mediarch(*ask).stdout)
    _damage(root, "public", how)
    done = run_mediarch(*ask)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("the public index is damaged") <= 1, done.stderr
    assert json.loads(done.stdout)["total"] == before["total"]
    folder = _damage(root, "public", how)
    mended = run_mediarch("--root", str(root), "indexer", "--once")
    assert mended.returncode == 0 and "Traceback" not in mended.stderr, mended.stderr
    assert not folder.exists()  # built again, the damaged generation gone
    with Depository.open(root) as dep:
        assert check(dep) == []


# Whoosh leaves the file of a segment whose table it failed to unpickle to the garbage
# collector (whoosh/filedb/compound.py); closed when the failed reader goes, said as a warning
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_bytes_changed_anywhere_in_an_index_are_damage_never_a_fault_of_ours(
    ingested_corpus, tmp_path
):
    """Bytes changed in a segment, at 36 different places and patterns: garbage in a pickle
    can raise anything (TypeError, OverflowError, MemoryError…), so each search either
    answers or says the index is damaged, never an error of another kind; `check`, which
    reads every file against its recorded checksum, names the damage, also where no search
    would have read it."""
    import shutil

    from archive.index.indexes import IndexDamaged
    from archive.index.search import RecordSearch

    outcomes = Counter()
    for start, flip in [(s, f) for s in range(0, 97, 8) for f in (0x5A, 0x01, 0xFF)]:
        root = tmp_path / f"dep-{start}-{flip}"
        shutil.copytree(ingested_corpus[0], root)
        _, segment = _a_segment_of(root, "public")
        data = bytearray(segment.read_bytes())
        for at in range(start, len(data), 97):
            data[at] ^= flip
        segment.write_bytes(bytes(data))
        with Depository.open(root) as dep:
            assert any(
                i.kind == "index unreadable" and segment.name in i.detail for i in check(dep)
            )
            search = RecordSearch(dep.indexes, dep.catalog)
            try:
                for q in ("ceasefire", "وقف إطلاق النار", '"prisoner exchange"', "Haddadin"):
                    search.search(q, audience="public")
                outcomes["answered"] += 1
            except IndexDamaged:
                outcomes["damaged"] += 1
        shutil.rmtree(root)
    assert outcomes["damaged"] >= 30, outcomes
    root = tmp_path / "one-byte"
    shutil.copytree(ingested_corpus[0], root)
    _, segment = _a_segment_of(root, "public")
    data = bytearray(segment.read_bytes())
    data[len(data) // 2] ^= 0x01
    segment.write_bytes(bytes(data))
    with Depository.open(root) as dep:
        found = [i for i in check(dep) if i.kind == "index unreadable"]
    assert len(found) == 1 and "changed" in found[0].detail and segment.name in found[0].detail


@pytest.mark.parametrize("how", ["files copied over", "pointer rewritten"])
def test_another_audiences_index_put_in_the_publics_place_is_never_searched_as_the_publics(
    ingested_corpus, tmp_path, how
):
    """The staff index's files copied into the public index's folder, or the public pointer
    rewritten to name the staff index (found by an outside probe: public search then listed
    staff-only records, and nothing mended it, since each file matched its own checksum). The
    generation's name and meta file say whose it is: `check` names it, and the next command
    builds the public index again and answers exactly as before."""
    import shutil

    root = tmp_path / "dep"
    shutil.copytree(ingested_corpus[0], root)
    ask = ("--root", str(root), "search", "ceasefire", "--as", "public", "--json")
    before = json.loads(run_mediarch(*ask).stdout)
    staff_sees = json.loads(
        run_mediarch("--root", str(root), "search", "ceasefire", "--json").stdout
    )["total"]
    assert staff_sees > before["total"]  # the staff index holds more: a copy would show it
    index = root / "index"
    public, staff = ((index / f"{a}.current").read_text().strip() for a in ("public", "staff"))
    if how == "files copied over":
        for f in (index / public).iterdir():
            f.unlink()
        for f in (index / staff).iterdir():
            shutil.copy2(f, index / public / f.name)
    else:
        (index / "public.current").write_text(staff + "\n")
    with Depository.open(root) as dep:
        said = [i for i in check(dep) if "public" in i.subject]
    assert said, "check did not name the public index"
    done = run_mediarch(*ask)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    after = json.loads(done.stdout)
    assert after["total"] == before["total"]
    assert [h["id"] for h in after["hits"]] == [h["id"] for h in before["hits"]]
    assert (index / staff).is_dir()  # the staff index is left as it was
    with Depository.open(root) as dep:
        assert check(dep) == []


@pytest.mark.parametrize("how", DAMAGES)
@pytest.mark.slow
def test_a_damaged_index_under_a_running_server_comes_back_without_anyone_acting(
    ingested_corpus, tmp_path, how
):
    import http.client
    import shutil
    import time
    import urllib.error
    import urllib.request

    from tests.conftest import serving

    root = tmp_path / "dep"
    shutil.copytree(ingested_corpus[0], root)
    with open(root / "mediarch.toml", "a", encoding="utf-8") as config:
        config.write("\n[web]\nschedule_seconds = 1\n")  # looked at every second
    with serving(root) as base:
        url = base + "/search.json?q=ceasefire"
        before = json.loads(urllib.request.urlopen(url, timeout=10).read())
        folder = _damage(root, "public", how)
        deadline, statuses = time.monotonic() + 90, Counter()
        while True:
            try:
                answer = json.loads(urllib.request.urlopen(url, timeout=10).read())
                statuses[200] += 1
                if not folder.exists() and answer["total"] == before["total"]:
                    break
            except urllib.error.HTTPError as error:
                statuses[error.code] += 1
                assert error.code == 503, error.read()[:300]
            except (ConnectionError, http.client.HTTPException):
                # a file cut short under a worker's memory map ends that worker (SIGBUS);
                # gunicorn starts another, which finds the damage
                statuses["dropped"] += 1
            assert time.monotonic() < deadline, f"search never came back: {statuses}"
            time.sleep(0.5)
    with Depository.open(root) as dep:
        assert check(dep) == []


@pytest.mark.slow
def test_an_ingest_beside_a_reindex_and_a_serving_site_all_finish_with_every_file_once(
    ingested_corpus, tmp_path
):
    """An ingest of new files while `reindex` rebuilds every audience's index and the site
    serves searches: both commands exit 0, the site answers every search meanwhile, and
    afterwards every file is in once, found, and `check` passes."""
    import shutil
    import time
    import urllib.request

    from tests.conftest import serving

    root = tmp_path / "dep"
    shutil.copytree(ingested_corpus[0], root)
    _notes(tmp_path / "new", "late", 12)
    ask = ("--root", str(root), "search", "gauges", "--json")  # as staff
    before = json.loads(run_mediarch(*ask).stdout)["total"]
    with serving(root) as base:
        commands = [
            ["ingest", str(tmp_path / "new"), "--collection", "late"],
            ["reindex"],
        ]
        started = [_started(root, *c) for c in commands]
        answered = 0
        while any(p.poll() is None for p in started):
            with urllib.request.urlopen(base + "/search.json?q=ceasefire", timeout=30) as r:
                assert r.status == 200
                answered += 1
            time.sleep(0.2)
        for p in started:
            out, err = p.communicate(timeout=600)
            assert p.returncode == 0, out[-2000:] + err[-2000:]
        assert answered > 0
    assert json.loads(run_mediarch(*ask).stdout)["total"] == before + 12
    with Depository.open(root) as dep:
        kept = Counter(
            r[0]
            for r in dep.catalog.conn.execute(
                "SELECT source_path FROM files WHERE source_path LIKE 'late-%'"
            )
        )
        assert len(kept) == 12 and set(kept.values()) == {1}
        assert check(dep) == []


def test_one_folder_ingested_twice_at_once_ends_in_duplicates_not_failures(tmp_path):
    """The same folder started twice by mistake: the file each run finds the other has just
    deposited is a duplicate (exit 0 for both), and each file is in once."""
    root = tmp_path / "dep"
    assert run_mediarch("init", str(root)).returncode == 0
    _notes(tmp_path / "twice", "tw", 10)
    started = [_started(root, "ingest", str(tmp_path / "twice")) for _ in range(2)]
    for p in started:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, out[-2000:] + err[-2000:]
        assert "failed 0" in out
    with Depository.open(root) as dep:
        assert dep.catalog.count("records") == 10
        assert check(dep) == []
