package dev.mcpver.agent;

import java.time.Instant;

/** A thread of runs: chat turns, their forks and replays. */
public record Conversation(String id, String title, Instant createdAt, Instant updatedAt) {
    public Conversation {
        if (id.isBlank()) {
            throw new IllegalArgumentException("a conversation needs an id");
        }
    }

    /** A short title from the first message: its first line, at most 80 characters. */
    public static String titleFrom(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
