"""One owner of the access rules: the depository holds them, reads the configuration again when
it changes, and every reader (its indexes, each request of the site, the command line)
decides by that one copy. Whichever thread notices a change first, no channel keeps serving
by the rules read before."""

from __future__ import annotations

import time

from archive.catalog import RecordText
from archive.depository import Depository, Original
from tests.conftest import a_record
from webui.app import create_app
from webui.schedule import Scheduler

RULE = """
[[embargo_rules]]
document_type = "communique"
years = 30
after = "record_date"
"""


def _public_record(root, tmp_path) -> None:
    original = tmp_path / "communique.txt"
    original.write_text("The wells of the wadi were shared by both villages.\n", encoding="utf-8")
    with Depository.create(root) as dep:
        dep.deposit(
            a_record(identifier="communique", document_type="communique", date="2019-03-14"),
            [Original(original, "communique.txt")],
            actor="test",
            text=RecordText(pages=[original.read_text(encoding="utf-8")], details={}),
        )
        dep.indexes.drain(dep.catalog)


def test_a_rule_read_by_the_scheduler_closes_every_channel_without_a_request(tmp_path):
    """The scheduler's round reads the new rule first (no request comes in meanwhile); the
    record's page, its JSON twin and its file close with the search."""
    root = tmp_path / "dep"
    _public_record(root, tmp_path)
    app = create_app(root)
    site = app.config["SITE"]
    client = app.test_client()
    assert client.get("/records/communique.json").get_json()["text"]
    with client.get("/records/communique/files/1") as download:
        assert download.status_code == 200
    scheduler = Scheduler(site.depository, every=0.3).start()
    try:
        config = root / "mediarch.toml"
        config.write_text(config.read_text(encoding="utf-8") + RULE, encoding="utf-8")
        deadline = time.monotonic() + 30
        with Depository.open(root) as dep:  # wait, without a request, for the round to settle
            while not [e for e in dep.catalog.events("depository") if e.kind == "access_changed"]:
                assert time.monotonic() < deadline, "the scheduler never read the new rule"
                time.sleep(0.2)
        time.sleep(1.0)  # the round's index work
        assert site.search.search("wells", audience="public").total == 0
        answer = client.get("/records/communique.json").get_json()
        assert answer["open"] is False and answer["text"] is None
        assert client.get("/records/communique/files/1").status_code == 404
        assert client.get("/search.json?q=wells").get_json()["total"] == 0
    finally:
        scheduler.stop()
        site.close()


def test_the_site_and_its_indexes_share_one_copy_of_the_rules(tmp_path):
    root = tmp_path / "dep"
    _public_record(root, tmp_path)
    app = create_app(root)
    site = app.config["SITE"]
    try:
        assert site.access is site.depository.access is site.depository.indexes.access
        before = site.access
        config = root / "mediarch.toml"
        config.write_text(config.read_text(encoding="utf-8") + RULE, encoding="utf-8")
        assert site.depository.reload_config()
        assert site.access is before and site.access.rules  # the same object took the rule
    finally:
        site.close()


def test_a_broken_configuration_keeps_the_rules_read_last(tmp_path, capsys):
    root = tmp_path / "dep"
    _public_record(root, tmp_path)
    config = root / "mediarch.toml"
    with Depository.open(root) as dep:
        config.write_text(config.read_text(encoding="utf-8") + RULE, encoding="utf-8")
        dep.indexes.drain(dep.catalog)
        assert len(dep.access.rules) == 1
        config.write_text(config.read_text(encoding="utf-8") + "\n[[embargo_rules]]\nyears = 'x'\n")
        dep.indexes.drain(dep.catalog)
        dep.indexes.drain(dep.catalog)
        assert len(dep.access.rules) == 1
    assert capsys.readouterr().err.count("mediarch: ") == 1  # said once


def test_a_worker_that_meets_a_broken_configuration_decides_by_the_rules_the_indexes_follow(
    tmp_path,
):
    """Two workers of one site. The first reads a new rule and closes the record by it; the
    configuration is then broken before the second has read it. The second keeps no older
    rules than the indexes follow: its page of the record is closed too (it used to decide by
    the rules it had read last, its own, and showed the record open beside a closed search)."""
    root = tmp_path / "dep"
    _public_record(root, tmp_path)
    first, second = create_app(root), create_app(root)
    try:
        for app in (first, second):
            assert app.test_client().get("/records/communique.json").get_json()["open"] is True
        config = root / "mediarch.toml"
        good = config.read_text(encoding="utf-8") + RULE
        config.write_text(good, encoding="utf-8")
        assert first.test_client().get("/records/communique.json").get_json()["open"] is False
        time.sleep(0.01)  # a new modification time for the broken file
        config.write_text(good + "\nthis is [[[ not toml\n", encoding="utf-8")
        answer = second.test_client().get("/records/communique.json").get_json()
        assert answer["open"] is False and answer["text"] is None
        assert second.config["SITE"].search.search("wells", audience="public").total == 0
        with second.test_client().get("/records/communique/files/1") as download:
            assert download.status_code == 404
    finally:
        first.config["SITE"].close()
        second.config["SITE"].close()


def test_the_schedule_drains_on_while_the_configuration_is_broken(tmp_path, capsys):
    """A broken `mediarch.toml` read first by the schedule's thread: the schedule follows the
    rules the indexes were written by through its own connection to the catalog (a connection
    belongs to its thread; an outside probe saw the round fail with SQLite's ProgrammingError,
    so embargoes would not have lifted by themselves meanwhile)."""
    root = tmp_path / "dep"
    _public_record(root, tmp_path)
    app = create_app(root)
    site = app.config["SITE"]
    config = root / "mediarch.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\nthis is [[[ not toml\n", "utf-8")
    scheduler = Scheduler(site.depository, every=0.2).start()
    try:
        time.sleep(1.5)  # several rounds
    finally:
        scheduler.stop()
        site.close()
    said = capsys.readouterr().err
    assert "drain failed" not in said and "ProgrammingError" not in said, said
