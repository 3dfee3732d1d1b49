package dev.mcpver.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the agents that use a server must change to move from one version to another, generated from the
 * compatibility report: tool renames, new required arguments, removed tools, changed outputs, other breaking or
 * potentially breaking changes, and configuration changes for operators.
 *
 * @param server the server
 * @param fromVersion the version clients use now
 * @param toVersion the version they move to
 * @param requiredBump what the changes demand
 * @param renames call the new name instead of the old
 * @param newRequiredArguments arguments every call must now pass
 * @param removedTools tools without a replacement
 * @param changedOutputs results shaped differently
 * @param otherChanges everything else a client may notice
 * @param markdown the guide as Markdown
 */
public record MigrationGuide(
        String server,
        String fromVersion,
        String toVersion,
        String requiredBump,
        List<Item> renames,
        List<Item> newRequiredArguments,
        List<Item> removedTools,
        List<Item> changedOutputs,
        List<Item> otherChanges,
        String markdown) {
    /**
     * One client edit.
     *
     * @param tool the tool concerned (empty for server-wide changes)
     * @param change what changed
     * @param action what to do about it
     */
    public record Item(String tool, String change, String action) {}

    public MigrationGuide {
        renames = List.copyOf(renames);
        newRequiredArguments = List.copyOf(newRequiredArguments);
        removedTools = List.copyOf(removedTools);
        changedOutputs = List.copyOf(changedOutputs);
        otherChanges = List.copyOf(otherChanges);
    }

    public static MigrationGuide from(String server, String fromVersion, String toVersion, CompatSummary report) {
        List<Item> renames = new ArrayList<>();
        List<Item> required = new ArrayList<>();
        List<Item> removed = new ArrayList<>();
        List<Item> outputs = new ArrayList<>();
        List<Item> other = new ArrayList<>();
        for (CompatFinding finding : report.findings()) {
            String tool = finding.toolName();
            String rule = finding.rule();
            if (rule.equals("tool-renamed")) {
                String renamed = report.renames().getOrDefault(tool, "?");
                renames.add(new Item(tool, finding.message(), "call `" + renamed + "` instead of `" + tool + "`"));
            } else if (rule.equals("tool-input-required-property-added")
                    || rule.equals("tool-input-property-became-required")) {
                String argument = finding.target().substring(finding.target().lastIndexOf('/') + 1);
                required.add(
                        new Item(tool, finding.message(), "pass `" + argument + "` in every call of `" + tool + "`"));
            } else if (rule.equals("tool-removed")) {
                removed.add(new Item(
                        tool, finding.message(), "stop calling `" + tool + "`: " + toVersion + " has no replacement"));
            } else if (rule.startsWith("tool-output-")) {
                outputs.add(new Item(tool, finding.message(), "check the code that reads `" + tool + "` results"));
            } else if (finding.level() != CompatFinding.Level.NON_BREAKING) {
                other.add(new Item(tool, finding.message(), action(finding)));
            }
        }
        String markdown = markdown(
                server,
                fromVersion,
                toVersion,
                report.requiredBump(),
                Map.of(
                        "Renamed tools",
                        renames,
                        "New required arguments",
                        required,
                        "Removed tools",
                        removed,
                        "Changed outputs",
                        outputs,
                        "Other changes to review",
                        other));
        return new MigrationGuide(
                server,
                fromVersion,
                toVersion,
                report.requiredBump(),
                renames,
                required,
                removed,
                outputs,
                other,
                markdown);
    }

    private static String action(CompatFinding finding) {
        if (finding.target().startsWith("config/env/")) {
            return "operators: set " + finding.target().substring("config/env/".length()) + " before upgrading";
        }
        return "review: " + finding.level().wireName().replace('_', ' ');
    }

    public int edits() {
        return renames.size()
                + newRequiredArguments.size()
                + removedTools.size()
                + changedOutputs.size()
                + otherChanges.size();
    }

    private static String markdown(
            String server, String from, String to, String bump, Map<String, List<Item>> sections) {
        StringBuilder text = new StringBuilder();
        text.append("# Migrating clients of ")
                .append(server)
                .append(" from ")
                .append(from)
                .append(" to ")
                .append(to)
                .append("\n\nRequired bump: ")
                .append(bump)
                .append(".\n");
        int edits = 0;
        for (String title : List.of(
                "Renamed tools",
                "New required arguments",
                "Removed tools",
                "Changed outputs",
                "Other changes to review")) {
            List<Item> items = sections.getOrDefault(title, List.of());
            if (items.isEmpty()) {
                continue;
            }
            text.append("\n## ").append(title).append("\n\n");
            for (Item item : items) {
                text.append("- ")
                        .append(item.change())
                        .append(": ")
                        .append(item.action())
                        .append('\n');
                edits++;
            }
        }
        if (edits == 0) {
            text.append("\nNo client changes are needed.\n");
        }
        return text.toString();
    }
}
