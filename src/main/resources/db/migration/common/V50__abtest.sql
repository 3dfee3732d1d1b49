-- A/B experiments (issue 8). Portable SQL: runs on SQLite and PostgreSQL. The series and raw observation tables
-- differ per vendor (auto-increment ids, WITHOUT ROWID) and live in V51 of each vendor directory.

CREATE TABLE ab_experiments (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    mcp_id           TEXT NOT NULL,
    status           TEXT NOT NULL,
    control_key      TEXT NOT NULL,
    alpha            DOUBLE PRECISION NOT NULL,
    srm_alpha        DOUBLE PRECISION NOT NULL,
    min_samples      INTEGER NOT NULL,
    seq_method       TEXT NOT NULL,
    seq_tau          DOUBLE PRECISION NOT NULL,
    auto_promote     BOOLEAN NOT NULL,
    salt             TEXT NOT NULL,
    allocation       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    started_at       TEXT,
    updated_at       TEXT NOT NULL,
    observations     BIGINT NOT NULL DEFAULT 0,
    version          BIGINT NOT NULL DEFAULT 0,
    stop_outcome     TEXT,
    stop_winner      TEXT,
    stop_reason      TEXT,
    stop_by          TEXT,
    stopped_at       TEXT,
    proposal_action  TEXT,
    proposal_winner  TEXT,
    proposal_reasons TEXT
);

CREATE TABLE ab_variants (
    experiment_id TEXT NOT NULL REFERENCES ab_experiments (id),
    position      INTEGER NOT NULL,
    key           TEXT NOT NULL,
    version       TEXT NOT NULL,
    weight        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (experiment_id, key)
);

CREATE TABLE ab_metrics (
    experiment_id       TEXT NOT NULL REFERENCES ab_experiments (id),
    position            INTEGER NOT NULL,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL,
    direction           TEXT NOT NULL,
    role                TEXT NOT NULL,
    guardrail_threshold DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (experiment_id, name)
);

-- Periods of fixed weights; counts_at_start (JSON) are the SRM counts when the period began.
CREATE TABLE ab_weight_epochs (
    experiment_id   TEXT NOT NULL REFERENCES ab_experiments (id),
    epoch           INTEGER NOT NULL,
    weights         TEXT NOT NULL,
    counts_at_start TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    PRIMARY KEY (experiment_id, epoch)
);

-- One row per unit: an exposure is counted once; a unit moved by a weight change is updated in place.
CREATE TABLE ab_exposures (
    experiment_id TEXT NOT NULL REFERENCES ab_experiments (id),
    unit_id       TEXT NOT NULL,
    variant_key   TEXT NOT NULL,
    first_at      TEXT NOT NULL,
    PRIMARY KEY (experiment_id, unit_id)
);

-- Idempotency keys of accepted batches, with the digest of the batch they carried.
CREATE TABLE ab_idempotency (
    experiment_id TEXT NOT NULL REFERENCES ab_experiments (id),
    idem_key      TEXT NOT NULL,
    batch_sha256  TEXT NOT NULL,
    accepted      INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (experiment_id, idem_key)
);

-- Running minimum of the always-valid (mSPRT) p-value per (metric, treatment).
CREATE TABLE ab_sequential (
    experiment_id TEXT NOT NULL REFERENCES ab_experiments (id),
    metric_name   TEXT NOT NULL,
    treatment_key TEXT NOT NULL,
    p_min         DOUBLE PRECISION NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (experiment_id, metric_name, treatment_key)
);

-- Audit trail: creation, status changes, weight changes, automatic stops and promotion proposals.
CREATE TABLE ab_events (
    experiment_id TEXT NOT NULL REFERENCES ab_experiments (id),
    seq           INTEGER NOT NULL,
    type          TEXT NOT NULL,
    actor         TEXT NOT NULL,
    at            TEXT NOT NULL,
    details       TEXT NOT NULL,
    PRIMARY KEY (experiment_id, seq)
);
