package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of a tool. Arguments have already been validated against the input schema. Return
 * {@link ToolOutcome.Failed} for expected domain failures; an {@link IllegalArgumentException} becomes
 * {@code invalid_arguments} and anything else {@code tool_failed}.
 */
@FunctionalInterface
public interface ToolHandler {
    ToolOutcome call(JsonNode arguments, ToolContext context);
}
