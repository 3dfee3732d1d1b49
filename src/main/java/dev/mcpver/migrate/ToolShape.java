package dev.mcpver.migrate;

import org.jspecify.annotations.Nullable;

/**
 * One tool of a server's surface, schemas as canonical JSON text (sorted keys), so equal schemas compare equal.
 *
 * @param name tool name
 * @param description tool description
 * @param inputSchema canonical JSON of {@code inputSchema}
 * @param outputSchema canonical JSON of {@code outputSchema}; null when the tool declares none
 * @param readOnly the effective {@code readOnlyHint}
 */
public record ToolShape(
        String name,
        String description,
        String inputSchema,
        @Nullable String outputSchema,
        boolean readOnly) {
    public ToolShape {
        if (name.isBlank() || inputSchema.isBlank()) {
            throw new IllegalArgumentException("a tool needs a name and an input schema");
        }
    }
}
