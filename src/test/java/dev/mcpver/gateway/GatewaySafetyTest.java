package dev.mcpver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.json.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gateway refuses, bounds and protects; and that it relays results unchanged. */
class GatewaySafetyTest {
    @TempDir
    Path temp;

    private GatewayTestbed testbed;

    @AfterEach
    void tearDown() {
        if (testbed != null) {
            testbed.close();
        }
    }

    private String url() {
        return testbed.baseUrl() + GatewayTestbed.ENDPOINT;
    }

    private static Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + GatewayTestbed.TOKEN);
    }

    private String session() {
        RawMcp.Answer opened = RawMcp.post(url(), RawMcp.initialize(1), auth());
        assertThat(opened.status()).isEqualTo(200);
        return opened.response()
                .headers()
                .firstValue(GatewayServlet.SESSION_HEADER)
                .orElseThrow();
    }

    private static Map<String, String> in(String session) {
        Map<String, String> headers = new HashMap<>(auth());
        headers.put(GatewayServlet.SESSION_HEADER, session);
        return headers;
    }

    @Test
    void should_refuse_missing_tokens_foreign_origins_and_unknown_sessions() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        assertThat(RawMcp.post(url(), RawMcp.initialize(1), Map.of()).status()).isEqualTo(401);
        Map<String, String> foreign = new HashMap<>(auth());
        foreign.put("Origin", "http://evil.example");
        assertThat(RawMcp.post(url(), RawMcp.initialize(1), foreign).status()).isEqualTo(403);
        assertThat(RawMcp.post(url(), RawMcp.call(2, "echo", "{\"text\":\"x\"}"), in("no-such-session"))
                        .status())
                .isEqualTo(404);
        assertThat(RawMcp.post(testbed.baseUrl() + "/mcp/servers/nope/staging", RawMcp.initialize(1), auth())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void should_relay_results_unchanged_under_the_clients_id() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        String session = session();
        RawMcp.Answer answer = RawMcp.post(url(), RawMcp.call(77, "echo", "{\"text\":\"as is\"}"), in(session));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode expected = Json.read("{\"jsonrpc\":\"2.0\",\"id\":77,\"result\":{\"content\":[{\"type\":\"text\","
                + "\"text\":\"as is\"}],\"structuredContent\":{\"echo\":\"as is\"},\"isError\":false}}");
        assertThat(answer.json()).isEqualTo(expected);
        String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        assertThat(RawMcp.post(url(), notification, in(session)).status()).isEqualTo(202);
    }

    @Test
    void should_stream_progress_under_the_clients_token_then_the_answer() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        testbed.installWithTools(temp, "1.10.0", "echo,status,progress", "ok");
        testbed.everyoneTo(testbed.experiment("1.10.0", 100));
        String session = session();
        String call = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"progress\","
                + "\"arguments\":{},\"_meta\":{\"progressToken\":\"client-token\"}}}";
        RawMcp.Answer answer = RawMcp.post(url(), call, in(session));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        java.util.List<JsonNode> events = answer.body()
                .lines()
                .filter(l -> l.startsWith("data:"))
                .map(l -> Json.read(l.substring(5).strip()))
                .toList();
        assertThat(events).hasSize(4);
        assertThat(events.subList(0, 3))
                .allSatisfy(
                        e -> assertThat(e.at("/params/progressToken").asText()).isEqualTo("client-token"));
        assertThat(events.get(3).path("id").asInt()).isEqualTo(9);
        assertThat(events.get(3).at("/result/content/0/text").asText()).isEqualTo("done");
    }

    @Test
    void should_answer_429_when_a_client_exceeds_its_rate() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults().withLimits(1, 2, 512));
        String session = session();
        String list = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}";
        assertThat(RawMcp.post(url(), list, in(session)).status()).isEqualTo(200);
        assertThat(RawMcp.post(url(), list, in(session)).status()).isEqualTo(200);
        RawMcp.Answer limited = RawMcp.post(url(), list, in(session));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.response().headers().firstValue("Retry-After")).contains("1");
        assertThat(limited.json().path("error").path("code").asInt()).isEqualTo(-32029);
        assertThat(limited.json().path("id").asInt()).isEqualTo(5);
    }

    @Test
    void should_bound_requests_in_flight_and_time_out_slow_upstreams() throws Exception {
        GatewaySettings settings = GatewaySettings.defaults()
                .withLimits(1000, 1000, 1)
                .withTimings(Duration.ofSeconds(5), Duration.ofMillis(1500));
        testbed = new GatewayTestbed(temp, settings);
        testbed.install(temp, "1.9.0", "ok", "delayMs=4000");
        Experiment experiment = testbed.experiment("1.9.0", 100);
        testbed.everyoneTo(experiment);
        String session = session();
        CompletableFuture<RawMcp.Answer> slow = CompletableFuture.supplyAsync(
                () -> RawMcp.post(url(), RawMcp.call(1, "echo", "{\"text\":\"slow\"}"), in(session)));
        RawMcp.Answer busy = null;
        for (int i = 0; i < 50 && (busy == null || busy.status() != 503); i++) {
            Thread.sleep(20);
            busy = RawMcp.post(url(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", in(session));
        }
        assertThat(busy).isNotNull();
        assertThat(busy.status()).isEqualTo(503);
        RawMcp.Answer timedOut = slow.get();
        assertThat(timedOut.json().path("error").path("code").asInt()).isEqualTo(Gateway.TIMED_OUT);
        assertThat(timedOut.body()).doesNotContain("pid").doesNotContain("stderr");
        testbed.gateway.flushMetrics();
        assertThat(testbed.experiments.analysis(experiment.id()).srm().counts()).containsEntry("B", 1L);
    }

    @Test
    void should_fail_over_to_the_control_when_the_treatment_cannot_start() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        testbed.install(temp, "1.8.0", "crash");
        Experiment experiment = testbed.experiment("1.8.0", 100);
        testbed.everyoneTo(experiment);
        for (int i = 0; i < 3; i++) {
            McpSyncClient client = testbed.client("crash-" + i);
            assertThat(client.getServerInfo().version()).isEqualTo(GatewayTestbed.STABLE);
            assertThat(GatewayTestbed.statusVersion(client)).isEqualTo(GatewayTestbed.STABLE);
            client.closeGracefully();
        }
        testbed.gateway.flushMetrics();
        var counts = testbed.experiments.analysis(experiment.id()).srm().counts();
        assertThat(counts).containsEntry("B", 3L);
    }
}
