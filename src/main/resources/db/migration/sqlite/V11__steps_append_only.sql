-- Steps are an append-only log: a recorded step is never rewritten (docs/adr/0021).
CREATE TRIGGER steps_append_only BEFORE UPDATE ON steps
BEGIN
    SELECT RAISE(ABORT, 'steps are append-only');
END;
