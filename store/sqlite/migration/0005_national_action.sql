-- What the clerk did in the national filing system (备案管理系统) for a case
-- before closing it: the day, and which holder (主体), website or APP was
-- cancelled there, one row per filing number. Evidence, so append-only.
CREATE TABLE national_action (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES cases (id),
	day         TEXT NOT NULL,   -- YYYY-MM-DD, China time
	scope       TEXT NOT NULL,   -- subject, site, app
	filing      TEXT NOT NULL,   -- canonical filing number
	clerk       TEXT NOT NULL,
	recorded_at TEXT NOT NULL
);
CREATE INDEX national_action_case ON national_action (case_id, id);
CREATE TRIGGER national_action_no_update BEFORE UPDATE ON national_action
BEGIN SELECT RAISE(ABORT, 'national actions are append-only'); END;
CREATE TRIGGER national_action_no_delete BEFORE DELETE ON national_action
BEGIN SELECT RAISE(ABORT, 'national actions are append-only'); END;
