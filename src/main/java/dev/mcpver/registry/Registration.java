package dev.mcpver.registry;

/** What registering a version did. */
public sealed interface Registration {
    record Registered(ServerVersion version) implements Registration {}

    /** No server has this id. */
    record ServerNotFound(String serverId) implements Registration {}

    /** The server already has this version (equal precedence: build metadata does not tell versions apart). */
    record Duplicate(String serverId, String existing) implements Registration {}
}
