"""Signing in, throttled: after a few failed attempts for one user name, or many from one
address, within a window, further attempts are refused until the window has passed, whatever
the password. The failures are counted in the catalog, so every server worker sees them, and
an attempt is counted before its password is checked, so parallel guesses gain nothing.
Registrations are limited per address too (each costs a slow hash and a pending account)."""

from __future__ import annotations

import datetime as dt
import ipaddress

from archive.access.users import User, Users
from archive.catalog import Catalog, timestamp
from archive.errors import ArchiveError

WINDOW = dt.timedelta(minutes=15)
PER_USER = 5
PER_ADDRESS = 20
REGISTRATIONS_PER_ADDRESS = 5  # within REGISTRATION_WINDOW
REGISTRATION_WINDOW = dt.timedelta(hours=1)
MAX_NAME = 64


class Throttled(ArchiveError):
    def __init__(self, retry_after: dt.timedelta):
        self.retry_after = retry_after
        minutes = max(1, round(retry_after.total_seconds() / 60))
        super().__init__(
            f"too many failed attempts: try again in {minutes} min",
            code="throttled",
            minutes=minutes,
        )


def address_key(address: str) -> str:
    """An address as attempts are counted: IPv6 by its /64 (one host holds a whole /64)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _recent(catalog: Catalog, key: str, since: dt.datetime) -> list[str]:
    return catalog.failed_signins(key, timestamp(since))


def sign_in(
    catalog: Catalog, name: str, password: str, address: str, now: dt.datetime
) -> User | None:
    """The user if the password is theirs and the account is active, None if not; raises
    Throttled without checking the password when too many attempts failed lately."""
    name = name.strip().lower()[:MAX_NAME]
    keys = (f"user:{name}", PER_USER), (f"addr:{address}", PER_ADDRESS)
    since = now - WINDOW
    with catalog.transaction():  # counted and noted at once: workers cannot race past it
        for key, limit in keys:
            recent = _recent(catalog, key, since)
            if len(recent) >= limit:
                oldest = dt.datetime.fromisoformat(recent[-limit].replace("Z", "+00:00"))
                catalog.log(
                    "sign_in_refused",
                    "user",
                    name,
                    actor=name,
                    at=now,
                    detail={"address": address, "throttled": True},
                )
                raise Throttled(oldest + WINDOW - now)
        for key, _ in keys:  # an attempt counts as failed until its password proves right
            catalog.add_failed_signin(key, timestamp(now))
    user = Users(catalog).authenticate(name, password)
    with catalog.transaction():
        if user is None:
            catalog.forget_failed_signins_before(timestamp(now - REGISTRATION_WINDOW))
            catalog.log(
                "sign_in_refused", "user", name, actor=name, at=now, detail={"address": address}
            )
        else:
            # the name's failures are forgiven; the address keeps all but this attempt's
            catalog.forget_failed_signins(keys[0][0])
            catalog.forget_latest_failed_signin(keys[1][0])
            catalog.log("signed_in", "user", name, actor=name, at=now, detail={"address": address})
    return user


def registration_allowed(catalog: Catalog, address: str, now: dt.datetime) -> bool:
    """Whether this address may register once more now (and, if so, count it)."""
    key = f"register:{address}"
    with catalog.transaction():
        if len(_recent(catalog, key, now - REGISTRATION_WINDOW)) >= REGISTRATIONS_PER_ADDRESS:
            return False
        catalog.add_failed_signin(key, timestamp(now))
    return True
