package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.mcpver.json.Json;
import dev.mcpver.store.JdbiTraceStore;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model sees exactly the schemas the catalog validates: no drift between the doors. */
class ToolSpecsTest {
    @TempDir
    Path directory;

    @Test
    void should_pass_every_catalog_schema_through_to_the_model_unchanged() {
        List<ToolDef> catalog = new ArrayList<>(SemverTools.all());
        catalog.add(new SequentialThinking().toolDef());
        catalog.addAll(TraceTools.all(new JdbiTraceStore(dev.mcpver.testing.TestDatabases.sqlite(directory))));

        for (ToolDef def : catalog) {
            ToolSpecification spec = ToolSpecs.of(def);
            JsonObjectSchema parameters = spec.parameters();
            JsonNode schema = def.inputSchema();

            assertThat(spec.name()).isEqualTo(def.name());
            assertThat(spec.description()).isEqualTo(def.description());
            assertThat(ToolSpecs.unsupportedRootKeywords(schema)).as(def.name()).isEmpty();
            assertThat(parameters.properties().keySet())
                    .as(def.name())
                    .containsExactlyElementsOf(() -> schema.path("properties").fieldNames());
            parameters
                    .properties()
                    .forEach((name, element) -> assertThat(Json.read(((JsonRawSchema) element).schema()))
                            .as(def.name() + "." + name)
                            .isEqualTo(schema.path("properties").path(name)));
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(field -> required.add(field.asText()));
            assertThat(parameters.required()).as(def.name()).isEqualTo(required);
            if (schema.has("additionalProperties")) {
                assertThat(parameters.additionalProperties())
                        .isEqualTo(schema.get("additionalProperties").asBoolean());
            }
        }
    }

    @Test
    void should_name_root_keywords_a_model_facing_schema_would_lose() {
        JsonNode schema = Json.read("{\"type\":\"object\",\"properties\":{},\"oneOf\":[{}],\"$defs\":{}}");

        assertThat(ToolSpecs.unsupportedRootKeywords(schema)).containsExactly("oneOf", "$defs");
    }
}
