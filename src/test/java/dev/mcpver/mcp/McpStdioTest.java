package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** stdio transport in-process: newline-delimited JSON-RPC, local admin caller, return on EOF. */
class McpStdioTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @Test
    void should_answer_over_pipes_act_as_local_admin_and_return_when_stdin_closes() throws Exception {
        PipedOutputStream clientOut = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 16);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> serve(serverIn, serverOut));
        BufferedReader responses = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));

        send(clientOut, INITIALIZE);
        JsonNode init = Json.read(responses.readLine());
        send(clientOut, INITIALIZED);
        send(clientOut, call(2, "test_promote", "{\"version\":\"1.0.0\",\"confirm\":true}"));
        JsonNode promoted = Json.read(responses.readLine());
        clientOut.close();

        serving.get(10, TimeUnit.SECONDS);
        assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("mcpver");
        assertThat(promoted.at("/result/isError").asBoolean()).isFalse(); // local admin may run operator tools
        assertThat(promoted.at("/result/structuredContent/promoted").asText()).isEqualTo("1.0.0");
    }

    @Test
    void should_answer_everything_a_client_piped_in_before_closing() throws Exception {
        String script = String.join(
                "\n", INITIALIZE, INITIALIZED, call(2, "semver_compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}"), "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        McpStdio.serve(McpFixtures.surface(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out);

        List<JsonNode> lines =
                out.toString(StandardCharsets.UTF_8).lines().map(Json::read).toList();
        assertThat(lines).extracting(line -> line.get("id").asInt()).containsExactly(1, 2);
        assertThat(lines.get(1).at("/result/structuredContent/result").asInt()).isEqualTo(-1);
    }

    private static void serve(PipedInputStream in, PipedOutputStream out) {
        try {
            McpStdio.serve(McpFixtures.surface(), in, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String call(int id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
