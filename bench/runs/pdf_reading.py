"""How well PDFs are read. Two measures.

Real PDFs that other people made: Arabic and English documentation and
type samples shipped by Debian's packages (bench/real-pdfs/sources.json), made by XeTeX,
LuaTeX, pdfTeX, Distiller, Word, FOP, groff, cairo and others.

For each file, ingested as an archivist would (no manifest) into a temporary depository:
- **valid Arabic words**: the share of the Arabic words of the kept text that hunspell-ar
  (Debian's `hunspell-ar`) accepts; the same for two references, pdfminer.six's text and
  poppler's pdftotext text each put through our repair;
- **findable words**: of the words a person read on the rendered pages
  (bench/real-pdfs/words.json, checked by eye), how many find their document when searched
  alone (staff, as `mediarch search WORD`);
- **reversed Latin lines**: lines of mostly Latin words (3 or more) whose words the kept text
  has in the opposite order of poppler's;
- **reversed digit runs**: runs of two digits or more that the kept text has backwards
  against poppler's.

The sample corpus's PDFs (made by LibreOffice from DOCX, and the legacy way with fpdf2):
the **character error rate** of the kept Arabic text against the generator's source text
(sample_corpus/content/): the edit distance between the two texts' Arabic words (letters and
harakat, one space between words), over the source's length.

Run: `python -m bench.runs.pdf_reading [--json OUT]` (fetches the packages with `apt-get download`
into bench/.cache/real-pdfs/ the first time). Prints tables; docs/search-quality.md carries
the figures of a run. Needs hunspell-ar, poppler-utils and rapidfuzz.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from archive.depository import Depository
from archive.index.search import RecordSearch
from bench.harness.common import BENCH, REPO
from ingest.pipeline import IngestOptions, run_ingest
from ingest.repair import repair

SOURCES = BENCH / "real-pdfs" / "sources.json"
WORDS = BENCH / "real-pdfs" / "words.json"
CACHE = BENCH / ".cache" / "real-pdfs"
SAMPLE = REPO / "sample_corpus"
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_DIGITS = re.compile("[0-9]{2,}|[\u0660-\u0669]{2,}|[\u06f0-\u06f9]{2,}")


def fetch() -> dict[str, Path]:
    """Each source file, from its package (downloaded once into the cache)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    found = {}
    for source in json.loads(SOURCES.read_text(encoding="utf-8")):
        target = CACHE / source["file"]
        if not target.exists():
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(
                    ["apt-get", "download", source["package"]], cwd=tmp, check=True,
                    capture_output=True,
                )  # fmt: skip
                deb = next(Path(tmp).glob("*.deb"))
                subprocess.run(["dpkg-deb", "-x", str(deb), f"{tmp}/x"], check=True)
                inside = Path(f"{tmp}/x") / source["path"].lstrip("/")
                data = inside.read_bytes()
                target.write_bytes(gzip.decompress(data) if source["gzip"] else data)
        found[source["file"]] = target
    return found


def arabic_words(text: str) -> list[str]:
    return [w for w in (_MARKS.sub("", m) for m in _ARABIC_WORD.findall(text)) if len(w) > 1]


def hunspell_invalid(words: list[str]) -> set[str]:
    if not words:
        return set()
    done = subprocess.run(
        ["hunspell", "-d", "ar", "-l"], input="\n".join(sorted(set(words))),
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return set(done.stdout.split())


def valid_share(text: str) -> tuple[int, int]:
    words = arabic_words(text)
    invalid = hunspell_invalid(words)
    return sum(1 for w in words if w not in invalid), len(words)


def pdftotext_pages(path: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    return done.stdout.decode("utf-8", "replace").split("\f")


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    try:
        return extract_text(str(path))
    except Exception as exc:  # a reference only: say so and go on
        print(f"  pdfminer failed on {path.name}: {exc}", file=sys.stderr)
        return ""


def reversed_latin_lines(kept: str, reference: str) -> int:
    forward = set()
    for line in reference.splitlines():
        words = _LATIN_WORD.findall(line)
        if len(words) >= 3:
            forward.add(tuple(words))
    count = 0
    for line in kept.splitlines():
        words = _LATIN_WORD.findall(line)
        latin = sum(len(w) for w in words)
        arabic = sum(len(w) for w in _ARABIC_WORD.findall(line))
        backwards = tuple(words) not in forward and tuple(reversed(words)) in forward
        if len(words) >= 3 and latin >= 4 * arabic and backwards:  # Latin words, backwards
            count += 1
    return count


def reversed_digit_runs(kept: str, reference: str) -> int:
    theirs = Counter(_DIGITS.findall(reference))
    ours = Counter(_DIGITS.findall(kept))
    return sum(
        n
        for run, n in ours.items()
        if run not in theirs and run[::-1] in theirs and run != run[::-1]
    )


def measure() -> dict:
    files = fetch()
    words = json.loads(WORDS.read_text(encoding="utf-8"))
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        folder.mkdir()
        for name, path in files.items():
            shutil.copy(path, folder / name)
        with Depository.create(Path(tmp) / "dep") as dep:
            report = run_ingest(dep, IngestOptions(folder=folder, jobs=2))
            ids = {e.path: e.record_id for e in report.files if e.outcome == "ingested"}
            search = RecordSearch(dep.indexes, dep.catalog)
            rows = []
            for name, path in sorted(files.items()):
                text = dep.catalog.text(ids[name]) if name in ids else None
                kept = "\n".join(text.pages) if text else ""
                poppler = "\n".join(pdftotext_pages(path))
                row = {
                    "file": name,
                    "extractors": (text.details.get("extractors") if text else None),
                    "kept": valid_share(kept),
                    "pdfminer_repaired": valid_share(repair(pdfminer_text(path)).text),
                    "pdftotext_repaired": valid_share(repair(poppler).text),
                    "latin_lines_reversed": reversed_latin_lines(kept, poppler),
                    "digit_runs_reversed": reversed_digit_runs(kept, poppler),
                    "words": [],
                }
                for entry in words.get(name, []):
                    hits = search.search(entry["word"], audience="staff", limit=200)
                    found = ids.get(name) in {h.id for h in hits.hits}
                    row["words"].append({**entry, "found": found})
                rows.append(row)
    return {"rows": rows, "seconds": round(time.monotonic() - started, 1)}


_ARABIC_WORD_MARKED = re.compile("[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670]+")


def arabic_line(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", text.replace("\u0640", ""))
    return " ".join(_ARABIC_WORD_MARKED.findall(text))


# sample_corpus/generate.py imports its `content` package from its own folder: a child started
# there gives each Arabic PDF of the sample corpus, its maker and the text it was made from.
_SAMPLE_PDFS = """
import json, generate
print(json.dumps([
    {"id": r["id"], "fmt": r["fmt"], "path": generate.record_path(r),
     "source": "\\n".join(t for _, t in generate.parse_body(r["body"]))}
    for r in generate.RECORDS if r["fmt"] in ("lo_pdf", "legacy_pdf") and "ar" in r["langs"]
]))
"""


def sample_pdfs() -> list[dict]:
    """The sample corpus's Arabic PDFs (`id`, `fmt`, `path` under files/, `source` text)."""
    done = subprocess.run(
        [sys.executable, "-c", _SAMPLE_PDFS], cwd=SAMPLE, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def sample_corpus_cer() -> list[dict]:
    """Each Arabic PDF of the sample corpus, ingested, against its source text."""
    from rapidfuzz.distance import Levenshtein

    rows = []
    pdfs = sample_pdfs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "files"
        for pdf in pdfs:
            target = folder / pdf["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(SAMPLE / "files" / pdf["path"], target)
        with Depository.create(Path(tmp) / "dep") as dep:
            report = run_ingest(dep, IngestOptions(folder=folder, jobs=2))
            ids = {e.path: e.record_id for e in report.files}
            for pdf in pdfs:
                text = dep.catalog.text(ids[pdf["path"]])
                source = arabic_line(pdf["source"])
                kept = arabic_line("\n".join(text.pages) if text else "")
                rows.append(
                    {
                        "record": pdf["id"],
                        "maker": pdf["fmt"],
                        "chars": len(source),
                        "errors": Levenshtein.distance(source, kept),
                        "extractors": text.details.get("extractors") if text else None,
                    }
                )
    return rows


def totals(result: dict) -> dict:
    def share(key):
        valid = sum(r[key][0] for r in result["rows"])
        total = sum(r[key][1] for r in result["rows"])
        return valid / total if total else None

    words = [w for r in result["rows"] for w in r["words"]]
    return {
        "valid_kept": share("kept"),
        "valid_pdfminer_repaired": share("pdfminer_repaired"),
        "valid_pdftotext_repaired": share("pdftotext_repaired"),
        "findable": sum(w["found"] for w in words) / len(words),
        "findable_words": [sum(w["found"] for w in words), len(words)],
        "latin_lines_reversed": sum(r["latin_lines_reversed"] for r in result["rows"]),
        "digit_runs_reversed": sum(r["digit_runs_reversed"] for r in result["rows"]),
        "sample_cer": (
            sum(r["errors"] for r in result["sample"]) / sum(r["chars"] for r in result["sample"])
        ),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", help="write the measures here")
    args = parser.parse_args(argv)
    result = measure()
    result["sample"] = sample_corpus_cer()
    result["totals"] = totals(result)
    print(f"{'file':<34} {'kept':>6} {'pdfminer':>8} {'poppler':>8} {'found':>6} lat dig")
    for r in result["rows"]:
        cells = [
            r[k][0] / r[k][1] if r[k][1] else float("nan")
            for k in ("kept", "pdfminer_repaired", "pdftotext_repaired")
        ]
        found = f"{sum(w['found'] for w in r['words'])}/{len(r['words'])}"
        print(f"{r['file']:<34} {cells[0]:>6.2f} {cells[1]:>8.2f} {cells[2]:>8.2f} {found:>6}"
              f" {r['latin_lines_reversed']:>3} {r['digit_runs_reversed']:>3}")  # fmt: skip
    for r in result["sample"]:
        print(f"{r['record']:<40} {r['maker']:<10} CER {r['errors'] / r['chars']:.4f}"
              f" ({r['errors']}/{r['chars']}) {r['extractors'] or ''}")  # fmt: skip
    print(json.dumps(result["totals"], indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
