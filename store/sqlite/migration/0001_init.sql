-- Initial schema: the case book, its history, settings, the holiday calendar,
-- and mail with content-addressed blobs.

CREATE TABLE setting (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Case numbers are never reused: the counter only grows.
CREATE TABLE case_seq (
	prefix TEXT    NOT NULL,
	year   INTEGER NOT NULL,
	last   INTEGER NOT NULL,
	PRIMARY KEY (prefix, year)
);

CREATE TABLE cases (
	id           INTEGER PRIMARY KEY,
	number       TEXT NOT NULL UNIQUE,
	kind         TEXT NOT NULL,
	channel      TEXT NOT NULL,
	status       TEXT NOT NULL,
	received_at  TEXT NOT NULL,          -- RFC 3339, as recorded
	received_day TEXT NOT NULL,          -- YYYY-MM-DD, China time
	clock_day    TEXT NOT NULL,          -- day the deadline clock last (re)started
	due          TEXT,                   -- YYYY-MM-DD; NULL when the kind has no deadline
	closed_at    TEXT,                   -- RFC 3339 of the move to a final state
	closed_day   TEXT,
	sponsor_type TEXT NOT NULL DEFAULT '',
	applicant    TEXT NOT NULL DEFAULT '',
	sponsor      TEXT NOT NULL DEFAULT '',
	cert_no      TEXT NOT NULL DEFAULT '',
	provider     TEXT NOT NULL DEFAULT '',
	contact      TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT '',
	filings      TEXT NOT NULL DEFAULT '[]', -- JSON array
	domains      TEXT NOT NULL DEFAULT '[]', -- JSON array of punycode names
	details      TEXT NOT NULL DEFAULT '{}', -- JSON object of channel details
	note         TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX cases_status_due ON cases (status, due);
CREATE INDEX cases_received_day ON cases (received_day);
CREATE INDEX cases_due ON cases (due);
CREATE INDEX cases_closed_day ON cases (closed_day);

CREATE TABLE material (
	case_id    INTEGER NOT NULL REFERENCES cases (id),
	pos        INTEGER NOT NULL,
	item       TEXT NOT NULL,
	state      TEXT NOT NULL DEFAULT 'missing',
	note       TEXT NOT NULL DEFAULT '',
	checked_at TEXT,
	checked_by TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, pos)
) WITHOUT ROWID;

-- The history is evidence: append-only.
CREATE TABLE event (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES cases (id),
	at          TEXT NOT NULL,   -- when it happened
	recorded_at TEXT NOT NULL,   -- when it was entered
	clerk       TEXT NOT NULL,
	action      TEXT NOT NULL,   -- create, status, check, edit, link, file
	from_status TEXT NOT NULL DEFAULT '',
	to_status   TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_case ON event (case_id, id);
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'event history is append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'event history is append-only'); END;

-- Trigram index over what a clerk types into the search box.
CREATE VIRTUAL TABLE case_fts USING fts5(body, tokenize = 'trigram');

-- Holiday calendar: a year imported from a notice replaces the built-in table;
-- a day edited by a clerk overrides both.
CREATE TABLE holiday_year (
	year        INTEGER PRIMARY KEY,
	off         TEXT NOT NULL,   -- JSON array of YYYY-MM-DD
	work        TEXT NOT NULL,   -- JSON array of YYYY-MM-DD
	source      TEXT NOT NULL DEFAULT '',
	imported_at TEXT NOT NULL
);
CREATE TABLE holiday_day (
	day       TEXT PRIMARY KEY,  -- YYYY-MM-DD
	work      INTEGER NOT NULL,  -- 1 working day, 0 day off
	clerk     TEXT NOT NULL DEFAULT '',
	edited_at TEXT NOT NULL
);

-- Content-addressed blobs in 256 KiB chunks, so a 50 MB mail never sits in memory.
-- sha256 is NULL only while a blob is being written inside a transaction.
CREATE TABLE blob (
	id     INTEGER PRIMARY KEY,
	sha256 TEXT UNIQUE,
	size   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE blob_chunk (
	blob_id INTEGER NOT NULL REFERENCES blob (id),
	seq     INTEGER NOT NULL,
	data    BLOB NOT NULL,
	PRIMARY KEY (blob_id, seq)
) WITHOUT ROWID;

CREATE TABLE mail (
	id          INTEGER PRIMARY KEY,
	dedup_key   TEXT NOT NULL UNIQUE,
	message_id  TEXT NOT NULL DEFAULT '',
	raw_sha256  TEXT NOT NULL REFERENCES blob (sha256),
	raw_size    INTEGER NOT NULL,
	date        TEXT NOT NULL DEFAULT '',
	from_name   TEXT NOT NULL DEFAULT '',
	from_addr   TEXT NOT NULL DEFAULT '',
	to_addrs    TEXT NOT NULL DEFAULT '[]',
	subject     TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	proposal    TEXT NOT NULL DEFAULT '{}',
	problems    TEXT NOT NULL DEFAULT '[]',
	source      TEXT NOT NULL DEFAULT '',
	stored_at   TEXT NOT NULL,
	state       TEXT NOT NULL DEFAULT 'new', -- new, case, ignored
	case_id     INTEGER REFERENCES cases (id)
);
CREATE INDEX mail_date ON mail (date);
CREATE INDEX mail_case ON mail (case_id);
CREATE INDEX mail_message_id ON mail (message_id);

CREATE TABLE mail_attachment (
	mail_id      INTEGER NOT NULL REFERENCES mail (id),
	pos          INTEGER NOT NULL,
	name         TEXT NOT NULL,
	content_type TEXT NOT NULL DEFAULT '',
	size         INTEGER NOT NULL,
	sha256       TEXT NOT NULL REFERENCES blob (sha256),
	inline       INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (mail_id, pos)
) WITHOUT ROWID;

-- Files attached to a case by a clerk (scans of fax and post).
CREATE TABLE case_file (
	case_id  INTEGER NOT NULL REFERENCES cases (id),
	pos      INTEGER NOT NULL,
	name     TEXT NOT NULL,
	size     INTEGER NOT NULL,
	sha256   TEXT NOT NULL REFERENCES blob (sha256),
	added_at TEXT NOT NULL,
	PRIMARY KEY (case_id, pos)
) WITHOUT ROWID;

-- IMAP checkpoint per account and mailbox: advanced in the same transaction
-- that commits the mail.
CREATE TABLE imap_state (
	account     TEXT NOT NULL,
	mailbox     TEXT NOT NULL,
	uidvalidity INTEGER NOT NULL,
	last_uid    INTEGER NOT NULL,
	PRIMARY KEY (account, mailbox)
);

-- Named leases (one sync at a time across processes).
CREATE TABLE lease (
	name       TEXT PRIMARY KEY,
	holder     TEXT NOT NULL,
	expires_at INTEGER NOT NULL  -- unix milliseconds
);
