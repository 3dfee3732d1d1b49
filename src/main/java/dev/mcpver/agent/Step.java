package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.CanonicalJson;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a run's append-only log. Indexes are contiguous from 0 within the run's effective trace (a fork's own
 * steps continue the inherited prefix); {@code payloadSha256} is the SHA-256 of the canonical payload.
 *
 * @param id {@code <runId>:<index>}, unique across runs
 * @param parentId the step this one answers (a tool result's call, a response's request), possibly in a parent run
 * @param parentIndex index of the parent step in the effective trace
 * @param branchId {@code sequentialthinking}'s branch of a thought
 * @param round model round (1-based) the step belongs to
 * @param seq position of a tool call within its model response (1-based)
 * @param attempt attempt number of a model request (1-based)
 * @param name the tool of a call/result, or the model id of a request/response
 * @param status outcome of a result, response or error step
 * @param retryable for model errors: whether the failure was retried or could have been
 */
public record Step(
        String id,
        String runId,
        int index,
        StepKind kind,
        @Nullable String parentId,
        @Nullable Integer parentIndex,
        @Nullable String branchId,
        @Nullable Integer round,
        @Nullable Integer seq,
        @Nullable Integer attempt,
        @Nullable String name,
        @Nullable String toolCallId,
        @Nullable String status,
        @Nullable String errorType,
        @Nullable String errorMessage,
        @Nullable Boolean retryable,
        Instant startedAt,
        @Nullable Instant endedAt,
        @Nullable Long durationMs,
        @Nullable TokenCounts usage,
        @Nullable String finishReason,
        JsonNode payload,
        String payloadSha256) {

    public Step {
        if (index < 0) {
            throw new IllegalArgumentException("step index must be >= 0");
        }
        if (status != null && !status.equals("ok") && !status.equals("error")) {
            throw new IllegalArgumentException("step status is ok or error, not " + status);
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("a step payload is a JSON object");
        }
    }

    public static String idOf(String runId, int index) {
        return runId + ":" + index;
    }

    /** True when the stored hash matches the payload (import checks every step). */
    public boolean hashMatches() {
        return CanonicalJson.sha256(payload).equals(payloadSha256);
    }

    public boolean isError() {
        return "error".equals(status);
    }
}
