/**
 * Snapshots of live MCP servers: connects as an MCP client (the official Java SDK's session and transports) over
 * stdio or Streamable HTTP, asks {@code server/discover} and {@code initialize}, lists every advertised list with
 * {@code nextCursor} pagination, probes which protocol revisions are accepted, and returns a {@link
 * dev.mcpver.compat.Surface}. Everything is bounded: timeouts, page counts, message sizes; a server that exits,
 * hangs or writes garbage ends in one {@link dev.mcpver.snapshot.SnapshotException} line, never a hang.
 */
@NullMarked
package dev.mcpver.snapshot;

import org.jspecify.annotations.NullMarked;
