-- Release signing (issue 6): registered Ed25519 public keys and signatures attached to versions. Private keys are
-- never stored. Portable SQL: SQLite and PostgreSQL.
CREATE TABLE signing_keys (
    id          TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    revoked_at  TEXT,
    revoked_by  TEXT
);

CREATE TABLE version_signatures (
    id              TEXT PRIMARY KEY,
    version_id      TEXT NOT NULL REFERENCES versions (id),
    key_id          TEXT NOT NULL REFERENCES signing_keys (id),
    signature       TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL
);
CREATE INDEX version_signatures_version ON version_signatures (version_id, id);
