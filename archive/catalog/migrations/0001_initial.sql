-- The catalog: what the depository holds and what happened to it.
-- Descriptions are kept whole as JSON (validated against metadata_schema/) in `data`;
-- the columns beside it are the parts that queries, joins and access decisions need.

CREATE TABLE collections (
    id          TEXT PRIMARY KEY,
    title_en    TEXT,
    title_ar    TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE agents (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    authorised_name TEXT NOT NULL,
    needs_review    INTEGER NOT NULL DEFAULT 0,
    data            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- Every name an agent is known by, for matching names found in documents and manifests.
CREATE TABLE agent_names (
    agent_id    TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    name_key    TEXT NOT NULL,
    name        TEXT NOT NULL,
    form        TEXT NOT NULL CHECK (form IN ('authorised', 'parallel', 'variant')),
    lang        TEXT,
    PRIMARY KEY (agent_id, name_key)
);
CREATE INDEX agent_names_by_key ON agent_names(name_key);

CREATE TABLE processes (
    id              TEXT PRIMARY KEY,
    collection_id   TEXT REFERENCES collections(id),
    track           TEXT,
    data            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    process_id  TEXT NOT NULL REFERENCES processes(id),
    date        TEXT,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE records (
    id                      TEXT PRIMARY KEY,
    collection_id           TEXT REFERENCES collections(id),
    process_id              TEXT REFERENCES processes(id),
    session_id              TEXT REFERENCES sessions(id),
    document_type           TEXT NOT NULL,
    date                    TEXT,
    status                  TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
    access                  TEXT NOT NULL CHECK (access IN ('public', 'reader', 'staff', 'admin')),
    embargo_until           TEXT,
    description_visibility  TEXT NOT NULL CHECK (description_visibility IN ('listed', 'hidden')),
    data                    TEXT NOT NULL,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);
CREATE INDEX records_by_process ON records(process_id);
CREATE INDEX records_by_session ON records(session_id);

-- Who a record names, in what role; rewritten from `records.data` whenever a record is saved.
CREATE TABLE record_agents (
    record_id   TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    agent_id    TEXT REFERENCES agents(id),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
);
CREATE INDEX record_agents_by_agent ON record_agents(agent_id);

-- Originals: each a sha256-addressed object in the store.
CREATE TABLE files (
    id              INTEGER PRIMARY KEY,
    record_id       TEXT NOT NULL REFERENCES records(id),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    size            INTEGER NOT NULL CHECK (size >= 0),
    media_type      TEXT NOT NULL,
    original_name   TEXT NOT NULL,
    source_path     TEXT,
    added_at        TEXT NOT NULL,
    UNIQUE (record_id, sha256)
);
CREATE INDEX files_by_sha256 ON files(sha256);

-- The audit log. `detail` is JSON: old and new values of a change, counts of a check.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN (
                        'created', 'ingested', 'metadata_changed', 'access_changed',
                        'released', 'fixity_checked', 'withdrawn', 'described')),
    subject_type    TEXT NOT NULL,
    subject_id      TEXT,
    detail          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_by_subject ON events(subject_type, subject_id);
