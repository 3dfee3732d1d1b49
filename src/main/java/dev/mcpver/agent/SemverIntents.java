package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Offline intents over the SemVer tools ({@code semver_parse}, {@code semver_compare}, {@code semver_satisfies},
 * {@code semver_range}, {@code semver_resolve}, {@code semver_next}, {@code semver_diff}). Ordered from specific to
 * generic; answers are fixed templates over the tool results.
 */
public final class SemverIntents {
    static final String COMPARE = "semver_compare";
    static final String DIFF = "semver_diff";
    private static final String SATISFIES = "semver_satisfies";
    private static final String RANGE = "semver_range";
    private static final String RESOLVE = "semver_resolve";
    private static final String NEXT = "semver_next";
    private static final String PARSE = "semver_parse";

    private SemverIntents() {}

    /** The intents in table order. */
    public static List<Intent> all() {
        return List.of(
                resolveBest(),
                rangeCheck(),
                upgradeCheck(),
                versionCompare(),
                versionBump(),
                rangeExplain(),
                versionParse());
    }

    static Intent upgradeCheck() {
        return new RuleIntent(
                "upgrade_check",
                Set.of(COMPARE, DIFF),
                List.of("Can we move filesystem from 2025.8.21 to 2025.11.25 without breaking our agents?"),
                SemverIntents::isUpgradeQuestion,
                request -> {
                    String from = request.versions().get(0);
                    String to = request.versions().get(1);
                    String server = request.server().map(name -> name + " ").orElse("");
                    return IntentPlan.fixed(
                            "compare " + from + " with " + to + " and classify the difference (semver_compare,"
                                    + " semver_diff), then judge the upgrade",
                            List.of(upgradeCalls(from, to)),
                            results -> upgradeAnswer(server, from, to, results));
                });
    }

    /** Two versions and a word about moving between them (also read by {@link UpgradeIntents}). */
    static boolean isUpgradeQuestion(ParsedRequest request) {
        return request.versions().size() >= 2
                && request.mentions(
                        "upgrade",
                        "move",
                        "migrat",
                        "update",
                        "compatib",
                        "break",
                        "safe",
                        "downgrade",
                        "roll back",
                        "rollback");
    }

    /** semver_compare and semver_diff of the two versions, the calls {@link #upgradeAnswer} reads. */
    static List<IntentPlan.Call> upgradeCalls(String from, String to) {
        return List.of(call(COMPARE, "a", from, "b", to), call(DIFF, "a", from, "b", to));
    }

    static Intent versionCompare() {
        return new RuleIntent(
                "version_compare",
                Set.of(COMPARE, DIFF),
                List.of("Is 1.10.0 newer than 1.9.3?"),
                request -> request.versions().size() >= 2
                        && request.mentions(
                                "compare", "newer", "older", "greater", "higher", "lower", "later", "earlier", "vs",
                                "versus", "differ", "bigger", "smaller", "same"),
                request -> {
                    String a = request.versions().get(0);
                    String b = request.versions().get(1);
                    return IntentPlan.fixed(
                            "compare " + a + " with " + b + " (semver_compare, semver_diff)",
                            List.of(List.of(call(COMPARE, "a", a, "b", b), call(DIFF, "a", a, "b", b))),
                            results -> compareAnswer(a, b, results));
                });
    }

    static Intent rangeCheck() {
        return new RuleIntent(
                "range_check",
                Set.of(SATISFIES, RANGE),
                List.of("Does 1.4.2 satisfy ^1.2.3?"),
                request -> request.versions().size() == 1 && request.ranges().size() == 1,
                request -> {
                    String version = request.versions().get(0);
                    String range = request.ranges().get(0);
                    return IntentPlan.fixed(
                            "check " + version + " against " + range + " (semver_satisfies, semver_range)",
                            List.of(List.of(
                                    call(SATISFIES, "version", version, "range", range), call(RANGE, "range", range))),
                            results -> rangeCheckAnswer(version, range, results));
                });
    }

    static Intent resolveBest() {
        return new RuleIntent(
                "resolve_best",
                Set.of(RESOLVE),
                List.of("Which of 1.2.0, 1.3.5 and 2.0.0 is the highest that satisfies ^1.2?"),
                request -> request.versions().size() >= 2 && request.ranges().size() == 1,
                request -> {
                    String range = request.ranges().get(0);
                    ObjectNode arguments = JsonNodeFactory.instance.objectNode();
                    arguments.put("range", range);
                    request.versions().forEach(arguments.putArray("versions")::add);
                    return IntentPlan.fixed(
                            "resolve " + range + " against "
                                    + request.versions().size() + " versions (semver_resolve)",
                            List.of(List.of(new IntentPlan.Call(RESOLVE, arguments))),
                            results -> resolveAnswer(range, request.versions(), results));
                });
    }

    static Intent versionBump() {
        return new RuleIntent(
                "version_bump",
                Set.of(NEXT),
                List.of("What is the next minor version after 1.4.2?", "Bump 2.0.0 to a prerelease with preid rc"),
                request -> request.versions().size() == 1 && request.mentions("next", "bump", "increment", "release"),
                request -> {
                    String version = request.versions().get(0);
                    List<String> bumps = request.bump().map(List::of).orElse(List.of("patch", "minor", "major"));
                    List<IntentPlan.Call> calls = new ArrayList<>();
                    for (String bump : bumps) {
                        ObjectNode arguments =
                                call(NEXT, "version", version, "bump", bump).arguments();
                        if (bump.startsWith("pre")) {
                            request.preid().ifPresent(id -> arguments.put("preid", id));
                        }
                        calls.add(new IntentPlan.Call(NEXT, arguments));
                    }
                    return IntentPlan.fixed(
                            "compute the next " + String.join(", ", bumps) + " version after " + version
                                    + " (semver_next)",
                            List.of(calls),
                            results -> bumpAnswer(version, results));
                });
    }

    static Intent rangeExplain() {
        return new RuleIntent(
                "range_explain",
                Set.of(RANGE),
                List.of("What does ~1.2 mean?"),
                request -> request.ranges().size() == 1 && request.versions().isEmpty(),
                request -> {
                    String range = request.ranges().get(0);
                    return IntentPlan.fixed(
                            "normalise " + range + " (semver_range)",
                            List.of(List.of(call(RANGE, "range", range))),
                            results -> rangeAnswer(range, results.get(0)));
                });
    }

    static Intent versionParse() {
        return new RuleIntent(
                "version_parse",
                Set.of(PARSE),
                List.of("Is 1.2.3-beta.1 a valid version?"),
                request -> request.versionLike().size() == 1
                        && request.mentions("valid", "parse", "explain", "what is", "version"),
                request -> {
                    String version = request.versionLike().get(0);
                    return IntentPlan.fixed(
                            "parse " + version + " (semver_parse)",
                            List.of(List.of(call(PARSE, "version", version))),
                            results -> parseAnswer(version, results.get(0)));
                });
    }

    static String upgradeAnswer(String server, String from, String to, List<IntentPlan.ToolResult> results) {
        IntentPlan.ToolResult compared = results.get(0);
        IntentPlan.ToolResult diff = results.get(1);
        if (!compared.ok() || !diff.ok()) {
            return "I could not compare " + from + " and " + to + ": "
                    + (compared.ok() ? diff.error() : compared.error()) + ".";
        }
        int order = compared.value().path("result").asInt();
        if (order == 0) {
            return from + " and " + to + " are the same version (semver_compare = 0): there is nothing to move.";
        }
        String change = diffName(diff.value());
        if (order > 0) {
            return "Moving " + server + "from " + from + " to " + to + " is a downgrade (" + to + " is older), a "
                    + change + " step back: clients that use anything added after " + to
                    + " will break, so treat it as a rollback and check what they call.";
        }
        return "Moving " + server + "from " + from + " to " + to + " is an upgrade with a " + change + " change ("
                + "semver_diff = " + change + "). " + meaning(change, from)
                + " Version numbers state the publisher's intent, not proof: compare the two tool surfaces with a"
                + " compatibility analysis before rolling out.";
    }

    private static String meaning(String change, String from) {
        if (from.replaceFirst("^v", "").startsWith("0.")) {
            return "Before 1.0.0 SemVer promises nothing, so even this step may break clients.";
        }
        return switch (change) {
            case "major", "premajor" ->
                "Under SemVer a major change may break existing clients: review removed or"
                        + " changed tools before moving.";
            case "minor", "preminor" ->
                "Under SemVer a minor change adds features without breaking existing"
                        + " clients, so agents built against " + from + " should keep working.";
            case "patch", "prepatch" ->
                "Under SemVer a patch only fixes bugs, so existing clients should keep" + " working.";
            default ->
                "The target is a prerelease, which carries no compatibility promise: test before relying" + " on it.";
        };
    }

    private static String compareAnswer(String a, String b, List<IntentPlan.ToolResult> results) {
        IntentPlan.ToolResult compared = results.get(0);
        if (!compared.ok()) {
            return "I could not compare " + a + " and " + b + ": " + compared.error() + ".";
        }
        int order = compared.value().path("result").asInt();
        if (order == 0) {
            return a + " and " + b + " have the same precedence (semver_compare = 0).";
        }
        String relation = order < 0 ? " is older than " : " is newer than ";
        String change = results.get(1).ok() ? diffName(results.get(1).value()) : "unknown";
        return a + relation + b + " (semver_compare = " + order + "); they differ by a " + change + " change.";
    }

    private static String rangeCheckAnswer(String version, String range, List<IntentPlan.ToolResult> results) {
        IntentPlan.ToolResult satisfied = results.get(0);
        IntentPlan.ToolResult normalised = results.get(1);
        if (!satisfied.ok()) {
            return "I could not check " + version + " against " + range + ": " + satisfied.error() + ".";
        }
        boolean yes = satisfied.value().path("satisfies").asBoolean();
        String meaning = normalised.ok() && !normalised.text("normalized").isEmpty()
                ? " (" + range + " means " + normalised.text("normalized") + ")"
                : "";
        return version + (yes ? " satisfies " : " does not satisfy ") + range + meaning + ".";
    }

    private static String resolveAnswer(String range, List<String> versions, List<IntentPlan.ToolResult> results) {
        IntentPlan.ToolResult resolved = results.get(0);
        if (!resolved.ok()) {
            return "I could not resolve " + range + ": " + resolved.error() + ".";
        }
        JsonNode matching = resolved.value().path("matching");
        if (matching.isEmpty() || resolved.value().path("max").isNull()) {
            return "None of " + String.join(", ", versions) + " satisfies " + range + ".";
        }
        List<String> names = new ArrayList<>();
        matching.forEach(node -> names.add(node.asText()));
        return "Of " + versions.size() + " versions, " + names.size() + " satisfy " + range + " ("
                + String.join(", ", names) + "); the highest is " + resolved.text("max") + " and the lowest "
                + resolved.text("min") + ".";
    }

    private static String bumpAnswer(String version, List<IntentPlan.ToolResult> results) {
        if (results.size() == 1) {
            IntentPlan.ToolResult only = results.get(0);
            return only.ok()
                    ? "The next " + only.call().arguments().path("bump").asText() + " version after " + version + " is "
                            + only.text("version") + "."
                    : "I could not bump " + version + ": " + only.error() + ".";
        }
        return "After " + version + ": "
                + results.stream()
                        .map(result -> result.call().arguments().path("bump").asText() + " → "
                                + (result.ok() ? result.text("version") : result.error()))
                        .collect(Collectors.joining(", "))
                + ".";
    }

    private static String rangeAnswer(String range, IntentPlan.ToolResult result) {
        if (!result.ok() || !result.value().path("valid").asBoolean(true)) {
            return range + " is not a valid range" + (result.ok() ? "." : ": " + result.error() + ".");
        }
        return range + " means " + result.text("normalized") + ".";
    }

    private static String parseAnswer(String version, IntentPlan.ToolResult result) {
        if (!result.ok() || !result.value().path("valid").asBoolean()) {
            return "'" + version + "' is not a valid SemVer version"
                    + (result.ok() ? " (strict rules)." : ": " + result.error() + ".");
        }
        JsonNode value = result.value();
        StringBuilder answer = new StringBuilder(value.path("version").asText(version))
                .append(" is a valid SemVer version: major ")
                .append(value.path("major").asText())
                .append(", minor ")
                .append(value.path("minor").asText())
                .append(", patch ")
                .append(value.path("patch").asText());
        appendList(answer, "prerelease", value.path("prerelease"));
        appendList(answer, "build", value.path("build"));
        return answer.append('.').toString();
    }

    private static void appendList(StringBuilder answer, String label, JsonNode node) {
        List<String> parts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(part -> parts.add(part.asText()));
        } else if (node.isValueNode() && !node.isNull() && !node.asText().isEmpty()) {
            parts.add(node.asText());
        }
        if (!parts.isEmpty()) {
            answer.append(", ").append(label).append(' ').append(String.join(".", parts));
        }
    }

    private static String diffName(JsonNode diff) {
        JsonNode value = diff.path("diff");
        return value.isNull() || value.isMissingNode() ? "no" : value.asText().toLowerCase(Locale.ROOT);
    }

    private static IntentPlan.Call call(String tool, String... keyValues) {
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            arguments.put(keyValues[i], keyValues[i + 1]);
        }
        return new IntentPlan.Call(tool, arguments);
    }
}
