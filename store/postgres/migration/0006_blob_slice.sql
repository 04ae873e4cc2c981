-- A blob kept as a slice of another blob, still transfer-encoded, as in
-- SQLite's 0008: an attachment stays inside the raw message it came in. Its
-- blob row has the decoded content's hash and size and no chunks.
CREATE TABLE blob_slice (
	blob_id  bigint PRIMARY KEY REFERENCES blob (id),
	source   text   NOT NULL REFERENCES blob (sha256),
	start    bigint NOT NULL,
	length   bigint NOT NULL,
	encoding text   NOT NULL -- plain, base64
);
CREATE INDEX blob_slice_source ON blob_slice (source);
ALTER TABLE blob_slice ENABLE ROW LEVEL SECURITY;
CREATE POLICY clerks_only ON blob_slice USING ((SELECT beiandesk_is_clerk(current_user::text)))
	WITH CHECK ((SELECT beiandesk_is_clerk(current_user::text)));
