-- Registry of servers and versions, attestations and gate reports (issue 6). Portable SQL: SQLite and PostgreSQL.
-- JSON is stored as text; times as ISO-8601 text; ids are ULIDs (so ORDER BY id is creation order).
CREATE TABLE servers (
    id          TEXT PRIMARY KEY,
    name        TEXT   NOT NULL UNIQUE,
    description TEXT   NOT NULL,
    category    TEXT,
    owner       TEXT   NOT NULL,
    spec_json   TEXT   NOT NULL,
    revision    BIGINT NOT NULL,
    created_at  TEXT   NOT NULL,
    created_by  TEXT   NOT NULL,
    updated_at  TEXT   NOT NULL
);
CREATE INDEX servers_category ON servers (category);
CREATE INDEX servers_owner ON servers (owner);

CREATE TABLE server_tags (
    server_id TEXT NOT NULL REFERENCES servers (id),
    tag       TEXT NOT NULL,
    PRIMARY KEY (server_id, tag)
);
CREATE INDEX server_tags_tag ON server_tags (tag);

-- precedence = the version without build metadata: unique per server, so 1.0.0+a and 1.0.0+b cannot coexist.
CREATE TABLE versions (
    id                    TEXT PRIMARY KEY,
    server_id             TEXT   NOT NULL REFERENCES servers (id),
    version               TEXT   NOT NULL,
    precedence            TEXT   NOT NULL,
    stage                 TEXT   NOT NULL,
    revision              BIGINT NOT NULL,
    changelog             TEXT   NOT NULL,
    security_updates_json TEXT   NOT NULL,
    dependencies_json     TEXT   NOT NULL,
    surface_json          TEXT,
    surface_sha256        TEXT,
    artifact_kind         TEXT   NOT NULL,
    artifact_location     TEXT   NOT NULL,
    artifact_sha256       TEXT   NOT NULL,
    previous_version      TEXT,
    declared_bump         TEXT,
    compat_json           TEXT,
    created_at            TEXT   NOT NULL,
    created_by            TEXT   NOT NULL,
    updated_at            TEXT   NOT NULL,
    UNIQUE (server_id, precedence)
);
CREATE INDEX versions_stage ON versions (stage);

CREATE TABLE attestations (
    id         TEXT PRIMARY KEY,
    version_id TEXT NOT NULL REFERENCES versions (id),
    kind       TEXT NOT NULL,
    value_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX attestations_version ON attestations (version_id, id);

CREATE TABLE gate_reports (
    id          TEXT PRIMARY KEY,
    version_id  TEXT    NOT NULL REFERENCES versions (id),
    passed      BOOLEAN NOT NULL,
    score       INTEGER NOT NULL,
    report_json TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL
);
CREATE INDEX gate_reports_version ON gate_reports (version_id, id);
