package dev.mcpver.deploy;

import dev.mcpver.migrate.UpdateService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs due automated updates on one background thread of the service ({@code serve}). */
public final class UpdateScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateScheduler.class);

    private final UpdateService updates;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread scheduler = new Thread(runnable, "mcpver-update-scheduler");
        scheduler.setDaemon(true);
        return scheduler;
    });

    public UpdateScheduler(UpdateService updates) {
        this.updates = updates;
    }

    public void start(Duration period) {
        thread.scheduleWithFixedDelay(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Also runs {@code task} every {@code period} on the same thread (resident reconciliation). */
    public void every(Duration period, Runnable task) {
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.atWarn()
                                .addKeyValue("operation", "RECONCILE_FAILED")
                                .setCause(e)
                                .log("reconciliation failed");
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            updates.tick();
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "UPDATE_TICK_FAILED")
                    .setCause(e)
                    .log("update scheduler tick failed");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
