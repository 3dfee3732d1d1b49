package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's HTTP door in offline mode: no key, no network. */
class AgentHttpTest {
    private static final String COMPARE = "Is 1.10.0 newer than 1.9.3?";

    @TempDir
    Path directory;

    private final AtomicInteger promotions = new AtomicInteger();
    private AgentServer server;
    private AgentHarness harness;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_answer_a_chat_with_the_full_trace() {
        boot();

        HttpTestClient.Reply reply = server.client.post("/api/v1/chat", Json.write(Map.of("message", COMPARE)));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("mode").asText()).isEqualTo("offline");
        assertThat(body.get("status").asText()).isEqualTo("succeeded");
        assertThat(body.get("answer").asText()).startsWith(OfflinePlanner.LABEL).contains("1.10.0 is newer than 1.9.3");
        assertThat(body.get("steps")).hasSize(18);
        assertThat(body.get("steps").get(3).get("kind").asText()).isEqualTo("thought");
        assertThat(body.get("usage").get("total").asInt()).isZero();
        assertThat(body.get("warnings").get(0).asText()).startsWith("offline planner");
    }

    @Test
    void should_list_show_trace_export_and_import_conversations() {
        boot();
        JsonNode chat = server.client
                .post("/api/v1/chat", Json.write(Map.of("message", COMPARE)))
                .json();
        String conversation = chat.get("conversationId").asText();

        JsonNode list = server.client.get("/api/v1/conversations").json();
        JsonNode detail =
                server.client.get("/api/v1/conversations/" + conversation).json();
        JsonNode flat = server.client
                .get("/api/v1/conversations/" + conversation + "/trace")
                .json();
        JsonNode tree = server.client
                .get("/api/v1/conversations/" + conversation + "/trace?view=tree")
                .json();
        HttpTestClient.Reply export = server.client.get("/api/v1/conversations/" + conversation + "/export");

        assertThat(list.get("conversations").get(0).get("title").asText()).isEqualTo(COMPARE);
        assertThat(detail.get("runs").get(0).has("steps")).isFalse();
        assertThat(flat.get("runs").get(0).get("steps")).hasSize(18);
        JsonNode roots = tree.get("runs").get(0).get("steps");
        assertThat(roots.get(1).get("kind").asText()).isEqualTo("model_request");
        assertThat(roots.get(1).get("children").get(0).get("kind").asText()).isEqualTo("model_response");
        assertThat(roots.get(1)
                        .get("children")
                        .get(0)
                        .get("children")
                        .get(0)
                        .get("children")
                        .get(0)
                        .get("kind")
                        .asText())
                .isEqualTo("tool_result");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains(conversation + ".json");
        assertThat(export.text()).isEqualTo(harness.agent.traces().export(conversation));

        AgentHarness other = new AgentHarness(directory.resolve("other"), AgentHarness.offline(), List.of(), null);
        try (AgentServer second = new AgentServer(other)) {
            assertThat(second.client
                            .post("/api/v1/conversations/import", export.text())
                            .status())
                    .isEqualTo(401);
            HttpTestClient.Reply imported = second.post("/api/v1/conversations/import", export.text(), "op");
            assertThat(imported.status()).isEqualTo(201);
            assertThat(imported.json().get("conversationId").asText()).isEqualTo(conversation);
            assertThat(second.post("/api/v1/conversations/import", export.text(), "op")
                            .status())
                    .isEqualTo(409);
            assertThat(second.client
                            .get("/api/v1/conversations/" + conversation + "/export")
                            .text())
                    .isEqualTo(export.text());
        }
    }

    @Test
    void should_show_runs_filter_steps_verify_and_fork() {
        boot();
        String runId = server.client
                .post("/api/v1/chat", Json.write(Map.of("message", COMPARE)))
                .json()
                .get("runId")
                .asText();

        JsonNode run = server.client.get("/api/v1/runs/" + runId).json();
        JsonNode calls = server.client
                .get("/api/v1/runs/" + runId + "/steps?kind=tool_call")
                .json();
        JsonNode window = server.client
                .get("/api/v1/runs/" + runId + "/steps?from=2&to=4")
                .json();
        JsonNode replay = server.client
                .post("/api/v1/runs/" + runId + "/replay", "{\"mode\":\"verify\"}")
                .json();
        HttpTestClient.Reply fork = server.client.post(
                "/api/v1/runs/" + runId + "/fork",
                "{\"fromStep\":0,\"replaceUserMessage\":\"Does 1.4.2 satisfy ^1.2.3?\"}");

        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("planner").get("kind").asText()).isEqualTo("offline");
        assertThat(calls.get("steps"))
                .extracting(step -> step.get("name").asText())
                .containsExactly("semver_compare", "semver_diff");
        assertThat(window.get("steps"))
                .extracting(step -> step.get("index").asInt())
                .containsExactly(2, 3, 4);
        assertThat(replay.get("status").asText()).isEqualTo("identical");
        assertThat(replay.get("diffs")).isEmpty();
        assertThat(server.client
                        .get("/api/v1/runs/" + replay.get("replayRunId").asText())
                        .json()
                        .get("origin")
                        .asText())
                .isEqualTo("replay");
        assertThat(fork.status()).isEqualTo(200);
        assertThat(fork.json().get("answer").asText()).contains("1.4.2 satisfies ^1.2.3");
        assertThat(server.client
                        .get("/api/v1/runs/" + fork.json().get("runId").asText())
                        .json()
                        .get("parentRunId")
                        .asText())
                .isEqualTo(runId);
    }

    @Test
    void should_pause_a_proposed_change_and_resume_on_an_operators_decision() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("p1", "promote_version", "{\"server\":\"filesystem\",\"version\":\"2.0.0\"}")
                .thenAnswer("promoted filesystem 2.0.0");
        harness = new AgentHarness(
                directory, AgentHarness.online(), List.of(SemverToolDoubles.promote(promotions)), model);
        server = new AgentServer(harness);

        JsonNode paused = server.post("/api/v1/chat", Json.write(Map.of("message", "promote it")), "op")
                .json();
        String runId = paused.get("runId").asText();
        HttpTestClient.Reply anonymous =
                server.client.post("/api/v1/runs/" + runId + "/confirm", "{\"decision\":\"approve\"}");
        HttpTestClient.Reply viewer =
                server.post("/api/v1/runs/" + runId + "/confirm", "{\"decision\":\"approve\"}", "view");
        HttpTestClient.Reply invalid =
                server.post("/api/v1/runs/" + runId + "/confirm", "{\"decision\":\"maybe\"}", "op");
        HttpTestClient.Reply approved = server.post(
                "/api/v1/runs/" + runId + "/confirm",
                "{\"decision\":\"approve\",\"comment\":\"release window\"}",
                "op");
        HttpTestClient.Reply again =
                server.post("/api/v1/runs/" + runId + "/confirm", "{\"decision\":\"approve\"}", "op");

        assertThat(paused.get("status").asText()).isEqualTo("awaiting_confirmation");
        assertThat(paused.get("pendingConfirmation").get("tool").asText()).isEqualTo("promote_version");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asText()).contains("approve or reject");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("succeeded");
        assertThat(promotions).hasValue(1);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void should_stream_one_event_per_step_then_the_final_answer() {
        boot();

        HttpTestClient.Reply reply =
                server.client.send(HttpRequest.newBuilder(URI.create(server.client.base() + "/api/v1/chat/stream"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("message", COMPARE))))
                        .build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/event-stream");
        List<String> events = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        for (String line : reply.text().lines().toList()) {
            if (line.startsWith("event: ")) {
                events.add(line.substring(7));
            } else if (line.startsWith("data: ")) {
                data.add(Json.read(line.substring(6)));
            }
        }
        assertThat(events).hasSize(19);
        assertThat(events.subList(0, 18)).containsOnly("step");
        assertThat(events.get(18)).isEqualTo("final");
        assertThat(data.get(0).get("kind").asText()).isEqualTo("user_message");
        assertThat(data.get(18).get("answer").asText()).contains("1.10.0 is newer");
        assertThat(data.get(18).has("steps")).isFalse();
    }

    @Test
    void should_report_status_and_the_tools_the_model_sees() {
        boot();

        JsonNode status = server.client.get("/api/v1/agent/status").json();
        JsonNode tools = server.client.get("/api/v1/agent/tools").json();

        assertThat(status.get("mode").asText()).isEqualTo("offline");
        assertThat(status.get("offlineReason").asText()).contains("MCPVER_LLM_API_KEY");
        assertThat(status.get("online").get("baseUrlHost").asText()).isEqualTo("openrouter.ai");
        assertThat(status.get("online").get("apiKeySet").asBoolean()).isFalse();
        assertThat(status.get("offline").get("intents"))
                .extracting(JsonNode::asText)
                .contains("upgrade_check");
        assertThat(status.get("toolCatalogSha256").asText()).isEqualTo(harness.catalog.sha256());
        assertThat(tools.get("tools"))
                .extracting(tool -> tool.get("name").asText())
                .startsWith("sequentialthinking", "semver_parse")
                .endsWith("final_answer");
    }

    @Test
    void should_answer_bad_requests_with_problems_naming_the_field() {
        boot();

        HttpTestClient.Reply empty = server.client.post("/api/v1/chat", "{\"message\":\"  \"}");
        HttpTestClient.Reply online = server.client.post("/api/v1/chat", "{\"message\":\"hi\",\"mode\":\"online\"}");
        HttpTestClient.Reply badMode = server.client.post("/api/v1/chat", "{\"message\":\"hi\",\"mode\":\"fast\"}");
        HttpTestClient.Reply unknownConversation =
                server.client.post("/api/v1/chat", "{\"message\":\"hi\",\"conversationId\":\"nope\"}");
        HttpTestClient.Reply unknownRun = server.client.get("/api/v1/runs/nope");
        HttpTestClient.Reply badView = server.client.get("/api/v1/conversations/x/trace?view=graph");
        HttpTestClient.Reply badLimit = server.client.get("/api/v1/conversations?limit=0");
        HttpTestClient.Reply badImport = server.post("/api/v1/conversations/import", "{\"formatVersion\":7}", "op");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("message");
        assertThat(online.status()).isEqualTo(400);
        assertThat(online.json().get("detail").asText()).contains("online").contains("MCPVER_LLM_API_KEY");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(unknownConversation.status()).isEqualTo(404);
        assertThat(unknownRun.status()).isEqualTo(404);
        assertThat(unknownRun.contentType()).startsWith("application/problem+json");
        assertThat(badView.status()).isIn(400, 404);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badImport.status()).isEqualTo(400);
        assertThat(badImport.json().get("detail").asText()).contains("formatVersion");
    }

    private void boot() {
        harness = new AgentHarness(directory, AgentHarness.offline(), List.of(), null);
        server = new AgentServer(harness);
    }
}
