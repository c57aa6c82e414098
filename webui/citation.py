"""How to cite a record: Chicago (notes and bibliography), BibTeX and RIS, from what the
audience may see of it (a closed record is cited by its listed fields alone)."""

from __future__ import annotations

from typing import Any


def _title(record: dict[str, Any]) -> str:
    return record.get("title_en") or record.get("title_ar") or record["identifier"]


def _authors(record: dict[str, Any]) -> list[str]:
    return [a["name"] for a in record.get("agents", []) if a.get("role") == "author"]


def chicago(record: dict[str, Any], institution: str, url: str) -> str:
    """Author. "Title." Document type, date. Identifier. Institution. URL."""
    parts = []
    authors = _authors(record)
    if authors:
        parts.append(", ".join(authors) + ".")
    parts.append(f"“{_title(record)}.”")
    kind = record.get("document_type", "").replace("_", " ").capitalize()
    when = record.get("date")
    parts.append(f"{kind}, {when}." if when else f"{kind}.")
    parts.append(f"{record['identifier']}. {institution}. {url}.")
    return " ".join(parts)


def _braced(text: str) -> str:
    return (
        "{" + text.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}") + "}"
    )


def bibtex(record: dict[str, Any], institution: str, url: str) -> str:
    fields = {
        "title": _title(record),
        "author": " and ".join(_authors(record)) or None,
        "year": (record.get("date") or "")[:4] or None,
        "date": record.get("date"),
        "type": record.get("document_type", "").replace("_", " "),
        "number": record["identifier"],
        "institution": institution,
        "url": url,
        "langid": ", ".join(record.get("languages", [])) or None,
    }
    body = ",\n".join(f"  {k} = {_braced(v)}" for k, v in fields.items() if v)
    key = "".join(ch if ch.isalnum() else "_" for ch in record["identifier"])
    return f"@misc{{{key},\n{body}\n}}\n"


def ris(record: dict[str, Any], institution: str, url: str) -> str:
    lines = ["TY  - GEN", f"TI  - {_title(record)}"]
    if record.get("title_ar") and record.get("title_en"):
        lines.append(f"TT  - {record['title_ar']}")
    lines += [f"AU  - {a}" for a in _authors(record)]
    if record.get("date"):
        lines.append(f"DA  - {record['date'].replace('-', '/')}")
        lines.append(f"PY  - {record['date'][:4]}")
    lines += [
        f"M3  - {record.get('document_type', '').replace('_', ' ')}",
        f"ID  - {record['identifier']}",
        f"PB  - {institution}",
        f"UR  - {url}",
    ]
    lines += [f"LA  - {lang}" for lang in record.get("languages", [])]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"
