package dev.mcpver.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a SQLite WAL off the request path. The experiment store's write connection turns SQLite's automatic
 * checkpoint off (it would otherwise copy the WAL into the database and fsync inside the commit of every ~40th
 * batch); this runs a {@code PASSIVE} checkpoint on its own connection a moment after writes, which never blocks
 * writers or readers. Durability is unchanged: in WAL mode a commit is durable against a process crash before any
 * checkpoint. One daemon thread serves every store of the process. Thread-safe.
 */
final class WalCheckpoints {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
    private static final long PERIOD_MILLIS = 250;
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mcpver-wal-checkpoint");
        thread.setDaemon(true);
        return thread;
    });

    private final Jdbi jdbi;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    WalCheckpoints(Jdbi jdbi) {
        this.jdbi = jdbi;
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
            jdbi.useHandle(handle -> handle.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                    .mapToMap()
                    .list());
        } catch (RuntimeException e) {
            dirty.set(true); // retried on the next tick
            LOG.atWarn()
                    .addKeyValue("operation", "WAL_CHECKPOINT_FAILED")
                    .setCause(e)
                    .log("WAL checkpoint failed; retrying");
        }
    }
}
