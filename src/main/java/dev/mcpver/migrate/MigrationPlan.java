package dev.mcpver.migrate;

import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored, versioned plan to migrate a deployment to a target version. It captures the deployment as it was when
 * planned ({@code source}, {@code sourceRevision}); executing it fails early if the deployment was switched since.
 *
 * @param id ULID
 * @param planVersion counts the plans made for the same deployment and target (1, 2, …)
 * @param deployment which deployment
 * @param source the deployment's state when planned
 * @param sourceRevision the deployment's revision when planned
 * @param target the target version as the catalog knows it
 * @param options the operator's choices
 * @param steps forward steps (pre, migrate, post) then rollback steps
 * @param warnings what the planner noticed (missing registered surface, no smoke calls, …)
 * @param estimatedDurationMs sum of the forward steps' estimates
 * @param estimatedRollbackMs sum of the rollback steps' estimates
 * @param createdAt when planned
 * @param schemaVersion format version of the stored plan
 */
public record MigrationPlan(
        String id,
        int planVersion,
        DeploymentId deployment,
        DeploymentState source,
        long sourceRevision,
        TargetRelease target,
        PlanOptions options,
        List<PlannedStep> steps,
        List<String> warnings,
        long estimatedDurationMs,
        long estimatedRollbackMs,
        Instant createdAt,
        int schemaVersion) {
    public static final int SCHEMA_VERSION = 1;

    public MigrationPlan {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).index() != i) {
                throw new IllegalArgumentException(
                        "step " + i + " has index " + steps.get(i).index());
            }
        }
    }

    public String fromVersion() {
        return Objects.requireNonNull(source.version());
    }

    public String toVersion() {
        return target.version();
    }

    public List<PlannedStep> forwardSteps() {
        return steps.stream().filter(s -> s.phase() != Phase.ROLLBACK).toList();
    }

    public List<PlannedStep> rollbackSteps() {
        return steps.stream().filter(s -> s.phase() == Phase.ROLLBACK).toList();
    }

    /** All smoke calls: the target's registered ones, then the plan's own. */
    public List<SmokeCall> smokeCalls() {
        return java.util.stream.Stream.concat(target.smokeCalls().stream(), options.smokeCalls().stream())
                .toList();
    }
}
