"""An audience's view of a record: the fields, text and files it may see at a moment, and
nothing else. Indexes are built from views, pages are drawn from views: what a view leaves out
cannot be shown, counted or matched."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from archive.access.derived import confirmed_view, readable_sources
from archive.access.policy import (
    LISTED_FIELDS,
    AccessFacts,
    content_open,
    may_see,
    sees_everything,
)
from archive.catalog import RecordText

REDACTED = "█████"  # what stands for a redacted passage, whatever its length


@dataclass(frozen=True)
class RecordView:
    audience: str
    record: dict[str, Any]  # the fields the audience may see
    text: RecordText | None  # its text, redacted, or None when it may not read it
    full: bool  # the content is open (False: listed only)
    files: bool  # it may have the original files


def redact_pages(pages: list[str], passages: tuple[tuple[int, int], ...]) -> list[str]:
    """The pages with each passage (offsets in the text as pages joined by one character)
    replaced by REDACTED."""
    out, offset = [], 0
    for page in pages:
        end_of_page = offset + len(page)
        pieces, cursor = [], 0
        for start, end in passages:
            if end <= offset or start >= end_of_page:
                continue
            s, e = max(start, offset) - offset, min(end, end_of_page) - offset
            if s > cursor or not pieces or pieces[-1] != REDACTED:
                pieces.append(page[cursor:s])
                pieces.append(REDACTED)
            cursor = max(cursor, e)
        pieces.append(page[cursor:])
        out.append("".join(pieces))
        offset = end_of_page + 1
    return out


def view_of(
    record: dict[str, Any],
    text: RecordText | None,
    facts: AccessFacts,
    audience: str,
    at: dt.datetime,
) -> RecordView | None:
    """What the audience sees of the record at `at`; None when it may not know it exists."""
    if sees_everything(audience, facts):
        return RecordView(audience, record, text, True, True)
    if not may_see(audience, facts, "listing", at):
        return None
    readable = readable_sources(facts, audience, at)
    if not content_open(facts, audience, at):
        listed = {
            k: v for k, v in record.items() if k in LISTED_FIELDS and k not in facts.redacted_fields
        }
        return RecordView(audience, confirmed_view(listed, record, readable), None, False, False)
    files = may_see(audience, facts, "file", at)
    shown = {
        k: v
        for k, v in record.items()
        if may_see(audience, facts, f"field:{k}", at) and (k != "files" or files)
    }
    shown.pop("redactions", None)  # where the passages were is itself behind the redaction
    shown = confirmed_view(shown, record, readable)
    seen_text = None
    if text is not None and may_see(audience, facts, "text", at):
        pages = redact_pages(text.pages, facts.passages) if facts.passages else text.pages
        seen_text = RecordText(pages=pages, **_text_extras(text))
    return RecordView(audience, shown, seen_text, True, files)


def _text_extras(text: RecordText) -> dict[str, Any]:
    return {k: v for k, v in vars(text).items() if k != "pages"}
