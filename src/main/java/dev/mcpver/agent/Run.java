package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One agent run: a chat turn, a fork of an earlier run, or a replay.
 *
 * @param parentRunId the run a fork or a replay was made from
 * @param forkStepIndex a fork inherits the parent's steps below this index and numbers its own from it
 * @param previousRunId the conversation turn before this one (a fork takes the place of its parent in the lineage)
 * @param replayMode {@code verify} for verify replays
 * @param callerSubject who started the run; the agent acts with that caller's permissions
 * @param callerRole the role of that caller when the run started
 */
public record Run(
        String id,
        String conversationId,
        RunOrigin origin,
        @Nullable String parentRunId,
        @Nullable Integer forkStepIndex,
        @Nullable String previousRunId,
        @Nullable String replayMode,
        PlannerKind plannerKind,
        @Nullable String modelProvider,
        @Nullable String modelId,
        RunStatus status,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        TokenCounts usage,
        int rounds,
        int toolErrors,
        String systemPromptSha256,
        String toolCatalogSha256,
        JsonNode engineVersions,
        @Nullable String finalAnswer,
        String callerSubject,
        Role callerRole) {

    public Run {
        if ((origin == RunOrigin.FORK || origin == RunOrigin.REPLAY) && parentRunId == null) {
            throw new IllegalArgumentException(origin.wire() + " runs need a parent run");
        }
        if (origin == RunOrigin.FORK && forkStepIndex == null) {
            throw new IllegalArgumentException("a fork needs the step index it starts from");
        }
    }

    /** The index this run's own steps start at: 0, or the fork point. */
    public int firstOwnIndex() {
        return forkStepIndex == null || origin != RunOrigin.FORK ? 0 : forkStepIndex;
    }

    /** The caller the run acts for. */
    public dev.mcpver.auth.Caller caller() {
        return new dev.mcpver.auth.Caller(callerSubject, callerRole);
    }

    public Run withStatus(RunStatus newStatus) {
        return new Run(
                id,
                conversationId,
                origin,
                parentRunId,
                forkStepIndex,
                previousRunId,
                replayMode,
                plannerKind,
                modelProvider,
                modelId,
                newStatus,
                errorCode,
                errorMessage,
                startedAt,
                finishedAt,
                durationMs,
                usage,
                rounds,
                toolErrors,
                systemPromptSha256,
                toolCatalogSha256,
                engineVersions,
                finalAnswer,
                callerSubject,
                callerRole);
    }

    /** A terminal copy with the figures the loop gathered. */
    public Run finish(RunStatus endStatus, RunTotals totals, Instant at) {
        return new Run(
                id,
                conversationId,
                origin,
                parentRunId,
                forkStepIndex,
                previousRunId,
                replayMode,
                plannerKind,
                modelProvider,
                modelId,
                endStatus,
                totals.errorCode(),
                totals.errorMessage(),
                startedAt,
                at,
                Math.max(0, at.toEpochMilli() - startedAt.toEpochMilli()),
                totals.usage(),
                totals.rounds(),
                totals.toolErrors(),
                systemPromptSha256,
                toolCatalogSha256,
                engineVersions,
                totals.finalAnswer(),
                callerSubject,
                callerRole);
    }

    /** The same run without an end time: a paused run is not finished. */
    public Run withOpenEnd() {
        return new Run(
                id,
                conversationId,
                origin,
                parentRunId,
                forkStepIndex,
                previousRunId,
                replayMode,
                plannerKind,
                modelProvider,
                modelId,
                status,
                errorCode,
                errorMessage,
                startedAt,
                null,
                null,
                usage,
                rounds,
                toolErrors,
                systemPromptSha256,
                toolCatalogSha256,
                engineVersions,
                finalAnswer,
                callerSubject,
                callerRole);
    }

    /** What a run accumulated; written when it pauses or ends. */
    public record RunTotals(
            TokenCounts usage,
            int rounds,
            int toolErrors,
            @Nullable String finalAnswer,
            @Nullable String errorCode,
            @Nullable String errorMessage) {}
}
