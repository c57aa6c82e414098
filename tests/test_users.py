"""Users: added with a role, passwords kept as scrypt hashes, roles changed and accounts
disabled with a logged event, sign-in that says the same thing for every failure."""

from __future__ import annotations

import json

import pytest

from archive.access.users import UserError, Users, check_password, hash_password
from tests.conftest import run_mediarch

PASSWORD = "a long passphrase"


def test_a_password_is_kept_only_as_a_salted_slow_hash():
    stored = hash_password(PASSWORD)
    assert PASSWORD not in stored and stored.startswith("scrypt$16384$8$1$")
    assert stored != hash_password(PASSWORD)  # salted
    assert check_password(PASSWORD, stored)
    assert not check_password(PASSWORD + "!", stored)
    assert not check_password(PASSWORD, "md5$whatever")


def test_users_are_added_changed_and_disabled_with_events(depository):
    users = Users(depository.catalog)
    users.add("layla", PASSWORD, "staff", actor="admin1")
    users.add("omar", PASSWORD, actor="admin1", status="pending")
    assert [(u.name, u.role, u.status) for u in users.list()] == [
        ("layla", "staff", "active"),
        ("omar", "reader", "pending"),
    ]
    assert users.authenticate("omar", PASSWORD) is None  # waits for approval
    users.approve("omar", actor="layla")
    assert users.authenticate("omar", PASSWORD).audience == "reader"
    users.set_role("omar", "staff", actor="layla")
    users.disable("layla", actor="omar")
    assert users.authenticate("layla", PASSWORD) is None
    assert users.authenticate("nobody", PASSWORD) is None
    assert users.authenticate("omar", "wrong password") is None
    kinds = [(e.kind, e.actor, e.subject_id) for e in depository.catalog.events("user")]
    assert kinds == [
        ("user_added", "admin1", "layla"),
        ("user_added", "admin1", "omar"),
        ("user_approved", "layla", "omar"),
        ("role_changed", "layla", "omar"),
        ("user_disabled", "omar", "layla"),
    ]
    stored = depository.catalog.conn.execute("SELECT password FROM users").fetchall()
    assert all(PASSWORD not in row[0] for row in stored)


@pytest.mark.parametrize(
    ("name", "password", "role", "reason"),
    [
        ("Layla Haddad", PASSWORD, "staff", "lower-case"),
        ("layla", "short", "staff", "at least 10"),
        ("layla", PASSWORD, "owner", "one of reader, staff, admin"),
    ],
)
def test_bad_users_are_refused_with_the_reason(depository, name, password, role, reason):
    with pytest.raises(UserError, match=reason):
        Users(depository.catalog).add(name, password, role, actor="t")


def test_the_users_command(tmp_path, depository):
    root = str(depository.root)
    added = run_mediarch(
        "--root", root, "users", "add", "layla", "--role", "staff", "--password-stdin",
        "--by", "admin1", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    again = run_mediarch(
        "--root", root, "users", "add", "layla", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert again.returncode == 1 and "exists already" in again.stderr
    assert "Traceback" not in again.stderr
    assert run_mediarch("--root", root, "users", "set-role", "layla", "admin").returncode == 0
    listed = json.loads(run_mediarch("--root", root, "users", "list", "--json").stdout)
    assert [(u["name"], u["role"], u["status"]) for u in listed] == [("layla", "admin", "active")]
    assert run_mediarch("--root", root, "users", "disable", "layla").returncode == 0
    assert "disabled" in run_mediarch("--root", root, "users", "list").stdout
