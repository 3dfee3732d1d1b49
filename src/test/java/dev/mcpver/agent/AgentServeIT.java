package dev.mcpver.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent in the fat jar: the newcomer's first chat with no key, and a kill -9 in the middle of a run. */
class AgentServeIT {
    private static final String UPGRADE =
            "Can we move filesystem from 2025.8.21 to 2025.11.25 without breaking our agents?";

    @TempDir
    Path directory;

    @Test
    void should_answer_a_newcomers_chat_offline_with_a_full_trace() throws Exception {
        try (JarProcess serve = JarProcess.start(noModel(), "serve", "--port", "0", "--db", db())) {
            HttpTestClient client = new HttpTestClient(serve.awaitPort(Duration.ofSeconds(60)));

            HttpTestClient.Reply reply = client.post("/api/v1/chat", Json.write(Map.of("message", UPGRADE)));
            JsonNode status = client.get("/api/v1/agent/status").json();

            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.json();
            assertThat(body.get("mode").asText()).isEqualTo("offline");
            assertThat(body.get("answer").asText())
                    .startsWith(OfflinePlanner.LABEL)
                    .contains("is an upgrade with a minor change");
            assertThat(body.get("steps").size()).isGreaterThanOrEqualTo(15);
            assertThat(client.get("/api/v1/runs/" + body.get("runId").asText())
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("succeeded");
            assertThat(status.get("mode").asText()).isEqualTo("offline");
            assertThat(status.get("offlineReason").asText()).contains("MCPVER_LLM_API_KEY");
        }
    }

    @Test
    void should_mark_a_run_killed_mid_flight_interrupted_and_keep_its_steps() throws Exception {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        try {
            stubOneToolCallThenHang(wm);
            Map<String, String> env = new HashMap<>(noModel());
            env.put("MCPVER_LLM_BASE_URL", wm.baseUrl() + "/api/v1");
            env.put("MCPVER_LLM_API_KEY", "test-key");
            env.put("MCPVER_LLM_TIMEOUT", "120s");
            String runId;
            int stepsBefore;
            try (JarProcess first = JarProcess.start(env, "serve", "--port", "0", "--db", db())) {
                HttpTestClient client = new HttpTestClient(first.awaitPort(Duration.ofSeconds(60)));
                var pending = startChatInBackground(client); // never completes: the process is killed first
                runId = awaitSecondModelRequest(client);
                stepsBefore =
                        client.get("/api/v1/runs/" + runId).json().get("steps").size();
                first.kill();
                pending.cancel(true);
                first.waitFor(Duration.ofSeconds(30));
            }
            try (JarProcess second = JarProcess.start(env, "serve", "--port", "0", "--db", db())) {
                HttpTestClient client = new HttpTestClient(second.awaitPort(Duration.ofSeconds(60)));
                JsonNode run = client.get("/api/v1/runs/" + runId).json();

                assertThat(run.get("status").asText()).isEqualTo("interrupted");
                assertThat(run.get("errorCode").asText()).isEqualTo("interrupted");
                assertThat(run.get("steps")).hasSize(stepsBefore);
                assertThat(run.get("steps").get(stepsBefore - 1).get("kind").asText())
                        .isEqualTo("model_request");
                assertThat(second.stderrLines())
                        .anyMatch(line -> line.contains("\"operation\":\"AGENT_RUNS_INTERRUPTED\""));
            }
        } finally {
            wm.stop();
        }
    }

    private String db() {
        return directory.resolve("agent.db").toString();
    }

    /** Blank values count as unset: whatever the CI environment holds, no model is configured. */
    private static Map<String, String> noModel() {
        return Map.of(
                "MCPVER_LLM_API_KEY",
                "",
                "OPENROUTER_API_KEY",
                "",
                "MCPVER_LLM_BASE_URL",
                "",
                "MCPVER_AGENT_MODE",
                "auto");
    }

    private static void stubOneToolCallThenHang(WireMockServer wm) {
        String call =
                "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                        + "\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{"
                        + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"semver_compare\",\"arguments\":"
                        + "\"{\\\"a\\\":\\\"1.0.0\\\",\\\"b\\\":\\\"2.0.0\\\"}\"}}]}}],\"usage\":{\"prompt_tokens\":1,"
                        + "\"completion_tokens\":1,\"total_tokens\":2}}";
        wm.stubFor(post(urlPathEqualTo("/api/v1/chat/completions"))
                .inScenario("crash")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(call))
                .willSetStateTo("hang"));
        wm.stubFor(post(urlPathEqualTo("/api/v1/chat/completions"))
                .inScenario("crash")
                .whenScenarioStateIs("hang")
                .willReturn(okJson(call).withFixedDelay(60_000)));
    }

    private static java.util.concurrent.CompletableFuture<HttpResponse<Void>> startChatInBackground(
            HttpTestClient client) {
        return HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/chat"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"compare 1.0.0 and 2.0.0\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }

    /** Polls the trace until the run's second model request is recorded: the run is then waiting on the model. */
    private static String awaitSecondModelRequest(HttpTestClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode conversations = client.get("/api/v1/conversations").json().get("conversations");
            if (!conversations.isEmpty()) {
                String conversation = conversations.get(0).get("id").asText();
                JsonNode runs = client.get("/api/v1/conversations/" + conversation)
                        .json()
                        .get("runs");
                if (!runs.isEmpty()) {
                    String runId = runs.get(0).get("id").asText();
                    List<String> kinds = new java.util.ArrayList<>();
                    client.get("/api/v1/runs/" + runId)
                            .json()
                            .get("steps")
                            .forEach(step -> kinds.add(step.get("kind").asText()));
                    if (kinds.stream().filter("model_request"::equals).count() == 2) {
                        return runId;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the run never reached its second model request");
    }
}
