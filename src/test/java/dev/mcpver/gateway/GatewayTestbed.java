package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.App;
import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.Direction;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ExperimentSpec;
import dev.mcpver.abtest.MetricKind;
import dev.mcpver.abtest.MetricRole;
import dev.mcpver.abtest.MetricSpec;
import dev.mcpver.abtest.SequentialSpec;
import dev.mcpver.abtest.VariantSpec;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.fixtures.Fixtures;
import dev.mcpver.json.Json;
import dev.mcpver.mcp.McpHttp;
import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.testing.MigrationTestbed;
import io.javalin.Javalin;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A deployment of the fixture server (1.0.0 active; 1.6.0 installed beside it: slower, every third echo an error),
 * experiments, the gateway and its HTTP front on a random port, with an operator token {@value #TOKEN}.
 */
final class GatewayTestbed implements AutoCloseable {
    static final String TOKEN = "operator-token";
    static final String STABLE = "1.0.0";
    static final String FLAKY = "1.6.0";
    static final String ENDPOINT = GatewayServlet.PREFIX + "fixture/staging";

    final MigrationTestbed bed;
    final ExperimentService experiments;
    final GatewayWiring wiring;
    final Gateway gateway;
    final Javalin http;
    final ObjectMapper mapper = Json.create();

    GatewayTestbed(Path temp, GatewaySettings settings) {
        this.bed = new MigrationTestbed(temp, false);
        bed.deployFirstVersion(List.of());
        install(temp, FLAKY, "ok", "delayMs=3", "errorEvery=3");
        this.experiments = App.experiments(bed.database, Clock.systemUTC());
        this.wiring = new GatewayWiring(
                bed.wiring.deployments(),
                bed.wiring.supervisor(),
                (server, version) -> bed.wiring.targets().find(server, version).map(t -> t.artifact()),
                experiments,
                settings,
                mapper,
                Clock.systemUTC());
        this.gateway = wiring.gateway();
        GatewayHttp front = new GatewayHttp(
                gateway,
                bed.wiring.deployments(),
                new McpHttp.Settings(
                        List.of("http://127.0.0.1:*", "http://localhost:*"),
                        List.of("127.0.0.1:*", "localhost:*"),
                        1 << 20,
                        false),
                token -> token.equals(TOKEN) ? Optional.of(new Caller("op", Role.OPERATOR)) : Optional.empty(),
                mapper);
        this.http = Javalin.create(cfg -> {
                    cfg.startup.showJavalinBanner = false;
                    front.mount(cfg);
                })
                .start("127.0.0.1", 0);
    }

    /** Installs another fixture version into {@code releases/<version>} of the deployment. */
    void install(Path temp, String version, String mode, String... extra) {
        installWithTools(temp, version, "echo,add,status", mode, extra);
    }

    /** The same with other fixture tools (e.g. {@code progress}). */
    void installWithTools(Path temp, String version, String tools, String mode, String... extra) {
        Path dir = Fixtures.release(temp.resolve("extra").resolve(version), version, tools, mode, extra);
        bed.wiring
                .deployments()
                .ensureInstalled(
                        MigrationTestbed.ID,
                        version,
                        ArtifactRef.directory(dir.toString()),
                        false,
                        MigrationTestbed.WHO);
    }

    /** Sends (almost) every new session of a running experiment to its treatment. */
    void everyoneTo(Experiment experiment) {
        experiments.changeWeights(experiment.id(), Map.of("A", 1.0, "B", 100_000.0), "test");
        gateway.refreshRoutes();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.port();
    }

    /** A running experiment: A = stable (control), B = {@code treatment}; error is a guardrail. */
    Experiment experiment(String treatment, int minSamples) {
        ExperimentSpec spec = new ExperimentSpec(
                "gw-" + System.nanoTime(),
                MigrationTestbed.ID.toString(),
                List.of(new VariantSpec("A", STABLE, 50), new VariantSpec("B", treatment, 50)),
                "A",
                List.of(
                        new MetricSpec("success", MetricKind.BINARY, Direction.HIGHER_IS_BETTER, MetricRole.PRIMARY, 0),
                        new MetricSpec("error", MetricKind.BINARY, Direction.LOWER_IS_BETTER, MetricRole.GUARDRAIL, 0),
                        new MetricSpec(
                                "response_time",
                                MetricKind.CONTINUOUS,
                                Direction.LOWER_IS_BETTER,
                                MetricRole.SECONDARY,
                                0)),
                0.05,
                0.001,
                minSamples,
                SequentialSpec.defaults(),
                false);
        Experiment created = experiments.create(spec, "test");
        Experiment started = experiments.start(created.id(), "test");
        gateway.refreshRoutes();
        return started;
    }

    /** An MCP Java SDK client connected through the gateway (initialized). */
    McpSyncClient client(@Nullable String clientId) {
        return client(clientId, ENDPOINT);
    }

    /** The same against another gateway endpoint. */
    McpSyncClient client(@Nullable String clientId, String endpoint) {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN);
        if (clientId != null) {
            request.header(GatewayServlet.CLIENT_HEADER, clientId);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl())
                .endpoint(endpoint)
                .requestBuilder(request)
                .jsonMapper(new JacksonMcpJsonMapper(mapper))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return client;
    }

    static McpSchema.CallToolResult echo(McpSyncClient client, String text) {
        return client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", text)));
    }

    /** The version that answered the status tool. */
    static String statusVersion(McpSyncClient client) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("status", Map.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
        return String.valueOf(structured.get("version"));
    }

    @Override
    public void close() {
        http.stop();
        wiring.close();
        bed.close();
    }
}
