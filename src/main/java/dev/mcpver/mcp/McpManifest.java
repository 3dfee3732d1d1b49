package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * mcpver's own MCP surface as one JSON document, in the compatibility analyzer's capture-input format:
 * {@code {"server":{"name","version"},"initialize":{…},"tools":[…],"prompts":[…],"resources":[…],
 * "resourceTemplates":[…]}}, each list exactly as the MCP list results carry it. Written to {@code tools/} by
 * {@code mcpver manifest} and compared with the committed copy by a test, so a breaking change to our own surface
 * cannot slip through. Deterministic: same build, byte-identical file.
 */
public final class McpManifest {
    /** Where {@code mcpver manifest} writes by default, relative to the repository root. */
    public static final String DEFAULT_PATH = "tools/mcpver-surface.json";

    private McpManifest() {}

    /** The document as a tree. */
    public static ObjectNode of(McpSurface surface, ObjectMapper mapper) {
        McpJsonMapper wire = surface.jsonMapper();
        ObjectNode manifest = mapper.createObjectNode();
        manifest.putObject("server")
                .put("name", surface.serverInfo().name())
                .put("version", surface.serverInfo().version());
        manifest.set("initialize", wireTree(wire, surface.initializeResult(), mapper));
        manifest.set("tools", wireTree(wire, surface.tools(), mapper));
        manifest.set("prompts", wireTree(wire, surface.prompts(), mapper));
        manifest.set("resources", wireTree(wire, surface.resources(), mapper));
        manifest.set("resourceTemplates", wireTree(wire, surface.resourceTemplates(), mapper));
        return manifest;
    }

    /** The document as committed: 2-space indentation, trailing newline. */
    public static String render(McpSurface surface, ObjectMapper mapper) {
        try {
            return mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(of(surface, mapper))
                    + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serialised exactly as on the wire (the SDK's mapper and annotations), then read back as a tree. */
    private static JsonNode wireTree(McpJsonMapper wire, Object value, ObjectMapper mapper) {
        try {
            return mapper.readTree(wire.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
