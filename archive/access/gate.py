"""The gate every channel passes: a record's access facts from the catalog and the depository's
rules, and each audience's view of it at a moment."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

from archive.access.policy import AccessFacts, facts_of, rule_selectors, selects
from archive.access.releases import approved_release
from archive.access.views import RecordView, view_of
from archive.catalog import Catalog, RecordText
from archive.config import EmbargoRule
from archive.errors import NotFound


class Access:
    """The access decision bound to a depository's embargo rules and time zone. A depository
    holds one, and everything that decides (its indexes, the site's requests, the command
    line) reads that one: when the configuration changes, `take` swaps the rules in it for
    every reader at once."""

    def __init__(self, rules=(), zone: ZoneInfo | None = None):
        self._state = (tuple(rules), zone or ZoneInfo("UTC"))

    @classmethod
    def of(cls, config) -> Access:
        return cls(config.embargo_rules, config.zone)

    def take(self, config) -> None:
        """The rules and time zone of a configuration read again (one assignment: a reader
        sees the old pair or the new one, never half of each)."""
        self._state = (tuple(config.embargo_rules), config.zone)

    def adopt(self, state: str) -> None:
        """Decide by the rules a `rules_state` describes (those the catalog says the indexes
        were written by), as `take` does by a configuration's."""
        data = json.loads(state)
        rules = tuple(
            EmbargoRule(r["selectors"], r["years"], r["after"], r.get("redact"))
            for r in data["rules"]
        )
        self._state = (rules, ZoneInfo(data["zone"]))

    @property
    def rules(self) -> tuple:
        return self._state[0]

    @property
    def zone(self) -> ZoneInfo:
        return self._state[1]

    def facts(self, catalog: Catalog, record: dict[str, Any]) -> AccessFacts:
        process = _get(catalog.process, record.get("process"))
        session = _get(catalog.session, record.get("session"))
        released = approved_release(catalog, record["identifier"]) is not None
        rules, zone = self._state
        return facts_of(
            record,
            rules=rules,
            zone=zone,
            process=process,
            session=session,
            released=released,
        )

    def rules_state(self) -> str:
        rules, zone = self._state
        listed = [
            {"selectors": r.selectors, "years": r.years, "after": r.after}
            | ({"redact": r.redact} if r.redact else {})
            for r in rules
        ]
        return json.dumps({"rules": listed, "zone": str(zone)}, sort_keys=True)

    def sync_rules(self, catalog: Catalog) -> list[str]:
        """When the embargo rules or the time zone changed since the indexes were last
        written, queue every record a changed rule covers (all of them on a new time zone) and
        drop their pending moments; returns the records queued."""
        current = self.rules_state()
        stored = catalog.setting("access_rules")
        if stored == current:
            return []
        if stored is None:  # a depository's first drain, or one older than this check
            catalog.set_setting("access_rules", current)
            return []
        before, after = json.loads(stored), json.loads(current)
        old = {json.dumps(r, sort_keys=True) for r in before["rules"]}
        new = {json.dumps(r, sort_keys=True) for r in after["rules"]}
        changed = [json.loads(r) for r in old ^ new]
        covered = []
        with catalog.transaction():
            for identifier in catalog.record_ids():
                record = catalog.record(identifier)
                selected = rule_selectors(record, _get(catalog.process, record.get("process")))
                if before["zone"] != after["zone"] or any(
                    selects(r["selectors"], selected) for r in changed
                ):
                    covered.append(identifier)
            catalog.forget_transitions(covered)
            catalog.requeue(covered)
            catalog.set_setting("access_rules", current)
            catalog.log(
                "access_changed",
                "depository",
                None,
                actor="mediarch",
                detail={"rules": {"old": before, "new": after}, "records": len(covered)},
            )
        return covered

    def view(
        self,
        catalog: Catalog,
        record: dict[str, Any],
        text: RecordText | None,
        audience: str,
        at: dt.datetime,
    ) -> RecordView | None:
        return view_of(record, text, self.facts(catalog, record), audience, at)

    def view_by_id(
        self,
        catalog: Catalog,
        identifier: str,
        audience: str,
        at: dt.datetime,
        *,
        with_text: bool = True,
    ) -> RecordView | None:
        """The audience's view of a record, None when it does not exist for that audience
        (a hidden record answers exactly like a missing one). Without its text when the caller
        reads only the description (loading and redacting a long text is most of the cost)."""
        try:
            record = catalog.record(identifier)
        except NotFound:
            return None
        text = catalog.text(identifier) if with_text else None
        return self.view(catalog, record, text, audience, at)


def _get(getter, identifier: str | None) -> dict[str, Any] | None:
    if not identifier:
        return None
    try:
        return getter(identifier)
    except NotFound:
        return None
