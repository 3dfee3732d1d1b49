package dev.mcpver.rollback;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks for paths inside a release: relative, {@code /}-separated, no empty, {@code .} or {@code ..} segment, no
 * control characters. The same rules decide whether an archive entry or a symbolic link may be extracted.
 */
public final class RelativePath {
    private RelativePath() {}

    /** Returns {@code path} when it is a safe relative path, else throws naming the problem. */
    public static String check(String path) {
        if (path.isEmpty() || path.length() > 4096) {
            throw new IllegalArgumentException("path must have 1 to 4096 characters");
        }
        if (path.startsWith("/") || path.contains("\\") || (path.length() > 1 && path.charAt(1) == ':')) {
            throw new IllegalArgumentException("absolute path not allowed: " + path);
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("control character in path: " + path.replaceAll("\\p{Cntrl}", "?"));
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("path segment '" + segment + "' not allowed: " + path);
            }
        }
        return path;
    }

    /**
     * Whether a symbolic link at {@code linkPath} with relative target {@code target} stays inside the release
     * root. Absolute targets never do.
     */
    public static boolean linkStaysInside(String linkPath, String target) {
        if (target.isEmpty() || target.startsWith("/") || target.contains("\\")) {
            return false;
        }
        Deque<String> resolved = new ArrayDeque<>();
        String[] linkSegments = linkPath.split("/");
        for (int i = 0; i < linkSegments.length - 1; i++) {
            resolved.addLast(linkSegments[i]);
        }
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    return false;
                }
                resolved.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                resolved.addLast(segment);
            }
        }
        return true;
    }
}
