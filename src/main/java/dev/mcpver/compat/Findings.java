package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects changes and notes during one analysis. Not thread-safe; one per analysis. */
final class Findings {
    private final List<Change> changes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Rule rule, String target, @Nullable JsonValue before, @Nullable JsonValue after, String message) {
        changes.add(Change.of(rule, target, before, after, message));
    }

    void addText(Rule rule, String target, @Nullable String before, @Nullable String after, String message) {
        add(
                rule,
                target,
                before == null ? null : JsonValue.of(before),
                after == null ? null : JsonValue.of(after),
                message);
    }

    void note(String note) {
        notes.add(note);
    }

    List<Change> changes() {
        return changes;
    }

    List<String> notes() {
        return notes;
    }
}
