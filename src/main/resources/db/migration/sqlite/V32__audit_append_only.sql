-- Defence in depth for the audit trail: the application never updates or deletes entries, so the database refuses
-- to. (Someone with file access can drop these triggers; the hash chain still exposes what they change.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
