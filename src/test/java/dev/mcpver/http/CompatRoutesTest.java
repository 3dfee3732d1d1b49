package dev.mcpver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.AppConfig;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.snapshot.SnapshotService;
import dev.mcpver.snapshot.Snapshotter;
import dev.mcpver.store.CompatCacheStore;
import dev.mcpver.store.Database;
import dev.mcpver.store.SnapshotStore;
import dev.mcpver.surface.CompatService;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.HttpTestClient.Reply;
import dev.mcpver.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatRoutesTest {
    static final String OLD = "{\"server\":{\"name\":\"s\",\"version\":\"1.0.0\"},\"tools\":[{\"name\":\"a\","
            + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"string\"}}}}]}";
    static final String NEW =
            OLD.replace("1.0.0", "1.1.0").replace("\"properties\"", "\"required\":[\"p\"],\"properties\"");

    @TempDir
    static Path directory;

    static HttpServer server;
    static HttpTestClient client;

    static final Authenticator TOKENS = token -> Optional.ofNullable(
            Map.of("op-token", new Caller("op", Role.OPERATOR), "view-token", new Caller("viewer", Role.VIEWER))
                    .get(token));

    @BeforeAll
    static void start() {
        Database database = TestDatabases.sqlite(directory);
        Clock clock = Clock.systemUTC();
        Access access = new Access(TOKENS, true);
        AtomicInteger ids = new AtomicInteger();
        SnapshotService snapshots = new SnapshotService(
                new Snapshotter(Json.create(), System.getenv(), "test", clock),
                new SnapshotStore(database, clock),
                () -> "snap-" + ids.incrementAndGet(),
                Json.create());
        server = new HttpServer(
                        AppConfig.load(Map.of(), Map.of("port", "0")),
                        Json.create(),
                        new ErrorMapper(),
                        access,
                        List.of(
                                new CompatRoutes(
                                        new CompatService(new CompatCacheStore(database, clock, 100), clock), access),
                                new SnapshotRoutes(snapshots, access)),
                        List.of())
                .start();
        client = new HttpTestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String body(String old, String now) {
        return "{\"old\":" + old + ",\"new\":" + now + "}";
    }

    @Test
    void should_answer_the_report_and_serve_it_from_the_cache_the_second_time() {
        Reply first = client.post("/api/v1/compat/analyze", body(OLD, NEW));
        Reply second = client.post("/api/v1/compat/analyze", body(OLD, NEW));

        assertThat(first.status()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.get("requiredBump").asText()).isEqualTo("major");
        assertThat(report.get("underBumped").asBoolean()).isTrue();
        assertThat(report.at("/changes/0/ruleId").asText()).isEqualTo("tool-input-property-became-required");
        assertThat(report.at("/changes/0/target").asText()).isEqualTo("tools/a#input/properties/p");
        assertThat(first.header("X-Mcpver-Cache")).isEqualTo("miss");
        assertThat(second.header("X-Mcpver-Cache")).isEqualTo("hit");
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void should_render_markdown_when_asked() {
        Reply reply = client.post("/api/v1/compat/analyze?format=markdown", body(OLD, NEW));

        assertThat(reply.contentType()).startsWith("text/markdown");
        assertThat(reply.text()).startsWith("## MCP compatibility: `major`");
    }

    @Test
    void should_answer_400_naming_the_json_pointer_when_a_surface_is_invalid() {
        Reply reply = client.post(
                "/api/v1/compat/analyze", body(OLD, "{\"tools\":[{\"name\":\"a\",\"inputSchema\":{}},{\"name\":7}]}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("pointer").asText()).isEqualTo("/new/tools/1/name");
        assertThat(reply.json().get("detail").asText())
                .isEqualTo("/new/tools/1/name: expected a string, found integer");
    }

    @Test
    void should_answer_400_when_a_surface_or_the_body_is_missing() {
        assertThat(client.post("/api/v1/compat/analyze", "{\"old\":{}}")
                        .json()
                        .get("pointer")
                        .asText())
                .isEqualTo("/new");
        assertThat(client.post("/api/v1/compat/analyze", "[]").status()).isEqualTo(400);
        assertThat(client.post("/api/v1/compat/analyze", "").status()).isEqualTo(400);
        assertThat(client.post("/api/v1/compat/analyze?format=pdf", body(OLD, NEW))
                        .status())
                .isEqualTo(400);
        Reply policy = client.post(
                "/api/v1/compat/analyze",
                "{\"old\":" + OLD + ",\"new\":" + NEW + ",\"policy\":{\"consumers\":\"robots\"}}");
        assertThat(policy.json().get("pointer").asText()).isEqualTo("/policy/consumers");
    }

    @Test
    void should_list_the_rule_catalogue() {
        JsonNode rules = client.get("/api/v1/compat/rules").json().get("rules");

        assertThat(rules.size()).isGreaterThanOrEqualTo(133);
        assertThat(rules.get(0).get("id").asText()).isEqualTo("protocol-version-dropped");
    }

    @Test
    void should_require_the_operator_role_to_start_a_snapshot() {
        Reply anonymous = client.post("/api/v1/snapshots", "{\"transport\":\"stdio\",\"command\":\"true\"}");
        Reply viewer =
                client.send(post("/api/v1/snapshots", "view-token", "{\"transport\":\"stdio\",\"command\":\"true\"}"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(viewer.status()).isEqualTo(403);
    }

    @Test
    void should_answer_400_for_an_invalid_launch_spec_and_502_when_the_server_fails() {
        Reply invalid = client.send(post("/api/v1/snapshots", "op-token", "{\"transport\":\"ftp\"}"));
        Reply failing = client.send(post(
                "/api/v1/snapshots",
                "op-token",
                "{\"transport\":\"stdio\",\"command\":\"/nonexistent/server\",\"timeoutSeconds\":5}"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("pointer").asText()).isEqualTo("/transport");
        assertThat(failing.status()).isEqualTo(502);
        assertThat(failing.json().get("detail").asText()).contains("cannot start");
    }

    @Test
    void should_store_a_snapshot_and_answer_it_by_id() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String spec = Json.create()
                .writeValueAsString(Map.of(
                        "transport",
                        "stdio",
                        "command",
                        java,
                        "args",
                        List.of(
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.mcpver.snapshot.fixtures.ScriptedServer",
                                "paged"),
                        "probeProtocols",
                        false,
                        "package",
                        Map.of("name", "scripted", "version", "0.3.0")));

        Reply created = client.send(post("/api/v1/snapshots", "op-token", spec));
        Reply found = client.get(created.header("Location"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/surface/tools").size()).isEqualTo(5);
        assertThat(created.json().at("/surface/server/version").asText()).isEqualTo("0.3.0");
        assertThat(found.json().get("sha256").asText())
                .isEqualTo(created.json().get("sha256").asText());
        assertThat(found.json().get("surface")).isEqualTo(created.json().get("surface"));
        assertThat(client.get("/api/v1/snapshots/nope").status()).isEqualTo(404);
    }

    private static HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
