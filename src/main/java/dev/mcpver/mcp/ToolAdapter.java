package dev.mcpver.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.json.Json;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The one adapter between the catalog and MCP: publishes a {@link ToolDef} as an MCP tool and runs
 * {@code tools/call} through {@link ToolCatalog#call}. Used unchanged by the stateful and the stateless server.
 * Tool failures (bad arguments, missing role, domain errors) come back as {@code isError} results whose text a model
 * can act on; only protocol faults are JSON-RPC errors, and those the SDK raises before we are called.
 */
final class ToolAdapter {
    /** The argument by which a client without elicitation confirms a state-changing call (ADR 0061). */
    static final String CONFIRM = "confirm";

    static final String META_ROLE = "dev.mcpver/requiredRole";
    static final String META_CONFIRMATION = "dev.mcpver/requiresConfirmation";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ToolCatalog catalog;
    private final ObjectMapper mapper;

    ToolAdapter(ToolCatalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** The tool as MCP clients see it: schemas as published, truthful annotations, role and confirmation in _meta. */
    McpSchema.Tool describe(ToolDef def) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(META_ROLE, def.requiredRole().wireName());
        meta.put(META_CONFIRMATION, def.requiresConfirmation());
        return McpSchema.Tool.builder()
                .name(def.name())
                .title(def.title())
                .description(def.description())
                .inputSchema(toMap(publishedInput(def)))
                .outputSchema(toMap(def.outputSchema()))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(def.title())
                        .readOnlyHint(def.hints().readOnly())
                        .destructiveHint(def.hints().destructive())
                        .idempotentHint(def.hints().idempotent())
                        .openWorldHint(def.hints().openWorld())
                        .build())
                .meta(meta)
                .build();
    }

    /**
     * Runs one {@code tools/call}; never throws for anything the caller or the tool did wrong. The catalog logs the
     * call (operation = tool name); the MDC adds the request id and transport to that line, since the SDK runs
     * handlers on its own threads.
     */
    McpSchema.CallToolResult call(
            ToolDef def, McpSchema.CallToolRequest request, CallScope scope, Confirmer confirmer) {
        try (MDC.MDCCloseable id = MDC.putCloseable("requestId", scope.requestId());
                MDC.MDCCloseable transport = MDC.putCloseable("transport", "mcp-" + scope.transport())) {
            return toResult(run(def, arguments(request), scope, confirmer));
        }
    }

    private ToolOutcome run(ToolDef def, ObjectNode arguments, CallScope scope, Confirmer confirmer) {
        ToolContext context = ToolContext.of(scope.caller(), scope.requestId());
        if (def.requiresConfirmation()) {
            JsonNode flag = arguments.remove(CONFIRM);
            if (flag != null && !flag.isBoolean()) {
                return ToolOutcome.failed("invalid_arguments", "/confirm: must be a boolean (true or false)");
            }
            if (flag != null && flag.booleanValue() && !confirmer.canAsk()) {
                context = context.confirm();
            }
        }
        ToolOutcome outcome = catalog.call(def.name(), arguments, context);
        if (outcome instanceof ToolOutcome.Failed failed && failed.code().equals("confirmation_required")) {
            return confirm(def, arguments, context, confirmer);
        }
        return outcome;
    }

    /** The catalog accepted everything but the missing confirmation: ask the human, or say how to confirm. */
    private ToolOutcome confirm(ToolDef def, ObjectNode arguments, ToolContext context, Confirmer confirmer) {
        if (!confirmer.canAsk()) {
            return ToolOutcome.failed(
                    "confirmation_required",
                    def.name() + " changes state and needs the user's approval. Tell the user what this call will do; "
                            + "once they approve, call " + def.name() + " again with the same arguments plus \""
                            + CONFIRM + "\": true.");
        }
        if (confirmer.ask(def, Json.write(arguments)) != Confirmer.Answer.APPROVED) {
            return ToolOutcome.failed(
                    "confirmation_declined",
                    "the user did not approve " + def.name() + "; nothing was changed. Do not retry unless they ask.");
        }
        return catalog.call(def.name(), arguments, context.confirm());
    }

    private McpSchema.CallToolResult toResult(ToolOutcome outcome) {
        if (outcome instanceof ToolOutcome.Ok ok) {
            return McpSchema.CallToolResult.builder()
                    .structuredContent(toMap(ok.result()))
                    .addTextContent(Json.write(ok.result()))
                    .isError(false)
                    .build();
        }
        return McpSchema.CallToolResult.builder()
                .addTextContent(((ToolOutcome.Failed) outcome).text())
                .isError(true)
                .build();
    }

    /** The input schema, plus the {@code confirm} property for tools that need a confirmation. */
    static JsonNode publishedInput(ToolDef def) {
        if (!def.requiresConfirmation()) {
            return def.inputSchema();
        }
        ObjectNode schema = def.inputSchema().deepCopy();
        ObjectNode properties =
                schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
        if (properties.has(CONFIRM)) {
            throw new IllegalArgumentException(
                    def.name() + " needs confirmation, so its own arguments cannot be named '" + CONFIRM + "'");
        }
        properties
                .putObject(CONFIRM)
                .put("type", "boolean")
                .put(
                        "description",
                        "Set to true only after the user approved this exact call. Clients that support MCP "
                                + "elicitation are asked directly instead and need not send it.");
        return schema;
    }

    private ObjectNode arguments(McpSchema.CallToolRequest request) {
        Map<String, Object> given = request.arguments();
        return given == null ? mapper.createObjectNode() : mapper.valueToTree(given);
    }

    private Map<String, Object> toMap(JsonNode node) {
        return mapper.convertValue(node, MAP);
    }
}
