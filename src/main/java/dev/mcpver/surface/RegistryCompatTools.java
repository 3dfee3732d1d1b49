package dev.mcpver.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.compat.ReportFormat;
import dev.mcpver.compat.SurfaceException;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The analyzer over the registry: compare two registered versions of a server by their stored surfaces, so an agent
 * (or another agent over MCP) answers "can we move X from A to B" without fetching and passing whole surfaces.
 */
public final class RegistryCompatTools {
    private RegistryCompatTools() {}

    public static List<ToolDef> definitions(CompatService service, RegistryService registry, ObjectMapper mapper) {
        return List.of(ToolDef.readOnly(
                "compat_compare_versions",
                "Compare two registered versions",
                "Compare the registered surfaces of two versions of one server (from = what clients use now, to = the"
                        + " candidate; to may be older for a rollback) and return the compatibility report: every"
                        + " change with rule id, level, consumer and target, renames, the bump the move requires, the"
                        + " bump the version numbers declare and whether that under-bumps. Fails with no_surface when"
                        + " a version was registered without a surface (snapshot it first).",
                CompatTools.schema(mapper, "compat_compare_versions.input"),
                CompatTools.schema(mapper, "compat_compare_versions.output"),
                (args, context) -> compare(service, registry, mapper, args)));
    }

    private static ToolOutcome compare(
            CompatService service, RegistryService registry, ObjectMapper mapper, JsonNode args) {
        String serverRef = args.path("server").asText();
        Optional<Server> server = registry.serverByIdOrName(serverRef);
        if (server.isEmpty()) {
            return ToolOutcome.failed(
                    "not_found", "no registered server '" + serverRef + "' (registry_list_servers lists them)");
        }
        String serverId = server.get().id();
        Optional<ServerVersion> from =
                registry.version(serverId, args.path("from").asText());
        Optional<ServerVersion> to = registry.version(serverId, args.path("to").asText());
        if (from.isEmpty() || to.isEmpty()) {
            String missing = args.path(from.isEmpty() ? "from" : "to").asText();
            return ToolOutcome.failed(
                    "not_found",
                    serverRef + " has no registered version " + missing + " (registry_list_versions lists them)");
        }
        for (ServerVersion version : List.of(from.get(), to.get())) {
            if (version.surface() == null) {
                return ToolOutcome.failed(
                        "no_surface",
                        serverRef + " " + version.version() + " was registered without a surface: snapshot it"
                                + " (snapshot_server) and register the surface to compare it");
            }
        }
        return analyze(service, mapper, args, from.get(), to.get());
    }

    private static ToolOutcome analyze(
            CompatService service, ObjectMapper mapper, JsonNode args, ServerVersion from, ServerVersion to) {
        JsonNode policy = args.path("policy");
        CompatService.Request request = new CompatService.Request(
                versioned(from), versioned(to), policy.isMissingNode() ? null : policy, List.of());
        try {
            JsonNode report = mapper.readTree(
                    service.analyze(request, ReportFormat.JSON, "").text());
            ObjectNode out = mapper.createObjectNode();
            out.put("server", args.path("server").asText());
            out.put("from", from.version());
            out.put("to", to.version());
            out.set("report", report);
            return ToolOutcome.ok(out);
        } catch (SurfaceException e) {
            return ToolOutcome.failed("invalid_surface", String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored surface with the registry's version as its package version: the declared bump is judged on the
     * versions the registry orders, whatever the snapshot recorded.
     */
    private static JsonNode versioned(ServerVersion version) {
        JsonNode surface = java.util.Objects.requireNonNull(version.surface());
        if (!surface.isObject()) {
            return surface;
        }
        ObjectNode copy = surface.deepCopy();
        JsonNode server = copy.path("server");
        ObjectNode identity = server.isObject() ? (ObjectNode) server : copy.putObject("server");
        if (!identity.has("name")) {
            identity.put("name", version.serverId());
        }
        identity.put("version", version.version());
        return copy;
    }
}
