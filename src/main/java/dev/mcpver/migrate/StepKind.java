package dev.mcpver.migrate;

import java.util.List;
import java.util.Locale;

/**
 * Every step a plan can hold, with its phase, what it depends on (a dry run skips steps whose dependencies failed),
 * whether a dry run executes it (it changes nothing of the deployment), and a default duration estimate used until
 * recorded durations exist.
 */
public enum StepKind {
    SNAPSHOT_SOURCE(Phase.PRE, true, 1_500, "handshake with the running source version and record its surface"),
    COMPAT_ANALYSIS(Phase.PRE, true, 50, "compare the source surface with the registered target surface"),
    CREATE_ROLLBACK_POINT(Phase.PRE, false, 2_000, "snapshot the active release into a rollback point"),
    VALIDATE_ENVIRONMENT(Phase.PRE, true, 50, "check required environment, secrets and launch dependencies"),
    INSTALL_TARGET(Phase.MIGRATE, true, 3_000, "fetch, verify and unpack the target artifact"),
    TRANSFORM_CONFIG(Phase.MIGRATE, true, 10, "carry the configuration over to the target (renames, defaults)"),
    START_TARGET(Phase.MIGRATE, true, 3_000, "start the target in isolation", INSTALL_TARGET, TRANSFORM_CONFIG),
    HANDSHAKE(Phase.MIGRATE, true, 200, "MCP handshake with the target and tools/list", START_TARGET),
    SNAPSHOT_COMPARE(Phase.MIGRATE, true, 50, "compare the target's surface with its registered surface", HANDSHAKE),
    SMOKE_CALLS(Phase.MIGRATE, true, 500, "call the plan's read-only tools and check the results", START_TARGET),
    SWITCH(Phase.MIGRATE, false, 100, "switch the deployment to the target atomically"),
    STOP_OLD(Phase.MIGRATE, false, 1_000, "stop the old process; the target serves"),
    HEALTH_PROBE(Phase.POST, false, 500, "handshake with the switched deployment"),
    SMOKE_LATENCY(Phase.POST, true, 500, "time the smoke calls against the latency threshold", SMOKE_CALLS),
    CLEANUP(Phase.POST, true, 500, "remove old releases beyond the retention count"),
    STOP_TARGET(Phase.ROLLBACK, false, 1_000, "stop the target process"),
    RESTORE_POINT(Phase.ROLLBACK, false, 2_000, "restore the rollback point and switch back to it"),
    VERIFY_OLD(Phase.ROLLBACK, false, 3_000, "check the old version answers the handshake with its old surface");

    private final Phase phase;
    private final boolean dryRunnable;
    private final long defaultEstimateMs;
    private final String description;
    private final List<StepKind> dependsOn;

    StepKind(Phase phase, boolean dryRunnable, long defaultEstimateMs, String description, StepKind... dependsOn) {
        this.phase = phase;
        this.dryRunnable = dryRunnable;
        this.defaultEstimateMs = defaultEstimateMs;
        this.description = description;
        this.dependsOn = List.of(dependsOn);
    }

    public Phase phase() {
        return phase;
    }

    public boolean dryRunnable() {
        return dryRunnable;
    }

    public long defaultEstimateMs() {
        return defaultEstimateMs;
    }

    public String description() {
        return description;
    }

    public List<StepKind> dependsOn() {
        return dependsOn;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
