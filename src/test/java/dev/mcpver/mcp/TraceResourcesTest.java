package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat's trace read back by a real MCP client as resources, as another agent would before acting on it. */
class TraceResourcesTest {
    @TempDir
    Path directory;

    private static String text(McpSchema.ReadResourceResult result) {
        return ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    }

    @Test
    void should_serve_conversations_and_runs_with_their_steps_and_not_found_for_unknown_ids() {
        try (App app = new App(AppConfig.load(
                        Map.of(),
                        Map.of("port", "0", "db", directory.resolve("t.db").toString(), "home", directory.toString())))
                .start()) {
            JsonNode chat = new HttpTestClient(app.port())
                    .post("/api/v1/chat", Json.write(Map.of("message", "Does 1.4.2 satisfy ^1.2.3?")))
                    .json();
            String runId = chat.get("runId").asText();
            String conversationId = chat.get("conversationId").asText();

            try (McpSyncClient client = McpClient.sync(
                            HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + app.port())
                                    .build())
                    .build()) {
                client.initialize();
                JsonNode list = Json.read(
                        text(client.readResource(new McpSchema.ReadResourceRequest("mcpver://conversations"))));
                JsonNode conversation = Json.read(text(client.readResource(
                        new McpSchema.ReadResourceRequest("mcpver://conversations/" + conversationId))));
                JsonNode run = Json.read(
                        text(client.readResource(new McpSchema.ReadResourceRequest("mcpver://runs/" + runId))));

                assertThat(list.at("/conversations/0/id").asText()).isEqualTo(conversationId);
                assertThat(conversation.at("/runs/0/id").asText()).isEqualTo(runId);
                assertThat(run.get("steps").size()).isEqualTo(chat.get("steps").size());
                assertThat(run.get("steps").findValuesAsText("kind")).contains("tool_call", "tool_result");
                assertThatThrownBy(() -> client.readResource(new McpSchema.ReadResourceRequest("mcpver://runs/nope")))
                        .hasMessageContaining("not found");
            }
        }
    }
}
