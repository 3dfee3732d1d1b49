package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpver snapshot}, {@code diff} and {@code manifest} from the fat jar, as a CI pipeline runs them. */
class CompatCliIT {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private JarProcess run(String... args) throws InterruptedException {
        JarProcess process = JarProcess.start(Map.of("MCPVER_LOG_LEVEL", "warn"), args);
        process.waitFor(Duration.ofSeconds(90));
        return process;
    }

    @Test
    void should_snapshot_two_releases_and_gate_on_the_under_bump() throws Exception {
        Path v1 = dir.resolve("v1.json");
        Path v2 = dir.resolve("v2.json");
        String cp = System.getProperty("java.class.path");
        try (JarProcess first = run(
                        "snapshot",
                        "--no-probe",
                        "--package-version",
                        "1.0.0",
                        "-o",
                        v1.toString(),
                        "--stdio",
                        "--",
                        JAVA,
                        "-cp",
                        cp,
                        "dev.mcpver.snapshot.fixtures.FixtureServer",
                        "v1",
                        "stdio");
                JarProcess second = run(
                        "snapshot",
                        "--no-probe",
                        "--package-version",
                        "1.1.0",
                        "-o",
                        v2.toString(),
                        "--stdio",
                        "--",
                        JAVA,
                        "-cp",
                        cp,
                        "dev.mcpver.snapshot.fixtures.FixtureServer",
                        "v2",
                        "stdio")) {
            assertThat(first.process().exitValue())
                    .as(String.join("\n", first.stderrLines()))
                    .isZero();
            assertThat(second.process().exitValue()).isZero();
        }

        try (JarProcess diff = run("diff", v1.toString(), v2.toString(), "--format", "json")) {
            JsonNode report = Json.create().readTree(String.join("\n", diff.stdoutLines()));

            assertThat(diff.process().exitValue()).isEqualTo(1);
            assertThat(report.get("requiredBump").asText()).isEqualTo("major");
            assertThat(report.get("declaredBump").asText()).isEqualTo("minor");
            assertThat(report.get("changes").toString()).contains("tools/list_directory");
        }
    }

    @Test
    void should_print_byte_identical_reports_from_separate_processes() throws Exception {
        Path real = Path.of("src/test/resources/compat/evaluation/real");
        String old = real.resolve("@modelcontextprotocol_server-everything@2025.12.18.json")
                .toString();
        String now = real.resolve("@modelcontextprotocol_server-everything@2026.1.14.json")
                .toString();
        for (String format : new String[] {"json", "markdown", "sarif", "text"}) {
            try (JarProcess first = run("diff", old, now, "--format", format, "--fail-on", "none");
                    JarProcess second = run("diff", old, now, "--format", format, "--fail-on", "none")) {
                assertThat(first.stdoutLines()).isNotEmpty().isEqualTo(second.stdoutLines());
            }
        }
    }

    @Test
    void should_exit_1_with_one_line_when_the_server_exits_at_start() throws Exception {
        try (JarProcess snapshot = run(
                "snapshot",
                "--stdio",
                "--",
                JAVA,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.mcpver.snapshot.fixtures.ScriptedServer",
                "exit")) {
            assertThat(snapshot.process().exitValue()).isEqualTo(1);
            assertThat(snapshot.stderrLines())
                    .anyMatch(line -> line.startsWith("mcpver: snapshot failed: ") && line.contains("FIXTURE_TOKEN"));
            assertThat(snapshot.stdoutLines()).isEmpty();
        }
    }

    @Test
    void should_write_the_manifest_of_its_own_tools() throws Exception {
        Path manifest = dir.resolve("mcpver.surface.json");
        try (JarProcess run = run("manifest", "--out", manifest.toString())) {
            assertThat(run.process().exitValue()).isZero();
            JsonNode surface = Json.create().readTree(Files.readString(manifest));
            assertThat(surface.get("tools").toString()).contains("compat_analyze", "snapshot_server");
        }
    }
}
