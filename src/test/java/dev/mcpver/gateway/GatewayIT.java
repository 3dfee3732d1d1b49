package dev.mcpver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.fixtures.FixtureCatalog;
import dev.mcpver.fixtures.Fixtures;
import dev.mcpver.json.Json;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.JarProcess;
import dev.mcpver.tools.DeploymentViews;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fat jar end to end: {@code serve} with a fixture deployment and an experiment, an MCP Java SDK client speaking
 * stdio to {@code mcpver proxy}, routed by the gateway to the experiment's version (installed on first use), its call
 * recorded in the experiment.
 */
class GatewayIT {
    private static final String ROOT = "gateway-it-token-0123456789abcdef012345";
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void should_route_a_stdio_agent_through_mcpver_proxy_to_the_experiments_version_and_measure_it() throws Exception {
        Map<String, String> env = Map.of(
                "MCPVER_DB",
                "jdbc:sqlite:" + directory.resolve("mcpver.db"),
                "MCPVER_HOME",
                directory.resolve("home").toString(),
                "MCPVER_BOOTSTRAP_TOKEN",
                ROOT);
        try (JarProcess serve = JarProcess.start(env, "serve", "--port", "0")) {
            int port = serve.awaitPort(START);
            HttpTestClient client = new HttpTestClient(port);
            prepare(client);
            String experiment = startExperiment(client);

            ServerParameters proxy = ServerParameters.builder(java())
                    .args(
                            "-jar",
                            JarProcess.jar().toString(),
                            "proxy",
                            "--server",
                            "fixture/staging",
                            "--url",
                            "http://127.0.0.1:" + port,
                            "--client-id",
                            "it-agent")
                    .env(Map.of("MCPVER_TOKEN", ROOT))
                    .build();
            McpSyncClient agent = McpClient.sync(
                            new StdioClientTransport(proxy, new JacksonMcpJsonMapper(Json.create())))
                    .requestTimeout(Duration.ofSeconds(60))
                    .initializationTimeout(Duration.ofSeconds(60))
                    .build();
            try {
                agent.initialize();
                assertThat(agent.getServerInfo().version()).isEqualTo("1.1.0");
                McpSchema.CallToolResult echoed =
                        agent.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "through the proxy")));
                assertThat(((McpSchema.TextContent) echoed.content().get(0)).text())
                        .isEqualTo("through the proxy");
            } finally {
                agent.closeGracefully();
            }
            JsonNode counts = awaitCounts(client, experiment);
            assertThat(counts.path("B").asLong()).isEqualTo(1);
            assertThat(counts.path("A").asLong()).isZero();
            serve.terminate();
            serve.waitFor(Duration.ofSeconds(30));
        }
    }

    private static JsonNode awaitCounts(HttpTestClient client, String experiment) throws InterruptedException {
        JsonNode counts = Json.mapper().createObjectNode();
        for (int i = 0; i < 100 && counts.path("B").asLong() == 0; i++) {
            Thread.sleep(100);
            counts = send(client, "GET", "/api/v1/experiments/" + experiment + "/analysis", null, 200)
                    .at("/srm/counts");
        }
        return counts;
    }

    private void prepare(HttpTestClient client) {
        String marker = UlidCreator.getMonotonicUlid().toString();
        for (String version : new String[] {"1.0.0", "1.1.0"}) {
            TargetRelease release = FixtureCatalog.target(directory.resolve("artifacts"), version, null);
            ObjectNode body =
                    Json.mapper().createObjectNode().put("server", "fixture").put("version", version);
            body.putObject("artifact")
                    .put("kind", "directory")
                    .put("location", release.artifact().location());
            send(client, "POST", "/api/v1/targets", body.toString(), 201);
        }
        ObjectNode deployment =
                Json.mapper().createObjectNode().put("server", "fixture").put("environment", "staging");
        deployment.set("launch", DeploymentViews.launch(Fixtures.stdioLaunch(marker)));
        send(client, "POST", "/api/v1/deployments", deployment.toString(), 201);
        send(
                client,
                "POST",
                "/api/v1/deployments/fixture/staging/activate",
                "{\"version\":\"1.0.0\",\"confirm\":true}",
                200);
    }

    private static String startExperiment(HttpTestClient client) {
        String spec = "{\"name\":\"gateway-it\",\"mcpId\":\"fixture/staging\",\"variants\":["
                + "{\"key\":\"A\",\"version\":\"1.0.0\",\"weight\":1},{\"key\":\"B\",\"version\":\"1.1.0\",\"weight\":100000}],"
                + "\"control\":\"A\",\"metrics\":[{\"name\":\"success\",\"kind\":\"binary\",\"direction\":\"higher_is_better\"},"
                + "{\"name\":\"response_time\",\"kind\":\"continuous\",\"direction\":\"lower_is_better\"}]}";
        String id = send(client, "POST", "/api/v1/experiments", spec, 201)
                .path("id")
                .asText();
        send(client, "POST", "/api/v1/experiments/" + id + "/start", "{}", 200);
        return id;
    }

    private static JsonNode send(
            HttpTestClient client, String method, String path, @Nullable String body, int expected) {
        HttpTestClient.Reply reply = client.send(method, path, ROOT, body);
        assertThat(reply.status()).as(method + " " + path + ": " + reply.text()).isEqualTo(expected);
        return reply.json();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
