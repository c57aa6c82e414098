"""The leak suite (first part): words that stand only in what an audience may not read — the
text, abstract, agents, subjects, file names of closed, hidden, draft, withdrawn and
admin-only sample records — are canaries. No channel may show or match them for that audience,
before or after the clock moves past the embargoes; once an embargo lifts, its record's words
appear and the others' still do not. Every CLI command is listed here with its channel or the
reason it is not one."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil

import pytest

from archive.access.gate import Access
from archive.cli import build_parser
from archive.cli import main as mediarch
from archive.depository import Depository
from archive.index.search import RecordSearch
from archive.vocabulary import thesaurus
from tests.conftest import REPO
from tests.test_access_model import _model

NOW = dt.datetime.now(dt.UTC)
LATER = dt.datetime(2045, 1, 1, tzinfo=dt.UTC)  # every sample embargo has lifted
AUDIENCES = ("public", "reader")

# Every command, with how this suite probes it as an audience or why it is not an audience's
# channel (the command line is the staff's tool; the web site will add its URL rules here).
CHANNELS = {
    "search": "probed: --as public and reader, results, counts, facets, snippets, suggestions",
    "show": "probed: --as public and reader, every record",
    "init": "creates an empty depository",
    "fixity": "staff: checksums and store paths",
    "reindex": "staff: rebuilds the indexes",
    "log": "staff: the audit log",
    "ingest": "staff: deposits files",
    "demo": "staff: loads the sample corpus",
    "users": "admin: user accounts",
    "release": "staff: releases records",
    "embargo": "staff: lists embargoes",
    "indexer": "staff: keeps the indexes current",
    "audit": "staff: who read what",
}


def test_every_command_is_in_the_suite():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(CHANNELS)


@pytest.fixture
def dep(ingested_corpus, tmp_path_factory):
    """A copy of the sample depository for each test: moving its clock cannot be undone."""
    root = tmp_path_factory.mktemp("leaks") / "depository"
    shutil.copytree(ingested_corpus[0], root)
    depository = Depository.open(root)
    depository.indexes.drain(depository.catalog)
    yield depository
    depository.close()


def _words(value) -> set[str]:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return {w.casefold() for w in re.findall(r"[^\W\d_]{7,}", text)}


def _seen(dep: Depository, audience: str, at: dt.datetime) -> tuple[set[str], set[str]]:
    """Words of what the audience may see of every record, and of what it may not."""
    access, catalog = Access.of(dep.config), dep.catalog
    visible, everything = set(), set()
    for identifier in catalog.record_ids():
        record, text = catalog.record(identifier), catalog.text(identifier)
        everything |= _words(record) | _words(" ".join(text.pages) if text else "")
        view = access.view(catalog, record, text, audience, at)
        if view is not None:
            visible |= _words(view.record) | _words(" ".join(view.text.pages) if view.text else "")
    for agent in catalog.agents():  # authority records and processes are public descriptions
        visible |= _words(agent)
    for concept in thesaurus().concepts:  # so are the thesaurus and the vocabularies
        visible |= _words(" ".join(concept.labels()))
    for path in (REPO / "metadata_schema" / "vocabularies").glob("*.json"):
        visible |= _words(path.read_text(encoding="utf-8"))
    for item in catalog.processes() + catalog.sessions():
        visible |= _words(item)
    return visible, everything - visible


def _probe(dep: Depository, model: Depository, audience: str, canaries: set[str], capsys):
    """Each canary asked as words, a phrase, a near miss (did-you-mean) and in fields: the
    answer is exactly the one a depository without any closed content gives (a stem, a
    thesaurus label or a translation may legitimately match other records). Listings and
    records shown never hold a canary."""
    ours = RecordSearch(dep.indexes, dep.catalog)
    theirs = RecordSearch(model.indexes, model.catalog)
    for word in sorted(canaries):
        for text in (word, word[:-1], f'"{word}"', f"title:{word}", f"agent:{word}"):
            answer = ours.search(text, audience=audience).as_data()
            assert answer == theirs.search(text, audience="public").as_data(), text
    listing = ours.search("", audience=audience, limit=200).as_data()
    assert not _words(listing) & canaries
    for identifier in dep.catalog.record_ids():
        code = mediarch(["--root", str(dep.root), "show", identifier, "--as", audience])
        out = capsys.readouterr()
        said = _words(identifier.replace("-", " "))  # what was typed comes back in a refusal
        assert not (_words(out.out + out.err) - said) & canaries, identifier
        assert code in (0, 1)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_closed_words_leak_through_no_channel_before_or_after_the_clock_moves(
    dep, audience, capsys, tmp_path
):
    _, canaries = _seen(dep, audience, NOW)
    assert len(canaries) > 20  # the sample holds closed text for every audience below staff
    model = _model(dep, audience, tmp_path / "model")
    try:
        _probe(dep, model, audience, canaries, capsys)
    finally:
        model.close()
    capsys.readouterr()
    for word in sorted(canaries)[:10]:  # the command itself, as printed
        mediarch(["--root", str(dep.root), "search", word, "--as", audience])
        printed = capsys.readouterr().out.casefold().replace(f"'{word}'", "")
        assert word not in _words(printed), word

    dep.indexes.clock = lambda: LATER  # the transition function applies what is due by then
    try:
        dep.indexes.drain(dep.catalog)
        _, later_canaries = _seen(dep, audience, LATER)
        opened = canaries - later_canaries
        assert opened, "no embargo lifted"
        model = _model(dep, audience, tmp_path / "model-later", at=LATER)
        try:
            _probe_later(dep, model, audience, later_canaries, opened)
        finally:
            model.close()
    finally:
        dep.indexes.clock = lambda: dt.datetime.now(dt.UTC)


def _probe_later(dep, model, audience, canaries, opened) -> None:
    ours = RecordSearch(dep.indexes, dep.catalog)
    theirs = RecordSearch(model.indexes, model.catalog)
    for word in sorted(canaries)[:150]:
        answer = ours.search(word, audience=audience).as_data()
        assert answer == theirs.search(word, audience="public").as_data(), word
    found = [w for w in sorted(opened) if ours.search(w, audience=audience).total]
    assert found, "the lifted records' words are not searchable"
