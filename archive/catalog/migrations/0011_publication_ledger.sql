-- What the public may see of each record, as last published: a digest of the public view, the
-- moment it last changed (the datestamp harvesters select by) and whether it has gone (a
-- record the public could see and now cannot: a deletion to harvesters). A record the public
-- never saw has no row. Written by the indexer as it applies each change, so an embargo that
-- lifts enters the harvest with the moment the lift was applied.
CREATE TABLE public_ledger (
    record_id    TEXT PRIMARY KEY,
    digest       TEXT NOT NULL,
    datestamp    TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    collection   TEXT,
    process      TEXT
);
CREATE INDEX public_ledger_by_datestamp ON public_ledger(datestamp, record_id);
