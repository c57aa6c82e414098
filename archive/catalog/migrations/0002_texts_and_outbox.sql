-- The text extracted from each record's original, by page, kept so that the index can be
-- rebuilt without extracting again; and the outbox of index work, written in the same
-- transaction as the catalog change that causes it.

CREATE TABLE texts (
    record_id   TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    pages       TEXT NOT NULL,              -- JSON array of page texts, page 1 first
    details     TEXT NOT NULL DEFAULT '{}', -- JSON: format, encoding, languages, OCR pages, repairs
    created_at  TEXT NOT NULL
);

-- AUTOINCREMENT: ids never come back after rows are deleted, so an index's "applied up to"
-- mark stays meaningful.
CREATE TABLE index_outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id   TEXT NOT NULL,
    enqueued_at TEXT NOT NULL
);
CREATE INDEX index_outbox_by_record ON index_outbox(record_id);
