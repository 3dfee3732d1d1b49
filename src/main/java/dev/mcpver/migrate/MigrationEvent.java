package dev.mcpver.migrate;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a migration's progress feed ({@code GET /api/v1/migrations/{id}/events}, the CLI progress bar).
 *
 * @param migrationId which migration
 * @param seq 1, 2, … per migration (the SSE event id, for resuming)
 * @param at when
 * @param type {@code migration.started}, {@code step.started}, {@code step.finished}, {@code migration.finished}, …
 * @param data facts: step index, kind, status, error, totals
 */
public record MigrationEvent(String migrationId, long seq, Instant at, String type, Map<String, String> data) {
    public MigrationEvent {
        data = Map.copyOf(data);
    }

    /** Whether nothing follows this event. */
    public boolean last() {
        return type.equals("migration.finished");
    }
}
