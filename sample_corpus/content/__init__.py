"""Content of the mediarch sample corpus: an invented world and its records.

Each records module defines PROCESS (a process id, also the folder under files/) and
RECORDS, a list of dicts. Record keys: id, fmt (lo_pdf, legacy_pdf, scan, docx, txt, eml),
enc (txt only), title_en/title_ar, date, session, type, langs, status, access, embargo,
vis, agents [(name, role)], subjects (thesaurus codes), abstract_en/abstract_ar, places,
body (light markup: '# ' heading, '## ' subheading, '- ' item, '---' page break, blank
line between paragraphs), eml (headers, eml only; attachments as (name, text, type)),
file_name (when the file is not named after the record), props (DOCX core properties, which
LibreOffice carries into a PDF's document information), redact (the manifest's redact cell).
"""

from __future__ import annotations

from typing import Any

from content import canaries, ceasefire, nawariya, sawsan, wadi_qarnun
from content.world import AGENTS, PROCESSES, SESSIONS

__all__ = ["AGENTS", "CANARIES", "PROCESSES", "RECORDS", "SESSIONS", "UNLISTED"]


def _collect() -> list[dict[str, Any]]:
    """All records, each tagged with its process."""
    out: list[dict[str, Any]] = []
    for mod in (wadi_qarnun, nawariya, ceasefire, sawsan):
        for rec in mod.RECORDS:
            out.append({"process": mod.PROCESS, **rec})
    out.extend(canaries.RECORDS)  # each names its process
    return out


RECORDS: list[dict[str, Any]] = _collect()
CANARIES = canaries.CANARIES

# A file that is deliberately absent from manifest.csv (ingest should make it staff-only).
UNLISTED: dict[str, str] = {
    "path": "unlisted/scanner-inbox-note.txt",
    "text": (
        "Scanner inbox — note left with a batch of papers\n"
        "\n"
        "Found in the tray of the second-floor scanner on a Friday evening, with no cover\n"
        "sheet. Appears to be a handwritten list of telephone numbers for families in the\n"
        "Eastern Highlands, photocopied twice. Not catalogued; passed to the archivist.\n"
        "\n"
        "ملاحظة: وُجدت هذه الأوراق في درج الماسح الضوئي دون ورقة غلاف، ولم تُفهرس بعد.\n"
    ),
}
