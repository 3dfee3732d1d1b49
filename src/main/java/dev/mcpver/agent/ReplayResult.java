package dev.mcpver.agent;

import java.util.List;

/**
 * What a verify (or rerun) replay found.
 *
 * @param status {@code identical} or {@code diverged} ({@code failed} when the replay itself could not run)
 * @param notes remarks that are not differences (e.g. "the original run ended here with model_rate_limited")
 */
public record ReplayResult(
        String replayRunId,
        String originalRunId,
        String mode,
        RunStatus status,
        List<ReplayDiff> diffs,
        List<String> notes) {
    public ReplayResult {
        diffs = List.copyOf(diffs);
        notes = List.copyOf(notes);
    }
}
