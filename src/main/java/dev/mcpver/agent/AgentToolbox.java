package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolHints;
import dev.mcpver.tools.ToolOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools a run offers the model: the shared catalog, plus the agent-only {@code final_answer} (a structured
 * answer; plain text without tool calls is accepted too). Specifications are generated once from the catalog, so the
 * model always sees the names and schemas the catalog validates. Immutable and thread-safe.
 */
final class AgentToolbox {
    static final String FINAL_ANSWER = "final_answer";

    private static final String FINAL_ANSWER_SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"answer\":{\"type\":\"string\",\"minLength\":1,\"description\":\"The answer for the user, in plain"
            + " language, citing the tool results it rests on\"},"
            + "\"decision\":{\"type\":\"object\",\"properties\":{"
            + "\"kind\":{\"type\":\"string\",\"description\":\"e.g. upgrade, compatibility, bump, rollback\"},"
            + "\"verdict\":{\"type\":\"string\",\"description\":\"e.g. safe, breaking, needs-review\"},"
            + "\"details\":{\"type\":\"string\"}},\"additionalProperties\":false},"
            + "\"confidence\":{\"type\":\"string\",\"enum\":[\"low\",\"medium\",\"high\"]}},"
            + "\"required\":[\"answer\"],\"additionalProperties\":false}";

    private final ToolCatalog catalog;
    private final ToolCatalog agentOnly;
    private final Map<String, ToolSpecification> specs = new LinkedHashMap<>();

    AgentToolbox(ToolCatalog catalog) {
        this.catalog = catalog;
        this.agentOnly = new ToolCatalog(List.of(finalAnswer()));
        catalog.tools().forEach(def -> specs.put(def.name(), ToolSpecs.of(def)));
        agentOnly.tools().forEach(def -> specs.putIfAbsent(def.name(), ToolSpecs.of(def)));
    }

    /** The specifications sent to the model: every tool the caller's role may use, in catalog order. */
    List<ToolSpecification> specsFor(Caller caller) {
        List<ToolSpecification> offered = new ArrayList<>();
        specs.forEach((name, spec) ->
                find(name).filter(def -> caller.may(def.requiredRole())).ifPresent(def -> offered.add(spec)));
        return offered;
    }

    Optional<ToolDef> find(String name) {
        Optional<ToolDef> shared = catalog.find(name);
        return shared.isPresent() ? shared : agentOnly.find(name);
    }

    ToolOutcome call(String name, JsonNode arguments, ToolContext context) {
        if (find(name).isEmpty()) {
            return ToolOutcome.failed("unknown_tool", "no tool named '" + name + "'; available = " + specs.keySet());
        }
        return catalog.find(name).isPresent()
                ? catalog.call(name, arguments, context)
                : agentOnly.call(name, arguments, context);
    }

    /** What the model reads back: upstream's text for {@code sequentialthinking}, compact JSON otherwise. */
    static String textFor(String toolName, ToolOutcome outcome) {
        if (outcome instanceof ToolOutcome.Ok ok) {
            return SequentialThinking.NAME.equals(toolName)
                    ? SequentialThinking.text(ok.result())
                    : Json.write(ok.result());
        }
        return ((ToolOutcome.Failed) outcome).text();
    }

    ToolCatalog catalog() {
        return catalog;
    }

    List<String> names() {
        return List.copyOf(specs.keySet());
    }

    List<ToolSpecification> allSpecs() {
        return List.copyOf(specs.values());
    }

    private static ToolDef finalAnswer() {
        return new ToolDef(
                FINAL_ANSWER,
                "Final answer",
                "Give the final answer and end the run. Use it once, after the tools you needed have answered."
                        + " 'answer' is what the user reads; 'decision' summarises a version decision when there is"
                        + " one.",
                Json.read(FINAL_ANSWER_SCHEMA),
                Json.read("{\"type\":\"object\"}"),
                ToolHints.readOnlyClosed(),
                Role.VIEWER,
                false,
                (arguments, context) -> ToolOutcome.ok(arguments));
    }
}
