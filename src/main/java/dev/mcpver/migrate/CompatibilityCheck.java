package dev.mcpver.migrate;

/**
 * Port: compatibility analysis of a source surface against a target surface, answered by the compatibility analyzer
 * ({@code surface.MigrationCompatCheck}) so that migrations judge releases exactly as {@code mcpver diff} does.
 */
@FunctionalInterface
public interface CompatibilityCheck {
    CompatSummary analyze(ServerSurface from, ServerSurface to);
}
