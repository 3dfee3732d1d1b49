package dev.mcpver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.GatewaySettings;
import dev.mcpver.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpver proxy}'s bridge: stdio lines in, the gateway's answers out, one per line. */
class StdioBridgeTest {
    @TempDir
    Path temp;

    private GatewayTestbed testbed;

    @AfterEach
    void tearDown() {
        testbed.close();
    }

    @Test
    void should_bridge_a_stdio_session_to_the_gateway_and_end_it_on_eof() throws Exception {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults());
        String input = String.join(
                "\n",
                RawMcp.initialize(1),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                RawMcp.call(2, "echo", "{\"text\":\"one\"}"),
                RawMcp.call(3, "add", "{\"a\":2,\"b\":3}"),
                "{\"jsonrpc\":\"2.0\",\"id\":\"four\",\"method\":\"tools/list\"}",
                "");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StdioBridge bridge = new StdioBridge(
                HttpClient.newHttpClient(),
                URI.create(testbed.baseUrl() + "/mcp/servers/fixture"),
                GatewayTestbed.TOKEN,
                "stdio-agent",
                Json.create());
        bridge.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output);

        List<JsonNode> lines =
                output.toString(StandardCharsets.UTF_8).lines().map(Json::read).toList();
        Map<String, JsonNode> byId =
                lines.stream().collect(Collectors.toMap(l -> l.path("id").asText(), Function.identity()));
        assertThat(byId).containsOnlyKeys("1", "2", "3", "four");
        assertThat(byId.get("1").at("/result/serverInfo/version").asText()).isEqualTo(GatewayTestbed.STABLE);
        assertThat(byId.get("2").at("/result/structuredContent/echo").asText()).isEqualTo("one");
        assertThat(byId.get("3").at("/result/structuredContent/sum").asDouble()).isEqualTo(5.0);
        assertThat(byId.get("four").at("/result/tools").size()).isEqualTo(3);
    }
}
