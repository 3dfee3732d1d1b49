package dev.mcpver.cli;

import dev.mcpver.migrate.MigrationEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The migration progress bar on stderr: {@code [#####-----] 5/15 start_target}. On a terminal it redraws one line;
 * otherwise (CI logs) it prints one line per step. Failed steps and the rollback are always printed on their own.
 */
final class ProgressBar implements Consumer<MigrationEvent> {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final String migrationId;
    private int done;

    ProgressBar(PrintWriter err, boolean terminal, String migrationId) {
        this.err = err;
        this.terminal = terminal;
        this.migrationId = migrationId;
    }

    @Override
    public synchronized void accept(MigrationEvent event) {
        if (!event.migrationId().equals(migrationId)) {
            return;
        }
        switch (event.type()) {
            case "step.started" -> draw(event, "running");
            case "step.finished" -> finished(event);
            case "migration.rolling_back" ->
                line("rolling back: " + event.data().get("cause"));
            case "migration.finished" ->
                line("migration " + event.data().get("status")
                        + (event.data().containsKey("cause")
                                ? ": " + event.data().get("cause")
                                : ""));
            default -> {
                // created / started: nothing to draw yet
            }
        }
    }

    private void finished(MigrationEvent event) {
        String status = event.data().getOrDefault("status", "");
        if (!"rollback".equals(event.data().get("phase"))) {
            done++;
        }
        if (status.equals("failed")) {
            line("step " + event.data().get("kind") + " failed: " + event.data().get("error"));
        } else {
            draw(event, status);
        }
    }

    private void draw(MigrationEvent event, String status) {
        int total = Integer.parseInt(event.data().getOrDefault("total", "1"));
        int filled = Math.min(WIDTH, total == 0 ? WIDTH : done * WIDTH / total);
        String bar = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%2d/%d ", Math.min(done, total), total)
                + event.data().get("kind") + " " + status;
        if (terminal) {
            err.print("\r" + bar + "\u001b[K");
        } else {
            err.println(bar);
        }
        err.flush();
    }

    private void line(String text) {
        if (terminal) {
            err.print("\r\u001b[K");
        }
        err.println(text);
        err.flush();
    }
}
