package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.tools.ToolCatalog;
import java.util.List;
import java.util.Optional;

/**
 * The tool catalog as resources: {@code mcpver://catalog} (every tool with its schemas, hints, required role and
 * confirmation rule, plus the catalog's SHA-256 that agent traces record) and {@code mcpver://catalog/tools/{name}}
 * (one tool). Lets a model check roles and confirmation before calling, which {@code tools/list} cannot say.
 */
public final class CatalogResources implements ResourceSource {
    static final String CATALOG_URI = "mcpver://catalog";
    static final UriTemplate TOOL = UriTemplate.of("mcpver://catalog/tools/{name}");

    private final ToolCatalog catalog;

    public CatalogResources(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<ResourceDescriptor> resources() {
        return List.of(ResourceDescriptor.json(
                CATALOG_URI,
                "catalog",
                "Tool catalog",
                "Every mcpver tool with input/output schemas, annotations, the role it requires and whether it needs "
                        + "confirmation; sha256 identifies the catalog version recorded in agent traces.",
                Role.VIEWER));
    }

    @Override
    public List<ResourceDescriptor> templates() {
        return List.of(ResourceDescriptor.json(
                TOOL.toString(),
                "catalog_tool",
                "One catalog tool",
                "The catalog entry of one tool by name: schemas, annotations, required role, confirmation rule.",
                Role.VIEWER));
    }

    @Override
    public Optional<ResourceContent> read(String uri, Caller caller) {
        if (uri.equals(CATALOG_URI)) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("sha256", catalog.sha256());
            body.set("tools", catalog.manifest());
            return Optional.of(ResourceContent.json(uri, body));
        }
        return TOOL.match(uri)
                .flatMap(values -> Optional.ofNullable(values.get("name")))
                .flatMap(this::entry)
                .map(tool -> ResourceContent.json(uri, tool));
    }

    private Optional<JsonNode> entry(String name) {
        ArrayNode manifest = catalog.manifest();
        for (JsonNode tool : manifest) {
            if (tool.path("name").asText().equals(name)) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }
}
