package dev.mcpver.mcp;

import dev.mcpver.auth.Caller;
import java.util.List;
import java.util.Optional;

/**
 * A port through which a feature publishes MCP resources without touching the MCP code: the registry its servers,
 * versions and surfaces ({@code mcpver://servers/{id}/versions/{version}/surface}), the agent its stored traces
 * ({@code mcpver://runs/{id}/trace}, {@code mcpver://conversations/{id}}). {@code App} registers each source with the
 * {@link McpSurface}; the MCP door checks the descriptor's role before calling {@link #read}.
 *
 * <pre>{@code
 * final class TraceResources implements ResourceSource {
 *     public List<ResourceDescriptor> templates() {
 *         return List.of(ResourceDescriptor.json("mcpver://runs/{id}/trace", "run_trace", "Run trace",
 *                 "Every step of one agent run, in order", Role.VIEWER));
 *     }
 *     public Optional<ResourceContent> read(String uri, Caller caller) {
 *         return TEMPLATE.match(uri).flatMap(id -> traces.export(id)).map(json -> ResourceContent.json(uri, json));
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe; {@link #read} may run concurrently for many sessions.
 */
public interface ResourceSource {
    /** Resources with a fixed URI, listed by {@code resources/list}. */
    default List<ResourceDescriptor> resources() {
        return List.of();
    }

    /** URI templates (RFC 6570, level 1), listed by {@code resources/templates/list}. */
    default List<ResourceDescriptor> templates() {
        return List.of();
    }

    /**
     * Reads a URI that matched one of this source's resources or templates.
     *
     * @param caller who asks (already holds the descriptor's role); sources may narrow what it sees
     * @return the content, or empty when nothing is stored under that URI (the client gets "resource not found")
     */
    Optional<ResourceContent> read(String uri, Caller caller);
}
