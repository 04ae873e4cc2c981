-- A page of the case list is chosen from this index alone (an index-only
-- scan: status, month of receipt, due date and id), and only the page's 200
-- rows are read from the table (list.go). The index it replaces had no id,
-- so every matching row was read from the table to sort them.
CREATE INDEX cases_status_received_id ON cases (status, received_day, due, id);
DROP INDEX cases_status_received;
