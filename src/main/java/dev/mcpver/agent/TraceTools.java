package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.Json;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Read-only catalog tools over stored traces, for agents and MCP clients: {@code agent_trace} lists a run's steps
 * (a fork's inherited ones included), optionally by kind and index range, with long payloads shortened.
 */
public final class TraceTools {
    static final int MAX_STEPS = 200;
    private static final int MAX_TEXT = 2_000;

    private static final String INPUT = "{\"type\":\"object\",\"properties\":{"
            + "\"runId\":{\"type\":\"string\",\"minLength\":1,\"description\":\"the run to read\"},"
            + "\"kind\":{\"type\":\"string\",\"enum\":[\"user_message\",\"thought\",\"model_request\","
            + "\"model_response\",\"tool_call\",\"tool_result\",\"final_answer\",\"error\",\"confirmation\"]},"
            + "\"fromStep\":{\"type\":\"integer\",\"minimum\":0},"
            + "\"toStep\":{\"type\":\"integer\",\"minimum\":0}},"
            + "\"required\":[\"runId\"],\"additionalProperties\":false}";
    private static final String OUTPUT = "{\"type\":\"object\",\"properties\":{"
            + "\"runId\":{\"type\":\"string\"},\"status\":{\"type\":\"string\"},\"origin\":{\"type\":\"string\"},"
            + "\"steps\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}},\"truncated\":{\"type\":\"boolean\"}},"
            + "\"required\":[\"runId\",\"status\",\"origin\",\"steps\",\"truncated\"]}";

    private TraceTools() {}

    public static List<ToolDef> all(TraceStore store) {
        return List.of(ToolDef.readOnly(
                "agent_trace",
                "Agent trace",
                "Reads the recorded steps of an agent run (user message, thoughts, model requests and responses, tool"
                        + " calls and results, final answer, errors), in order, optionally filtered by kind and step"
                        + " range (at most " + MAX_STEPS + " steps per call; long texts are shortened). Read-only.",
                Json.read(INPUT),
                Json.read(OUTPUT),
                (arguments, context) -> read(store, arguments)));
    }

    private static ToolOutcome read(TraceStore store, JsonNode arguments) {
        String runId = arguments.path("runId").asText();
        Optional<Run> run = store.run(runId);
        if (run.isEmpty()) {
            return ToolOutcome.failed("not_found", "no run with id '" + runId + "'");
        }
        String kind = arguments.path("kind").asText("");
        int from = arguments.path("fromStep").asInt(0);
        int to = arguments.has("toStep") ? arguments.get("toStep").asInt() : Integer.MAX_VALUE;
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("runId", runId);
        result.put("status", run.get().status().wire());
        result.put("origin", run.get().origin().wire());
        ArrayNode steps = result.putArray("steps");
        boolean truncated = false;
        for (Step step : TraceService.effectiveSteps(store, run.get())) {
            if (step.index() < from
                    || step.index() > to
                    || (!kind.isEmpty() && !step.kind().wire().equals(kind))) {
                continue;
            }
            if (steps.size() == MAX_STEPS) {
                truncated = true;
                break;
            }
            steps.add(shortened(TraceJson.step(step)));
        }
        result.put("truncated", truncated);
        return ToolOutcome.ok(result);
    }

    private static JsonNode shortened(ObjectNode step) {
        String payload = Json.write(step.get("payload"));
        if (payload.length() > MAX_TEXT) {
            step.put("payload", payload.substring(0, MAX_TEXT) + "… (" + payload.length() + " characters)");
        }
        return step;
    }
}
