-- Moments at which a record's view changes by itself (an embargo lifting): the indexer notes
-- them when it indexes a record; `apply_due` re-queues each record once its moment has passed
-- and logs the release with the time it was applied.
CREATE TABLE access_transitions (
    record_id   TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    due_at      TEXT NOT NULL,  -- UTC, ISO 8601
    noted_at    TEXT NOT NULL,
    applied_at  TEXT,
    PRIMARY KEY (record_id, due_at)
);
CREATE INDEX access_transitions_pending ON access_transitions (due_at) WHERE applied_at IS NULL;
