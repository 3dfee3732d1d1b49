package dev.mcpver.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.fixtures.FixtureCatalog;
import dev.mcpver.fixtures.Fixtures;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.JarProcess;
import dev.mcpver.tools.DeploymentViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} of the fat jar inside every step of a migration (1.0.0 → 1.1.0 of the fixture server), then a
 * restart: the migration always ends rolled back, the deployment points at 1.0.0, its {@code current} link agrees,
 * exactly one fixture process serves, and it answers the handshake as 1.0.0 with 1.0.0's tools.
 *
 * <p>Two kill points per step: {@code running} (its status is committed, its effect not done) and {@code applied}
 * (its effect is done, its completion not committed: the window where a non-idempotent step would double-apply).
 */
class CrashSafetyIT {
    private static final String ROOT = "crash-it-token-0123456789abcdef0123456789";
    private static final Duration START = Duration.ofSeconds(60);
    private static final int FORWARD_STEPS = 15;

    @TempDir
    Path directory;

    static Stream<Arguments> killPoints() {
        String only = System.getProperty("crash.only", "");
        List<Arguments> points = new ArrayList<>();
        for (int step = 0; step < FORWARD_STEPS; step++) {
            points.add(Arguments.of("1.1.0", step, "MIGRATION_STEP_APPLIED"));
        }
        for (int step : new int[] {0, 4, 10, 11}) {
            points.add(Arguments.of("1.1.0", step, "MIGRATION_STEP_RUNNING"));
        }
        // 1.5.0 fails after the switch; kill inside its rollback (restore applied, then the old version's check)
        points.add(Arguments.of("1.5.0", 16, "MIGRATION_STEP_APPLIED"));
        points.add(Arguments.of("1.5.0", 17, "MIGRATION_STEP_RUNNING"));
        return points.stream()
                .filter(a -> only.isEmpty() || only.equals(a.get()[0] + ":" + a.get()[1] + ":" + a.get()[2]));
    }

    @ParameterizedTest(name = "{0}: kill -9 at {2} of step {1}")
    @MethodSource("killPoints")
    void should_end_consistent_after_kill_9_inside_a_step(String target, int step, String killAt) throws Exception {
        String marker = UlidCreator.getMonotonicUlid().toString();
        Map<String, String> env = env(step);
        String migrationId;
        try (JarProcess first = JarProcess.start(env, "serve", "--port", "0")) {
            HttpTestClient client = new HttpTestClient(first.awaitPort(START));
            prepare(client, marker, target);
            migrationId = startMigration(client, target);
            awaitLog(first, killAt, step, migrationId);
            first.kill();
            first.waitFor(Duration.ofSeconds(30));
        }
        Map<String, String> calm = new HashMap<>(env);
        calm.remove("MCPVER_CRASH_TEST_PAUSE_MS");
        try (JarProcess second = JarProcess.start(calm, "serve", "--port", "0")) {
            HttpTestClient client = new HttpTestClient(second.awaitPort(START));
            JsonNode migration = get(client, "/api/v1/migrations/" + migrationId);
            assertThat(migration.path("status").asText())
                    .as(migration.toString())
                    .isEqualTo("rolled_back");
            String cause = target.equals("1.5.0") ? "smoke_latency failed" : "interrupted by a restart";
            assertThat(migration.path("cause").asText()).contains(cause).doesNotContain("rollback failed");
            assertConsistentOn100(client, marker);
            second.terminate();
            second.waitFor(Duration.ofSeconds(30));
        }
    }

    private void assertConsistentOn100(HttpTestClient client, String marker) throws Exception {
        JsonNode deployment = get(client, "/api/v1/deployments/fixture/staging");
        assertThat(deployment.path("version").asText()).isEqualTo("1.0.0");
        Path home = directory.resolve("home/deployments/fixture/staging");
        Path current = Files.readSymbolicLink(home.resolve("current"));
        assertThat(current.getFileName().toString())
                .isEqualTo(deployment.path("releaseDir").asText());
        assertThat(Files.readString(home.resolve("current/fixture.properties"))).contains("version=1.0.0");
        JsonNode probe = get(client, "/api/v1/deployments/fixture/staging/probe");
        assertThat(probe.path("serverVersion").asText()).isEqualTo("1.0.0");
        assertThat(probe.path("tools").findValuesAsText("name")).containsExactly("add", "echo", "status");
        assertThat(awaitLiveFixtures(marker, 1))
                .as("exactly one fixture process answers for the deployment")
                .isEqualTo(1);
    }

    private Map<String, String> env(int step) {
        Map<String, String> env = new HashMap<>();
        env.put("MCPVER_DB", "jdbc:sqlite:" + directory.resolve("mcpver.db"));
        env.put("MCPVER_HOME", directory.resolve("home").toString());
        env.put("MCPVER_BOOTSTRAP_TOKEN", ROOT);
        env.put("MCPVER_CRASH_TEST_PAUSE_MS", "3000");
        env.put("MCPVER_CRASH_TEST_PAUSE_AT", String.valueOf(step));
        return env;
    }

    private void prepare(HttpTestClient client, String marker, String target) {
        for (String version : List.of("1.0.0", target)) {
            TargetRelease release = FixtureCatalog.target(directory.resolve("artifacts"), version, null);
            ObjectNode body =
                    Json.mapper().createObjectNode().put("server", "fixture").put("version", version);
            body.putObject("artifact")
                    .put("kind", "directory")
                    .put("location", release.artifact().location());
            ObjectNode surface = body.putObject("surface");
            ArrayNode tools = surface.putArray("tools");
            for (ToolShape tool : Objects.requireNonNull(release.surface()).tools()) {
                ObjectNode item = tools.addObject().put("name", tool.name());
                item.set("inputSchema", Json.read(tool.inputSchema()));
                item.putObject("annotations").put("readOnlyHint", true);
            }
            ObjectNode call = body.putArray("smokeCalls").addObject().put("tool", "status");
            call.putArray("expect").addObject().put("kind", "not_error");
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

    private String startMigration(HttpTestClient client, String target) {
        JsonNode plan = send(
                client,
                "POST",
                "/api/v1/migrations/plans",
                "{\"deployment\":\"fixture/staging\",\"toVersion\":\"" + target + "\"}",
                201);
        assertThat(plan.path("steps")).hasSize(FORWARD_STEPS + 3);
        return send(
                        client,
                        "POST",
                        "/api/v1/migrations",
                        "{\"planId\":\"" + plan.path("id").asText() + "\",\"confirm\":true}",
                        202)
                .path("id")
                .asText();
    }

    private static void awaitLog(JarProcess jar, String operation, int step, String migrationId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : jar.stderrLines()) {
                JsonNode event = parse(line);
                if (event != null
                        && operation.equals(event.path("operation").asText())
                        && event.path("step").asInt(-1) == step
                        && migrationId.equals(event.path("migrationId").asText())) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + operation + " for step " + step + " within 120 s; the migration ended early?");
    }

    private static @Nullable JsonNode parse(String line) {
        try {
            return Json.read(line);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Orphaned stdio servers exit when their stdin closes with the killed jar; give them a moment. */
    private static long awaitLiveFixtures(String marker, long expected) throws InterruptedException {
        long count = Fixtures.liveProcesses(marker);
        for (int i = 0; i < 100 && count != expected; i++) {
            Thread.sleep(100);
            count = Fixtures.liveProcesses(marker);
        }
        return count;
    }

    private static JsonNode get(HttpTestClient client, String path) {
        return send(client, "GET", path, null, 200);
    }

    private static JsonNode send(
            HttpTestClient client, String method, String path, @Nullable String body, int expected) {
        HttpTestClient.Reply reply = client.send(method, path, ROOT, body);
        assertThat(reply.status()).as(method + " " + path + ": " + reply.text()).isEqualTo(expected);
        return reply.json();
    }
}
