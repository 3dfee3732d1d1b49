package dev.mcpver.migrate;

import dev.mcpver.rollback.Sha256;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a server answered to {@code initialize} and {@code tools/list}: the minimal surface migrations compare. The
 * compatibility feature's richer surface model can be converted to and from it.
 *
 * @param serverName {@code serverInfo.name}
 * @param serverVersion {@code serverInfo.version}
 * @param protocolVersion negotiated protocol revision; null when not observed (registered surfaces)
 * @param tools sorted by name
 */
public record ServerSurface(
        String serverName, String serverVersion, @Nullable String protocolVersion, List<ToolShape> tools) {
    public ServerSurface {
        List<ToolShape> sorted = new ArrayList<>(tools);
        sorted.sort(Comparator.comparing(ToolShape::name));
        tools = List.copyOf(sorted);
    }

    public Optional<ToolShape> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** SHA-256 over tool names, schemas and read-only hints (descriptions and server info excluded). */
    public String contractHash() {
        StringBuilder text = new StringBuilder();
        for (ToolShape tool : tools) {
            text.append(tool.name())
                    .append('\n')
                    .append(tool.inputSchema())
                    .append('\n')
                    .append(Objects.requireNonNullElse(tool.outputSchema(), "-"))
                    .append('\n')
                    .append(tool.readOnly())
                    .append('\n');
        }
        return Sha256.hex(text.toString());
    }

    /**
     * How {@code actual} differs from this (expected) surface in names, schemas and read-only hints: one sentence per
     * difference, empty when they agree.
     */
    public List<String> differencesFrom(ServerSurface actual) {
        Map<String, ToolShape> expected = byName(tools);
        Map<String, ToolShape> seen = byName(actual.tools());
        List<String> differences = new ArrayList<>();
        for (ToolShape tool : expected.values()) {
            ToolShape other = seen.get(tool.name());
            if (other == null) {
                differences.add("tool " + tool.name() + " is missing");
            } else {
                differences.addAll(toolDifferences(tool, other));
            }
        }
        seen.keySet().stream()
                .filter(n -> !expected.containsKey(n))
                .forEach(n -> differences.add("unexpected tool " + n));
        return differences;
    }

    private static List<String> toolDifferences(ToolShape expected, ToolShape actual) {
        List<String> differences = new ArrayList<>();
        if (!expected.inputSchema().equals(actual.inputSchema())) {
            differences.add("tool " + expected.name() + " has a different input schema");
        }
        if (!Objects.equals(expected.outputSchema(), actual.outputSchema())) {
            differences.add("tool " + expected.name() + " has a different output schema");
        }
        if (expected.readOnly() != actual.readOnly()) {
            differences.add("tool " + expected.name() + " readOnlyHint is " + actual.readOnly());
        }
        return differences;
    }

    private static Map<String, ToolShape> byName(List<ToolShape> tools) {
        Map<String, ToolShape> map = new TreeMap<>();
        tools.forEach(t -> map.put(t.name(), t));
        return map;
    }
}
