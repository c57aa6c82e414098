-- What the indexes were last built under (the embargo rules and the time zone), so that a
-- change of configuration re-evaluates the records it covers.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
