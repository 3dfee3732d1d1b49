package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.testing.BrowserTests;
import dev.mcpver.testing.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MCP clients from npm against the fat jar: the official TypeScript SDK client and the MCP Inspector CLI, over
 * stdio and Streamable HTTP. Skipped when node or the pinned packages are missing (install them with
 * {@code src/test/node/install.sh}), unless {@code MCPVER_REQUIRE_NODE_TESTS=1} (CI) makes that a failure.
 */
class McpNodeClientsIT {
    private static final Path NODE_DIR = Path.of("target/mcp-node");

    @TempDir
    static Path directory;

    private static JarProcess serve;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        BrowserTests.NodeTools.require(
                Files.isDirectory(NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk"))
                        && Files.isDirectory(NODE_DIR.resolve("node_modules/@modelcontextprotocol/inspector")),
                "MCP clients not installed in " + NODE_DIR + ": run src/test/node/install.sh");
        serve = JarProcess.start(
                Map.of(),
                "serve",
                "--port",
                "0",
                "--db",
                directory.resolve("serve.db").toString());
        port = serve.awaitPort(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    void should_work_with_the_typescript_sdk_client_over_stdio() throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "client.mjs", "stdio"));
        command.addAll(jarCommand("stdio.db"));

        assertSummary(runJson(command));
    }

    @Test
    void should_work_with_the_typescript_sdk_client_over_streamable_http() throws Exception {
        assertSummary(runJson(List.of("node", "client.mjs", "http", url(McpHttp.ENDPOINT))));
    }

    @Test
    void should_work_with_the_typescript_sdk_client_over_stateless_http() throws Exception {
        assertSummary(runJson(List.of("node", "client.mjs", "http", url(McpHttp.STATELESS_ENDPOINT))));
    }

    @Test
    void should_work_with_the_inspector_cli_over_stdio() throws Exception {
        List<String> command = new ArrayList<>(List.of("npx", "--no-install", "mcp-inspector", "--cli"));
        command.addAll(jarCommand("inspector.db"));
        command.addAll(List.of("--method", "tools/list"));

        JsonNode list = runJson(command);

        assertThat(list.get("tools")).isNotEmpty();
        assertThat(list.at("/tools/0/annotations/readOnlyHint").asBoolean()).isTrue();
    }

    @Test
    void should_work_with_the_inspector_cli_over_streamable_http() throws Exception {
        JsonNode call = runJson(List.of(
                "npx",
                "--no-install",
                "mcp-inspector",
                "--cli",
                "--transport",
                "http",
                url(McpHttp.ENDPOINT),
                "--method",
                "tools/call",
                "--tool-name",
                "semver_satisfies",
                "--tool-arg",
                "version=1.4.2",
                "--tool-arg",
                "range=^1.2.3"));
        JsonNode templates = runJson(List.of(
                "npx",
                "--no-install",
                "mcp-inspector",
                "--cli",
                "--transport",
                "http",
                url(McpHttp.ENDPOINT),
                "--method",
                "resources/templates/list"));

        assertThat(call.get("isError").asBoolean()).isFalse();
        assertThat(call.at("/structuredContent/satisfies").asBoolean()).isTrue();
        assertThat(templates.get("resourceTemplates")).isNotEmpty();
    }

    private static void assertSummary(JsonNode summary) {
        assertThat(summary.at("/serverInfo/name").asText()).isEqualTo("mcpver");
        assertThat(summary.get("tools")).isNotEmpty().allSatisfy(tool -> {
            assertThat(tool.get("hasOutputSchema").asBoolean()).isTrue();
            assertThat(tool.at("/annotations/readOnlyHint").isBoolean()).isTrue();
        });
        assertThat(summary.at("/calls/satisfies/structured/satisfies").asBoolean())
                .isTrue();
        assertThat(summary.at("/calls/satisfies/text").asText()).isEqualTo("{\"satisfies\":true}");
        assertThat(summary.at("/calls/compare/structured/result").asInt()).isEqualTo(1);
        assertThat(summary.at("/calls/diff/structured").has("diff")).isTrue();
        assertThat(summary.at("/calls/invalid/isError").asBoolean()).isTrue();
        assertThat(summary.at("/calls/invalid/text").asText()).startsWith("invalid_arguments: ");
        assertThat(summary.get("prompts").toString()).contains("plan_upgrade", "review_release");
        assertThat(summary.get("promptText").asText()).contains("**acme**");
        assertThat(summary.get("resources").toString()).contains("mcpver://catalog");
        assertThat(summary.get("resourceTemplates").toString()).contains("mcpver://catalog/tools/{name}");
        assertThat(summary.get("catalogTools").asInt())
                .isEqualTo(summary.get("tools").size());
    }

    private List<String> jarCommand(String db) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JarProcess.jar().toAbsolutePath().toString(),
                "mcp",
                "--db",
                directory.resolve(db).toString());
    }

    private static String url(String endpoint) {
        return "http://127.0.0.1:" + port + endpoint;
    }

    /** Runs a node tool in target/mcp-node and parses its stdout as one JSON document. */
    private static JsonNode runJson(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(directory, "out", ".json");
        Path err = Files.createTempFile(directory, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(NODE_DIR.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(finished && process.exitValue() == 0)
                .as(
                        "%s exited %s; stderr: %s",
                        command,
                        finished ? process.exitValue() : "never",
                        Files.readString(err, StandardCharsets.UTF_8))
                .isTrue();
        return Json.read(stdout);
    }
}
