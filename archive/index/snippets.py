"""A hit's snippet: the passage of its text with the most matching words, and its page."""

from __future__ import annotations

import html

from archive.index.analysis import term_spans

SNIPPET_CHARS = 240


def make_snippet(
    pages: list[str], terms: set[str], width: int = SNIPPET_CHARS
) -> tuple[int | None, str | None]:
    """The passage with the most matching words, HTML-escaped, matches in <mark>, and its page."""
    best: tuple[int, int, int, list[tuple[int, int]]] | None = None  # (count, page, start, spans)
    for number, page in enumerate(pages, start=1):
        spans = term_spans(page, terms)
        for i, (start, _) in enumerate(spans):
            inside = [s for s in spans[i:] if s[1] - start <= width]
            if best is None or len(inside) > best[0]:
                best = (len(inside), number, start, inside)
    if best is None:
        return None, None
    _, number, start, spans = best
    page = pages[number - 1]
    begin = max(0, start - width // 3)
    begin = page.rfind(" ", 0, begin) + 1 if begin else 0
    end = min(len(page), begin + width)
    out, cursor = [], begin
    for s, e in spans:
        if e > end:
            break
        out += [html.escape(page[cursor:s]), "<mark>", html.escape(page[s:e]), "</mark>"]
        cursor = e
    out.append(html.escape(page[cursor:end]))
    text = " ".join("".join(out).split())
    return number, ("… " if begin else "") + text + (" …" if end < len(page) else "")
