package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.testing.JarProcess;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar mcpver.jar mcp} as MCP hosts run it: a child process speaking JSON-RPC on stdin/stdout. */
class McpStdioIT {
    /** Four messages, newline-delimited, as a host would pipe them. */
    private static final String SCRIPT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"pipe","version":"1"}}}
            {"jsonrpc":"2.0","method":"notifications/initialized"}
            {"jsonrpc":"2.0","id":2,"method":"tools/list"}
            {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"semver_diff",\
            "arguments":{"a":"1.2.3","b":"2.0.0"}}}
            """;

    @TempDir
    Path directory;

    @Test
    void should_serve_the_java_sdk_client_over_stdio() {
        ServerParameters command = ServerParameters.builder(javaBinary())
                .args(
                        "-jar",
                        JarProcess.jar().toString(),
                        "mcp",
                        "--db",
                        directory.resolve("s.db").toString())
                .build();
        StdioClientTransport transport = new StdioClientTransport(command, new JacksonMcpJsonMapper(Json.create()));
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
            McpSchema.InitializeResult init = client.initialize();
            List<McpSchema.Tool> tools = client.listTools().tools();
            McpSchema.CallToolResult ok =
                    McpHttpTest.call(client, "semver_satisfies", Map.of("version", "1.4.2", "range", "^1.2.3"));
            McpSchema.CallToolResult bad =
                    McpHttpTest.call(client, "semver_next", Map.of("version", "1.2.3", "bump", "huge"));

            assertThat(init.serverInfo().name()).isEqualTo("mcpver");
            assertThat(tools).extracting(McpSchema.Tool::name).contains("semver_satisfies", "semver_next");
            assertThat(McpHttpTest.text(ok)).isEqualTo("{\"satisfies\":true}");
            assertThat(bad.isError()).isTrue();
            assertThat(McpHttpTest.text(bad)).startsWith("invalid_arguments: ");
            assertThat(client.listPrompts().prompts())
                    .extracting(McpSchema.Prompt::name)
                    .contains("plan_upgrade", "review_release");
            assertThat(McpHttpTest.read(client, "mcpver://catalog")).contains("\"semver_parse\"");
        }
    }

    @Test
    void should_answer_piped_requests_write_only_protocol_to_stdout_and_exit_0_on_eof() throws Exception {
        try (JarProcess mcp = JarProcess.start(
                Map.of("MCPVER_LOG_LEVEL", "info"),
                "mcp",
                "--db",
                directory.resolve("p.db").toString())) {
            try (OutputStream stdin = mcp.process().getOutputStream()) {
                stdin.write(SCRIPT.getBytes(StandardCharsets.UTF_8));
            }

            assertThat(mcp.waitFor(Duration.ofSeconds(60))).isZero();
            List<JsonNode> out = mcp.stdoutLines().stream().map(Json::read).toList();
            assertThat(out).extracting(line -> line.get("id").asInt()).containsExactly(1, 2, 3);
            assertThat(out)
                    .allSatisfy(line -> assertThat(line.get("jsonrpc").asText()).isEqualTo("2.0"));
            assertThat(out.get(2).at("/result/structuredContent/diff").asText()).isEqualTo("major");
            assertThat(mcp.logEvents()).as("stderr is JSON log lines only").isNotEmpty();
            assertThat(mcp.stderrLines()).anyMatch(line -> line.contains("\"operation\":\"MCP_STDIO_STOP\""));
        }
    }

    @Test
    void should_exit_0_when_the_client_closes_stdin_without_a_word() throws Exception {
        try (JarProcess mcp = JarProcess.start(
                Map.of(), "mcp", "--db", directory.resolve("e.db").toString())) {
            mcp.process().getOutputStream().close();

            assertThat(mcp.waitFor(Duration.ofSeconds(60))).isZero();
            assertThat(mcp.stdoutLines()).isEmpty();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
