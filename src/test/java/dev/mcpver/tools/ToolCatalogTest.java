package dev.mcpver.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
    private static final JsonNode INPUT = Json.read("""
            {"type":"object","properties":{"a":{"type":"integer","minimum":0},"b":{"type":"integer"}},
             "required":["a","b"],"additionalProperties":false}""");
    private static final JsonNode OUTPUT = Json.read("""
            {"type":"object","properties":{"sum":{"type":"integer"}},"required":["sum"]}""");

    private final ToolDef add = ToolDef.readOnly(
            "add",
            "Add",
            "Adds two integers.",
            INPUT,
            OUTPUT,
            (args, ctx) -> ToolOutcome.ok(Json.mapper()
                    .valueToTree(
                            Map.of("sum", args.get("a").asInt() + args.get("b").asInt()))));
    private final ToolDef explode =
            ToolDef.readOnly("explode", "Explode", "Always fails.", INPUT, OUTPUT, (args, ctx) -> {
                throw new IllegalStateException("engine exploded");
            });
    private final ToolDef reject = ToolDef.readOnly("reject", "Reject", "Rejects.", INPUT, OUTPUT, (args, ctx) -> {
        throw new IllegalArgumentException("b must be even");
    });
    private final ToolDef wipe = new ToolDef(
            "wipe",
            "Wipe",
            "Deletes everything.",
            INPUT,
            OUTPUT,
            new ToolHints(false, true, false, false),
            Role.OPERATOR,
            true,
            (args, ctx) -> ToolOutcome.ok(Json.read("{\"sum\":0}")));

    private final ToolCatalog catalog = new ToolCatalog(List.of(add, explode, reject, wipe));
    private final ToolContext viewer = ToolContext.of(new Caller("v", Role.VIEWER), "r1");
    private final ToolContext operator = ToolContext.of(new Caller("o", Role.OPERATOR), "r2");

    @Test
    void should_run_a_tool_with_valid_arguments_and_a_result_matching_its_output_schema() {
        ToolOutcome outcome = catalog.call("add", Json.read("{\"a\":2,\"b\":3}"), viewer);

        assertThat(outcome).isInstanceOf(ToolOutcome.Ok.class);
        JsonNode result = ((ToolOutcome.Ok) outcome).result();
        assertThat(result.get("sum").asInt()).isEqualTo(5);
        assertThat(catalog.validateOutput("add", result)).isEmpty();
        assertThat(catalog.validateOutput("add", Json.read("{\"sum\":\"five\"}")))
                .isNotEmpty();
    }

    @Test
    void should_reject_arguments_that_violate_the_schema_naming_each_problem() {
        ToolOutcome missing = catalog.call("add", Json.read("{\"a\":2}"), viewer);
        ToolOutcome negative = catalog.call("add", Json.read("{\"a\":-1,\"b\":1}"), viewer);
        ToolOutcome extra = catalog.call("add", Json.read("{\"a\":1,\"b\":1,\"c\":1}"), viewer);

        assertThat(missing)
                .isEqualTo(new ToolOutcome.Failed("invalid_arguments", ((ToolOutcome.Failed) missing).message()));
        assertThat(((ToolOutcome.Failed) missing).message()).contains("b");
        assertThat(((ToolOutcome.Failed) negative).message()).contains("/a").contains("0");
        assertThat(((ToolOutcome.Failed) extra).message()).contains("c");
    }

    @Test
    void should_name_the_available_tools_when_asked_for_an_unknown_one() {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) catalog.call("rollback_everything", Json.read("{}"), viewer);

        assertThat(failed.code()).isEqualTo("unknown_tool");
        assertThat(failed.message()).contains("add, explode, reject, wipe");
    }

    @Test
    void should_turn_handler_exceptions_into_failures_a_model_can_read() {
        ToolOutcome.Failed thrown =
                (ToolOutcome.Failed) catalog.call("explode", Json.read("{\"a\":1,\"b\":1}"), viewer);
        ToolOutcome.Failed invalid =
                (ToolOutcome.Failed) catalog.call("reject", Json.read("{\"a\":1,\"b\":1}"), viewer);

        assertThat(thrown.code()).isEqualTo("tool_failed");
        assertThat(thrown.message()).contains("engine exploded");
        assertThat(invalid.code()).isEqualTo("invalid_arguments");
        assertThat(invalid.text()).isEqualTo("invalid_arguments: b must be even");
    }

    @Test
    void should_enforce_the_role_and_the_confirmation_rule_of_state_changing_tools() {
        JsonNode args = Json.read("{\"a\":1,\"b\":1}");

        assertThat(((ToolOutcome.Failed) catalog.call("wipe", args, viewer)).code())
                .isEqualTo("forbidden");
        assertThat(((ToolOutcome.Failed) catalog.call("wipe", args, operator)).code())
                .isEqualTo("confirmation_required");
        assertThat(catalog.call("wipe", args, operator.confirm()).ok()).isTrue();
    }

    @Test
    void should_fingerprint_the_catalog_by_its_manifest() {
        ToolCatalog same = new ToolCatalog(List.of(add, explode, reject, wipe));
        ToolCatalog fewer = new ToolCatalog(List.of(add));

        assertThat(same.sha256()).isEqualTo(catalog.sha256()).hasSize(64);
        assertThat(fewer.sha256()).isNotEqualTo(catalog.sha256());
        assertThat(catalog.manifest().get(3).at("/annotations/destructiveHint").asBoolean())
                .isTrue();
    }

    @Test
    void should_refuse_duplicate_names_and_non_object_schemas() {
        assertThatThrownBy(() -> new ToolCatalog(List.of(add, add))).hasMessageContaining("two tools are named add");
        assertThatThrownBy(() ->
                        ToolDef.readOnly("x", "X", "d", Json.read("{\"type\":\"string\"}"), OUTPUT, add.handler()))
                .hasMessageContaining("inputSchema");
    }
}
