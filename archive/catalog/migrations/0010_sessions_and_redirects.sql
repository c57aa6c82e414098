-- Signing out ends every session of the user (their cookies carry an epoch that no longer
-- matches); a merged agent's old address redirects only when the public knew that agent.
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agent_redirects ADD COLUMN shown INTEGER NOT NULL DEFAULT 0;
