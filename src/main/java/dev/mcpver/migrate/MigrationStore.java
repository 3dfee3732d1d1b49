package dev.mcpver.migrate;

import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.Initiator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: plans, migrations, their steps, progress events and stored artifacts (surfaces, reports). */
public interface MigrationStore {
    /** The next plan version for (deployment, target version): 1 for the first plan. */
    int nextPlanVersion(DeploymentId deployment, String toVersion);

    /** Stores a plan; audited. */
    void savePlan(MigrationPlan plan, Initiator who);

    Optional<MigrationPlan> plan(String id);

    /** Newest first. */
    List<MigrationPlan> plans(@Nullable DeploymentId deployment, int limit);

    /**
     * Stores a new migration with its pending steps; a {@link MigrationException.Reason#CONFLICT} when the
     * deployment has a migration that is not finished (one at a time). Audited.
     */
    void create(Migration migration, List<StepRun> steps);

    Optional<Migration> find(String id);

    /** Newest first. */
    List<Migration> list(@Nullable DeploymentId deployment, int limit);

    /** Migrations a crash left pending, running or rolling back. */
    List<Migration> unfinished();

    /** Commits a migration's new state; terminal states are audited. */
    void update(Migration migration);

    /** Commits a step's new state. */
    void updateStep(StepRun run);

    List<StepRun> steps(String migrationId);

    /** Appends a progress event (numbered per migration) and returns it as stored. */
    MigrationEvent appendEvent(String migrationId, String type, Map<String, String> data);

    List<MigrationEvent> events(String migrationId, long afterSeq);

    /** Keeps a value a later step or recovery needs: surfaces ({@code source}, {@code target}), the compat report. */
    void saveArtifact(String migrationId, String name, Object value);

    <T> Optional<T> artifact(String migrationId, String name, Class<T> type);

    /** Mean duration of successful steps per kind, over the most recent {@code sample} of each. */
    Map<StepKind, Long> meanDurations(int sample);
}
