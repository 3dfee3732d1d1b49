package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The offline answer to "can we move SERVER from A to B without breaking our agents?": the compatibility report of
 * the two registered surfaces (compat_compare_versions), not only what the version numbers promise. When the server
 * or a surface is not registered, the plan falls back to the SemVer judgement and says why. Ahead of the SemVer
 * intents in the table, so a request naming a server reaches the registry first.
 */
public final class UpgradeIntents {
    static final String COMPARE_VERSIONS = "compat_compare_versions";
    private static final int LISTED_CHANGES = 5;

    private UpgradeIntents() {}

    public static List<Intent> all() {
        return List.of(registryUpgradeCheck());
    }

    static Intent registryUpgradeCheck() {
        return new RuleIntent(
                "registry_upgrade_check",
                Set.of(COMPARE_VERSIONS, SemverIntents.COMPARE, SemverIntents.DIFF),
                List.of("Can we move filesystem from 2025.8.21 to 2025.11.25 without breaking our agents?"),
                request -> request.server().isPresent() && SemverIntents.isUpgradeQuestion(request),
                request -> plan(
                        request.server().orElseThrow(),
                        request.versions().get(0),
                        request.versions().get(1)));
    }

    private static IntentPlan plan(String server, String from, String to) {
        IntentPlan.Call report = new IntentPlan.Call(
                COMPARE_VERSIONS,
                JsonNodeFactory.instance
                        .objectNode()
                        .put("server", server)
                        .put("from", from)
                        .put("to", to));
        List<IntentPlan.Call> numbersOnly = SemverIntents.upgradeCalls(from, to);
        return new IntentPlan() {
            @Override
            public String summary() {
                return "compare the registered surfaces of " + server + " " + from + " and " + to
                        + " (compat_compare_versions); if they are not registered, judge the version numbers"
                        + " (semver_compare, semver_diff)";
            }

            @Override
            public List<Call> nextStage(List<ToolResult> resultsSoFar) {
                if (resultsSoFar.isEmpty()) {
                    return List.of(report);
                }
                boolean fellBack = !resultsSoFar.get(0).ok();
                return fellBack && resultsSoFar.size() == 1 ? numbersOnly : List.of();
            }

            @Override
            public String answer(List<ToolResult> results) {
                ToolResult compared = results.get(0);
                if (compared.ok()) {
                    return reportAnswer(server, from, to, compared.value().path("report"));
                }
                return "I could not compare the surfaces (" + compared.error() + "), so this rests on the version"
                        + " numbers alone. "
                        + SemverIntents.upgradeAnswer(server + " ", from, to, results.subList(1, 3));
            }
        };
    }

    static String reportAnswer(String server, String from, String to, JsonNode report) {
        JsonNode counts = report.path("counts");
        int breaking = counts.path("breaking").asInt();
        int potentially = counts.path("potentially_breaking").asInt();
        StringBuilder answer = new StringBuilder(verdict(server, from, to, breaking, potentially));
        answer.append(String.format(
                Locale.ROOT,
                " The compatibility analysis of the registered surfaces found %d breaking, %d potentially breaking"
                        + " and %d non-breaking changes; the move requires a %s bump and the versions declare %s%s.",
                breaking,
                potentially,
                counts.path("non_breaking").asInt(),
                report.path("requiredBump").asText(),
                report.path("declaredBump").asText("no comparable bump"),
                report.path("underBumped").asBoolean() ? " — under-bumped" : ""));
        appendChanges(answer, report.path("changes"));
        appendRenames(answer, report.path("renames"));
        for (JsonNode action : report.path("recommendedActions")) {
            answer.append(' ').append(action.path("message").asText());
        }
        return answer.toString();
    }

    private static String verdict(String server, String from, String to, int breaking, int potentially) {
        if (breaking > 0) {
            return "No: moving " + server + " from " + from + " to " + to + " breaks clients unless they change.";
        }
        if (potentially > 0) {
            return "Probably, with care: moving " + server + " from " + from + " to " + to
                    + " has no breaking change, but some changes may affect agents.";
        }
        return "Yes: moving " + server + " from " + from + " to " + to + " changes nothing clients depend on.";
    }

    private static void appendChanges(StringBuilder answer, JsonNode changes) {
        List<String> listed = new ArrayList<>();
        for (JsonNode change : changes) {
            if (!change.path("level").asText().equals("non_breaking") && listed.size() < LISTED_CHANGES) {
                listed.add(change.path("level").asText().replace('_', ' ') + ": "
                        + change.path("message").asText() + " ("
                        + change.path("ruleId").asText() + ", "
                        + change.path("target").asText() + ")");
            }
        }
        if (!listed.isEmpty()) {
            answer.append(" Changes that matter: ")
                    .append(String.join("; ", listed))
                    .append('.');
        }
    }

    private static void appendRenames(StringBuilder answer, JsonNode renames) {
        List<String> pairs = new ArrayList<>();
        renames.fields()
                .forEachRemaining(
                        e -> pairs.add(e.getKey() + " → " + e.getValue().asText()));
        if (!pairs.isEmpty()) {
            answer.append(" Renamed: ").append(String.join(", ", pairs)).append('.');
        }
    }
}
