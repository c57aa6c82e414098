"""Authority work on agents: marking those ingest created as reviewed, and merging a duplicate
into the agent it repeats. A merge moves every mention (records, processes' teams, sessions'
participants and interpreters) to the agent kept, keeps the duplicate's names as variants of
it, and leaves a redirect so that the old identifier still leads somewhere."""

from __future__ import annotations

from typing import Any

from archive.authorities import AGENT_KEYS
from archive.catalog import Catalog
from archive.errors import ArchiveError, NotFound


class MergeError(ArchiveError):
    pass


def redirect(catalog: Catalog, identifier: str) -> str | None:
    """The agent an old identifier now stands for, if it was merged when the public knew it
    (any other's address stays unknown)."""
    return catalog.agent_redirect(identifier)


def needing_review(catalog: Catalog) -> list[dict[str, Any]]:
    return [a for a in catalog.agents() if a.get("needs_review")]


def mark_reviewed(catalog: Catalog, identifier: str, *, actor: str) -> dict[str, Any]:
    agent = catalog.agent(identifier)
    agent.pop("needs_review", None)
    return catalog.put_agent(agent, actor=actor)


def _moved(value: Any, old: str, new: str) -> Any:
    if isinstance(value, dict):
        return {
            k: (new if k in AGENT_KEYS and v == old else _moved(v, old, new))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_moved(v, old, new) for v in value]
    return value


def merge(
    catalog: Catalog, old: str, into: str, *, actor: str, public_knew: bool = False
) -> list[str]:
    """Merge agent `old` into agent `into`; returns the records whose description changed.
    The duplicate's names become variants of the one kept, and its old address redirects to
    it, only when the public knew the duplicate (`public_knew`): the names of any other may
    come from closed records alone, so staff add them by hand if they should show."""
    if old == into:
        raise MergeError(
            f"{old}: an agent cannot be merged into itself", code="merge_self", agent=old
        )
    with catalog.transaction():  # read and changed at once: two merges cannot cross
        try:
            duplicate, kept = catalog.agent(old), catalog.agent(into)
        except NotFound as exc:
            raise MergeError(str(exc), code="not_found", **exc.details) from None
        variants = list(kept.get("variants", []))
        if public_knew:
            names = {kept["authorised_name"], *variants}
            names |= {p["name"] for p in kept.get("parallel_names", [])}
            offered = [duplicate["authorised_name"], *duplicate.get("variants", [])]
            offered += [p["name"] for p in duplicate.get("parallel_names", [])]
            variants += [n for n in dict.fromkeys(offered) if n not in names]
            if variants:
                kept["variants"] = variants
            catalog.put_agent(kept, actor=actor)
        changed = []
        for record_id in catalog.dependents("agent", old):
            record = catalog.record(record_id)
            agents = _moved(record.get("agents", []), old, into)
            catalog.update_record(record_id, {"agents": agents}, actor=actor)
            changed.append(record_id)
        for process in catalog.processes():
            moved = _moved(process, old, into)
            if moved != process:
                catalog.put_process(moved, actor=actor)
        for session in catalog.sessions():
            moved = _moved(session, old, into)
            if moved != session:
                catalog.put_session(moved, actor=actor)
        catalog.retire_agent(old, into, shown=public_knew)
        catalog.log(
            "agent_merged",
            "agent",
            old,
            actor=actor,
            detail={"into": into, "records": changed, "public_knew": public_knew},
        )
    return changed
