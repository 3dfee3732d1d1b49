-- Migrations (issue 7). A plan is stored and versioned per (deployment, target version): plan_version counts the
-- plans made for the same pair. A migration executes one plan; each step's status is committed before the next
-- step starts, with the effects it produced (release directory, rollback point, process, revision), which is what
-- recovery after a crash reads. Events are the progress feed (SSE), replayable by seq.
CREATE TABLE migration_plans (
    id           TEXT    PRIMARY KEY,
    server       TEXT    NOT NULL,
    environment  TEXT    NOT NULL,
    from_version TEXT,
    to_version   TEXT    NOT NULL,
    plan_version INTEGER NOT NULL,
    plan_json    TEXT    NOT NULL,
    plan_hash    TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL
);
CREATE UNIQUE INDEX migration_plans_version ON migration_plans (server, environment, to_version, plan_version);

CREATE TABLE migrations (
    id                TEXT    PRIMARY KEY,
    plan_id           TEXT    NOT NULL REFERENCES migration_plans (id),
    server            TEXT    NOT NULL,
    environment       TEXT    NOT NULL,
    from_version      TEXT,
    to_version        TEXT    NOT NULL,
    dry_run           INTEGER NOT NULL,
    status            TEXT    NOT NULL,
    current_step      INTEGER NOT NULL,
    cause             TEXT,
    rollback_point_id TEXT,
    subject           TEXT    NOT NULL,
    request_id        TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    started_at        TEXT,
    finished_at       TEXT
);
CREATE INDEX migrations_deployment ON migrations (server, environment, id);
CREATE INDEX migrations_status ON migrations (status);

CREATE TABLE migration_steps (
    migration_id TEXT    NOT NULL REFERENCES migrations (id),
    idx          INTEGER NOT NULL,
    phase        TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    started_at   TEXT,
    finished_at  TEXT,
    duration_ms  BIGINT,
    effects_json TEXT    NOT NULL,
    error        TEXT,
    PRIMARY KEY (migration_id, idx)
);
CREATE INDEX migration_steps_kind ON migration_steps (kind, status);

CREATE TABLE migration_events (
    migration_id TEXT   NOT NULL REFERENCES migrations (id),
    seq          BIGINT NOT NULL,
    at           TEXT   NOT NULL,
    type         TEXT   NOT NULL,
    data_json    TEXT   NOT NULL,
    PRIMARY KEY (migration_id, seq)
);

-- Values a later step, recovery or a door needs: the source and target surfaces, the compatibility report.
CREATE TABLE migration_artifacts (
    migration_id TEXT NOT NULL REFERENCES migrations (id),
    name         TEXT NOT NULL,
    value_json   TEXT NOT NULL,
    PRIMARY KEY (migration_id, name)
);

-- Releases mcpver may migrate to, until the registry feature provides them: artifact (with SHA-256 and optional
-- signature), launch spec, the environment the version requires and its registered MCP surface.
CREATE TABLE deployment_targets (
    server        TEXT NOT NULL,
    version       TEXT NOT NULL,
    target_json   TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    PRIMARY KEY (server, version)
);
