package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.migrate.EnvRequirement;
import dev.mcpver.migrate.Expectation;
import dev.mcpver.migrate.PlanOptions;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.SmokeCall;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.migrate.ToolShape;
import dev.mcpver.migrate.UpdateRequest;
import dev.mcpver.migrate.UpdateStrategy;
import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.ArtifactSignature;
import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.LaunchSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reading the JSON arguments of the deployment, rollback and migration tools into engine records. Every problem is
 * an {@link IllegalArgumentException} naming the field, which the catalog reports as {@code invalid_arguments}.
 */
public final class DeploymentJson {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DeploymentJson() {}

    /** {@code {"transport":"stdio","command":"node","args":[…]}} or {@code {"transport":"http",…,"url":…}}. */
    public static LaunchSpec launch(JsonNode node) {
        requireObject(node, "launch");
        String transport = text(node, "transport", "stdio").toUpperCase(Locale.ROOT);
        LaunchSpec.Transport kind;
        try {
            kind = LaunchSpec.Transport.valueOf(transport);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("launch.transport must be stdio or http", e);
        }
        return new LaunchSpec(
                kind,
                required(node, "command", "launch"),
                strings(node.path("args"), "launch.args"),
                optional(node, "url"),
                node.path("startupTimeoutMs").asInt(LaunchSpec.DEFAULT_STARTUP_TIMEOUT_MS));
    }

    /** {@code [{"name":"TOKEN","secretRef":"env:GH_TOKEN"},{"name":"LEVEL","value":"debug"}]}. */
    public static List<ConfigEntry> config(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("config must be an array of {name, value | secretRef}");
        }
        List<ConfigEntry> entries = new ArrayList<>();
        for (JsonNode entry : node) {
            entries.add(new ConfigEntry(
                    required(entry, "name", "config[]"), optional(entry, "value"), optional(entry, "secretRef")));
        }
        return entries;
    }

    /** {@code {"kind":"archive","location":"/x.tgz","sha256":"…","signature":{…}}}. */
    public static ArtifactRef artifact(JsonNode node) {
        requireObject(node, "artifact");
        String kind = required(node, "kind", "artifact").toUpperCase(Locale.ROOT);
        ArtifactRef.Kind parsed;
        try {
            parsed = ArtifactRef.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("artifact.kind must be directory, archive or npm", e);
        }
        JsonNode signature = node.path("signature");
        return new ArtifactRef(
                parsed,
                required(node, "location", "artifact"),
                optional(node, "sha256"),
                signature.isObject()
                        ? new ArtifactSignature(
                                required(signature, "keyId", "artifact.signature"),
                                text(signature, "algorithm", "ed25519"),
                                required(signature, "value", "artifact.signature"))
                        : null);
    }

    /**
     * A registered surface in the shape of an MCP {@code tools/list} result, optionally with {@code serverInfo}:
     * {@code {"serverInfo":{"name":…,"version":…},"tools":[{"name":…,"inputSchema":…,"annotations":…}]}}.
     */
    public static ServerSurface surface(JsonNode node, String server, String version) {
        requireObject(node, "surface");
        List<ToolShape> tools = new ArrayList<>();
        for (JsonNode tool : node.path("tools")) {
            JsonNode input = tool.path("inputSchema");
            if (!input.isObject()) {
                throw new IllegalArgumentException("surface.tools[].inputSchema must be an object");
            }
            JsonNode output = tool.path("outputSchema");
            tools.add(new ToolShape(
                    required(tool, "name", "surface.tools[]"),
                    text(tool, "description", ""),
                    CanonicalJson.write(input),
                    output.isObject() ? CanonicalJson.write(output) : null,
                    tool.path("annotations").path("readOnlyHint").asBoolean(false)));
        }
        JsonNode info = node.path("serverInfo");
        return new ServerSurface(text(info, "name", server), text(info, "version", version), null, tools);
    }

    /** {@code [{"tool":"status","arguments":{},"expect":[{"kind":"json_equals","pointer":"/ok","value":"true"}]}]}. */
    public static List<SmokeCall> smokeCalls(JsonNode node) {
        List<SmokeCall> calls = new ArrayList<>();
        for (JsonNode call : node) {
            JsonNode arguments = call.path("arguments");
            List<Expectation> expect = new ArrayList<>();
            for (JsonNode expectation : call.path("expect")) {
                expect.add(expectation(expectation));
            }
            calls.add(new SmokeCall(
                    required(call, "tool", "smokeCalls[]"),
                    arguments.isObject() ? CanonicalJson.write(arguments) : "{}",
                    expect));
        }
        return calls;
    }

    private static Expectation expectation(JsonNode node) {
        String kind = required(node, "kind", "expect[]").toUpperCase(Locale.ROOT);
        try {
            JsonNode value = node.path("value");
            String text = value.isMissingNode() || value.isNull()
                    ? null
                    : value.isTextual() ? value.asText() : value.toString();
            return new Expectation(Expectation.Kind.valueOf(kind), optional(node, "pointer"), text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expect[].kind must be not_error, text_contains, json_equals or" + " max_latency_ms ("
                            + e.getMessage() + ")",
                    e);
        }
    }

    /** Plan options; absent fields keep {@link PlanOptions#DEFAULT}. */
    public static PlanOptions options(JsonNode node) {
        PlanOptions d = PlanOptions.DEFAULT;
        if (node.isMissingNode() || node.isNull()) {
            return d;
        }
        requireObject(node, "options");
        Map<String, String> renames = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        node.path("configRenames").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> rename = it.next();
            renames.put(rename.getKey(), rename.getValue().asText());
        }
        JsonNode launch = node.path("launch");
        return new PlanOptions(
                smokeCalls(node.path("smokeCalls")),
                renames,
                config(node.path("configSet")),
                launch.isObject() ? launch(launch) : null,
                node.path("allowBreaking").asBoolean(d.allowBreaking()),
                node.path("autoRollback").asBoolean(d.autoRollback()),
                node.path("requireSignature").asBoolean(d.requireSignature()),
                node.path("keepOldRunning").asBoolean(d.keepOldRunning()),
                node.path("stepTimeoutMs").asLong(d.stepTimeoutMs()),
                node.path("maxDurationMs").asLong(d.maxDurationMs()),
                node.path("smokeLatencyThresholdMs").asLong(d.smokeLatencyThresholdMs()),
                node.path("keepReleases").asInt(d.keepReleases()));
    }

    /** A target to register: {@code {server, version, artifact, launch?, requiredEnv?, surface?, smokeCalls?}}. */
    public static TargetRelease target(JsonNode node) {
        String server = required(node, "server", "target");
        String version = required(node, "version", "target");
        JsonNode launch = node.path("launch");
        JsonNode surface = node.path("surface");
        List<EnvRequirement> env = new ArrayList<>();
        for (JsonNode requirement : node.path("requiredEnv")) {
            env.add(new EnvRequirement(
                    required(requirement, "name", "requiredEnv[]"),
                    optional(requirement, "renamedFrom"),
                    optional(requirement, "defaultValue")));
        }
        return new TargetRelease(
                server,
                version,
                artifact(node.path("artifact")),
                launch.isObject() ? launch(launch) : null,
                env,
                surface.isObject() ? surface(surface, server, version) : null,
                smokeCalls(node.path("smokeCalls")));
    }

    /**
     * An automated update: {@code {deployment | deployments, toVersion, strategy, runAt?, validationChecks,
     * rollbackPolicy: {automatic_rollback}, blueGreen: {holdSeconds}, canary: {trafficPercent, maxWaitMinutes},
     * options}}.
     */
    public static UpdateRequest update(JsonNode node, Instant now) {
        requireObject(node, "update");
        List<DeploymentId> deployments = new ArrayList<>();
        if (node.has("deployment")) {
            deployments.add(DeploymentId.parse(node.get("deployment").asText()));
        }
        node.path("deployments").forEach(d -> deployments.add(DeploymentId.parse(d.asText())));
        String strategy = text(node, "strategy", "immediate");
        UpdateStrategy parsed = UpdateStrategy.fromWire(strategy)
                .orElseThrow(() -> new IllegalArgumentException(
                        "strategy '" + strategy + "' is unknown: use immediate, rolling, blue_green or canary"));
        List<String> checks = new ArrayList<>();
        node.path("validationChecks").forEach(c -> checks.add(c.asText()));
        JsonNode policy = node.path("rollbackPolicy");
        boolean automatic = policy.path("automatic_rollback")
                .asBoolean(policy.path("automaticRollback").asBoolean(false));
        return new UpdateRequest(
                deployments,
                required(node, "toVersion", "update"),
                parsed,
                instant(node, now),
                checks,
                automatic,
                node.path("blueGreen").path("holdSeconds").asLong(60) * 1000,
                node.path("canary").path("trafficPercent").asInt(10),
                node.path("canary").path("maxWaitMinutes").asLong(60) * 60_000,
                options(node.path("options")));
    }

    private static Instant instant(JsonNode node, Instant now) {
        String runAt = optional(node, "runAt");
        try {
            return runAt == null ? now : Instant.parse(runAt);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("runAt must be an ISO-8601 instant such as 2026-05-01T02:00:00Z", e);
        }
    }

    static String required(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " is required (a non-empty string)");
        }
        return value.asText();
    }

    static @Nullable String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : fallback;
    }

    private static List<String> strings(JsonNode node, String where) {
        List<String> values = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be an array of strings");
        }
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
    }

    static ArrayNode array() {
        return JSON.arrayNode();
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }
}
