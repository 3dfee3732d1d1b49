package dev.mcpver.abtest;

import org.jspecify.annotations.Nullable;

/** What happened to a batch of observations. */
public sealed interface IngestOutcome {
    /** Observations counted by this request (or by the original request, for a replay). */
    int accepted();

    /**
     * Stored in one transaction with the aggregates and the decision evaluated on them.
     *
     * @param decision the decision after this batch
     * @param status the experiment's status after this batch (stopped when the batch triggered an automatic stop)
     * @param stop the automatic stop this batch caused, if any
     */
    record Accepted(
            int accepted,
            Decision decision,
            ExperimentStatus status,
            @Nullable StopRecord stop) implements IngestOutcome {}

    /** The idempotency key was seen before with the same batch: nothing was stored again. */
    record Replayed(int accepted) implements IngestOutcome {}
}
