package dev.mcpver.rollback;

/**
 * A file of a rollback point whose stored content cannot be trusted.
 *
 * @param path the file's path in the release
 * @param sha256 the digest the manifest expects
 * @param kind what is wrong
 * @param detail one sentence
 */
public record FileProblem(String path, String sha256, Kind kind, String detail) {
    /** What is wrong with a blob. */
    public enum Kind {
        /** The blob is not in the store. */
        MISSING,
        /** The blob's bytes no longer hash to its name (or have the wrong size). */
        CORRUPTED
    }
}
