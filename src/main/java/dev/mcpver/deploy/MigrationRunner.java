package dev.mcpver.deploy;

import dev.mcpver.migrate.MigrationService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs migrations on worker threads for the service (HTTP answers at once; progress flows over SSE). */
public final class MigrationRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final MigrationService migrations;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mcpver-migration-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public MigrationRunner(MigrationService migrations) {
        this.migrations = migrations;
    }

    public void submit(String migrationId) {
        workers.submit(() -> {
            try {
                migrations.run(migrationId);
            } catch (RuntimeException e) {
                LOG.atError()
                        .addKeyValue("operation", "MIGRATION_FAILED")
                        .addKeyValue("migrationId", migrationId)
                        .setCause(e)
                        .log("migration {} stopped unexpectedly", migrationId);
            }
        });
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
