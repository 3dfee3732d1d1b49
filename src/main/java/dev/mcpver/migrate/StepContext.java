package dev.mcpver.migrate;

import dev.mcpver.rollback.Initiator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What the steps of one migration share: the plan, the migration row, and the effects recorded so far. */
final class StepContext {
    final MigrationPlan plan;
    final Initiator who;
    private volatile Migration migration;
    private final Map<StepKind, Map<String, String>> effects = new EnumMap<>(StepKind.class);
    private final Set<StepKind> failed = EnumSet.noneOf(StepKind.class);
    private final Set<StepKind> unchecked = EnumSet.noneOf(StepKind.class);

    StepContext(MigrationPlan plan, Migration migration) {
        this.plan = plan;
        this.migration = migration;
        this.who = migration.initiator();
    }

    Migration migration() {
        return migration;
    }

    void migration(Migration updated) {
        migration = updated;
    }

    boolean dryRun() {
        return migration.dryRun();
    }

    synchronized void recorded(StepKind kind, Map<String, String> stepEffects) {
        effects.put(kind, stepEffects);
    }

    synchronized void failed(StepKind kind) {
        failed.add(kind);
    }

    /** A dry-run step that could not run because a step it depends on failed. */
    synchronized void unchecked(StepKind kind) {
        unchecked.add(kind);
    }

    synchronized Set<StepKind> uncheckedSteps() {
        return unchecked.isEmpty() ? EnumSet.noneOf(StepKind.class) : EnumSet.copyOf(unchecked);
    }

    synchronized boolean anyFailed() {
        return !failed.isEmpty();
    }

    synchronized Set<StepKind> failures() {
        return EnumSet.copyOf(failed.isEmpty() ? EnumSet.noneOf(StepKind.class) : failed);
    }

    /** Whether a step the given one depends on failed or was skipped because of a failure. */
    synchronized boolean blocked(StepKind kind) {
        return kind.dependsOn().stream().anyMatch(d -> failed.contains(d) || unchecked.contains(d));
    }

    /** An effect a previous step recorded; a step that needs a missing effect is a bug in the plan order. */
    synchronized String effect(StepKind kind, String key) {
        Map<String, String> recorded = effects.get(kind);
        return Objects.requireNonNull(
                recorded == null ? null : recorded.get(key), () -> "step " + kind.wireName() + " recorded no " + key);
    }

    synchronized boolean has(StepKind kind) {
        return effects.containsKey(kind);
    }
}
