package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.compat.Bump;
import dev.mcpver.compat.Change;
import dev.mcpver.compat.CompatAnalyzer;
import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Level;
import dev.mcpver.compat.Policy;
import dev.mcpver.compat.SurfaceParser;
import dev.mcpver.json.Json;
import dev.mcpver.surface.JsonValues;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dog-food: {@code tools/mcpver-surface.json} describes what the real composition serves, and the current surface
 * does not break clients of the committed one unless the project's version says so.
 */
class McpManifestTest {
    private static final Path COMMITTED = Path.of(McpManifest.DEFAULT_PATH);

    @TempDir
    static Path directory;

    private static App app;

    @BeforeAll
    static void start() {
        app = new App(AppConfig.load(
                        Map.of(),
                        Map.of("port", "0", "db", directory.resolve("m.db").toString(), "home", directory.toString())))
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void should_list_exactly_what_a_real_client_receives() throws IOException {
        JsonNode manifest = McpManifest.of(app.mcpSurface(), Json.mapper());
        McpJsonMapper wire = app.mcpSurface().jsonMapper();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + app.port())
                .build();
        try (McpSyncClient client = McpClient.sync(transport).build()) {
            JsonNode init = Json.read(wire.writeValueAsString(client.initialize()));
            JsonNode tools =
                    Json.read(wire.writeValueAsString(client.listTools().tools()));
            JsonNode prompts =
                    Json.read(wire.writeValueAsString(client.listPrompts().prompts()));
            JsonNode templates = Json.read(
                    wire.writeValueAsString(client.listResourceTemplates().resourceTemplates()));

            assertThat(manifest.get("initialize")).isEqualTo(init);
            assertThat(manifest.get("tools")).isEqualTo(tools);
            assertThat(manifest.get("prompts")).isEqualTo(prompts);
            assertThat(manifest.get("resourceTemplates")).hasSameSizeAs(templates);
        }
    }

    @Test
    void should_not_break_clients_of_the_committed_manifest() throws IOException {
        assertThat(COMMITTED)
                .as("the committed manifest; create it with: java -jar target/mcpver.jar manifest")
                .exists();
        JsonNode committed = Json.read(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        JsonNode current = McpManifest.of(app.mcpSurface(), Json.mapper());

        CompatReport report = new CompatAnalyzer()
                .analyze(
                        SurfaceParser.parse(JsonValues.fromJackson(committed)),
                        SurfaceParser.parse(JsonValues.fromJackson(current)),
                        Policy.DEFAULT);

        assertThat(
                        report.requiredBump() == Bump.MAJOR && report.underBumped()
                                ? report.changes().stream()
                                        .filter(change -> change.level() == Level.BREAKING)
                                        .map(Change::message)
                                        .toList()
                                : List.<String>of())
                .as("breaking changes to mcpver's own MCP surface since " + COMMITTED + " (bump the major version, or "
                        + "the minor in 0.x, then regenerate it with: java -jar target/mcpver.jar manifest)")
                .isEmpty();
    }

    @Test
    void should_match_the_committed_manifest_so_that_tools_stays_true() throws IOException {
        // tools/ is the published description of our surface: any change, even an additive one, is regenerated
        // and reviewed in the same commit rather than discovered by a client.
        assertThat(McpManifest.render(app.mcpSurface(), Json.mapper()))
                .as("tools/mcpver-surface.json is stale; regenerate it with: java -jar target/mcpver.jar manifest")
                .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    }

    @Test
    void should_render_deterministically() {
        assertThat(McpManifest.render(app.mcpSurface(), Json.mapper()))
                .isEqualTo(McpManifest.render(app.mcpSurface(), Json.mapper()))
                .endsWith("}\n");
    }
}
