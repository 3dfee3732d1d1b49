package dev.mcpver.deploy;

import dev.mcpver.rollback.DeploymentId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Port: the processes the supervisor started, kept in the database so a restarted mcpver can stop the ones a crash
 * orphaned. Implemented by {@code store.SqlProcessJournal}.
 */
public interface ProcessJournal {
    /**
     * One started process.
     *
     * @param id the supervisor's id of the start
     * @param deployment whose release
     * @param role {@code resident} or {@code candidate}
     * @param releaseDir which release
     * @param pid OS pid
     * @param processStart OS start time (tells the process from a later one that reused the pid)
     * @param startedAt when the supervisor started it
     */
    record Entry(
            String id,
            DeploymentId deployment,
            String role,
            String releaseDir,
            long pid,
            @Nullable Instant processStart,
            Instant startedAt) {}

    void record(Entry entry);

    void forget(String id);

    /** Changes the role of a recorded process (a promoted candidate). */
    void changeRole(String id, String role);

    List<Entry> all();
}
