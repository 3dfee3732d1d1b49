package dev.mcpver.migrate;

import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.LaunchSpec;
import dev.mcpver.rollback.Names;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the operator chooses for one migration.
 *
 * @param smokeCalls read-only calls to make against the target (added to the target's registered ones)
 * @param configRenames configuration names to rename: old → new
 * @param configSet configuration entries to add or replace (secrets by reference)
 * @param launch replaces the launch spec (null: the target's, else the deployment's)
 * @param allowBreaking go ahead even when the compatibility analysis finds breaking changes
 * @param autoRollback roll back automatically when a step fails
 * @param requireSignature refuse an unsigned artifact
 * @param keepOldRunning blue-green: the old process keeps running after the switch (until stopped)
 * @param stepTimeoutMs default per-step timeout
 * @param maxDurationMs the whole migration fails beyond this
 * @param smokeLatencyThresholdMs post-migration smoke calls must each answer within this
 * @param keepReleases release directories kept by cleanup (the active one included)
 */
public record PlanOptions(
        List<SmokeCall> smokeCalls,
        Map<String, String> configRenames,
        List<ConfigEntry> configSet,
        @Nullable LaunchSpec launch,
        boolean allowBreaking,
        boolean autoRollback,
        boolean requireSignature,
        boolean keepOldRunning,
        long stepTimeoutMs,
        long maxDurationMs,
        long smokeLatencyThresholdMs,
        int keepReleases) {
    public static final PlanOptions DEFAULT = new PlanOptions(
            List.of(), Map.of(), List.of(), null, false, true, false, false, 120_000, 900_000, 2_000, 3);

    public PlanOptions {
        smokeCalls = List.copyOf(smokeCalls);
        configRenames = Map.copyOf(configRenames);
        configRenames.forEach((from, to) -> {
            Names.envVar(from);
            Names.envVar(to);
        });
        configSet = List.copyOf(configSet);
        if (stepTimeoutMs < 1_000 || stepTimeoutMs > 3_600_000) {
            throw new IllegalArgumentException("stepTimeoutMs must be between 1000 and 3600000");
        }
        if (maxDurationMs < stepTimeoutMs || maxDurationMs > 86_400_000) {
            throw new IllegalArgumentException("maxDurationMs must be at least stepTimeoutMs and at most a day");
        }
        if (smokeLatencyThresholdMs < 1) {
            throw new IllegalArgumentException("smokeLatencyThresholdMs must be positive");
        }
        if (keepReleases < 1 || keepReleases > 100) {
            throw new IllegalArgumentException("keepReleases must be between 1 and 100");
        }
    }
}
