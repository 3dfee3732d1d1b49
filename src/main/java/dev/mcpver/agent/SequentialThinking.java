package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolHints;
import dev.mcpver.tools.ToolOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The native {@code sequentialthinking} tool: the exact name, description, input and output schema of
 * {@code @modelcontextprotocol/server-sequential-thinking} 2025.12.18 (MIT; definition shipped verbatim as
 * {@code sequentialthinking.tool.json} with its license), and the same results for the same calls.
 *
 * <p>Unlike upstream, which keeps one thought history per server process shared by every client, the history is
 * <b>scoped</b>: per agent run ({@link ToolContext#runId()}), so a trace replays to the same results whatever else
 * happens on the server. Calls outside a run (the MCP server, the HTTP tool door) get a fresh scope per call unless
 * the door names one with {@link #callInScope}: an MCP adapter passes its session id there to give a session the
 * upstream behaviour. Scopes are kept in a bounded map (least recently used evicted) and released when a run ends;
 * a paused or forked run restores its scope from the recorded thoughts ({@link #restore}).
 *
 * <p>Behaviour reproduced: {@code totalThoughts} is raised to {@code thoughtNumber} when exceeded; every call is
 * appended to the history; a call with both {@code branchFromThought} and {@code branchId} is also appended to that
 * branch; {@code isRevision}, {@code revisesThought} and {@code needsMoreThoughts} are only stored. Booleans and
 * integers also accept their string forms ({@code "true"}, {@code "5"}) as newer upstream releases do, when a door
 * passes them through. Thread-safe.
 */
public final class SequentialThinking {
    public static final String NAME = "sequentialthinking";
    static final String UPSTREAM_VERSION = "2025.12.18";
    private static final int MAX_SCOPES = 1_000;

    private final JsonNode definition = loadDefinition();
    private final Map<String, ThinkingState> scopes = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ThinkingState> eldest) {
            return size() > MAX_SCOPES;
        }
    };

    /** One scope's history: every thought, and the thoughts of each named branch in creation order. */
    private static final class ThinkingState {
        private final List<JsonNode> history = new ArrayList<>();
        private final Map<String, List<JsonNode>> branches = new LinkedHashMap<>();
    }

    /** The catalog entry; {@code requiredRole} viewer, read-only hints as upstream's newer releases declare. */
    public ToolDef toolDef() {
        return new ToolDef(
                NAME,
                definition.path("title").asText(),
                definition.path("description").asText(),
                definition.path("inputSchema").deepCopy(),
                definition.path("outputSchema").deepCopy(),
                ToolHints.readOnlyClosed(),
                Role.VIEWER,
                false,
                (arguments, context) -> call(arguments, context));
    }

    /** The upstream {@code tools/list} entry as shipped (name, title, description, schemas, execution). */
    public JsonNode upstreamDefinition() {
        return definition.deepCopy();
    }

    /** Runs one thought in the caller's run scope, or in a fresh scope when there is no run. */
    public ToolOutcome call(JsonNode arguments, ToolContext context) {
        String runId = context.runId();
        return runId == null ? process(new ThinkingState(), arguments) : callInScope("run:" + runId, arguments);
    }

    /** Runs one thought in a named scope (an MCP session, a run). */
    public ToolOutcome callInScope(String scope, JsonNode arguments) {
        synchronized (scopes) {
            return process(scopes.computeIfAbsent(scope, key -> new ThinkingState()), arguments);
        }
    }

    /** Rebuilds a run's scope from the arguments of its recorded, successful thoughts (resume, fork). */
    public void restore(String runId, List<JsonNode> recordedArguments) {
        synchronized (scopes) {
            ThinkingState state = new ThinkingState();
            recordedArguments.forEach(arguments -> process(state, arguments));
            scopes.put("run:" + runId, state);
        }
    }

    /** Forgets a run's scope (the run ended). */
    public void release(String runId) {
        synchronized (scopes) {
            scopes.remove("run:" + runId);
        }
    }

    /** The text upstream sends as {@code content[0].text}: the result as {@code JSON.stringify(result, null, 2)}. */
    public static String text(JsonNode result) {
        return JsJson.stringify(result);
    }

    private static ToolOutcome process(ThinkingState state, JsonNode arguments) {
        ObjectNode thought;
        try {
            thought = normalise(arguments);
        } catch (IllegalArgumentException e) {
            return ToolOutcome.failed("invalid_arguments", String.valueOf(e.getMessage()));
        }
        long number = thought.get("thoughtNumber").asLong();
        if (number > thought.get("totalThoughts").asLong()) {
            thought.set("totalThoughts", number(number));
        }
        state.history.add(thought);
        JsonNode branchId = thought.get("branchId");
        if (thought.has("branchFromThought")
                && branchId != null
                && !branchId.asText().isEmpty()) {
            state.branches
                    .computeIfAbsent(branchId.asText(), key -> new ArrayList<>())
                    .add(thought);
        }
        return ToolOutcome.ok(result(state, thought));
    }

    private static ObjectNode result(ThinkingState state, ObjectNode thought) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("thoughtNumber", thought.get("thoughtNumber"));
        result.set("totalThoughts", thought.get("totalThoughts"));
        result.set("nextThoughtNeeded", thought.get("nextThoughtNeeded"));
        ArrayNode branches = result.putArray("branches");
        state.branches.keySet().forEach(branches::add);
        result.put("thoughtHistoryLength", state.history.size());
        return result;
    }

    /** Coerces the lenient forms and checks what the schema requires, for doors that skip validation. */
    private static ObjectNode normalise(JsonNode arguments) {
        if (!arguments.isObject()) {
            throw new IllegalArgumentException("arguments must be a JSON object");
        }
        ObjectNode thought = JsonNodeFactory.instance.objectNode();
        thought.put("thought", requireText(arguments, "thought"));
        thought.put("nextThoughtNeeded", requireBoolean(arguments, "nextThoughtNeeded"));
        thought.set("thoughtNumber", number(requirePositive(arguments, "thoughtNumber")));
        thought.set("totalThoughts", number(requirePositive(arguments, "totalThoughts")));
        optionalBoolean(arguments, "isRevision").ifPresent(value -> thought.put("isRevision", value));
        optionalPositive(arguments, "revisesThought").ifPresent(value -> thought.set("revisesThought", number(value)));
        optionalPositive(arguments, "branchFromThought")
                .ifPresent(value -> thought.set("branchFromThought", number(value)));
        JsonNode branchId = arguments.get("branchId");
        if (branchId != null && !branchId.isNull()) {
            thought.put("branchId", branchId.asText());
        }
        optionalBoolean(arguments, "needsMoreThoughts").ifPresent(value -> thought.put("needsMoreThoughts", value));
        return thought;
    }

    /** Integers as JavaScript numbers: an int node when it fits, so results equal parsed upstream JSON. */
    private static JsonNode number(long value) {
        return value == (int) value
                ? JsonNodeFactory.instance.numberNode((int) value)
                : JsonNodeFactory.instance.numberNode(value);
    }

    private static String requireText(JsonNode arguments, String field) {
        JsonNode value = arguments.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + ": expected a string");
        }
        return value.asText();
    }

    private static boolean requireBoolean(JsonNode arguments, String field) {
        return optionalBoolean(arguments, field)
                .orElseThrow(() -> new IllegalArgumentException(field + ": expected a boolean"));
    }

    private static long requirePositive(JsonNode arguments, String field) {
        return optionalPositive(arguments, field)
                .orElseThrow(() -> new IllegalArgumentException(field + ": expected an integer >= 1"));
    }

    private static java.util.Optional<Boolean> optionalBoolean(JsonNode arguments, String field) {
        JsonNode value = arguments.get(field);
        if (value == null || value.isNull()) {
            return java.util.Optional.empty();
        }
        if (value.isBoolean()) {
            return java.util.Optional.of(value.booleanValue());
        }
        String text = value.isTextual() ? value.asText().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("false")) {
            return java.util.Optional.of(Boolean.parseBoolean(text));
        }
        throw new IllegalArgumentException(field + ": expected a boolean");
    }

    private static java.util.Optional<Long> optionalPositive(JsonNode arguments, String field) {
        JsonNode value = arguments.get(field);
        if (value == null || value.isNull()) {
            return java.util.Optional.empty();
        }
        @Nullable Long number = null;
        if (value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            number = value.asLong();
        } else if (value.isTextual() && value.asText().strip().matches("\\d{1,16}")) {
            number = Long.parseLong(value.asText().strip());
        }
        if (number == null || number < 1 || number > 9_007_199_254_740_991L) {
            throw new IllegalArgumentException(field + ": expected an integer >= 1");
        }
        return java.util.Optional.of(number);
    }

    private static JsonNode loadDefinition() {
        try (InputStream in = Objects.requireNonNull(
                SequentialThinking.class.getResourceAsStream("sequentialthinking.tool.json"),
                "sequentialthinking.tool.json is missing from the jar")) {
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
