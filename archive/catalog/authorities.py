"""Collections and authority records (agents and their names, processes, sessions, the
authorities staff published): the only SQL that reads or writes them."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from archive.catalog.rows import (
    dump,
    timestamp,
    valid,
)
from archive.errors import NotFound, Problem, ValidationFailed
from archive.vocabulary import label_key


class AuthorityTables:
    """Mixed into Catalog (archive/catalog/__init__.py), whose connection it uses."""

    conn: sqlite3.Connection

    def put_collection(self, identifier: str, title_en: str = "", title_ar: str = "") -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO collections (id, title_en, title_ar, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET title_en = coalesce(nullif(excluded.title_en, ''), title_en),"
                " title_ar = coalesce(nullif(excluded.title_ar, ''), title_ar)",
                (identifier, title_en, title_ar, timestamp()),
            )

    def collections(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM collections ORDER BY id")]

    def put_agent(self, agent: dict[str, Any], *, actor: str) -> dict[str, Any]:
        agent = valid("agent", agent)
        with self.transaction():
            changed = self._upsert(
                "agents",
                "agent",
                agent,
                actor,
                kind=agent["kind"],
                authorised_name=agent["authorised_name"],
                needs_review=int(agent.get("needs_review", False)),
            )
            if changed:
                self._dependents_changed("agent", agent["id"])
            self.conn.execute("DELETE FROM agent_names WHERE agent_id = ?", (agent["id"],))
            names = [(agent["authorised_name"], "authorised", None)]
            names += [(p["name"], "parallel", p["lang"]) for p in agent.get("parallel_names", [])]
            names += [(v, "variant", None) for v in agent.get("variants", [])]
            for name, form, lang in names:
                self.conn.execute(
                    "INSERT OR IGNORE INTO agent_names (agent_id, name_key, name, form, lang)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (agent["id"], label_key(name), name, form, lang),
                )
        return agent

    def agents_named(self, name: str) -> list[str]:
        """Identifiers of the agents known by this name (any form, any script)."""
        rows = self.conn.execute(
            "SELECT DISTINCT agent_id FROM agent_names WHERE name_key = ? ORDER BY agent_id",
            (label_key(name),),
        )
        return [r[0] for r in rows]

    def put_process(self, process: dict[str, Any], *, actor: str) -> dict[str, Any]:
        process = valid("process", process)
        with self.transaction():
            if process.get("collection"):
                self.put_collection(process["collection"])
            changed = self._upsert(
                "processes",
                "process",
                process,
                actor,
                collection_id=process.get("collection"),
                track=process.get("track"),
            )
            if changed:
                self._dependents_changed("process", process["id"])
        return process

    def put_session(self, session: dict[str, Any], *, actor: str) -> dict[str, Any]:
        session = valid("session", session)
        with self.transaction():
            self._require("processes", "process", session["process"], "process")
            changed = self._upsert(
                "sessions",
                "session",
                session,
                actor,
                process_id=session["process"],
                date=session.get("date"),
            )
            if changed:
                self._dependents_changed("session", session["id"])
        return session

    def agent(self, identifier: str) -> dict[str, Any]:
        return self._data("agents", "agent", identifier)

    def process(self, identifier: str) -> dict[str, Any]:
        return self._data("processes", "process", identifier)

    def session(self, identifier: str) -> dict[str, Any]:
        return self._data("sessions", "session", identifier)

    def described(self, kind: str, identifiers: list[str]) -> dict[str, dict[str, Any]]:
        """Several agents, processes or sessions at once, by identifier (those that exist)."""
        table = {"agent": "agents", "process": "processes", "session": "sessions"}[kind]
        found: dict[str, dict[str, Any]] = {}
        ids = list(dict.fromkeys(identifiers))
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            marks = ", ".join("?" * len(chunk))
            for ident, data in self.conn.execute(
                f"SELECT id, data FROM {table} WHERE id IN ({marks})", chunk
            ):
                found[ident] = json.loads(data)
        return found

    def agents(self) -> list[dict[str, Any]]:
        return self._all("agents")

    def processes(self) -> list[dict[str, Any]]:
        return self._all("processes")

    def sessions(self, process: str | None = None) -> list[dict[str, Any]]:
        if process is None:
            return self._all("sessions")
        rows = self.conn.execute(
            "SELECT data FROM sessions WHERE process_id = ? ORDER BY date, id", (process,)
        )
        return [json.loads(r[0]) for r in rows]

    def reviewed_authorities(self, kind: str) -> set[str]:
        """The agents, processes or sessions staff described (not those ingest created from
        a record, which wait for review)."""
        table = {"agent": "agents", "process": "processes", "session": "sessions"}[kind]
        rows = self.conn.execute(
            f"SELECT id FROM {table} WHERE coalesce(json_extract(data, '$.needs_review'), 0) = 0"
        )
        return {r[0] for r in rows}

    def named_only_for_admins(self, kind: str) -> set[str]:
        """The agents, processes or sessions that only records kept for admins name."""
        sql = {
            "agent": "SELECT ra.agent_id FROM record_agents ra JOIN records r ON r.id ="
            " ra.record_id WHERE ra.agent_id IS NOT NULL GROUP BY ra.agent_id",
            "process": "SELECT r.process_id FROM records r WHERE r.process_id IS NOT NULL"
            " GROUP BY r.process_id",
            "session": "SELECT r.session_id FROM records r WHERE r.session_id IS NOT NULL"
            " GROUP BY r.session_id",
        }[kind]
        rows = self.conn.execute(sql + " HAVING min(r.access = 'admin') = 1")
        return {r[0] for r in rows}

    def published_authorities(self) -> list[tuple[str, str]]:
        """(kind, identifier) of every authority staff published deliberately."""
        return [
            (r[0], r[1])
            for r in self.conn.execute("SELECT kind, id FROM published_authorities ORDER BY 1, 2")
        ]

    def publish_authority(
        self, kind: str, identifier: str, *, actor: str, shown: list[str]
    ) -> None:
        """Staff publish an agent, process or session: known to every audience from now on,
        though no record it may see names it. The event keeps what it made public."""
        with self.transaction():
            getattr(self, kind)(identifier)  # NotFound for an unknown one
            self.conn.execute(
                "INSERT INTO published_authorities (kind, id, published_by, published_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO NOTHING",
                (kind, identifier, actor, timestamp()),
            )
            self.log("published", kind, identifier, actor=actor, detail={"shown": shown})

    def dependents(self, kind: str, identifier: str) -> list[str]:
        """The records whose view or access an authority record takes part in: those of a
        process or a session (a rule's track, collection or session date), those naming an
        agent (its names are indexed with them)."""
        table, column = {
            "process": ("records", "process_id"),
            "session": ("records", "session_id"),
            "agent": ("record_agents", "agent_id"),
        }[kind]
        key = "id" if table == "records" else "record_id"
        rows = self.conn.execute(
            f"SELECT DISTINCT {key} FROM {table} WHERE {column} = ? ORDER BY 1", (identifier,)
        )
        return [r[0] for r in rows]

    def _dependents_changed(self, kind: str, identifier: str) -> None:
        """An authority record changed: the records depending on it are indexed again and
        their moments of access recomputed (a process's track may bring a rule to bear)."""
        ids = self.dependents(kind, identifier)
        if kind != "agent":
            self.forget_transitions(ids)
        now = timestamp()
        for record_id in ids:
            self._enqueue(record_id, now)

    def _upsert(
        self, table: str, subject_type: str, data: dict[str, Any], actor: str, **columns: Any
    ) -> bool:
        """Insert or update an authority record; True when an existing one changed."""
        ident, now = data["id"], timestamp()
        old = self.conn.execute(f"SELECT data FROM {table} WHERE id = ?", (ident,)).fetchone()
        names = ["id", *columns, "data", "updated_at"]
        values = [ident, *columns.values(), dump(data), now]
        if old is None:
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}, created_at) VALUES ({', '.join('?' * len(names))}, ?)",
                (*values, now),
            )
            self.log("described", subject_type, ident, actor=actor, detail={"created": True})
        elif json.loads(old[0]) != data:
            sets = ", ".join(f"{n} = ?" for n in names[1:])
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values[1:], ident))
            before = json.loads(old[0])
            diff = {
                k: {"old": before.get(k), "new": data.get(k)}
                for k in sorted(set(before) | set(data))
                if before.get(k) != data.get(k)
            }
            self.log("metadata_changed", subject_type, ident, actor=actor, detail=diff)
            return True
        return False

    def _data(self, table: str, kind: str, identifier: str) -> dict[str, Any]:
        row = self.conn.execute(f"SELECT data FROM {table} WHERE id = ?", (identifier,)).fetchone()
        if row is None:
            raise NotFound(kind, identifier)
        return json.loads(row[0])

    def _all(self, table: str) -> list[dict[str, Any]]:
        return [
            json.loads(r[0]) for r in self.conn.execute(f"SELECT data FROM {table} ORDER BY id")
        ]

    def _require(self, table: str, kind: str, identifier: str, field: str) -> None:
        if not self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (identifier,)).fetchone():
            raise ValidationFailed(
                kind, identifier, [Problem(field, f"no {kind} {identifier!r} in the catalog")]
            )

    def exists(self, kind: str, identifier: str) -> bool:
        """Whether an agent, process or session of this identifier is in the catalog."""
        table = {"agent": "agents", "process": "processes", "session": "sessions"}[kind]
        found = self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (identifier,))
        return found.fetchone() is not None

    def agent_names_of(self, agent_id: str) -> list[str]:
        """Every name (authorised, parallel, variant) the agent is known by."""
        rows = self.conn.execute("SELECT name FROM agent_names WHERE agent_id = ?", (agent_id,))
        return [r[0] for r in rows]

    def all_agent_names(self) -> list[tuple[str, str, str]]:
        """(lookup key, name, agent) of every name of every agent, the longest keys first."""
        rows = self.conn.execute(
            "SELECT name_key, name, agent_id FROM agent_names ORDER BY length(name_key) DESC"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def agent_names_by_agent(self) -> dict[str, list[str]]:
        """Each agent's names, by agent and name."""
        names: dict[str, list[str]] = {}
        for agent_id, name in self.conn.execute(
            "SELECT agent_id, name FROM agent_names ORDER BY agent_id, name"
        ):
            names.setdefault(agent_id, []).append(name)
        return names

    def agent_names_state(self) -> tuple:
        """A value that changes whenever an agent or one of its names does (for caches)."""
        return tuple(
            self.conn.execute(
                "SELECT (SELECT count(*) FROM agents), (SELECT max(updated_at) FROM agents),"
                " (SELECT count(*) FROM agent_names), (SELECT max(rowid) FROM agent_names)"
            ).fetchone()
        )

    def agent_redirect(self, identifier: str) -> str | None:
        """The agent an old identifier was merged into, where the public knew the old one."""
        row = self.conn.execute(
            "SELECT new_id FROM agent_redirects WHERE old_id = ? AND shown = 1", (identifier,)
        ).fetchone()
        return row[0] if row else None

    def retire_agent(self, old: str, into: str, *, shown: bool) -> None:
        """An agent merged into another goes; its identifier (and those merged into it) now
        lead to `into`, shown to the public where `shown`."""
        with self.transaction():
            self.conn.execute("UPDATE agent_redirects SET new_id = ? WHERE new_id = ?", (into, old))
            self.conn.execute(
                "INSERT OR REPLACE INTO agent_redirects (old_id, new_id, at, shown)"
                " VALUES (?, ?, ?, ?)",
                (old, into, timestamp(), int(shown)),
            )
            self.conn.execute("DELETE FROM agents WHERE id = ?", (old,))
