-- Surfaces taken from live MCP servers (POST /api/v1/snapshots). The surface is the canonical surface file; sha256
-- is over its canonical JSON. Portable SQL.
CREATE TABLE surface_snapshots (
    id             TEXT PRIMARY KEY,
    sha256         TEXT NOT NULL,
    server_name    TEXT,
    server_version TEXT,
    target         TEXT NOT NULL,
    surface        TEXT NOT NULL,
    taken_at       TEXT NOT NULL
);
CREATE INDEX surface_snapshots_taken_at ON surface_snapshots (taken_at);
