package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline intents over the A/B tools: write the recommendation of an experiment (the narrative an
 * {@code ab_recommendation} run returns), analyse one, list them. They come before the SemVer intents in the table,
 * so an experiment id (a ULID) is never mistaken for a version.
 */
public final class ExperimentIntents {
    private static final String ANALYSIS = "experiment_analysis";
    private static final String NARRATIVE = "experiment_narrative";
    private static final String LIST = "experiment_list";
    /** Experiment ids are ULIDs: 26 Crockford base-32 characters. */
    private static final Pattern ID = Pattern.compile("\\bexperiment\\s+([0-9a-hjkmnp-tv-z]{26})\\b");

    private ExperimentIntents() {}

    public static List<Intent> all() {
        return List.of(recommendation(), analysis(), list());
    }

    static Intent recommendation() {
        return new RuleIntent(
                "ab_recommendation",
                Set.of(ANALYSIS, NARRATIVE),
                List.of("Write the recommendation for A/B experiment 01J9Z4W6Q7M2N8P3R5T6V7W8XY"),
                request -> experimentId(request).isPresent() && request.mentions("recommend"),
                request -> {
                    String id = experimentId(request).orElseThrow();
                    return IntentPlan.fixed(
                            "analyse experiment " + id + " (experiment_analysis), then state its decision in words"
                                    + " (experiment_narrative)",
                            List.of(List.of(call(ANALYSIS, id)), List.of(call(NARRATIVE, id))),
                            results -> narrativeAnswer(id, results));
                });
    }

    static Intent analysis() {
        return new RuleIntent(
                "experiment_analysis",
                Set.of(ANALYSIS),
                List.of("How is experiment 01J9Z4W6Q7M2N8P3R5T6V7W8XY doing?"),
                request -> experimentId(request).isPresent(),
                request -> {
                    String id = experimentId(request).orElseThrow();
                    return IntentPlan.fixed(
                            "analyse experiment " + id + " (experiment_analysis)",
                            List.of(List.of(call(ANALYSIS, id))),
                            results -> analysisAnswer(id, results.get(0)));
                });
    }

    static Intent list() {
        return new RuleIntent(
                "experiment_list",
                Set.of(LIST),
                List.of("Which A/B experiments are running?"),
                request -> request.mentions("experiments", "a/b test", "ab test")
                        && request.versions().isEmpty(),
                request -> IntentPlan.fixed(
                        "list the experiments (experiment_list)",
                        List.of(List.of(new IntentPlan.Call(LIST, JsonNodeFactory.instance.objectNode()))),
                        results -> listAnswer(results.get(0))));
    }

    static Optional<String> experimentId(ParsedRequest request) {
        Matcher matcher = ID.matcher(request.text());
        return matcher.find() ? Optional.of(matcher.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    private static String narrativeAnswer(String id, List<IntentPlan.ToolResult> results) {
        IntentPlan.ToolResult narrative = results.get(results.size() - 1);
        return narrative.ok()
                ? narrative.text("text")
                : "I could not write the recommendation of experiment " + id + ": " + narrative.error();
    }

    private static String analysisAnswer(String id, IntentPlan.ToolResult result) {
        if (!result.ok()) {
            return "I could not analyse experiment " + id + ": " + result.error();
        }
        JsonNode decision = result.value().path("decision");
        StringBuilder answer = new StringBuilder("Experiment " + id + " (" + result.text("status") + "): decision "
                + decision.path("action").asText());
        if (!decision.path("winner").isNull()) {
            answer.append(", winner ").append(decision.path("winner").asText());
        }
        answer.append(" (").append(decision.path("reasons").toString()).append(").");
        for (JsonNode metric : result.value().path("metrics")) {
            for (JsonNode comparison : metric.path("comparisons")) {
                answer.append(' ').append(comparisonLine(metric, comparison));
            }
        }
        return answer.toString();
    }

    private static String comparisonLine(JsonNode metric, JsonNode comparison) {
        JsonNode lift = comparison.path("relativeLift");
        String change = lift.isNumber()
                ? String.format(Locale.ROOT, "%+.2f%%", lift.asDouble() * 100)
                : "an undefined relative change";
        return metric.path("name").asText() + " (" + metric.path("role").asText() + "): "
                + comparison.path("treatment").asText() + " vs "
                + comparison.path("control").asText() + " shows "
                + change + ", sequential p = "
                + comparison.path("sequential").path("pValue").asText("null") + ".";
    }

    private static String listAnswer(IntentPlan.ToolResult result) {
        if (!result.ok()) {
            return "I could not list the experiments: " + result.error();
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode experiment : result.value().path("experiments")) {
            lines.add(experiment.path("name").asText() + " ("
                    + experiment.path("status").asText() + ", id "
                    + experiment.path("id").asText() + ")");
        }
        return lines.isEmpty() ? "There are no experiments yet." : "Experiments: " + String.join("; ", lines) + ".";
    }

    private static IntentPlan.Call call(String tool, String experimentId) {
        return new IntentPlan.Call(tool, JsonNodeFactory.instance.objectNode().put("experimentId", experimentId));
    }
}
