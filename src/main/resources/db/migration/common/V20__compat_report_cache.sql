-- Rendered compatibility reports keyed by the SHA-256 of everything that decides them (both surfaces, older
-- releases, policy, format, analyzer version). A pure cache: rows may be deleted at any time. Portable SQL.
CREATE TABLE compat_report_cache (
    cache_key  TEXT PRIMARY KEY,
    report     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX compat_report_cache_created_at ON compat_report_cache (created_at);
