-- Rollback points (issue 7): content-addressed snapshots. Blobs live on disk under MCPVER_HOME/rollback/blobs, named
-- by SHA-256; a point lists its files (path -> sha256) and keeps the deployment record it was taken from. A blob is
-- garbage only when no rollback_point_files row names it. Ids are ULIDs, so ORDER BY id is creation order.
CREATE TABLE rollback_points (
    id            TEXT   PRIMARY KEY,
    server        TEXT   NOT NULL,
    environment   TEXT   NOT NULL,
    version       TEXT   NOT NULL,
    state_json    TEXT   NOT NULL,
    manifest_hash TEXT   NOT NULL,
    file_count    INTEGER NOT NULL,
    total_bytes   BIGINT NOT NULL,
    description   TEXT   NOT NULL,
    tags_json     TEXT   NOT NULL,
    created_at    TEXT   NOT NULL,
    expires_at    TEXT
);
CREATE INDEX rollback_points_deployment ON rollback_points (server, environment, id);

CREATE TABLE rollback_point_files (
    point_id    TEXT    NOT NULL REFERENCES rollback_points (id) ON DELETE CASCADE,
    path        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    size        BIGINT  NOT NULL,
    executable  INTEGER NOT NULL,
    link_target TEXT,
    PRIMARY KEY (point_id, path)
);
CREATE INDEX rollback_point_files_sha ON rollback_point_files (sha256);

-- The history of rollback executions (create, verify, restore, confirm, undo, prune). detail_json never holds
-- secrets. No foreign key to rollback_points: history outlives pruned points.
CREATE TABLE rollback_executions (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    point_id    TEXT,
    server      TEXT,
    environment TEXT,
    subject     TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    detail_json TEXT NOT NULL
);
CREATE INDEX rollback_executions_deployment ON rollback_executions (server, environment, id);
CREATE INDEX rollback_executions_point ON rollback_executions (point_id, id);
CREATE INDEX rollback_executions_status ON rollback_executions (status);
