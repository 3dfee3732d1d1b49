-- Installation-wide facts (installation id, first start). Portable SQL: runs on SQLite and PostgreSQL.
CREATE TABLE app_meta (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
