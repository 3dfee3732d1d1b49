-- The always-valid sequential p-value (mSPRT running minimum) of every (metric, treatment) after each ingested
-- batch, for the "p over time" plot. Appended in the batch's transaction; `observations` is the experiment's total
-- after the batch.
CREATE TABLE ab_sequential_history (
    experiment_id TEXT             NOT NULL REFERENCES ab_experiments (id),
    metric_name   TEXT             NOT NULL,
    treatment_key TEXT             NOT NULL,
    observations  BIGINT           NOT NULL,
    p_value       DOUBLE PRECISION NOT NULL,
    at            TEXT             NOT NULL,
    PRIMARY KEY (experiment_id, metric_name, treatment_key, observations)
);
