package dev.mcpver.clientconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading, diffing and atomically replacing a client configuration file, keeping a timestamped backup. */
public final class ConfigFiles {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ConfigFiles() {}

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the current file to {@code <file>.bak-<UTC time>}, writes the new text to a temporary file beside it
     * (same permissions) and renames it over the original in one step. Returns the backup's path.
     */
    public static Path replace(Path file, String text, Clock clock) {
        Path backup = file.resolveSibling(file.getFileName() + ".bak-" + STAMP.format(clock.instant()));
        Path temp = file.resolveSibling("." + file.getFileName() + ".mcpver-tmp");
        try {
            Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            copyPermissions(file, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the directory of " + file + " does not support atomic renames", e);
            }
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // renamed already
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source =
                Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && target != null) {
            target.setPermissions(source.readAttributes().permissions());
        }
    }

    /** A unified diff of two texts whose lines correspond one to one (the rewrite never adds or removes lines). */
    public static String diff(String name, String before, String after) {
        String[] old = before.split("\n", -1);
        String[] now = after.split("\n", -1);
        List<String> lines = new ArrayList<>(List.of("--- a/" + name, "+++ b/" + name));
        for (int i = 0; i < Math.min(old.length, now.length); i++) {
            if (!old[i].equals(now[i])) {
                lines.add("@@ -" + (i + 1) + ",1 +" + (i + 1) + ",1 @@");
                lines.add("-" + old[i]);
                lines.add("+" + now[i]);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
