package dev.mcpver.migrate;

import java.util.List;
import java.util.Optional;

/** Port: scheduled automated updates. Writes are audited. */
public interface UpdateStore {
    void insert(UpdateJob job);

    void update(UpdateJob job);

    /**
     * Replaces the job only if its stored status is still {@code expected} (compare-and-set), so two schedulers (the
     * service and a CLI {@code update tick}) never run the same job; returns whether it did.
     */
    boolean claim(UpdateJob job, UpdateStatus expected);

    Optional<UpdateJob> find(String id);

    /** Newest first. */
    List<UpdateJob> list(int limit);

    /** Jobs that are not finished (scheduled, running, holding, awaiting a decision), oldest first. */
    List<UpdateJob> open();
}
