package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The trace wire format (export format version 1, docs/adr/0022): runs and steps as JSON with a fixed member order,
 * null members omitted, payload keys sorted. Reading is tolerant: unknown members are ignored and optional ones may
 * be absent, so files written by newer versions with appended members still load.
 */
public final class TraceJson {
    public static final int FORMAT_VERSION = 1;

    private TraceJson() {}

    public static ObjectNode step(Step step) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("index", step.index());
        json.put("kind", step.kind().wire());
        putIfSet(json, "parent", step.parentIndex());
        putIfSet(json, "round", step.round());
        putIfSet(json, "seq", step.seq());
        putIfSet(json, "attempt", step.attempt());
        putIfSet(json, "name", step.name());
        putIfSet(json, "toolCallId", step.toolCallId());
        putIfSet(json, "branchId", step.branchId());
        putIfSet(json, "status", step.status());
        putIfSet(json, "errorType", step.errorType());
        putIfSet(json, "errorMessage", step.errorMessage());
        if (step.retryable() != null) {
            json.put("retryable", step.retryable());
        }
        json.put("at", step.startedAt().toString());
        putIfSet(json, "endedAt", step.endedAt() == null ? null : step.endedAt().toString());
        if (step.durationMs() != null) {
            json.put("durationMs", step.durationMs());
        }
        if (step.usage() != null) {
            json.set("usage", usage(step.usage()));
        }
        putIfSet(json, "finishReason", step.finishReason());
        json.put("sha256", step.payloadSha256());
        json.set("payload", step.payload());
        return json;
    }

    public static ObjectNode run(Run run, List<Step> ownSteps) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", run.id());
        json.put("conversationId", run.conversationId());
        json.put("origin", run.origin().wire());
        putIfSet(json, "parentRunId", run.parentRunId());
        putIfSet(json, "forkStepIndex", run.forkStepIndex());
        putIfSet(json, "previousRunId", run.previousRunId());
        putIfSet(json, "replayOf", run.origin() == RunOrigin.REPLAY ? run.parentRunId() : null);
        putIfSet(json, "replayMode", run.replayMode());
        json.put("status", run.status().wire());
        ObjectNode planner = json.putObject("planner");
        planner.put("kind", run.plannerKind().wire());
        putIfSet(planner, "provider", run.modelProvider());
        putIfSet(planner, "model", run.modelId());
        json.put("startedAt", run.startedAt().toString());
        putIfSet(
                json,
                "finishedAt",
                run.finishedAt() == null ? null : run.finishedAt().toString());
        if (run.durationMs() != null) {
            json.put("durationMs", run.durationMs());
        }
        json.set("usage", usage(run.usage()));
        json.put("rounds", run.rounds());
        json.put("toolErrors", run.toolErrors());
        putIfSet(json, "errorCode", run.errorCode());
        putIfSet(json, "errorMessage", run.errorMessage());
        putIfSet(json, "finalAnswer", run.finalAnswer());
        ObjectNode caller = json.putObject("caller");
        caller.put("subject", run.callerSubject());
        caller.put("role", run.callerRole().wireName());
        json.put("systemPromptSha256", run.systemPromptSha256());
        json.put("toolCatalogSha256", run.toolCatalogSha256());
        json.set("engineVersions", run.engineVersions());
        ownSteps.forEach(step -> json.withArray("steps").add(step(step)));
        if (ownSteps.isEmpty()) {
            json.putArray("steps");
        }
        return json;
    }

    static ObjectNode usage(TokenCounts usage) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("input", usage.input());
        json.put("output", usage.output());
        json.put("total", usage.total());
        return json;
    }

    static Run readRun(JsonNode json, String conversationId) {
        JsonNode planner = json.path("planner");
        JsonNode usage = json.path("usage");
        JsonNode caller = json.path("caller");
        return new Run(
                require(json, "id"),
                conversationId,
                RunOrigin.fromWire(require(json, "origin")),
                text(json, "parentRunId"),
                integer(json, "forkStepIndex"),
                text(json, "previousRunId"),
                text(json, "replayMode"),
                PlannerKind.fromWire(planner.path("kind").asText("offline")),
                text(planner, "provider"),
                text(planner, "model"),
                RunStatus.fromWire(require(json, "status")),
                text(json, "errorCode"),
                text(json, "errorMessage"),
                Instant.parse(require(json, "startedAt")),
                instant(json, "finishedAt"),
                json.hasNonNull("durationMs") ? json.get("durationMs").asLong() : null,
                new TokenCounts(
                        usage.path("input").asInt(),
                        usage.path("output").asInt(),
                        usage.path("total").asInt()),
                json.path("rounds").asInt(),
                json.path("toolErrors").asInt(),
                require(json, "systemPromptSha256"),
                require(json, "toolCatalogSha256"),
                json.path("engineVersions").isObject()
                        ? json.get("engineVersions")
                        : JsonNodeFactory.instance.objectNode(),
                text(json, "finalAnswer"),
                caller.path("subject").asText("imported"),
                Role.fromWire(caller.path("role").asText("viewer")).orElse(Role.VIEWER));
    }

    static Step readStep(JsonNode json, String runId, java.util.function.IntFunction<String> parentId) {
        int index = json.path("index").asInt(-1);
        Integer parent = integer(json, "parent");
        JsonNode usage = json.get("usage");
        return new Step(
                Step.idOf(runId, index),
                runId,
                index,
                StepKind.fromWire(require(json, "kind")),
                parent == null ? null : parentId.apply(parent),
                parent,
                text(json, "branchId"),
                integer(json, "round"),
                integer(json, "seq"),
                integer(json, "attempt"),
                text(json, "name"),
                text(json, "toolCallId"),
                text(json, "status"),
                text(json, "errorType"),
                text(json, "errorMessage"),
                json.hasNonNull("retryable") ? json.get("retryable").asBoolean() : null,
                Instant.parse(require(json, "at")),
                instant(json, "endedAt"),
                json.hasNonNull("durationMs") ? json.get("durationMs").asLong() : null,
                usage == null
                        ? null
                        : new TokenCounts(
                                usage.path("input").asInt(),
                                usage.path("output").asInt(),
                                usage.path("total").asInt()),
                text(json, "finishReason"),
                json.path("payload"),
                require(json, "sha256"));
    }

    private static String require(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isValueNode() || value.asText().isEmpty()) {
            throw AgentException.invalid("trace file: missing '" + field + "'");
        }
        return value.asText();
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static @Nullable Integer integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.canConvertToInt() ? null : value.asInt();
    }

    private static @Nullable Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        return value == null ? null : Instant.parse(value);
    }

    private static void putIfSet(ObjectNode json, String field, @Nullable Object value) {
        if (value instanceof Integer number) {
            json.put(field, number);
        } else if (value != null) {
            json.put(field, value.toString());
        }
    }
}
