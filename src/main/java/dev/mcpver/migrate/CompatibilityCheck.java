package dev.mcpver.migrate;

/**
 * Port: compatibility analysis of a source surface against a target surface. The compatibility feature's analyzer
 * ({@code feat/compat}) will implement it; until then {@code deploy.BasicCompatibilityCheck} covers tool removals,
 * renames, new required arguments and changed outputs.
 */
@FunctionalInterface
public interface CompatibilityCheck {
    CompatSummary analyze(ServerSurface from, ServerSurface to);
}
