package dev.mcpver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCommandTest {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CP = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    @Test
    void should_write_a_surface_file_when_snapshotting_over_stdio() throws Exception {
        Path out = dir.resolve("surface.json");
        CliTest.Run run = CliTest.run(
                System.getenv(),
                "snapshot",
                "--stdio",
                "--package-version",
                "0.3.0",
                "-o",
                out.toString(),
                "--",
                JAVA,
                "-cp",
                CP,
                "dev.mcpver.snapshot.fixtures.ScriptedServer",
                "paged");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode surface = Json.create().readTree(Files.readString(out));
        assertThat(surface.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(surface.get("tools").size()).isEqualTo(5);
        assertThat(surface.at("/server/version").asText()).isEqualTo("0.3.0");
        assertThat(surface.at("/protocol/versions").toString()).contains("2026-07-28");
    }

    @Test
    void should_fail_in_one_line_with_exit_1_when_the_server_writes_garbage() {
        CliTest.Run run = CliTest.run(
                System.getenv(),
                "snapshot",
                "--stdio",
                "--no-probe",
                "--",
                JAVA,
                "-cp",
                CP,
                "dev.mcpver.snapshot.fixtures.ScriptedServer",
                "garbage");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip())
                .startsWith("mcpver: snapshot failed: ")
                .contains("not JSON-RPC")
                .doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void should_exit_2_when_the_target_is_missing_or_ambiguous() {
        assertThat(CliTest.run(Map.of(), "snapshot").exit()).isEqualTo(2);
        assertThat(CliTest.run(Map.of(), "snapshot", "--stdio").err()).contains("--stdio needs a command");
        assertThat(CliTest.run(Map.of(), "snapshot", "--stdio", "--url", "http://127.0.0.1:1/mcp", "--", "x")
                        .exit())
                .isEqualTo(2);
        assertThat(CliTest.run(Map.of(), "snapshot", "--url", "ftp://x").err()).contains("http(s)");
    }
}
