package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import dev.mcpver.testing.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A/B CLI on the fat jar, sharing one SQLite database with a running server. */
class ExperimentsIT {
    @TempDir
    Path directory;

    private JsonNode cli(Path db, String... args) throws Exception {
        try (JarProcess process = JarProcess.start(Map.of("MCPVER_DB", db.toString()), args)) {
            assertThat(process.waitFor(Duration.ofSeconds(60)))
                    .as(process.stderrLines().toString())
                    .isZero();
            assertThat(process.stdoutLines()).hasSize(1);
            return Json.read(process.stdoutLines().get(0));
        }
    }

    @Test
    void should_create_and_start_from_the_cli_while_the_server_reads_the_same_database() throws Exception {
        Path db = directory.resolve("shared.db");
        Path definition = directory.resolve("experiment.json");
        Files.writeString(definition, """
                {"name": "it-search", "mcpId": "mcp-search",
                 "variants": [{"key": "A", "version": "1.0.0", "weight": 50}, {"key": "B", "version": "1.1.0", "weight": 50}],
                 "metrics": [{"name": "success", "kind": "binary", "direction": "higher_is_better"}]}""", StandardCharsets.UTF_8);
        try (JarProcess serve = JarProcess.start(Map.of(), "serve", "--port", "0", "--db", db.toString())) {
            HttpTestClient client = new HttpTestClient(serve.awaitPort(Duration.ofSeconds(30)));

            String id = cli(db, "experiments", "create", "--file", definition.toString())
                    .get("id")
                    .asText();
            JsonNode started = cli(db, "experiments", "start", id);
            JsonNode analysis =
                    client.get("/api/v1/experiments/" + id + "/analysis").json();

            assertThat(started.get("status").asText()).isEqualTo("running");
            assertThat(analysis.get("status").asText()).isEqualTo("running");
            assertThat(analysis.at("/decision/reasons/0").asText()).isEqualTo("INSUFFICIENT_SAMPLE");
            assertThat(client.get("/api/v1/experiments")
                            .json()
                            .get(0)
                            .get("name")
                            .asText())
                    .isEqualTo("it-search");
            serve.terminate();
        }
    }

    @Test
    void should_plan_a_sample_size_without_a_database() throws Exception {
        JsonNode size = cli(
                directory.resolve("unused.db"),
                "experiments",
                "sample-size",
                "--kind",
                "continuous",
                "--baseline",
                "200",
                "--mde",
                "0.05",
                "--mde-type",
                "relative",
                "--stddev",
                "50");

        assertThat(size.get("perVariant").asLong()).isEqualTo(393);
        assertThat(Files.exists(directory.resolve("unused.db"))).isFalse();
    }
}
