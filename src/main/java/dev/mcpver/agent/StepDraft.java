package dev.mcpver.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A step before the recorder numbers, hashes and commits it. Single-threaded builder. */
final class StepDraft {
    final StepKind kind;
    final ObjectNode payload;

    @Nullable
    Step parent;

    @Nullable
    String branchId;

    @Nullable
    Integer round;

    @Nullable
    Integer seq;

    @Nullable
    Integer attempt;

    @Nullable
    String name;

    @Nullable
    String toolCallId;

    @Nullable
    String status;

    @Nullable
    String errorType;

    @Nullable
    String errorMessage;

    @Nullable
    Boolean retryable;

    @Nullable
    Instant startedAt;

    @Nullable
    TokenCounts usage;

    @Nullable
    String finishReason;

    private StepDraft(StepKind kind, ObjectNode payload) {
        this.kind = kind;
        this.payload = payload;
    }

    static StepDraft of(StepKind kind, ObjectNode payload) {
        return new StepDraft(kind, payload);
    }

    StepDraft parent(@Nullable Step step) {
        this.parent = step;
        return this;
    }

    StepDraft position(@Nullable Integer roundNumber, @Nullable Integer seqNumber) {
        this.round = roundNumber;
        this.seq = seqNumber;
        return this;
    }

    StepDraft attempt(int number) {
        this.attempt = number;
        return this;
    }

    StepDraft name(@Nullable String value) {
        this.name = value;
        return this;
    }

    StepDraft toolCall(String id, @Nullable String branch) {
        this.toolCallId = id;
        this.branchId = branch;
        return this;
    }

    StepDraft ok() {
        this.status = "ok";
        return this;
    }

    StepDraft error(String type, String message, @Nullable Boolean canRetry) {
        this.status = "error";
        this.errorType = type;
        this.errorMessage = message;
        this.retryable = canRetry;
        return this;
    }

    /** The step spans from this instant to the moment it is recorded. */
    StepDraft since(Instant start) {
        this.startedAt = start;
        return this;
    }

    StepDraft usage(TokenCounts counts, @Nullable String finish) {
        this.usage = counts;
        this.finishReason = finish;
        return this;
    }
}
