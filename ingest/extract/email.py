"""E-mail (.eml): headers to metadata, the body as text, attachments handed back to be
ingested as records of their own, linked to the message."""

from __future__ import annotations

import contextlib
import email
import email.policy
import email.utils
import html
import re
from pathlib import Path

from ingest.extract import Attachment, Extraction, Limits, Report

_TAG = re.compile(r"<[^>]+>")


def _html_to_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style).*?</\1>", " ", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", markup)
    return html.unescape(_TAG.sub("", markup))


class EmailExtractor:
    formats = frozenset({"email"})

    def extract(self, path: Path, limits: Limits, report: Report | None = None) -> Extraction:
        with open(path, "rb") as fh:
            message = email.message_from_binary_file(fh, policy=email.policy.default)
        metadata = {}
        for header, key in (("subject", "title"), ("from", "author"), ("to", "to"), ("cc", "cc")):
            value = str(message.get(header, "") or "").strip()
            if value:
                metadata[key] = value
        date = message.get("date")
        if date:
            with contextlib.suppress(TypeError, ValueError):
                metadata["created"] = (
                    email.utils.parsedate_to_datetime(str(date)).date().isoformat()
                )
        body = message.get_body(preferencelist=("plain", "html"))
        text = ""
        if body is not None:
            content = body.get_content()
            text = _html_to_text(content) if body.get_content_type() == "text/html" else content
        attachments = [
            Attachment(
                part.get_filename() or "attachment",
                part.get_payload(decode=True) or b"",
                part.get_content_type(),
            )
            for part in message.iter_attachments()
            if part.get_payload(decode=True)
        ]
        header_lines = [
            f"{name}: {message[name]}"
            for name in ("Subject", "From", "To", "Cc", "Date")
            if message.get(name)
        ]
        return Extraction(
            pages=["\n".join([*header_lines, "", text.strip()])],
            metadata=metadata,
            attachments=attachments,
        )
