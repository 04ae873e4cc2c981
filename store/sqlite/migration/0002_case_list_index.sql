-- The case list filters by status and month and sorts by due date: one
-- covering index answers all three without touching the rows.
CREATE INDEX cases_status_received ON cases (status, received_day, due);
