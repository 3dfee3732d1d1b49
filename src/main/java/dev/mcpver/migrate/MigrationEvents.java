package dev.mcpver.migrate;

/** Port: told of every progress event as soon as it is stored (live SSE streams, the CLI progress bar). */
@FunctionalInterface
public interface MigrationEvents {
    MigrationEvents NONE = event -> {};

    void published(MigrationEvent event);
}
