package dev.mcpver.surface;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.snapshot.LaunchRequest;
import dev.mcpver.snapshot.Snapshotter;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompatToolsTest {
    private final ObjectMapper mapper = Json.create();
    private final Snapshotter snapshotter = new Snapshotter(mapper, System.getenv(), "test", Clock.systemUTC());
    private final ToolCatalog catalog = new ToolCatalog(CompatTools.definitions(
            new CompatService(new InMemoryReportCache(10), Clock.systemUTC()),
            launch -> {
                LaunchRequest request = LaunchRequest.parse(launch);
                return JsonValues.toJackson(
                        dev.mcpver.compat.SurfaceWriter.write(snapshotter.snapshot(request.spec(), request.options())));
            },
            mapper));

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text.replace('\'', '"'));
    }

    @Test
    void should_analyze_and_answer_a_report_that_matches_the_declared_output_schema() throws Exception {
        JsonNode args =
                json("{'old':{'server':{'version':'1.0.0'},'tools':[{'name':'a','inputSchema':{'type':'object'}}]},"
                        + "'new':{'server':{'version':'1.0.1'},'tools':[]}}");

        ToolOutcome outcome = catalog.call("compat_analyze", args, ToolContext.of(Caller.anonymous(), "r1"));

        assertThat(outcome).isInstanceOf(ToolOutcome.Ok.class);
        JsonNode report = ((ToolOutcome.Ok) outcome).result();
        assertThat(report.get("requiredBump").asText()).isEqualTo("major");
        assertThat(catalog.validateOutput("compat_analyze", report)).isEmpty();
    }

    @Test
    void should_fail_with_the_pointer_when_a_surface_is_invalid() throws Exception {
        JsonNode args = json("{'old':{'tools':[{'inputSchema':{}}]},'new':{'tools':[]}}");

        ToolOutcome outcome = catalog.call("compat_analyze", args, ToolContext.of(Caller.anonymous(), "r1"));

        assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
        assertThat(((ToolOutcome.Failed) outcome).text())
                .isEqualTo("invalid_surface: /old/tools/0/name: required string is missing");
    }

    @Test
    void should_list_the_rules() throws Exception {
        ToolOutcome outcome = catalog.call("compat_rules", json("{}"), ToolContext.of(Caller.anonymous(), "r1"));

        assertThat(catalog.validateOutput("compat_rules", ((ToolOutcome.Ok) outcome).result()))
                .isEmpty();
    }

    @Test
    void should_require_an_operator_to_snapshot_and_return_the_surface() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        JsonNode args = mapper.valueToTree(Map.of(
                "transport",
                "stdio",
                "command",
                java,
                "probeProtocols",
                false,
                "args",
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.mcpver.snapshot.fixtures.ScriptedServer",
                        "paged")));

        ToolOutcome denied = catalog.call("snapshot_server", args, ToolContext.of(Caller.anonymous(), "r1"));
        ToolOutcome taken =
                catalog.call("snapshot_server", args, ToolContext.of(new Caller("op", Role.OPERATOR), "r2"));

        assertThat(((ToolOutcome.Failed) denied).code()).isEqualTo("forbidden");
        JsonNode result = ((ToolOutcome.Ok) taken).result();
        assertThat(result.at("/surface/tools").size()).isEqualTo(5);
        assertThat(catalog.validateOutput("snapshot_server", result)).isEmpty();
        assertThat(catalog.find("snapshot_server").orElseThrow().hints().openWorld())
                .isTrue();
    }
}
