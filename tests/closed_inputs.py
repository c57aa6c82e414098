"""A small deposit in which every place a depositor can put closed content holds an invented
word: the input of the noninterference test and of the tests of what ingest derives.

`build(folder, words)` writes the files (text, DOCX made by python-docx, a PDF made from a DOCX
by LibreOffice, an e-mail with an attachment), the manifest and the authority files. `words`
maps each slot to its word; `variant(name)` gives the words of one variant. Two variants that
differ only in the `CLOSED` slots differ only in what neither the public nor readers may read;
two that differ only in the `READER` slots differ only in what readers may read and the public
may not. Everything else (the public records, the authorities they name) is the same.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import tempfile
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx

# Slots closed to the public and to readers: (slot, script) — where each hides is in build().
CLOSED = (
    ("head_passage", "latin"),  # a redacted passage in the first line of a public record
    ("name_passage", "latin"),  # a redacted name in a public record, an authority agent's name
    ("arabic_passage", "arabic"),  # a redacted Arabic passage in a public record
    ("memo_title", "latin"),  # the first line of a closed record with no title in the manifest
    ("memo_title_ar", "arabic"),  # the same in Arabic
    ("memo_body", "latin"),
    ("closed_agent", "latin"),  # an authority agent named only by a closed record
    ("closed_affiliation", "latin"),
    ("docx_title", "latin"),  # a closed DOCX's Title property, no title in the manifest
    ("docx_author", "latin"),
    ("docx_keyword", "latin"),
    ("docx_body", "latin"),
    ("pdf_title", "latin"),  # a closed PDF's Title (document information)
    ("pdf_body", "latin"),
    ("subject", "latin"),  # a closed e-mail's Subject, no title in the manifest
    ("sender", "latin"),
    ("attachment_name", "latin"),
    ("attachment_body", "latin"),
    ("hidden_title", "latin"),  # a hidden record: its title, body, process, session, agent
    ("hidden_body", "latin"),
    ("hidden_process", "latin"),
    ("hidden_agent", "latin"),
    ("admin_title", "latin"),  # a record kept for admins
    ("admin_body", "latin"),
    ("admin_agent", "latin"),
    ("admin_process", "latin"),
    ("admin_authority", "latin"),  # an authority-file agent that only that record names
    ("draft_body", "latin"),  # a draft
    ("embargo_body", "latin"),  # listed, embargoed: body, abstract, place
    ("embargo_abstract", "latin"),
    ("embargo_place", "latin"),
    ("withdrawn_body", "latin"),  # withdrawn before the public ever saw it
    ("taught_ar", "arabic"),  # a closed bilingual text pairs these with river and نهر
    ("taught_en", "latin"),  # (translations learned from the depository's own records)
)
# Slots readers may read and the public may not.
READER = (
    ("reader_title", "latin"),  # a reader-level record's first line, no title in the manifest
    ("reader_body", "latin"),
    ("reader_agent", "latin"),  # an agent named only by that record
    ("reader_docx_title", "latin"),
)
# The dates and document types a closed record's text gives (guessed at ingest).
GUESSES = {
    "a": ("12 March 2019", "Summary record of the meeting of the working group."),
    "b": ("4 June 2021", "Joint statement of the parties to the working group."),
}

_LATIN = ["kor", "vel", "tan", "mir", "bex", "qua", "dro", "zin", "pel", "sur", "nox", "lim"]
_ARABIC = ["زم", "رق", "طل", "فن", "سب", "خو", "دج", "غل", "بر", "تك", "شظ", "ضث"]


def _word(slot_no: int, variant_no: int, script: str) -> str:
    """A word no other slot or variant has: three syllables spelling a number of its own."""
    n = slot_no * 4 + variant_no  # below 12 ** 3: distinct numbers, distinct words
    syllables = _LATIN if script == "latin" else _ARABIC
    digits = (n % 12, (n // 12 + n) % 12, (n // 144 + 3 * n) % 12)  # n can be read back
    word = "".join(syllables[(d + 5 * i) % 12] for i, d in enumerate(digits))
    return word.capitalize() + "ax" if script == "latin" else word + "ان"


def variant(closed: str = "a", reader: str = "a") -> dict[str, str]:
    """The words of one variant: `closed` names the closed slots' set, `reader` the reader
    slots'. Every word is invented, and no two slots or variants share one."""
    words = {}
    for n, (slot, script) in enumerate(CLOSED):
        words[slot] = _word(n, "abc".index(closed) + 1, script)
    for n, (slot, script) in enumerate(READER, start=len(CLOSED)):
        words[slot] = _word(n, "abc".index(reader) + 1, script)
    words["guess"] = closed
    return words


def all_words() -> set[str]:
    """Every invented word of every variant (for the check that none repeats)."""
    return {w for c in "abc" for r in "abc" for k, w in variant(c, r).items() if k != "guess"}


PUBLIC_AGENTS = [
    {
        "id": "amira-solend",
        "kind": "person",
        "authorised_name": "Amira Solend",
        "parallel_names": [{"name": "أميرة سولند", "lang": "ar"}],
        "affiliation_en": "Harbour Institute",
    },
    {
        "id": "rivermark-foundation",
        "kind": "organisation",
        "authorised_name": "Rivermark Foundation",
    },
]


def _docx(path: Path, paragraphs: list[str], **properties: str) -> None:
    """A DOCX whose bytes depend on its words only (its zip's timestamps fixed): two builds
    of the same public file are the same file."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for key, value in properties.items():
        setattr(document.core_properties, key, value)
    document.save(path)
    with zipfile.ZipFile(path) as built:
        entries = [(i.filename, built.read(i.filename)) for i in built.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as stable:
        for name, data in entries:
            stable.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)


def _pdf(path: Path, paragraphs: list[str], **properties: str) -> None:
    """A PDF made by LibreOffice from a DOCX, which carries the properties into the PDF's
    document information."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        _docx(source, paragraphs, **properties)
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", "pdf", "--outdir", tmp, str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        shutil.move(Path(tmp) / (path.stem + ".pdf"), path)


def _email(path: Path, w: dict[str, str]) -> None:
    message = EmailMessage()
    message["Subject"] = f"{w['subject']} arrangements for the next round"
    message["From"] = f"{w['sender']} Tamsel <tamsel@example.org>"
    message["To"] = "registry@example.org"
    message["Date"] = "Tue, 14 May 2019 09:30:00 +0000"
    message.set_content("Please find the arrangements attached. Nothing else to add.\n")
    message.add_attachment(
        f"{w['attachment_body']} is the code word of the plan.\n".encode(),
        maintype="text",
        subtype="plain",
        filename=f"{w['attachment_name'].lower()}-plan.txt",
    )
    path.write_bytes(bytes(message))


def build(folder: Path, w: dict[str, str]) -> dict[str, Path]:
    """Write the deposit; returns the paths of the folder, manifest and authority files."""
    files = folder / "files"
    for part in ("public", "closed", "reader"):
        (files / part).mkdir(parents=True, exist_ok=True)
    date, type_cue = GUESSES[w["guess"]]
    name = f"{w['name_passage']} Varrow"
    texts = {
        "public/report.txt": (
            f"Report on the {w['head_passage']} meeting\n\n"
            f"The envoy {name} met the delegates of both parties in the old library.\n"
            "The parties discussed water sharing and the release of detainees.\n"
            f"وناقش الطرفان {w['arabic_passage']} تقاسم المياه.\n"
        ),
        "public/plain.txt": (
            "Minutes of the public session on water sharing\n\n"
            "Amira Solend opened the session. The Rivermark Foundation hosted it.\n"
            "The parties agreed to share river data every month.\n"
        ),
        "public/plain-ar.txt": (
            "محضر الجلسة العلنية حول تقاسم المياه\n\n"
            "افتتحت أميرة سولند الجلسة. واتفق الطرفان على تبادل بيانات النهر كل شهر.\n"
        ),
        "closed/memo.txt": (
            f"The courier {w['memo_title']} carried the map {w['memo_title_ar']}\n\n"
            f"{date}\n{type_cue}\n"
            f"{w['memo_body']} was discussed at length with {w['closed_agent']} Pellow.\n"
        ),
        "closed/hidden.txt": f"{w['hidden_body']} notes of a private meeting.\n",
        "closed/admin.txt": f"{w['admin_body']} notes kept for the director.\n",
        "closed/draft.txt": f"{w['draft_body']} draft of a statement.\n",
        "closed/embargoed.txt": f"{w['embargo_body']} was the subject of the closed session.\n",
        "closed/withdrawn.txt": f"{w['withdrawn_body']} was noted, then withdrawn.\n",
        "closed/bilingual.txt": (
            f"The {w['taught_en']} river flows past the village.\n"
            f"The {w['taught_en']} river was low all summer.\n"
            f"يجري نهر {w['taught_ar']} قرب القرية.\n"
            f"كان نهر {w['taught_ar']} منخفضا طوال الصيف.\n"
        ),
        "reader/reader-memo.txt": (
            f"{w['reader_title']} memorandum\n\n"
            f"{w['reader_body']} was proposed by {w['reader_agent']} Quill.\n"
        ),
    }
    for relative, text in texts.items():
        (files / relative).write_text(text, encoding="utf-8")
    _docx(
        files / "closed/props.docx",
        [f"{w['docx_body']} is the heart of the proposal.", "It was not adopted."],
        title=f"{w['docx_title']} proposal",
        author=f"{w['docx_author']} Marl",
        keywords=f"{w['docx_keyword']}",
    )
    _docx(
        files / "reader/reader-props.docx",
        ["A note for registered readers.", "It discusses grazing routes."],
        title=f"{w['reader_docx_title']} routes",
    )
    _pdf(
        files / "closed/props.pdf",
        [f"{w['pdf_body']} was the last item on the agenda.", "The meeting closed at noon."],
        title=f"{w['pdf_title']} agenda",
    )
    _email(files / "closed/message.eml", w)

    base = {"process": "harbour-talks", "status": "published"}
    rows = [
        {**base, "file": "public/report.txt", "identifier": "report", "access": "public",
         "description_visibility": "listed", "session": "ht-r1",
         "redact": f'"{w["head_passage"]}"; "{name}"; "{w["arabic_passage"]}"'},
        {**base, "file": "public/plain.txt", "identifier": "plain", "access": "public",
         "description_visibility": "listed", "title_en": "Minutes of the public session",
         "document_type": "minutes", "date": "2019-03-12", "session": "ht-r1",
         "agents": "Amira Solend (facilitator); Rivermark Foundation (convener)"},
        {**base, "file": "public/plain-ar.txt", "identifier": "plain-ar", "access": "public",
         "description_visibility": "listed", "title_ar": "محضر الجلسة العلنية",
         "document_type": "minutes", "date": "2019-03-13"},
        {**base, "file": "closed/memo.txt", "identifier": "memo", "access": "staff",
         "description_visibility": "listed"},
        {**base, "file": "closed/props.docx", "identifier": "props-docx", "access": "reader",
         "description_visibility": "listed", "embargo_until": "2090-01-01"},
        {**base, "file": "closed/props.pdf", "identifier": "props-pdf", "access": "staff",
         "description_visibility": "listed"},
        {**base, "file": "closed/message.eml", "identifier": "message", "access": "staff",
         "description_visibility": "listed"},
        {"file": "closed/hidden.txt", "identifier": "hidden", "access": "staff",
         "status": "published", "description_visibility": "hidden",
         "title_en": f"{w['hidden_title']} notes", "document_type": "other",
         "process": w["hidden_process"].lower(), "session": f"{w['hidden_process'].lower()}-s1",
         "agents": f"{w['hidden_agent']} Orr (participant)"},
        {"file": "closed/admin.txt", "identifier": "admin", "access": "admin",
         "status": "published", "description_visibility": "hidden",
         "title_en": f"{w['admin_title']} notes", "document_type": "other",
         "process": w["admin_process"].lower(),
         "agents": f"{w['admin_agent']} Vell (participant); {w['admin_authority']} Dunmore (observer)"},
        {**base, "file": "closed/draft.txt", "identifier": "draft", "access": "public",
         "status": "draft", "description_visibility": "listed", "title_en": "A draft statement",
         "document_type": "draft_agreement"},
        {**base, "file": "closed/embargoed.txt", "identifier": "embargoed", "access": "public",
         "description_visibility": "listed", "embargo_until": "2090-01-01",
         "title_en": "Minutes of the closed session", "document_type": "minutes",
         "date": "2019-03-14", "abstract_en": f"On {w['embargo_abstract']} and more.",
         "places": f"{w['embargo_place']} House",
         "agents": f"{w['closed_agent']} Pellow (participant)"},
        {**base, "file": "closed/withdrawn.txt", "identifier": "withdrawn", "access": "public",
         "status": "withdrawn", "description_visibility": "listed",
         "title_en": "A withdrawn note", "document_type": "other"},
        {**base, "file": "closed/bilingual.txt", "identifier": "bilingual", "access": "staff",
         "description_visibility": "listed", "title_en": "Notes on the river",
         "document_type": "other"},
        {**base, "file": "reader/reader-memo.txt", "identifier": "reader-memo", "access": "reader",
         "description_visibility": "listed", "agents": f"{w['reader_agent']} Quill (author)"},
        {**base, "file": "reader/reader-props.docx", "identifier": "reader-props",
         "access": "reader", "description_visibility": "listed"},
    ]  # fmt: skip
    columns = sorted({k for row in rows for k in row}, key=lambda c: (c != "file", c))
    manifest = folder / "manifest.csv"
    with open(manifest, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns)
        writer.writeheader()
        writer.writerows({k: row.get(k, "") for k in columns} for row in rows)
    agents = [
        *PUBLIC_AGENTS,
        {"id": "envoy", "kind": "person", "authorised_name": name},
        {
            "id": "admin-authority",
            "kind": "person",
            "authorised_name": f"{w['admin_authority']} Dunmore",
        },
        {
            "id": "closed-agent",
            "kind": "person",
            "authorised_name": f"{w['closed_agent']} Pellow",
            "affiliation_en": f"{w['closed_affiliation']} Institute",
        },
    ]
    processes = [
        {
            "id": "harbour-talks",
            "name_en": "Harbour talks",
            "name_ar": "محادثات الميناء",
            "track": "2",
            "convener": "rivermark-foundation",
        }
    ]
    sessions = [
        {"id": "ht-r1", "process": "harbour-talks", "number": 1, "date": "2019-03-12",
         "title_en": "First round", "title_ar": "الجولة الأولى"},
    ]  # fmt: skip
    paths = {"folder": files, "manifest": manifest}
    for key, data in (("agents", agents), ("processes", processes), ("sessions", sessions)):
        paths[key] = folder / f"{key}.json"
        paths[key].write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return paths
