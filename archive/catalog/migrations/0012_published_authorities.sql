-- Authority records (agents, processes, sessions) that staff published deliberately: known to
-- every audience even where no record it may see names them. Any other authority is known to
-- an audience only through the records it may see.
CREATE TABLE published_authorities (
    kind TEXT NOT NULL CHECK (kind IN ('agent', 'process', 'session')),
    id TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

-- The audit log gains staff confirming guessed values and publishing an authority.
CREATE TABLE events_v12 (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN (
                        'created', 'ingested', 'metadata_changed', 'access_changed',
                        'released', 'fixity_checked', 'withdrawn', 'described',
                        'user_added', 'user_approved', 'role_changed', 'user_disabled',
                        'release_proposed', 'release_approved', 'viewed', 'downloaded',
                        'user_registered', 'signed_in', 'sign_in_refused',
                        'access_requested', 'access_request_answered', 'agent_merged',
                        'ingest_queued', 'ingest_finished', 'confirmed', 'published')),
    subject_type    TEXT NOT NULL,
    subject_id      TEXT,
    detail          TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO events_v12 (id, at, actor, kind, subject_type, subject_id, detail)
    SELECT id, at, actor, kind, subject_type, subject_id, detail FROM events;
DROP TABLE events;
ALTER TABLE events_v12 RENAME TO events;
CREATE INDEX events_by_subject ON events(subject_type, subject_id);
