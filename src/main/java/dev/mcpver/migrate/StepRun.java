package dev.mcpver.migrate;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The recorded state of one step of a migration, committed before the next step starts.
 *
 * @param migrationId which migration
 * @param index the step's index in the plan
 * @param kind what the step does
 * @param status where it stands
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param durationMs how long it ran
 * @param effects what it produced or found (directories, ids, revisions, counts); read by later steps and recovery
 * @param error why it failed, or why it was skipped
 */
public record StepRun(
        String migrationId,
        int index,
        StepKind kind,
        StepStatus status,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        Map<String, String> effects,
        @Nullable String error) {
    public StepRun {
        effects = Map.copyOf(effects);
    }

    public static StepRun pending(String migrationId, PlannedStep step) {
        return new StepRun(
                migrationId, step.index(), step.kind(), StepStatus.PENDING, null, null, null, Map.of(), null);
    }

    public StepRun running(Instant at) {
        return new StepRun(migrationId, index, kind, StepStatus.RUNNING, at, null, null, effects, null);
    }

    public StepRun finished(StepStatus end, Instant at, Map<String, String> newEffects, @Nullable String why) {
        Long duration = startedAt == null ? null : Math.max(0, at.toEpochMilli() - startedAt.toEpochMilli());
        return new StepRun(migrationId, index, kind, end, startedAt, at, duration, newEffects, why);
    }

    public Phase phase() {
        return kind.phase();
    }
}
