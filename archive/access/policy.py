"""Who may see which part of a record, and when: the one decision every channel goes through.

The facts a decision needs (publication status, access level, the moment the content opens,
description visibility, redactions) are gathered once per record by `facts_of`; `may_see` is
then a pure function of an audience, those facts, a part and a moment, with the clock passed
in. When in doubt it says no.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from archive.audiences import AUDIENCES, OUTSIDERS
from archive.errors import ArchiveError
from archive.schema import moment_of

_RANK = {audience: rank for rank, audience in enumerate(AUDIENCES)}
# What a listed record shows while its content is closed: nothing else (file names, agents,
# abstract and text count as content).
LISTED_FIELDS = frozenset(
    {"identifier", "title_en", "title_ar", "date", "date_end", "document_type", "process"}
)
PARTS = ("listing", "description", "text", "file")  # and "field:NAME"
NEVER = dt.datetime.max.replace(tzinfo=dt.UTC)  # closed until staff decide otherwise


class UnknownAudience(ArchiveError, ValueError):
    def __init__(self, audience: str):
        super().__init__(f"unknown audience {audience!r} (one of {', '.join(AUDIENCES)})")


@dataclass(frozen=True)
class AccessFacts:
    """What decides a record's access."""

    identifier: str
    status: str  # draft | published | withdrawn
    level: str  # the lowest audience that may read the content
    visibility: str  # listed | hidden: how the description shows while the content is closed
    opens_at: dt.datetime | None = None  # before it only staff read the content
    redacted_fields: frozenset[str] = field(default_factory=frozenset)
    passages: tuple[tuple[int, int], ...] = ()  # redacted spans of the text
    text_closed: bool = False  # the whole text is redacted below staff
    names_until: dt.datetime | None = None  # a rule hides the agents' names until then

    def redacted(self, at: dt.datetime) -> bool:
        return bool(
            self.redacted_fields or self.passages or self.text_closed or self.names_hidden(at)
        )

    def names_hidden(self, at: dt.datetime) -> bool:
        return self.names_until is not None and at < self.names_until


def check_audience(audience: str) -> str:
    if audience not in _RANK:
        raise UnknownAudience(audience)
    return audience


def sees_everything(audience: str, facts: AccessFacts) -> bool:
    """Admins see every record whole; staff every record but those kept for admins."""
    return audience == "admin" or (audience == "staff" and facts.level != "admin")


def content_open(facts: AccessFacts, audience: str, at: dt.datetime) -> bool:
    """Whether the audience may read the record's content (description, text, files) at `at`."""
    check_audience(audience)
    if sees_everything(audience, facts):
        return True
    if facts.status != "published" or facts.level not in _RANK:
        return False
    if _RANK[audience] < _RANK[facts.level]:
        return False
    return facts.opens_at is None or at >= facts.opens_at


def may_see(audience: str, facts: AccessFacts, part: str, at: dt.datetime) -> bool:
    """May this audience see this part of this record at this moment?

    Parts: `listing` (that the record exists, with its listed fields), `description` (every
    field it may read), `field:NAME` (one field), `text` (the extracted text, redacted where
    passages are), `file` (an original file: never below a redaction)."""
    if sees_everything(check_audience(audience), facts):
        return True
    is_open = content_open(facts, audience, at)
    if part == "listing":
        return is_open or (facts.status == "published" and facts.visibility == "listed")
    if part.startswith("field:"):
        name = part.removeprefix("field:")
        if name in facts.redacted_fields or (name == "agents" and facts.names_hidden(at)):
            return False
        if name in LISTED_FIELDS:
            return may_see(audience, facts, "listing", at)
        return is_open
    if part == "description":
        return is_open
    if part == "text":
        return is_open and not facts.text_closed
    if part == "file":
        return is_open and not facts.redacted(at)
    raise ValueError(f"unknown part {part!r} (one of {', '.join(PARTS)}, field:NAME)")


def next_change(facts: AccessFacts, at: dt.datetime) -> dt.datetime | None:
    """The next moment after `at` at which some audience's view of the record changes by
    itself (an embargo lifting, a rule's redaction of names ending), if any."""
    moments = [m for m in (facts.opens_at, facts.names_until) if m is not None and at < m != NEVER]
    return min(moments) if moments else None


# -- gathering the facts ------------------------------------------------------------------
def _last_day(value: str) -> dt.date:
    """The last day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) covers: a rule counts from
    the end of what is known, so it never opens early."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def rule_selectors(record: dict[str, Any], process: dict[str, Any] | None) -> dict[str, Any]:
    """What embargo rules select a record by: collection, process, document type, track."""
    return {
        "collection": record.get("collection") or (process or {}).get("collection"),
        "process": record.get("process"),
        "document_type": record.get("document_type"),
        "track": (process or {}).get("track"),
    }


def selects(selectors: dict[str, str], selected: dict[str, Any]) -> bool:
    """Whether a rule with these selectors covers a record with these `rule_selectors`."""
    return all(selected.get(k) == v for k, v in selectors.items())


def rule_embargo(
    rules, record: dict[str, Any], process: dict[str, Any] | None, session: dict[str, Any] | None
) -> tuple[dt.date | None, bool]:
    """The latest day any configured rule closes the record until, and whether a rule
    applies without the date it counts from (then the record stays closed)."""
    return _rules_until([r for r in rules if not r.redact], record, process, session)


def rule_name_redaction(
    rules, record: dict[str, Any], process: dict[str, Any] | None, session: dict[str, Any] | None
) -> tuple[bool, dt.date | None, bool]:
    """Whether a rule redacts the record's names, the latest day one does so until, and
    whether one does so for good (no years, or no date to count from)."""
    selected = rule_selectors(record, process)
    chosen = [r for r in rules if r.redact == "names" and selects(r.selectors, selected)]
    if not chosen:
        return False, None, False
    forever = any(r.years is None for r in chosen)
    latest, undated = _rules_until(
        [r for r in chosen if r.years is not None], record, process, session
    )
    return True, latest, forever or undated


def _rules_until(rules, record, process, session) -> tuple[dt.date | None, bool]:
    latest, undated = None, False
    selected = rule_selectors(record, process)
    for rule in rules:
        if not selects(rule.selectors, selected):
            continue
        base = (session or {}).get("date") if rule.after == "session_date" else None
        base = base or (record.get("date") if rule.after == "record_date" else None)
        if not base:
            undated = True
            continue
        until = _add_years(_last_day(base), rule.years)
        latest = until if latest is None or until > latest else latest
    return latest, undated


def opening_moment(day: dt.date | None, zone: ZoneInfo) -> dt.datetime | None:
    """00:00 of the day in the depository's time zone, as UTC."""
    if day is None:
        return None
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)


def facts_of(
    record: dict[str, Any],
    *,
    rules=(),
    zone: ZoneInfo | None = None,
    process: dict[str, Any] | None = None,
    session: dict[str, Any] | None = None,
    released: bool = False,
) -> AccessFacts:
    """The access facts of a catalog record: its own embargo and its rules', the later one;
    none once an early release has been approved."""
    zone = zone or ZoneInfo("UTC")
    value = record.get("embargo_until")
    own = (
        (moment_of(value) or opening_moment(dt.date.fromisoformat(value), zone)) if value else None
    )
    by_rule, undated = rule_embargo(rules, record, process, session)
    moments = [m for m in (own, opening_moment(by_rule, zone)) if m is not None]
    opens_at = NEVER if undated else (max(moments) if moments else None)
    redacted_fields, passages = set(), []
    for r in record.get("redactions", []):
        name = r.get("field", "text")
        if name == "text" and "start" in r and "end" in r:
            passages.append((int(r["start"]), int(r["end"])))
        elif name == "text":  # the whole text
            redacted_fields.add("text")
        else:
            redacted_fields.add(name)
    names_until = None
    by_name_rule, name_day, for_good = rule_name_redaction(rules, record, process, session)
    if by_name_rule:
        names_until = NEVER if for_good else opening_moment(name_day, zone)
        if not passages:  # names it cannot locate: the content closes, the listing stays
            opens_at = max(m for m in (opens_at, names_until) if m is not None)
    if released:
        opens_at = names_until = None
    return AccessFacts(
        identifier=record["identifier"],
        status=record.get("status", "draft"),
        level=record.get("access", "staff"),
        visibility=record.get("description_visibility", "hidden"),
        opens_at=opens_at,
        redacted_fields=frozenset(redacted_fields),
        passages=tuple(sorted(passages)),
        text_closed="text" in redacted_fields,
        names_until=names_until,
    )


_EARLIEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def widens(old: AccessFacts, new: AccessFacts, at: dt.datetime) -> list[str]:
    """How a change of a record's access facts would open anything to an audience below staff,
    now or later (empty when it only keeps or narrows access). Opening early is a release's
    work: two staff members, not one edit."""
    reasons = []
    for audience in OUTSIDERS:
        for part in ("listing", "description", "text", "file"):
            if may_see(audience, new, part, at) and not may_see(audience, old, part, at):
                reasons.append(f"the {audience} would see its {part} now")
    if old.status != "published" and new.status == "published":
        reasons.append("it would be published")
    if _RANK.get(new.level, 99) < _RANK.get(old.level, 99):
        reasons.append(f"its access level would go down to {new.level}")
    if (new.opens_at or _EARLIEST) < (old.opens_at or _EARLIEST):
        reasons.append("its content would open earlier")
    if old.visibility == "hidden" and new.visibility == "listed":
        reasons.append("its description would be listed")
    if old.redacted_fields - new.redacted_fields or set(old.passages) - set(new.passages):
        reasons.append("a redaction would be removed")
    if old.text_closed and not new.text_closed:
        reasons.append("its text would open")
    if old.names_until is not None and (new.names_until or _EARLIEST) < old.names_until:
        reasons.append("its agents' names would show earlier")
    return list(dict.fromkeys(reasons))
