package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders a report as JSON, text, Markdown or SARIF. Deterministic: equal reports give equal text. */
public final class ReportRenderer {
    private ReportRenderer() {}

    /**
     * @param artifact the new surface's file name or URI (SARIF locations); any label for other formats
     * @param toolVersion the mcpver version (SARIF driver)
     */
    public static String render(CompatReport report, ReportFormat format, String artifact, String toolVersion) {
        return switch (format) {
            case JSON -> JsonWriter.pretty(report.toJson());
            case TEXT -> text(report);
            case MARKDOWN -> markdown(report);
            case SARIF -> JsonWriter.pretty(sarif(report, artifact, toolVersion));
        };
    }

    // ------------------------------------------------------------------------------------------ text

    static String text(CompatReport r) {
        StringBuilder out = new StringBuilder();
        out.append("mcpver compat: ")
                .append(identity(r.before()))
                .append(" -> ")
                .append(identity(r.after()))
                .append('\n');
        out.append("required bump: ")
                .append(r.requiredBump().wireName())
                .append("   declared: ")
                .append(r.declaredBump() == null ? "unknown" : r.declaredBump().wireName())
                .append(r.underBumped() ? "   UNDER-BUMPED" : "")
                .append('\n');
        out.append("score ")
                .append(number(r.compatibilityScore()))
                .append(" (")
                .append(r.compatibilityLevel())
                .append("), migration complexity ")
                .append(r.migrationComplexity())
                .append(" (")
                .append(number(r.migrationComplexityScore()))
                .append(")\n");
        out.append(counts(r.counts())).append('\n');
        for (Change change : r.changes()) {
            out.append('\n')
                    .append(label(change.level()))
                    .append("  ")
                    .append(change.rule().id())
                    .append("  ")
                    .append(change.target())
                    .append("\n    ")
                    .append(change.message())
                    .append('\n');
        }
        if (!r.renames().isEmpty()) {
            out.append("\nrenames:\n");
            r.renames()
                    .forEach((from, to) -> out.append("  ")
                            .append(from)
                            .append(" -> ")
                            .append(to)
                            .append('\n'));
        }
        if (!r.recommendedActions().isEmpty()) {
            out.append("\nactions:\n");
            r.recommendedActions()
                    .forEach(a -> out.append("  - ").append(a.message()).append('\n'));
        }
        for (CompatReport.Transitive t : r.transitive()) {
            out.append("\nagainst ")
                    .append(identity(t.against()))
                    .append(": required bump ")
                    .append(t.requiredBump().wireName())
                    .append(", ")
                    .append(counts(t.counts()))
                    .append('\n');
        }
        r.notes().forEach(note -> out.append("\nnote: ").append(note));
        return r.notes().isEmpty() ? out.toString() : out.append('\n').toString();
    }

    private static String label(Level level) {
        return switch (level) {
            case BREAKING -> "BREAKING            ";
            case POTENTIALLY_BREAKING -> "POTENTIALLY BREAKING";
            case NON_BREAKING -> "non-breaking        ";
        };
    }

    private static String counts(CompatReport.Counts c) {
        return c.breaking() + " breaking, " + c.potentiallyBreaking() + " potentially breaking, " + c.nonBreaking()
                + " non-breaking";
    }

    private static String identity(CompatReport.Identity id) {
        String name = id.name() == null ? "(unnamed)" : id.name();
        return id.version() == null ? name : name + " " + id.version();
    }

    private static String number(double value) {
        return JsonWriter.compact(new JsonValue.JNumber(java.math.BigDecimal.valueOf(value)));
    }

    // ------------------------------------------------------------------------------------------ markdown

    static String markdown(CompatReport r) {
        StringBuilder out = new StringBuilder();
        out.append("## MCP compatibility: `")
                .append(r.requiredBump().wireName())
                .append("` bump required");
        if (r.declaredBump() != null) {
            out.append(" (declared: `").append(r.declaredBump().wireName()).append("`)");
        }
        out.append(r.underBumped() ? " — **under-bumped**" : "").append("\n\n");
        out.append("| | |\n|---|---|\n");
        row(out, "Release", identity(r.before()) + " → " + identity(r.after()));
        row(out, "Compatibility", number(r.compatibilityScore()) + " (" + r.compatibilityLevel() + ")");
        row(out, "Migration complexity", r.migrationComplexity() + " (" + number(r.migrationComplexityScore()) + ")");
        row(out, "Changes", counts(r.counts()));
        if (r.rollbackRecommended()) {
            row(out, "Rollback", "recommended: breaking changes shipped without a major bump");
        }
        section(out, "Breaking", r.changes(), Level.BREAKING, false);
        section(out, "Potentially breaking", r.changes(), Level.POTENTIALLY_BREAKING, false);
        section(out, "Non-breaking", r.changes(), Level.NON_BREAKING, true);
        if (!r.renames().isEmpty()) {
            out.append("\n### Renames\n\n");
            r.renames()
                    .forEach((from, to) -> out.append("- `")
                            .append(from)
                            .append("` → `")
                            .append(to)
                            .append("`\n"));
        }
        if (!r.recommendedActions().isEmpty()) {
            out.append("\n### Recommended actions\n\n");
            r.recommendedActions()
                    .forEach(a -> out.append("- ").append(escape(a.message())).append('\n'));
        }
        if (!r.notes().isEmpty()) {
            out.append("\n### Notes\n\n");
            r.notes().forEach(n -> out.append("- ").append(escape(n)).append('\n'));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(escape(value)).append(" |\n");
    }

    private static void section(StringBuilder out, String title, List<Change> changes, Level level, boolean collapsed) {
        List<Change> selected = changes.stream().filter(c -> c.level() == level).toList();
        if (selected.isEmpty()) {
            return;
        }
        out.append("\n### ").append(title).append(" (").append(selected.size()).append(")\n\n");
        if (collapsed) {
            out.append("<details><summary>show</summary>\n\n");
        }
        out.append("| Rule | Target | Change |\n|---|---|---|\n");
        for (Change change : selected) {
            out.append("| `")
                    .append(change.rule().id())
                    .append("` | `")
                    .append(escape(change.target()))
                    .append("` | ")
                    .append(escape(change.message()))
                    .append(" |\n");
        }
        if (collapsed) {
            out.append("\n</details>\n");
        }
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    // ------------------------------------------------------------------------------------------ sarif

    static JsonValue sarif(CompatReport r, String artifact, String toolVersion) {
        Map<String, Rule> used = new TreeMap<>();
        r.changes().forEach(c -> used.put(c.rule().id(), c.rule()));
        List<String> ids = new ArrayList<>(used.keySet());
        List<JsonValue> rules = new ArrayList<>();
        for (Rule rule : used.values()) {
            rules.add(JsonObjectBuilder.object()
                    .put("id", rule.id())
                    .put(
                            "shortDescription",
                            JsonObjectBuilder.object()
                                    .put("text", rule.summary())
                                    .build())
                    .put(
                            "defaultConfiguration",
                            JsonObjectBuilder.object()
                                    .put("level", sarifLevel(rule.level()))
                                    .build())
                    .put(
                            "properties",
                            JsonObjectBuilder.object()
                                    .put("level", rule.level().wireName())
                                    .put("consumer", rule.consumer().wireName())
                                    .put("bump", rule.bump().wireName())
                                    .build())
                    .build());
        }
        List<JsonValue> results = new ArrayList<>();
        for (Change change : r.changes()) {
            results.add(result(change, ids.indexOf(change.rule().id()), artifact));
        }
        JsonValue driver = JsonObjectBuilder.object()
                .put("name", "mcpver")
                .put("version", toolVersion)
                .put("informationUri", "https://github.com/mcpver/mcpver")
                .put("rules", new JsonValue.JArray(rules))
                .build();
        JsonValue run = JsonObjectBuilder.object()
                .put("tool", JsonObjectBuilder.object().put("driver", driver).build())
                .put("results", new JsonValue.JArray(results))
                .put(
                        "properties",
                        JsonObjectBuilder.object()
                                .put("requiredBump", r.requiredBump().wireName())
                                .put(
                                        "declaredBump",
                                        r.declaredBump() == null
                                                ? null
                                                : r.declaredBump().wireName())
                                .put("underBumped", r.underBumped())
                                .build())
                .build();
        return JsonObjectBuilder.object()
                .put("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                .put("version", "2.1.0")
                .put("runs", new JsonValue.JArray(List.of(run)))
                .build();
    }

    private static JsonValue result(Change change, int ruleIndex, String artifact) {
        JsonValue location = JsonObjectBuilder.object()
                .put(
                        "physicalLocation",
                        JsonObjectBuilder.object()
                                .put(
                                        "artifactLocation",
                                        JsonObjectBuilder.object()
                                                .put("uri", artifact)
                                                .build())
                                .put(
                                        "region",
                                        JsonObjectBuilder.object()
                                                .put("startLine", 1)
                                                .build())
                                .build())
                .put(
                        "logicalLocations",
                        new JsonValue.JArray(List.of(JsonObjectBuilder.object()
                                .put("fullyQualifiedName", change.target())
                                .put("kind", "member")
                                .build())))
                .build();
        return JsonObjectBuilder.object()
                .put("ruleId", change.rule().id())
                .put("ruleIndex", ruleIndex)
                .put("level", sarifLevel(change.level()))
                .put(
                        "message",
                        JsonObjectBuilder.object().put("text", change.message()).build())
                .put("locations", new JsonValue.JArray(List.of(location)))
                .put(
                        "partialFingerprints",
                        JsonObjectBuilder.object()
                                .put("mcpverTarget/v1", change.rule().id() + ":" + change.target())
                                .build())
                .put(
                        "properties",
                        JsonObjectBuilder.object()
                                .put("target", change.target())
                                .put("consumer", change.consumer().wireName())
                                .put("bump", change.bump().wireName())
                                .build())
                .build();
    }

    private static String sarifLevel(Level level) {
        return switch (level) {
            case BREAKING -> "error";
            case POTENTIALLY_BREAKING -> "warning";
            case NON_BREAKING -> "note";
        };
    }
}
