-- Deployments (issue 7): one server in one environment. The row is the pointer to the active release: a switch
-- replaces state_json and bumps revision in one transaction, together with its history row, so a crash never leaves
-- half a switch. state_json holds version, release directory, launch spec and configuration (secrets only as
-- references such as env:NAME). Portable SQL: SQLite and PostgreSQL.
CREATE TABLE deployments (
    server      TEXT   NOT NULL,
    environment TEXT   NOT NULL,
    version     TEXT,
    release_dir TEXT,
    state_json  TEXT   NOT NULL,
    revision    BIGINT NOT NULL,
    created_at  TEXT   NOT NULL,
    updated_at  TEXT   NOT NULL,
    PRIMARY KEY (server, environment)
);

-- Every switch with the whole state before and after; the cause (restore:<id>, migration:<id>, ...) is unique, so
-- recovery can ask whether a given switch committed and a retried switch cannot apply twice.
CREATE TABLE deployment_switches (
    server      TEXT   NOT NULL,
    environment TEXT   NOT NULL,
    revision    BIGINT NOT NULL,
    before_json TEXT   NOT NULL,
    after_json  TEXT   NOT NULL,
    cause_kind  TEXT   NOT NULL,
    cause_id    TEXT   NOT NULL,
    subject     TEXT   NOT NULL,
    at          TEXT   NOT NULL,
    PRIMARY KEY (server, environment, revision)
);
CREATE UNIQUE INDEX deployment_switches_cause ON deployment_switches (cause_kind, cause_id);

-- Releases installed into releases/<dir>: where they came from and the manifest hash of what was installed.
CREATE TABLE deployment_releases (
    server        TEXT NOT NULL,
    environment   TEXT NOT NULL,
    release_dir   TEXT NOT NULL,
    version       TEXT NOT NULL,
    manifest_hash TEXT NOT NULL,
    source_json   TEXT NOT NULL,
    installed_at  TEXT NOT NULL,
    PRIMARY KEY (server, environment, release_dir)
);

-- Processes the supervisor started, so a restarted mcpver can stop the ones a crash orphaned. process_start is the
-- OS start time, which tells a live process from a later one that reused the pid.
CREATE TABLE deployment_processes (
    id            TEXT   PRIMARY KEY,
    server        TEXT   NOT NULL,
    environment   TEXT   NOT NULL,
    role          TEXT   NOT NULL,
    release_dir   TEXT   NOT NULL,
    pid           BIGINT NOT NULL,
    process_start TEXT,
    started_at    TEXT   NOT NULL
);
