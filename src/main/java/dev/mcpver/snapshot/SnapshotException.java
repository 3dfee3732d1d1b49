package dev.mcpver.snapshot;

/** A snapshot failed; the message is one line a person can act on (no stack trace, no newlines). */
public final class SnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(oneLine(message));
    }

    static String oneLine(String text) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() > 500 ? flat.substring(0, 497) + "..." : flat;
    }
}
