"""The audiences a depository serves, from the least trusted to the most: one list for every
module, read from the `audiences` vocabulary (`metadata_schema/vocabularies/audiences.json`),
which also labels them in both languages (or from the file of that name in the folder
`MEDIARCH_VOCABULARIES` names). The catalog names none (migration 0014 dropped its two CHECK
constraints): adding an audience that sees by its rank needs no code (docs/architecture.md).

- `PUBLIC`: anyone, signed in or not; the least an audience may see.
- `ROLES`: the audiences a user signs in as (every one but the public).
- `OUTSIDERS`: the audiences outside the institution (below staff), whose views only a
  release may widen and whom the leak suite attacks.
- `INSIDERS`: the institution's own (staff and above): they edit, release and see every record
  whole but those kept for admins, whatever its embargo.
"""

from __future__ import annotations

from archive.vocabulary import vocabulary

AUDIENCES: tuple[str, ...] = tuple(term.code for term in vocabulary("audiences").terms)
PUBLIC = AUDIENCES[0]
ROLES: tuple[str, ...] = AUDIENCES[1:]
OUTSIDERS: tuple[str, ...] = AUDIENCES[: AUDIENCES.index("staff")]
INSIDERS: tuple[str, ...] = AUDIENCES[AUDIENCES.index("staff") :]
