package dev.mcpver.rollback;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a release: a regular file (content stored as a blob under its SHA-256) or a relative symbolic link
 * that stays inside the release (npm's {@code node_modules/.bin} links).
 *
 * @param path relative, {@code /}-separated
 * @param kind file or link
 * @param sha256 content digest; for a link, the digest of its target text
 * @param size bytes; 0 for links
 * @param executable the owner-execute bit (restored on POSIX file systems)
 * @param linkTarget the relative target of a link; null for files
 */
public record FileEntry(
        String path,
        Kind kind,
        String sha256,
        long size,
        boolean executable,
        @Nullable String linkTarget) {
    /** What an entry is. */
    public enum Kind {
        FILE,
        LINK
    }

    public FileEntry {
        RelativePath.check(path);
        Names.sha256(sha256);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + path);
        }
        if ((kind == Kind.LINK) != (linkTarget != null)) {
            throw new IllegalArgumentException("only links have a target: " + path);
        }
        if (kind == Kind.LINK && !RelativePath.linkStaysInside(path, Objects.requireNonNull(linkTarget))) {
            throw new IllegalArgumentException("link " + path + " points outside the release: " + linkTarget);
        }
    }

    public static FileEntry file(String path, String sha256, long size, boolean executable) {
        return new FileEntry(path, Kind.FILE, sha256, size, executable, null);
    }

    public static FileEntry link(String path, String target) {
        return new FileEntry(path, Kind.LINK, Sha256.hex(target), 0, false, target);
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }

    /** The manifest line: kind, digest, size, mode, path (and target). Paths hold no control characters. */
    String line() {
        String mode = executable ? "x" : "-";
        String base = (isFile() ? "F " : "L ") + sha256 + " " + size + " " + mode + " " + path;
        return isFile() ? base : base + " -> " + linkTarget;
    }
}
