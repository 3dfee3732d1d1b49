package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of one analysis. {@link #toJson()} is the report format of the HTTP API and {@code mcpver diff --format
 * json}; member order is fixed and equal inputs give byte-identical JSON.
 *
 * @param requiredBump the minimal bump the changes demand ({@code major|minor|patch|none})
 * @param declaredBump what the two package versions declare (0.x convention applied), null when not comparable
 * @param underBumped declared &lt; required (a decreasing version is always under-bumped)
 * @param compatibilityScore 0..1 (see {@link Scoring#SCORE_FORMULA})
 * @param compatibilityLevel {@code fully | mostly | partially | incompatible}
 * @param migrationComplexity {@code none | low | medium | high}
 * @param migrationComplexityScore the number behind the bucket
 * @param renames old name → new name for renamed tools and prompts
 * @param changes every change, breaking first
 * @param recommendedActions what to do about it
 * @param rollbackRecommended breaking changes shipped without a major bump: the published release should be
 *     withdrawn or rolled back
 * @param transitive the same new surface judged against older releases (transitive mode); empty otherwise
 */
public record CompatReport(
        Bump requiredBump,
        @Nullable Bump declaredBump,
        boolean underBumped,
        double compatibilityScore,
        String compatibilityLevel,
        String migrationComplexity,
        double migrationComplexityScore,
        Counts counts,
        Map<String, String> renames,
        List<Change> changes,
        List<Action> recommendedActions,
        boolean rollbackRecommended,
        Identity before,
        Identity after,
        VersionCheck versions,
        int affectedTools,
        int totalTools,
        Policy policy,
        List<String> notes,
        List<Transitive> transitive) {

    /** Version of the report format and of the analyzer's judgement (part of cache keys). */
    public static final int REPORT_VERSION = 1;

    public CompatReport {
        renames = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(renames));
        changes = List.copyOf(changes);
        recommendedActions = List.copyOf(recommendedActions);
        notes = List.copyOf(notes);
        transitive = List.copyOf(transitive);
    }

    /** Changes per level. */
    public record Counts(int breaking, int potentiallyBreaking, int nonBreaking) {
        static Counts of(List<Change> changes) {
            return new Counts(
                    (int) changes.stream()
                            .filter(c -> c.level() == Level.BREAKING)
                            .count(),
                    (int) changes.stream()
                            .filter(c -> c.level() == Level.POTENTIALLY_BREAKING)
                            .count(),
                    (int) changes.stream()
                            .filter(c -> c.level() == Level.NON_BREAKING)
                            .count());
        }

        public int total() {
            return breaking + potentiallyBreaking + nonBreaking;
        }

        JsonValue toJson() {
            return JsonObjectBuilder.object()
                    .put("breaking", breaking)
                    .put("potentially_breaking", potentiallyBreaking)
                    .put("non_breaking", nonBreaking)
                    .build();
        }
    }

    /** Which server release a surface is. */
    public record Identity(@Nullable String name, @Nullable String version) {
        static Identity of(Surface surface) {
            return new Identity(
                    surface.server().name(), VersionCheck.of(surface, surface).before());
        }

        JsonValue toJson() {
            return JsonObjectBuilder.object()
                    .put("name", name)
                    .put("version", version)
                    .build();
        }
    }

    /**
     * A recommended action.
     *
     * @param kind {@code bump}, {@code rollback}, {@code update-clients}, {@code restore}, {@code fix-schema},
     *     {@code review}, {@code announce}, {@code pin-dependencies}, {@code update-deployments}
     */
    public record Action(String kind, String message) {
        JsonValue toJson() {
            return JsonObjectBuilder.object()
                    .put("kind", kind)
                    .put("message", message)
                    .build();
        }
    }

    /** The new surface judged against one older release. */
    public record Transitive(Identity against, Bump requiredBump, Counts counts, List<Change> changes) {
        public Transitive {
            changes = List.copyOf(changes);
        }

        JsonValue toJson() {
            return JsonObjectBuilder.object()
                    .put("against", against.toJson())
                    .put("requiredBump", requiredBump.wireName())
                    .put("counts", counts.toJson())
                    .put(
                            "changes",
                            CompatReport.changes(changes.stream()
                                    .filter(c -> c.level() != Level.NON_BREAKING)
                                    .toList()))
                    .build();
        }
    }

    /** The strictest bump over this report and its transitive comparisons. */
    public Bump transitiveRequiredBump() {
        Bump max = requiredBump;
        for (Transitive entry : transitive) {
            max = max.max(entry.requiredBump());
        }
        return max;
    }

    /** The worst level over this report and its transitive comparisons; empty when nothing changed. */
    public java.util.Optional<Level> worstLevel() {
        java.util.stream.Stream<Change> all = changes.stream();
        for (Transitive entry : transitive) {
            all = java.util.stream.Stream.concat(all, entry.changes().stream());
        }
        return all.map(Change::level).max(Level::compareTo);
    }

    public JsonValue.JObject toJson() {
        JsonObjectBuilder renameMap = JsonObjectBuilder.object();
        renames.forEach(renameMap::put);
        JsonObjectBuilder out = JsonObjectBuilder.object()
                .put("requiredBump", requiredBump.wireName())
                .put("declaredBump", declaredBump == null ? null : declaredBump.wireName())
                .put("underBumped", underBumped)
                .put("compatibilityScore", new JsonValue.JNumber(BigDecimal.valueOf(compatibilityScore)))
                .put("compatibilityLevel", compatibilityLevel)
                .put("migrationComplexity", migrationComplexity)
                .put("counts", counts.toJson())
                .put("renames", renameMap.build())
                .put("changes", changes(changes))
                .put(
                        "recommendedActions",
                        new JsonValue.JArray(
                                recommendedActions.stream().map(Action::toJson).toList()))
                .put("rollbackRecommended", rollbackRecommended)
                .put("reportVersion", REPORT_VERSION)
                .put("old", before.toJson())
                .put("new", after.toJson())
                .put("versions", versions.toJson(requiredBump))
                .put("migrationComplexityScore", new JsonValue.JNumber(BigDecimal.valueOf(migrationComplexityScore)))
                .put("affectedTools", affectedTools)
                .put("totalTools", totalTools)
                .put("policy", policy.toJson())
                .putStrings("notes", notes)
                .put(
                        "formulas",
                        JsonObjectBuilder.object()
                                .put("compatibilityScore", Scoring.SCORE_FORMULA)
                                .put("migrationComplexity", Scoring.COMPLEXITY_FORMULA)
                                .put(
                                        "compatibilityLevel",
                                        "fully: no breaking or potentially breaking change; mostly: score ≥ 0.8;"
                                                + " partially: score ≥ 0.5; incompatible: below")
                                .build());
        if (!transitive.isEmpty()) {
            out.put("transitiveRequiredBump", transitiveRequiredBump().wireName());
            out.put(
                    "transitive",
                    new JsonValue.JArray(
                            transitive.stream().map(Transitive::toJson).toList()));
        }
        return out.build();
    }

    static JsonValue changes(List<Change> changes) {
        return new JsonValue.JArray(changes.stream()
                .map(c -> (JsonValue) JsonObjectBuilder.object()
                        .put("ruleId", c.rule().id())
                        .put("level", c.level().wireName())
                        .put("consumer", c.consumer().wireName())
                        .put("target", c.target())
                        .put("before", c.before())
                        .put("after", c.after())
                        .put("message", c.message())
                        .put("bump", c.bump().wireName())
                        .build())
                .toList());
    }
}
