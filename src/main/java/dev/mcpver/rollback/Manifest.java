package dev.mcpver.rollback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file list of a release, sorted by path. Its {@link #hash()} is the SHA-256 of one line per entry
 * ({@code F <sha256> <size> <x|-> <path>} or {@code L <sha256> 0 - <path> -> <target>}, each ending in a newline):
 * two trees with the same paths, contents, modes and links have the same hash, whatever their order on disk.
 */
public record Manifest(List<FileEntry> files) {
    public Manifest {
        List<FileEntry> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileEntry::path));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).path().equals(sorted.get(i - 1).path())) {
                throw new IllegalArgumentException(
                        "path listed twice: " + sorted.get(i).path());
            }
        }
        files = List.copyOf(sorted);
    }

    public String hash() {
        StringBuilder text = new StringBuilder();
        for (FileEntry entry : files) {
            text.append(entry.line()).append('\n');
        }
        return Sha256.hex(text.toString());
    }

    public long totalBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    public int fileCount() {
        return files.size();
    }

    /** Distinct blob digests (files only). */
    public Set<String> blobs() {
        Set<String> digests = new TreeSet<>();
        files.stream().filter(FileEntry::isFile).forEach(f -> digests.add(f.sha256()));
        return digests;
    }
}
