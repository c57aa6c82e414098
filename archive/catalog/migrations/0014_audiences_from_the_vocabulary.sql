-- The audiences are the vocabulary's (metadata_schema/vocabularies/audiences.json, read by
-- archive/audiences.py), not a list written into two tables: a record's access level is checked
-- by the schema against the vocabulary, a user's role by archive/access/users.py, and an access
-- level the vocabulary does not know closes the record to everyone below staff (policy.py).
-- SQLite cannot drop a CHECK constraint; its documented way is to edit the table's definition
-- in place (https://sqlite.org/lang_altertable.html, "making other kinds of table schema
-- changes"), within this migration's transaction; the runner then bumps schema_version.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, ' CHECK (access IN (''public'', ''reader'', ''staff'', ''admin''))', '')
 WHERE type = 'table' AND name = 'records';
UPDATE sqlite_master
   SET sql = replace(sql, ' CHECK (role IN (''reader'', ''staff'', ''admin''))', '')
 WHERE type = 'table' AND name = 'users';
PRAGMA writable_schema = OFF;
