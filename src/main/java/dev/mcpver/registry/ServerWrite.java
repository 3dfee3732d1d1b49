package dev.mcpver.registry;

/** What creating or updating a server did. */
public sealed interface ServerWrite {
    /** The server as stored now. */
    record Saved(Server server, boolean created) implements ServerWrite {}

    /** Another server has this name. */
    record NameTaken(String name) implements ServerWrite {}

    /** No server has this id. */
    record NotFound(String id) implements ServerWrite {}

    /** The server changed since the caller read it. */
    record Stale(String id, long expectedRevision, long currentRevision) implements ServerWrite {}
}
