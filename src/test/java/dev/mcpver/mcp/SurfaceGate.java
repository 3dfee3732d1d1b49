package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interim dog-food gate until the compatibility analyzer ({@code dev.mcpver.compat}, issue 3) lands on main: compares
 * a committed manifest with the current one and lists what a client built against the committed one could trip on.
 * Conservative: any change to a committed tool's schemas, annotations or role counts (the analyzer will tell the
 * harmless ones apart); additions and description or title edits never count. Breaking changes are allowed when the
 * project's version moved by a major (or, in 0.x, by a minor) version.
 */
final class SurfaceGate {
    private SurfaceGate() {}

    /** Why {@code current} would break clients of {@code committed}; empty when it would not or may. */
    static List<String> breakingChanges(JsonNode committed, JsonNode current) {
        if (breakingAllowed(
                committed.at("/server/version").asText(),
                current.at("/server/version").asText())) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        tools(committed.get("tools"), current.get("tools"), problems);
        prompts(committed.get("prompts"), current.get("prompts"), problems);
        kept(committed.get("resources"), current.get("resources"), "uri", "resources/", problems);
        kept(
                committed.get("resourceTemplates"),
                current.get("resourceTemplates"),
                "uriTemplate",
                "resourceTemplates/",
                problems);
        committed.at("/initialize/capabilities").fieldNames().forEachRemaining(capability -> {
            if (!current.at("/initialize/capabilities").has(capability)) {
                problems.add("capabilities/" + capability + ": removed");
            }
        });
        return problems;
    }

    static boolean breakingAllowed(String committedVersion, String currentVersion) {
        Version before = Version.parse(committedVersion);
        Version after = Version.parse(currentVersion);
        if (after.major() != before.major()) {
            return after.major() > before.major();
        }
        return before.major() == 0 && after.minor() > before.minor();
    }

    private static void tools(JsonNode committed, JsonNode current, List<String> problems) {
        Map<String, JsonNode> now = byKey(current, "name");
        for (JsonNode tool : committed) {
            String name = tool.get("name").asText();
            JsonNode after = now.get(name);
            if (after == null) {
                problems.add("tools/" + name + ": removed");
                continue;
            }
            for (String part : List.of("inputSchema", "outputSchema", "annotations", "_meta")) {
                if (!tool.path(part).equals(after.path(part))) {
                    problems.add("tools/" + name + "#" + part + ": changed");
                }
            }
        }
    }

    private static void prompts(JsonNode committed, JsonNode current, List<String> problems) {
        Map<String, JsonNode> now = byKey(current, "name");
        for (JsonNode prompt : committed) {
            String name = prompt.get("name").asText();
            JsonNode after = now.get(name);
            if (after == null) {
                problems.add("prompts/" + name + ": removed");
                continue;
            }
            Map<String, JsonNode> before = byKey(prompt.path("arguments"), "name");
            for (JsonNode argument : after.path("arguments")) {
                JsonNode old = before.get(argument.get("name").asText());
                boolean required = argument.path("required").asBoolean(false);
                if (required && (old == null || !old.path("required").asBoolean(false))) {
                    problems.add("prompts/" + name + "#arguments/"
                            + argument.get("name").asText() + ": now required");
                }
            }
            Map<String, JsonNode> afterArguments = byKey(after.path("arguments"), "name");
            before.keySet().stream()
                    .filter(argument -> !afterArguments.containsKey(argument))
                    .forEach(argument -> problems.add("prompts/" + name + "#arguments/" + argument + ": removed"));
        }
    }

    private static void kept(JsonNode committed, JsonNode current, String key, String prefix, List<String> problems) {
        Map<String, JsonNode> now = byKey(current, key);
        for (JsonNode entry : committed) {
            if (!now.containsKey(entry.get(key).asText())) {
                problems.add(prefix + entry.get(key).asText() + ": removed");
            }
        }
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (JsonNode entry : array) {
            map.put(entry.get(key).asText(), entry);
        }
        return map;
    }
}
