-- API tokens (issue 6). The secret is never stored: only its SHA-256 (hex), unique so a request finds its token
-- by an indexed equality lookup. Times are ISO-8601 text, like app_meta. Portable SQL: SQLite and PostgreSQL.
CREATE TABLE api_tokens (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    secret_sha256 TEXT NOT NULL UNIQUE,
    hint          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    revoked_at    TEXT,
    revoked_by    TEXT
);
