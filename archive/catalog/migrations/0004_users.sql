-- People who sign in: readers (registered researchers, approved by staff), staff and admins.
-- Passwords are kept as scrypt hashes only.
CREATE TABLE users (
    name        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('reader', 'staff', 'admin')),
    password    TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active', 'disabled')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- The audit log gains the kinds of events users and releases make. SQLite cannot change a
-- CHECK constraint in place: the table is copied into a new one, ids and all.
CREATE TABLE events_v4 (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN (
                        'created', 'ingested', 'metadata_changed', 'access_changed',
                        'released', 'fixity_checked', 'withdrawn', 'described',
                        'user_added', 'user_approved', 'role_changed', 'user_disabled',
                        'release_proposed', 'release_approved', 'viewed', 'downloaded')),
    subject_type    TEXT NOT NULL,
    subject_id      TEXT,
    detail          TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO events_v4 (id, at, actor, kind, subject_type, subject_id, detail)
    SELECT id, at, actor, kind, subject_type, subject_id, detail FROM events;
DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;
CREATE INDEX events_by_subject ON events(subject_type, subject_id);
