package dev.mcpver.surface;

import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceParser;
import dev.mcpver.compat.SurfaceWriter;
import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.json.JsonWriter;
import dev.mcpver.tools.ToolDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates mcpver's own surface file ({@code tools/mcpver.surface.json}) from the tool catalog: what MCP clients
 * and agents see of mcpver. Deterministic (no timestamps), so the committed file only changes with the surface.
 * One small class on purpose: when the MCP server lands it adds prompts, resources and capabilities here.
 */
public final class ToolManifest {
    public static final String FILE = "tools/mcpver.surface.json";

    private ToolManifest() {}

    public static Surface surface(List<ToolDef> tools, String version) {
        List<JsonValue> listed = new ArrayList<>();
        for (ToolDef tool : tools) {
            listed.add(tool(tool));
        }
        JsonValue.JObject capture = JsonObjectBuilder.object()
                .put(
                        "server",
                        JsonObjectBuilder.object()
                                .put("name", "mcpver")
                                .put("version", version)
                                .build())
                .put(
                        "initialize",
                        JsonObjectBuilder.object()
                                .put("protocolVersion", "2025-11-25")
                                .put(
                                        "capabilities",
                                        JsonObjectBuilder.object()
                                                .put("tools", JsonValue.JObject.EMPTY)
                                                .build())
                                .put(
                                        "serverInfo",
                                        JsonObjectBuilder.object()
                                                .put("name", "mcpver")
                                                .put("version", version)
                                                .build())
                                .build())
                .put("tools", new JsonValue.JArray(listed))
                .build();
        Surface parsed = SurfaceParser.parse(capture);
        JsonValue.JObject source = JsonObjectBuilder.object()
                .put("kind", "manifest")
                .put("generator", "mcpver manifest")
                .build();
        return new Surface(
                parsed.schemaVersion(),
                parsed.server(),
                parsed.serverInfo(),
                parsed.protocol(),
                parsed.capabilities(),
                parsed.instructions(),
                parsed.tools(),
                parsed.prompts(),
                parsed.resources(),
                parsed.resourceTemplates(),
                parsed.dependencies(),
                parsed.config(),
                source);
    }

    /** The surface file text: pretty, stable member order, trailing newline. */
    public static String text(List<ToolDef> tools, String version) {
        return JsonWriter.pretty(SurfaceWriter.write(surface(tools, version)));
    }

    private static JsonValue tool(ToolDef tool) {
        return JsonObjectBuilder.object()
                .put("name", tool.name())
                .put("title", tool.title())
                .put("description", tool.description())
                .put("inputSchema", JsonValues.fromJackson(tool.inputSchema()))
                .put("outputSchema", JsonValues.fromJackson(tool.outputSchema()))
                .put(
                        "annotations",
                        JsonObjectBuilder.object()
                                .put("readOnlyHint", tool.hints().readOnly())
                                .put("destructiveHint", tool.hints().destructive())
                                .put("idempotentHint", tool.hints().idempotent())
                                .put("openWorldHint", tool.hints().openWorld())
                                .build())
                .put(
                        "_meta",
                        JsonObjectBuilder.object()
                                .put(
                                        "dev.mcpver/requiredRole",
                                        tool.requiredRole().wireName())
                                .put("dev.mcpver/requiresConfirmation", tool.requiresConfirmation())
                                .build())
                .build();
    }
}
