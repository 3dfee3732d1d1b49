package dev.mcpver.rollback;

import java.util.List;

/**
 * The result of re-hashing every blob of a rollback point.
 *
 * @param pointId the point
 * @param manifestHash recomputed over the stored file list; equal to the point's when the list is intact
 * @param manifestIntact the stored file list still hashes to the point's manifest hash
 * @param checkedFiles number of files whose blobs were hashed
 * @param problems missing or corrupted blobs, by path
 */
public record VerifyReport(
        String pointId, String manifestHash, boolean manifestIntact, int checkedFiles, List<FileProblem> problems) {
    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return manifestIntact && problems.isEmpty();
    }
}
