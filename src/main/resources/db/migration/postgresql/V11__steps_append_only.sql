-- Steps are an append-only log: a recorded step is never rewritten (docs/adr/0021).
CREATE FUNCTION steps_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'steps are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER steps_append_only BEFORE UPDATE ON steps
    FOR EACH ROW EXECUTE FUNCTION steps_append_only();
