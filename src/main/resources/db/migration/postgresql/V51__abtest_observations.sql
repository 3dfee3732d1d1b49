-- Per (experiment, variant, metric) running aggregates: n, sum and m2 (sum of squared deviations, merged with
-- Chan's formula), updated in the transaction of each batch.
CREATE TABLE ab_series (
    id            BIGSERIAL PRIMARY KEY,
    experiment_id TEXT NOT NULL REFERENCES ab_experiments (id),
    variant_key   TEXT NOT NULL,
    metric_name   TEXT NOT NULL,
    n             BIGINT NOT NULL,
    total         DOUBLE PRECISION NOT NULL,
    m2            DOUBLE PRECISION NOT NULL,
    UNIQUE (experiment_id, variant_key, metric_name)
);

-- Raw observations by series; seq numbers the observations of a series from 0.
CREATE TABLE ab_observations (
    series_id BIGINT NOT NULL,
    seq       BIGINT NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (series_id, seq)
);
