-- A blob kept as a slice of another blob, still transfer-encoded: an
-- attachment stays inside the raw message it came in instead of being
-- written a second time, decoded (issue 11: the book grew to 185 MB for 97 MB
-- of mail). Its blob row has the decoded content's hash and size and no
-- chunks; opening it decodes `length` bytes at `start` of the source.
CREATE TABLE blob_slice (
	blob_id  INTEGER PRIMARY KEY REFERENCES blob (id),
	source   TEXT NOT NULL REFERENCES blob (sha256),
	start    INTEGER NOT NULL,
	length   INTEGER NOT NULL,
	encoding TEXT NOT NULL -- plain, base64
);
-- Writing a blob's hash makes SQLite check the tables that reference it.
CREATE INDEX blob_slice_source ON blob_slice (source);
