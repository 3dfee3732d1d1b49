package dev.mcpver.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prompts and resources for both server kinds. Unlike tool failures, a bad {@code prompts/get} or
 * {@code resources/read} is a protocol error (JSON-RPC {@code -32602} invalid params, {@code -32002} resource not
 * found), as the MCP specification asks.
 */
final class ReadAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ReadAdapter.class);

    static McpSchema.Prompt describe(PromptTemplate template) {
        List<McpSchema.PromptArgument> arguments = template.arguments().stream()
                .map(a -> new McpSchema.PromptArgument(a.name(), a.description(), a.required()))
                .toList();
        return new McpSchema.Prompt(template.name(), template.title(), template.description(), arguments);
    }

    static McpSchema.GetPromptResult get(PromptTemplate template, McpSchema.GetPromptRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> given = request.arguments();
        if (given != null) {
            given.forEach((name, value) -> values.put(name, value == null ? "" : String.valueOf(value)));
        }
        try {
            String text = template.render(values);
            return new McpSchema.GetPromptResult(
                    template.description(),
                    List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))));
        } catch (IllegalArgumentException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message(String.valueOf(e.getMessage()))
                    .build();
        }
    }

    static McpSchema.Resource resource(ResourceDescriptor d) {
        return McpSchema.Resource.builder()
                .uri(d.uri())
                .name(d.name())
                .title(d.title())
                .description(d.description())
                .mimeType(d.mimeType())
                .build();
    }

    static McpSchema.ResourceTemplate template(ResourceDescriptor d) {
        return McpSchema.ResourceTemplate.builder()
                .uriTemplate(d.uri())
                .name(d.name())
                .title(d.title())
                .description(d.description())
                .mimeType(d.mimeType())
                .build();
    }

    McpSchema.ReadResourceResult read(McpSurface.Published published, String uri, CallScope scope) {
        ResourceDescriptor d = published.descriptor();
        if (!scope.caller().may(d.requiredRole())) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
                    .message("forbidden: " + uri + " needs the "
                            + d.requiredRole().wireName() + " role; "
                            + scope.caller().subject() + " has "
                            + scope.caller().role().wireName())
                    .build();
        }
        Optional<ResourceContent> content = readFrom(published, uri, scope);
        if (content.isEmpty()) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        ResourceContent c = content.get();
        return new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(c.uri(), c.mimeType(), c.text())));
    }

    private static Optional<ResourceContent> readFrom(McpSurface.Published published, String uri, CallScope scope) {
        try {
            return published.source().read(uri, scope.caller());
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "MCP_RESOURCE_FAILED")
                    .addKeyValue("uri", uri)
                    .addKeyValue("requestId", scope.requestId())
                    .setCause(e)
                    .log("reading {} failed", uri);
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                    .message("reading " + uri + " failed; the server log has details under requestId "
                            + scope.requestId())
                    .build();
        }
    }
}
