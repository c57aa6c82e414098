"""Generate the ingest benchmark corpus: born-digital bilingual PDFs and DOCX.

    python -m bench.corpora.ingest_corpus [--files 2000] [--out bench/.cache/ingest-2000]
                                          [--seed 1]

Each file is an invented mediation record (minutes, concept memo, draft agreement or joint
communiqué; see `corpus_text`) of 1 to 8 pages of about 350 words: about 45% Arabic, 45%
English and 10% both. About 60% are PDFs that LibreOffice makes from DOCX (Arabic paragraphs
right to left, `w:bidi`, with Amiri as the complex-script font), converted many files per
`soffice` call; the rest stay DOCX (python-docx). Each file's choices come from its own seeded
random generator, so the first 500 files of a 2,000-file corpus are the 500-file corpus.

Layout of OUT: `files/<process>/<kind>-<n>-<language>.<pdf|docx>` (the folder to ingest) and
`corpus.json` (the parameters, every file with its pages and words, the totals), written last:
a folder whose `corpus.json` has the same parameters and whose files are all there is reused.
The text and the DOCX bytes are deterministic; the PDF bytes are not (LibreOffice writes the
creation time and a document ID into each).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from bench.corpora.corpus_text import KINDS, PROCESSES, Block, Document, make_document
from bench.harness.common import CACHE

GENERATOR_VERSION = 1
LATIN_FONT = "Noto Serif"
ARABIC_FONT = "Amiri"
BATCH = 200  # files per soffice call: starting soffice is the slow part
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
HEADERS = {"en": "Mediation Support Unit, records", "ar": "وحدة دعم الوساطة، السجلات"}
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9/\-]*")
Log = Callable[[str], None]


@dataclass(frozen=True)
class CorpusSpec:
    files: int = 2000
    seed: int = 1
    pdf_share: float = 0.6
    arabic_share: float = 0.45
    english_share: float = 0.45  # the rest is both
    min_pages: int = 1
    max_pages: int = 8
    words_per_page: int = 350


@dataclass
class PlannedFile:
    index: int
    path: str  # relative to files/
    format: str  # "pdf" or "docx"
    language: str
    kind: str
    pages_planned: int
    words: int
    pages: int = 0  # what the file has (PDF pages as rendered; DOCX: page breaks + 1)
    bytes: int = 0


# -- planning ----------------------------------------------------------------------------------
def file_rng(spec: CorpusSpec, index: int) -> random.Random:
    return random.Random(f"mediarch-bench:{spec.seed}:{index}")


def plan_file(spec: CorpusSpec, index: int) -> tuple[PlannedFile, Document]:
    """One file's choices and text, from its own random generator."""
    rng = file_rng(spec, index)
    draw = rng.random()
    language = (
        "ar"
        if draw < spec.arabic_share
        else "en"
        if draw < spec.arabic_share + spec.english_share
        else "both"
    )
    fmt = "pdf" if rng.random() < spec.pdf_share else "docx"
    pages = rng.randint(spec.min_pages, spec.max_pages)
    kind = rng.choice(KINDS)
    reference = f"MSU/{rng.randint(2012, 2024)}/{index:05d}"
    document = make_document(rng, kind, language, pages, spec.words_per_page, reference)
    folder = PROCESSES[document.process][0]
    path = f"{folder}/{kind}-{index:05d}-{language}.{fmt}"
    planned = PlannedFile(index, path, fmt, language, kind, pages, document.words)
    return planned, document


# -- DOCX --------------------------------------------------------------------------------------
def _run(text: str, rtl: bool, size: int | None, bold: bool) -> str:
    props = "<w:b/><w:bCs/>" if bold else ""
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size + 4}"/>'
    if rtl:
        props += "<w:rtl/>"
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _runs(text: str, rtl: bool, size: int | None = None, bold: bool = False) -> str:
    """Runs of a paragraph; in an Arabic paragraph, Latin runs (a reference) stay left to right."""
    if not rtl:
        return _run(text, False, size, bold)
    out, pos = [], 0
    for m in _LATIN_RUN.finditer(text):
        if m.start() > pos:
            out.append(_run(text[pos : m.start()], True, size, bold))
        out.append(_run(m.group(), False, size, bold))
        pos = m.end()
    if pos < len(text):
        out.append(_run(text[pos:], True, size, bold))
    return "".join(out)


def _paragraph(
    text: str, lang: str, *, size: int | None = None, bold: bool = False, new_page: bool = False
) -> str:
    rtl = lang == "ar"
    ppr = "<w:pageBreakBefore/>" if new_page else ""
    ppr += "<w:bidi/>" if rtl else ""
    ppr = f'<w:pPr>{ppr}<w:spacing w:after="100"/></w:pPr>'
    return f"<w:p {W}>{ppr}{_runs(text, rtl, size, bold)}</w:p>"


def _table(rows: list[list[str]], lang: str) -> str:
    rtl = lang == "ar"
    width = 9000 // max(1, len(rows[0]))
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in rows[0])
    body = []
    for n, row in enumerate(rows):
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f"{_paragraph(cell, lang, bold=n == 0)}</w:tc>"
            for cell in row
        )
        body.append(f"<w:tr>{cells}</w:tr>")
    tblpr = '<w:tblStyle w:val="TableGrid"/>' + ("<w:bidiVisual/>" if rtl else "")
    tblpr += '<w:tblW w:w="0" w:type="auto"/>'
    return (
        f"<w:tbl {W}><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"
    )


def _block_xml(block: Block, new_page: bool) -> str:
    if block.kind == "table":
        return _table(block.rows, block.lang)
    if block.kind == "title":
        return _paragraph(block.text, block.lang, size=28, bold=True, new_page=new_page)
    return _paragraph(block.text, block.lang, new_page=new_page)


PAGE_BREAK = f'<w:p {W}><w:r><w:br w:type="page"/></w:r></w:p>'
DEFAULTS = (
    f"<w:rPr {W}>"
    f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{LATIN_FONT}" w:cs="{ARABIC_FONT}"/>'
    '<w:sz w:val="21"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:bidi="ar-SA"/></w:rPr>'
)


def _set_defaults(document) -> None:
    """Noto Serif for Latin, Amiri for Arabic (the complex-script font), single spacing."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr_default.remove(rpr_default.find(qn("w:rPr")))
    rpr_default.append(parse_xml(DEFAULTS))
    spacing = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))[0]
    spacing.set(qn("w:after"), "100")
    spacing.set(qn("w:line"), "240")


def _set_page(document, lead: str) -> None:
    from docx.oxml import parse_xml
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin = section.bottom_margin = Mm(20)
    header = section.header._element
    for old in list(header):
        header.remove(old)
    header.append(parse_xml(_paragraph(HEADERS[lead], lead, size=16)))


def _set_properties(document, doc: Document, lead: str) -> None:
    import datetime as dt

    props = document.core_properties
    created = dt.datetime(doc.year, doc.month, doc.day, 9, 0, 0)
    props.title, props.author, props.last_modified_by = doc.title, doc.author, doc.author
    props.created = props.modified = created
    props.language = "ar-SA" if lead == "ar" else "en-GB"
    props.revision = 1
    props.comments = props.subject = props.keywords = props.category = ""


def docx_bytes(doc: Document, *, for_pdf: bool = False) -> bytes:
    """The document as DOCX, byte for byte the same for the same document.

    Pages are separated by a page break (`w:br`), which is how the DOCX extractor counts
    pages; `for_pdf` starts each page's first paragraph on a new page instead
    (`w:pageBreakBefore`), so that a page filled to the bottom does not leave a blank one."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    lead = "ar" if doc.language == "ar" else "en"
    _set_defaults(document)
    _set_page(document, lead)
    _set_properties(document, doc, lead)
    body = document.element.body
    sect = body.get_or_add_sectPr()
    for n, page in enumerate(doc.pages):
        if n and not for_pdf:
            sect.addprevious(parse_xml(PAGE_BREAK))
        for i, block in enumerate(page):
            sect.addprevious(parse_xml(_block_xml(block, new_page=for_pdf and n > 0 and i == 0)))
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same ZIP with fixed entry dates, so the same document gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


# -- PDF through LibreOffice -------------------------------------------------------------------
def soffice_version() -> str:
    try:
        out = subprocess.run(
            ["soffice", "--version"], capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable: {exc}"
    return out.stdout.strip()


def convert_batch(sources: list[Path], outdir: Path, profile: Path) -> None:
    """One soffice run converting many DOCX to PDF, with its own user profile."""
    command = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, sources),
    ]
    subprocess.run(
        command, capture_output=True, timeout=60 + 10 * len(sources), check=False, text=True
    )


def _convert_batches(batches: list[list[Path]], outdir: Path, jobs: int) -> None:
    """Run the batches, `jobs` soffice processes at a time, each with a profile of its own."""
    with tempfile.TemporaryDirectory(prefix="mediarch-bench-lo-") as tmp:
        profiles: queue.SimpleQueue[Path] = queue.SimpleQueue()
        for n in range(jobs):
            profiles.put(Path(tmp) / f"profile-{n}")

        def run(batch: list[Path]) -> None:
            profile = profiles.get()  # one soffice per profile at a time
            try:
                convert_batch(batch, outdir, profile)
            finally:
                profiles.put(profile)

        with ThreadPoolExecutor(jobs) as pool:
            list(pool.map(run, batches))


def convert_all(sources: list[Path], outdir: Path, jobs: int, log: Log) -> None:
    """Convert in batches of BATCH files, `jobs` soffice processes at a time; retry once
    what did not come out, then fail naming it."""
    outdir.mkdir(parents=True, exist_ok=True)
    for attempt in (1, 2):
        missing = [s for s in sources if not (outdir / f"{s.stem}.pdf").is_file()]
        if not missing:
            return
        batches = [missing[i : i + BATCH] for i in range(0, len(missing), BATCH)]
        log(f"soffice: {len(missing)} DOCX to PDF in {len(batches)} batches (attempt {attempt})")
        _convert_batches(batches, outdir, jobs)
    missing = [s.name for s in sources if not (outdir / f"{s.stem}.pdf").is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice made no PDF of {len(missing)} files: {missing[:5]}")


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


# -- the corpus --------------------------------------------------------------------------------
@dataclass
class Corpus:
    root: Path
    data: dict

    @property
    def files_dir(self) -> Path:
        return self.root / "files"

    @property
    def files(self) -> list[dict]:
        return self.data["files"]

    @property
    def totals(self) -> dict:
        return self.data["totals"]


def totals(files: Iterable[PlannedFile]) -> dict:
    files = list(files)
    by: dict[str, dict[str, int]] = {}
    for key in ("format", "language", "kind"):
        counts: dict[str, int] = {}
        for f in files:
            counts[getattr(f, key)] = counts.get(getattr(f, key), 0) + 1
        by[key] = dict(sorted(counts.items()))
    pdfs = [f for f in files if f.format == "pdf"]
    return {
        "files": len(files),
        "pdf_files": len(pdfs),
        "docx_files": len(files) - len(pdfs),
        "pages": sum(f.pages for f in files),
        "pdf_pages": sum(f.pages for f in pdfs),
        "docx_pages": sum(f.pages for f in files if f.format == "docx"),
        "pages_planned": sum(f.pages_planned for f in files),
        "pdf_pages_over_plan": sum(max(0, f.pages - f.pages_planned) for f in pdfs),
        "words": sum(f.words for f in files),
        "bytes": sum(f.bytes for f in files),
        "by_format": by["format"],
        "by_language": by["language"],
        "by_kind": by["kind"],
    }


def _reusable(out: Path, spec: CorpusSpec) -> Corpus | None:
    marker = out / "corpus.json"
    if not marker.is_file():
        return None
    data = json.loads(marker.read_text(encoding="utf-8"))
    if data.get("generator") != GENERATOR_VERSION or data.get("spec") != asdict(spec):
        return None
    files = out / "files"
    for f in data["files"]:
        path = files / f["path"]
        if not path.is_file() or path.stat().st_size != f["bytes"]:
            return None
    return Corpus(out, data)


def _clear(out: Path) -> None:
    """Remove what an earlier generation left; refuse a folder that is not a corpus."""
    ours = (out / "corpus.json").exists() or (out / "work").exists()
    if out.exists() and any(out.iterdir()) and not ours:
        raise SystemExit(f"{out}: not empty and not a benchmark corpus; choose another --out")
    for name in ("corpus.json", "files", "work"):
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def _write_documents(spec: CorpusSpec, out: Path, log: Log) -> list[tuple[PlannedFile, Path]]:
    """DOCX for every file: in files/ for the DOCX, in work/ for those that become PDFs."""
    written = []
    for index in range(spec.files):
        planned, document = plan_file(spec, index)
        data = docx_bytes(document, for_pdf=planned.format == "pdf")
        if planned.format == "docx":
            target = out / "files" / planned.path
            planned.pages, planned.bytes = len(document.pages), len(data)
        else:
            target = out / "work" / Path(planned.path).with_suffix(".docx").name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append((planned, target))
        if (index + 1) % 500 == 0:
            log(f"documents: {index + 1}/{spec.files}")
    return written


def _place_pdfs(written: list[tuple[PlannedFile, Path]], out: Path) -> None:
    converted = out / "work" / "pdf"
    for planned, source in written:
        if planned.format != "pdf":
            continue
        target = out / "files" / planned.path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(converted / f"{source.stem}.pdf", target)
        planned.pages, planned.bytes = pdf_pages(target), target.stat().st_size


def generate(spec: CorpusSpec, out: Path, *, convert_jobs: int = 2, log: Log = print) -> Corpus:
    started = time.monotonic()
    _clear(out)
    out.mkdir(parents=True, exist_ok=True)
    written = _write_documents(spec, out, log)
    documents_seconds = time.monotonic() - started
    sources = [source for planned, source in written if planned.format == "pdf"]
    clock = time.monotonic()
    convert_all(sources, out / "work" / "pdf", convert_jobs, log)
    convert_seconds = time.monotonic() - clock
    _place_pdfs(written, out)
    shutil.rmtree(out / "work")
    files = [planned for planned, _ in written]
    data = {
        "generator": GENERATOR_VERSION,
        "spec": asdict(spec),
        "soffice": soffice_version(),
        "seconds": {
            "documents": round(documents_seconds, 1),
            "soffice": round(convert_seconds, 1),
            "total": round(time.monotonic() - started, 1),
        },
        "totals": totals(files),
        "files": [asdict(f) for f in files],
    }
    tmp = out / "corpus.json.tmp"
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out / "corpus.json")
    return Corpus(out, data)


def ensure_corpus(
    spec: CorpusSpec, out: Path, *, convert_jobs: int = 2, log: Log = print
) -> Corpus:
    """The corpus in `out`: reused when it was made with the same parameters, else made."""
    corpus = _reusable(out, spec)
    if corpus is not None:
        log(f"corpus: reusing {out} ({corpus.totals['files']} files)")
        return corpus
    log(f"corpus: generating {spec.files} files in {out}")
    return generate(spec, out, convert_jobs=convert_jobs, log=log)


def default_out(files: int) -> Path:
    return CACHE / f"ingest-{files}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000, help="how many files (default 2000)")
    parser.add_argument("--out", type=Path, help="the corpus folder (bench/.cache/ingest-N)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--convert-jobs", type=int, default=2, help="soffice processes at a time (default 2)"
    )
    args = parser.parse_args(argv)
    spec = CorpusSpec(files=args.files, seed=args.seed)
    corpus = ensure_corpus(
        spec, args.out or default_out(args.files), convert_jobs=args.convert_jobs
    )
    print(json.dumps(corpus.totals, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
