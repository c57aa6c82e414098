"""A synthetic bilingual depository for the search benchmark, written straight into the catalog.

    python -m bench.corpora.search_corpus --records 10000 [--seed 1] [--out DIR]

Everything is invented: words, names, places and processes come from seeded generators, so
the same seed gives the same depository, and record i is the same whatever the number of
records (the first 2,000 records of the 10,000-record depository are the 2,000-record one).

- Words: per language a vocabulary of 20,000 words, generated (English-looking syllables;
  Arabic words from three-letter roots and the usual patterns, فاعل، مفعول، تفعيل …) but for
  about 1,100 English and 1,300 Arabic real words of mediation records (from the phrase lists
  of `corpus_text.py` and the thesaurus's labels) mixed into its first 4,000 ranks; running
  text draws from it by a Zipf law, with stop words about a third of the tokens, and now and
  then a whole real phrase ("the release of detainees held since the spring"), a label of one
  of the record's subjects and the name of one of its agents.
- About 60 processes (tracks 1, 1.5, 2 and 3, periods within 1995–2026) with 3 to 25 sessions
  each; 3,000 agents (persons, some organisations) with a Latin and an Arabic name that share
  a transliteration key; records in Arabic, English or both, of 200 to 400 words over 1 to 3
  pages, eleven document types, dates by day (some by month only, some spans, a few undated),
  1 to 4 subjects from the real thesaurus, 2 to 8 agents.

Records go in through `Catalog.add_record` (validated, logged, text kept, index work queued,
as ingest does) in transactions of `BATCH` records; no original files are kept (a record may
have none), so the store stays empty. The depository is cached in `bench/.cache/search-N/`
and reused while `corpus.json` there has the same parameters.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from archive.catalog import RecordText
from archive.depository import Depository
from archive.vocabulary import thesaurus, vocabulary
from bench.corpora import corpus_text as ct
from bench.harness.common import CACHE

GENERATOR_VERSION = 1
BATCH = 5000  # records per catalog transaction
ACTOR = "bench"
VOCAB = 20_000
REAL_RANKS = 4_000  # real words are spread over the first ranks of the Zipf law
STOP_SHARE = 0.33
STOP_EN = (
    "the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "with", "as", "by", "was",
    "it", "at", "from", "be", "will", "this",
)  # fmt: skip
STOP_AR = (
    "في", "من", "على", "إلى", "عن", "مع", "أن", "أو", "ثم", "هذا", "هذه", "التي", "الذي", "قد",
    "لا", "كان", "بين",
)  # fmt: skip
DOC_TYPES = {
    "minutes": 0.10,
    "concept_memo": 0.08,
    "draft_agreement": 0.07,
    "agreement": 0.04,
    "communique": 0.09,
    "participant_list": 0.08,
    "transcript": 0.06,
    "correspondence": 0.20,
    "report": 0.14,
    "press_release": 0.08,
    "other": 0.06,
}
LANGUAGES = {"ar": 0.40, "en": 0.35, "ar+en": 0.25}
TRACKS = {"1": 0.45, "1.5": 0.2, "2": 0.25, "3": 0.1}
ACCESS = {"public": 0.5, "reader": 0.3, "staff": 0.2}
ROLES = {
    "participant": 0.45,
    "mediator": 0.12,
    "facilitator": 0.1,
    "observer": 0.1,
    "rapporteur": 0.06,
    "interpreter": 0.05,
    "signatory": 0.05,
    "author": 0.05,
    "convener": 0.02,
}
TOPICS = (  # what a process is about: (English, Arabic, slug)
    ("Water Dialogue", "حوار المياه", "water"),
    ("Ceasefire Talks", "محادثات وقف إطلاق النار", "ceasefire"),
    ("Detainee Consultations", "مشاورات المحتجزين", "detainees"),
    ("Local Governance Track", "مسار الحكم المحلي", "governance"),
    ("Humanitarian Access Talks", "محادثات الوصول الإنساني", "access"),
    ("Return Committee", "لجنة العودة", "return"),
    ("Border Commission", "لجنة الحدود", "border"),
    ("Reconciliation Forum", "منتدى المصالحة", "reconciliation"),
    ("Security Arrangements Talks", "محادثات الترتيبات الأمنية", "security"),
    ("Land and Property Dialogue", "حوار الأراضي والممتلكات", "land"),
)
ORG_KINDS = (("Council", "مجلس"), ("Committee", "لجنة"), ("Alliance", "تحالف"), ("Union", "اتحاد"))
# Given names with their Arabic spelling (common names, not people); family names are made up.
GIVEN = (
    ("Amira", "أميرة"), ("Tomas", "توماس"), ("Leyla", "ليلى"), ("Jonas", "يوناس"),
    ("Samir", "سمير"), ("Karim", "كريم"), ("Helena", "هيلينا"), ("Rashid", "رشيد"),
    ("Marta", "مارتا"), ("Yusuf", "يوسف"), ("Clara", "كلارا"), ("Idris", "إدريس"),
    ("Nour", "نور"), ("Anton", "أنطون"), ("Salma", "سلمى"), ("Elias", "إلياس"),
    ("Dalia", "داليا"), ("Viktor", "فيكتور"), ("Hana", "هناء"), ("Omar", "عمر"),
    ("Farid", "فريد"), ("Rania", "رانيا"), ("Tariq", "طارق"), ("Mona", "منى"),
)  # fmt: skip
# Consonants as a Latin and an Arabic spelling that `archive.index.translit` keys alike.
CONSONANTS = (
    ("b", "ب"), ("d", "د"), ("f", "ف"), ("h", "ه"), ("j", "ج"), ("k", "ك"), ("l", "ل"),
    ("m", "م"), ("n", "ن"), ("q", "ق"), ("r", "ر"), ("s", "س"), ("t", "ت"), ("z", "ز"),
    ("sh", "ش"), ("kh", "خ"), ("gh", "غ"), ("th", "ث"),
)  # fmt: skip
VOWELS = (("a", ""), ("a", "ا"), ("i", ""), ("i", "ي"), ("u", ""), ("u", "و"))
EN_ONSETS = (
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
    "br", "dr", "gr", "kr", "pl", "st", "th", "sh", "ch",
)  # fmt: skip
EN_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ou")
EN_ENDINGS = ("", "", "n", "r", "s", "t", "l", "tion", "ment", "al", "ive", "ity")
AR_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
AR_PATTERNS = (  # 1, 2, 3: the root's letters
    "1ا23", "م12و3", "ت12ي3", "است12ا3", "12ا3ة", "م123", "123", "12ي3", "ت1ا23", "ا123",
    "م1ا23ة", "ت123ات", "1و23", "م12ا3", "1ا23ون",
)  # fmt: skip
WORD = re.compile(r"^\w+$")
ARABIC = re.compile("[\u0600-\u06ff]")


def _weighted(rng: random.Random, table: dict[str, float]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


def _unique(rng: random.Random, n: int, make: Callable[[random.Random], Any], avoid=()) -> list:
    seen: dict[Any, None] = {}
    while len(seen) < n:
        made = make(rng)
        if made not in avoid:
            seen.setdefault(made)
    return list(seen)


def _en_word(rng: random.Random) -> str:
    word = ""
    while len(word) < 3:
        syllables = (
            rng.choice(EN_ONSETS) + rng.choice(EN_VOWELS) for _ in range(rng.randint(1, 3))
        )
        word = "".join(syllables) + rng.choice(EN_ENDINGS)
    return word


def _ar_word(rng: random.Random) -> str:
    root = rng.sample(AR_LETTERS, 3)
    word = rng.choice(AR_PATTERNS)
    for n, letter in enumerate(root, start=1):
        word = word.replace(str(n), letter)
    return ("ال" + word) if rng.random() < 0.3 else word


def _name(rng: random.Random) -> tuple[str, str]:
    """A made-up name in Latin and Arabic letters, 2 or 3 syllables and a final consonant."""
    latin, arabic = [], []
    for _ in range(rng.randint(2, 3)):
        (cl, ca), (vl, va) = rng.choice(CONSONANTS), rng.choice(VOWELS)
        latin.append(cl + vl)
        arabic.append(ca + va)
    cl, ca = rng.choice(CONSONANTS)
    return ("".join(latin) + cl).title(), "".join(arabic) + ca


def _real_words(texts: list[str], arabic: bool) -> list[str]:
    stop = set(STOP_AR if arabic else STOP_EN)
    words: dict[str, None] = {}
    for text in texts:
        for token in text.split():
            token = token.strip(".,;:()«»\"'،")
            if not WORD.match(token) or token.isdigit() or bool(ARABIC.search(token)) != arabic:
                continue
            token = token if arabic else token.lower()
            if token not in stop and len(token) > 2:
                words.setdefault(token)
    return list(words)


@dataclass(frozen=True)
class Spec:
    records: int
    seed: int = 1
    processes: int = 60
    agents: int = 3000
    generator_version: int = GENERATOR_VERSION


class SearchCorpus:
    """Deterministic processes, sessions, agents and records for a seed."""

    def __init__(self, spec: Spec):
        self.spec = spec
        rng = random.Random(spec.seed)
        self.phrases_en = [
            *ct.ISSUES_EN, *ct.PROPOSALS_EN, *ct.OBSERVATIONS_EN, *ct.OBLIGATIONS_EN
        ]  # fmt: skip
        self.phrases_ar = [
            *ct.ISSUES_AR, *ct.PROPOSALS_AR, *ct.OBSERVATIONS_AR, *ct.OBLIGATIONS_AR
        ]  # fmt: skip
        self.concepts = list(thesaurus().concepts)
        labels_en = [label for c in self.concepts for label in c.labels("en")]
        labels_ar = [label for c in self.concepts for label in c.labels("ar")]
        self.real_en = _real_words([*self.phrases_en, *labels_en], arabic=False)
        self.real_ar = _real_words([*self.phrases_ar, *labels_ar], arabic=True)
        self.vocab_en = self._vocabulary(rng, self.real_en, _en_word)
        self.vocab_ar = self._vocabulary(rng, self.real_ar, _ar_word)
        zipf = [1.0 / (rank + 2) ** 1.05 for rank in range(VOCAB)]
        stop_weight = sum(zipf) * STOP_SHARE / (1 - STOP_SHARE)
        self.words_en = (*STOP_EN, *self.vocab_en)
        self.words_ar = (*STOP_AR, *self.vocab_ar)
        self.cum_en = list(itertools.accumulate([stop_weight / len(STOP_EN)] * len(STOP_EN) + zipf))
        self.cum_ar = list(itertools.accumulate([stop_weight / len(STOP_AR)] * len(STOP_AR) + zipf))
        self.concept_cum = list(
            itertools.accumulate(1.0 / (r + 3) for r in range(len(self.concepts)))
        )
        rng.shuffle(self.concepts)
        self.places = [_name(rng) for _ in range(150)]
        self.agents = self._agents(rng)
        self.agent_cum = list(
            itertools.accumulate(1.0 / (a + 5) ** 0.9 for a in range(len(self.agents)))
        )
        self.processes, self.sessions = self._processes(rng)
        self.process_weights = [1.0 / (p + 3) for p in range(len(self.processes))]
        self.sessions_of: dict[str, list[dict]] = {}
        for session in self.sessions:
            self.sessions_of.setdefault(session["process"], []).append(session)
        self.types = {t.code: (t.en, t.ar) for t in vocabulary("document_types").terms}

    # -- the fixed parts ---------------------------------------------------------------------
    @staticmethod
    def _vocabulary(rng: random.Random, real: list[str], make) -> list[str]:
        made = _unique(rng, VOCAB - len(real), make, avoid={*real, *STOP_EN, *STOP_AR})
        real = rng.sample(real, len(real))
        ranks = sorted(rng.sample(range(REAL_RANKS), len(real)))
        words, it_made, it_real = [], iter(made), iter(real)
        for rank in range(VOCAB):
            words.append(next(it_real) if ranks and rank == ranks[0] else next(it_made))
            if ranks and rank == ranks[0]:
                ranks.pop(0)
        return words

    def _agents(self, rng: random.Random) -> list[dict[str, Any]]:
        families = _unique(rng, 400, _name)
        people = rng.sample(
            [(g, f) for g in range(len(GIVEN)) for f in range(len(families))],
            self.spec.agents - self.spec.agents // 10,
        )
        agents = []
        for n, (g, f) in enumerate(people):
            (given_en, given_ar), (family_en, family_ar) = GIVEN[g], families[f]
            agents.append(
                {
                    "id": f"agent-{n + 1:05d}",
                    "kind": "person",
                    "authorised_name": f"{given_en} {family_en}",
                    "parallel_names": [{"name": f"{given_ar} {family_ar}", "lang": "ar"}],
                }
            )
        orgs = [(k, p) for k in range(len(ORG_KINDS)) for p in range(len(self.places))]
        for k, p in rng.sample(orgs, self.spec.agents // 10):
            (kind_en, kind_ar), (place_en, place_ar) = ORG_KINDS[k], self.places[p]
            agents.append(
                {
                    "id": f"agent-{len(agents) + 1:05d}",
                    "kind": "organisation",
                    "authorised_name": f"{place_en} {kind_en}",
                    "parallel_names": [{"name": f"{kind_ar} {place_ar}", "lang": "ar"}],
                }
            )
        rng.shuffle(agents)  # organisations among the often-named agents too
        return agents

    def _processes(self, rng: random.Random) -> tuple[list[dict], list[dict]]:
        processes, sessions, codes = [], [], set()
        for p in range(self.spec.processes):
            place_en, place_ar = rng.choice(self.places)
            topic_en, topic_ar, slug = rng.choice(TOPICS)
            code = f"{place_en.lower()}-{slug}"
            while code in codes:
                code += "-2"
            codes.add(code)
            start = rng.randint(1995, 2024)
            end = min(2026, start + rng.randint(0, 6))
            process = {
                "id": code,
                "name_en": f"{place_en} {topic_en}",
                "name_ar": f"{topic_ar} في {place_ar}",
                "collection": f"collection-{p % 12 + 1:02d}",
                "track": _weighted(rng, TRACKS),
                "period_start": str(start),
                "period_end": str(end),
                "conflict_en": f"The {place_en} conflict",
                "conflict_ar": f"نزاع {place_ar}",
            }
            processes.append(process)
            for s in range(rng.randint(3, 25)):
                venue_en, venue_ar = rng.choice(self.places)
                year = rng.randint(start, end)
                sessions.append(
                    {
                        "id": f"{code}-r{s + 1:02d}",
                        "process": code,
                        "number": s + 1,
                        "title_en": f"Round {s + 1}",
                        "title_ar": f"الجولة {s + 1}",
                        "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        "venue_en": venue_en,
                        "venue_ar": venue_ar,
                        "working_languages": ["ar", "en"],
                    }
                )
        return processes, sessions

    # -- records -----------------------------------------------------------------------------
    def _text(self, rng: random.Random, n: int, arabic: bool, extra: list[str]) -> list[str]:
        """n words of running text, with real phrases and the given words (labels, names)."""
        if arabic:
            words = rng.choices(self.words_ar, cum_weights=self.cum_ar, k=n)
            phrases = self.phrases_ar
        else:
            words = rng.choices(self.words_en, cum_weights=self.cum_en, k=n)
            phrases = self.phrases_en
        inserts = [rng.choice(phrases) for _ in range(max(1, n // 120))] + extra
        for phrase in inserts:
            at = rng.randrange(len(words) + 1)
            words[at:at] = phrase.split()
        return words

    def record(self, i: int) -> tuple[dict[str, Any], list[str]]:
        """Record i's description and its text by page."""
        rng = random.Random(self.spec.seed * 1_000_003 + i)
        process = rng.choices(self.processes, weights=self.process_weights)[0]
        session = rng.choice(self.sessions_of[process["id"]]) if rng.random() < 0.9 else None
        doc_type = _weighted(rng, DOC_TYPES)
        langs = _weighted(rng, LANGUAGES).split("+")
        agent_ids = rng.choices(range(len(self.agents)), cum_weights=self.agent_cum, k=16)
        agents = [self.agents[a] for a in dict.fromkeys(agent_ids)][: rng.randint(2, 8)]
        picked = rng.choices(range(len(self.concepts)), cum_weights=self.concept_cum, k=6)
        subjects = [self.concepts[c] for c in dict.fromkeys(picked)][: rng.randint(1, 4)]
        size = rng.randint(200, 400)
        words: list[str] = []
        for lang in langs:
            extra = []
            if rng.random() < 0.7:
                extra.append(rng.choice(subjects[0].labels(lang)))
            for agent in rng.sample(agents, min(2, len(agents))):
                extra.append(_agent_name(agent, lang))
            words += self._text(rng, size // len(langs), lang == "ar", extra)
        n_pages = rng.choice((1, 2, 2, 3))
        cut = [len(words) * k // n_pages for k in range(n_pages + 1)]
        pages = [" ".join(words[a:b]) for a, b in itertools.pairwise(cut)]
        record: dict[str, Any] = {
            "identifier": f"rec-{i + 1:06d}",
            "document_type": doc_type,
            "languages": langs,
            "collection": process["collection"],
            "process": process["id"],
            "status": "published",
            "access": _weighted(rng, ACCESS),
            "description_visibility": "listed",
            "subjects": [c.code for c in subjects],
            "agents": [
                {"name": _agent_name(a, langs[0]), "role": _weighted(rng, ROLES), "agent": a["id"]}
                for a in agents
            ],
            "extent": {"pages": n_pages, "words": len(words)},
        }
        type_en, type_ar = self.types[doc_type]
        round_no = session["number"] if session else None
        if "en" in langs:
            topic = " ".join(rng.choice(self.phrases_en).split()[1:5])
            where = f"round {round_no} of the " if round_no else ""
            record["title_en"] = f"{type_en}, {where}{process['name_en']}: {topic}"
            record["abstract_en"] = " ".join(self._text(rng, rng.randint(25, 40), False, []))
        if "ar" in langs:
            topic = " ".join(rng.choice(self.phrases_ar).split()[:4])
            where = f" الجولة {round_no} من" if round_no else ""
            record["title_ar"] = f"{type_ar}،{where} {process['name_ar']}: {topic}"
            record["abstract_ar"] = " ".join(self._text(rng, rng.randint(25, 40), True, []))
        if session:
            record["session"] = session["id"]
        if rng.random() < 0.5:
            record["places"] = [rng.choice(self.places)[0 if langs[0] == "en" else 1]]
        date = self._date(rng, process, session)
        if date:
            record.update(date)
        return record, pages

    @staticmethod
    def _date(rng: random.Random, process: dict, session: dict | None) -> dict[str, str]:
        shape = rng.random()
        if shape < 0.02:
            return {}  # undated
        if session and shape < 0.8:
            year, month, day = (int(p) for p in session["date"].split("-"))
        else:
            year = rng.randint(int(process["period_start"]), int(process["period_end"]))
            month, day = rng.randint(1, 12), rng.randint(1, 28)
        if shape > 0.9:  # month only
            return {"date": f"{year}-{month:02d}"}
        out = {"date": f"{year}-{month:02d}-{day:02d}"}
        if shape > 0.85:  # a span
            out["date_end"] = f"{min(2026, year + rng.randint(0, 2))}-12-31"
        return out


def _agent_name(agent: dict[str, Any], lang: str) -> str:
    if lang == "ar":
        return next(p["name"] for p in agent["parallel_names"] if p["lang"] == "ar")
    return agent["authorised_name"]


def record_text(record: dict[str, Any], pages: list[str]) -> RecordText:
    details = {
        "format": "synthetic",
        "languages": record["languages"],
        "mixed": len(record["languages"]) > 1,
        "repairs": [],
        "pages": len(pages),
    }
    return RecordText(pages, details)


# -- writing the depository ------------------------------------------------------------------
def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def write_depository(
    root: Path, spec: Spec, log: Callable[[str], None] = print, start: int = 0
) -> dict[str, Any]:
    """Create a depository at root with the spec's authorities and records; the figures."""
    clock = time.perf_counter()
    corpus = SearchCorpus(spec)
    setup_s = time.perf_counter() - clock
    depository = Depository.create(root)
    catalog = depository.catalog
    words = pages = 0
    by_language: dict[str, int] = {}
    try:
        clock = time.perf_counter()
        with catalog.transaction():
            for agent in corpus.agents:
                catalog.put_agent(agent, actor=ACTOR)
            for process in corpus.processes:
                catalog.put_process(process, actor=ACTOR)
            for session in corpus.sessions:
                catalog.put_session(session, actor=ACTOR)
        authorities_s = time.perf_counter() - clock
        clock = time.perf_counter()
        generate_s = 0.0
        for first in range(start, spec.records, BATCH):
            with catalog.transaction():
                for i in range(first, min(first + BATCH, spec.records)):
                    g = time.perf_counter()
                    record, text = corpus.record(i)
                    generate_s += time.perf_counter() - g
                    catalog.add_record(record, actor=ACTOR, text=record_text(record, text))
                    words += record["extent"]["words"]
                    pages += len(text)
                    key = "+".join(record["languages"])
                    by_language[key] = by_language.get(key, 0) + 1
            done = min(first + BATCH, spec.records)
            log(f"  {done:,} records, {time.perf_counter() - clock:.0f} s")
        records_s = time.perf_counter() - clock
    finally:
        depository.close()
    return {
        "spec": asdict(spec),
        "setup_s": round(setup_s, 2),
        "authorities_s": round(authorities_s, 2),
        "records_s": round(records_s, 2),
        "generate_s": round(generate_s, 2),
        "records_per_s": round(spec.records / records_s, 1) if records_s else None,
        "catalog_bytes": folder_bytes(root),
        "counts": {
            "records": spec.records,
            "processes": len(corpus.processes),
            "sessions": len(corpus.sessions),
            "agents": len(corpus.agents),
            "words": words,
            "pages": pages,
            "by_language": by_language,
            "vocabulary": {"en": len(corpus.vocab_en), "ar": len(corpus.vocab_ar)},
            "real_words": {"en": len(corpus.real_en), "ar": len(corpus.real_ar)},
        },
    }


def default_out(records: int) -> Path:
    return CACHE / f"search-{records}"


def cached_depository(spec: Spec, out: Path) -> tuple[Path, dict[str, Any]] | None:
    """The depository cached in `out` for this spec, and the figures of its making."""
    meta_path, root = out / "corpus.json", out / "depository"
    if meta_path.exists() and (root / "catalog.sqlite").exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("spec") == asdict(spec):
            return root, meta
    return None


def ensure_depository(
    spec: Spec, out: Path, log: Callable[[str], None] = print
) -> tuple[Path, dict[str, Any], bool]:
    """The cached depository for the spec (made if missing or made with other parameters):
    its root, the figures of its making and whether it was reused."""
    found = cached_depository(spec, out)
    if found:
        return *found, True
    meta_path, root = out / "corpus.json", out / "depository"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    log(f"writing {spec.records:,} records into {root} …")
    meta = write_depository(root, spec, log)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return root, meta, False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="default: bench/.cache/search-N")
    args = parser.parse_args(argv)
    spec = Spec(records=args.records, seed=args.seed)
    root, meta, reused = ensure_depository(spec, args.out or default_out(args.records))
    state = "reused" if reused else f"written in {meta['records_s']} s"
    print(f"{root}: {meta['counts']['records']:,} records, {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
