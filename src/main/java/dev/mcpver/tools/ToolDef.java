package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Role;
import java.util.regex.Pattern;

/**
 * One tool of the catalog.
 *
 * @param name programmatic id, {@code [A-Za-z0-9_.-]{1,64}} (MCP naming guidance)
 * @param title human-readable name
 * @param description written for a model: when to use it, what it returns, what it does not do
 * @param inputSchema JSON Schema 2020-12 of the arguments; an object schema
 * @param outputSchema JSON Schema of the result ({@code structuredContent} over MCP); an object schema
 * @param hints truthful MCP annotations
 * @param requiredRole the least role that may call it
 * @param requiresConfirmation state-changing: the agent only proposes it, and MCP callers must confirm
 * @param handler the implementation
 */
public record ToolDef(
        String name,
        String title,
        String description,
        JsonNode inputSchema,
        JsonNode outputSchema,
        ToolHints hints,
        Role requiredRole,
        boolean requiresConfirmation,
        ToolHandler handler) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ToolDef {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must match [A-Za-z0-9_.-]{1,64}: " + name);
        }
        requireObjectSchema(name, "inputSchema", inputSchema);
        requireObjectSchema(name, "outputSchema", outputSchema);
        if (!hints.readOnly() && !requiresConfirmation && requiredRole == Role.VIEWER) {
            throw new IllegalArgumentException(name + " changes state: it needs a role above viewer or a confirmation");
        }
    }

    /** A read-only tool anyone with viewer rights may call. */
    public static ToolDef readOnly(
            String name, String title, String description, JsonNode input, JsonNode output, ToolHandler handler) {
        return new ToolDef(
                name, title, description, input, output, ToolHints.readOnlyClosed(), Role.VIEWER, false, handler);
    }

    private static void requireObjectSchema(String tool, String which, JsonNode schema) {
        if (!schema.isObject() || !"object".equals(schema.path("type").asText())) {
            throw new IllegalArgumentException(
                    tool + ": " + which + " must be a JSON Schema with \"type\": \"object\"");
        }
    }
}
