package dev.mcpver.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of conversations, runs, steps, blobs and replay diffs (implemented in {@code store}). Every write is
 * committed before the method returns, so a step the loop recorded survives {@code kill -9}. Thread-safe.
 */
public interface TraceStore {
    void createConversation(Conversation conversation);

    Optional<Conversation> conversation(String id);

    /** Newest first. */
    List<Conversation> conversations(int limit, int offset);

    void touchConversation(String id, Instant at);

    void createRun(Run run);

    /** Rewrites the mutable columns of a run (status, totals, answer, error). */
    void updateRun(Run run);

    /** Atomically moves a run from one status to another; false when it was not in {@code from} (lost a race). */
    boolean transition(String runId, RunStatus from, RunStatus to);

    Optional<Run> run(String id);

    /** The runs of a conversation in start order. */
    List<Run> runs(String conversationId);

    /** Opens a writer for appending steps; one per run, used by one thread. */
    StepWriter writer();

    /** A run's own steps by index (a fork's inherited steps are read from its parent). */
    List<Step> steps(String runId);

    /** Stores a blob unless one with the same hash exists. */
    void putBlob(Blob blob);

    Optional<Blob> blob(String sha256);

    void saveDiffs(List<ReplayDiff> diffs);

    List<ReplayDiff> diffs(String replayRunId);

    /** Marks runs left {@code running} by a crashed process as {@code interrupted}; returns how many. */
    int interruptRunning(Instant at);

    /** Loads an exported conversation in one transaction; the conversation id must be new. */
    void importConversation(TraceBundle bundle);

    /** Appends steps with one connection held open; every append is its own committed transaction. */
    interface StepWriter extends AutoCloseable {
        void append(Step step);

        @Override
        void close();
    }
}
