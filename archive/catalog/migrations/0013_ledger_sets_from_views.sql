-- The publication ledger's sets (collection, process) come from each record's public view: a
-- redacted process or a collection the public may not see is no set of that record. Every
-- record is noted again (the next drain; datestamps return to when each record last changed).
UPDATE public_ledger SET digest = '';
DELETE FROM settings WHERE key = 'public_ledger';
