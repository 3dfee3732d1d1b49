package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.schema.Inclusion;
import dev.mcpver.compat.schema.SchemaNode;
import dev.mcpver.compat.schema.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Compares two surfaces area by area and collects the changes. One instance per analysis. */
final class SurfaceDiff {
    private static final String DISCOVER_REVISION = "2026-07-28";

    private final Surface before;
    private final Surface after;
    private final Policy policy;
    private final Findings findings = new Findings();
    private final Schemas schemas = new Schemas();
    private final Map<String, String> renames = new LinkedHashMap<>();

    SurfaceDiff(Surface before, Surface after, Policy policy) {
        this.before = before;
        this.after = after;
        this.policy = policy;
    }

    Findings run() {
        tools();
        prompts();
        ResourceDiff.resources(before.resources(), after.resources(), findings);
        ResourceDiff.templates(before.resourceTemplates(), after.resourceTemplates(), findings);
        CapabilityDiff.compare(before, after, findings);
        server();
        ConfigDiff.compare(before.config(), after.config(), findings);
        DependencyDiff.compare(before, after, findings);
        return findings;
    }

    Map<String, String> renames() {
        return renames;
    }

    // ------------------------------------------------------------------------------------------ tools

    private void tools() {
        if (!before.tools().known() || !after.tools().known()) {
            if (before.tools().known() != after.tools().known()) {
                findings.note("tools were captured on one side only; tool rules were skipped");
            }
            return;
        }
        Map<String, Surface.Tool> old = byName(before.tools().items(), Surface.Tool::name);
        Map<String, Surface.Tool> now = byName(after.tools().items(), Surface.Tool::name);
        List<String> removed =
                old.keySet().stream().filter(n -> !now.containsKey(n)).toList();
        List<String> added =
                now.keySet().stream().filter(n -> !old.containsKey(n)).toList();
        Map<String, String> toolRenames = Renames.match(
                removed,
                added,
                policy.renames(),
                (from, to) -> toolEvidence(Objects.requireNonNull(old.get(from)), Objects.requireNonNull(now.get(to))));
        ToolDiff diff =
                new ToolDiff(schemas, findings, after.protocol().versions().contains(DISCOVER_REVISION));
        for (Surface.Tool tool : before.tools().items()) {
            Surface.Tool same = now.get(tool.name());
            String renamedTo = toolRenames.get(tool.name());
            if (same != null) {
                diff.compare(tool, same);
            } else if (renamedTo != null) {
                renamed(tool, Objects.requireNonNull(now.get(renamedTo)), diff);
            } else {
                findings.add(
                        Rule.TOOL_REMOVED,
                        Targets.tool(tool.name()),
                        JsonValue.of(tool.name()),
                        null,
                        "Tool '" + tool.name() + "' was removed; calls to it now fail.");
            }
        }
        for (String name : added) {
            if (!toolRenames.containsValue(name)) {
                findings.add(
                        Rule.TOOL_ADDED,
                        Targets.tool(name),
                        null,
                        JsonValue.of(name),
                        "Tool '" + name + "' was added.");
            }
        }
        order(before.tools().items(), now, toolRenames);
    }

    private void renamed(Surface.Tool from, Surface.Tool to, ToolDiff diff) {
        renames.put(from.name(), to.name());
        findings.add(
                Rule.TOOL_RENAMED,
                Targets.tool(from.name()),
                JsonValue.of(from.name()),
                JsonValue.of(to.name()),
                "Tool '" + from.name() + "' was renamed to '" + to.name() + "'; calls by the old name now fail.");
        diff.compare(from, to);
    }

    /** Negative when the two cannot be the same tool; otherwise name similarity plus schema/description evidence. */
    private double toolEvidence(Surface.Tool from, Surface.Tool to) {
        double name = Renames.similarity(from.name(), to.name());
        boolean sameInput = schemas.of(from.inputSchema())
                .root()
                .equals(schemas.of(to.inputSchema()).root());
        SchemaNode root = schemas.of(from.inputSchema()).root();
        boolean trivial = !(root instanceof SchemaNode.Shape shape)
                || shape.objects().properties().isEmpty();
        boolean sameDescription =
                from.description() != null && from.description().equals(to.description());
        if (sameInput && (name >= (trivial ? 0.5 : 0.4) || sameDescription)) {
            return 1 + name;
        }
        boolean compatible = Inclusion.check(
                        schemas.of(from.inputSchema()).root(),
                        schemas.of(to.inputSchema()).root())
                == Verdict.YES;
        return compatible && name >= 0.6 ? name : -1;
    }

    private void order(List<Surface.Tool> old, Map<String, Surface.Tool> now, Map<String, String> toolRenames) {
        List<String> expected = new ArrayList<>();
        for (Surface.Tool tool : old) {
            String name = toolRenames.getOrDefault(tool.name(), tool.name());
            if (now.containsKey(name)) {
                expected.add(name);
            }
        }
        java.util.Set<String> common = new java.util.HashSet<>(expected);
        List<String> actual = after.tools().items().stream()
                .map(Surface.Tool::name)
                .filter(common::contains)
                .toList();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                findings.add(
                        Rule.TOOL_ORDER_CHANGED,
                        Targets.tool(actual.get(i)),
                        JsonValue.strings(expected),
                        JsonValue.strings(actual),
                        "tools/list returns the tools in a different order (first moved: '" + actual.get(i) + "').");
                return;
            }
        }
    }

    static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(name.apply(item), item));
        return map;
    }

    // ------------------------------------------------------------------------------------------ prompts

    private void prompts() {
        if (!before.prompts().known() || !after.prompts().known()) {
            return;
        }
        Map<String, Surface.Prompt> old = byName(before.prompts().items(), Surface.Prompt::name);
        Map<String, Surface.Prompt> now = byName(after.prompts().items(), Surface.Prompt::name);
        List<String> removed =
                old.keySet().stream().filter(n -> !now.containsKey(n)).toList();
        List<String> added =
                now.keySet().stream().filter(n -> !old.containsKey(n)).toList();
        Map<String, String> promptRenames = Renames.match(
                removed,
                added,
                policy.renames(),
                (from, to) -> PromptDiff.evidence(
                        Objects.requireNonNull(old.get(from)), Objects.requireNonNull(now.get(to))));
        for (Surface.Prompt prompt : before.prompts().items()) {
            Surface.Prompt same = now.get(prompt.name());
            String renamedTo = promptRenames.get(prompt.name());
            if (same != null) {
                PromptDiff.compare(prompt, same, findings);
            } else if (renamedTo != null) {
                renames.put(prompt.name(), renamedTo);
                findings.add(
                        Rule.PROMPT_RENAMED,
                        Targets.prompt(prompt.name()),
                        JsonValue.of(prompt.name()),
                        JsonValue.of(renamedTo),
                        "Prompt '" + prompt.name() + "' was renamed to '" + renamedTo
                                + "'; prompts/get with the old name now fails.");
                PromptDiff.compare(prompt, Objects.requireNonNull(now.get(renamedTo)), findings);
            } else {
                findings.add(
                        Rule.PROMPT_REMOVED,
                        Targets.prompt(prompt.name()),
                        JsonValue.of(prompt.name()),
                        null,
                        "Prompt '" + prompt.name() + "' was removed; prompts/get for it now fails.");
            }
        }
        for (String name : added) {
            if (!promptRenames.containsValue(name)) {
                findings.add(
                        Rule.PROMPT_ADDED,
                        Targets.prompt(name),
                        null,
                        JsonValue.of(name),
                        "Prompt '" + name + "' was added.");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ server

    private void server() {
        for (String field : List.of("name", "title", "description", "icons", "websiteUrl", "version")) {
            JsonValue x = before.serverInfo().members().get(field);
            JsonValue y = after.serverInfo().members().get(field);
            if (Objects.equals(x, y)
                    || (before.serverInfo().members().isEmpty()
                            || after.serverInfo().members().isEmpty())) {
                continue;
            }
            Rule rule = field.equals("name")
                    ? Rule.SERVER_NAME_CHANGED
                    : field.equals("version") ? Rule.SERVER_VERSION_STRING_CHANGED : Rule.SERVER_TITLE_CHANGED;
            findings.add(
                    rule,
                    Targets.serverInfo(field),
                    x,
                    y,
                    "serverInfo." + field + " changed"
                            + (field.equals("version")
                                    ? " (identity only; the package version decides the bump)."
                                    : "."));
        }
        if (!Objects.equals(before.instructions(), after.instructions())
                && (before.capabilities() != null || before.instructions() != null)
                && (after.capabilities() != null || after.instructions() != null)) {
            findings.addText(
                    Rule.INSTRUCTIONS_CHANGED,
                    "instructions",
                    before.instructions(),
                    after.instructions(),
                    "Server instructions "
                            + (before.instructions() == null
                                    ? "added"
                                    : after.instructions() == null ? "removed" : "changed")
                            + " (model guidance only).");
        }
        lintServerVersion(after);
    }

    private void lintServerVersion(Surface surface) {
        JsonValue reported = surface.serverInfo().members().get("version");
        String pkg = surface.server().version();
        if (pkg != null
                && reported instanceof JsonValue.JString text
                && !text.value().equals(pkg)) {
            findings.note("new serverInfo.version " + text.value() + " differs from the package version " + pkg
                    + "; the package version is used for the declared bump");
        }
    }
}
