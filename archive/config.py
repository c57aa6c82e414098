"""The depository's configuration: `mediarch.toml` at its root.

It names the institution in both languages, the time zone in which embargo dates fall, the
defaults for new records (closed unless told otherwise, so nothing turns public by accident)
and the embargo rules.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from archive.errors import ConfigError
from archive.vocabulary import vocabulary

CONFIG_NAME = "mediarch.toml"

TEMPLATE = """\
# Configuration of a mediation depository (mediarch). Edit with care: every change is read
# the next time a command or the server starts.

[institution]
name_en = {name_en}
name_ar = {name_ar}
about_en = {about_en}
about_ar = {about_ar}

[depository]
# Embargo dates lift at 00:00 on the date in this time zone (an IANA name).
time_zone = "UTC"

[defaults]
# What a new record gets when its manifest row does not say. Closed by default.
access = "staff"
status = "published"
description_visibility = "hidden"

# Embargo rules: a record's embargo is the later of its own date and its rules'.
# Select by any of collection, process, document_type, track; close for `years` calendar
# years after the record's `after` date ("session_date" or "record_date").
# [[embargo_rules]]
# document_type = "minutes"
# track = "2"
# years = 15
# after = "session_date"
#
# A rule with `redact = "names"` hides the names in the records it selects from audiences
# below staff (for `years` after the date, or for good without `years`). Names cannot be found
# in a text reliably, so such a record's text stays closed (its description listed) unless
# staff have marked the passages to redact; then those passages and the agents are hidden.
# [[embargo_rules]]
# document_type = "participant_list"
# redact = "names"
# years = 25
"""

_RULE_SELECTORS = {"collection", "process", "document_type", "track"}
_RULE_KEYS = _RULE_SELECTORS | {"years", "after", "redact"}
_REDACTIONS = ("names",)


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def render_template(name_en: str, name_ar: str, about_en: str = "", about_ar: str = "") -> str:
    return TEMPLATE.format(
        name_en=_toml_string(name_en),
        name_ar=_toml_string(name_ar),
        about_en=_toml_string(about_en),
        about_ar=_toml_string(about_ar),
    )


DEFAULT_BASE_URL = "http://127.0.0.1:5000/"


@dataclass(frozen=True)
class EmbargoRule:
    selectors: dict[str, str]
    years: int | None  # None: for good (only a redaction rule may leave it out)
    after: str = "session_date"
    redact: str | None = None  # "names": a redaction rule, not an embargo


SCHEDULE_SECONDS = 10.0  # how often the served site looks for due work, unless [web] says


@dataclass(frozen=True)
class Config:
    path: Path
    name_en: str
    name_ar: str
    about_en: str = ""
    about_ar: str = ""
    time_zone: str = "UTC"
    default_access: str = "staff"
    default_status: str = "published"
    default_description_visibility: str = "hidden"
    embargo_rules: tuple[EmbargoRule, ...] = field(default_factory=tuple)
    secure_cookies: bool = False  # [web] secure_cookies = true behind HTTPS
    behind_proxy: bool = False  # [web] behind_proxy = true: trust one proxy's X-Forwarded-For
    # [web] schedule_seconds: how often the server looks for due work (an embargo's moment, a
    # damaged index, a waiting ingest job); read when it starts
    schedule_seconds: float = SCHEDULE_SECONDS
    # [web] base_url: the site's public address. Exports point readers there; the site builds
    # every absolute address (sitemap, OAI baseURL, citations) from it, never from the
    # request's Host header. Unset: the site uses the request's, exports DEFAULT_BASE_URL.
    base_url: str | None = None
    admin_email: str = "archivist@depository.example"  # [institution] admin_email (OAI-PMH)
    repository_id: str = "mediarch.example"  # [oai] repository_identifier: oai:ID:record
    oai_page: int = 100  # [oai] page_size: records per answer before a resumption token

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


def _get(table: dict[str, Any], path: Path, section: str, key: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise ConfigError(path, f"{section}.{key}", f"must be a string, not {value!r}")
    return value


def _code(path: Path, key: str, vocab: str, value: str) -> str:
    code = vocabulary(vocab).find(value)
    if code is None:
        raise ConfigError(
            path, key, f"{value!r} is not one of {', '.join(vocabulary(vocab).codes)}"
        )
    return code


def _rule(path: Path, index: int, raw: Any) -> EmbargoRule:
    key = f"embargo_rules[{index}]"
    if not isinstance(raw, dict):
        raise ConfigError(path, key, "must be a table")
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise ConfigError(
            path, f"{key}.{unknown[0]}", f"unknown key (known: {', '.join(sorted(_RULE_KEYS))})"
        )
    redact = raw.get("redact")
    if redact is not None and redact not in _REDACTIONS:
        raise ConfigError(path, f"{key}.redact", f"must be one of {', '.join(_REDACTIONS)}")
    years = raw.get("years")
    if (years is not None or redact is None) and (
        not isinstance(years, int) or isinstance(years, bool) or years < 0
    ):
        raise ConfigError(path, f"{key}.years", "must be a whole number of years, 0 or more")
    after = raw.get("after", "session_date")
    if after not in ("session_date", "record_date"):
        raise ConfigError(path, f"{key}.after", "must be 'session_date' or 'record_date'")
    selectors = {k: str(v) for k, v in raw.items() if k in _RULE_SELECTORS}
    if "document_type" in selectors:
        selectors["document_type"] = _code(
            path, f"{key}.document_type", "document_types", selectors["document_type"]
        )
    if "track" in selectors:
        selectors["track"] = _code(path, f"{key}.track", "tracks", selectors["track"])
    return EmbargoRule(selectors, years, after, redact)


def load_config(path: Path) -> Config:
    """Read and check `mediarch.toml`; a ConfigError names the file, the key and the reason."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, "-", "the configuration file is missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(path, "-", f"not valid TOML: {exc}") from None
    inst, dep, defaults = (data.get(s, {}) for s in ("institution", "depository", "defaults"))
    time_zone = _get(dep, path, "depository", "time_zone", "UTC")
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            path, "depository.time_zone", f"unknown time zone {time_zone!r}"
        ) from None
    rules = data.get("embargo_rules", [])
    if not isinstance(rules, list):
        raise ConfigError(path, "embargo_rules", "must be an array of tables ([[embargo_rules]])")
    web = data.get("web", {})
    flags = {}
    for key in ("secure_cookies", "behind_proxy"):
        flags[key] = web.get(key, False)
        if not isinstance(flags[key], bool):
            raise ConfigError(path, f"web.{key}", "must be true or false")
    schedule = web.get("schedule_seconds", SCHEDULE_SECONDS)
    if (
        not isinstance(schedule, int | float)
        or isinstance(schedule, bool)
        or not 1 <= schedule <= 60
    ):
        raise ConfigError(path, "web.schedule_seconds", "must be a number of seconds from 1 to 60")
    base_url = _get(web, path, "web", "base_url", "") or None
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise ConfigError(path, "web.base_url", "must be an http:// or https:// address")
    if base_url is not None and not base_url.endswith("/"):
        base_url += "/"
    admin_email = _get(inst, path, "institution", "admin_email", "archivist@depository.example")
    if not re.match(r"^\S+@(\S+\.)+\S+$", admin_email):
        raise ConfigError(path, "institution.admin_email", "must be an e-mail address")
    oai = data.get("oai", {})
    repository_id = _get(oai, path, "oai", "repository_identifier", "mediarch.example")
    if not re.match(r"^[A-Za-z0-9.-]+$", repository_id):
        raise ConfigError(path, "oai.repository_identifier", "letters, digits, dots and dashes")
    oai_page = oai.get("page_size", 100)
    if not isinstance(oai_page, int) or isinstance(oai_page, bool) or not 1 <= oai_page <= 1000:
        raise ConfigError(path, "oai.page_size", "must be a whole number from 1 to 1000")
    return Config(
        path=path,
        oai_page=oai_page,
        schedule_seconds=float(schedule),
        base_url=base_url,
        admin_email=admin_email,
        repository_id=repository_id,
        **flags,
        name_en=_get(inst, path, "institution", "name_en", "Mediation depository"),
        name_ar=_get(inst, path, "institution", "name_ar", "مستودع الوساطة"),
        about_en=_get(inst, path, "institution", "about_en", ""),
        about_ar=_get(inst, path, "institution", "about_ar", ""),
        time_zone=time_zone,
        default_access=_code(
            path,
            "defaults.access",
            "audiences",
            _get(defaults, path, "defaults", "access", "staff"),
        ),
        default_status=_code(
            path,
            "defaults.status",
            "publication_status",
            _get(defaults, path, "defaults", "status", "published"),
        ),
        default_description_visibility=_code(
            path,
            "defaults.description_visibility",
            "description_visibility",
            _get(defaults, path, "defaults", "description_visibility", "hidden"),
        ),
        embargo_rules=tuple(_rule(path, i, r) for i, r in enumerate(rules)),
    )
