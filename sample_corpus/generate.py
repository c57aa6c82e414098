"""Generate the mediarch sample corpus: documents, manifest, authority files and traps.

Everything under sample_corpus/ except this script, content/ and README.md is written
by it, from the invented content in content/. Run from the repository root:

    python sample_corpus/generate.py            # regenerate and validate
    python sample_corpus/generate.py --no-check # regenerate only

Needs: LibreOffice (soffice) for DOCX -> PDF, poppler (pdftoppm) for the scanned page,
and the Python packages python-docx, fpdf2, arabic-reshaper, python-bidi, Pillow,
pdfminer.six (trap checks) and jsonschema (schema checks).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import email.policy
import hashlib
import importlib.util
import io
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from content import AGENTS, CANARIES, PROCESSES, RECORDS, SESSIONS, UNLISTED

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
SCHEMA_DIR = HERE.parent / "metadata_schema"
TODAY = dt.date(2026, 11, 29)
# Fixed date for container timestamps (DOCX zip entries); documents use their own date.
SOURCE_DATE = dt.datetime(2026, 11, 1, 12, 0, 0, tzinfo=dt.UTC)
ZIP_DATE = SOURCE_DATE.timetuple()[:6]
AMIRI = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"
AMIRI_BOLD = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Bold.ttf"
CS_FONT = "Noto Naskh Arabic"
LATIN_FONT = "Noto Serif"
EXT = {
    "lo_pdf": "pdf",
    "legacy_pdf": "pdf",
    "scan": "pdf",
    "docx": "docx",
    "txt": "txt",
    "eml": "eml",
}
# fmt: off
MANIFEST_HEADER = [
    "file", "identifier", "title_en", "title_ar", "date", "process", "session", "document_type",
    "languages", "status", "access", "embargo_until", "description_visibility", "agents",
    "subjects", "abstract_en", "abstract_ar", "places", "redact",
]
# fmt: on
ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
# A Latin run inside an Arabic paragraph: letters, with inner spaces/punctuation.
LATIN_RUN_RE = re.compile(
    r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u02BF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u02BF0-9 .,'’()&-]*"
    r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u02BF0-9.)]|[A-Za-z]"
)
# Child order of w:pPr and w:rPr (ECMA-376): elements added by hand must follow it.
# fmt: off
PPR_ORDER = tuple("w:" + t for t in [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
])
RPR_ORDER = tuple("w:" + t for t in [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
])
# fmt: on
REQUIRED_MODULES = {
    "docx": "python-docx",
    "fpdf": "fpdf2",
    "arabic_reshaper": "arabic-reshaper",
    "bidi": "python-bidi",
    "PIL": "Pillow",
}


# --------------------------------------------------------------------------- helpers


def require_tools() -> None:
    """Stop with a clear message if a needed tool or package is missing."""
    missing = [
        f"{cmd} ({pkg})"
        for cmd, pkg in (
            ("soffice", "apt: libreoffice-writer-nogui"),
            ("pdftoppm", "apt: poppler-utils"),
        )
        if shutil.which(cmd) is None
    ]
    missing += [
        f"Python package {pkg}"
        for mod, pkg in REQUIRED_MODULES.items()
        if importlib.util.find_spec(mod) is None
    ]
    if not (SCHEMA_DIR / "thesaurus.json").exists():
        missing.append(f"{SCHEMA_DIR / 'thesaurus.json'} (subject codes are checked against it)")
    for font in (AMIRI, AMIRI_BOLD):
        if not Path(font).exists():
            missing.append(f"font {font} (apt: fonts-hosny-amiri)")
    if missing:
        sys.exit("generate.py: missing:\n  " + "\n  ".join(missing))


def is_rtl(text: str) -> bool:
    """True if the first strong character of text is Arabic."""
    for ch in text:
        if ARABIC_RE.match(ch):
            return True
        if LATIN_RE.match(ch):
            return False
    return False


def parse_body(body: str) -> list[tuple[str, str]]:
    """Split light markup into blocks (h1, h2, li, p, pb)."""
    blocks: list[tuple[str, str]] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        lines = [ln.strip() for ln in chunk.strip().split("\n")]
        if lines == ["---"]:
            blocks.append(("pb", ""))
        elif all(ln.startswith("- ") for ln in lines):
            blocks.extend(("li", ln[2:]) for ln in lines)
        elif lines[0].startswith("## "):
            blocks.append(("h2", " ".join(lines)[3:]))
        elif lines[0].startswith("# "):
            blocks.append(("h1", " ".join(lines)[2:]))
        else:
            blocks.append(("p", "\n".join(lines)))
    return blocks


def record_path(rec: dict[str, Any]) -> str:
    """Path of a record's file relative to files/."""
    return f"{rec['process']}/{rec.get('file_name') or rec['id'] + '.' + EXT[rec['fmt']]}"


def record_datetime(rec: dict[str, Any]) -> dt.datetime:
    """A fixed timestamp derived from the record's (possibly partial) date."""
    parts = [int(p) for p in rec["date"].split("-")] + [1, 1]
    return dt.datetime(parts[0], parts[1], parts[2], 9, 0, tzinfo=dt.UTC)


def main_title(rec: dict[str, Any]) -> str:
    """Title in the record's first language."""
    first = rec["langs"][0]
    return rec.get(f"title_{first}") or rec.get("title_en") or rec["title_ar"]


# --------------------------------------------------------------------------- DOCX


def _sort_children(element: Any, tag_seq: tuple[str, ...]) -> None:
    """Put child elements in the order the OOXML schema requires."""
    from docx.oxml.ns import qn

    rank = {qn(tag): i for i, tag in enumerate(tag_seq)}
    children = sorted(element, key=lambda el: rank.get(el.tag, len(rank)))
    for child in children:
        element.remove(child)
        element.append(child)


def _set_rtl_paragraph(par: Any) -> None:
    """Mark a python-docx paragraph as right-to-left (w:bidi)."""
    from docx.oxml import OxmlElement

    ppr = par._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    _sort_children(ppr, PPR_ORDER)


def _style_run(run: Any, rtl: bool, size: float, bold: bool) -> None:
    """Fonts for Latin and complex script, size, and w:rtl for Arabic runs."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, val in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:cs", CS_FONT)):
        fonts.set(qn(attr), val)
    if rtl:
        fonts.set(qn("w:hint"), "cs")
        if bold:
            rpr.append(OxmlElement("w:bCs"))
        szcs = OxmlElement("w:szCs")
        szcs.set(qn("w:val"), str(int(size * 2)))
        rpr.append(szcs)
        rpr.append(OxmlElement("w:rtl"))
        lang = OxmlElement("w:lang")
        lang.set(qn("w:bidi"), "ar-SA")
        rpr.append(lang)
        _sort_children(rpr, RPR_ORDER)


def _runs(text: str, rtl_par: bool) -> list[tuple[str, bool]]:
    """Split a paragraph into (text, is_rtl) runs; Latin runs inside Arabic stay LTR."""
    if not rtl_par:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in LATIN_RUN_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], True))
        out.append((m.group(0), False))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], True))
    return out


def _add_block(doc: Any, kind: str, text: str, base: float) -> None:
    """Append one block of the body to a python-docx Document."""
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    if kind == "pb":
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        return
    rtl = is_rtl(text)
    size, bold = {"h1": (base + 3.5, True), "h2": (base + 1, True)}.get(kind, (base, False))
    par = doc.add_paragraph()
    par.paragraph_format.space_after = Pt(4 if kind == "li" else 7)
    if kind in ("h1", "h2"):
        par.paragraph_format.space_before = Pt(10)
        par.paragraph_format.keep_with_next = True
    if rtl:
        _set_rtl_paragraph(par)
    if kind == "li":
        text = "• " + text
    for i, line in enumerate(text.split("\n")):
        if i:
            par.add_run().add_break()
        for chunk, chunk_rtl in _runs(line, rtl):
            _style_run(par.add_run(chunk), chunk_rtl, size, bold)


def build_docx(rec: dict[str, Any], out: Path) -> None:
    """Write a record's body as DOCX with core properties set."""
    import docx
    from docx.shared import Cm

    doc = docx.Document()
    for section in doc.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.3)
    base = 14.0 if rec["fmt"] == "scan" else 11.5  # a letter to be scanned: larger type
    for kind, text in parse_body(rec["body"]):
        _add_block(doc, kind, text, base)
    props = doc.core_properties
    props.title = main_title(rec)
    props.author = next(
        (n for role in ("author", "rapporteur", "convener") for n, r in rec["agents"] if r == role),
        rec["agents"][0][0],
    )
    props.created = props.modified = record_datetime(rec).replace(tzinfo=None)
    props.last_modified_by = "mediarch sample corpus"
    props.language = "ar-SA" if rec["langs"][0] == "ar" else "en-GB"
    props.subject = next(p["name_en"] for p in PROCESSES if p["id"] == rec["process"])
    labels = thesaurus_labels(rec["langs"][0])
    props.keywords = "; ".join(labels[code] for code in rec["subjects"])
    props.revision = 1
    for name, value in rec.get("props", {}).items():  # a record's own properties win
        setattr(props, name, value)
    doc.save(str(out))
    normalise_zip(out)


def thesaurus_labels(lang: str) -> dict[str, str]:
    """Preferred thesaurus labels by code in one language."""
    data = json.loads((SCHEMA_DIR / "thesaurus.json").read_text(encoding="utf-8"))
    return {c["code"]: c["pref"][lang] for c in data["concepts"]}


def normalise_zip(path: Path) -> None:
    """Rewrite a zip container with fixed timestamps so output is stable."""
    with zipfile.ZipFile(path) as zin:
        entries = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries:
            zout.writestr(
                zipfile.ZipInfo(name, date_time=ZIP_DATE), data, compress_type=zipfile.ZIP_DEFLATED
            )


# --------------------------------------------------------------------------- LibreOffice PDF


def soffice_convert(docx_files: list[Path], outdir: Path, profile: Path) -> None:
    """Convert DOCX files to PDF with one headless LibreOffice run."""
    cmd = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, docx_files),
    ]
    res = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=900)
    missing = [p for p in docx_files if not (outdir / (p.stem + ".pdf")).exists()]
    if res.returncode or missing:
        sys.exit(f"soffice failed ({res.returncode}): {res.stderr}\nmissing: {missing}")


def stabilise_pdf(path: Path, when: dt.datetime, seed: str) -> None:
    """Replace creation/modification dates and the file ID in place (same lengths)."""
    data = path.read_bytes()
    stamp = when.strftime("%Y%m%d%H%M%S").encode()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", lambda m: m.group(1) + stamp, data)
    digest = hashlib.md5(seed.encode()).hexdigest().upper().encode()
    data = re.sub(
        rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>",
        b"/ID [ <" + digest + b"> <" + digest + b">",
        data,
    )
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", b"/DocChecksum /" + digest, data)
    path.write_bytes(data)


# --------------------------------------------------------------------------- legacy PDF


def _visual(text: str) -> str:
    """Arabic shaped into presentation forms and reordered visually (the legacy way)."""
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def _wrap_logical(pdf: Any, text: str, width: float) -> list[str]:
    """Wrap logical-order text into lines whose visual form fits width."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and pdf.get_string_width(_visual(trial)) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def build_legacy_pdf(rec: dict[str, Any], out: Path) -> None:
    """Write a PDF the legacy way: fpdf2 with Amiri, no shaping engine."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("Amiri", "", AMIRI)
    pdf.add_font("Amiri", "B", AMIRI_BOLD)
    pdf.set_title(main_title(rec))
    pdf.set_author("mediarch sample corpus")
    pdf.set_creator("legacy Arabic typesetting (reshaper + bidi)")
    pdf.set_creation_date(record_datetime(rec))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for kind, text in parse_body(rec["body"]):
        if kind == "pb":
            pdf.add_page()
            continue
        size, style = {"h1": (17, "B"), "h2": (14, "B")}.get(kind, (13, ""))
        pdf.set_font("Amiri", style, size)
        if kind in ("h1", "h2"):
            pdf.ln(3)
        text = ("• " + text) if kind == "li" else text
        for raw in text.split("\n"):
            _legacy_lines(pdf, raw, width, size)
        pdf.ln(2)
    pdf.output(str(out))


def _legacy_lines(pdf: Any, text: str, width: float, size: float) -> None:
    """Draw one paragraph line by line, right-aligned if Arabic."""
    height = size * 0.62
    if not is_rtl(text):
        pdf.multi_cell(width, height, text, align="L", new_x="LMARGIN", new_y="NEXT")
        return
    for line in _wrap_logical(pdf, text, width):
        pdf.cell(width, height, _visual(line), align="R", new_x="LMARGIN", new_y="NEXT")


# --------------------------------------------------------------------------- scan


def build_scan(pdf_in: Path, out: Path, rec: dict[str, Any]) -> None:
    """Render page 1 at 300 dpi grey, tilt ~0.5°, add light noise, save image-only PDF."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "300",
                "-gray",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf_in),
                f"{tmp}/page",
            ],
            check=True,
        )
        page = Image.open(next(Path(tmp).glob("page*.png"))).convert("L")
        page.load()
    rnd = random.Random(rec["id"])
    _sign(page, rnd)
    page = page.rotate(0.5, resample=Image.Resampling.BICUBIC, fillcolor=250)
    tile = Image.frombytes("L", (256, 256), rnd.randbytes(256 * 256))
    noise = Image.new("L", page.size)
    for x in range(0, page.width, 256):
        for y in range(0, page.height, 256):
            noise.paste(tile.rotate(90 * rnd.randrange(4)), (x, y))
    page = Image.blend(page, noise, 0.07)
    for _ in range(400):  # dust specks
        x, y = rnd.randrange(page.width - 3), rnd.randrange(page.height - 3)
        page.paste(rnd.randrange(40, 140), (x, y, x + rnd.randrange(1, 4), y + rnd.randrange(1, 4)))
    when = record_datetime(rec).timetuple()
    page.save(
        out,
        "PDF",
        resolution=300,
        quality=55,
        title=main_title(rec),
        creationDate=when,
        modDate=when,
        producer="scanner",
    )


def _sign(page: Any, rnd: random.Random) -> None:
    """Draw a pen signature below the last line of text."""
    from PIL import ImageDraw, ImageOps

    bbox = ImageOps.invert(page).point(lambda v: 255 if v > 96 else 0).getbbox()
    bottom = bbox[3] if bbox else page.height // 2
    x, y = page.width * 0.55, bottom + 90
    points = []
    for i in range(60):
        points.append((x + i * 9, y + 40 * rnd.uniform(-1, 1) * (1 if i % 7 else 1.8)))
    ImageDraw.Draw(page).line(points, fill=45, width=5, joint="curve")


# --------------------------------------------------------------------------- text and e-mail


def build_txt(rec: dict[str, Any], out: Path) -> None:
    """Plain text in the record's encoding (cp1256 and UTF-16 with CRLF line ends)."""
    text = rec["body"].strip("\n") + "\n"
    if rec["enc"] in ("cp1256", "utf-16"):
        text = text.replace("\n", "\r\n")
    out.write_bytes(text.encode(rec["enc"]))


def _addresses(pairs: Iterable[tuple[str, str]]) -> list[Address]:
    """Header addresses from (display name, address) pairs."""
    return [Address(display_name=name, addr_spec=addr) for name, addr in pairs]


def build_eml(rec: dict[str, Any], out: Path) -> None:
    """An RFC 5322 message; Arabic ones get RFC 2047 headers and a base64 UTF-8 body."""
    meta = rec["eml"]
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = _addresses([meta["from"]])
    msg["To"] = _addresses(meta["to"])
    if meta.get("cc"):
        msg["Cc"] = _addresses(meta["cc"])
    msg["Subject"] = meta["subject"]
    msg["Date"] = dt.datetime.fromisoformat(meta["date"])
    msg["Message-ID"] = meta["message_id"]
    msg["Content-Language"] = rec["langs"][0]
    cte = "base64" if rec["langs"][0] == "ar" else "quoted-printable"
    msg.set_content(rec["body"].strip("\n") + "\n", charset="utf-8", cte=cte)
    for name, text, media_type in meta.get("attachments", []):
        maintype, subtype = media_type.split("/")
        msg.add_attachment(text.encode("utf-8"), maintype, subtype, filename=name)
    out.write_bytes(msg.as_bytes())


# --------------------------------------------------------------------------- metadata files


def agent_cell(agents: list[tuple[str, str]]) -> str:
    """Manifest agents cell: 'Name (role); Name (role)'."""
    return "; ".join(f"{name} ({role})" for name, role in agents)


def manifest_row(rec: dict[str, Any]) -> list[str]:
    """One manifest row in MANIFEST_HEADER order."""
    values = {
        "file": record_path(rec),
        "identifier": rec["id"],
        "title_en": rec.get("title_en", ""),
        "title_ar": rec.get("title_ar", ""),
        "date": rec.get("date", ""),
        "process": rec["process"],
        "session": rec.get("session", ""),
        "document_type": rec["type"],
        "languages": ";".join(rec["langs"]),
        "status": rec.get("status", "published"),
        "access": rec.get("access", "public"),
        "embargo_until": rec.get("embargo", ""),
        "description_visibility": rec.get("vis", "listed"),
        "agents": agent_cell(rec["agents"]),
        "subjects": ";".join(rec["subjects"]),
        "abstract_en": rec.get("abstract_en", ""),
        "abstract_ar": rec.get("abstract_ar", ""),
        "places": ";".join(rec.get("places", [])),
        "redact": "; ".join(rec.get("redact", [])),
    }
    return [values[k] for k in MANIFEST_HEADER]


def write_manifest() -> None:
    """manifest.csv: UTF-8 with BOM, comma separated."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(MANIFEST_HEADER)
    for rec in RECORDS:
        writer.writerow(manifest_row(rec))
    (HERE / "manifest.csv").write_bytes(buf.getvalue().encode("utf-8-sig"))


def write_json(name: str, data: Any) -> None:
    """Pretty UTF-8 JSON next to the manifest."""
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    (HERE / name).write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- traps

HARAKAT_RE = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
LETTERS_RE = re.compile(r"^[\u0621-\u063A\u0641-\u064A]{4,}$")


def candidate_words(text: str) -> list[str]:
    """Arabic words usable as trap probes, most frequent first."""
    counts: Counter[str] = Counter()
    for token in re.split(r"[\s\u060C\u061B\u061F.,:;!?()\[\]«»\"'/–—-]+", text):
        if LETTERS_RE.match(token) and not re.search("ل[اأإآ]", token) and token != token[::-1]:
            counts[token] += 1
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))]


def pdf_text(path: Path) -> str:
    """Text layer as pdfminer.six sees it."""
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def pick_trap_words(rec: dict[str, Any], path: Path, trap: str) -> list[str]:
    """Choose 3–5 Arabic words that the trap test can rely on."""
    words = candidate_words(rec["body"])
    if trap == "libreoffice_arabic_pdf":
        text = pdf_text(path)
        words = [w for w in words if w[::-1] in text and w not in text]
    elif trap == "legacy_pdf":
        repaired = repair_legacy(pdf_text(path))
        words = [w for w in words if w in repaired]
    chosen = words[:4]
    if len(chosen) < 3:
        sys.exit(f"trap {path.name}: only {chosen} usable")
    return chosen


def repair_legacy(text: str) -> str:
    """Visual presentation-form text back to logical letters (line-wise)."""
    import unicodedata

    lines = [ln[::-1] if ARABIC_RE.search(ln) else ln for ln in text.split("\n")]
    return unicodedata.normalize("NFKC", "\n".join(lines))


# --------------------------------------------------------------------------- build


def build_all() -> list[dict[str, Any]]:
    """Write every document; return the traps list."""
    if FILES.exists():
        shutil.rmtree(FILES)
    traps: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="mediarch-corpus-") as tmpdir:
        tmp = Path(tmpdir)
        pending: list[tuple[dict[str, Any], Path]] = []
        for rec in RECORDS:
            out = FILES / record_path(rec)
            out.parent.mkdir(parents=True, exist_ok=True)
            fmt = rec["fmt"]
            if fmt in ("lo_pdf", "scan"):
                build_docx(rec, tmp / f"{rec['id']}.docx")
                pending.append((rec, out))
            elif fmt == "docx":
                build_docx(rec, out)
            elif fmt == "legacy_pdf":
                build_legacy_pdf(rec, out)
                traps.append(trap_entry(rec, out, "legacy_pdf"))
            elif fmt == "txt":
                build_txt(rec, out)
            elif fmt == "eml":
                build_eml(rec, out)
        print(f"converting {len(pending)} DOCX with LibreOffice ...", flush=True)
        soffice_convert(
            [tmp / f"{r['id']}.docx" for r, _ in pending], tmp / "pdf", tmp / "lo-profile"
        )
        for rec, out in pending:
            made = tmp / "pdf" / f"{rec['id']}.pdf"
            if rec["fmt"] == "scan":
                build_scan(made, out, rec)
                traps.append(trap_entry(rec, out, "scan"))
                continue
            shutil.move(made, out)
            stabilise_pdf(out, record_datetime(rec), rec["id"])
            if "ar" in rec["langs"]:
                traps.append(trap_entry(rec, out, "libreoffice_arabic_pdf"))
    unlisted = FILES / UNLISTED["path"]
    unlisted.parent.mkdir(parents=True, exist_ok=True)
    unlisted.write_text(UNLISTED["text"], encoding="utf-8")
    return sorted(traps, key=lambda t: t["file"])


def trap_entry(rec: dict[str, Any], out: Path, trap: str) -> dict[str, Any]:
    """traps.json entry for one file."""
    words = candidate_words(rec["body"])[:4] if trap == "scan" else pick_trap_words(rec, out, trap)
    return {"file": record_path(rec), "trap": trap, "arabic_words": words}


# --------------------------------------------------------------------------- validation


def load_vocab(name: str) -> dict[str, str]:
    """Map every code and label of a vocabulary to its code."""
    terms = json.loads((SCHEMA_DIR / "vocabularies" / f"{name}.json").read_text(encoding="utf-8"))[
        "terms"
    ]
    return {key: t["code"] for t in terms for key in (t["code"], t["en"], t["ar"])}


def check(traps: list[dict[str, Any]]) -> list[str]:
    """Validate the generated corpus; return a list of problems."""
    problems: list[str] = []
    problems += check_manifest()
    problems += check_schemas()
    problems += check_traps(traps)
    problems += check_canaries()
    return problems


def check_canaries() -> list[str]:
    """Each canary stands in its own record and in no other record or authority file."""
    errs: list[str] = []
    others = {rec["id"]: json.dumps(rec, ensure_ascii=False).casefold() for rec in RECORDS}
    authorities = json.dumps([AGENTS, PROCESSES, SESSIONS], ensure_ascii=False).casefold()
    for canary in CANARIES:
        word, home = canary["word"].casefold(), canary["record"].removesuffix("-attachment-1")
        if word not in others.get(home, ""):
            errs.append(f"canary {canary['word']!r} is not in its record {home}")
        errs += [
            f"canary {canary['word']!r} also stands in {rid}"
            for rid, text in others.items()
            if rid != home and word in text
        ]
        if word in authorities:
            errs.append(f"canary {canary['word']!r} stands in an authority file")
    return errs


def check_manifest() -> list[str]:
    """Files, identifiers, vocabularies, thesaurus, process/session references."""
    errs: list[str] = []
    vocab = {
        n: load_vocab(n)
        for n in (
            "document_types",
            "languages",
            "publication_status",
            "audiences",
            "description_visibility",
            "agent_roles",
        )
    }
    thesaurus = {
        c["code"]
        for c in json.loads((SCHEMA_DIR / "thesaurus.json").read_text(encoding="utf-8"))["concepts"]
    }
    sessions = {s["id"]: s["process"] for s in SESSIONS}
    processes = {p["id"] for p in PROCESSES}
    with open(HERE / "manifest.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if list(rows[0].keys()) != MANIFEST_HEADER:
        errs.append("manifest header differs")
    seen: set[str] = set()
    date_re = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for row in rows:
        ident = row["identifier"]
        errs += [f"{ident}: {e}" for e in check_row(row, vocab, thesaurus, sessions, processes)]
        if ident in seen or not re.match(r"^[a-z0-9][a-z0-9._-]{0,99}$", ident):
            errs.append(f"{ident}: duplicate or bad identifier")
        seen.add(ident)
        if row["date"] and not date_re.match(row["date"]):
            errs.append(f"{ident}: bad date")
    on_disk = {p.relative_to(FILES).as_posix() for p in FILES.rglob("*") if p.is_file()}
    listed = {r["file"] for r in rows}
    errs += [f"missing file {f}" for f in listed - on_disk]
    errs += [f"file without row {f}" for f in on_disk - listed - {UNLISTED["path"]}]
    return errs


def check_row(
    row: dict[str, str],
    vocab: dict[str, dict[str, str]],
    thesaurus: set[str],
    sessions: dict[str, str],
    processes: set[str],
) -> list[str]:
    """Vocabulary and reference checks for one manifest row."""
    errs: list[str] = []
    for col, name in (
        ("document_type", "document_types"),
        ("status", "publication_status"),
        ("access", "audiences"),
        ("description_visibility", "description_visibility"),
    ):
        if row[col] not in vocab[name]:
            errs.append(f"{col} {row[col]!r} not in {name}")
    errs += [f"language {x}" for x in row["languages"].split(";") if x not in vocab["languages"]]
    errs += [f"subject {x}" for x in row["subjects"].split(";") if x not in thesaurus]
    for agent in row["agents"].split("; "):
        m = re.match(r"^(.+) \(([^()]+)\)$", agent)
        if not m or m.group(2) not in vocab["agent_roles"]:
            errs.append(f"agent {agent!r}")
    if row["process"] not in processes:
        errs.append(f"process {row['process']}")
    if row["session"] and sessions.get(row["session"]) != row["process"]:
        errs.append(f"session {row['session']}")
    if row["embargo_until"] and not re.match(r"^\d{4}-\d{2}-\d{2}$", row["embargo_until"]):
        errs.append("embargo date")
    return errs


def check_schemas() -> list[str]:
    """Validate processes/sessions/agents/records with jsonschema and cross references."""
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        return ["jsonschema not installed: schema checks skipped"]
    errs: list[str] = []
    agent_ids = {a["id"] for a in AGENTS}
    docs = {
        "agent": AGENTS,
        "process": PROCESSES,
        "session": SESSIONS,
        "record": [record_object(r) for r in RECORDS],
    }
    for name, items in docs.items():
        validator = Draft202012Validator(
            json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        )
        for item in items:
            errs += [
                f"{name} {item.get('id') or item.get('identifier')}: {e.message}"
                for e in validator.iter_errors(item)
            ]
    for p in PROCESSES:
        refs = [p["convener"]] + [m["agent"] for m in p["mediators"]]
        errs += [f"process {p['id']}: unknown agent {a}" for a in refs if a not in agent_ids]
    for s in SESSIONS:
        refs = [i["agent"] for i in s.get("interpretation", {}).get("interpreters", [])]
        errs += [f"session {s['id']}: unknown agent {a}" for a in refs if a not in agent_ids]
    return errs


def record_object(rec: dict[str, Any]) -> dict[str, Any]:
    """A record as a record.schema.json object (labels mapped to codes)."""
    doc_types, audiences = load_vocab("document_types"), load_vocab("audiences")
    roles = load_vocab("agent_roles")
    obj: dict[str, Any] = {
        "identifier": rec["id"],
        "document_type": doc_types[rec["type"]],
        "languages": rec["langs"],
        "status": rec.get("status", "published"),
        "access": audiences[rec.get("access", "public")],
        "description_visibility": rec.get("vis", "listed"),
        "process": rec["process"],
        "agents": [{"name": n, "role": roles[r]} for n, r in rec["agents"]],
        "subjects": rec["subjects"],
        "places": rec.get("places", []),
    }
    for key, field in (
        ("title_en", "title_en"),
        ("title_ar", "title_ar"),
        ("date", "date"),
        ("session", "session"),
        ("embargo", "embargo_until"),
        ("abstract_en", "abstract_en"),
        ("abstract_ar", "abstract_ar"),
    ):
        if rec.get(key):
            obj[field] = rec[key]
    return obj


def check_traps(traps: list[dict[str, Any]]) -> list[str]:
    """Re-check each trap the way the tests will."""
    errs: list[str] = []
    for trap in traps:
        text = pdf_text(FILES / trap["file"])
        kind, words = trap["trap"], trap["arabic_words"]
        if kind == "libreoffice_arabic_pdf":
            errs += [f"{trap['file']}: {w}" for w in words if w[::-1] not in text or w in text]
        elif kind == "legacy_pdf" and not re.search("[\ufb50-\ufeff]", text):
            errs.append(f"{trap['file']}: no presentation forms")
        elif kind == "scan" and text.strip():
            errs.append(f"{trap['file']}: has a text layer")
    return errs


def summary() -> str:
    """Counts by language, format, type and access case."""
    lang = Counter(";".join(r["langs"]) for r in RECORDS)
    fmt = Counter(r["fmt"] + (f"/{r['enc']}" if r.get("enc") else "") for r in RECORDS)
    dtype = Counter(load_vocab("document_types")[r["type"]] for r in RECORDS)
    cases: Counter[str] = Counter()
    for r in RECORDS:
        emb = r.get("embargo")
        if emb:
            cases["embargo_future" if dt.date.fromisoformat(emb) > TODAY else "embargo_past"] += 1
        cases["access=" + load_vocab("audiences")[r.get("access", "public")]] += 1
        cases["status=" + r.get("status", "published")] += 1
        cases["visibility=" + r.get("vis", "listed")] += 1
    return "\n".join(
        f"{title}: {dict(sorted(c.items()))}"
        for title, c in (("languages", lang), ("formats", fmt), ("types", dtype), ("cases", cases))
    )


def main() -> None:
    """Regenerate everything, then validate unless --no-check."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-check", action="store_true", help="skip validation")
    args = parser.parse_args()
    require_tools()
    traps = build_all()
    write_manifest()
    write_json("processes.json", PROCESSES)
    write_json("sessions.json", SESSIONS)
    write_json("agents.json", AGENTS)
    write_json("traps.json", traps)
    write_json("canaries.json", CANARIES)
    print(f"wrote {len(RECORDS)} records, {len(traps)} traps under {HERE}")
    print(summary())
    if args.no_check:
        return
    problems = check(traps)
    if problems:
        sys.exit("validation failed:\n  " + "\n  ".join(problems))
    print("validation: OK")


if __name__ == "__main__":
    main()
