-- Per (experiment, variant, metric) running aggregates: n, sum and m2 (sum of squared deviations, merged with
-- Chan's formula), updated in the transaction of each batch.
CREATE TABLE ab_series (
    id            INTEGER PRIMARY KEY,
    experiment_id TEXT NOT NULL REFERENCES ab_experiments (id),
    variant_key   TEXT NOT NULL,
    metric_name   TEXT NOT NULL,
    n             INTEGER NOT NULL,
    total         REAL NOT NULL,
    m2            REAL NOT NULL,
    UNIQUE (experiment_id, variant_key, metric_name)
);

-- Raw observations, clustered by series (a series is read as one range scan for the rank test). seq numbers the
-- observations of a series from 0. No foreign key: checked per row it would slow batch inserts; the store writes
-- series ids it has just read.
CREATE TABLE ab_observations (
    series_id INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    value     REAL NOT NULL,
    PRIMARY KEY (series_id, seq)
) WITHOUT ROWID;
