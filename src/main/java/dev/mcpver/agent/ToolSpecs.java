package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.mcpver.json.Json;
import dev.mcpver.tools.ToolDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LangChain4j tool specifications generated from catalog entries. Each property schema is passed through verbatim
 * ({@link JsonRawSchema}), so the model sees exactly the schema the catalog validates against — constraints such as
 * {@code minimum} or {@code pattern} included. Root keywords other than the object shape (and {@code $schema}, which
 * providers reject) cannot be expressed by a LangChain4j object schema; {@link #unsupportedRootKeywords} lists them
 * and a test keeps the catalog free of them.
 */
final class ToolSpecs {
    private static final Set<String> ROOT_KEYWORDS =
            Set.of("type", "properties", "required", "additionalProperties", "description", "title", "$schema");

    private ToolSpecs() {}

    static ToolSpecification of(ToolDef def) {
        return ToolSpecification.builder()
                .name(def.name())
                .description(def.description())
                .parameters(parameters(def.inputSchema()))
                .build();
    }

    /** Root keywords of an input schema the model-facing spec would drop. */
    static List<String> unsupportedRootKeywords(JsonNode inputSchema) {
        List<String> dropped = new ArrayList<>();
        inputSchema.fieldNames().forEachRemaining(name -> {
            if (!ROOT_KEYWORDS.contains(name)) {
                dropped.add(name);
            }
        });
        return dropped;
    }

    private static JsonObjectSchema parameters(JsonNode schema) {
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        schema.path("properties")
                .properties()
                .forEach(property ->
                        properties.put(property.getKey(), JsonRawSchema.from(Json.write(property.getValue()))));
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder().addProperties(properties);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        builder.required(required);
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean()) {
            builder.additionalProperties(additional.booleanValue());
        }
        if (schema.hasNonNull("description")) {
            builder.description(schema.get("description").asText());
        }
        return builder.build();
    }
}
