package dev.mcpver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsCommandTest {
    @TempDir
    Path directory;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return Json.read(out);
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env =
                Map.of("MCPVER_DB", directory.resolve("cli.db").toString());
        int exit = Cli.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    Path definition(String name) throws IOException {
        Path file = directory.resolve(name + ".json");
        Files.writeString(file, """
                {"name": "%s", "mcpId": "mcp-search",
                 "variants": [{"key": "A", "version": "1.0.0", "weight": 50}, {"key": "B", "version": "1.1.0", "weight": 50}],
                 "metrics": [{"name": "latency", "kind": "continuous", "direction": "lower_is_better"}]}""".formatted(name), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void should_create_start_show_analyse_and_stop_an_experiment() throws IOException {
        Run created = run("experiments", "create", "--file", definition("cli-1").toString());
        String id = created.json().get("id").asText();

        Run started = run("experiments", "start", id);
        Run listed = run("experiments", "list", "--status", "running");
        Run shown = run("experiments", "show", id);
        Run analysis = run("experiments", "analysis", id, "--gate");
        Run stopped = run("experiments", "stop", id, "--reason", "done");

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.json().get("status").asText()).isEqualTo("draft");
        assertThat(created.json().at("/metrics/0/role").asText()).isEqualTo("primary");
        assertThat(started.json().get("status").asText()).isEqualTo("running");
        assertThat(listed.json().get(0).get("id").asText()).isEqualTo(id);
        assertThat(shown.json().at("/samples/A").asLong()).isZero();
        assertThat(analysis.exit()).isZero();
        assertThat(analysis.json().at("/decision/action").asText()).isEqualTo("continue");
        assertThat(stopped.json().at("/stop/by").asText()).isEqualTo("local");
        assertThat(stopped.out()).doesNotContain("\n{");
    }

    @Test
    void should_exit_1_for_an_unknown_experiment_and_a_conflict() throws IOException {
        run("experiments", "create", "--file", definition("cli-2").toString());

        Run missing = run("experiments", "show", "nope");
        Run duplicate =
                run("experiments", "create", "--file", definition("cli-2").toString());

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("mcpver: no experiment with id \"nope\"");
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("exists already");
    }

    @Test
    void should_exit_2_with_one_line_for_an_invalid_definition() throws IOException {
        Path file = directory.resolve("bad.json");
        Files.writeString(
                file,
                "{\"name\": \"x\", \"mcpId\": \"m\", \"variants\": [{\"key\": \"A\", \"version\": \"1\"}],"
                        + " \"metrics\": [{\"name\": \"m\", \"kind\": \"binary\", \"direction\": \"up\"}]}",
                StandardCharsets.UTF_8);

        Run bad = run("experiments", "create", "--file", file.toString());

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip())
                .startsWith("mcpver: /metrics/0/direction: must be one of")
                .doesNotContain("\n");
    }

    @Test
    void should_compute_a_sample_size_without_a_database() {
        Run size = run("experiments", "sample-size", "--kind", "binary", "--baseline", "0.1", "--mde", "0.02");
        Run invalid = run("experiments", "sample-size", "--kind", "binary", "--baseline", "1.5", "--mde", "0.02");

        assertThat(size.exit()).isZero();
        assertThat(size.json().get("perVariant").asLong()).isEqualTo(3841);
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).contains("/baseline");
        assertThat(Files.exists(directory.resolve("cli.db"))).isFalse();
    }
}
