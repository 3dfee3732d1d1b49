package dev.mcpver.migrate;

import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.Initiator;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One execution of a plan (or a dry run of it).
 *
 * @param id ULID
 * @param planId the plan executed
 * @param deployment which deployment
 * @param fromVersion the version migrated from
 * @param toVersion the target version
 * @param dryRun only checks that change nothing
 * @param status where it stands
 * @param currentStep index of the step running or last run
 * @param cause why it failed or rolled back
 * @param rollbackPointId the point created before changing anything
 * @param initiator who started it
 * @param createdAt when it was created
 * @param startedAt when its first step started
 * @param finishedAt when it reached a terminal status
 */
public record Migration(
        String id,
        String planId,
        DeploymentId deployment,
        String fromVersion,
        String toVersion,
        boolean dryRun,
        MigrationStatus status,
        int currentStep,
        @Nullable String cause,
        @Nullable String rollbackPointId,
        Initiator initiator,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public Migration with(MigrationStatus newStatus, @Nullable String newCause, @Nullable Instant finished) {
        return new Migration(
                id,
                planId,
                deployment,
                fromVersion,
                toVersion,
                dryRun,
                newStatus,
                currentStep,
                newCause,
                rollbackPointId,
                initiator,
                createdAt,
                startedAt,
                finished);
    }

    public Migration started(Instant at) {
        return new Migration(
                id,
                planId,
                deployment,
                fromVersion,
                toVersion,
                dryRun,
                MigrationStatus.RUNNING,
                currentStep,
                cause,
                rollbackPointId,
                initiator,
                createdAt,
                startedAt == null ? at : startedAt,
                finishedAt);
    }

    public Migration atStep(int index) {
        return new Migration(
                id,
                planId,
                deployment,
                fromVersion,
                toVersion,
                dryRun,
                status,
                index,
                cause,
                rollbackPointId,
                initiator,
                createdAt,
                startedAt,
                finishedAt);
    }

    public Migration withRollbackPoint(String pointId) {
        return new Migration(
                id,
                planId,
                deployment,
                fromVersion,
                toVersion,
                dryRun,
                status,
                currentStep,
                cause,
                pointId,
                initiator,
                createdAt,
                startedAt,
                finishedAt);
    }
}
