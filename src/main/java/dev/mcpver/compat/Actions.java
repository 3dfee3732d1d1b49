package dev.mcpver.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Recommended actions derived from the changes and the version check, in a fixed order. */
final class Actions {
    private Actions() {}

    static List<CompatReport.Action> recommend(
            List<Change> changes,
            Map<String, String> renames,
            Bump required,
            VersionCheck versions,
            boolean underBumped,
            boolean rollback) {
        List<CompatReport.Action> actions = new ArrayList<>();
        if (rollback) {
            actions.add(new CompatReport.Action(
                    "rollback",
                    "Version " + versions.after() + " ships breaking changes without a "
                            + "major bump: deprecate or roll it back and re-release as " + versions.suggested(required)
                            + "."));
        } else if (underBumped) {
            actions.add(new CompatReport.Action(
                    "bump",
                    "Release as " + suggested(versions, required) + " (a " + required.wireName()
                            + " bump); the declared "
                            + (versions.declared() == null
                                    ? "version"
                                    : versions.declared().wireName() + " bump")
                            + " is too small for these changes."));
        }
        if (!renames.isEmpty()) {
            actions.add(new CompatReport.Action(
                    "update-clients",
                    "Update callers to the new names: "
                            + renames.entrySet().stream()
                                    .map(e -> e.getKey() + " → " + e.getValue())
                                    .collect(Collectors.joining(", "))
                            + "."));
        }
        list(
                actions,
                changes,
                Rule.TOOL_REMOVED,
                "restore",
                "Restore the removed tools or deprecate them first and remove them in a major release: ");
        list(
                actions,
                changes,
                Rule.TOOL_INPUT_SCHEMA_INVALID,
                "fix-schema",
                "Fix the invalid inputSchemas (the root must be an object schema); SDK clients reject the whole tools/list: ");
        list(
                actions,
                changes,
                Rule.TOOL_INPUT_REQUIRED_PROPERTY_ADDED,
                "restore",
                "Make new required inputs optional with a server-side default, or release a major version: ");
        list(
                actions,
                changes,
                Rule.CONFIG_ENV_REQUIRED_ADDED,
                "update-deployments",
                "Tell operators to set the new required environment variables before upgrading: ");
        if (changes.stream()
                .anyMatch(c -> c.rule() == Rule.DEPENDENCY_UNDECLARED_IMPORT_ADDED
                        || c.rule() == Rule.DEPENDENCY_RESOLUTION_DRIFT)) {
            actions.add(
                    new CompatReport.Action(
                            "pin-dependencies",
                            "Declare every imported package and pin its major version; the surface drifts with installs otherwise."));
        }
        long review = changes.stream()
                .filter(c -> c.level() == Level.POTENTIALLY_BREAKING)
                .count();
        if (review > 0) {
            actions.add(new CompatReport.Action(
                    "review",
                    "Review " + review + " potentially breaking change" + (review == 1 ? "" : "s")
                            + " (descriptions, hints, patterns, defaults) before releasing."));
        }
        if (changes.stream().anyMatch(c -> c.rule() == Rule.TOOL_DEPRECATED)) {
            actions.add(new CompatReport.Action(
                    "announce", "Announce the deprecations in the changelog with the release that will remove them."));
        }
        return actions;
    }

    private static @Nullable String suggested(VersionCheck versions, Bump required) {
        String version = versions.suggested(required);
        return version == null ? "a new " + required.wireName() + " version" : version;
    }

    private static void list(
            List<CompatReport.Action> actions, List<Change> changes, Rule rule, String kind, String prefix) {
        List<String> targets = changes.stream()
                .filter(c -> c.rule() == rule)
                .map(Change::target)
                .distinct()
                .toList();
        if (!targets.isEmpty()) {
            actions.add(new CompatReport.Action(kind, prefix + String.join(", ", targets) + "."));
        }
    }
}
