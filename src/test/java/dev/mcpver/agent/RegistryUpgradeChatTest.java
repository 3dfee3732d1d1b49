package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's question answered offline from the registry: two real releases of the reference filesystem server
 * registered with their recorded surfaces, then the chat over HTTP. The expected numbers come from the analyzer's own
 * HTTP door on the same surfaces, so the test checks that the agent reports the analysis, not a fixed text.
 */
class RegistryUpgradeChatTest {
    private static final String ADMIN = "admin-token-for-upgrade-chat-0123456789";
    private static final Path REAL = Path.of("src/test/resources/compat/evaluation/real");
    private static final String OLD = "2025.8.21";
    private static final String NEW = "2025.11.25";

    @TempDir
    static Path directory;

    static App app;
    static HttpTestClient client;

    @BeforeAll
    static void start() throws IOException {
        Map<String, String> env = Map.of(
                "MCPVER_BOOTSTRAP_TOKEN", ADMIN,
                "MCPVER_DB", TestDatabases.sqliteUrl(directory),
                "MCPVER_HOME", directory.toString());
        app = new App(AppConfig.load(env, Map.of("port", "0"))).start();
        client = new HttpTestClient(app.port());
        String serverId = send(
                        "/api/v1/servers",
                        "{\"name\":\"filesystem\",\"description\":\"files\",\"owner\":\"platform\","
                                + "\"launch\":{\"transport\":\"stdio\",\"command\":\"npx\",\"args\":[\"-y\","
                                + "\"@modelcontextprotocol/server-filesystem\"]}}")
                .get("id")
                .asText();
        for (String version : List.of(OLD, NEW)) {
            send("/api/v1/servers/" + serverId + "/versions", version(version));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode surface(String version) throws IOException {
        return Json.read(
                Files.readString(REAL.resolve("@modelcontextprotocol_server-filesystem@" + version + ".json")));
    }

    private static String version(String version) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("version", version).put("changelog", "release " + version);
        body.putObject("artifact")
                .put("kind", "package")
                .put("location", "npm:@modelcontextprotocol/server-filesystem@" + version)
                .put("sha256", "ab".repeat(32));
        body.set("surface", surface(version));
        return Json.write(body);
    }

    private static JsonNode send(String path, String body) {
        HttpTestClient.Reply reply = client.send("POST", path, ADMIN, body);
        assertThat(reply.status()).as(reply.text()).isBetween(200, 201);
        return reply.json();
    }

    private static JsonNode chat(String message) {
        return send("/api/v1/chat", Json.write(Map.of("message", message, "mode", "offline")));
    }

    private static List<String> toolsCalled(JsonNode chat) {
        List<String> tools = new ArrayList<>();
        String runId = chat.get("runId").asText();
        for (JsonNode step : client.get("/api/v1/runs/" + runId + "/steps?kind=tool_call")
                .json()
                .path("steps")) {
            tools.add(step.get("name").asText());
        }
        return tools;
    }

    @Test
    void should_answer_an_upgrade_question_from_the_registered_surfaces() throws IOException {
        ObjectNode direct = Json.mapper().createObjectNode();
        direct.set("old", surface(OLD));
        direct.set("new", surface(NEW));
        JsonNode expected = send("/api/v1/compat/analyze", Json.write(direct));

        JsonNode answer = chat("Can we move filesystem from " + OLD + " to " + NEW + " without breaking our agents?");

        int breaking = expected.at("/counts/breaking").asInt();
        assertThat(answer.get("answer").asText())
                .startsWith(OfflinePlanner.LABEL)
                .contains(breaking > 0 ? "No: moving filesystem" : "moving filesystem")
                .contains("found " + breaking + " breaking, "
                        + expected.at("/counts/potentially_breaking").asInt() + " potentially breaking and "
                        + expected.at("/counts/non_breaking").asInt() + " non-breaking changes")
                .contains("requires a " + expected.get("requiredBump").asText() + " bump");
        assertThat(toolsCalled(answer)).containsExactly(UpgradeIntents.COMPARE_VERSIONS);
    }

    @Test
    void should_fall_back_to_the_version_numbers_when_the_server_is_not_registered() {
        JsonNode answer = chat("Can we upgrade express from 4.17.1 to 5.0.0 safely?");

        assertThat(answer.get("answer").asText())
                .contains("I could not compare the surfaces (not_found")
                .contains("is an upgrade with a major change");
        assertThat(toolsCalled(answer))
                .containsExactly(UpgradeIntents.COMPARE_VERSIONS, "semver_compare", "semver_diff");
    }
}
