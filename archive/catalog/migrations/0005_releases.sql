-- Early releases: one staff member proposes opening a record (its redacted version, or all of
-- it) before its embargo, another approves; the record then opens to its access level.
CREATE TABLE releases (
    record_id    TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    proposed_by  TEXT NOT NULL REFERENCES users(name),
    proposed_at  TEXT NOT NULL,
    redacted     INTEGER NOT NULL DEFAULT 0,
    basis        TEXT NOT NULL DEFAULT '',
    approved_by  TEXT REFERENCES users(name),
    approved_at  TEXT,
    PRIMARY KEY (record_id, proposed_at)
);
