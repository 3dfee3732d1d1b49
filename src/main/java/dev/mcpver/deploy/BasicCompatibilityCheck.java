package dev.mcpver.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.migrate.CompatFinding;
import dev.mcpver.migrate.CompatFinding.Level;
import dev.mcpver.migrate.CompatSummary;
import dev.mcpver.migrate.CompatibilityCheck;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.ToolShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small compatibility check over tool surfaces, standing in for the compatibility feature's analyzer: removed
 * and renamed tools (a removed and an added tool with the same input schema), new required arguments, removed
 * arguments, removed or changed output schemas and read-only hints turned off. Rule ids follow {@code compat.md}
 * §3. Stateless and thread-safe.
 */
public final class BasicCompatibilityCheck implements CompatibilityCheck {
    @Override
    public CompatSummary analyze(ServerSurface from, ServerSurface to) {
        List<CompatFinding> findings = new ArrayList<>();
        Map<String, String> renames = renames(from, to);
        for (ToolShape old : from.tools()) {
            ToolShape now = to.tool(old.name()).orElse(null);
            if (now != null) {
                findings.addAll(toolChanges(old, now));
            } else if (renames.containsKey(old.name())) {
                findings.add(new CompatFinding(
                        "tool-renamed",
                        Level.BREAKING,
                        "tools/" + old.name(),
                        "tool " + old.name() + " was renamed to " + renames.get(old.name())));
            } else {
                findings.add(new CompatFinding(
                        "tool-removed", Level.BREAKING, "tools/" + old.name(), "tool " + old.name() + " was removed"));
            }
        }
        for (ToolShape added : to.tools()) {
            if (from.tool(added.name()).isEmpty() && !renames.containsValue(added.name())) {
                findings.add(new CompatFinding(
                        "tool-added",
                        Level.NON_BREAKING,
                        "tools/" + added.name(),
                        "tool " + added.name() + " was added"));
            }
        }
        findings.sort(Comparator.comparing(CompatFinding::level).reversed().thenComparing(CompatFinding::target));
        return new CompatSummary(bump(findings), findings, renames);
    }

    private static Map<String, String> renames(ServerSurface from, ServerSurface to) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (ToolShape old : from.tools()) {
            if (to.tool(old.name()).isPresent()) {
                continue;
            }
            to.tools().stream()
                    .filter(t -> from.tool(t.name()).isEmpty() && !renames.containsValue(t.name()))
                    .filter(t -> t.inputSchema().equals(old.inputSchema()))
                    .findFirst()
                    .ifPresent(t -> renames.put(old.name(), t.name()));
        }
        return renames;
    }

    private static List<CompatFinding> toolChanges(ToolShape old, ToolShape now) {
        List<CompatFinding> findings = new ArrayList<>();
        JsonNode before = Json.read(old.inputSchema());
        JsonNode after = Json.read(now.inputSchema());
        Set<String> requiredBefore = strings(before.path("required"));
        for (String property : strings(after.path("required"))) {
            if (!requiredBefore.contains(property)) {
                boolean existed = before.path("properties").has(property);
                findings.add(new CompatFinding(
                        existed ? "tool-input-property-became-required" : "tool-input-required-property-added",
                        Level.BREAKING,
                        "tools/" + now.name() + "#input/properties/" + property,
                        "tool " + now.name() + " now requires argument " + property));
            }
        }
        before.path("properties").fieldNames().forEachRemaining(property -> {
            if (!after.path("properties").has(property)) {
                findings.add(new CompatFinding(
                        "tool-input-property-removed-open",
                        Level.POTENTIALLY_BREAKING,
                        "tools/" + now.name() + "#input/properties/" + property,
                        "tool " + now.name() + " no longer reads argument " + property));
            }
        });
        findings.addAll(outputChanges(old, now));
        if (old.readOnly() && !now.readOnly()) {
            findings.add(new CompatFinding(
                    "tool-annotation-readonly-turned-off",
                    Level.POTENTIALLY_BREAKING,
                    "tools/" + now.name() + "#annotations/readOnlyHint",
                    "tool " + now.name() + " is no longer read-only"));
        }
        return findings;
    }

    private static List<CompatFinding> outputChanges(ToolShape old, ToolShape now) {
        String target = "tools/" + now.name() + "#output";
        if (old.outputSchema() == null || Objects.equals(old.outputSchema(), now.outputSchema())) {
            return List.of();
        }
        if (now.outputSchema() == null) {
            return List.of(new CompatFinding(
                    "tool-output-schema-removed",
                    Level.BREAKING,
                    target,
                    "tool " + now.name() + " no longer declares an output schema"));
        }
        List<CompatFinding> findings = new ArrayList<>();
        Set<String> requiredNow = strings(Json.read(now.outputSchema()).path("required"));
        for (String property : strings(Json.read(old.outputSchema()).path("required"))) {
            if (!requiredNow.contains(property)) {
                findings.add(new CompatFinding(
                        "tool-output-required-property-removed",
                        Level.BREAKING,
                        target + "/properties/" + property,
                        "tool " + now.name() + " may no longer return " + property));
            }
        }
        if (findings.isEmpty()) {
            findings.add(new CompatFinding(
                    "tool-output-schema-changed",
                    Level.POTENTIALLY_BREAKING,
                    target,
                    "tool " + now.name() + " returns a differently shaped result"));
        }
        return findings;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String bump(List<CompatFinding> findings) {
        if (findings.stream().anyMatch(f -> f.level() == Level.BREAKING)) {
            return "major";
        }
        if (findings.stream()
                .anyMatch(
                        f -> f.level() == Level.POTENTIALLY_BREAKING || f.rule().equals("tool-added"))) {
            return "minor";
        }
        return findings.isEmpty() ? "none" : "patch";
    }
}
