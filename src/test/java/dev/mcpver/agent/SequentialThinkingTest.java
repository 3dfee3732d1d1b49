package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.json.Json;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The native tool against the captured output of the reference server (fixtures/sequential-thinking). */
class SequentialThinkingTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/sequential-thinking/2025.12.18");

    private final SequentialThinking thinking = new SequentialThinking();
    private final ToolCatalog catalog = new ToolCatalog(List.of(thinking.toolDef()));

    @Test
    void should_publish_exactly_the_upstream_name_title_description_and_schemas() throws IOException {
        JsonNode upstream = read("tools-list.result.json").get("tools").get(0);
        ToolDef def = thinking.toolDef();

        assertThat(def.name()).isEqualTo(upstream.get("name").asText()).isEqualTo("sequentialthinking");
        assertThat(def.title()).isEqualTo(upstream.get("title").asText());
        assertThat(def.description()).isEqualTo(upstream.get("description").asText());
        assertThat(def.inputSchema()).isEqualTo(upstream.get("inputSchema"));
        assertThat(def.outputSchema()).isEqualTo(upstream.get("outputSchema"));
        assertThat(thinking.upstreamDefinition()).isEqualTo(upstream);
        assertThat(upstream.get("inputSchema").get("required"))
                .extracting(JsonNode::asText)
                .containsExactly("thought", "nextThoughtNeeded", "thoughtNumber", "totalThoughts");
    }

    @Test
    void should_return_the_upstream_results_and_text_for_the_recorded_calls_in_one_scope() throws IOException {
        ToolContext context = new ToolContext(Caller.anonymous(), "t", "run-1", false);

        for (JsonNode call : read("tools-call.results.json")) {
            ToolOutcome outcome = catalog.call("sequentialthinking", call.get("arguments"), context);
            JsonNode expected = call.get("result");
            if (expected.path("isError").asBoolean()) {
                assertThat(outcome).as(call.toString()).isInstanceOf(ToolOutcome.Failed.class);
                assertThat(((ToolOutcome.Failed) outcome).code()).isEqualTo("invalid_arguments");
                continue;
            }
            JsonNode result = ((ToolOutcome.Ok) outcome).result();
            assertThat(result).as(call.toString()).isEqualTo(expected.get("structuredContent"));
            assertThat(SequentialThinking.text(result))
                    .isEqualTo(expected.get("content").get(0).get("text").asText());
            assertThat(catalog.validateOutput("sequentialthinking", result)).isEmpty();
        }
    }

    @Test
    void should_keep_each_run_in_its_own_scope() {
        JsonNode thought = Json.read("{\"thought\":\"a\",\"nextThoughtNeeded\":true,\"thoughtNumber\":1,"
                + "\"totalThoughts\":2,\"branchFromThought\":1,\"branchId\":\"x\"}");

        catalog.call("sequentialthinking", thought, new ToolContext(Caller.anonymous(), "t", "run-a", false));
        ToolOutcome second =
                catalog.call("sequentialthinking", thought, new ToolContext(Caller.anonymous(), "t", "run-a", false));
        ToolOutcome other =
                catalog.call("sequentialthinking", thought, new ToolContext(Caller.anonymous(), "t", "run-b", false));
        ToolOutcome noRun = catalog.call("sequentialthinking", thought, ToolContext.of(Caller.anonymous(), "t"));

        assertThat(((ToolOutcome.Ok) second)
                        .result()
                        .get("thoughtHistoryLength")
                        .asInt())
                .isEqualTo(2);
        assertThat(((ToolOutcome.Ok) other).result().get("thoughtHistoryLength").asInt())
                .isEqualTo(1);
        assertThat(((ToolOutcome.Ok) noRun).result().get("thoughtHistoryLength").asInt())
                .isEqualTo(1);
    }

    @Test
    void should_restore_a_scope_from_recorded_thoughts_and_forget_it_on_release() {
        JsonNode thought =
                Json.read("{\"thought\":\"a\",\"nextThoughtNeeded\":true,\"thoughtNumber\":1,\"totalThoughts\":1}");
        thinking.restore("run-r", List.of(thought, thought));

        ToolOutcome third = thinking.callInScope("run:run-r", thought);
        thinking.release("run-r");
        ToolOutcome afterRelease = thinking.callInScope("run:run-r", thought);

        assertThat(((ToolOutcome.Ok) third).result().get("thoughtHistoryLength").asInt())
                .isEqualTo(3);
        assertThat(((ToolOutcome.Ok) afterRelease)
                        .result()
                        .get("thoughtHistoryLength")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void should_accept_the_string_forms_newer_upstream_releases_accept_when_called_directly() {
        JsonNode lenient = Json.read("{\"thought\":\"a\",\"nextThoughtNeeded\":\"TRUE\",\"thoughtNumber\":\"5\","
                + "\"totalThoughts\":3,\"branchFromThought\":1,\"branchId\":\"alt\"}");

        ToolOutcome outcome = thinking.callInScope("s", lenient);

        assertThat(((ToolOutcome.Ok) outcome).result())
                .isEqualTo(Json.read("{\"thoughtNumber\":5,\"totalThoughts\":5,\"nextThoughtNeeded\":true,"
                        + "\"branches\":[\"alt\"],\"thoughtHistoryLength\":1}"));
    }

    @Test
    void should_report_a_missing_field_when_called_without_validation() {
        ToolOutcome outcome = thinking.callInScope("s", Json.read("{\"thought\":\"a\"}"));

        assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
        assertThat(((ToolOutcome.Failed) outcome).message()).contains("nextThoughtNeeded");
    }

    private static JsonNode read(String file) throws IOException {
        return Json.read(Files.readString(FIXTURE.resolve(file), StandardCharsets.UTF_8));
    }
}
