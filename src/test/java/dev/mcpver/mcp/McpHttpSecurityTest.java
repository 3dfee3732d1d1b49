package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.testing.HttpTestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Raw HTTP against the MCP endpoints: Origin/Host validation and bearer tokens, as a browser or a stranger sees it. */
class McpHttpSecurityTest {
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    @Test
    void should_answer_initialize_with_a_session_id() {
        try (McpFixtures.Server server = new McpFixtures.Server(true)) {
            HttpTestClient.Reply reply = post(server, McpHttp.ENDPOINT, builder -> {});

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Mcp-Session-Id")).isNotBlank();
            assertThat(reply.header("X-Request-Id")).isNotBlank();
            assertThat(reply.text()).contains("\"protocolVersion\":\"2025-06-18\"");
        }
    }

    @Test
    void should_refuse_a_foreign_origin_with_403_on_both_endpoints() {
        try (McpFixtures.Server server = new McpFixtures.Server(true)) {
            for (String endpoint : new String[] {McpHttp.ENDPOINT, McpHttp.STATELESS_ENDPOINT}) {
                HttpTestClient.Reply reply =
                        post(server, endpoint, builder -> builder.header("Origin", "https://evil.example"));
                assertThat(reply.status()).as(endpoint).isEqualTo(403);
            }
            HttpTestClient.Reply local =
                    post(server, McpHttp.ENDPOINT, builder -> builder.header("Origin", "http://localhost:6274"));
            assertThat(local.status()).isEqualTo(200);
        }
    }

    @Test
    void should_refuse_a_foreign_host_header_against_dns_rebinding() throws IOException {
        try (McpFixtures.Server server = new McpFixtures.Server(true);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
            String head = "POST /mcp HTTP/1.1\r\nHost: rebound.example:" + server.port()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(status).startsWith("HTTP/1.1 421"); // Misdirected Request: the SDK's answer to a foreign Host
        }
    }

    @Test
    void should_require_a_token_when_reads_are_not_open() {
        try (McpFixtures.Server server = new McpFixtures.Server(false)) {
            HttpTestClient.Reply none = post(server, McpHttp.ENDPOINT, builder -> {});
            HttpTestClient.Reply stateless = post(server, McpHttp.STATELESS_ENDPOINT, builder -> {});
            HttpTestClient.Reply unknown =
                    post(server, McpHttp.ENDPOINT, builder -> builder.header("Authorization", "Bearer nope"));
            HttpTestClient.Reply malformed =
                    post(server, McpHttp.ENDPOINT, builder -> builder.header("Authorization", "Basic abc"));
            HttpTestClient.Reply valid = post(
                    server,
                    McpHttp.ENDPOINT,
                    builder -> builder.header("Authorization", "Bearer " + McpFixtures.VIEWER_TOKEN));

            assertThat(none.status()).isEqualTo(401);
            assertThat(none.contentType()).startsWith("application/problem+json");
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(none.json().get("detail").asText()).contains("Authorization: Bearer");
            assertThat(none.json().get("requestId").asText()).isNotBlank();
            assertThat(stateless.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.json().get("detail").asText()).contains("unknown");
            assertThat(malformed.status()).isEqualTo(401);
            assertThat(valid.status()).isEqualTo(200);
        }
    }

    @Test
    void should_refuse_an_unknown_token_even_when_reads_are_open() {
        try (McpFixtures.Server server = new McpFixtures.Server(true)) {
            HttpTestClient.Reply unknown =
                    post(server, McpHttp.ENDPOINT, builder -> builder.header("Authorization", "Bearer stolen"));
            assertThat(unknown.status()).isEqualTo(401);
        }
    }

    @Test
    void should_leave_the_http_api_to_javalin() {
        try (McpFixtures.Server server = new McpFixtures.Server(false)) {
            assertThat(new HttpTestClient(server.port()).get("/mcp/other").status())
                    .isEqualTo(404);
        }
    }

    private static HttpTestClient.Reply post(
            McpFixtures.Server server, String endpoint, java.util.function.Consumer<HttpRequest.Builder> customize) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.base() + endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        customize.accept(builder);
        return new HttpTestClient(server.port()).send(builder.build());
    }
}
