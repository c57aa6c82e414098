"""Users who sign in: readers, staff and admins, with passwords kept as scrypt hashes.

Every change is an event in the audit log with who made it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from archive.audiences import ROLES
from archive.catalog import Catalog, timestamp
from archive.errors import ArchiveError

_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
# scrypt: 16 MiB of memory and about 50 ms per check on this machine (RFC 7914 parameters)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 10
PROFILE = ("full_name", "email", "affiliation", "research")
PROFILE_REQUIRED = ("full_name", "email", "research")


class UserError(ArchiveError):
    pass


@dataclass(frozen=True)
class User:
    name: str
    role: str
    status: str
    created_at: str

    @property
    def audience(self) -> str:
        """The audience a signed-in user reads as."""
        return self.role if self.status == "active" else "public"


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    parts = ["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P)]
    parts += [base64.b64encode(salt).decode(), base64.b64encode(digest).decode()]
    return "$".join(parts)


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password(os.urandom(16).hex()))
    return _DUMMY[0]


def check_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        found = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=32,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, base64.b64decode(digest))


class Users:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def _row(self, name: str) -> tuple | None:
        return self.catalog.user_named(name)

    def get(self, name: str) -> User:
        row = self._row(name)
        if row is None:
            raise UserError(f"no user named {name!r}", code="user_unknown", name=name)
        return User(*row[:4])

    def list(self) -> list[User]:
        return [User(*row) for row in self.catalog.users()]

    def add(
        self, name: str, password: str, role: str = "reader", *, actor: str, status: str = "active"
    ) -> User:
        if not _NAME.match(name):
            raise UserError(
                f"{name!r}: a user name is 2 to 64 lower-case letters, digits and . _ @ -",
                code="user_name",
                name=name,
            )
        if role not in ROLES:
            raise UserError(
                f"{role!r}: a role is one of {', '.join(ROLES)}",
                code="user_role",
                role=role,
                roles=", ".join(ROLES),
            )
        if len(password) < MIN_PASSWORD:
            raise UserError(
                f"a password needs at least {MIN_PASSWORD} characters",
                code="password_short",
                minimum=MIN_PASSWORD,
            )
        now = timestamp()
        with self.catalog.transaction():
            if self._row(name) is not None:
                raise UserError(
                    f"a user named {name!r} exists already", code="user_exists", name=name
                )
            self.catalog.add_user(name, role, hash_password(password), status, now)
            self.catalog.log(
                "user_added", "user", name, actor=actor, detail={"role": role, "status": status}
            )
        return self.get(name)

    def _change(self, name: str, column: str, value: str, kind: str, actor: str) -> User:
        with self.catalog.transaction():
            old = self.get(name)
            self.catalog.set_user_field(name, column, value, timestamp())
            self.catalog.log(
                kind,
                "user",
                name,
                actor=actor,
                detail={column: {"old": getattr(old, column), "new": value}},
            )
        return self.get(name)

    def set_role(self, name: str, role: str, *, actor: str) -> User:
        if role not in ROLES:
            raise UserError(
                f"{role!r}: a role is one of {', '.join(ROLES)}",
                code="user_role",
                role=role,
                roles=", ".join(ROLES),
            )
        return self._change(name, "role", role, "role_changed", actor)

    def register(self, name: str, password: str, profile: dict[str, str]) -> User:
        """A reader who asks to come in: pending until staff approve. The profile says who
        they are and why they come (full name, e-mail, affiliation, research)."""
        missing = [k for k in PROFILE_REQUIRED if not (profile.get(k) or "").strip()]
        if missing:
            raise UserError(
                f"missing: {', '.join(missing)}", code="profile_missing", fields=missing
            )
        kept = {k: (profile.get(k) or "").strip()[:2000] for k in PROFILE}
        with self.catalog.transaction():
            user = self.add(name, password, "reader", actor=name, status="pending")
            self.catalog.set_user_profile(name, kept)
            self.catalog.log("user_registered", "user", name, actor=name, detail={})
        return user

    def profile(self, name: str) -> dict[str, str]:
        return self.catalog.user_profile(name)

    def pending(self) -> list[User]:
        return [u for u in self.list() if u.status == "pending"]

    def approve_reader(self, name: str, *, actor: str) -> User:
        """Let in a reader who registered; nothing else (a disabled account stays disabled)."""
        with self.catalog.transaction():
            user = self.get(name)
            if user.role != "reader" or user.status != "pending":
                raise UserError(
                    f"{name!r} is not a registered reader waiting for approval",
                    code="reader_not_waiting",
                    name=name,
                )
            return self.approve(name, actor=actor)

    def new_session_epoch(self, name: str) -> int:
        """End every session of the user (signing out everywhere): their cookies carry the
        old epoch."""
        with self.catalog.transaction():
            self.catalog.end_user_sessions(name)
        return self.session_epoch(name)

    def session_epoch(self, name: str) -> int:
        return self.catalog.user_session_epoch(name)

    def approve(self, name: str, *, actor: str) -> User:
        return self._change(name, "status", "active", "user_approved", actor)

    def disable(self, name: str, *, actor: str) -> User:
        return self._change(name, "status", "disabled", "user_disabled", actor)

    def authenticate(self, name: str, password: str) -> User | None:
        """The user if the password is theirs and the account is active; None otherwise (the
        same answer for an unknown name, a wrong password and a disabled account)."""
        row = self._row(name)
        if row is None:
            check_password(password, _dummy_hash())  # one scrypt either way: the same time
            return None
        if not check_password(password, row[4]) or row[2] != "active":
            return None
        return User(*row[:4])
