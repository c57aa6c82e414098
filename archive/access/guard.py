"""Edits may narrow access, never widen it: opening a record to an audience below staff, now or
later, is a release (one staff member proposes, another approves). `refusing_to_open` wraps an
edit inside the caller's transaction and raises WouldOpen, which rolls it back, when the edit
would open anything of the records it touches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from archive.access.policy import widens
from archive.errors import ArchiveError


class WouldOpen(ArchiveError):
    def __init__(self, record_id: str, reasons: list[str]):
        self.record_id, self.reasons = record_id, reasons
        super().__init__(
            f"{record_id}: it would open the record ({'; '.join(reasons)}): opening is a"
            " release, proposed by one staff member and approved by another",
            code="would_open",
            record=record_id,
            reasons=reasons,
        )


@contextmanager
def refusing_to_open(
    catalog, access, record_ids: Iterable[str], now: dt.datetime
) -> Iterator[None]:
    """Run the edit in the `with` block; raise WouldOpen if it opened anything. The caller holds
    the transaction (or savepoint) that the exception rolls back."""
    if access is None:  # no access decision: nothing to open
        yield
        return
    before = {i: access.facts(catalog, catalog.record(i)) for i in record_ids}
    yield
    for record_id, old in before.items():
        reasons = widens(old, access.facts(catalog, catalog.record(record_id)), now)
        if reasons:
            raise WouldOpen(record_id, reasons)
