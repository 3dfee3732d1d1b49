package dev.mcpver.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.App;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.Experiments;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentToolsTest {
    @TempDir
    Path directory;

    ExperimentService service;
    ToolCatalog catalog;
    String id;

    static final ToolContext VIEWER = ToolContext.of(new Caller("v", Role.VIEWER), "t1");
    static final ToolContext OPERATOR = ToolContext.of(new Caller("op", Role.OPERATOR), "t2");

    @BeforeEach
    void setUp() {
        service = App.experiments(TestDatabases.sqlite(directory), Experiments.CLOCK);
        catalog = new ToolCatalog(new ExperimentTools(service).all());
        id = service.create(Experiments.example("tools"), "alice").id();
        service.start(id, "alice");
    }

    private static JsonNode args(String json) {
        return Json.read(json);
    }

    private JsonNode ok(String tool, JsonNode arguments, ToolContext context) {
        ToolOutcome outcome = catalog.call(tool, arguments, context);
        assertThat(outcome).isInstanceOf(ToolOutcome.Ok.class);
        JsonNode result = ((ToolOutcome.Ok) outcome).result();
        assertThat(catalog.validateOutput(tool, result)).isEmpty();
        return result;
    }

    @Test
    void should_answer_read_only_tools_with_the_api_json() {
        JsonNode analysis = ok("experiment_analysis", args("{\"experimentId\":\"" + id + "\"}"), VIEWER);
        JsonNode list = ok("experiment_list", args("{\"status\":\"running\"}"), VIEWER);
        JsonNode size = ok(
                "experiment_sample_size",
                args("{\"kind\":\"binary\",\"baseline\":0.1,\"mde\":0.02," + "\"mdeType\":\"absolute\"}"),
                VIEWER);
        JsonNode recommendation = ok("experiment_recommendation", args("{\"experimentId\":\"" + id + "\"}"), VIEWER);

        assertThat(analysis.at("/decision/reasons/0").asText()).isEqualTo("INSUFFICIENT_SAMPLE");
        assertThat(list.at("/experiments/0/id").asText()).isEqualTo(id);
        assertThat(size.get("perVariant").asLong()).isEqualTo(3841);
        assertThat(recommendation.get("resolution").asText()).isEqualTo("accepted");
        assertThat(catalog.find("experiment_analysis").orElseThrow().hints().readOnly())
                .isTrue();
    }

    @Test
    void should_fail_as_results_for_unknown_experiments_and_invalid_arguments() {
        ToolOutcome missing = catalog.call("experiment_analysis", args("{\"experimentId\":\"nope\"}"), VIEWER);
        ToolOutcome invalid = catalog.call(
                "experiment_sample_size",
                args("{\"kind\":\"binary\",\"baseline\":2," + "\"mde\":0.1,\"mdeType\":\"absolute\"}"),
                VIEWER);

        assertThat(((ToolOutcome.Failed) missing).code()).isEqualTo("not_found");
        assertThat(((ToolOutcome.Failed) invalid).code()).isEqualTo("invalid_arguments");
        assertThat(((ToolOutcome.Failed) invalid).message()).contains("/baseline");
    }

    @Test
    void should_stop_only_for_an_operator_with_confirmation() {
        JsonNode stop = args("{\"experimentId\":\"" + id + "\",\"reason\":\"agent asked\"}");

        ToolOutcome byViewer = catalog.call("experiment_stop", stop, VIEWER.confirm());
        ToolOutcome unconfirmed = catalog.call("experiment_stop", stop, OPERATOR);
        JsonNode stopped = ok("experiment_stop", stop, OPERATOR.confirm());
        ToolOutcome twice = catalog.call("experiment_stop", stop, OPERATOR.confirm());

        assertThat(((ToolOutcome.Failed) byViewer).code()).isEqualTo("forbidden");
        assertThat(((ToolOutcome.Failed) unconfirmed).code()).isEqualTo("confirmation_required");
        assertThat(stopped.at("/stop/by").asText()).isEqualTo("op");
        assertThat(((ToolOutcome.Failed) twice).code()).isEqualTo("conflict");
    }
}
