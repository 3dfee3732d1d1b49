package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mcpver.json.CanonicalJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools every door offers, in a fixed order (the order they were given). Immutable and thread-safe.
 *
 * <pre>{@code
 * ToolCatalog catalog = new ToolCatalog(List.of(semverTools, compatTools).stream().flatMap(List::stream).toList());
 * ToolOutcome outcome = catalog.call("semver_satisfies", args, ToolContext.of(caller, requestId));
 * }</pre>
 */
public final class ToolCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalog.class);
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final int MAX_REPORTED_ERRORS = 5;

    private record Entry(ToolDef def, Schema input, Schema output) {}

    private final Map<String, Entry> tools = new LinkedHashMap<>();
    private final String sha256;

    public ToolCatalog(Collection<ToolDef> definitions) {
        for (ToolDef def : definitions) {
            Entry entry = new Entry(def, SCHEMAS.getSchema(def.inputSchema()), SCHEMAS.getSchema(def.outputSchema()));
            if (tools.putIfAbsent(def.name(), entry) != null) {
                throw new IllegalArgumentException("two tools are named " + def.name());
            }
        }
        this.sha256 = CanonicalJson.sha256(manifest());
    }

    public List<ToolDef> tools() {
        return tools.values().stream().map(Entry::def).toList();
    }

    public Optional<ToolDef> find(String name) {
        return Optional.ofNullable(tools.get(name)).map(Entry::def);
    }

    /** SHA-256 of the canonical manifest: recorded with every agent run so a trace names the catalog it used. */
    public String sha256() {
        return sha256;
    }

    /** Names, descriptions, schemas, hints and roles of every tool (no handlers), in catalog order. */
    public ArrayNode manifest() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Entry entry : tools.values()) {
            ToolDef def = entry.def();
            ObjectNode tool = list.addObject();
            tool.put("name", def.name());
            tool.put("title", def.title());
            tool.put("description", def.description());
            tool.set("inputSchema", def.inputSchema());
            tool.set("outputSchema", def.outputSchema());
            ObjectNode hints = tool.putObject("annotations");
            hints.put("readOnlyHint", def.hints().readOnly());
            hints.put("destructiveHint", def.hints().destructive());
            hints.put("idempotentHint", def.hints().idempotent());
            hints.put("openWorldHint", def.hints().openWorld());
            tool.put("requiredRole", def.requiredRole().wireName());
            tool.put("requiresConfirmation", def.requiresConfirmation());
        }
        return list;
    }

    /**
     * Runs a tool; never throws for anything the caller or the tool did wrong. Every call is logged with the tool
     * name as its operation ({@code semver_parse} → {@code SEMVER_PARSE}), its outcome and duration.
     */
    public ToolOutcome call(String name, JsonNode arguments, ToolContext context) {
        long started = System.nanoTime();
        ToolOutcome outcome = dispatch(name, arguments, context);
        LOG.atInfo()
                .addKeyValue("operation", name.toUpperCase(Locale.ROOT))
                .addKeyValue("caller", context.caller().subject())
                .addKeyValue("outcome", outcome instanceof ToolOutcome.Failed failed ? failed.code() : "ok")
                .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000 / 1000.0)
                .log("tool {}", name);
        return outcome;
    }

    private ToolOutcome dispatch(String name, JsonNode arguments, ToolContext context) {
        Entry entry = tools.get(name);
        if (entry == null) {
            return ToolOutcome.failed(
                    "unknown_tool", "no tool named '" + name + "'; available: " + String.join(", ", tools.keySet()));
        }
        ToolDef def = entry.def();
        if (!context.caller().may(def.requiredRole())) {
            return ToolOutcome.failed(
                    "forbidden",
                    name + " needs the " + def.requiredRole().wireName() + " role; "
                            + context.caller().subject() + " has "
                            + context.caller().role().wireName());
        }
        List<String> problems = validate(entry.input(), arguments);
        if (!problems.isEmpty()) {
            return ToolOutcome.failed("invalid_arguments", String.join("; ", problems));
        }
        if (def.requiresConfirmation() && !context.confirmed()) {
            return ToolOutcome.failed(
                    "confirmation_required", name + " changes state and needs a human's confirmation");
        }
        return invoke(def, arguments, context);
    }

    /** Problems of a result against the tool's output schema (empty when valid); used by tests and doors. */
    public List<String> validateOutput(String name, JsonNode result) {
        Entry entry = tools.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no tool named " + name);
        }
        return validate(entry.output(), result);
    }

    private static ToolOutcome invoke(ToolDef def, JsonNode arguments, ToolContext context) {
        try {
            return def.handler().call(arguments, context);
        } catch (IllegalArgumentException e) {
            return ToolOutcome.failed("invalid_arguments", String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "TOOL_FAILED")
                    .addKeyValue("tool", def.name())
                    .setCause(e)
                    .log("tool {} failed", def.name());
            return ToolOutcome.failed("tool_failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static List<String> validate(Schema schema, JsonNode value) {
        List<Error> errors = schema.validate(value);
        List<String> messages = new ArrayList<>();
        for (Error error : errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS))) {
            messages.add(describe(error));
        }
        if (errors.size() > MAX_REPORTED_ERRORS) {
            messages.add((errors.size() - MAX_REPORTED_ERRORS) + " more problems");
        }
        return messages;
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation().toString();
        String message = error.getMessage();
        return location.isEmpty() || "$".equals(location) ? message : location + ": " + message;
    }

    /** Tool names in catalog order, for messages. */
    public String names() {
        return tools.keySet().stream().collect(Collectors.joining(", "));
    }
}
