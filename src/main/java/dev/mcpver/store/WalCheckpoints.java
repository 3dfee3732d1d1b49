package dev.mcpver.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a SQLite WAL off the request path. {@link Database}'s write connection turns SQLite's automatic
 * checkpoint off (it would otherwise copy the WAL into the database and fsync inside every ~40th commit); this runs
 * the database's {@code PASSIVE} checkpoint a moment after writes, on the write connection when no writer holds it,
 * so it never blocks writers or readers and never opens a connection of its own. Durability is unchanged: in WAL
 * mode a commit is durable against a process crash before any checkpoint. One daemon thread serves every database of
 * the process. Thread-safe.
 */
final class WalCheckpoints {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
    private static final long PERIOD_MILLIS = 250;
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mcpver-wal-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs one checkpoint; false when it had to be skipped (a writer was busy). */
    private final BooleanSupplier checkpoint;

    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    WalCheckpoints(BooleanSupplier checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** Notes a committed write; the first one starts the periodic checkpoint. */
    void written() {
        dirty.set(true);
        if (scheduled.compareAndSet(false, true)) {
            SCHEDULER.scheduleWithFixedDelay(this::checkpoint, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void checkpoint() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            if (!checkpoint.getAsBoolean()) {
                dirty.set(true); // a writer is busy: next tick
            }
        } catch (RuntimeException e) {
            dirty.set(true); // retried on the next tick
            LOG.atWarn()
                    .addKeyValue("operation", "WAL_CHECKPOINT_FAILED")
                    .setCause(e)
                    .log("WAL checkpoint failed; retrying");
        }
    }
}
