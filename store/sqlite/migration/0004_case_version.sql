-- Optimistic concurrency: every change of a case raises its version, and a
-- change based on an older version is refused (two windows, one case).
ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
