-- Writing a blob's hash makes SQLite check the tables that reference
-- blob(sha256); without these indexes each check reads the whole table and
-- every import gets slower as the mail table grows.
CREATE INDEX mail_raw_sha256 ON mail (raw_sha256);
CREATE INDEX mail_attachment_sha256 ON mail_attachment (sha256);
CREATE INDEX case_file_sha256 ON case_file (sha256);
