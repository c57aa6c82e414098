-- Records queued again because their access changed by itself (an embargo's moment, a rule,
-- a release) and not by an edit: staff's and admins' views do not change then, so their
-- indexes need not be written again.
ALTER TABLE index_outbox ADD COLUMN access_only INTEGER NOT NULL DEFAULT 0;
