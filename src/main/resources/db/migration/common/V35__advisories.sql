-- Imported OSV advisories (issue 6). The whole document is kept; advisory_packages indexes the affected package
-- names (lower-cased) for matching. Portable SQL: SQLite and PostgreSQL.
CREATE TABLE advisories (
    id          TEXT PRIMARY KEY,
    summary     TEXT NOT NULL,
    severity    TEXT NOT NULL,
    modified    TEXT,
    doc_json    TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);

CREATE TABLE advisory_packages (
    advisory_id  TEXT NOT NULL REFERENCES advisories (id),
    package_name TEXT NOT NULL,
    PRIMARY KEY (advisory_id, package_name)
);
CREATE INDEX advisory_packages_name ON advisory_packages (package_name);
