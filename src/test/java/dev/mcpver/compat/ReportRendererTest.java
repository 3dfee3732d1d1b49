package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
    private static final CompatReport REPORT = Surfaces.diff(
            Surfaces.surface(
                    "{'server':{'name':'s','version':'1.0.0'},'tools':[{'name':'a|b','inputSchema':{'type':'object'}},"
                            + "{'name':'c','description':'Old.','inputSchema':{'type':'object'}}]}"),
            Surfaces.surface("{'server':{'name':'s','version':'1.0.1'},'tools':[{'name':'c','description':'New words.',"
                    + "'inputSchema':{'type':'object'}}]}"));

    @Test
    void should_start_the_json_report_with_the_members_the_issue_fixes() throws Exception {
        JsonNode json = Json.create().readTree(ReportRenderer.render(REPORT, ReportFormat.JSON, "new.json", "1"));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);

        assertThat(names.subList(0, 11))
                .containsExactly(
                        "requiredBump",
                        "declaredBump",
                        "underBumped",
                        "compatibilityScore",
                        "compatibilityLevel",
                        "migrationComplexity",
                        "counts",
                        "renames",
                        "changes",
                        "recommendedActions",
                        "rollbackRecommended");
        List<String> changeFields = new ArrayList<>();
        json.at("/changes/0").fieldNames().forEachRemaining(changeFields::add);
        assertThat(changeFields).startsWith("ruleId", "level", "consumer", "target", "before", "after", "message");
        assertThat(json.get("counts").toString())
                .isEqualTo("{\"breaking\":1,\"potentially_breaking\":0,\"non_breaking\":1}");
        assertThat(json.get("rollbackRecommended").asBoolean()).isTrue();
    }

    @Test
    void should_render_identical_bytes_for_identical_inputs() {
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(ReportRenderer.render(REPORT, format, "n.json", "1"))
                    .isEqualTo(ReportRenderer.render(
                            Surfaces.diff(
                                    Surfaces.surface(
                                            "{'server':{'name':'s','version':'1.0.0'},'tools':[{'name':'a|b','inputSchema':{'type':'object'}},"
                                                    + "{'name':'c','description':'Old.','inputSchema':{'type':'object'}}]}"),
                                    Surfaces.surface(
                                            "{'server':{'name':'s','version':'1.0.1'},'tools':[{'name':'c','description':'New words.',"
                                                    + "'inputSchema':{'type':'object'}}]}")),
                            format,
                            "n.json",
                            "1"));
        }
    }

    @Test
    void should_escape_table_cells_and_collapse_non_breaking_changes_in_markdown() {
        String markdown = ReportRenderer.render(REPORT, ReportFormat.MARKDOWN, "n", "1");

        assertThat(markdown)
                .contains("`tools/a\\|b`")
                .contains("### Breaking (1)")
                .contains("<details><summary>show</summary>");
    }

    @Test
    void should_reference_every_result_rule_in_the_sarif_driver() throws Exception {
        JsonNode sarif =
                Json.create().readTree(ReportRenderer.render(REPORT, ReportFormat.SARIF, "surfaces/new.json", "9.9"));
        JsonNode run = sarif.at("/runs/0");

        assertThat(run.at("/tool/driver/version").asText()).isEqualTo("9.9");
        for (JsonNode result : run.get("results")) {
            int index = result.get("ruleIndex").asInt();
            assertThat(run.at("/tool/driver/rules/" + index + "/id").asText())
                    .isEqualTo(result.get("ruleId").asText());
            assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName")
                            .asText())
                    .startsWith("tools/");
        }
        assertThat(run.at("/results/0/level").asText()).isEqualTo("error");
    }

    @Test
    void should_print_one_line_per_fact_in_text() {
        String text = ReportRenderer.render(REPORT, ReportFormat.TEXT, "n", "1");

        assertThat(text)
                .startsWith(
                        "mcpver compat: s 1.0.0 -> s 1.0.1\nrequired bump: major   declared: patch   UNDER-BUMPED\n");
        assertThat(text).contains("BREAKING              tool-removed  tools/a|b");
    }
}
