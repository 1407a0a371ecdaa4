-- The down of 0003_security_events.sql: revert runs it, in a transaction with the removal of the migration's ledger row.
DROP VIEW security_events;
