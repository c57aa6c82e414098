"""Noninterference: what the public (and a reader) sees depends on what it may see only.

Three depositories are built from the same deposit (`tests/closed_inputs.py`) but for invented
words: B differs from A in every place closed to the public and to readers (closed texts, the
titles ingest would guess from them, file properties, e-mail subjects and attachments,
redacted passages, agents, processes and sessions only closed records name, records kept for
admins, drafts, withdrawn ones); C differs from A in what readers may read and the public may
not. Every public and reader channel is then asked the same questions of each (every word of every
variant, every identifier any of them holds): the web site (every page in both languages, its
JSON twin, files, citations, Dublin Core, EAD, OAI-PMH in both formats, the feed, the sitemap,
and every address those pages link to) and the command line (`search`, `show`, `export --as`).
With the moments the depositories were built at set aside, the answers must be byte for byte
the same, with no word mapped: any difference is something closed reaching an audience that
may not read it.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from archive import cli
from archive.access.users import Users
from archive.depository import Depository
from ingest.pipeline import IngestOptions, run_ingest
from tests import closed_inputs
from tests.conftest import require_tool
from webui.app import create_app

PASSWORD = "a long enough password"
SKIPPED_PATHS = ("/signout", "/staff", "/account", "/register", "/signin")
MAX_PAGES = 4000
MOMENT = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")
CSRF = re.compile(rb'name="csrf" value="[^"]+"')
TOKEN = re.compile(rb"resumptionToken=[^&\"<\s]+|<resumptionToken([^>]*)>[^<]+<")


def _build(root: Path, words: dict[str, str], work: Path) -> Path:
    paths = closed_inputs.build(work, words)
    with Depository.create(root) as dep:
        report = run_ingest(
            dep,
            IngestOptions(
                folder=paths["folder"],
                manifest=paths["manifest"],
                agents=paths["agents"],
                processes=paths["processes"],
                sessions=paths["sessions"],
            ),
        )
        failed = [(f.path, f.reason) for f in report.files if f.outcome not in ("ingested",)]
        assert not failed, failed
        Users(dep.catalog).add("reader1", PASSWORD, "reader", actor="test")
        dep.indexes.drain(dep.catalog)
        with dep.catalog.transaction() as conn:  # the moments of the build set aside: the
            # feed and OAI-PMH order by them, and two builds never take the same seconds
            conn.execute("UPDATE public_ledger SET datestamp = '2026-01-01T00:00:00Z'")
    return root


@pytest.fixture(scope="module")
def depositories(tmp_path_factory):
    require_tool("soffice")
    words = {
        "a": closed_inputs.variant("a", "a"),
        "b": closed_inputs.variant("b", "a"),
        "c": closed_inputs.variant("a", "c"),
    }
    every = [w for v in words.values() for k, w in v.items() if k != "guess"]
    assert len(set(every)) == len(closed_inputs.CLOSED) * 2 + len(closed_inputs.READER) * 2
    base = tmp_path_factory.mktemp("noninterference")
    roots = {
        name: _build(base / name / "depository", w, base / name / "deposit")
        for name, w in words.items()
    }
    return roots, words


def _normal(body: bytes) -> bytes:
    """What may differ between two builds of the same depository: the moments they were
    built at (datestamps, response dates), CSRF tokens, resumption tokens (which carry a
    moment)."""
    body = MOMENT.sub(b"<moment>", body)
    body = CSRF.sub(b'name="csrf" value="<token>"', body)
    return TOKEN.sub(b"<resumption-token>", body)


_LINK = re.compile(r'(?:href|src|action)="([^"#]+)"|"(?:url|href|next)": ?"([^"#]+)"')
_OAI_TOKEN = re.compile(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>")


def _links(path: str, body: bytes) -> list[str]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return []
    found = []
    for a, b in _LINK.findall(text):
        link = (a or b).replace("&amp;", "&")
        parts = urlsplit(link)
        if parts.netloc and parts.netloc not in ("localhost", "localhost:80"):
            continue
        if not parts.path.startswith("/"):
            continue
        found.append(parts.path + ("?" + parts.query if parts.query else ""))
    if path.startswith("/oai"):
        verb = dict(parse_qsl(urlsplit(path).query)).get("verb")
        for token in _OAI_TOKEN.findall(text):
            found.append("/oai?" + urlencode({"verb": verb, "resumptionToken": token}))
    return found


def _client(app, audience: str):
    client = app.test_client()
    if audience == "reader":
        html = client.get("/signin").get_data(as_text=True)
        token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
        answer = client.post(
            "/signin", data={"name": "reader1", "password": PASSWORD, "csrf": token}
        )
        assert answer.status_code == 302
    return client


def _seeds(roots: dict[str, Path], words: dict[str, dict[str, str]]):
    """The questions asked of every site: its fixed pages, every record, agent, process and
    session any of the depositories holds, and searches for every invented word."""
    seeds = [
        "/", "/index.json", "/browse", "/browse.json", "/search", "/search.json",
        "/search.json?q=&page=2", "/search.json?q=&sort=title", "/sitemap.xml", "/feed.atom",
        "/oai?verb=Identify", "/oai?verb=ListSets", "/oai?verb=ListMetadataFormats",
    ]  # fmt: skip
    for prefix in ("oai_dc", "mediarch"):
        for verb in ("ListIdentifiers", "ListRecords"):
            seeds.append(f"/oai?verb={verb}&metadataPrefix={prefix}")
    ids: dict[str, set[str]] = {"record": set(), "agent": set(), "process": set(), "session": set()}
    for root in roots.values():
        with Depository.open(root) as dep:
            catalog = dep.catalog
            ids["record"] |= set(catalog.record_ids())
            ids["agent"] |= {x["id"] for x in catalog.agents()}
            ids["process"] |= {x["id"] for x in catalog.processes()}
            ids["session"] |= {x["id"] for x in catalog.sessions()}
            repository = dep.config.repository_id
    for record in sorted(ids["record"]):
        seeds += [f"/records/{record}", f"/records/{record}.json", f"/records/{record}.bib",
                  f"/records/{record}.ris", f"/records/{record}/files/1",
                  f"/records/{record}/files/2", f"/records/{record}/dc.xml"]  # fmt: skip
        for prefix in ("oai_dc", "mediarch"):
            seeds.append(
                f"/oai?verb=GetRecord&metadataPrefix={prefix}&identifier=oai:{repository}:{record}"
            )
    for agent in sorted(ids["agent"]):
        seeds += [f"/agents/{agent}", f"/agents/{agent}.json"]
    for process in sorted(ids["process"]):
        seeds += [f"/processes/{process}", f"/processes/{process}.json"]
        seeds += [
            f"/processes/{process}/ead.xml",
            f"/oai?verb=ListRecords&metadataPrefix=oai_dc&set=process:{process}",
        ]
    for word in _query_words(words):
        for q in (word, word[:-1], f'"{word}"', f"title:{word}", f"agent:{word}", f"{word}*"):
            seeds += ["/search?" + urlencode({"q": q}), "/search.json?" + urlencode({"q": q})]
            seeds.append("/search.json?" + urlencode({"q": q, "expand": "0"}))
    seeds += ["/search.json?q=date:2019-13", "/search.json?q=date:2019-03..2019-03-13"]
    questions = {
        "words": _query_words(words),
        "record": sorted(ids["record"]),
        "process": sorted(ids["process"]),
    }
    return seeds, questions


def _query_words(words: dict[str, dict[str, str]]) -> list[str]:
    """Every invented word of the three variants, and the words of the guessed dates."""
    found = {w for v in words.values() for k, w in v.items() if k != "guess"}
    found |= {"Varrow", "Pellow", "Quill", "Orr", "Vell", "Tamsel", "Marl", "courier"}
    return sorted(found)


def _followed(link: str) -> bool:
    """Links the crawl follows: every page of the site but searches (asked as seeds, with every
    invented word: the links of a result page are searches without end) and a change of the
    interface's language (each crawl keeps one)."""
    return not link.startswith(("/search", *SKIPPED_PATHS)) and "lang=" not in link


def _crawl(app, audience: str, seeds: list[str], language: str) -> dict[str, bytes]:
    """Every answer of the site to the seeds and to every address its answers link to."""
    client = _client(app, audience)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    answers: dict[str, bytes] = {}
    queue = list(dict.fromkeys(seeds))
    while queue:
        key = queue.pop(0)
        if key in answers or key.startswith(SKIPPED_PATHS):
            continue
        assert len(answers) < MAX_PAGES, "the crawl found no end"
        with client.get(key) as response:
            body = response.get_data()
            answers[key] = f"{response.status_code} {response.mimetype}\n".encode() + body
        queue += [link for link in _links(key, body) if _followed(link)]
    return answers


def _cli(root: Path, *args: str) -> bytes:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["--root", str(root), *args])
    return f"{status}\n{out.getvalue()}\n{err.getvalue()}".encode()


def _export(root: Path, tmp: Path, *args: str) -> bytes:
    """An export written to a file, as a user writes it; its status, what it said, its bytes."""
    tmp.mkdir(parents=True, exist_ok=True)
    out = tmp / "export.out"
    out.unlink(missing_ok=True)
    said = _cli(root, "export", *args[:-2], str(out), *args[-2:])
    return said.replace(str(out).encode(), b"OUT") + (out.read_bytes() if out.exists() else b"")


def _cli_answers(root: Path, audience: str, seeds: dict[str, list[str]], tmp: Path):
    """The command line's answers to the same questions."""
    answers: dict[str, bytes] = {}
    as_ = ("--as", audience)
    for word in seeds["words"]:
        answers[f"search {word}"] = _cli(root, "search", word, *as_, "--json")
    answers["search (all)"] = _cli(root, "search", "", *as_, "--json", "--limit", "50")
    for record in seeds["record"]:
        answers[f"show {record}"] = _cli(root, "show", record, *as_)
        answers[f"export dc {record}"] = _export(root, tmp, "dc", record, *as_)
    for process in seeds["process"]:
        answers[f"export ead {process}"] = _export(root, tmp, "ead", process, *as_)
    answers["export csv"] = _export(root, tmp, "csv", *as_)
    bag = tmp / f"bag-{audience}"
    shutil.rmtree(bag, ignore_errors=True)
    said = _cli(root, "export", "bagit", "harbour-talks", str(bag), *as_)
    answers["export bagit"] = said.replace(str(bag).encode(), b"BAG")
    if bag.is_dir():
        for path in sorted(bag.rglob("*")):
            if path.is_file() and path.name not in ("bag-info.txt", "tagmanifest-sha256.txt"):
                answers[f"bag {path.relative_to(bag)}"] = path.read_bytes()
    return answers


def _differences(ours: dict[str, bytes], theirs: dict[str, bytes]) -> list[str]:
    found = []
    for key in sorted(set(ours) | set(theirs)):
        a = _normal(ours.get(key, b"(not asked)"))
        b = _normal(theirs.get(key, b"(not asked)"))
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), 0)
            start = max(0, at - 150)
            found.append(f"{key}:\n  A: {a[start : at + 250]!r}\n  B: {b[start : at + 250]!r}")
    return found


_ANSWERED: dict[tuple[str, str], dict[str, bytes]] = {}  # (root, audience): its answers


def _answers(
    roots, asked, name: str, audience: str, tmp: Path, *, whole: bool = True
) -> dict[str, bytes]:
    """Every answer one depository gives one audience to the questions `_seeds` asks: the site
    crawled in both languages and the command line; only the site in English where not
    `whole` (a mutation's check: the oracle seeing it once is enough)."""
    seeds, questions = asked
    answers = {}
    app = create_app(roots[name])
    try:
        for language in ("en", "ar") if whole else ("en",):
            crawled = _crawl(app, audience, seeds, language)
            answers |= {f"{k} [{language}]": v for k, v in crawled.items()}
    finally:
        app.config["SITE"].close()
    if not whole:
        return answers
    return answers | _cli_answers(roots[name], audience, questions, tmp / name)


def _compare(
    roots,
    words,
    one: str,
    other: str,
    audiences: tuple[str, ...],
    tmp: Path,
    *,
    mutated: bool = False,
):
    """The differences between two depositories' answers to each audience. Answers of the
    code as it is are kept for the module's other comparisons (depository A is compared with
    B and with C); a mutated code's are not, and it is asked through the English site only."""
    asked = _seeds(roots, words)
    problems = []
    for audience in audiences:
        answers = {}
        for name in (one, other):
            if mutated:
                answers[name] = _answers(roots, asked, name, audience, tmp, whole=False)
                continue
            key = (str(roots[name]), audience)
            if key not in _ANSWERED:
                _ANSWERED[key] = _answers(roots, asked, name, audience, tmp)
            answers[name] = _ANSWERED[key]
        assert len(answers[one]) > 300, "the crawl asked too little to prove anything"
        problems += [f"[{audience}] {d}" for d in _differences(answers[one], answers[other])]
    return problems


@pytest.mark.slow
def test_the_public_and_readers_see_nothing_of_what_only_closed_inputs_hold(depositories, tmp_path):
    roots, words = depositories
    problems = _compare(roots, words, "a", "b", ("public", "reader"), tmp_path)
    assert not problems, f"{len(problems)} answers differ:\n" + "\n".join(problems[:20])


@pytest.mark.slow
def test_the_public_sees_nothing_of_what_only_readers_may_read(depositories, tmp_path):
    roots, words = depositories
    problems = _compare(roots, words, "a", "c", ("public",), tmp_path)
    assert not problems, f"{len(problems)} answers differ:\n" + "\n".join(problems[:20])


@pytest.mark.slow
def test_the_oracle_catches_a_guessed_title_shown_without_its_source_checked(
    depositories, tmp_path, monkeypatch
):
    """A mutation: guessed titles shown whatever their source. The comparison must see it."""
    from archive.access import derived

    real = derived.withheld
    monkeypatch.setattr(
        derived, "withheld", lambda record, readable: real(record, readable) - set(derived.TITLES)
    )
    roots, words = depositories
    problems = _compare(roots, words, "a", "b", ("public",), tmp_path, mutated=True)
    assert any("/records/memo" in p for p in problems), problems[:5]


def test_the_deposit_plants_a_word_in_every_closed_place(depositories):
    """The oracle proves something only if each closed word went in: staff find each."""
    roots, words = depositories
    with Depository.open(roots["a"]) as dep:
        staff_text = json.dumps(
            [dep.catalog.record(i) for i in dep.catalog.record_ids()]
            + [dep.catalog.text(i).pages if dep.catalog.text(i) else [] for i in dep.catalog.record_ids()]
            + dep.catalog.agents() + dep.catalog.processes()
            + [dep.store.path_for(f.sha256).read_bytes().decode("utf-8", "replace")
               for f in dep.catalog.files()],  # an attachment is kept, not extracted
            ensure_ascii=False,
        )  # fmt: skip
    missing = [
        slot for slot, word in words["a"].items()
        if slot != "guess" and word not in staff_text and word.lower() not in staff_text
    ]  # fmt: skip
    assert not missing


def test_a_closed_bilingual_record_teaches_staff_a_translation(depositories):
    """The closed text that pairs its words with river and نهر teaches staff (what the
    oracle shows the public is not taught)."""
    from archive.index.search import RecordSearch

    roots, words = depositories
    with Depository.open(roots["a"]) as dep:
        search = RecordSearch(dep.indexes, dep.catalog).search
        for slot, other in (("taught_ar", "plain"), ("taught_en", "plain-ar")):
            result = search(words["a"][slot], audience="staff", limit=20)
            assert [e for e in result.expanded if e["kind"] == "collection"], slot
            assert other in [h.id for h in result.hits], slot
            public = search(words["a"][slot], audience="public", limit=20)
            assert public.total == 0 and not public.expanded, slot
