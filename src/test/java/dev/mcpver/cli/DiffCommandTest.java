package dev.mcpver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    private static final String V1 = "{\"server\":{\"name\":\"s\",\"version\":\"1.0.0\"},\"tools\":[{\"name\":\"a\","
            + "\"inputSchema\":{\"type\":\"object\"}},{\"name\":\"b\",\"inputSchema\":{\"type\":\"object\"}}]}";
    private static final String V1_1_REMOVED =
            V1.replace("1.0.0", "1.1.0").replace(",{\"name\":\"b\",\"inputSchema\":{\"type\":\"object\"}}", "");
    private static final String V2_REMOVED = V1_1_REMOVED.replace("1.1.0", "2.0.0");

    @TempDir
    Path dir;

    private Path file(String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void should_exit_1_when_breaking_changes_ship_without_a_major_bump() throws IOException {
        CliTest.Run run = CliTest.run(
                "diff",
                file("a.json", V1).toString(),
                file("b.json", V1_1_REMOVED).toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("required bump: major")
                .contains("UNDER-BUMPED")
                .contains("tool-removed  tools/b");
    }

    @Test
    void should_exit_0_when_the_major_bump_is_declared() throws IOException {
        CliTest.Run run = CliTest.run(
                "diff",
                file("a.json", V1).toString(),
                file("b.json", V2_REMOVED).toString());

        assertThat(run.exit()).isZero();
    }

    @Test
    void should_gate_on_levels_when_fail_on_is_given() throws IOException {
        String a = file("a.json", V1).toString();
        String b = file("b.json", V2_REMOVED).toString();

        assertThat(CliTest.run("diff", a, b, "--fail-on", "breaking").exit()).isEqualTo(1);
        assertThat(CliTest.run("diff", a, a, "--fail-on", "any").exit()).isZero();
        assertThat(CliTest.run("diff", a, b, "--fail-on", "none").exit()).isZero();
    }

    @Test
    void should_print_the_json_report_when_asked() throws IOException {
        CliTest.Run run = CliTest.run(
                "diff",
                file("a.json", V1).toString(),
                file("b.json", V1_1_REMOVED).toString(),
                "--format",
                "json");
        JsonNode report = Json.create().readTree(run.out());

        assertThat(report.get("requiredBump").asText()).isEqualTo("major");
        assertThat(report.get("declaredBump").asText()).isEqualTo("minor");
        assertThat(report.get("changes").get(0).get("target").asText()).isEqualTo("tools/b");
    }

    @Test
    void should_print_markdown_and_sarif() throws IOException {
        String a = file("a.json", V1).toString();
        String b = file("b.json", V1_1_REMOVED).toString();

        assertThat(CliTest.run("diff", a, b, "--format", "markdown").out())
                .startsWith("## MCP compatibility: `major`")
                .contains("| `tool-removed` | `tools/b` |");
        JsonNode sarif = Json.create()
                .readTree(CliTest.run("diff", a, b, "--format", "sarif").out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("tool-removed");
        assertThat(sarif.at("/runs/0/results/0/level").asText()).isEqualTo("error");
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                        .asText())
                .isEqualTo("b.json");
    }

    @Test
    void should_exit_2_naming_the_file_and_pointer_when_a_surface_is_invalid() throws IOException {
        Path bad = file("bad.json", "{\"tools\":[{\"inputSchema\":{}}]}");
        CliTest.Run run = CliTest.run("diff", file("a.json", V1).toString(), bad.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("mcpver: " + bad + ": /tools/0/name: required string is missing");
    }

    @Test
    void should_exit_2_when_a_file_is_missing_or_not_json() throws IOException {
        assertThat(CliTest.run("diff", "/nonexistent.json", "/nonexistent2.json")
                        .err())
                .contains("no such file");
        CliTest.Run run = CliTest.run(
                "diff", file("a.json", "{").toString(), file("b.json", V1).toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("invalid JSON at line 1");
    }

    @Test
    void should_apply_a_policy_file() throws IOException {
        Path policy = file("policy.json", "{\"rules\":{\"tool-removed\":\"non_breaking\"}}");
        CliTest.Run run = CliTest.run(
                "diff",
                file("a.json", V1).toString(),
                file("b.json", V1_1_REMOVED).toString(),
                "--policy",
                policy.toString(),
                "--fail-on",
                "breaking");

        assertThat(run.exit()).isZero();
        Path badPolicy = file("bad-policy.json", "{\"rules\":{\"no-such-rule\":\"breaking\"}}");
        CliTest.Run bad = CliTest.run(
                "diff", file("a.json", V1).toString(), file("b.json", V1).toString(), "--policy", badPolicy.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("/rules/no-such-rule: unknown rule id");
    }

    @Test
    void should_judge_against_older_releases_in_transitive_mode() throws IOException {
        String v0 = V1.replace("1.0.0", "0.9.0")
                .replace(",{\"name\":\"b\"", ",{\"name\":\"c\",\"inputSchema\":{\"type\":\"object\"}},{\"name\":\"b\"");
        CliTest.Run run = CliTest.run(
                "diff",
                file("v1.json", V1).toString(),
                file("v2.json", V2_REMOVED).toString(),
                "--history",
                file("v0.json", v0).toString(),
                "--format",
                "json",
                "--fail-on",
                "none");
        JsonNode report = Json.create().readTree(run.out());

        assertThat(report.get("transitive").get(0).get("against").get("version").asText())
                .isEqualTo("0.9.0");
        assertThat(report.get("transitive").get(0).get("changes").toString()).contains("tools/c");
    }
}
