"""Signing in, throttled: after a few failed attempts for one user name, or many from one
address, within a window, further attempts are refused until the window has passed, whatever
the password. The failures are counted in the catalog, so every server worker sees them."""

from __future__ import annotations

import datetime as dt

from archive.access.users import User, Users
from archive.catalog import Catalog, timestamp
from archive.errors import ArchiveError

WINDOW = dt.timedelta(minutes=15)
PER_USER = 5
PER_ADDRESS = 20


class Throttled(ArchiveError):
    def __init__(self, retry_after: dt.timedelta):
        self.retry_after = retry_after
        minutes = max(1, round(retry_after.total_seconds() / 60))
        super().__init__(f"too many failed attempts: try again in {minutes} min")


def sign_in(
    catalog: Catalog, name: str, password: str, address: str, now: dt.datetime
) -> User | None:
    """The user if the password is theirs and the account is active, None if not; raises
    Throttled without checking the password when too many attempts failed lately."""
    name = name.strip().lower()
    keys = (f"user:{name}", PER_USER), (f"addr:{address}", PER_ADDRESS)
    since = timestamp(now - WINDOW)
    for key, limit in keys:
        rows = catalog.conn.execute(
            "SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at", (key, since)
        ).fetchall()
        if len(rows) >= limit:
            oldest = dt.datetime.fromisoformat(rows[-limit][0].replace("Z", "+00:00"))
            raise Throttled(oldest + WINDOW - now)
    user = Users(catalog).authenticate(name, password)
    with catalog.transaction():
        if user is None:
            for key, _ in keys:
                catalog.conn.execute(
                    "INSERT INTO login_failures (key, at) VALUES (?, ?)", (key, timestamp(now))
                )
            catalog.conn.execute("DELETE FROM login_failures WHERE at < ?", (since,))
            catalog.log(
                "sign_in_refused", "user", name, actor=name, at=now, detail={"address": address}
            )
        else:
            catalog.conn.execute("DELETE FROM login_failures WHERE key = ?", (keys[0][0],))
            catalog.log("signed_in", "user", name, actor=name, at=now, detail={"address": address})
    return user
