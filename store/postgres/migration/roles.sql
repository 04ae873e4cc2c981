-- Group roles and grants of a shared book. Not a numbered migration: roles
-- belong to the whole server, and creating them needs CREATEROLE, which the
-- owner of a book may lack until the IT department gives it. "clerks add"
-- runs this (it is idempotent), and so does every start by the owner once
-- the roles exist, so tables of later migrations get their grants too.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'beiandesk_clerk') THEN
		CREATE ROLE beiandesk_clerk NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'beiandesk_chief') THEN
		CREATE ROLE beiandesk_chief NOLOGIN IN ROLE beiandesk_clerk;
	END IF;
END $$;
GRANT USAGE ON SCHEMA public TO beiandesk_clerk;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO beiandesk_clerk;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO beiandesk_clerk;
GRANT INSERT, UPDATE, DELETE ON setting, case_seq, cases, material, blob, blob_chunk, blob_slice, mail,
	mail_attachment, case_file, imap_state, lease TO beiandesk_clerk;
-- The outbox: a clerk queues, retries and records sends. The ledger import's
-- own records are written once and never changed.
GRANT INSERT, UPDATE ON outbox TO beiandesk_clerk;
GRANT INSERT, UPDATE ON ledger_import TO beiandesk_clerk;
GRANT INSERT ON ledger_row TO beiandesk_clerk;
-- The history: insert only, never UPDATE or DELETE.
GRANT INSERT ON event TO beiandesk_clerk;
-- What was done in the national filing system: insert only, like the history.
GRANT INSERT ON national_action TO beiandesk_clerk;
-- Calendar edits are the chief's (row security also checks that the chief is
-- one of this book's).
GRANT INSERT, UPDATE, DELETE ON holiday_year, holiday_day TO beiandesk_chief;
-- Copying a book in sets the id sequences past the copied ids.
GRANT UPDATE ON ALL SEQUENCES IN SCHEMA public TO beiandesk_chief;
