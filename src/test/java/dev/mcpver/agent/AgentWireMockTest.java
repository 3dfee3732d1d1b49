package dev.mcpver.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent through LangChain4j's real {@code OpenAiChatModel} against WireMock speaking the OpenAI wire format: the
 * happy path with several tool rounds and every row of agent.md §5's failure table (the crash row is
 * {@code AgentCrashIT}). Each test checks the HTTP answer, the wire, and the persisted trace.
 */
class AgentWireMockTest {
    private static final String PATH = "/api/v1/chat/completions";
    private static final String COMPARE_ARGS = "{\"a\":\"1.2.0\",\"b\":\"1.10.0\"}";

    @TempDir
    Path directory;

    private WireMockServer wm;
    private AgentHarness harness;
    private AgentServer server;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        wm.stop();
    }

    @Test
    void should_run_several_tool_rounds_through_the_openai_wire_format() {
        scenario(
                toolCalls(
                        call(
                                "call_1",
                                "sequentialthinking",
                                "{\"thought\":\"compare the two\",\"nextThoughtNeeded\":true,\"thoughtNumber\":1,\"totalThoughts\":1}")),
                toolCalls(call("call_2", "semver_compare", COMPARE_ARGS), call("call_3", "semver_diff", COMPARE_ARGS)),
                text("1.10.0 is newer than 1.2.0: a minor step."));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("Is 1.10.0 newer than 1.2.0?");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("mode").asText()).isEqualTo("online");
        assertThat(body.get("answer").asText()).isEqualTo("1.10.0 is newer than 1.2.0: a minor step.");
        assertThat(body.get("usage").get("total").asInt()).isEqualTo(210);
        // the wire: three requests, credentials and attribution on each, the exact tool schemas, the tool messages
        wm.verify(
                exactly(3),
                postRequestedFor(urlPathEqualTo(PATH))
                        .withHeader("Authorization", equalTo("Bearer test-key"))
                        .withHeader("HTTP-Referer", equalTo("http://localhost"))
                        .withHeader("X-Title", equalTo("mcpver"))
                        .withHeader("X-OpenRouter-Title", equalTo("mcpver"))
                        .withRequestBody(matchingJsonPath("$.model", equalTo("anthropic/claude-sonnet-4")))
                        .withRequestBody(matchingJsonPath("$.provider.require_parameters", equalTo("true")))
                        .withRequestBody(matchingJsonPath("$.parallel_tool_calls", equalTo("false")))
                        .withRequestBody(matchingJsonPath("$.tools[?(@.function.name == 'semver_compare')]"))
                        .withRequestBody(matchingJsonPath("$.tools[?(@.function.name == 'final_answer')]"))
                        .withRequestBody(matchingJsonPath(
                                "$.tools[?(@.function.name == 'sequentialthinking')].function.parameters.properties"
                                        + ".thoughtNumber.maximum",
                                equalTo("9007199254740991"))));
        List<JsonNode> requests = requestBodies();
        assertThat(requests.get(0).get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(toolMessages(requests.get(1))).containsExactly("call_1");
        assertThat(toolMessages(requests.get(2))).containsExactly("call_1", "call_2", "call_3");
        JsonNode thoughtResult = requests.get(1).get("messages").get(3);
        assertThat(thoughtResult.get("content").asText())
                .isEqualTo("{\n  \"thoughtNumber\": 1,\n  \"totalThoughts\": 1,\n"
                        + "  \"nextThoughtNeeded\": true,\n  \"branches\": [],\n  \"thoughtHistoryLength\": 1\n}");
        // the trace
        String runId = body.get("runId").asText();
        assertThat(harness.kinds(runId))
                .containsExactly(
                        StepKind.USER_MESSAGE,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.THOUGHT,
                        StepKind.TOOL_RESULT,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.TOOL_CALL,
                        StepKind.TOOL_RESULT,
                        StepKind.TOOL_CALL,
                        StepKind.TOOL_RESULT,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.FINAL_ANSWER);
        Step response = harness.store.steps(runId).get(2);
        assertThat(response.usage()).isEqualTo(new TokenCounts(50, 20, 70));
        assertThat(response.finishReason()).isEqualTo("tool_execution");
        assertThat(response.name()).isEqualTo("anthropic/claude-sonnet-4");
        Run run = harness.store.run(runId).orElseThrow();
        assertThat(run.modelProvider()).isEqualTo("openrouter");
        assertThat(run.usage().total()).isEqualTo(210);
        assertNoSecretStored();
    }

    @Test
    void should_wait_for_retry_after_and_retry_a_rate_limited_call() {
        scenario(
                aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(error(429, "Rate limit exceeded")),
                text("done"));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(200);
        wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(harness.sleeps).containsExactly(Duration.ofSeconds(1));
        List<Step> steps = harness.store.steps(reply.json().get("runId").asText());
        assertThat(steps)
                .extracting(Step::kind)
                .containsExactly(
                        StepKind.USER_MESSAGE,
                        StepKind.MODEL_REQUEST,
                        StepKind.ERROR,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.FINAL_ANSWER);
        Step error = steps.get(2);
        assertThat(error.errorType()).isEqualTo("model_rate_limited");
        assertThat(error.retryable()).isTrue();
        assertThat(error.payload().get("providerStatus").asInt()).isEqualTo(429);
        assertThat(error.payload().get("retryAfterMs").asLong()).isEqualTo(1000);
        assertThat(error.payload().get("waitMs").asLong()).isEqualTo(1000);
        assertThat(steps.get(3).attempt()).isEqualTo(2);
        assertThat(steps.get(3).payload().has("newMessages")).isFalse();
    }

    @Test
    void should_answer_503_with_retry_after_when_rate_limits_outlast_the_retries() {
        wm.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "2")
                        .withBody(error(429, "Rate limit exceeded"))));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("Retry-After")).isEqualTo("2");
        JsonNode problem = reply.json();
        assertThat(problem.get("code").asText()).isEqualTo("model_rate_limited");
        assertThat(problem.get("retryAfterSeconds").asInt()).isEqualTo(2);
        String runId = problem.get("runId").asText();
        wm.verify(exactly(4), postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(harness.sleeps).hasSize(3).allMatch(wait -> wait.compareTo(Duration.ofSeconds(2)) >= 0);
        assertThat(harness.kinds(runId).stream().filter(kind -> kind == StepKind.ERROR))
                .hasSize(4);
        Run run = harness.store.run(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorCode()).isEqualTo("model_rate_limited");
    }

    @Test
    void should_retry_a_server_error_with_backoff() {
        scenario(aResponse().withStatus(502).withBody(error(502, "Provider returned error")), text("done"));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(200);
        wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(harness.sleeps).hasSize(1);
        assertThat(harness.sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(600));
        Step error = harness.store.steps(reply.json().get("runId").asText()).get(2);
        assertThat(error.errorType()).isEqualTo("model_unavailable");
        assertThat(error.payload().get("body").asText()).contains("Provider returned error");
    }

    @Test
    void should_treat_an_error_inside_an_http_200_as_a_retryable_provider_error() {
        scenario(okJson(error(502, "Upstream error mid-generation")), text("done"));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(200);
        Step error = harness.store.steps(reply.json().get("runId").asText()).get(2);
        assertThat(error.errorType()).isEqualTo("provider_error");
        assertThat(error.errorMessage()).contains("Upstream error mid-generation");
        assertThat(error.payload().get("providerStatus").asInt()).isEqualTo(502);
        assertThat(error.payload().get("body").asText()).contains("\"error\"");
    }

    @Test
    void should_answer_504_when_every_attempt_times_out() {
        wm.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(text("late").build().getBody()).withFixedDelay(3000)));
        boot(1, 12, Duration.ofSeconds(1));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.json().get("code").asText()).isEqualTo("model_timeout");
        String runId = reply.json().get("runId").asText();
        assertThat(harness.kinds(runId))
                .containsExactly(
                        StepKind.USER_MESSAGE,
                        StepKind.MODEL_REQUEST,
                        StepKind.ERROR,
                        StepKind.MODEL_REQUEST,
                        StepKind.ERROR);
        assertThat(harness.store.steps(runId).get(2).retryable()).isTrue();
    }

    @Test
    void should_retry_after_a_connection_reset() {
        scenario(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), text("done"));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(200);
        Step error = harness.store.steps(reply.json().get("runId").asText()).get(2);
        assertThat(error.errorType()).isEqualTo("model_connection_failed");
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void should_not_retry_a_rejected_api_key_and_say_which_setting_to_check() {
        wm.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(401).withBody(error(401, "No auth credentials found"))));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(502);
        JsonNode problem = reply.json();
        assertThat(problem.get("code").asText()).isEqualTo("model_auth_failed");
        assertThat(problem.get("detail").asText()).contains("MCPVER_LLM_API_KEY");
        assertThat(problem.has("retryAfterSeconds")).isFalse();
        wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(harness.sleeps).isEmpty();
        Step error = harness.store.steps(problem.get("runId").asText()).get(2);
        assertThat(error.retryable()).isFalse();
        assertNoSecretStored();
    }

    @Test
    void should_not_retry_exhausted_credits() {
        wm.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(402).withBody(error(402, "Insufficient credits"))));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().get("code").asText()).isEqualTo("model_credits_exhausted");
        wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(harness.store
                        .run(reply.json().get("runId").asText())
                        .orElseThrow()
                        .status())
                .isEqualTo(RunStatus.FAILED);
    }

    @Test
    void should_not_retry_an_unknown_model() {
        wm.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(404).withBody(error(404, "No endpoints found for model"))));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("hello");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().get("code").asText()).isEqualTo("model_not_found");
        wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void should_answer_malformed_arguments_and_send_a_valid_history_copy_next() {
        scenario(toolCalls(call("call_1", "semver_compare", "{\"candidate\": \"2.0")), text("could not compare"));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("compare");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode second = requestBodies().get(1);
        JsonNode assistant = second.get("messages").get(2);
        assertThat(assistant
                        .get("tool_calls")
                        .get(0)
                        .get("function")
                        .get("arguments")
                        .asText())
                .isEqualTo("{}");
        assertThat(second.get("messages").get(3).get("content").asText()).startsWith("invalid_arguments: ");
        List<Step> steps = harness.store.steps(reply.json().get("runId").asText());
        assertThat(steps.get(3).status()).isEqualTo("error");
        assertThat(steps.get(3).payload().get("rawArguments").asText()).isEqualTo("{\"candidate\": \"2.0");
    }

    @Test
    void should_report_a_schema_violation_naming_the_missing_field() {
        scenario(toolCalls(call("call_1", "semver_compare", "{\"a\":\"1.0.0\"}")), text("missing b"));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("compare");

        assertThat(reply.status()).isEqualTo(200);
        String toolMessage =
                requestBodies().get(1).get("messages").get(3).get("content").asText();
        assertThat(toolMessage).startsWith("invalid_arguments: ").contains("b");
        Step result = harness.store.steps(reply.json().get("runId").asText()).get(4);
        assertThat(result.errorType()).isEqualTo("invalid_arguments");
    }

    @Test
    void should_answer_a_hallucinated_tool_with_the_available_ones() {
        scenario(toolCalls(call("call_1", "rollback_everything", "{}")), text("no such tool"));
        boot(3, 12, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("roll back");

        assertThat(reply.status()).isEqualTo(200);
        String toolMessage =
                requestBodies().get(1).get("messages").get(3).get("content").asText();
        assertThat(toolMessage).startsWith("unknown_tool: no tool named 'rollback_everything'; available = [");
        List<Step> steps = harness.store.steps(reply.json().get("runId").asText());
        assertThat(steps.get(3).errorType()).isEqualTo("unknown_tool");
        assertThat(steps.get(4).errorType()).isEqualTo("unknown_tool");
    }

    @Test
    void should_give_the_model_a_throwing_tools_message_and_still_succeed() {
        scenario(toolCalls(call("call_1", "explode", "{}")), text("the engine failed"));
        boot(3, 12, Duration.ofSeconds(5), List.of(SemverToolDoubles.exploding()));

        HttpTestClient.Reply reply = chat("explode");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(requestBodies().get(1).get("messages").get(3).get("content").asText())
                .isEqualTo("tool_failed: IllegalStateException: engine exploded");
        Run run = harness.store.run(reply.json().get("runId").asText()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.toolErrors()).isEqualTo(1);
    }

    @Test
    void should_stop_a_runaway_loop_at_the_round_limit() {
        wm.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(okJson(toolCalls(call("call_x", "semver_compare", COMPARE_ARGS))
                        .build()
                        .getBody())));
        boot(3, 3, Duration.ofSeconds(5));

        HttpTestClient.Reply reply = chat("loop");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().get("code").asText()).isEqualTo("max_rounds_exceeded");
        wm.verify(exactly(3), postRequestedFor(urlPathEqualTo(PATH)));
        Run run = harness.store.run(reply.json().get("runId").asText()).orElseThrow();
        assertThat(run.errorCode()).isEqualTo("max_rounds_exceeded");
        assertThat(run.rounds()).isEqualTo(3);
    }

    @Test
    void should_finish_with_the_offline_planner_when_asked_to_on_model_failure() {
        wm.stubFor(post(urlPathEqualTo(PATH))
                .willReturn(aResponse().withStatus(401).withBody(error(401, "bad key"))));
        harness = new AgentHarness(
                directory, settings(3, 12, Duration.ofSeconds(5)).withFallbackOffline(true), List.of(), null);
        server = new AgentServer(harness);

        HttpTestClient.Reply reply = chat("Is 1.10.0 newer than 1.9.3?");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("degraded");
        assertThat(reply.json().get("answer").asText())
                .startsWith(OfflinePlanner.LABEL)
                .contains("1.10.0 is newer than");
        assertThat(reply.json().get("warnings").toString()).contains("offline planner finished");
    }

    private void boot(int retries, int rounds, Duration timeout) {
        boot(retries, rounds, timeout, List.of());
    }

    private void boot(int retries, int rounds, Duration timeout, List<dev.mcpver.tools.ToolDef> extra) {
        harness = new AgentHarness(directory, settings(retries, rounds, timeout), extra, null);
        server = new AgentServer(harness);
    }

    private AgentSettings settings(int retries, int rounds, Duration timeout) {
        return AgentSettings.defaults()
                .withModel(
                        URI.create(wm.baseUrl() + "/api/v1"),
                        new ApiKey("test-key"),
                        "anthropic/claude-sonnet-4",
                        "openrouter")
                .withLimits(retries, rounds, timeout);
    }

    private HttpTestClient.Reply chat(String message) {
        return server.post("/api/v1/chat", Json.write(java.util.Map.of("message", message)), "view");
    }

    /** Stubs answered in order, one per request. */
    private void scenario(ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = "step-" + (i + 1);
            wm.stubFor(post(urlPathEqualTo(PATH))
                    .inScenario("agent")
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    private List<JsonNode> requestBodies() {
        List<LoggedRequest> logged = new ArrayList<>(wm.findAll(postRequestedFor(urlPathEqualTo(PATH))));
        return logged.stream()
                .map(request -> Json.read(request.getBodyAsString()))
                .toList();
    }

    private static List<String> toolMessages(JsonNode request) {
        List<String> ids = new ArrayList<>();
        request.get("messages").forEach(message -> {
            if (message.get("role").asText().equals("tool")) {
                ids.add(message.get("tool_call_id").asText());
            }
        });
        return ids;
    }

    private void assertNoSecretStored() {
        List<String> leaks = harness.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT id FROM steps WHERE payload_json LIKE '%test-key%' OR error_message LIKE '%test-key%'")
                        .mapTo(String.class)
                        .list());
        assertThat(leaks).isEmpty();
    }

    private static String call(String id, String name, String arguments) {
        return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
                + Json.write(arguments) + "}}";
    }

    private static ResponseDefinitionBuilder toolCalls(String... calls) {
        return okJson(
                "{\"id\":\"gen-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"anthropic/claude-sonnet-4\","
                        + "\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":null,\"tool_calls\":[" + String.join(",", calls) + "]}}],"
                        + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":20,\"total_tokens\":70}}");
    }

    private static ResponseDefinitionBuilder text(String content) {
        return okJson(
                "{\"id\":\"gen-2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"anthropic/claude-sonnet-4\","
                        + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                        + Json.write(content)
                        + "}}],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":20,\"total_tokens\":70}}");
    }

    private static String error(int code, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":" + Json.write(message) + "}}";
    }
}
