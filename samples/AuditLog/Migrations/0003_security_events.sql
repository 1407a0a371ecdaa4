-- description: Add a view of the security-relevant audit events
-- A SQL-file migration: numbered with the C# ones, checked at compile time, embedded in the build.

CREATE VIEW security_events AS
SELECT id, username, event_type, message, ip_address, severity, created_at
FROM audit_logs
WHERE severity IN ('warning', 'error', 'critical');

COMMENT ON VIEW security_events IS 'Audit events of severity warning and above';
