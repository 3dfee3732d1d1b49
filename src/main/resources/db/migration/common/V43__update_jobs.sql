-- Automated updates (issue 7): scheduled jobs survive restarts; the job (request, status, migrations it ran,
-- canary experiment, deadline) is kept as JSON with its status and due time beside it for the scheduler's queries.
CREATE TABLE update_jobs (
    id         TEXT PRIMARY KEY,
    status     TEXT NOT NULL,
    run_at     TEXT NOT NULL,
    job_json   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX update_jobs_status ON update_jobs (status);

-- Canary verdicts recorded by an operator, until the A/B feature decides them from an experiment.
CREATE TABLE canary_decisions (
    experiment_id TEXT PRIMARY KEY,
    update_id     TEXT NOT NULL,
    verdict       TEXT NOT NULL,
    reason        TEXT,
    decided_by    TEXT,
    decided_at    TEXT
);
