-- Agent traces (docs/adr/0021): conversations, runs, append-only steps, content-addressed blobs and replay diffs.
-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Timestamps are ISO-8601 UTC text; JSON is stored as text
-- (payload hashes are over canonical JSON, so the stored spelling never matters).
CREATE TABLE conversations (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    metadata_json TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE runs (
    id                   TEXT PRIMARY KEY,
    conversation_id      TEXT NOT NULL REFERENCES conversations (id),
    origin               TEXT NOT NULL CHECK (origin IN ('chat', 'mcp', 'ab_recommendation', 'replay', 'fork')),
    parent_run_id        TEXT REFERENCES runs (id),
    fork_step_index      INTEGER,
    previous_run_id      TEXT REFERENCES runs (id),
    replay_mode          TEXT CHECK (replay_mode IN ('verify', 'rerun')),
    planner_kind         TEXT NOT NULL CHECK (planner_kind IN ('llm', 'offline', 'tape')),
    model_provider       TEXT,
    model_id             TEXT,
    status               TEXT NOT NULL CHECK (status IN ('running', 'awaiting_confirmation', 'succeeded', 'failed',
                                                         'interrupted', 'identical', 'diverged', 'degraded')),
    error_code           TEXT,
    error_message        TEXT,
    started_at           TEXT NOT NULL,
    finished_at          TEXT,
    duration_ms          BIGINT,
    input_tokens         INTEGER NOT NULL DEFAULT 0,
    output_tokens        INTEGER NOT NULL DEFAULT 0,
    total_tokens         INTEGER NOT NULL DEFAULT 0,
    rounds               INTEGER NOT NULL DEFAULT 0,
    tool_errors          INTEGER NOT NULL DEFAULT 0,
    system_prompt_sha256 TEXT NOT NULL,
    tool_catalog_sha256  TEXT NOT NULL,
    engine_versions_json TEXT NOT NULL DEFAULT '{}',
    final_answer         TEXT,
    caller_subject       TEXT NOT NULL,
    caller_role          TEXT NOT NULL CHECK (caller_role IN ('viewer', 'operator', 'admin'))
);
CREATE INDEX runs_by_conversation ON runs (conversation_id, started_at);
CREATE INDEX runs_by_status ON runs (status);

CREATE TABLE steps (
    id             TEXT PRIMARY KEY,
    run_id         TEXT NOT NULL REFERENCES runs (id),
    step_index     INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('user_message', 'thought', 'model_request', 'model_response',
                                                 'tool_call', 'tool_result', 'final_answer', 'error', 'confirmation')),
    parent_step_id TEXT REFERENCES steps (id),
    parent_index   INTEGER,
    branch_id      TEXT,
    round          INTEGER,
    seq            INTEGER,
    attempt        INTEGER,
    name           TEXT,
    tool_call_id   TEXT,
    status         TEXT CHECK (status IN ('ok', 'error')),
    error_type     TEXT,
    error_message  TEXT,
    retryable      INTEGER,
    started_at     TEXT NOT NULL,
    ended_at       TEXT,
    duration_ms    BIGINT,
    input_tokens   INTEGER,
    output_tokens  INTEGER,
    total_tokens   INTEGER,
    finish_reason  TEXT,
    payload_json   TEXT NOT NULL,
    payload_sha256 TEXT NOT NULL,
    UNIQUE (run_id, step_index)
);
CREATE INDEX steps_by_kind ON steps (run_id, kind);
CREATE INDEX steps_by_tool_call ON steps (tool_call_id);

-- System prompts and tool catalogues, addressed by the SHA-256 of their content.
CREATE TABLE blobs (
    sha256     TEXT PRIMARY KEY,
    media_type TEXT NOT NULL,
    content    TEXT NOT NULL
);

CREATE TABLE replay_diffs (
    replay_run_id    TEXT NOT NULL REFERENCES runs (id),
    logical_key      TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('result_changed', 'error_changed', 'tool_missing',
                                                   'tape_exhausted', 'tape_unused')),
    tool_name        TEXT,
    original_step_id TEXT,
    replay_step_id   TEXT,
    args_sha256      TEXT,
    expected_sha256  TEXT,
    actual_sha256    TEXT,
    expected_json    TEXT,
    actual_json      TEXT,
    PRIMARY KEY (replay_run_id, logical_key)
);
