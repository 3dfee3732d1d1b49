package dev.mcpver.migrate;

import dev.mcpver.rollback.Initiator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled automated update as stored; it survives restarts.
 *
 * @param id ULID
 * @param request what was asked
 * @param status where it stands
 * @param cause why it failed or rolled back
 * @param migrationIds the migrations it ran, in order
 * @param experimentId canary: the A/B experiment
 * @param deadline blue-green: when the old release may stop; canary: when to give up waiting for a verdict
 * @param initiator who scheduled it
 * @param createdAt when
 * @param updatedAt last change
 */
public record UpdateJob(
        String id,
        UpdateRequest request,
        UpdateStatus status,
        @Nullable String cause,
        List<String> migrationIds,
        @Nullable String experimentId,
        @Nullable Instant deadline,
        Initiator initiator,
        Instant createdAt,
        Instant updatedAt) {
    public UpdateJob {
        migrationIds = List.copyOf(migrationIds);
    }

    public UpdateJob with(UpdateStatus newStatus, @Nullable String newCause, Instant at) {
        return new UpdateJob(
                id, request, newStatus, newCause, migrationIds, experimentId, deadline, initiator, createdAt, at);
    }

    public UpdateJob withMigration(String migrationId, Instant at) {
        List<String> ids = new ArrayList<>(migrationIds);
        ids.add(migrationId);
        return new UpdateJob(id, request, status, cause, ids, experimentId, deadline, initiator, createdAt, at);
    }

    public UpdateJob holding(Instant until, Instant at) {
        return new UpdateJob(
                id, request, UpdateStatus.HOLDING, cause, migrationIds, experimentId, until, initiator, createdAt, at);
    }

    public UpdateJob awaiting(String experiment, Instant until, Instant at) {
        return new UpdateJob(
                id,
                request,
                UpdateStatus.AWAITING_DECISION,
                cause,
                migrationIds,
                experiment,
                until,
                initiator,
                createdAt,
                at);
    }
}
