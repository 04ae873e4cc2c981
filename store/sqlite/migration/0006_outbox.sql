-- Outbox of notices sent by mail. A row, with its Message-ID and the exact
-- message, is committed before anything goes to the SMTP server, so a send
-- that crashes half-way is found again at the next start and resolved by
-- looking for that Message-ID in the sent folder, never by sending twice.
CREATE TABLE outbox (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES cases (id),
	kind        TEXT NOT NULL,                  -- notice kind: receipt, accept, return, reject, done
	message_id  TEXT NOT NULL UNIQUE,           -- without angle brackets
	to_addrs    TEXT NOT NULL DEFAULT '[]',     -- JSON array
	subject     TEXT NOT NULL DEFAULT '',
	raw_sha256  TEXT NOT NULL REFERENCES blob (sha256),
	state       TEXT NOT NULL DEFAULT 'pending', -- pending 未发出, uncertain 待核实, sent 已发出
	attempt_at  TEXT,                           -- set just before the SMTP transaction; cleared on a sure failure
	error       TEXT NOT NULL DEFAULT '',
	clerk       TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	sent_at     TEXT,
	appended    INTEGER NOT NULL DEFAULT 0,     -- a copy is in the mailbox's sent folder
	mail_id     INTEGER REFERENCES mail (id)    -- the sent message as stored with the case
);
CREATE INDEX outbox_case ON outbox (case_id);
CREATE INDEX outbox_state ON outbox (state);
