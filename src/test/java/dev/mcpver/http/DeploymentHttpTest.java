package dev.mcpver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.fixtures.FixtureCatalog;
import dev.mcpver.fixtures.Fixtures;
import dev.mcpver.json.Json;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.migrate.ToolShape;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.HttpTestClient.Reply;
import dev.mcpver.testing.TestDatabases;
import dev.mcpver.tools.DeploymentViews;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployment, rollback and migration HTTP API on a real server, with real fixture MCP servers behind it. */
class DeploymentHttpTest {
    private static final String ROOT = "root-token-0123456789abcdef0123456789";
    private static final String DEPLOYMENT = "/api/v1/deployments/fixture/staging";

    @TempDir
    Path directory;

    private @Nullable App app;
    private HttpTestClient client;
    private final String marker = UlidCreator.getMonotonicUlid().toString();

    @BeforeEach
    void start() {
        Map<String, String> env = Map.of(
                "MCPVER_DB",
                TestDatabases.sqliteUrl(directory),
                "MCPVER_BOOTSTRAP_TOKEN",
                ROOT,
                "MCPVER_HOME",
                directory.resolve("home").toString());
        app = new App(AppConfig.load(env, Map.of("port", "0"))).start();
        client = new HttpTestClient(app.port());
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void should_deploy_snapshot_restore_and_migrate_over_http() throws Exception {
        registerTarget("1.0.0");
        registerTarget("1.1.0");
        ObjectNode deployment =
                Json.mapper().createObjectNode().put("server", "fixture").put("environment", "staging");
        deployment.set("launch", DeploymentViews.launch(Fixtures.stdioLaunch(marker)));
        deployment.putArray("config").addObject().put("name", "LOG_LEVEL").put("value", "debug");
        assertThat(send("POST", "/api/v1/deployments", ROOT, deployment.toString())
                        .status())
                .isEqualTo(201);

        Reply unconfirmed = send("POST", DEPLOYMENT + "/activate", ROOT, "{\"version\":\"1.0.0\"}");
        assertThat(unconfirmed.status()).isEqualTo(409);
        assertThat(unconfirmed.json().path("code").asText()).isEqualTo("confirmation_required");
        Reply activated = send("POST", DEPLOYMENT + "/activate", ROOT, "{\"version\":\"1.0.0\",\"confirm\":true}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        assertThat(send("GET", DEPLOYMENT + "/probe", null, null)
                        .json()
                        .path("serverVersion")
                        .asText())
                .isEqualTo("1.0.0");

        Reply point = send(
                "POST", "/api/v1/rollback/points", ROOT, "{\"deployment\":\"fixture/staging\",\"tags\":[\"manual\"]}");
        assertThat(point.status()).as(point.text()).isEqualTo(201);
        String pointId = point.json().path("id").asText();
        assertThat(send("GET", "/api/v1/rollback/points?deployment=fixture/staging", null, null)
                        .json()
                        .path("points"))
                .hasSize(1);
        assertThat(send("POST", "/api/v1/rollback/points/" + pointId + "/verify", null, "")
                        .json()
                        .path("ok")
                        .asBoolean())
                .isTrue();

        Reply plan = send(
                "POST",
                "/api/v1/migrations/plans",
                ROOT,
                "{\"deployment\":\"fixture/staging\",\"toVersion\":\"1.1.0\"}");
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        assertThat(plan.json().path("steps")).hasSizeGreaterThan(10);
        Reply started = send(
                "POST",
                "/api/v1/migrations",
                ROOT,
                "{\"planId\":\"" + plan.json().path("id").asText() + "\",\"confirm\":true}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String migrationId = started.json().path("id").asText();

        List<String> events = events(migrationId);
        assertThat(events).contains("event: step.started").last().isEqualTo("event: migration.finished");
        JsonNode migration =
                send("GET", "/api/v1/migrations/" + migrationId, null, null).json();
        assertThat(migration.path("status").asText()).as(migration.toString()).isEqualTo("succeeded");
        assertThat(send("GET", DEPLOYMENT + "/probe", null, null)
                        .json()
                        .path("serverVersion")
                        .asText())
                .isEqualTo("1.1.0");
        assertThat(send("GET", "/api/v1/migrations/" + migrationId + "/guide", null, null)
                        .json()
                        .path("markdown")
                        .asText())
                .contains("No client changes are needed");

        Reply restored = send("POST", "/api/v1/rollback/points/" + pointId + "/restore", ROOT, "{\"confirm\":true}");
        assertThat(restored.json().path("restored").asBoolean())
                .as(restored.text())
                .isTrue();
        assertThat(send("GET", DEPLOYMENT + "/probe", null, null)
                        .json()
                        .path("serverVersion")
                        .asText())
                .isEqualTo("1.0.0");
        String restoreId = restored.json().path("execution").path("id").asText();
        assertThat(send("POST", "/api/v1/rollback/restores/" + restoreId + "/undo", ROOT, "{\"confirm\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(send("GET", DEPLOYMENT, null, null).json().path("version").asText())
                .isEqualTo("1.1.0");
    }

    @Test
    void should_answer_bad_input_with_problems_that_name_the_field() {
        assertThat(send(
                                "POST",
                                "/api/v1/deployments",
                                ROOT,
                                "{\"server\":\"x\",\"environment\":\"prod\",\"launch\":{\"transport\":\"tcp\",\"command\":\"a\"}}")
                        .json()
                        .path("detail")
                        .asText())
                .contains("launch.transport must be stdio or http");
        assertThat(send("GET", "/api/v1/rollback/points/nope", null, null).status())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/rollback/points", null, "{\"deployment\":\"a/b\"}")
                        .status())
                .isEqualTo(401);
        Reply plan =
                send("POST", "/api/v1/migrations/plans", ROOT, "{\"deployment\":\"no/where\",\"toVersion\":\"1.0.0\"}");
        assertThat(plan.status()).isEqualTo(404);
        assertThat(plan.contentType()).startsWith("application/problem+json");
        assertThat(send("GET", "/api/v1/migrations/unknown/events", null, null).status())
                .isEqualTo(404);
    }

    private void registerTarget(String version) {
        TargetRelease target = FixtureCatalog.target(directory.resolve("artifacts"), version, null);
        ObjectNode body =
                Json.mapper().createObjectNode().put("server", target.server()).put("version", version);
        body.putObject("artifact")
                .put("kind", "directory")
                .put("location", target.artifact().location());
        body.set("surface", toolsList(target.surface()));
        ArrayNode smoke = body.putArray("smokeCalls");
        ObjectNode call = smoke.addObject().put("tool", "status");
        call.putObject("arguments");
        call.putArray("expect")
                .addObject()
                .put("kind", "json_equals")
                .put("pointer", "/version")
                .put("value", "\"" + version + "\"");
        Reply reply = send("POST", "/api/v1/targets", ROOT, body.toString());
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
    }

    private static ObjectNode toolsList(@Nullable ServerSurface surface) {
        ObjectNode list = Json.mapper().createObjectNode();
        ArrayNode tools = list.putArray("tools");
        for (ToolShape tool : java.util.Objects.requireNonNull(surface).tools()) {
            ObjectNode item = tools.addObject().put("name", tool.name());
            item.set("inputSchema", Json.read(tool.inputSchema()));
            item.putObject("annotations").put("readOnlyHint", tool.readOnly());
        }
        return list;
    }

    private List<String> events(String migrationId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(client.base() + "/api/v1/migrations/" + migrationId + "/events"))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        List<String> types = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            lines.filter(line -> line.startsWith("event: ")).forEach(types::add);
        }
        return types;
    }

    private Reply send(String method, String path, @Nullable String token, @Nullable String body) {
        return client.send(method, path, token, body);
    }
}
