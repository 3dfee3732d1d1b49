package dev.mcpver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.Action;
import dev.mcpver.abtest.Analysis;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.fixtures.Fixtures;
import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.testing.MigrationTestbed;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway end to end: Java SDK clients over Streamable HTTP, real fixture processes of two versions, a real
 * experiment on SQLite. Background work is not started: metrics are flushed and health checked by the test.
 */
class GatewayTest {
    private static final int POPULATION = 120;

    @TempDir
    Path temp;

    private GatewayTestbed testbed;
    private final List<McpSyncClient> open = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void tearDown() {
        open.forEach(McpSyncClient::closeGracefully);
        if (testbed != null) {
            testbed.close();
        }
    }

    private McpSyncClient client(String clientId) {
        McpSyncClient client = testbed.client(clientId);
        open.add(client);
        return client;
    }

    @Test
    void should_split_measure_every_call_and_move_everyone_to_the_control_when_the_guardrail_trips() throws Exception {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        Experiment experiment = testbed.experiment(GatewayTestbed.FLAKY, 30);

        Map<String, McpSyncClient> byClient = new ConcurrentHashMap<>();
        Map<String, String> servedBy = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < POPULATION; i++) {
            String id = "agent-" + i;
            runs.add(pool.submit(() -> {
                McpSyncClient client = client(id);
                McpSchema.CallToolResult result = GatewayTestbed.echo(client, "hello " + id);
                if (!Boolean.TRUE.equals(result.isError())) {
                    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
                            .isEqualTo("hello " + id);
                }
                byClient.put(id, client);
                servedBy.put(id, client.getServerInfo().version());
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long onStable =
                servedBy.values().stream().filter(GatewayTestbed.STABLE::equals).count();
        long onFlaky =
                servedBy.values().stream().filter(GatewayTestbed.FLAKY::equals).count();
        assertThat(onStable + onFlaky).isEqualTo(POPULATION);

        assertThat(testbed.gateway.flushMetrics()).isEqualTo(POPULATION);

        Analysis analysis = testbed.experiments.analysis(experiment.id());
        assertThat(analysis.srm().counts()).containsEntry("A", onStable).containsEntry("B", onFlaky);
        assertThat(analysis.srm().mismatch()).isFalse();
        assertThat(analysis.decision().action()).isEqualTo(Action.ROLLBACK);
        assertThat(analysis.decision().reasons()).contains("GUARDRAIL:error:B");
        assertThat(testbed.experiments.get(experiment.id()).status()).isEqualTo(ExperimentStatus.STOPPED);

        String onB = servedBy.entrySet().stream()
                .filter(e -> e.getValue().equals(GatewayTestbed.FLAKY))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        assertThat(GatewayTestbed.statusVersion(byClient.get(onB))).isEqualTo(GatewayTestbed.STABLE);
        McpSyncClient newcomer = client("newcomer");
        assertThat(newcomer.getServerInfo().version()).isEqualTo(GatewayTestbed.STABLE);
        assertThat(GatewayTestbed.statusVersion(newcomer)).isEqualTo(GatewayTestbed.STABLE);
    }

    @Test
    void should_install_a_registered_target_on_first_use_when_an_experiment_routes_to_it() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        testbed.everyoneTo(testbed.experiment("1.1.0", 100));
        McpSyncClient client = client("to-1.1.0");
        assertThat(client.getServerInfo().version()).isEqualTo("1.1.0");
        assertThat(GatewayTestbed.statusVersion(client)).isEqualTo("1.1.0");
    }

    @Test
    void should_forward_to_a_server_launched_over_streamable_http() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        DeploymentId overHttp = new DeploymentId("fixture", "http");
        testbed.bed
                .wiring
                .deployments()
                .register(overHttp, Fixtures.httpLaunch(testbed.bed.marker), List.of(), MigrationTestbed.WHO);
        testbed.bed
                .wiring
                .deployments()
                .activate(
                        overHttp,
                        "1.0.0",
                        ArtifactRef.directory(Fixtures.release(
                                        temp.resolve("http-1.0.0"), "1.0.0", "echo,add,status", "ok", "transport=http")
                                .toString()),
                        null,
                        MigrationTestbed.WHO);
        McpSyncClient client = testbed.client("http-agent", GatewayServlet.PREFIX + "fixture/http");
        open.add(client);
        assertThat(client.getServerInfo().version()).isEqualTo("1.0.0");
        McpSchema.CallToolResult echoed = GatewayTestbed.echo(client, "over http");
        assertThat(((McpSchema.TextContent) echoed.content().get(0)).text()).isEqualTo("over http");
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("echo", "add", "status");
    }

    @Test
    void should_restart_a_killed_upstream_without_losing_the_sessions_next_call() throws Exception {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        McpSyncClient client = client("survivor");
        assertThat(GatewayTestbed.statusVersion(client)).isEqualTo(GatewayTestbed.STABLE);
        List<Long> before = testbed.gateway.upstreamPids(MigrationTestbed.ID, GatewayTestbed.STABLE);
        assertThat(before).hasSize(1);
        ProcessHandle process = ProcessHandle.of(before.get(0)).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);

        assertThat(GatewayTestbed.statusVersion(client)).isEqualTo(GatewayTestbed.STABLE);
        assertThat(testbed.gateway.upstreamPids(MigrationTestbed.ID, GatewayTestbed.STABLE))
                .hasSize(1)
                .doesNotContain(before.get(0));
    }
}
