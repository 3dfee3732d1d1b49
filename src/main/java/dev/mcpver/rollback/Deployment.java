package dev.mcpver.rollback;

import java.time.Instant;

/**
 * A deployment as stored: the pointer row. Every switch increments {@code revision} in the same transaction that
 * changes {@code state}, so concurrent switches are detected and a crash never leaves half a switch.
 *
 * @param id server and environment
 * @param state what it runs
 * @param revision incremented by every switch
 * @param createdAt when it was registered
 * @param updatedAt the last switch
 */
public record Deployment(DeploymentId id, DeploymentState state, long revision, Instant createdAt, Instant updatedAt) {
    public Deployment {
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative");
        }
    }
}
