"""Render `docs/metadata.md` from the schemas and vocabularies, so the docs cannot drift:
`python -m archive.schema_docs > docs/metadata.md` (a test checks the file is current)."""

from __future__ import annotations

from archive import schema
from archive.vocabulary import VOCABULARY_NAMES, thesaurus, vocabulary


def _field_rows(kind: str) -> list[str]:
    root = schema.schema(kind)
    required = set(root.get("required", []))
    rows = []
    for name, node in root["properties"].items():
        resolved = schema._resolve_ref(root, node)
        labels = {**resolved.get("x-labels", {}), **node.get("x-labels", {})}
        items = schema._resolve_ref(root, resolved.get("items", {}))
        vocab = resolved.get("x-vocabulary") or items.get("x-vocabulary")
        kind_of = resolved.get("type", "string")
        if kind_of == "array":
            kind_of = f"list of {items.get('type', 'string')}"
        if vocab:
            kind_of += f" ({vocab})"
        if resolved.get("x-date") == "moment":
            kind_of += " (date, or date and time with its offset)"
        elif resolved.get("x-date") or items.get("x-date"):
            kind_of += " (date)"
        mark = "yes" if name in required else ""
        rows.append(
            f"| `{name}` | {labels.get('en', '')} | {labels.get('ar', '')} | {kind_of} | {mark} |"
        )
    return rows


def render() -> str:
    out = [
        "# The description model",
        "",
        "Generated from `metadata_schema/` by `python -m archive.schema_docs`; do not edit by hand.",
        "",
    ]
    for kind in schema.KINDS:
        root = schema.schema(kind)
        out += [
            f"## {root['title']} ({root['x-labels']['ar']})",
            "",
            root.get("description", ""),
            "",
        ]
        if "x-require-one-of" in root:
            out += [f"Needs at least one of: {', '.join(root['x-require-one-of'])}.", ""]
        out += [
            "| field | English | العربية | value | required |",
            "| --- | --- | --- | --- | --- |",
        ]
        out += [*_field_rows(kind), ""]
    out += [
        "## Vocabularies",
        "",
        "A manifest cell or a query may give the code or either label.",
        "",
    ]
    for name in VOCABULARY_NAMES:
        vocab = vocabulary(name)
        out += [f"### {vocab.labels['en']} ({vocab.labels['ar']}): `{name}`", ""]
        if name == "languages":
            out += [
                f"{len(vocab.terms)} ISO 639-1 codes (e.g. `ar` العربية, `en` English); "
                "ISO 639-2 codes such as `ara` and `eng` are accepted too.",
                "",
            ]
            continue
        out += ["| code | English | العربية |", "| --- | --- | --- |"]
        out += [f"| `{t.code}` | {t.en} | {t.ar} |" for t in vocab.terms] + [""]
    th = thesaurus()
    out += ["## Thesaurus", ""]
    for group, labels in th.groups.items():
        count = sum(1 for _ in th.in_group(group))
        out.append(f"- {labels['en']} ({labels['ar']}): {count} concepts")
    out += [
        "",
        "Each concept has a code, preferred and alternative labels in both languages; "
        "see `metadata_schema/thesaurus.json`.",
        "",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
