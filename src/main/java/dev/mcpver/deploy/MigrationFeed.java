package dev.mcpver.deploy;

import dev.mcpver.migrate.MigrationEvent;
import dev.mcpver.migrate.MigrationEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live migration events for the doors (SSE streams, progress bars). Events are stored before they are published
 * here, so a subscriber first replays the store, then follows the feed, dropping duplicates by sequence number.
 * Thread-safe.
 */
public final class MigrationFeed implements MigrationEvents {
    private final List<Consumer<MigrationEvent>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void published(MigrationEvent event) {
        for (Consumer<MigrationEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException ignored) {
                // a broken subscriber (closed stream) must not stop a migration
            }
        }
    }

    /** Subscribes; the returned handle unsubscribes. */
    public AutoCloseable subscribe(Consumer<MigrationEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
