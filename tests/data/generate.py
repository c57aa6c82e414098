"""Make the ingest test files in this folder, each named for what it exercises.

Run from the repository root: `python tests/data/generate.py`. Needs LibreOffice (`soffice`)
and qpdf; the files are committed so the tests need neither. Everything in them is invented.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import openpyxl

HERE = Path(__file__).resolve().parent
ARABIC = "محضر الجولة الثالثة من المفاوضات حول تقاسم مياه النهر بين الطرفين"
ENGLISH = (
    "Minutes of the third round of negotiations on sharing the river's water between the parties"
)


def _docx(path: Path, paragraphs: list[str], title: str = "") -> None:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.core_properties.title = title
    document.save(path)


def _pdf_from_docx(name: str, paragraphs: list[str]) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (Path(name).stem + ".docx")
        _docx(source, paragraphs)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
            check=True,
            capture_output=True,
        )
        shutil.move(Path(tmp) / (Path(name).stem + ".pdf"), HERE / name)
    return HERE / name


def make_pdfs() -> None:
    born = _pdf_from_docx(
        "born-digital-english.pdf", [ENGLISH, "The parties agreed on a ceasefire."]
    )
    encrypted = HERE / "encrypted.pdf"
    subprocess.run(
        ["qpdf", "--encrypt", "secret", "secret", "256", "--", str(born), str(encrypted)],
        check=True,
    )
    data = born.read_bytes()
    (HERE / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (HERE / "not-a-pdf.pdf").write_bytes(
        b"%PDF-1.7\n" + b"\x00garbage that is no PDF object\n" * 20
    )


def make_docx() -> None:
    _docx(
        HERE / "arabic-rtl.docx",
        [ARABIC, "وقف إطلاق النار وتبادل الأسرى"],
        title="محضر الجولة الثالثة",
    )
    (HERE / "not-a-docx.docx").write_bytes(b"PK\x03\x04" + b"this is no zip container at all" * 10)
    with zipfile.ZipFile(HERE / "zip-not-docx.docx", "w") as z:
        z.writestr("readme.txt", "an ordinary zip archive")
    with zipfile.ZipFile(HERE / "decompression-bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b" " * (40 * 1024 * 1024))


def make_office() -> None:
    """The same Arabic document as .odt, .rtf and Word 97–2003 .doc, by LibreOffice."""
    for target, name in (
        ("odt", "arabic.odt"),
        ("rtf", "arabic.rtf"),
        ("doc:MS Word 97", "arabic.doc"),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [
                    "soffice",
                    "--headless",
                    "--convert-to",
                    target,
                    "--outdir",
                    tmp,
                    str(HERE / "arabic-rtl.docx"),
                ],
                check=True,
                capture_output=True,
            )
            [made] = Path(tmp).iterdir()
            shutil.move(made, HERE / name)


def make_texts() -> None:
    text = ARABIC + "\n" + "الثلاثاء ١٤ آذار ٢٠١٩\n"
    (HERE / "utf-8.txt").write_bytes(text.encode("utf-8"))
    (HERE / "utf-8-bom.txt").write_bytes(text.encode("utf-8-sig"))
    (HERE / "utf-16.txt").write_bytes(text.encode("utf-16"))
    # Windows-1256 has no Arabic-Indic digits; documents in it use ASCII ones.
    (HERE / "windows-1256.txt").write_bytes(
        text.replace("١٤", "14").replace("٢٠١٩", "2019").encode("cp1256")
    )
    (HERE / "empty.txt").write_bytes(b"")


def make_email() -> None:
    message = EmailMessage()
    message["From"] = "Secretariat <secretariat@example.org>"
    message["To"] = "delegations@example.org"
    message["Subject"] = "دعوة إلى الجولة الرابعة"
    message["Date"] = "Tue, 14 May 2019 09:30:00 +0000"
    message.set_content("تدعوكم الأمانة إلى الجولة الرابعة من الحوار حول المياه.\n")
    message.add_attachment(
        b"Agenda: water sharing, monitoring\n",
        maintype="text",
        subtype="plain",
        filename="agenda.txt",
    )
    (HERE / "email-with-attachment.eml").write_bytes(bytes(message))


def make_manifests() -> None:
    rows = [
        {
            "file": "utf-8.txt",
            "identifier": "t-utf8",
            "title_ar": "محضر الجولة الثالثة",
            "document_type": "محضر اجتماع",
            "languages": "ar",
            "access": "Public",
            "status": "published",
            "description_visibility": "listed",
        },
        {
            "file": "windows-1256.txt",
            "identifier": "t-cp1256",
            "title_en": "Minutes, round three",
            "document_type": "minutes",
            "languages": "ara",
            "access": "public",
        },
    ]
    header = [
        "file",
        "identifier",
        "title_en",
        "title_ar",
        "document_type",
        "languages",
        "access",
        "status",
        "description_visibility",
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header)
    writer.writeheader()
    writer.writerows(rows)
    (HERE / "manifest-utf16.csv").write_bytes(buffer.getvalue().encode("utf-16"))
    (HERE / "manifest-cp1256.csv").write_bytes(buffer.getvalue().encode("cp1256"))
    (HERE / "manifest-utf8-bom.csv").write_bytes(buffer.getvalue().encode("utf-8-sig"))
    (HERE / "manifest.json").write_text(
        json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(h, "") for h in header])
    book.save(HERE / "manifest.xlsx")
    bad = buffer.getvalue().replace("file,identifier", "file,identifier_typo", 1)
    (HERE / "manifest-unknown-column.csv").write_text(bad, encoding="utf-8")


if __name__ == "__main__":
    make_pdfs()
    make_docx()
    make_office()
    make_texts()
    make_email()
    make_manifests()
    print("\n".join(sorted(p.name for p in HERE.iterdir() if p.name != "generate.py")))
