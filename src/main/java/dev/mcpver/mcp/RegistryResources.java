package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as resources: {@code mcpver://servers} (the registered servers), {@code mcpver://servers/{id}} (one
 * server with its versions, newest first) and {@code mcpver://servers/{id}/versions/{version}/surface} (the MCP
 * surface snapshot registered with a version), so a client can read what a version offers before upgrading.
 */
public final class RegistryResources implements ResourceSource {
    static final String SERVERS_URI = "mcpver://servers";
    static final UriTemplate SERVER = UriTemplate.of("mcpver://servers/{id}");
    static final UriTemplate SURFACE = UriTemplate.of("mcpver://servers/{id}/versions/{version}/surface");

    private static final ObjectMapper MAPPER = Json.mapper();

    private final RegistryService registry;

    public RegistryResources(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public List<ResourceDescriptor> resources() {
        return List.of(ResourceDescriptor.json(
                SERVERS_URI,
                "servers",
                "Registered MCP servers",
                "Every server in mcpver's registry (first 200 by name) with its launch definition and packages.",
                Role.VIEWER));
    }

    @Override
    public List<ResourceDescriptor> templates() {
        return List.of(
                ResourceDescriptor.json(
                        SERVER.toString(),
                        "server",
                        "One registered server",
                        "A server by id with its versions, newest first by SemVer precedence, and their stages.",
                        Role.VIEWER),
                ResourceDescriptor.json(
                        SURFACE.toString(),
                        "version_surface",
                        "A version's MCP surface",
                        "The surface snapshot (tools, prompts, resources) registered with one version of a server.",
                        Role.VIEWER));
    }

    @Override
    public Optional<ResourceContent> read(String uri, Caller caller) {
        if (uri.equals(SERVERS_URI)) {
            ObjectNode body = MAPPER.createObjectNode();
            body.set(
                    "items",
                    MAPPER.valueToTree(registry.servers(ServerQuery.all()).items()));
            return Optional.of(ResourceContent.json(uri, body));
        }
        Optional<Map<String, String>> surface = SURFACE.match(uri);
        if (surface.isPresent()) {
            return server(surface.get())
                    .flatMap(s -> registry.version(s.id(), surface.get().getOrDefault("version", "")))
                    .flatMap(v -> Optional.ofNullable(v.surface()))
                    .map(json -> ResourceContent.json(uri, json));
        }
        return SERVER.match(uri).flatMap(this::server).map(server -> {
            ObjectNode body = MAPPER.valueToTree(server);
            body.set("versions", MAPPER.valueToTree(registry.versions(server.id())));
            return ResourceContent.json(uri, body);
        });
    }

    private Optional<Server> server(Map<String, String> values) {
        return Optional.ofNullable(values.get("id")).flatMap(registry::server);
    }
}
