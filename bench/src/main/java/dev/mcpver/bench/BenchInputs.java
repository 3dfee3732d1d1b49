package dev.mcpver.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads {@code semver-bench-inputs.txt}, the inputs shared with the node benchmark script. */
final class BenchInputs {
    static final int SIZE = 16;

    private BenchInputs() {}

    static Map<String, List<String[]>> load() {
        String name = "/semver-bench-inputs.txt";
        try (InputStream in = Objects.requireNonNull(BenchInputs.class.getResourceAsStream(name), name);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, List<String[]>> sections = new HashMap<>();
            List<String[]> current = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = new ArrayList<>();
                    sections.put(line.substring(1, line.length() - 1), current);
                } else if (current != null) {
                    current.add(line.equals("\"\"") ? new String[] {""} : line.split("\t", -1));
                }
            }
            sections.forEach((section, rows) -> {
                if (rows.size() != SIZE) {
                    throw new IllegalStateException(section + " has " + rows.size() + " entries, expected " + SIZE);
                }
            });
            return sections;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] column(List<String[]> rows, int column) {
        return rows.stream().map(r -> r[column]).toArray(String[]::new);
    }
}
