package dev.mcpver.agent;

import dev.mcpver.json.CanonicalJson;
import java.time.Clock;
import java.time.Instant;

/**
 * The single writer of a run's steps: owns the contiguous index, hashes each payload and commits it before returning,
 * so the loop never acts on something unrecorded. One per run, used by one thread; not thread-safe.
 */
final class StepRecorder implements AutoCloseable {
    private final String runId;
    private final TraceStore.StepWriter writer;
    private final Clock clock;
    private final RunObserver observer;
    private int next;

    StepRecorder(String runId, int firstIndex, TraceStore.StepWriter writer, Clock clock, RunObserver observer) {
        this.runId = runId;
        this.next = firstIndex;
        this.writer = writer;
        this.clock = clock;
        this.observer = observer;
    }

    Step record(StepDraft draft) {
        Instant now = clock.instant();
        Instant started = draft.startedAt == null ? now : draft.startedAt;
        boolean spans = draft.startedAt != null;
        Step parent = draft.parent;
        Step step = new Step(
                Step.idOf(runId, next),
                runId,
                next,
                draft.kind,
                parent == null ? null : parent.id(),
                parent == null ? null : parent.index(),
                draft.branchId,
                draft.round,
                draft.seq,
                draft.attempt,
                draft.name,
                draft.toolCallId,
                draft.status,
                draft.errorType,
                draft.errorMessage,
                draft.retryable,
                started,
                spans ? now : null,
                spans ? Math.max(0, now.toEpochMilli() - started.toEpochMilli()) : null,
                draft.usage,
                draft.finishReason,
                draft.payload,
                CanonicalJson.sha256(draft.payload));
        writer.append(step);
        next++;
        observer.onStep(step);
        return step;
    }

    int nextIndex() {
        return next;
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        writer.close();
    }
}
