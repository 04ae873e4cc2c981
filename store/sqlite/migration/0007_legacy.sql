-- Historic cases brought in from the desk's old Excel ledger (台账).
-- legacy_no keeps the ledger's own number (序号) so a clerk can still find a
-- case by the number on paper.
ALTER TABLE cases ADD COLUMN legacy_no TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_legacy_no ON cases (legacy_no) WHERE legacy_no <> '';

-- One row per import run (also a dry run leaves nothing here).
CREATE TABLE ledger_import (
	id          INTEGER PRIMARY KEY,
	file_name   TEXT NOT NULL,
	file_sha256 TEXT NOT NULL,
	sheet       TEXT NOT NULL DEFAULT '',
	imported_at TEXT NOT NULL,
	clerk       TEXT NOT NULL,
	rows        INTEGER NOT NULL,
	imported    INTEGER NOT NULL,
	duplicates  INTEGER NOT NULL,
	invalid     INTEGER NOT NULL
);

-- Which ledger row became (or duplicated) which case: importing the same file
-- again finds every row here and adds nothing.
CREATE TABLE ledger_row (
	file_sha256 TEXT NOT NULL,
	sheet       TEXT NOT NULL,
	row         INTEGER NOT NULL,
	case_id     INTEGER NOT NULL REFERENCES cases (id),
	import_id   INTEGER NOT NULL REFERENCES ledger_import (id),
	PRIMARY KEY (file_sha256, sheet, row)
) WITHOUT ROWID;
CREATE INDEX ledger_row_case ON ledger_row (case_id);
