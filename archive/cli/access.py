"""The commands on who may read what: `users`, `release` and `embargo`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from archive.cli.common import given_root, print_json
from archive.depository import Depository
from archive.errors import ArchiveError


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise ArchiveError("the two passwords differ")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    from archive.access.users import Users

    actor = getattr(args, "by", None) or os.environ.get("USER") or "mediarch"
    with Depository.open(given_root(args)) as depository:
        users = Users(depository.catalog)
        if args.action == "add":
            user = users.add(args.name, _password(args), args.role, actor=actor)
            print(f"added {user.name} ({user.role})")
        elif args.action == "set-role":
            user = users.set_role(args.name, args.role, actor=actor)
            print(f"{user.name} is now {user.role}")
        elif args.action == "approve":
            user = users.approve(args.name, actor=actor)
            print(f"{user.name} is active")
        elif args.action == "disable":
            user = users.disable(args.name, actor=actor)
            print(f"{user.name} is disabled")
        else:
            listed = users.list()
            if args.json:
                print_json([vars(u) for u in listed])
            for u in [] if args.json else listed:
                print(f"{u.name:<24} {u.role:<7} {u.status:<9} since {u.created_at[:10]}")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    from archive.access import releases

    with Depository.open(given_root(args)) as depository:
        if args.action == "propose":
            found = releases.propose(
                depository.catalog,
                args.identifier,
                by=args.by,
                redacted=args.redacted,
                basis=args.basis or "",
            )
            kind = "a redacted release" if found.redacted else "a release"
            print(f"{args.identifier}: {kind} proposed by {found.proposed_by}; another staff"
                  " member must approve it (mediarch release approve ID --by NAME)")  # fmt: skip
        else:
            found = releases.approve(depository.catalog, args.identifier, by=args.by)
            depository.indexes.drain(depository.catalog)
            print(
                f"{args.identifier}: released at {found.approved_at}"
                f" (proposed by {found.proposed_by}, approved by {found.approved_by})"
            )
    return 0


def _duration(value: str) -> dt.timedelta:
    units = {"d": 1, "w": 7, "m": 30, "y": 365}
    if len(value) < 2 or value[-1] not in units or not value[:-1].isdigit():
        raise ArchiveError(f"{value!r}: a duration is a number and d, w, m or y (90d, 2y)")
    return dt.timedelta(days=int(value[:-1]) * units[value[-1]])


def _under_embargo(depository: Depository, lifting_within: str | None) -> list[dict]:
    """The records whose embargo has not lifted yet (within the duration, if one is given),
    the soonest first."""
    from archive.access.policy import NEVER

    access, catalog = depository.access, depository.catalog
    now = dt.datetime.now(dt.UTC)
    until = now + _duration(lifting_within) if lifting_within else None
    rows = []
    for identifier in catalog.record_ids():
        record = catalog.record(identifier)
        facts = access.facts(catalog, record)
        if facts.opens_at is None or facts.opens_at <= now:
            continue
        if until is not None and facts.opens_at > until:
            continue
        opens = "never (closed until staff decide)" if facts.opens_at == NEVER else (
            facts.opens_at.astimezone(depository.access.zone).isoformat(timespec="minutes")
        )  # fmt: skip
        rows.append(
            {
                "id": identifier,
                "opens": opens,
                "to": facts.level,
                "own_embargo": record.get("embargo_until"),
                "listed": facts.visibility == "listed",
            }
        )
    rows.sort(key=lambda r: r["opens"])
    return rows


def cmd_embargo(args: argparse.Namespace) -> int:
    with Depository.open(given_root(args)) as depository:
        rows = _under_embargo(depository, args.lifting_within)
    if args.json:
        print_json(rows)
        return 0
    print(f"{len(rows)} record(s) under embargo" + (f", lifting within {args.lifting_within}"
                                                      if args.lifting_within else ""))  # fmt: skip
    for r in rows:
        print(f"  {r['opens']:<26} {r['to']:<7} {r['id']}")
    return 0
