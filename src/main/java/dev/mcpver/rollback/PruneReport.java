package dev.mcpver.rollback;

import java.util.List;

/**
 * What retention removed (or would remove, in a dry run).
 *
 * @param dryRun nothing was deleted
 * @param removed points and reasons
 * @param blobsDeleted unreferenced blobs deleted by the collector
 * @param bytesFreed their size
 */
public record PruneReport(boolean dryRun, List<Removed> removed, int blobsDeleted, long bytesFreed) {
    /** One removed point. */
    public record Removed(String pointId, DeploymentId deployment, String version, String reason) {}

    public PruneReport {
        removed = List.copyOf(removed);
    }
}
