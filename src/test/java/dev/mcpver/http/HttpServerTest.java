package dev.mcpver.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.AppConfig;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.store.Database;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.HttpTestClient.Reply;
import dev.mcpver.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpServerTest {
    record Sample(String name, int count) {
        Sample {
            Objects.requireNonNull(name, "name is required");
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
        }
    }

    static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    static final class TestRoutes implements RouteGroup {
        @Override
        public void addTo(io.javalin.config.RoutesConfig routes) {
            routes.post("/echo", ctx -> ctx.json(Requests.body(ctx, Sample.class)));
            routes.get("/query", ctx -> ctx.json(Map.of("v", Requests.query(ctx, "v"))));
            routes.get("/boom", ctx -> {
                throw new IllegalStateException("secret internals at line 42");
            });
            routes.post(
                    "/write",
                    ctx -> ctx.json(
                            Map.of("by", ACCESS.require(ctx, Role.OPERATOR).subject())));
            routes.get("/conflict", ctx -> {
                throw new Conflict("version 1.2.3 is already registered");
            });
        }

        @Override
        public void registerErrors(ErrorMapper errors) {
            errors.register(Conflict.class, e -> Problem.of(409, "conflict", "Conflict", e.getMessage()));
        }
    }

    @TempDir
    static Path directory;

    static final Authenticator TOKENS = token -> Optional.ofNullable(Map.of(
                    "op-token", new Caller("op", Role.OPERATOR),
                    "view-token", new Caller("viewer", Role.VIEWER))
            .get(token));
    static final Access ACCESS = new Access(TOKENS, false);

    static HttpServer server;
    static HttpTestClient client;

    @BeforeAll
    static void start() {
        Database database = TestDatabases.sqlite(directory);
        AppConfig config = AppConfig.load(Map.of("MCPVER_MAX_REQUEST_BYTES", "4k"), Map.of("port", "0"));
        server = new HttpServer(
                        config,
                        Json.create(),
                        new ErrorMapper(),
                        new Access(TOKENS, false),
                        List.of(new SystemRoutes(database, "test-installation"), new TestRoutes()),
                        List.of())
                .start();
        client = new HttpTestClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProblem(Reply reply, int status, String detailFragment) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode body = reply.json();
        assertThat(body.get("type").asText()).isNotEmpty();
        assertThat(body.get("title").asText()).isNotEmpty();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).contains(detailFragment);
        assertThat(body.has("instance")).isTrue();
    }

    @Test
    void should_answer_liveness_readiness_and_version() {
        assertThat(client.get("/health").json().get("status").asText()).isEqualTo("ok");
        Reply ready = client.get("/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().at("/database/vendor").asText()).isEqualTo("sqlite");
        JsonNode version = client.get("/api/v1/version").json();
        assertThat(version.get("name").asText()).isEqualTo("mcpver");
        assertThat(version.get("installationId").asText()).isEqualTo("test-installation");
        assertThat(version.at("/database/schemaVersion").asText()).isNotEmpty();
    }

    @Test
    void should_answer_unknown_routes_with_a_404_problem() {
        assertProblem(client.get("/api/v1/nothing-here"), 404, "GET /api/v1/nothing-here");
    }

    @Test
    void should_answer_a_wrong_method_with_a_405_problem() {
        Reply reply = client.post("/health", "{}");

        assertProblem(reply, 405, "Method Not Allowed");
        assertThat(reply.json().get("availableMethods").toString()).contains("GET");
    }

    @Test
    void should_answer_malformed_json_with_a_400_problem_naming_the_position() {
        assertProblem(client.post("/echo", "{\"name\": \"a\", "), 400, "line 1");
    }

    @Test
    void should_answer_wrong_types_with_a_400_problem_naming_the_json_pointer() {
        Reply reply = client.post("/echo", "{\"name\": \"a\", \"count\": \"many\"}");

        assertProblem(reply, 400, "at /count");
        assertThat(reply.json().get("detail").asText()).doesNotContain("dev.mcpver");
    }

    @Test
    void should_answer_record_validation_failures_and_missing_fields_with_400() {
        assertProblem(client.post("/echo", "{\"name\": \"a\", \"count\": -1}"), 400, "count must not be negative");
        assertProblem(client.post("/echo", "{\"count\": 1}"), 400, "name is required");
        assertProblem(client.post("/echo", ""), 400, "empty");
        assertProblem(client.post("/echo", "null"), 400, "null");
        assertProblem(client.post("/echo", "[1,2]"), 400, "");
    }

    @Test
    void should_answer_oversized_bodies_with_a_413_problem() {
        String big = "{\"name\": \"" + "x".repeat(8 * 1024) + "\", \"count\": 1}";

        Reply reply = client.post("/echo", big);

        assertProblem(reply, 413, "");
    }

    @Test
    void should_echo_valid_bodies() {
        Reply reply = client.post("/echo", "{\"name\": \"a\", \"count\": 3, \"extra\": true}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("count").asInt()).isEqualTo(3);
    }

    @Test
    void should_answer_missing_query_parameters_with_400() {
        assertProblem(client.get("/query"), 400, "query parameter 'v' is required");
        assertThat(client.get("/query", Map.of("v", "")).json().get("v").asText())
                .isEmpty();
    }

    @Test
    void should_hide_internals_of_unexpected_failures_behind_a_500_problem_with_the_request_id() {
        Reply reply = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/boom"))
                .header(RequestIds.HEADER, "req-123")
                .build());

        assertProblem(reply, 500, "requestId req-123");
        assertThat(reply.text()).doesNotContain("secret internals").doesNotContain("at dev.mcpver");
        assertThat(reply.header(RequestIds.HEADER)).isEqualTo("req-123");
        assertThat(reply.json().get("requestId").asText()).isEqualTo("req-123");
    }

    @Test
    void should_map_registered_domain_exceptions() {
        Reply reply = client.get("/conflict");

        assertProblem(reply, 409, "already registered");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:mcpver:problem:conflict");
    }

    @Test
    void should_replace_unsafe_request_ids() {
        Reply reply = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/health"))
                .header(RequestIds.HEADER, "bad id with spaces")
                .build());

        assertThat(reply.header(RequestIds.HEADER)).hasSize(26).doesNotContain(" ");
    }

    @Test
    void should_answer_requests_jetty_rejects_before_routing_with_a_problem() throws IOException {
        String raw = rawRequest("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).contains("application/problem+json");
        assertThat(raw).contains("\"status\":400");
    }

    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_require_a_valid_token_with_enough_power_for_writes() {
        Reply none = client.post("/write", "{}");
        Reply unknown = withToken("/write", "stolen");
        Reply viewer = withToken("/write", "view-token");
        Reply operator = withToken("/write", "op-token");
        Reply malformed = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/write"))
                .header("Authorization", "Basic abc")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertProblem(none, 401, "needs the operator role");
        assertProblem(unknown, 401, "unknown, revoked or expired");
        assertProblem(viewer, 403, "viewer has viewer");
        assertProblem(malformed, 401, "Bearer <token>");
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.json().get("by").asText()).isEqualTo("op");
    }

    private static Reply withToken(String path, String token) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }
}
