-- The reading room on the web: readers register (with who they are and why they come), sign in
-- (failed attempts counted, so guessing is throttled), ask for access to a closed record;
-- staff merge duplicate agents (the old identifier points on) and queue ingests that outlive
-- a restart of the server.
ALTER TABLE users ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';

CREATE TABLE login_failures (
    key  TEXT NOT NULL,   -- 'user:NAME' or 'addr:ADDRESS'
    at   TEXT NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures(key, at);

CREATE TABLE access_requests (
    id           INTEGER PRIMARY KEY,
    record_id    TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    user_name    TEXT NOT NULL REFERENCES users(name),
    reason       TEXT NOT NULL,
    asked_at     TEXT NOT NULL,
    answer       TEXT CHECK (answer IN ('release_proposed', 'refused')),
    note         TEXT NOT NULL DEFAULT '',
    answered_by  TEXT REFERENCES users(name),
    answered_at  TEXT
);
CREATE INDEX access_requests_by_user ON access_requests(user_name);

CREATE TABLE agent_redirects (
    old_id  TEXT PRIMARY KEY,
    new_id  TEXT NOT NULL REFERENCES agents(id),
    at      TEXT NOT NULL
);

CREATE TABLE ingest_jobs (
    id          INTEGER PRIMARY KEY,
    folder      TEXT NOT NULL,          -- under the depository's uploads/
    options     TEXT NOT NULL,          -- JSON: manifest, authority files, collection
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'done', 'failed')),
    runs        INTEGER NOT NULL DEFAULT 0,
    progress    TEXT NOT NULL DEFAULT '{}',  -- JSON: total, done, the files settled so far
    report      TEXT,                        -- JSON: the report of the finished run
    error       TEXT,
    started_at  TEXT,
    finished_at TEXT
);

-- The audit log gains the kinds of events of the reading room.
CREATE TABLE events_v9 (
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
                        'ingest_queued', 'ingest_finished')),
    subject_type    TEXT NOT NULL,
    subject_id      TEXT,
    detail          TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO events_v9 (id, at, actor, kind, subject_type, subject_id, detail)
    SELECT id, at, actor, kind, subject_type, subject_id, detail FROM events;
DROP TABLE events;
ALTER TABLE events_v9 RENAME TO events;
CREATE INDEX events_by_subject ON events(subject_type, subject_id);
