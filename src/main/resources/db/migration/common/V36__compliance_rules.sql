-- Compliance rules in CEL (issue 6). Rules are disabled, never deleted, so old gate reports keep their meaning.
-- Portable SQL: SQLite and PostgreSQL.
CREATE TABLE compliance_rules (
    id          TEXT PRIMARY KEY,
    name        TEXT    NOT NULL,
    scope       TEXT    NOT NULL CHECK (scope IN ('global', 'category', 'server')),
    scope_value TEXT,
    severity    TEXT    NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
    expression  TEXT    NOT NULL,
    message     TEXT    NOT NULL,
    enabled     BOOLEAN NOT NULL,
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL
);
