"""The audit of reading: views of records not open to all are logged through one queue."""

from __future__ import annotations

import json
import threading

from archive.access.audit import AuditQueue, reading_log
from archive.catalog import RecordText
from tests.conftest import a_record, run_mediarch


def test_views_from_many_threads_all_reach_the_log(depository):
    depository.catalog.add_record(a_record(identifier="r1"), actor="t")
    audit = AuditQueue(depository.catalog.path)
    threads = [
        threading.Thread(
            target=lambda n=n: [audit.record("viewed", "r1", f"user{n}") for _ in range(50)]
        )
        for n in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    audit.record("downloaded", "r1", "user0", {"file": "x.pdf"})
    audit.close()
    events = reading_log(depository.catalog, record_id="r1")
    assert len(events) == 201
    assert len(reading_log(depository.catalog, user="user0")) == 51


def test_show_by_a_reader_is_audited_for_closed_records_only(depository):
    for identifier, access in (("open-1", "public"), ("reader-1", "reader")):
        depository.catalog.add_record(
            a_record(identifier=identifier, access=access),
            text=RecordText(pages=["text"], details={}),
            actor="t",
        )
    root = str(depository.root)
    for identifier in ("open-1", "reader-1"):
        shown = run_mediarch("--root", root, "show", identifier, "--as", "reader", "--by", "rana")
        assert shown.returncode == 0, shown.stderr
    listed = json.loads(run_mediarch("--root", root, "audit", "--json").stdout)
    assert [(e["kind"], e["subject_id"], e["actor"]) for e in listed] == [
        ("viewed", "reader-1", "rana")
    ]
    assert "reader-1" in run_mediarch("--root", root, "audit", "--user", "rana").stdout
